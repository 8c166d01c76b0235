#!/usr/bin/env bash
# Runs the Vipps gift example against a running local stack (infra/local/run): the Christmas gift journey
# and the ready-made thank-you journey from docs/examples; a giver opens the link in her SMS, gives 200 kr
# and approves in the Vipps sandbox; the gift is registered against the journey, she is thanked, and the
# results show the conversion and the amount. Then a gift in the Vipps app from an unknown number starts
# the identification flow (a giver candidate, thanked and asked who they are). It waits until the stack is
# ready (the demo organisation imported) and ends by checking its own numbers: it exits 1, saying which,
# when they do not add up.
#   docs/examples/christmas-gift.sh [base-url]     (default $DIALOG_BASE_URL, else http://localhost:3000)
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack.sh"
jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT
outbox() { curl -fsS "$base/local/outbox?tenant=demo&channel=sms&limit=10000"; }
wait_until() {  # wait_until <description> <python condition over the SMS outbox d>
  for _ in $(seq 1 90); do
    [ "$(outbox | json "$2")" = "True" ] && return 0
    sleep 2
  done
  echo "timed out waiting for $1" >&2; exit 1
}

christmas_sms() { outbox | json "len([m for m in d if 'julegave' in m['text']])"; }
settled() { curl -fsS "$base/local/sends?tenant=demo&journey=christmas" | json "sum(v for k, v in d['steps'].get('ask', {}).items() if k in ('SENT', 'NOT_SENDABLE', 'FAILED'))"; }
wait_steady() {  # wait_steady <description> <command printing a count>: until the send ledger has settled the
  local last=-1 now steady=0   # Christmas SMS for every giver, or the count is above 0 and holds for 10 s
  for _ in $(seq 1 120); do
    [ "$(settled)" -ge "$givers" ] && return 0
    now="$($2)"
    if [ "$now" -gt 0 ] && [ "$now" -eq "$last" ]; then steady=$((steady + 1)); [ "$steady" -ge 5 ] && return 0
    else steady=0; fi
    last="$now"; sleep 2
  done
  echo "timed out waiting for $1" >&2; exit 1
}

echo "0. the local stack, ready (the demo organisation's contacts all imported)"
wait_ready
echo "   daytime on the local clock (SMS wait for the morning outside 08:00-21:00 Oslo time)"
daytime
token="$(token_for editor)"   # after moving the clock: dev tokens live 12 hours of local-clock time

echo "1. segment, templates, journeys (the thank-you journey first: it starts on every gift)"
api -X POST "$base/admin/v1/segments" -d @"$here/christmas-givers.segment.json" -o /dev/null -w '   segment %{http_code}\n'
givers="$(api "$base/admin/v1/segments/christmas-givers/preview" | json 'd["count"]')"
echo "   $givers people gave in the last year, are not regular donors and have a mobile number"
for t in christmas-gift-ask thank-giver; do
  api -X POST "$base/admin/v1/templates" -d @"$here/$t.template.json" -o /dev/null -w "   template $t %{http_code}\n"
done
for j in thank-giver:thank-giver-journey christmas:christmas-gift-journey; do
  sed "1s/{/{\"id\": \"${j%%:*}\",/" "$here/${j#*:}.json" \
    | api -X POST "$base/admin/v1/journeys" -d @- -o /dev/null -w "   journey ${j%%:*} %{http_code}\n"
  api -X POST "$base/admin/v1/journeys/${j%%:*}/activate" -o /dev/null -w "   activated %{http_code}\n"
done

