#!/usr/bin/env bash
# The service benchmark: durable submissions a second and p50/p99 latency
# on SQLite and PostgreSQL, side by side with the floor (append + fsync),
# in one run. Starts a throwaway PostgreSQL cluster (Debian's postgresql).
#   bash bench/run-service.sh [SECONDS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/postgres.sh
pg_start
trap pg_stop EXIT
go run ./bench/submit -seconds "${1:-10}" -clients "${2:-64}"
