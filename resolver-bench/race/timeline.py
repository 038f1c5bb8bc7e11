#!/usr/bin/env python3
"""One cold chain, sample by sample, across every process it passes through: the stub, the server
(ours, a --baseline-jar build, Unbound) and NSD, on the race's ground.

gaps.py sees the serving thread alone; this records the whole machine (`perf record -a -k mono`,
the clock Python's time.perf_counter reads) with the calls that move a question and its queries
(every process's reads, sends and epoll waits) and the scheduler's wake-ups and switches, over
walks at the race's cadence (a flush, the pause, one chain). Each walk is cut
from the stub's send of the question to its read of the answer, and laid out as a timeline of
segments, each the time from one step to the next:

  arrive    the question's send to the server's wake-up (sched_wakeup of its serving thread; 0
            when the thread was awake);
  on-cpu    that wake-up to the thread's switch onto the CPU (the CPU's way out of idle, or a run
            queue);
  to-read   from there (or from the send when the thread never slept) to the question's read;
  first     the question's read to the first query's send;
  out       each query's send to NSD's read of it (NSD's wake-up on the other CPU);
  nsd       NSD's read to its send of the reply;
  back      NSD's send to the server's read of the reply while it polls, or to its wake-up when it
            sleeps (then on-cpu and to-read again, as for the question);
  between   a reply's read to the next query's send;
  answer    the last reply's read to the answer's send;
  deliver   the answer's send to the stub's read of it.

A read of a reply that leads to no send in sequence (the root's priming beside our walk) is
counted as "aside"; a pair of steps none of these name is printed as "?step>step". Per walk, the
segments in order with their µs; then per side, the medians of each kind summed per walk, beside
Unbound's. Also per walk: the serving thread's switches off its CPU inside the walk, the other
tasks that ran on the server's CPU meanwhile (other processes' work: the machine's load), and
those that ran there in the pause before its question ("before": what left the CPU's caches to
the walk). With --split, the quiet walks (no step over 300 µs) of each side are cut at their
median client time, and each kind's median is printed for the faster and the slower half: which
steps a slow walk spends its extra time in. The
sides take turns walk by walk as in the race, the first side changing with each recording
(--rounds), each side --walks times per recording. With --race-counts NSD's counters are zeroed
and read around each walk as the race does, which starts its server processes anew; --untraced
adds as many walks unrecorded before and after each recording, for the client's time without perf
beside it. Run as root, after resolver-bench/race.sh has built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/timeline.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/timeline --hops 1
"""
import bisect
import json
import os
import re
import signal
import statistics
import subprocess
import time
from collections import defaultdict

import dnsclient
from chaincost import ours_and_baseline, warmed_sides
from gaps import READS, SENDS, SLEEPS, listeners, serving_thread
from race import loadavg, parser_with_walks

EVENTS = ([f"syscalls:sys_{edge}_{call}" for call in READS + SENDS + SLEEPS for edge in ("enter", "exit")]
          + ["sched:sched_wakeup", "sched:sched_switch"])
# perf script -F comm,pid,tid,cpu,time,event,trace:
# "  python3  9102/9102  [001] 78447.319690894: syscalls:sys_enter_sendto: fd: 0x00000003, ..."
LINE = re.compile(r"^\s*(.+?)\s+(\d+)/(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+([\w:]+):\s?(.*)$")
KINDS = ("arrive", "on-cpu", "to-read", "first", "out", "nsd", "back", "between", "answer", "deliver", "aside")


# The segment between two steps of one walk, by (the step before, this step); a pair not listed
# is a step beside the walk's own sequence
SEGMENTS = {
    ("stub send", "wakeup"): "arrive",
    ("stub send", "read question"): "to-read",
    ("wakeup", "on-cpu"): "on-cpu",
    ("on-cpu", "read question"): "to-read",
    ("on-cpu", "read reply"): "to-read",
    ("read question", "send query"): "first",
    ("send query", "nsd read"): "out",
    ("nsd read", "nsd send"): "nsd",
    ("nsd send", "read reply"): "back",
    ("nsd send", "wakeup"): "back",
    ("read reply", "send query"): "between",
    ("read reply", "send answer"): "answer",
    ("read reply", "read reply"): "aside",
    ("read reply", "wakeup"): "aside",
}


