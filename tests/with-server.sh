#!/bin/bash
# Runs a command against a throwaway PostgreSQL server: pg_virtualenv (postgresql-common) creates
# a cluster in a few seconds, exports PGHOST, PGPORT, PGUSER and PGPASSWORD for it, runs the
# command and drops the cluster. PREFLIGHT_TEST_SERVER tells the tests to use it. -t keeps the
# cluster's files in a temporary folder even for root, who would otherwise get the system-wide
# 15/regress cluster, so that two runs at once (ctest -j, two worktrees) do not share files.
set -eu
if ! command -v pg_virtualenv >/dev/null; then
    echo "with-server.sh: pg_virtualenv is missing: install postgresql-15 and postgresql-common (packaging/setup.sh)" >&2
    exit 1
fi
# pg_virtualenv takes the first port no cluster of its own (temporary) configuration uses, 5432,
# whatever else listens there: a second run at the same time would talk to the first one's
# server. Start from a port of our own and skip any that answers.
port=$((20000 + $$ % 20000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
done
exec pg_virtualenv -t -v 15 -c "-p $port" env PREFLIGHT_TEST_SERVER=1 "$@"
