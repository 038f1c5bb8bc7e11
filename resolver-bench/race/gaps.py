#!/usr/bin/env python3
"""What the serving thread does between an upstream reply and the next query, on the race's ground:
the system calls of our server's event loop, as `perf trace` sees them, over cold chains asked at
the race's cadence (a flush, the pause, one chain).

The race's lab, NSD and our server pinned as in the race and warmed the same way (with
--baseline-jar, a second build of ours, traced after the first). Per side and chain length, as
medians over the walks (µs): the time from the question's read to the first query's `sendto`
(first), from each upstream reply's read to the next query's `sendto` (between), from the last
reply's read to the answer's `sendto` (answer), and the system calls inside those windows, and
after the answer until the loop sleeps again (after). Run as root, after resolver-bench/race.sh
has built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/gaps.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/gaps
"""
import re
import statistics
import subprocess
import time
from collections import Counter, defaultdict
from pathlib import Path

import dnsclient
from chaincost import attached, ours_and_baseline, warmed_sides
from race import parser_with_walks

# perf trace -t: "     0.123 ( 0.004 ms): sendto(fd: 12<socket:[1]>, buff: 0x7f.., len: 40) = 40"
LINE = re.compile(r"^\s*([\d.]+) \(\s*([\d.]+) ms\): (?:\S+/\d+ )?(\w+)\((.*)\)\s+= (-?\w+)")


def loop_thread(pid):
    """The serving thread: of our threads named dnschase-*, the one that used the most CPU."""
    best, most = None, -1
    for task in Path(f"/proc/{pid}/task").iterdir():
        name = (task / "comm").read_text().strip()
        used = int((task / "schedstat").read_text().split()[0])
        if name.startswith("dnschase-") and used > most:
            best, most = int(task.name), used
    return best


def calls(path):
    """[(start µs, duration µs, call, arguments, result)] in order."""
    out = []
    for line in path.read_text().splitlines():
        if match := LINE.match(line):
            out.append((float(match.group(1)) * 1e3, float(match.group(2)) * 1e3, match.group(3), match.group(4),
                        match.group(5)))
    return out


def windows(trace):
    """Per walk (a question read to its answer sent): the windows from a read to the send it led to
    (to the first query, each reply to the next query, the last reply to the answer), each as its
    length and its system calls, and the calls after the answer until the loop sleeps. The
    listener's reads and sends name the client's address, a query socket's (connected) name none."""
    walks = []
    current, since, between = None, None, []
    for start, duration, call, arguments, result in trace:
        ok = not result.startswith("-")
        if call == "recvfrom" and ok:
            if "addr:" in arguments:  # a question
                current, between = {"first": None, "between": [], "answer": None, "after": Counter()}, []
            if current is not None:
                since, between = start + duration, []
            continue
        if current is None or since is None:
            if current is not None and current["answer"] is not None:
                if call == "epoll_wait":
                    walks.append(current)
                    current = None
                else:
                    current["after"][call] += 1
            continue
        if call == "sendto":
            gap = (start - since, Counter(between))
            if "addr:" in arguments:
                current["answer"] = gap
            elif current["first"] is None:
                current["first"] = gap
            else:
                current["between"].append(gap)
            since = None
            continue
        between.append(call)
    return walks


def main():
    parser = parser_with_walks(__doc__, "directory for perf's traces", 30, "flushes, each followed by every chain")
    args = ours_and_baseline(parser)
    with warmed_sides(args, "race-gaps-") as (race, sides):
        for side in sides:
            tid = loop_thread(side.process.pid)
            by_hops = defaultdict(list)
            for hops, name in race.chains:
                out = args.out / f"{side.label}-{hops}.trace"

                def body():
                    for _ in range(args.walks):
                        side.flush()
                        time.sleep(args.pause)
                        dnsclient.ask("127.0.0.1", side.port, name)
                        time.sleep(0.05)
                attached(["perf", "trace", "-t", str(tid), "-o", str(out)], body)
                by_hops[hops] = windows(calls(out))
            report(side.label, by_hops)


def report(label, by_hops):
    print(f"== {label}: medians over the walks, µs (system calls per window, averaged)")
    for hops, walks in sorted(by_hops.items()):
        walks = [w for w in walks if w["first"] and w["answer"]]
        if not walks:
            print(f"{hops} hops: no walk traced")
            continue
        first = statistics.median(w["first"][0] for w in walks)
        between = [g for w in walks for g in w["between"]]
        answer = statistics.median(w["answer"][0] for w in walks)
        print(f"{hops} hops, {len(walks)} walks: to the first query {first:.0f}, reply to next query "
              f"{statistics.median(g[0] for g in between) if between else 0:.0f} (n {len(between)}), "
              f"last reply to answer {answer:.0f}")
        for title, gaps in (("first", [w["first"] for w in walks]), ("between", between),
                            ("answer", [w["answer"] for w in walks]),
                            ("after", [(0, w["after"]) for w in walks])):
            if gaps:
                total = Counter()
                for _, counted in gaps:
                    total.update(counted)
                print(f"  {title}: " + ", ".join(f"{call} {n / len(gaps):.1f}" for call, n in total.most_common()))


if __name__ == "__main__":
    main()
