#!/usr/bin/env bash
# Checks docs/tutorial.md against a real run of every command it shows (TutorialIT, the same check
# `mvn verify` runs), or with --write rewrites the outputs its transcripts show from a real run.
# Usage, from anywhere in the repository:
#   scripts/tutorial.sh [MAVEN_ARGS...]           check (e.g. scripts/tutorial.sh -o for offline)
#   scripts/tutorial.sh --write [MAVEN_ARGS...]   regenerate the transcripts, then review `git diff`
# It builds the cli module and what it needs, runs no other test, and writes nothing into the
# repository but docs/tutorial.md (with --write) and the modules' target/ folders.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
write=false
if [ "${1:-}" = "--write" ]; then
  write=true
  shift
fi
mvn=mvn
command -v mvn >/dev/null 2>&1 || mvn=./mvnw
exec "$mvn" -B -ntp -q -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=TutorialIT -Dtunelab.tutorial.write="$write" "$@"
