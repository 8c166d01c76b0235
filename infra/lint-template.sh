#!/usr/bin/env bash
# Lints template.yaml with cfn-lint, which runs the SAM transform first (aws-sam-translator comes with it), so
# SAM mistakes are caught as well as CloudFormation ones. Fails on any error or warning; informational findings
# are printed and pass. Run by .ci/run before the build; run it yourself after editing the template:
#   infra/lint-template.sh [template]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="${1:-$root/template.yaml}"

lint=""
for candidate in "$(command -v cfn-lint 2>/dev/null || true)" "${PYENV_ROOT:-$HOME/.pyenv}/shims/cfn-lint" \
    "$HOME/.local/bin/cfn-lint"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" --version >/dev/null 2>&1; then
    lint="$candidate"
    break
  fi
done
if [ -z "$lint" ]; then
  cat >&2 <<'EOF'
cfn-lint is not installed (or does not run), and template.yaml must pass it before anything is built.
Install it with Python's pip: pip install 'cfn-lint==1.51.*'   (it brings aws-sam-translator for the SAM transform)
The project's checks were made with cfn-lint 1.51.0.
EOF
  exit 2
fi

echo "$("$lint" --version) on ${template#"$root"/}"
# cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational (1: cfn-lint itself failed).
status=0
"$lint" --format parseable -- "$template" || status=$?
if [ $((status & 7)) -ne 0 ]; then
  echo "cfn-lint found errors or warnings in ${template#"$root"/} (exit code $status); fix them before deploying." >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "cfn-lint: informational findings only (exit code $status); not a failure."
else
  echo "cfn-lint: no errors, no warnings."
fi
