#!/usr/bin/env bash
# "Dropout prevention" on the demo organisation against a running local stack (infra/local/run):
# regular givers in the top two deciles of predicted dropout risk get a thank-you SMS and, two weeks later, an
# insight letter; 10% are held out and get nothing. The goal is "the agreement is still active after 90 days":
# a Vipps Recurring charge in the third month (goal.from P60D, window P90D).
#
# 1. The prediction functions run on their own schedules (training Sundays 02:00, scoring nightly 03:30, Oslo):
#    the script moves the local clock to them. The demo organisation's giving history is generated with a
#    planted dropout risk, so the model has something true to find; its evaluation is printed.
# 2. The segment previews its count; the journey enrols them with the holdout.
# 3. Ninety days on (the clock again), the third month's charges arrive (simulated per arm: treated people keep
#    their agreement at the rate you give, the holdout at its own), and the results show the lift over the holdout.
#   docs/examples/dropout-prevention.sh [base-url] [kept: treated] [kept: holdout]   (default 0.66 0.60)
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/local-stack.sh"
kept_treated="${2:-0.66}"; kept_holdout="${3:-0.60}"
journey=dropout-prevention

# Moves the local clock to the next <weekday 1-7 or *> <hh:mm> in Oslo (plus a minute), printing the new time.
advance_to() {
  local now by
  now="$(curl -fsS -X POST "$base/local/clock/advance?by=PT1S" | json 'd["now"]')"
  by="$(python3 - "$now" "$1" "$2" <<'PY'
import sys, datetime, zoneinfo
oslo = zoneinfo.ZoneInfo("Europe/Oslo")
now = datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00")).astimezone(oslo)
hh, mm = map(int, sys.argv[3].split(":"))
t = datetime.datetime.combine(now.date(), datetime.time(hh, mm), oslo) + datetime.timedelta(minutes=1)
while t <= now or (sys.argv[2] != "*" and t.isoweekday() != int(sys.argv[2])):
    t += datetime.timedelta(days=1)
print("PT%dS" % int((t - now).total_seconds()))
PY
)"
  curl -fsS -X POST "$base/local/clock/advance?by=$by" | json '"   the local clock is now " + d["now"]'
  token="$(token_for admin)" # a dev token lives an hour of the local clock
}

echo "0. the local stack, ready"
wait_ready
token="$(token_for admin)"

echo "1. train (Sunday 02:00) and score (03:30) the demo organisation's models"
trained_before="$(api "$base/admin/v1/predictions/models" | json 'max([m["trainedAt"] or "" for m in d["models"]] + [""])' 2>/dev/null || true)"
advance_to 7 02:00
for _ in $(seq 1 150); do
  models="$(api "$base/admin/v1/predictions/models")"
  trained="$(echo "$models" | json 'max([m["trainedAt"] or "" for m in d["models"]] + [""])' 2>/dev/null || true)"
  [ -n "$trained" ] && [ "$trained" != "$trained_before" ] && break
  sleep 2
done
echo "$models" | json '"\n".join("   %-15s %s  %s" % (m["model"], "published" if m["published"] else "not published",
  ("AUC %.3f (baseline %.3f), calibration error %.3f, %d in training, %d tested" % (m["evaluation"]["auc"],
    m["evaluation"]["baselineAuc"], m["evaluation"]["calibrationError"], m["evaluation"]["trainingSize"], m["evaluation"]["testSize"]))
  if m["evaluation"] else m["reason"]) for m in d["models"])'
dropout_published="$(echo "$models" | json '[m["published"] for m in d["models"] if m["model"] == "dropoutRisk"][0]')"
echo "   what the dropout model uses most:"
echo "$models" | json '"\n".join("     %s %s (%s)" % (f["direction"], f["feature"], f["labels"]["en"]) for m in d["models"] if m["model"] == "dropoutRisk" for f in m["topFeatures"][:5])'
advance_to "*" 03:30
for _ in $(seq 1 150); do
  scored="$(api "$base/admin/v1/predictions/models" | json 'd["scores"]["scored"] if d.get("scores") else 0' 2>/dev/null || echo 0)"
  [ "$scored" -gt 0 ] && break
  sleep 2
