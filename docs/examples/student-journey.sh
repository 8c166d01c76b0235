#!/usr/bin/env bash
# Runs the "Are you still a student?" example against a running local stack (infra/local/run):
# segment, templates and journey from docs/examples through the admin API, activation, the first SMS
# in the outbox, two answers, a week on the local clock, and the reminders to those who did not answer.
# It waits until the stack is ready (the demo organisation imported) and ends by checking its own numbers:
# it exits 1, saying which, when they do not add up.
#   docs/examples/student-journey.sh [base-url]     (default $DIALOG_BASE_URL, else http://localhost:3000)
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack.sh"
sms() { curl -fsS "$base/local/outbox?tenant=demo&channel=sms&limit=10000" | json "len([m for m in d if ':student-' in m['idempotencyKey'] and m['idempotencyKey'].split(':')[2] == '$1'])"; }
settled() { curl -fsS "$base/local/sends?tenant=demo&journey=student" | json "sum(v for k, v in d['steps'].get('$1', {}).items() if k in ('SENT', 'NOT_SENDABLE', 'FAILED'))"; }
wait_for() {  # wait_for <step> <people>: until the send ledger has settled the step for them all, or its SMS count holds for 10 s
  local last=-1 now steady=0
  for _ in $(seq 1 120); do
    [ "$(settled "$1")" -ge "$2" ] && return 0
    now="$(sms "$1")"
    if [ "$now" -gt 0 ] && [ "$now" -eq "$last" ]; then steady=$((steady + 1)); [ "$steady" -ge 5 ] && return 0
    else steady=0; fi
    last="$now"; sleep 2
  done
  echo "timed out waiting for the SMS of step $1" >&2; exit 1
}

echo "0. the local stack, ready (the demo organisation's contacts all imported)"
wait_ready
echo "   daytime on the local clock (SMS wait for the morning outside 08:00-21:00 Oslo time)"
daytime
token="$(token_for editor)"   # after moving the clock: dev tokens live 12 hours of local-clock time

echo "1. segment, templates, journey"
api -X PUT "$base/admin/v1/segments/students-past-exam" -d @"$here/students-past-exam.segment.json" -o /dev/null -w '   segment %{http_code}\n' 2>/dev/null \
  | grep -q ' 200' || api -X POST "$base/admin/v1/segments" -d @"$here/students-past-exam.segment.json" -o /dev/null -w '   segment %{http_code}\n'
preview="$(api "$base/admin/v1/segments/students-past-exam/preview")"
matching="$(echo "$preview" | json 'd["count"]')"
echo "   $matching students in the demo organisation have an exam date behind them and a mobile number"
for t in student-ask student-remind; do
  api -X POST "$base/admin/v1/templates" -d @"$here/$t.template.json" -o /dev/null -w "   template $t %{http_code}\n"
done
sed '1s/{/{"id": "student",/' "$here/student-journey.json" \
  | api -X POST "$base/admin/v1/journeys" -d @- -o /dev/null -w '   journey %{http_code}\n'

echo "2. activate (the segmentation schedule runs every minute; moving the clock a minute on fires it now)"
api -X POST "$base/admin/v1/journeys/student/activate" -w '\n'
curl -fsS -X POST "$base/local/clock/advance?by=PT1M" -o /dev/null
wait_for ask "$matching"
asked="$(sms ask)"
echo "   $asked SMS in the outbox (the send rules refuse the others: they opted out of SMS or asked not to be contacted):"
curl -fsS "$base/local/outbox?tenant=demo&channel=sms&limit=1" | json 'd[0]["text"]' | sed 's/^/     /'

echo "3. two of them answer (as the landing page will)"
for id in $(echo "$preview" | json '" ".join(s["id"] for s in d["sample"][:2])'); do
  curl -fsS -X POST "$base/local/signals" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"demo\",\"type\":\"answered\",\"contactId\":\"$id\",\"journeyId\":\"student\",\"attributes\":{\"question\":\"still-student\",\"value\":\"yes\"}}" -o /dev/null
  echo "   $id answers"
done

echo "4. a week later"
sleep 5
curl -fsS -X POST "$base/local/clock/advance?by=P7DT1M" -w '\n'
wait_for remind "$((matching - 2))"
reminded="$(sms remind)"
echo "   $reminded reminders (to those who did not answer)"

echo "5. results"
# Dev tokens live 12 hours of local-clock time; the clock just moved a week, so take a fresh one.
token="$(token_for viewer)"
results="$(api "$base/admin/v1/journeys/student/results")"
echo "$results" | python3 -m json.tool

echo "6. do the numbers add up?"
# The send ledger says, per step, how many were sent and why the rest were not (the outbox shows only the sent).
sends="$(curl -fsS "$base/local/sends?tenant=demo&journey=student")"
refused() { echo "$sends" | json "sum(v for k, v in d['steps'].get('$1', {}).items() if k not in ('SENT', 'reasons'))"; }
reasons() { echo "$sends" | json "', '.join('%d %s' % (v, k) for k, v in d['steps'].get('$1', {}).get('reasons', {}).items()) or 'none'"; }
refused_ask="$(refused ask)"
echo "   of the $matching students in the preview, the send rules refused $refused_ask ($(reasons ask))"
check "students enrolled = students in the preview" "$matching" "$(echo "$results" | json 'd["totals"]["enrolled"]')"
check "SMS sent = reachable students in the preview ($matching - $refused_ask)" "$((matching - refused_ask))" "$asked"
check "reminders = reachable students who did not answer ($matching - 2 - $(refused remind))" \
  "$((matching - 2 - $(refused remind)))" "$reminded"
check "goal reached (the two answers)" 2 "$(echo "$results" | json 'd["totals"]["goalReached"]')"

echo "7. the funnel: queued, sent (LINK took it), delivered or failed (LINK's delivery reports)"
# The LINK sandbox's gate posts a delivery report for each SMS (numbers ending in 98 expire, in 99 fail).
total() { echo "$results" | json "d['totals']['$1']"; }
for _ in $(seq 1 30); do
  results="$(api "$base/admin/v1/journeys/student/results")"
  [ "$(( $(total delivered) + $(total failedProvider) + $(total failedExpired) ))" -ge "$(total sent)" ] && break
  sleep 2
done
echo "$results" | json "'   queued %(queued)d, sent %(sent)d (%(smsParts)d parts), delivered %(delivered)d; not sent: no consent %(failedNoConsent)d, opted out %(failedOptedOut)d, unreachable %(failedUnreachable)d; failed at LINK %(failedProvider)d, expired %(failedExpired)d' % d['totals']"
check "queued = sent + failed before LINK (no consent, opted out, unreachable)" "$(total queued)" \
  "$(( $(total sent) + $(total failedNoConsent) + $(total failedOptedOut) + $(total failedUnreachable) ))"
check "sent = delivered + failed at LINK + expired" "$(total sent)" \
  "$(( $(total delivered) + $(total failedProvider) + $(total failedExpired) ))"
check "SMS sent = the SMS in the outbox" "$((asked + reminded))" "$(total sent)"
checks_passed
