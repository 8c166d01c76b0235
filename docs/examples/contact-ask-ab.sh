#!/usr/bin/env bash
# Runs an A/B test with a holdout on the demo organisation against a running local stack (infra/local/run):
# "Is your contact information right?" by SMS in two wordings (A, B) to active members with a mobile number,
# 10% held out (they get nothing), goal: an answer within 14 days. People answer through the local stack's
# switch for simulated answers (POST /local/simulate/answers) at rates you choose per arm. It prints the
# per-arm results with their always-valid intervals and the decision, lets the hourly auto-winner look,
# and checks its own numbers: it exits 1, saying which, when they do not hold.
#   docs/examples/contact-ask-ab.sh [base-url] [rate A] [rate B] [rate holdout]   (default 0.10 0.16 0.03)
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack.sh"
rate_a="${2:-0.10}"; rate_b="${3:-0.16}"; rate_holdout="${4:-0.03}"
journey=contact-ask

echo "0. the local stack, ready"
wait_ready
daytime
token="$(token_for editor)"

echo "1. segment, the two texts, the journey with its experiment (A/B, 10% holdout, auto-winner)"
api -X POST "$base/admin/v1/segments" -d @"$here/members-with-phone.segment.json" -o /dev/null -w '   segment %{http_code}\n'
matching="$(api "$base/admin/v1/segments/members-with-phone/preview" | json 'd["count"]')"
echo "   $matching active members have a mobile number"
for t in contact-ask-a contact-ask-b; do
  api -X POST "$base/admin/v1/templates" -d @"$here/$t.template.json" -o /dev/null -w "   template $t %{http_code}\n"
done
sed '1s/{/{"id": "'$journey'",/' "$here/contact-ask-journey.json" \
  | api -X POST "$base/admin/v1/journeys" -d @- -o /dev/null -w '   journey %{http_code}\n'

echo "2. activate; the segmentation schedule enrols them within a minute"
api -X POST "$base/admin/v1/journeys/$journey/activate" -o /dev/null -w '   activate %{http_code}\n'
curl -fsS -X POST "$base/local/clock/advance?by=PT1M" -o /dev/null
results() { api "$base/admin/v1/journeys/$journey/results"; }
for _ in $(seq 1 90); do
  r="$(results)"
  enrolled="$(echo "$r" | json 'd["totals"]["enrolled"]')"
  handled="$(echo "$r" | json 'd["totals"]["queued"] + sum(a["n"] for v in d["versions"] if v["experiment"] for a in v["experiment"]["arms"] if a["arm"] == "holdout")')"
  [ "$enrolled" -ge "$matching" ] && [ "$handled" -ge "$enrolled" ] && break
  sleep 2
done
echo "   $enrolled enrolled; $(echo "$r" | json 'd["totals"]["queued"]') SMS queued, the rest held out"

echo "3. people answer (simulated: A $rate_a, B $rate_b, holdout $rate_holdout)"
curl -fsS -X POST "$base/local/simulate/answers" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"journeyId\":\"$journey\",\"step\":\"ask\",\"seed\":7,
  \"rates\":{\"A\":$rate_a,\"B\":$rate_b,\"holdout\":$rate_holdout},\"signal\":{\"type\":\"answered\",\"attributes\":{\"question\":\"contact-ok\",\"value\":\"same\"}}}" \
  | json '"\n".join("   %s: %d people, %d answer" % (k, v["people"], v["answered"]) for k, v in d["arms"].items())' | tee /tmp/dialog-ab-answers.txt
answered="$(awk '{s+=$(NF-1)} END {print s}' /tmp/dialog-ab-answers.txt)"
for _ in $(seq 1 60); do
  reached="$(results | json 'd["totals"]["goalReached"]')"
  [ "$reached" -ge "$answered" ] && break
  sleep 2
done

echo "4. results per arm (always-valid intervals: safe to look at every day)"
r="$(results)"
echo "$r" | json '"\n".join(
  "   %-8s n %5d  answered %4d  rate %s  lift over %s: %s" % (a["arm"], a["n"], a["conversions"],
    "%.3f" % a["rate"] if a["rate"] is not None else "-", v["experiment"]["control"],
    "-" if a["lift"] is None else "%+.3f [%+.3f, %+.3f]" % (a["lift"]["absolute"]["estimate"], a["lift"]["absolute"]["low"], a["lift"]["absolute"]["high"]))
  for v in d["versions"] if v["experiment"] for a in v["experiment"]["arms"])'
decision="$(echo "$r" | json '[v["experiment"]["decision"] for v in d["versions"] if v["experiment"]][0]')"
echo "   decision: $decision"
echo "   funnel: $(echo "$r" | json '", ".join("%s %d" % (s["stage"], s["count"]) for s in d["funnel"])')"
echo "   the console draws it: $base/local/results?tenant=demo&journey=$journey"

echo "5. an hour later the auto-winner looks (the hourly ExperimentsRule)"
curl -fsS -X POST "$base/local/clock/advance?by=PT1H" -o /dev/null
token="$(token_for viewer)"
for _ in $(seq 1 30); do
  winner="$(api "$base/admin/v1/journeys/$journey" | json 'd.get("winners", {}).get("1", "")')"
  [ -n "$winner" ] && break
  sleep 2
done
echo "   declared winner: ${winner:-none}"

echo "6. do the numbers hold?"
check "goal reached = the simulated answers" "$answered" "$(echo "$r" | json 'd["totals"]["goalReached"]')"
check "arms' people = enrolled" "$enrolled" "$(echo "$r" | json 'sum(a["n"] for v in d["versions"] if v["experiment"] for a in v["experiment"]["arms"])')"
if python3 -c "import sys; sys.exit(0 if float('$rate_b') >= 1.5 * float('$rate_a') else 1)"; then
  check "decision (B answers far more often)" "B better" "$decision"
  check "the auto-winner took B" "B" "$winner"
fi
checks_passed