done
echo "   $scored contacts scored"

echo "2. segments on the prediction; the journey with its 10% holdout"
criteria='{"criteria":{"all":[{"field":"donor.regular","op":"equals","value":true},{"field":"predicted.dropoutRiskDecile","op":"greaterThan","value":7}]}}'
top3="$(api -X POST "$base/admin/v1/segments/preview" -d "$criteria" | json 'd["count"]')"
echo "   regular givers with dropout risk in the 8th decile or above: $top3"
api -X POST "$base/admin/v1/segments" -d @"$here/dropout-risk-top.segment.json" -o /dev/null -w '   segment %{http_code}\n'
matching="$(api "$base/admin/v1/segments/dropout-risk-top/preview" | json 'd["count"]')"
echo "   $matching regular givers with a mobile number are in the top two deciles"
for t in dropout-thanks dropout-insight; do
  api -X POST "$base/admin/v1/templates" -d @"$here/$t.template.json" -o /dev/null -w "   template $t %{http_code}\n"
done
sed '1s/{/{"id": "'$journey'",/' "$here/dropout-prevention-journey.json" \
  | api -X POST "$base/admin/v1/journeys" -d @- -o /dev/null -w '   journey %{http_code}\n'
daytime
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
echo "   $enrolled enrolled: $(echo "$r" | json 'd["totals"]["queued"]') thank-you SMS queued, the rest held out"

echo "3. sixty-one days on: the letters have gone, the third month's charges come in"
curl -fsS -X POST "$base/local/clock/advance?by=P61D" -o /dev/null
token="$(token_for admin)"
curl -fsS -X POST "$base/local/simulate/answers" -H 'Content-Type: application/json' -d "{\"tenant\":\"demo\",\"journeyId\":\"$journey\",\"step\":\"thanks\",\"seed\":16,
  \"rates\":{\"A\":$kept_treated,\"holdout\":$kept_holdout},\"signal\":{\"type\":\"paid\",\"attributes\":{\"source\":\"vipps-recurring\",\"kind\":\"gift\"},\"amountOre\":20000}}" \
  | json '"\n".join("   %s: %d people, %d still giving" % ("treated" if k == "A" else k, v["people"], v["answered"]) for k, v in d["arms"].items())' | tee /tmp/dialog-dropout-kept.txt
kept="$(awk '{s+=$(NF-2)} END {print s}' /tmp/dialog-dropout-kept.txt)"
for _ in $(seq 1 60); do
  reached="$(results | json 'd["totals"]["goalReached"]')"
  [ "$reached" -ge "$kept" ] && break
  sleep 2
done

echo "4. the lift over the holdout (always-valid intervals)"
r="$(results)"
echo "$r" | json '"\n".join(
  "   %-8s n %4d  still giving after 90 days %4d  rate %.3f" % ("treated" if a["arm"] == "A" else a["arm"], a["n"], a["conversions"], a["rate"])
  for v in d["versions"] if v["experiment"] for a in v["experiment"]["arms"])'
echo "$r" | json '"\n".join(
  "   the journey keeps %+.3f more of them than doing nothing, interval [%+.3f, %+.3f]; decision: %s" % (
    -a["lift"]["absolute"]["estimate"], -a["lift"]["absolute"]["high"], -a["lift"]["absolute"]["low"], v["experiment"]["decision"])
  for v in d["versions"] if v["experiment"] for a in v["experiment"]["arms"] if a["arm"] == "holdout" and a["lift"])'
echo "   the console draws it: $base/local/results?tenant=demo&journey=$journey"

echo "5. do the numbers hold?"
check "the dropout model is published (it beat its baseline out of time)" "True" "$dropout_published"
check "the segment on the 9th-10th decile is within the 8th-and-above one" "yes" "$([ "$matching" -le "$top3" ] && [ "$matching" -gt 0 ] && echo yes || echo no)"
check "goal reached = the simulated third-month charges" "$kept" "$(echo "$r" | json 'd["totals"]["goalReached"]')"
check "arms' people = enrolled" "$enrolled" "$(echo "$r" | json 'sum(a["n"] for v in d["versions"] if v["experiment"] for a in v["experiment"]["arms"])')"
checks_passed
