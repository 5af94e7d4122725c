#!/usr/bin/env bash
# Installs what the build and tests need beyond Maven Central: TA-Lib's C library, the tests' and
# benchmarks' reference (scripts/install-talib-c.sh; docs/architecture.md, "References"), and Open MPI
# with its Java bindings (scripts/install-openmpi-java.sh; docs/mpi.md says what and why).
# Idempotent and non-interactive: a second run checks, changes nothing and takes well under a second.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/install-talib-c.sh"
"$here/install-openmpi-java.sh"
