#!/usr/bin/env python3
"""What a cold chain costs each server, in system calls and in CPU by where it runs: ours against
Unbound's, on the race's ground.

The race's lab, NSD and the servers pinned as in the race and warmed the same way (with
--baseline-jar, a second build of ours as a third side). Then, for each side and phase (flushes
followed by no question, the flush's own cost; then as many flushes each followed by one chain,
for each chain length):

  calls  `perf trace -s` attached to the server: the system calls, by thread;
  cpu    `perf record` of the server's CPU (the cpu-clock, sampled at --frequency), split by thread
         kind (the serving threads, the JIT compilers, the rest of the JVM) and by where the
         sample fell: the kernel, Java code (the code cache: compiled methods, the interpreter,
         stubs), the JVM's runtime, or a library or program (libc, Unbound itself, libevent);
  owners with --call-graphs, our serving threads' CPU by the part of ours nearest the sample on its
         stack (transport, iterate, cache, server...), kernel and user, else the event loop's.

A chain's figures are its phase's per walk less the flush's. Counts of system calls do not move
with the machine's load; the CPU split moves little. Run as root, after resolver-bench/race.sh has
built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/chaincost.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/chaincost
"""
import json
import os
import re
import signal
import subprocess
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import dnsclient
from peers import Nsd, Ours, Unbound, wait_answering
from race import Race, add_hops, parser_with_walks, resolved

THREAD = re.compile(r"^ (.+) \((\d+)\), (\d+) events")
CALL = re.compile(r"^\s+(\w+)\s+(\d+)\s+(\d+)\s")
OURS = re.compile(r"org\.dnschase\.resolver\.(?:internal\.)?(\w+)")
REPORT_LINE = re.compile(r"^\s+[\d.]+%\s+(\d+)\s+(.+?)\s{2,}(\S.*?)\s*$")


def attached(command, body):
    """Runs body with a perf command attached to the server, stopped as perf stops: by SIGINT."""
    perf = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # perf attaches to every thread before the first walk
    try:
        body()
    finally:
        perf.send_signal(signal.SIGINT)
        perf.wait(120)


def thread_kind(name):
    """Threads of one kind counted together: Java numbers its threads of a kind (name-1, name-2)."""
    return re.sub(r"-\d+$", "-N", name.strip())


def calls(pid, out, body):
    """{thread: {system call: calls}} over body, from `perf trace -s`."""
    attached(["perf", "trace", "-s", "-p", str(pid), "-o", str(out)], body)
    counts = defaultdict(lambda: defaultdict(int))
    thread = None
    for line in out.read_text().splitlines():
        if match := THREAD.match(line):
            thread = thread_kind(match.group(1))
        elif thread and (match := CALL.match(line)):
            counts[thread][match.group(1)] += int(match.group(2))
    return counts


def where(dso):
    if dso == "[kernel.kallsyms]":
        return "kernel"
    if dso.startswith("[JIT]"):
        return "Java code"  # compiled methods, the interpreter and stubs: the code cache
    if dso == "libjvm.so":
        return "JVM runtime"
    return "libraries and program" if dso != "[unknown]" else "unknown"


def serving_or_not(thread, serving):
    if serving is None or thread.startswith(serving):
        return "serving"
    if "CompilerThre" in thread:
        return "JIT compilers"
    return "other threads"


def cpu(pid, out, body, frequency, serving):
    """{thread kind: {where: µs}} over body, from `perf record` at frequency Hz."""
    data = out.with_suffix(".data")
    attached(["perf", "record", "-F", str(frequency), "-p", str(pid), "-o", str(data)], body)
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "-q", "-n", "-g", "none", "--no-children",
                             "--sort", "comm,dso"], capture_output=True, text=True).stdout
    split = defaultdict(lambda: defaultdict(float))
    for line in report.splitlines():
        if match := REPORT_LINE.match(line):
            samples, thread, dso = int(match.group(1)), match.group(2), match.group(3)
            split[serving_or_not(thread, serving)][where(dso)] += samples * 1e6 / frequency
    data.unlink()
    return split


