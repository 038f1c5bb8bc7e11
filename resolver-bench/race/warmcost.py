#!/usr/bin/env python3
"""What a warm (cached) query costs each server, on the race's ground: the race's lab, NSD and the
servers pinned as in the race and warmed the same way (with --baseline-jar, a second build of ours
as a third side), then, in interleaved rounds, the race's warm mix (dnsperf, -q --outstanding for
--seconds) against each side, measured as:

  CPU per query   the process's CPU over the run (/proc/PID/task/*/stat), split into user and
                  system time, and the serving threads' share; how busy that kept the server (its CPU
                  per query times the queries per second), and the CPU dnsperf itself took per query
                  (the client, on the other CPU, may bound the queries per second instead);
  calls           with --calls, the system calls per query (`perf trace -s` attached over one more
                  run; it slows the server, so it runs apart from the timed one);
  symbols         with --perf HZ, where the serving threads' CPU goes (`perf record` over one more
                  run, our compiled Java methods named by the JVM's code map, `jcmd Compiler.perfmap`):
                  µs per query by function, kernel and user apart; the recording, with its call
                  graphs, stays in the output directory for `perf report -G`.

Medians over the rounds (each column its own), with the load average beside them; the CPU columns hardly move with the
load, the queries per second do. Run as root, after resolver-bench/race.sh has built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/warmcost.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --baseline-jar OLD.jar --out /tmp/warmcost
"""
import json
import os
import re
import resource
import statistics
import subprocess
from pathlib import Path

from chaincost import attached, calls, warmed_sides
from race import WARMUP_WALKS, Race, loadavg, parser_with_jars, resolved, say

TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid, threads=None):
    """(user, system) seconds the threads of pid have run (/proc/PID/task/*/stat), with threads
    only those whose name starts with one of those prefixes."""
    user = system = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if threads is None or (task / "comm").read_text().startswith(threads):
                fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
                user, system = user + int(fields[11]), system + int(fields[12])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that ended while being read
    return user / TICK, system / TICK


def run(race, side, args):
    """One timed run of the warm mix against side: queries per second and CPU µs per query."""
    mix = race.lab / "mix.txt"
    race.dnsperf(side, mix, ["-n", "1", "-q", "20"])  # the whole mix cached
    load = loadavg()
    pid = side.process.pid
    before, serving_before = cpu_ticks(pid), cpu_ticks(pid, side.serving_threads)
    client_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = race.dnsperf(side, mix, ["-l", str(args.seconds), "-q", str(args.outstanding)])
    client_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    after, serving_after = cpu_ticks(pid), cpu_ticks(pid, side.serving_threads)
    queries = max(1, result["completed"])
    user, system = ((a - b) * 1e6 / queries for a, b in zip(after, before))
    serving = sum(serving_after) - sum(serving_before)
    # dnsperf's own CPU (the one child that ended meanwhile): the client, on the other CPU, may be
    # what bounds the queries per second rather than the server
    client = (client_after.ru_utime + client_after.ru_stime - client_before.ru_utime - client_before.ru_stime)
    return {"qps": result["qps"], "lost": result["lost"], "user_us": user, "system_us": system,
            "cpu_us": user + system, "serving_cpu_us": serving * 1e6 / queries,
            "client_us": client * 1e6 / queries, "busy": (user + system) * result["qps"] / 1e6, "load": load}


def calls_per_query(race, side, args, out):
    """{system call: calls per query} over one run of the warm mix under `perf trace -s`."""
    counted = {}

    def body():
        counted.update(race.dnsperf(side, race.lab / "mix.txt", ["-l", str(args.seconds), "-q", str(args.outstanding)]))
    threads = calls(side.process.pid, out / f"{side.label}.calls.txt", body)
    queries = max(1, counted["completed"])
    total = {}
    for per_thread in threads.values():
        for call, n in per_thread.items():
            total[call] = total.get(call, 0) + n / queries
    return {call: n for call, n in sorted(total.items(), key=lambda item: -item[1]) if n >= 0.001}


# perf report --sort dso,sym -n: "  12.34%  1234  [kernel.kallsyms]  [k] __sys_sendmmsg" (a compiled Java
# method's dso is "[JIT] tid N")
SYMBOL_LINE = re.compile(r"^\s+[\d.]+%\s+(\d+)\s+(\S+(?: tid \d+)?)\s+\[(.)\]\s+(.+?)\s*$")


