#!/usr/bin/env bash
# The side-by-side with Unbound (issue 7, item 3): serves the benchmark lab on 127.53.x.y port 53,
# runs Unbound (validation off, the lab's root hints) on a loopback port beside our resolver, and
# prints, per chain length, median cold and warm times, upstream queries and whether the answers
# match. Run as root from the repository root or anywhere:
#   resolver-bench/unbound-side-by-side.sh [--runs N] [--no-qmin]
# Installs unbound (and dnsutils) from Debian's packages when missing. Nothing leaves loopback:
# both resolvers know only the lab's root, and every lab server is on 127.53.x.y.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "run as root: the lab serves on port 53, as Unbound expects of authoritative servers" >&2
  exit 2
fi
export PATH=$PATH:/usr/sbin:/sbin
if ! command -v unbound >/dev/null || ! command -v unbound-control >/dev/null || ! command -v dig >/dev/null; then
  apt-get update -qq
  # The package would start its own Unbound service, which primes from the real root servers
  # (and fetches a trust anchor): forbid service starts for the length of the install.
  policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    policy=created
  fi
  status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends unbound dnsutils >/dev/null || status=$?
  if [ -n "$policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
  [ "$status" = 0 ] || exit "$status"
fi
. bin/build-env.sh
./mvnw -q -B -pl resolver-bench -am package -DskipTests
unbound -V | head -1
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp resolver-bench/target/benchmarks.jar org.dnschase.resolver.bench.UnboundSideBySide "$@"