def owners(pid, out, body, frequency, serving, java):
    """{part of ours: {"kernel"|"user": µs}} of the serving threads over body, from `perf record -g`:
    each sample goes to the nearest frame of ours on its stack, from the leaf (the package under
    org.dnschase.resolver, internal.X counted as X), else to the event loop and the JDK. It needs
    the JVM's frame pointers (-XX:+PreserveFramePointer) and its code map (jcmd Compiler.perfmap);
    the map names compiled frames only, so a method inlined into another part's counts as that
    part's."""
    data = out.with_suffix(".graph.data")
    attached(["perf", "record", "-g", "-F", str(frequency), "-p", str(pid), "-o", str(data)], body)
    subprocess.run([str(Path(java).parent / "jcmd"), str(pid), "Compiler.perfmap"], check=True, capture_output=True)
    script = subprocess.run(["perf", "script", "-i", str(data), "-F", "comm,ip,sym,dso"],
                            capture_output=True, text=True).stdout
    split = defaultdict(lambda: defaultdict(float))
    for sample in script.split("\n\n"):
        lines = sample.strip().splitlines()
        if len(lines) < 2 or not lines[0].strip().startswith(serving):
            continue
        frames = lines[1:]
        side = "kernel" if "[kernel.kallsyms]" in frames[0] else "user"
        owner = next((match.group(1) for frame in frames
                      if (match := OURS.match((frame.split("(")[0].split() or [""])[-1]))), "event loop and JDK")
        split[owner][side] += 1e6 / frequency
    data.unlink()
    return split


def per_walk(table, walks):
    return {row: {column: n / walks for column, n in columns.items()} for row, columns in table.items()}


def less(phase, flush, least):
    """phase less flush, cell by cell, leaving out cells under least."""
    out = {}
    for row in phase.keys() | flush.keys():
        cells = {column: phase.get(row, {}).get(column, 0) - flush.get(row, {}).get(column, 0)
                 for column in phase.get(row, {}).keys() | flush.get(row, {}).keys()}
        cells = {column: n for column, n in cells.items() if abs(n) >= least}
        if cells:
            out[row] = cells
    return out


def measure(side, race, args):
    """{"calls"|"cpu": {chain length: {row: {column: per chain}}}}, the flush's own taken off."""
    pid = side.process.pid
    serving = side.serving_threads[0] if side.serving_threads else None

    def walks(name):
        def body():
            for _ in range(args.walks):
                side.flush()
                time.sleep(args.pause)
                if name is not None:
                    dnsclient.ask("127.0.0.1", side.port, name)
        return body
    graphs = args.call_graphs and args.frequency and serving is not None
    result = {"calls": {}, "cpu": {}, "owners": {}}
    phases = [("flush", None)] + [(str(hops), name) for hops, name in race.chains]
    flush = {}
    for phase, name in phases:
        out = args.out / f"{side.label}-{phase}"
        counted = per_walk(calls(pid, out.with_suffix(".calls.txt"), walks(name)), args.walks)
        sampled = per_walk(cpu(pid, out, walks(name), args.frequency, serving), args.walks) \
            if args.frequency else {}
        owned = per_walk(owners(pid, out, walks(name), args.frequency, serving, args.java), args.walks) \
            if graphs else {}
        if name is None:
            flush = {"calls": counted, "cpu": sampled, "owners": owned}
            continue
        result["calls"][phase] = less(counted, flush["calls"], 0.05)
        result["cpu"][phase] = less(sampled, flush["cpu"], 1)
        result["owners"][phase] = less(owned, flush["owners"], 1)
    return result