def symbols_per_query(race, side, args, out):
    """{"kernel"|"user": µs per query, "symbols": [(µs per query, dso, symbol)]} of the serving threads
    (all of Unbound's) over one run of the warm mix under `perf record`, hottest first."""
    counted = {}
    data = out / f"{side.label}.perf.data"

    def body():
        counted.update(race.dnsperf(side, race.lab / "mix.txt", ["-l", str(args.seconds), "-q", str(args.outstanding)]))
    attached(["perf", "record", "-g", "-F", str(args.perf), "-p", str(side.process.pid), "-o", str(data)], body)
    if side.serving_threads is not None:
        subprocess.run([str(Path(args.java).parent / "jcmd"), str(side.process.pid), "Compiler.perfmap"],
                       check=True, capture_output=True)
    command = ["perf", "report", "-i", str(data), "--stdio", "-q", "-n", "-g", "none", "--no-children", "--sort", "dso,sym"]
    if side.serving_threads is not None:
        serving = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "-q", "--sort", "comm"],
                                 capture_output=True, text=True).stdout
        comms = {line.split()[-1] for line in serving.splitlines()
                 if line.split() and line.split()[-1].startswith(side.serving_threads)}
        command += ["--comms", ",".join(comms)]
    report = subprocess.run(command, capture_output=True, text=True).stdout
    per_sample = 1e6 / args.perf / max(1, counted["completed"])
    found = {"kernel": 0.0, "user": 0.0, "symbols": []}
    for line in report.splitlines():
        if match := SYMBOL_LINE.match(line):
            us = int(match.group(1)) * per_sample
            found["kernel" if match.group(3) == "k" else "user"] += us
            found["symbols"].append((us, match.group(2), match.group(4)))
    return found


def main():
    parser = parser_with_jars(__doc__, "directory for warmcost.json and perf's summaries")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--seconds", type=float, default=8, help="each run of the warm mix")
    parser.add_argument("--outstanding", type=int, default=100, help="dnsperf -q")
    parser.add_argument("--calls", action="store_true", help="also count system calls per query (perf trace -s)")
    parser.add_argument("--perf", type=int, default=0, metavar="HZ",
                        help="also sample where the serving threads' CPU goes, at HZ (perf record; e.g. 5000)")
    parser.add_argument("--top", type=int, default=40, help="the functions listed per side with --perf")
    parser.add_argument("--baseline-jar", type=Path, help="another build of our server, measured as a third side")
    parser.add_argument("--no-unbound", action="store_true", help="our server (and the baseline) only")
    args = resolved(parser.parse_args(), "server_jar", "bench_jar", "out", "baseline_jar")
    # what Race reads of the race's options
    args.warmup_walks, args.warmup_seconds, args.pause, args.settle = WARMUP_WALKS, 15, 0, 0
    args.hops, args.cold_only = None, False  # every chain; rounds with a warm phase
    args.out.mkdir(parents=True, exist_ok=True)
    with warmed_sides(args, "race-warmcost-") as (race, sides):
        samples = {side.label: [] for side in sides}
        for round_index in range(args.rounds):
            for side in race.order(round_index):
                samples[side.label].append(run(race, side, args))
            say(f"round {round_index + 1} of {args.rounds}: " + ", ".join(
                f"{label} {runs[-1]['cpu_us']:.2f} µs" for label, runs in samples.items()))
        counted = {side.label: calls_per_query(race, side, args, args.out) for side in sides} if args.calls else {}
        sampled = {side.label: symbols_per_query(race, side, args, args.out) for side in sides} if args.perf else {}
    medians = {label: {key: statistics.median(run[key] for run in runs) for key in runs[0]}
               for label, runs in samples.items()}
    (args.out / "warmcost.json").write_text(json.dumps({"medians": medians, "samples": samples, "calls": counted,
                                                        "symbols": sampled}, indent=1) + "\n")
    print("side      | queries/s | CPU µs/query | user | system | serving | server busy | dnsperf µs/query | lost | load")
    for label, m in medians.items():
        print(f"{label:<9} | {m['qps']:9.0f} | {m['cpu_us']:12.2f} | {m['user_us']:4.2f} | {m['system_us']:6.2f} "
              f"| {m['serving_cpu_us']:7.2f} | {m['busy']:11.2f} | {m['client_us']:16.2f} | {m['lost']:4.0f} "
              f"| {m['load']:.1f}")
    for label, per_query in counted.items():
        print(f"{label} system calls per query: " + ", ".join(f"{call} {n:.3f}" for call, n in per_query.items()))
    for label, found in sampled.items():
        print(f"{label}, sampled µs per query: kernel {found['kernel']:.2f}, user {found['user']:.2f}; the hottest:")
        for us, dso, symbol in found["symbols"][:args.top]:
            print(f"  {us:6.3f}  {dso[:24]:<24} {symbol[:110]}")


if __name__ == "__main__":
    main()