def events(data):
    """[(µs, cpu, pid, tid, comm, event, fields)] of a recording, in time order."""
    script = subprocess.run(["perf", "script", "-i", str(data), "--ns", "-F", "comm,pid,tid,cpu,time,event,trace"],
                            capture_output=True, text=True).stdout
    out = []
    for line in script.splitlines():
        if match := LINE.match(line):
            comm, pid, tid, cpu, at, event, fields = match.groups()
            out.append((float(at) * 1e6, int(cpu), int(pid), int(tid), comm.strip(), event, fields))
    out.sort(key=lambda event: event[0])
    return out


def field(fields, name):
    match = re.search(rf"\b{name}=(\S+)", fields)
    return match.group(1) if match else None


def fd_of(fields):
    return int(fields.split(",")[0].split(":")[1], 16)


def result_of(fields):
    value = int(fields.strip(), 16)
    return value - (1 << 64) if value >= 1 << 63 else value


def others_on(evs, times, cpu, since, until, server):
    """{comm: µs} that the tasks other than the serving thread (and the idle task) ran on cpu from
    since to until; times holds evs' times, for the search of the switch in force at since."""
    out = defaultdict(float)
    running = None  # (comm, from)
    # the task on the CPU at since came with the last switch before it: look back far enough
    for at, c, pid, tid, comm, event, fields in evs[bisect.bisect_left(times, since - 50_000):]:
        if at > until:
            break
        if event != "sched:sched_switch" or c != cpu:
            continue
        if running is not None and at > since:
            out[running[0]] += at - max(running[1], since)
        nxt = field(fields, "next_comm")
        running = (nxt, at) if field(fields, "next_pid") not in (str(server), "0") else None
    if running is not None:
        out[running[0]] += until - max(running[1], since)
    return dict(out)


def timeline(evs, times, start, end, stub, server, listening, server_cpu, pause):
    """The segments of one walk, from the stub's send near start to its read of the answer:
    [(kind, µs)], and what else happened on the server's CPU: {"off": the serving thread's
    switches off it, "others": {comm: µs run there}, "before": {comm: µs run there} in the pause
    (µs) before the send, "steps": the steps, µs from the send}."""
    # the stub's own calls bound the walk: its send of the question, its first read after it
    sends = [e[0] for e in evs if e[3] == stub and e[5] == "syscalls:sys_enter_sendto" and abs(e[0] - start) < 2_000]
    if sends:
        start = min(sends, key=lambda at: abs(at - start))
        reads = [e[0] for e in evs if e[3] == stub and e[5] == "syscalls:sys_exit_recvfrom" and e[0] > start
                 and result_of(e[6]) > 0]
        end = min(reads, default=end)
    window = [e for e in evs if start <= e[0] <= end]
    steps = []  # (µs, step, the server's descriptor or NSD's process): the points segments run between
    reading = {}
    woke = None
    for at, cpu, pid, tid, comm, event, fields in window:
        if event == "sched:sched_wakeup" and field(fields, "pid") == str(server):
            woke = at
        elif event == "sched:sched_switch" and field(fields, "next_pid") == str(server) and woke is not None:
            steps.append((woke, "wakeup", None))
            steps.append((at, "on-cpu", None))
            woke = None
        elif event.startswith("syscalls:sys_enter_") and event[19:] in READS:
            reading[tid] = fd_of(fields)
        elif event.startswith("syscalls:sys_exit_") and event[18:] in READS and tid in reading:
            fd = reading.pop(tid)
            if result_of(fields) <= 0:
                continue
            if tid == server:
                steps.append((at, "read question" if fd in listening else "read reply", fd))
            elif comm.startswith("nsd"):
                steps.append((at, "nsd read", pid))
        elif event.startswith("syscalls:sys_enter_") and event[19:] in SENDS:
            if tid == server:
                steps.append((at, "send answer" if fd_of(fields) in listening else "send query", fd_of(fields)))
            elif comm.startswith("nsd"):
                steps.append((at, "nsd send", pid))
    steps.sort()
    segments, last = [], (start, "stub send")
    for at, step, _ in steps:
        previous_at, previous = last
        kind = SEGMENTS.get((previous, step))
        if kind is None:
            # an overlapping step (the priming's query and reply beside the walk's): keep the
            # sequence's own step, so the segment after it is measured from where it started
            if step == "send query" and previous == "send query":
                continue
            if step in ("nsd read", "nsd send") and previous in ("nsd send", "read reply", "nsd read"):
                continue
            segments.append(("?" + previous + ">" + step, at - previous_at))
        else:
            segments.append((kind, at - previous_at))
        last = (at, step)
    segments.append(("deliver", end - last[0]))
    off = sum(1 for at, cpu, pid, tid, comm, event, fields in window
              if event == "sched:sched_switch" and cpu == server_cpu and field(fields, "prev_pid") == str(server))
    return segments, {"off": off, "others": others_on(evs, times, server_cpu, start, end, server),
                      "before": others_on(evs, times, server_cpu, start - pause, start, server),
                      "steps": [(round(at - start, 1), step, of) for at, step, of in steps]}