echo "2. the Christmas SMS goes to this year's givers (the segmentation schedule runs every minute; moving the clock a minute on fires it now)"
curl -fsS -X POST "$base/local/clock/advance?by=PT1M" -o /dev/null
wait_steady "the Christmas SMS" christmas_sms
asked="$(christmas_sms)"
message="$(outbox | json "[m for m in d if 'julegave' in m['text']][0]")"
phone="$(echo "$message" | python3 -c "import ast,sys; print(ast.literal_eval(sys.stdin.read())['recipient'])")"
link="$(echo "$message" | grep -oE 'https?://[^ ]+/p/[A-Za-z0-9_-]{22}' | head -1)"
echo "   $asked SMS; one of them:"
echo "$message" | python3 -c "import ast,sys; print('     ' + ast.literal_eval(sys.stdin.read())['text'])"

echo "3. she opens the link and gives 200 kr"
page="$(curl -fsS -c "$jar" -b "$jar" "$link")"
csrf="$(echo "$page" | grep -oE 'name="csrf" value="[^"]+"' | sed 's/.*value="//; s/"$//')"
submission="$(echo "$page" | grep -oE 'name="submission" value="[^"]+"' | sed 's/.*value="//; s/"$//')"
vipps="$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "csrf=$csrf" \
  --data-urlencode "submission=$submission" --data-urlencode "gift=200" "$link")"
echo "   the page sends her to Vipps: $vipps"

echo "4. she approves in the Vipps sandbox and comes back"
back="$(curl -sS -o /dev/null -w '%{redirect_url}' -d decision=approve "$vipps")"
echo "   back at $back"
for _ in $(seq 1 30); do
  curl -fsS "$back" | grep -q 'Tusen takk!' && { echo "   the page says: Tusen takk!"; break; }
  sleep 2
done

echo "5. the gift is registered against the journey, she is thanked, the results count it"
wait_until "the thank-you SMS" "any(m['recipient'] == '$phone' and 'Tusen takk for gaven' in m['text'] for m in d)"
outbox | json "[m['text'] for m in d if m['recipient'] == '$phone' and 'Tusen takk for gaven' in m['text']][0]" | sed 's/^/     /'
for _ in $(seq 1 30); do
  totals="$(api "$base/admin/v1/journeys/christmas/results" | json 'd["totals"]')"
  echo "$totals" | grep -q "'goalReached': 1" && break
  sleep 2
done
echo "   christmas results: $totals"
goal_reached="$(echo "$totals" | python3 -c "import ast,sys; print(ast.literal_eval(sys.stdin.read())['goalReached'])")"
revenue="$(echo "$totals" | python3 -c "import ast,sys; print(ast.literal_eval(sys.stdin.read())['goalRevenueOre'])")"

echo "6. a gift in the Vipps app from a number nobody has"
curl -fsS -X POST "$base/local/vipps/app-gift" -H 'Content-Type: application/json' \
  -d '{"phone":"+4799887766","name":"Nora Ny","amountOre":15000}' -o /dev/null
curl -fsS -X POST "$base/local/clock/advance?by=PT5M" -o /dev/null   # the Donations report is read every 5 minutes
wait_until "the thank-you SMS to the new giver" "any(m['recipient'] == '+4799887766' for m in d)"
outbox | json "[m['text'] for m in d if m['recipient'] == '+4799887766'][0]" | sed 's/^/     /'
echo "   a giver candidate was made for her; her page asks for consent, e-mail and the tax deduction number"

echo "7. do the numbers add up?"
sends="$(curl -fsS "$base/local/sends?tenant=demo&journey=christmas")"
refused="$(echo "$sends" | json "sum(v for k, v in d['steps'].get('ask', {}).items() if k not in ('SENT', 'reasons'))")"
echo "   of the $givers givers in the preview, the send rules refused $refused ($(echo "$sends" | json "', '.join('%d %s' % (v, k) for k, v in d['steps'].get('ask', {}).get('reasons', {}).items()) or 'none'"))"
check "Christmas SMS sent = reachable givers in the preview ($givers - $refused)" "$((givers - refused))" "$asked"
check "goal reached (her gift)" 1 "$goal_reached"
check "goal revenue in øre (200 kr)" 20000 "$revenue"
checks_passed
