#!/usr/bin/env bash
# Runs the whole test suite: unit tests of every module, then integration tests that start real
# slurmctld/slurmd processes on 127.0.0.1 and drive them with the real commands.
# Integration tests that need other Unix users create them when run as root (see it/README.md).
set -euo pipefail
cd "$(dirname "$0")"
. ./jdk.sh
exec mvn -B -ntp ${MVN_ARGS:-} verify "$@"
