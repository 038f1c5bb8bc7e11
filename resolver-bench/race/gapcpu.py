#!/usr/bin/env python3
"""Where the serving thread's CPU goes inside each window of gaps.py, ours beside Unbound's, on the
race's ground: `perf record -g` of the serving thread at --frequency, together with the tracepoints
that bound the windows (gaps.BOUNDS), over cold chains at the race's cadence. Each CPU sample that
falls inside a window (first, between, answer, wake, and after send: from a query's send to the next
read or send, see gaps.py; the first reply's between apart as "between 1", and "aside" from a read
that led to no send, the priming's reply beside the walk, to the next read) is counted to it, under
the part of ours nearest the sample on its stack (the package under org.dnschase.resolver,
internal.X counted as X, as chaincost.py's --call-graphs does; with --classes, the class; with
--methods, the class and method), else under where the sample itself ran (the kernel, the JVM, libc,
Unbound, libevent); then split into kernel and user. --hops walks some chain lengths only.

Per side and window, summed over every chain length: the windows seen, their median length (µs)
and the CPU sampled in them per window (µs), by part. Our servers run with -XX:+PreserveFramePointer
here, and the JIT's code map is written (jcmd Compiler.perfmap) after each recording; the map
names compiled frames only, so a method inlined into another part's counts as that part's. Run as
root, after resolver-bench/race.sh has built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/gapcpu.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/gapcpu
"""
import bisect
import json
import re
import statistics
import subprocess
from collections import defaultdict
from pathlib import Path

from chaincost import OURS, ours_and_baseline, warmed_sides
from gaps import BOUNDS, bounds, listeners, serving_thread, walks, windows
from race import add_hops, loadavg, parser_with_walks

# perf script -F tid,time,event,ip,sym,dso: " 1234 78447.319642632:      50 cpu-clock:ppp: " then the stack
SAMPLE = re.compile(r"^\s*\d+\s+([\d.]+):\s+(?:\d+\s+)?(\S+?):")
FRAME = re.compile(r"^\s*[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$")


# with --classes: the class of ours nearest the leaf (its simple name), not its package; with
# --methods, its method too (a compiled frame's: what the JIT inlined into it counts as its own)
CLASS = re.compile(r"org\.dnschase\.resolver\.(?:[a-z]\w*\.)*([A-Z]\w*)")
METHOD = re.compile(r"org\.dnschase\.resolver\.(?:[a-z]\w*\.)*([A-Z][\w$]*\.[\w$<>]+)")


def owner(frames, grain=None):
    """The part of ours nearest the leaf (or its class or method, as grain says), else where the leaf ran; and
    whether the leaf is the kernel's."""
    kernel = bool(frames) and frames[0][1] == "[kernel.kallsyms]"
    for symbol, _ in frames:
        # a compiled Java frame reads "byte[] org.dnschase.resolver.server.internal.QueryHandler.answer(...)"
        if match := {"classes": CLASS, "methods": METHOD}.get(grain, OURS).match((symbol.split("(")[0].split() or [""])[-1]):
            return match.group(1), kernel
    if not frames:
        return "unknown", kernel
    dso = frames[0][1]
    return ("kernel" if kernel else "JIT code" if dso.startswith("[JIT]") or dso.startswith("/tmp/perf-")
            else Path(dso).name), kernel


def samples(script):
    """[(time µs, frames)] of the cpu-clock samples in `perf script` output, frames from the leaf."""
    out = []
    for block in script.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if not lines or not (match := SAMPLE.match(lines[0])) or match.group(2).startswith("syscalls"):
            continue
        frames = [(m.group(1), m.group(2)) for line in lines[1:] if (m := FRAME.match(line))]
        out.append((float(match.group(1)) * 1e6, frames))
    return out


def in_time_order(script):
    """`perf script` output with its events (a header line and the stack under it) sorted by time."""
    def at(block):
        match = SAMPLE.match(block.lstrip("\n"))
        return float(match.group(1)) if match else 0.0
    return "\n\n".join(sorted(script.split("\n\n"), key=at))