def table(label, result):
    lines = [f"== {label}, per cold chain (the flush's own taken off)"]
    for hops, threads in result["calls"].items():
        total = sum(sum(calls.values()) for calls in threads.values())
        lines.append(f"{hops} hops: {total:.1f} system calls")
        for thread, calls in sorted(threads.items(), key=lambda item: -sum(item[1].values())):
            listed = ", ".join(f"{call} {n:.1f}" for call, n in sorted(calls.items(), key=lambda item: -item[1]))
            lines.append(f"  {thread}: {listed}")
        split = result["cpu"].get(hops)
        if split:
            total = sum(sum(cells.values()) for cells in split.values())
            lines.append(f"  CPU {total:.0f} µs:")
            for kind, cells in sorted(split.items(), key=lambda item: -sum(item[1].values())):
                listed = ", ".join(f"{where} {us:.0f}" for where, us in sorted(cells.items(), key=lambda item: -item[1]))
                lines.append(f"    {kind} {sum(cells.values()):.0f} µs: {listed}")
        owned = result["owners"].get(hops)
        if owned:
            listed = ", ".join(f"{owner} {sum(cells.values()):.0f} (kernel {cells.get('kernel', 0):.0f})"
                               for owner, cells in sorted(owned.items(), key=lambda item: -sum(item[1].values())))
            lines.append(f"  serving CPU by the nearest frame of ours: {listed}")
    return "\n".join(lines)


@contextmanager
def warmed_sides(args, prefix):
    """The race's lab, NSD and the sides (ours, the --baseline-jar build, Unbound unless
    --no-unbound) pinned as in the race (servers on CPU 0, the rest on CPU 1), started and warmed
    up the race's way; yields the Race and the sides, stops them all at the end."""
    os.sched_setaffinity(0, {1})
    with tempfile.TemporaryDirectory(prefix=prefix) as work:
        work = Path(work)
        lab = work / "lab"
        subprocess.run([args.java, "-cp", str(args.bench_jar), "org.dnschase.resolver.bench.race.RaceLab", str(lab)],
                       check=True)
        nsd = Nsd(lab, work, 53, 1)
        sides = [Ours(lab, work, 0, args.java, args.server_jar, args.jvm_arg)]
        if args.baseline_jar:
            sides.append(Ours(lab, work, 0, args.java, args.baseline_jar, args.jvm_arg, "baseline"))
        if not args.no_unbound:
            sides.append(Unbound(lab, work, 0))
        try:
            for side in sides:
                wait_answering(side.start(), side.port)
            race = Race(args, lab, nsd, sides)
            for side in sides:
                race.warm_up(side)
            yield race, sides
        finally:
            for side in sides:
                side.stop()
            nsd.stop()


def ours_and_baseline(parser, unbound=False):
    """The options of a tool that measures our server, with the --baseline-jar build beside it:
    paths made absolute, the output directory made, Unbound left out unless the tool measures it
    too (then --no-unbound leaves it out)."""
    parser.add_argument("--baseline-jar", type=Path, help="another build of our server, measured as a second side")
    if unbound:
        parser.add_argument("--no-unbound", action="store_true", help="our server (and the baseline) only")
    args = resolved(parser.parse_args(), "server_jar", "bench_jar", "out", "baseline_jar")
    args.out.mkdir(parents=True, exist_ok=True)
    args.no_unbound = args.no_unbound if unbound else True
    return args


def main():
    parser = parser_with_walks(__doc__, "directory for perf's summaries and chaincost.json", 100,
                               "flushes per phase, each followed by one chain")
    add_hops(parser)
    parser.add_argument("--frequency", type=int, default=10_000,
                        help="perf record's sampling rate in Hz (0: system calls only)")
    parser.add_argument("--call-graphs", action="store_true",
                        help="also split our serving threads' CPU by the part of ours nearest on each sample's stack "
                             "(perf record -g; our servers run with -XX:+PreserveFramePointer)")
    parser.add_argument("--baseline-jar", type=Path, help="another build of our server, measured as a third side")
    parser.add_argument("--no-unbound", action="store_true", help="our server (and the baseline) only")
    args = resolved(parser.parse_args(), "server_jar", "bench_jar", "out", "baseline_jar")
    args.out.mkdir(parents=True, exist_ok=True)
    if args.call_graphs:
        args.jvm_arg.append("-XX:+PreserveFramePointer")
    results = {}
    with warmed_sides(args, "race-chaincost-") as (race, sides):
        for side in sides:
            results[side.label] = measure(side, race, args)
            print(table(side.label, results[side.label]), flush=True)
    (args.out / "chaincost.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
