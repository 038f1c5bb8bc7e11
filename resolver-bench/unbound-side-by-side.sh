#!/usr/bin/env bash
# The side-by-side with Unbound (issue 7, item 3): serves the benchmark lab on 127.53.x.y port 53,
# runs Unbound (validation off, the lab's root hints) on a loopback port beside our resolver, and
# prints, per chain length, median cold and warm times, upstream queries and whether the answers
# match. Then, for interop, the same lab exported as zone files is served by NSD on the same
# addresses (one NSD per address) and both resolvers resolve every chain again through it.
# Run as root from the repository root or anywhere:
#   resolver-bench/unbound-side-by-side.sh [--runs N] [--pause MS] [--no-qmin] [--no-nsd]
# Installs unbound, nsd (and dnsutils) from Debian's packages when missing. Nothing leaves
# loopback: both resolvers know only the lab's root, and every lab server is on 127.53.x.y.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "run as root: the lab serves on port 53, as Unbound expects of authoritative servers" >&2
  exit 2
fi
export PATH=$PATH:/usr/sbin:/sbin
if ! command -v unbound >/dev/null || ! command -v unbound-control >/dev/null || ! command -v dig >/dev/null \
    || ! command -v nsd >/dev/null || ! command -v nsd-control >/dev/null; then
  apt-get update -qq
  # The packages would start their own services: Unbound's primes from the real root servers (and
  # fetches a trust anchor), NSD's takes port 53 on every address: forbid service starts for the
  # length of the install.
  policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    policy=created
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unbound nsd dnsutils >/dev/null || status=$?
  if [ -n "$policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$status" = 0 ] || exit "$status"
fi
. bin/build-env.sh
./mvnw -q -B -pl resolver-bench -am package -DskipTests
unbound -V | sed -n 1p  # sed reads to the end: head would leave the writer a SIGPIPE
nsd -v 2>&1 | sed -n 1p
# The Java side stops its Unbound and NSDs when it ends; if it is killed, they would stay. Their
# directories (pidfiles included) are under $work, so the trap can stop exactly those processes.
work=$(mktemp -d)
cleanup() {
  local pidfile
  for pidfile in "$work"/*/*.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir="$work" \
  -cp resolver-bench/target/benchmarks.jar org.dnschase.resolver.bench.UnboundSideBySide "$@"