def cpu_in_windows(script, listening, frequency, grain=None):
    """{window: {"n": windows, "lengths": [µs], "parts": {part: {"kernel"|"user": µs}}}} of one recording."""
    script = in_time_order(script)
    found = windows(bounds(script), listening)
    spans = sorted((span for walk in found for span in walk["spans"]), key=lambda span: span[1])
    starts = [span[1] for span in spans]
    out = defaultdict(lambda: {"n": 0, "lengths": [], "parts": defaultdict(lambda: defaultdict(float))})
    for name, start, end in spans:
        out[name]["n"] += 1
        out[name]["lengths"].append(end - start)
    for at, frames in samples(script):
        index = bisect.bisect_right(starts, at) - 1
        if index >= 0 and at < spans[index][2]:
            part, kernel = owner(frames, grain)
            out[spans[index][0]]["parts"][part]["kernel" if kernel else "user"] += 1e6 / frequency
    return out


def measure(side, race, args):
    tid = serving_thread(side)
    listening = listeners(side.process.pid, side.port)
    total = defaultdict(lambda: {"n": 0, "lengths": [], "parts": defaultdict(lambda: defaultdict(float))})
    for hops, name in race.chains:
        if args.hops and hops not in args.hops:
            continue
        data = args.out / f"{side.label}-{hops}.cpu.data"
        # every tracepoint recorded (-c 1: -F would sample them too, losing window bounds), the CPU
        # sampled every 1/frequency s of the thread's running time
        events = [option for event in (f"cpu-clock/period={10 ** 9 // args.frequency}/",) + BOUNDS
                  for option in ("-e", event)]
        walks(side, name, args, ["perf", "record", "-g", "-c", "1", *events, "-t", str(tid), "-o", str(data)])
        if side.serving_threads is not None:
            subprocess.run([str(Path(args.java).parent / "jcmd"), str(side.process.pid), "Compiler.perfmap"],
                           check=True, capture_output=True)
        script = subprocess.run(["perf", "script", "-i", str(data), "--ns", "-F", "tid,time,event,trace,ip,sym,dso"],
                                capture_output=True, text=True).stdout
        for window, found in cpu_in_windows(script, listening, args.frequency, args.grain).items():
            total[window]["n"] += found["n"]
            total[window]["lengths"] += found["lengths"]
            for part, cells in found["parts"].items():
                for where, us in cells.items():
                    total[window]["parts"][part][where] += us
        data.unlink()
    return total


def report(label, result, load):
    print(f"== {label} (load {load:.1f}): CPU sampled per window, µs, by part (kernel part in brackets)")
    for window in ("wake", "first", "between 1", "between", "aside", "answer", "after send"):
        found = result.get(window)
        if not found or not found["n"]:
            continue
        n = found["n"]
        cpu = sum(sum(cells.values()) for cells in found["parts"].values()) / n
        parts = sorted(found["parts"].items(), key=lambda item: -sum(item[1].values()))
        listed = ", ".join(f"{part} {sum(cells.values()) / n:.1f} ({cells.get('kernel', 0) / n:.1f})"
                           for part, cells in parts if sum(cells.values()) / n >= 0.5)
        print(f"  {window}: {n} windows, median {statistics.median(found['lengths']):.0f} µs, CPU {cpu:.1f}: {listed}")


def main():
    parser = parser_with_walks(__doc__, "directory for perf's recordings and gapcpu.json", 60,
                               "flushes per chain, each followed by the chain")
    parser.add_argument("--frequency", type=int, default=20_000, help="perf record's sampling rate in Hz")
    parser.add_argument("--classes", dest="grain", action="store_const", const="classes",
                        help="count each sample to the class of ours nearest it, not to its package")
    parser.add_argument("--methods", dest="grain", action="store_const", const="methods",
                        help="count each sample to the compiled method of ours nearest it")
    add_hops(parser)
    args = ours_and_baseline(parser, unbound=True)
    args.jvm_arg.append("-XX:+PreserveFramePointer")
    results = {}
    with warmed_sides(args, "race-gapcpu-") as (race, sides):
        for side in sides:
            load = loadavg()
            results[side.label] = measure(side, race, args)
            report(side.label, results[side.label], load)
    (args.out / "gapcpu.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
