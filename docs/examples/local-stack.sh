# Helpers for the example scripts, sourced by them: they talk to a running local stack (infra/local/run).
#   base        the stack's URL: the script's first argument, else $DIALOG_BASE_URL, else http://localhost:3000
#   wait_ready  waits until GET /health says the stack is ready (the demo organisation is imported), with a
#               progress line; gives up after $DIALOG_READY_TIMEOUT seconds (default 600) with a clear message
#   json        python3 expression over the JSON on stdin, e.g.  ... | json 'd["token"]'
#   token_for   a dev token for the demo tenant with the given roles
#   api         curl with the current $token against the admin API
#   daytime     moves the local clock on to noon (Oslo) unless it is already 09-18: SMS wait for the morning
#   check       check <what> <expected> <actual>: "ok" or a loud FAILED line; checks_passed exits 1 after any
base="${1:-${DIALOG_BASE_URL:-http://localhost:3000}}"
base="${base%/}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }
token_for() { curl -fsS "$base/local/token?tenant=demo&roles=$1" | json 'd["token"]'; }
api() { curl -sS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

wait_ready() {
  local timeout="${DIALOG_READY_TIMEOUT:-600}" started=$SECONDS out code body line last="" status
  while :; do
    out="$(curl -sS -m 10 -w '\n%{http_code}' "$base/health" 2>/dev/null)" || out=$'\n000'
    code="${out##*$'\n'}"; body="${out%$'\n'*}"
    status="$(printf %s "$body" | python3 -c 'import json,sys
try: print(json.load(sys.stdin).get("status", ""))
except Exception: print("")' 2>/dev/null)"
    if [ "$code" = 200 ]; then
      echo "   the local stack at $base is ready$( [ -n "$last" ] && echo " (after $((SECONDS - started)) s)")"
      return 0
    fi
    case "$code:$status" in
      503:starting) line="$(printf %s "$body" | json '"demo organisation: {:,} of {:,} contacts imported".format(d["demo"]["imported"], d["demo"]["of"]) if "demo" in d else "starting"')" ;;
      503:failed) echo "error: the local stack at $base is up but not ready: $(printf %s "$body" | json 'd.get("reason", "")')" >&2; exit 1 ;;
      000:*) line="no answer at $base yet (start it with infra/local/run, or set DIALOG_BASE_URL)" ;;
      *) line="GET $base/health answered HTTP $code" ;;
    esac
    [ "$line" != "$last" ] && echo "   waiting for the local stack: $line"
    last="$line"
    if [ $((SECONDS - started)) -ge "$timeout" ]; then
      echo "error: the local stack at $base was not ready after ${timeout} s (last: $line); see its console at $base/local/" >&2
      exit 1
    fi
    sleep 2
  done
}

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
  if [ -n "$to_noon" ]; then
    now="$(curl -fsS -X POST "$base/local/clock/advance?by=$to_noon" | json 'd["now"]')"
    echo "   moved the local clock on to noon"
  fi
  echo "   the local clock says $(python3 -c 'import sys, datetime, zoneinfo
print(datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00")).astimezone(zoneinfo.ZoneInfo("Europe/Oslo")).strftime("%Y-%m-%d %H:%M"))' "$now") (Oslo)"
}

failed_checks=0
check() {
  if [ "$2" = "$3" ]; then
    echo "   ok: $1: $3"
  else
    echo "   FAILED: $1: expected $2, got $3" >&2
    failed_checks=$((failed_checks + 1))
  fi
}
checks_passed() {
  if [ "$failed_checks" -gt 0 ]; then
    echo "FAILED: $failed_checks check(s) of this example did not hold (see above)" >&2
    exit 1
  fi
  echo "All checks passed."
}
