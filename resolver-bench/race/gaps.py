#!/usr/bin/env python3
"""What each server's serving thread does between a read and the send it leads to, on the race's
ground: the system calls of our server's event loop and of Unbound's one worker (`num-threads: 1`,
the process's only thread), as `perf trace` sees them, over cold chains asked at the race's
cadence (a flush, the pause, one chain).

The race's lab, NSD, our server and Unbound pinned as in the race and warmed the same way (with
--baseline-jar, a second build of ours beside them; --no-unbound leaves Unbound out), then the
sides taking turns chain by chain. Per side and chain length, as medians over the walks (µs):

  first    from the question's read to the first query's `sendto`;
  between  from each upstream reply's read to the next query's `sendto` (per exchange, and the
           walk's sum);
  answer   from the last reply's read to the answer's `sendto`;
  wake     from the loop's return from `epoll_wait` with something ready to the read of the
           question or reply that woke it (per read, and the walk's sum);
  after send  from each query's send to the next read or query's send (the work a step leaves
           for after its send, the loop's tasks, the wait for the reply): a span gapcpu.py splits,
           not one of the windows summed here;
  rest     what else the walk took: asleep while NSD answers (and the kernel's delivery both
           ways), and reads that led to no send;
  total    from the question's read to the answer's `sendto`;

the system calls inside the windows, and after the answer until the loop sleeps again (after). A
question's read and its answer's send are the calls on the listening socket (its file descriptor,
found by its port); every other read and send is an upstream query's.

Each chain is asked three times as often: untraced (the client's time, as in the race), under
`perf trace` of every system call (their counts: its times grow with the calls, each costing
15-30 µs under it here), then under `perf record` of only the tracepoints that bound the windows
(`recvfrom`'s entry and exit, `sendto`'s entry, `epoll_wait`'s exit), a few µs each: the times
printed, with the client's time in that pass beside the untraced one. Then, per chain length, our
windows beside Unbound's with the ratios. Run as root, after resolver-bench/race.sh has built the
jars:

  . bin/build-env.sh
  python3 resolver-bench/race/gaps.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/gaps
"""
import json
import re
import statistics
import subprocess
import time
from collections import Counter
from pathlib import Path

import dnsclient
from chaincost import attached, ours_and_baseline, warmed_sides
from race import add_hops, loadavg, parser_with_walks

# perf trace -t: "     0.123 ( 0.004 ms): sendto(fd: 12<socket:[1]>, buff: 0x7f.., len: 40) = 40"
LINE = re.compile(r"^\s*([\d.]+) \(\s*([\d.]+) ms\): (?:\S+/\d+ )?(\w+)\((.*)\)\s+= (-?\w+)")
FD = re.compile(r"^fd: (\d+)")
# perf script --ns -F tid,time,event,trace: " 9102 78447.319690894: syscalls:sys_enter_recvfrom: fd: 0x00000003, ..."
TRACEPOINT = re.compile(r"^\s*\d+\s+([\d.]+):\s+syscalls:sys_(enter|exit)_(\w+): (.*)$")
# both servers read with recvfrom (a question, a reply), send with sendto (a query, an answer) and
# sleep in epoll: Unbound in epoll_wait, Netty's native loop in epoll_pwait2 where the kernel has it
# (a timeout in nanoseconds) and in epoll_wait otherwise, the JDK's selector in epoll_wait. Our
# listener on epoll reads its questions with recvmmsg and sends its answers with sendmmsg, a batch
# per call: those count as its reads and sends
READS = ("recvfrom", "recvmmsg")
SENDS = ("sendto", "sendmmsg")
SLEEPS = ("epoll_wait", "epoll_pwait", "epoll_pwait2")
BOUNDS = tuple(f"syscalls:sys_{edge}_{call}" for call in READS for edge in ("enter", "exit")) + tuple(
    f"syscalls:sys_enter_{call}" for call in SENDS) + tuple(f"syscalls:sys_exit_{call}" for call in SLEEPS)
PHASES = ("first", "between", "walk between", "answer", "wake", "walk wake", "rest", "total")


def serving_thread(side):
    """The serving thread: of the side's serving threads (all of Unbound's), the one that used the
    most CPU."""
    best, most = None, -1
    for task in Path(f"/proc/{side.process.pid}/task").iterdir():
        name = (task / "comm").read_text().strip()
        used = int((task / "schedstat").read_text().split()[0])
        if (side.serving_threads is None or name.startswith(side.serving_threads)) and used > most:
            best, most = int(task.name), used
    return best


