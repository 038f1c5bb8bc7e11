#!/usr/bin/env bash
# The race with Unbound on its own ground (issue 16): our server (bin/serve's jar, --threads 1)
# and Unbound (1 thread, validation off) asked by the same clients over UDP on loopback, each
# pinned in turn to the same CPU, NSD serving the lab's zones (RaceLab, exported by ZoneExport)
# and the clients on the other CPU. Writes the JSON result file and, with --report, RESULTS.md's
# race section and its plots. Run as root (NSD serves the lab on port 53, as Unbound expects of
# authoritative servers), from a fresh clone or anywhere:
#   resolver-bench/race.sh [--report] [race.py options, e.g. --rounds 7; --help lists them]
#   resolver-bench/race.sh --cold-only --baseline-jar OLD.jar   # a change's cold chains, in minutes
#   resolver-bench/race.sh --warm-only --baseline-jar OLD.jar   # a change's warm mix, in minutes
# Installs the peers (.ci/install-peers) when missing. Nothing leaves loopback: both resolvers
# know only the lab's root, and every lab server is on 127.53.x.y. Every process it starts is
# stopped when it ends, by its own process id.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "race: run as root: NSD serves the lab on port 53" >&2
  exit 2
fi
export PATH=$PATH:/usr/sbin:/sbin
report=
if [ "${1:-}" = --report ]; then
  report=yes
  shift
fi
case " $* " in
  *" --cold-only "* | *" --warm-only "*)
    [ -z "$report" ] || { echo "race: --report needs the whole race, not --cold-only or --warm-only" >&2; exit 2; } ;;
esac
.ci/install-peers
for tool in nsd nsd-control unbound unbound-control dnsperf taskset python3; do
  command -v "$tool" >/dev/null || { echo "race: $tool is missing" >&2; exit 1; }
done
if [ "$(nproc)" -lt 2 ]; then
  echo "race: needs 2 CPUs (one for the server raced, one for the clients and NSD)" >&2
  exit 1
fi
. bin/build-env.sh
./mvnw -q -B -pl resolver-bench,resolver-server -am package -Dmaven.test.skip=true \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
out=resolver-bench/race/results.json
python3 resolver-bench/race/race.py --java "$JAVA_HOME/bin/java" \
  --server-jar resolver-server/target/dnschase-server.jar --bench-jar resolver-bench/target/benchmarks.jar \
  --out "$out" "$@"
if [ -n "$report" ]; then
  python3 resolver-bench/race/plot.py "$out" resolver-bench/RESULTS.md
fi