def record(sides, name, args, data, nsd, round_index):
    """args.walks walks of one chain per side under one system-wide recording, the sides taking
    turns walk by walk as the race does (the first side changing with round_index): {label:
    [(send µs, read µs) per walk, None for a walk unanswered]} on the clock perf's -k mono stamps."""
    perf = subprocess.Popen(["perf", "record", "-a", "-k", "mono", "-o", str(data)]
                            + [option for event in EVENTS for option in ("-e", event)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    try:
        return walk(sides, name, args, nsd, round_index)
    finally:
        perf.send_signal(signal.SIGINT)
        perf.wait(120)


def walk(sides, name, args, nsd, round_index):
    """args.walks walks of one chain per side at the race's cadence, the sides taking turns walk by
    walk: {label: [(send µs, read µs), None for a walk with no answer within the stub's 5 s]}."""
    spans = defaultdict(list)
    ordered = sides if round_index % 2 == 0 else list(reversed(sides))
    for _ in range(args.walks):
        for side in ordered:
            side.flush()
            if args.race_counts:
                nsd.clear_queries()
            time.sleep(args.pause)
            sent = time.perf_counter()
            try:
                seconds, _ = dnsclient.ask("127.0.0.1", side.port, name)
                spans[side.label].append((sent * 1e6, (sent + seconds) * 1e6))
            except TimeoutError:
                spans[side.label].append(None)
            time.sleep(args.settle)
            if args.race_counts:
                nsd.query_count()
    return spans


def summarise(walks):
    """Per kind, the median over the walks of its µs summed per walk, and how many per walk."""
    out = {}
    for kind in sorted({k for w in walks for k, _ in w["segments"]}, key=lambda k: (k not in KINDS, KINDS.index(k)
                                                                                     if k in KINDS else 0, k)):
        sums = [sum(us for k, us in w["segments"] if k == kind) for w in walks]
        counts = [sum(1 for k, _ in w["segments"] if k == kind) for w in walks]
        out[kind] = {"median": statistics.median(sums), "per walk": statistics.mean(counts)}
    out["client"] = {"median": statistics.median(w["client"] for w in walks), "per walk": 1}
    return out


def split(walks):
    """The quiet walks (no step over 300 µs) cut at their median client time: per kind, the
    median of its µs summed per walk in the faster half and in the slower one, and the µs other
    tasks ran on the server's CPU in the pause before and during the walk."""
    quiet = [w for w in walks if max(us for _, us in w["segments"]) < 300]
    if len(quiet) < 4:
        return {}
    middle = statistics.median(w["client"] for w in quiet)
    halves = ([w for w in quiet if w["client"] < middle], [w for w in quiet if w["client"] >= middle])

    def per_walk(w, kind):
        if kind == "client":
            return w["client"]
        if kind in ("others", "before"):
            return sum(w.get(kind, {}).values())
        return sum(us for k, us in w["segments"] if k == kind)

    kinds = [k for k in KINDS if any(k == s for w in quiet for s, _ in w["segments"])]
    return {kind: [statistics.median(per_walk(w, kind) for w in half) for half in halves]
            for kind in kinds + ["before", "others", "client"]} | {"walks": [len(half) for half in halves]}


def main():
    parser = parser_with_walks(__doc__, "directory for the recordings and timeline.json", 20,
                               "walks per side, each after a flush")
    parser.add_argument("--hops", type=int, default=1, help="the chain length walked")
    parser.add_argument("--settle", type=float, default=0.3, help="seconds after each answer")
    parser.add_argument("--rounds", type=int, default=2, help="recordings per side, taking turns")
    parser.add_argument("--race-counts", action="store_true",
                        help="count NSD's queries around each walk as the race does (its server processes start "
                             "anew at each zeroing)")
    parser.add_argument("--untraced", action="store_true",
                        help="before and after each recording, as many walks unrecorded: the client's times "
                             "without perf")
    parser.add_argument("--keep", action="store_true", help="keep the recordings")
    parser.add_argument("--split", action="store_true",
                        help="also each kind's median in the faster and the slower half of the quiet walks")
    args = ours_and_baseline(parser, unbound=True)
    hops = args.hops
    args.hops = {hops}  # the Race walks the chains of these lengths only, as race.py's --hops
    results = defaultdict(list)
    unanswered = defaultdict(int)
    untraced = defaultdict(list)
    untraced_after = defaultdict(list)
    with warmed_sides(args, "race-timeline-") as (race, sides):
        name = dict(race.chains)[hops]
        for round_index in range(args.rounds):
            servers = {side.label: (serving_thread(side), listeners(side.process.pid, side.port)) for side in sides}
            load = loadavg()
            if args.untraced:
                for label, spans in walk(sides, name, args, race.nsd, round_index).items():
                    untraced[label] += [end - start for start, end in filter(None, spans)]
            data = args.out / f"round-{round_index}.data"
            recorded = record(sides, name, args, data, race.nsd, round_index)
            if args.untraced:
                for label, spans in walk(sides, name, args, race.nsd, round_index).items():
                    untraced_after[label] += [end - start for start, end in filter(None, spans)]
            evs = events(data)
            times = [e[0] for e in evs]
            for side in sides:
                server, listening = servers[side.label]
                unanswered[side.label] += recorded[side.label].count(None)
                for start, end in filter(None, recorded[side.label]):
                    segments, cpu = timeline(evs, times, start, end, os.getpid(), server, listening, side.cpu,
                                             args.pause * 1e6)
                    results[side.label].append({"client": end - start, "segments": segments, "load": load,
                                                **cpu})
            if not args.keep:
                data.unlink()
    (args.out / "timeline.json").write_text(json.dumps(results, indent=1))
    for label, walks in results.items():
        print(f"== {label}: {len(walks)} walks of the {hops}-hop chain ({unanswered[label]} more unanswered "
              f"within 5 s), each: client µs, then segments")
        for w in walks:
            print(f"  {w['client']:6.0f} (load {w['load']:.1f}, off-cpu {w['off']}, others "
                  + ", ".join(f"{c} {us:.0f}" for c, us in sorted(w["others"].items()))
                  + "; before " + ", ".join(f"{c} {us:.0f}" for c, us in sorted(w["before"].items())) + "): "
                  + " ".join(f"{k} {us:.0f}" for k, us in w["segments"]))
    summaries = {label: summarise(walks) for label, walks in results.items()}
    labels = list(summaries)
    kinds = [k for k in KINDS + ("client",) if any(k in s for s in summaries.values())]
    kinds += sorted({k for s in summaries.values() for k in s} - set(kinds))
    for label, times in untraced.items():
        print(f"== {label}: the client's µs, walks unrecorded before each recording, then after, then recorded")
        for title, sample in (("before", times), ("after", untraced_after[label]),
                              ("recorded", [w["client"] for w in results[label]])):
            print(f"  {title}: median {statistics.median(sample):.0f}: " + " ".join(str(round(t)) for t in sorted(sample)))
    print("== medians over the walks of each kind's µs summed per walk (kinds per walk)")
    print(f"{'kind':>24} " + " ".join(f"{label:>18}" for label in labels))
    for kind in kinds:
        print(f"{kind[:24]:>24} " + " ".join(
            f"{summaries[l][kind]['median']:>10.0f} ({summaries[l][kind]['per walk']:>4.1f})" if kind in summaries[l]
            else f"{'-':>18}" for l in labels))

    if args.split:
        print("== quiet walks, the faster half against the slower one: medians of each kind's µs summed per walk "
              "(before, others: µs of other tasks on the server's CPU in the pause before and during the walk)")
        for label, walks in results.items():
            halves = split(walks)
            if not halves:
                continue
            faster, slower = halves.pop("walks")
            print(f"  {label} ({faster} and {slower} walks): " + ", ".join(
                f"{kind} {fast:.0f} / {slow:.0f}" for kind, (fast, slow) in halves.items()))


if __name__ == "__main__":
    main()
