#!/usr/bin/env bash
# Installs what the build and tests need beyond Maven Central (Open MPI and its Java bindings). Idempotent.
set -euo pipefail
echo "setup: nothing to install yet"
