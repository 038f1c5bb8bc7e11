#!/usr/bin/env bash
# DNSSEC interop (issue 17): NSD serves signed zones (DnssecInteropLab, exported by ZoneExport:
# a secure chain, an insecure delegation, each breakage, NXDOMAIN by NSEC and by NSEC3, a
# wildcard); a validating Unbound and our server (bin/serve's jar), both anchored at the lab
# root's DS, are asked the same questions with dig +dnssec; prints a table of rcode, AD and EDE
# for both and where they differ. Run as root (NSD serves the lab on port 53), from a fresh clone
# or anywhere:  resolver-bench/dnssec-interop.sh
# Nothing leaves loopback; every process it starts is stopped by its own process id.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "dnssec-interop: run as root: NSD serves the lab on port 53" >&2
  exit 2
fi
export PATH=$PATH:/usr/sbin:/sbin
.ci/install-peers
for tool in nsd nsd-control unbound dig taskset python3; do
  command -v "$tool" >/dev/null || { echo "dnssec-interop: $tool is missing" >&2; exit 1; }
done
. bin/build-env.sh
./mvnw -q -B -pl resolver-bench,resolver-server -am package -Dmaven.test.skip=true \
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
python3 resolver-bench/interop/dnssec_interop.py --java "$JAVA_HOME/bin/java" \
  --server-jar resolver-server/target/dnschase-server.jar --bench-jar resolver-bench/target/benchmarks.jar
