# Helpers for the example scripts, sourced by them: they talk to a running local stack (infra/local/run).
#   base    the stack's URL (default http://localhost:3000)
#   json    python3 expression over the JSON on stdin, e.g.  ... | json 'd["token"]'
#   token   a dev token for the demo tenant with the given roles
#   api     curl with the current $token against the admin API
#   daytime moves the local clock on to noon (Oslo) unless it is already 09-18: SMS wait for the morning
base="${1:-http://localhost:3000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
token_for() { curl -fsS "$base/local/token?tenant=demo&roles=$1" | json 'd["token"]'; }
api() { curl -sS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
daytime() {
  local now to_noon
  now="$(curl -fsS -X POST "$base/local/clock/advance?by=PT1S" | json 'd["now"]')"
  to_noon="$(python3 - "$now" <<'PY'
import sys, datetime, zoneinfo
now = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00")).astimezone(zoneinfo.ZoneInfo("Europe/Oslo"))
if 9 <= now.hour < 18:
    print("")
else:
    day = now.date() if now.hour < 9 else now.date() + datetime.timedelta(days=1)
    noon = datetime.datetime.combine(day, datetime.time(12), now.tzinfo)
    print("PT%dS" % int((noon - now).total_seconds()))
PY
)"
  if [ -n "$to_noon" ]; then curl -fsS -X POST "$base/local/clock/advance?by=$to_noon" -o /dev/null; echo "   moved the local clock on to noon"; fi
}
