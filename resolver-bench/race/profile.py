#!/usr/bin/env python3
"""Profiles our server on the race's ground with the Flight Recorder: the race's lab, NSD and our
server pinned as in the race, warmed the same way, then one recording (`jcmd PID JFR.start`) over
cold chains only and one over the warm dnsperf mix only, each printed as its hottest methods
(`jfr view hot-methods`) and kept for JDK Mission Control or `jfr print`. Run as root, after
resolver-bench/race.sh has built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/profile.py --java "$JAVA_HOME/bin/java" \
      --server-jar resolver-server/target/dnschase-server.jar \
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/profile
"""
import subprocess
import sys
import time
from pathlib import Path

import dnsclient
from chaincost import warmed_sides
from race import WARMUP_WALKS, parser_with_jars, resolved


def settings(java, out):
    """JFR's profile settings at their most detailed sampling, without the resolver's own events: a
    recording that wants them makes every answer commit one, which is not what a server pays."""
    path = out / "profile.jfc"
    subprocess.run([str(Path(java).parent / "jfr"), "configure", "--input", "profile", "--output", str(path),
                    "method-profiling=max", "allocation-profiling=high", "+org.dnschase.Resolution#enabled=false",
                    "+org.dnschase.Exchange#enabled=false"], check=True, capture_output=True)
    return path


def recording(java, pid, name, out, body):
    jcmd = str(Path(java).parent / "jcmd")
    path = out / f"{name}.jfr"
    subprocess.run([jcmd, str(pid), "JFR.start", f"name={name}", f"settings={settings(java, out)}",
                    f"filename={path}"], check=True, capture_output=True)
    body()
    subprocess.run([jcmd, str(pid), "JFR.stop", f"name={name}"], check=True, capture_output=True)
    jfr = str(Path(java).parent / "jfr")
    for view in ("hot-methods", "allocation-by-class"):
        print(f"== {name}: {view}")
        print(subprocess.run([jfr, "view", "--width", "160", view, str(path)], capture_output=True,
                             text=True).stdout)


def main():
    parser = parser_with_jars(__doc__, "directory for the recordings")
    parser.add_argument("--cold-walks", type=int, default=300, help="flushes, each followed by every chain")
    parser.add_argument("--warm-seconds", type=float, default=20)
    args = resolved(parser.parse_args(), "server_jar", "bench_jar", "out")
    # what Race reads of the race's options
    args.warmup_walks, args.warmup_seconds, args.pause, args.settle = WARMUP_WALKS, 15, 0, 0
    args.hops, args.cold_only = None, False  # every chain; rounds with a warm phase
    args.outstanding, args.latency_seconds, args.latency_rate = 100, 1, 2000
    args.out.mkdir(parents=True, exist_ok=True)
    args.baseline_jar, args.no_unbound = None, True  # our server alone
    with warmed_sides(args, "race-profile-") as (race, (ours,)):
        lab = race.lab
        pid = ours.process.pid

        def cold():
            for _ in range(args.cold_walks):
                ours.flush()
                for _, name in race.chains:
                    dnsclient.ask("127.0.0.1", ours.port, name)

        def warm():
            race.dnsperf(ours, lab / "mix.txt", ["-n", "1", "-q", "20"])
            result = race.dnsperf(ours, lab / "mix.txt", ["-l", str(args.warm_seconds), "-q", "100"])
            print(f"warm: {result['qps']:.0f} queries/s", file=sys.stderr)
        started = time.monotonic()
        recording(args.java, pid, "cold", args.out, cold)
        print(f"cold: {args.cold_walks} walks in {time.monotonic() - started:.1f} s", file=sys.stderr)
        recording(args.java, pid, "warm", args.out, warm)


if __name__ == "__main__":
    main()
