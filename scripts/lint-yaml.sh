#!/usr/bin/env bash
# yamllint over the repository's YAML (.yamllint: compose, Helm values/Chart, Prometheus). The Helm
# templates are linted after rendering, in scripts/tests/deploy-manifests.test.ts.
# Without yamllint: a failure in CI (CI=true), a loud skip on a developer's machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v yamllint >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "yamllint is not installed (Debian: apt-get install yamllint); CI needs it" >&2
    exit 1
  fi
  echo "WARNING: yamllint is not installed (Debian: apt-get install yamllint); YAML lint SKIPPED" >&2
  exit 0
fi
yamllint --strict -f parsable .
echo "yamllint: $(git ls-files '*.yaml' '*.yml' | grep -v '^deploy/helm/kitchen/templates/' | wc -l) files clean"