def listeners(pid, port):
    """The file descriptors of pid's UDP sockets bound to port (the listener's)."""
    inodes = set()
    for table in ("/proc/net/udp", "/proc/net/udp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].split(":")[1], 16) == port:
                inodes.add(fields[9])
    fds = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = fd.readlink().as_posix()
        except FileNotFoundError:
            continue
        if target.startswith("socket:[") and target[8:-1] in inodes:
            fds.add(int(fd.name))
    return fds


def calls(path):
    """[(start µs, duration µs, call, file descriptor or None, arguments, result)] in order."""
    out = []
    for line in path.read_text().splitlines():
        if match := LINE.match(line):
            fd = FD.match(match.group(4))
            out.append((float(match.group(1)) * 1e3, float(match.group(2)) * 1e3, match.group(3),
                        int(fd.group(1)) if fd else None, match.group(4), match.group(5)))
    return out


def recorded(path):
    """The calls of a `perf record` of BOUNDS, in the form of calls(): a read (recvfrom, recvmmsg)
    from its entry to its exit, a send (sendto, sendmmsg) at its entry, an epoll_wait at its exit."""
    return bounds(subprocess.run(["perf", "script", "-i", str(path), "--ns", "-F", "tid,time,event,trace"],
                                 capture_output=True, text=True).stdout)


def bounds(script):
    """The calls of BOUNDS in `perf script --ns` output, as recorded() gives them."""
    out, reading = [], None
    for line in script.splitlines():
        if not (match := TRACEPOINT.match(line)):
            continue
        at, edge, call, fields = float(match.group(1)) * 1e6, match.group(2), match.group(3), match.group(4)
        if call in SLEEPS:
            out.append((at, 0.0, call, None, "", str(int(fields, 16))))
        elif edge == "enter":
            fd = int(fields.split(",")[0].split(":")[1], 16)
            if call in SENDS:
                out.append((at, 0.0, call, fd, fields, "0"))
            else:
                reading = (at, fd, fields)
        elif reading is not None:
            result = int(fields, 16)
            out.append((reading[0], at - reading[0], call, reading[1], reading[2],
                        str(result - (1 << 64) if result >= 1 << 63 else result)))
            reading = None
    return out


def windows(trace, listening):
    """Per walk (a question read to its answer sent): the windows from a read to the send it led to
    (to the first query, each reply to the next query, the last reply to the answer), each as its
    length and its system calls, the whole from the question's read to the answer's send, and the
    calls after the answer until the loop sleeps; and the wake-ups: from the loop's return from
    `epoll_wait` with something ready to the read of the question or reply that woke it; each window
    also as a span (its name, start and end, µs). A question is read, and its answer sent, on a
    listening socket; an upstream reply is read, and a query sent, on any other."""
    walks = []
    current, since, between, asked, woke, sent = None, None, [], None, None, None
    for start, duration, call, fd, arguments, result in trace:
        if call in SLEEPS:
            woke = start + duration if result not in ("0", "") and not result.startswith("-") else None
        if call in READS and not result.startswith("-"):
            if fd in listening:
                current, between, asked = {"first": None, "between": [], "answer": None, "after": Counter(),
                                           "wakes": [], "spans": []}, [], start
                sent = None
            if current is not None and current["answer"] is None:
                if sent is not None:
                    current["spans"].append(("after send", sent, start))
                    sent = None
                elif since is not None and fd not in listening:
                    # a read that led to no send before this one (the priming's reply beside the walk)
                    current["spans"].append(("aside", since, start))
                since, between = start + duration, []
                if woke is not None:
                    current["wakes"].append(start - woke)
                    current["spans"].append(("wake", woke, start))
                    woke = None
                continue
        if current is not None and current["answer"] is not None:
            if call in SLEEPS:
                current = None
            else:
                current["after"][call] += 1
            continue
        if current is not None and current["answer"] is None and call in SENDS and sent is not None \
                and fd not in listening:
            # a second query sent before any read (a priming beside the walk's own): what the
            # thread did after the first send ends here, and goes on after this one
            current["spans"].append(("after send", sent, start))
            sent = start
            continue
        if current is None or since is None:
            continue
        if call in SENDS:
            gap = (start - since, Counter(between))
            window = "answer" if fd in listening else "first" if current["first"] is None else "between"
            # the spans (gapcpu.py's) tell the first reply's window apart: it runs on a CPU cold from the pause
            current["spans"].append(("between 1" if window == "between" and not current["between"] else window,
                                     since, start))
            if window == "answer":
                current["answer"] = gap
                current["total"] = start - asked
                walks.append(current)
            elif window == "first":
                current["first"] = gap
            else:
                current["between"].append(gap)
            if window != "answer":
                sent = start
            since = None
            continue
        between.append(call)
    return [w for w in walks if w["first"]]


def summary(walks):
    """Medians over the walks (µs) and calls per window (averaged) of one side and chain length."""
    between = [g for w in walks for g in w["between"]]
    out = {"walks": len(walks), "between n": len(between), "times": {}, "calls": {}}
    if not walks:
        return out
    wakes = [wake for w in walks for wake in w["wakes"]]
    out["times"] = {"first": statistics.median(w["first"][0] for w in walks),
                    "between": statistics.median(g[0] for g in between) if between else 0,
                    "walk between": statistics.median(sum(g[0] for g in w["between"]) for w in walks),
                    "answer": statistics.median(w["answer"][0] for w in walks),
                    "wake": statistics.median(wakes) if wakes else 0,
                    "walk wake": statistics.median(sum(w["wakes"]) for w in walks),
                    "rest": statistics.median(w["total"] - w["first"][0] - sum(g[0] for g in w["between"])
                                              - w["answer"][0] - sum(w["wakes"]) for w in walks),
                    "total": statistics.median(w["total"] for w in walks)}
    for title, gaps in (("first", [w["first"] for w in walks]), ("between", between),
                        ("answer", [w["answer"] for w in walks]), ("after", [(0, w["after"]) for w in walks])):
        if gaps:
            total = Counter()
            for _, counted in gaps:
                total.update(counted)
            out["calls"][title] = {call: n / len(gaps) for call, n in total.most_common()}
    return out


def walks(side, name, args, perf=None):
    """The walks of one chain, with a perf command attached if given; the client's median time (µs)."""
    client = []

    def body():
        for _ in range(args.walks):
            side.flush()
            time.sleep(args.pause)
            client.append(dnsclient.ask("127.0.0.1", side.port, name)[0] * 1e6)
            time.sleep(0.05)
    if perf:
        attached(perf, body)
    else:
        body()
    return statistics.median(client)


def measure(side, hops, name, args):
    """The summary of one side's walks of one chain: the times from the recorded tracepoints, the
    calls from the trace."""
    tid = serving_thread(side)
    listening = listeners(side.process.pid, side.port)
    load = loadavg()
    client = walks(side, name, args)
    full = args.out / f"{side.label}-{hops}.trace"
    walks(side, name, args, ["perf", "trace", "-t", str(tid), "-o", str(full)])
    data = args.out / f"{side.label}-{hops}.data"
    recorded_client = walks(side, name, args, ["perf", "record", "-t", str(tid), "-o", str(data)]
                            + [option for event in BOUNDS for option in ("-e", event)])
    result = summary(windows(recorded(data), listening))
    result.update(calls=summary(windows(calls(full), listening))["calls"], client=client,
                  recorded_client=recorded_client, load=load)
    return result


def report(label, by_hops):
    print(f"== {label}: medians over the walks, µs (system calls per window, averaged)")
    for hops, s in sorted(by_hops.items()):
        if not s["walks"]:
            print(f"{hops} hops: no walk traced")
            continue
        t = s["times"]
        print(f"{hops} hops, {s['walks']} walks (client {s['client']:.0f} untraced, {s['recorded_client']:.0f} "
              f"recorded; load {s['load']:.1f}): to the first "
              f"query {t['first']:.0f}, reply to next query {t['between']:.0f} (n {s['between n']}, per walk "
              f"{t['walk between']:.0f}), last reply to answer {t['answer']:.0f}, wake-up to read {t['wake']:.0f} "
              f"(per walk {t['walk wake']:.0f}), the rest {t['rest']:.0f}, question to answer {t['total']:.0f}")
        for title, counted in s["calls"].items():
            print(f"  {title}: " + ", ".join(f"{call} {n:.1f}" for call, n in counted.items()))


def compare(ours, theirs, label):
    """Our windows beside Unbound's, per chain length: times, ratios, calls per window."""
    print(f"== {label} / Unbound: µs (ratio), system calls per window")
    print(f"{'hops':>4} {'client':>17} " + " ".join(f"{phase:>19}" for phase in PHASES)
          + "   calls first / between / answer / after")
    for hops in sorted(ours.keys() & theirs.keys()):
        a, b = ours[hops], theirs[hops]
        if not a["walks"] or not b["walks"]:
            continue
        cells = [f"{a['client']:>6.0f}/{b['client']:<6.0f}({a['client'] / b['client']:.2f})"]
        for phase in PHASES:
            x, y = a["times"][phase], b["times"][phase]
            cells.append(f"{x:>6.0f}/{y:<6.0f}({x / y:.2f})" if y else f"{x:>6.0f}/{y:<6.0f}(-)")
        counted = " / ".join(f"{sum(a['calls'].get(p, {}).values()):.1f}:{sum(b['calls'].get(p, {}).values()):.1f}"
                             for p in ("first", "between", "answer", "after"))
        print(f"{hops:>4} " + " ".join(f"{c:>19}" for c in cells) + "   " + counted)


def main():
    parser = parser_with_walks(__doc__, "directory for perf's traces and gaps.json", 30,
                               "flushes per chain and pass, each followed by the chain")
    add_hops(parser)
    args = ours_and_baseline(parser, unbound=True)
    results = {}
    with warmed_sides(args, "race-gaps-") as (race, sides):
        # chain by chain, the sides in turn, so that the machine's load hits them alike
        for turn, (hops, name) in enumerate(race.chains):
            for side in sides if turn % 2 == 0 else list(reversed(sides)):
                results.setdefault(side.label, {})[hops] = measure(side, hops, name, args)
    for label, result in results.items():
        report(label, result)
    (args.out / "gaps.json").write_text(json.dumps(results, indent=1))
    if "Unbound" in results:
        for label, result in results.items():
            if label != "Unbound":
                compare(result, results["Unbound"], label)


if __name__ == "__main__":
    main()
