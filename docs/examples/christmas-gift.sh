#!/usr/bin/env bash
# Runs the Vipps gift example against a running local stack (infra/local/run): the Christmas gift journey
# and the ready-made thank-you journey from docs/examples; a giver opens the link in her SMS, gives 200 kr
# and approves in the Vipps sandbox; the gift is registered against the journey, she is thanked, and the
# results show the conversion and the amount. Then a gift in the Vipps app from an unknown number starts
# the identification flow (a giver candidate, thanked and asked who they are).
#   docs/examples/christmas-gift.sh [base-url]     (default http://localhost:3000)
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack.sh"
token="$(token_for editor)"
jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT
outbox() { curl -fsS "$base/local/outbox?tenant=demo&channel=sms&limit=10000"; }
wait_until() {  # wait_until <description> <python condition over the SMS outbox d>
  for _ in $(seq 1 90); do
    [ "$(outbox | json "$2")" = "True" ] && return 0
    sleep 2
  done
  echo "timed out waiting for $1" >&2; exit 1
}

echo "0. daytime on the local clock (SMS wait for the morning outside 08:00-21:00 Oslo time)"
daytime

echo "1. segment, templates, journeys (the thank-you journey first: it starts on every gift)"
api -X POST "$base/admin/v1/segments" -d @"$here/christmas-givers.segment.json" -o /dev/null -w '   segment %{http_code}\n'
for t in christmas-gift-ask thank-giver; do
  api -X POST "$base/admin/v1/templates" -d @"$here/$t.template.json" -o /dev/null -w "   template $t %{http_code}\n"
done
for j in thank-giver:thank-giver-journey christmas:christmas-gift-journey; do
  sed "1s/{/{\"id\": \"${j%%:*}\",/" "$here/${j#*:}.json" \
    | api -X POST "$base/admin/v1/journeys" -d @- -o /dev/null -w "   journey ${j%%:*} %{http_code}\n"
  api -X POST "$base/admin/v1/journeys/${j%%:*}/activate" -o /dev/null -w "   activated %{http_code}\n"
done

echo "2. the Christmas SMS goes to this year's givers (the segmentation schedule runs every minute)"
wait_until "the Christmas SMS" "any('julegave' in m['text'] for m in d)"
sleep 5
message="$(outbox | json "[m for m in d if 'julegave' in m['text']][0]")"
phone="$(echo "$message" | python3 -c "import ast,sys; print(ast.literal_eval(sys.stdin.read())['recipient'])")"
link="$(echo "$message" | grep -oE 'https?://[^ ]+/p/[A-Za-z0-9_-]{22}' | head -1)"
echo "   $(outbox | json "len([m for m in d if 'julegave' in m['text']])") SMS; one of them:"
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

echo "6. a gift in the Vipps app from a number nobody has"
curl -fsS -X POST "$base/local/vipps/app-gift" -H 'Content-Type: application/json' \
  -d '{"phone":"+4799887766","name":"Nora Ny","amountOre":15000}' -o /dev/null
curl -fsS -X POST "$base/local/clock/advance?by=PT5M" -o /dev/null   # the Donations report is read every 5 minutes
wait_until "the thank-you SMS to the new giver" "any(m['recipient'] == '+4799887766' for m in d)"
outbox | json "[m['text'] for m in d if m['recipient'] == '+4799887766'][0]" | sed 's/^/     /'
echo "   a giver candidate was made for her; her page asks for consent, e-mail and the tax deduction number"
