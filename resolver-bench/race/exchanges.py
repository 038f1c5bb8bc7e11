#!/usr/bin/env python3
"""Where a cold chain's time goes in our server, exchange by exchange, on the race's ground.

The race's lab, NSD and our server pinned as in the race and warmed the same way (with
--baseline-jar, a second build of ours, the two taking turns walk by walk); then cold chains (a
flush, each chain asked once) under a Flight Recorder recording of the resolver's own events only
(`org.dnschase.Resolution`, `org.dnschase.Exchange`: each upstream exchange timed from just after
its query is handed to the transport to its reply). Each resolution's time, as the
client saw it, is split into:

  edges     the client's time outside the resolution: the request read, decoded and handed to
            the resolver, the answer encoded and sent;
  to first  from the resolution's start to its first exchange;
  exchanges the exchanges themselves (the round trip to NSD and the reply's read and match);
  between   from an exchange's reply to the next exchange: the resolver's step on the reply, the
            next query's encoding and its socket's opening and send;
  after     from the last reply to the resolution's end.

Printed per chain length as medians over the walks (µs), beside the stub's own round trip to NSD.
Run as root, after resolver-bench/race.sh has built the jars:

  . bin/build-env.sh
  python3 resolver-bench/race/exchanges.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar \\
      --bench-jar resolver-bench/target/benchmarks.jar --out /tmp/exchanges
"""
import json
import statistics
import subprocess
import time
from pathlib import Path

import dnsclient
from chaincost import ours_and_baseline, warmed_sides
from race import Race, add_hops, parser_with_walks

EVENTS = ("org.dnschase.Resolution", "org.dnschase.Exchange")


def nanos(timestamp):
    """JFR's ISO start time as nanoseconds of the day (the recording's events share one clock)."""
    clock, _, fraction = timestamp.rstrip("Z").partition(".")
    clock = clock.split("T")[-1].split("+")[0]
    hours, minutes, seconds = (int(part) for part in clock.split(":"))
    fraction = (fraction.split("+")[0] + "000000000")[:9]
    return ((hours * 60 + minutes) * 60 + seconds) * 1_000_000_000 + int(fraction)


def duration_nanos(text):
    """JFR's ISO-8601 duration (PT0.000123S, PT1M2.5S) as nanoseconds."""
    text = text.removeprefix("PT")
    total = 0.0
    for unit, scale in (("H", 3600), ("M", 60), ("S", 1)):
        if unit in text:
            value, text = text.split(unit, 1)
            total += float(value) * scale
    return int(total * 1e9)


def events(java, path):
    output = subprocess.run([str(Path(java).parent / "jfr"), "print", "--json", "--events", ",".join(EVENTS),
                             str(path)], capture_output=True, text=True, check=True).stdout
    out = []
    for event in json.loads(output)["recording"]["events"]:
        start = nanos(event["values"]["startTime"])
        out.append((event["type"], start, start + duration_nanos(event["values"]["duration"]), event["values"]))
    return sorted(out, key=lambda e: e[1])


def breakdown(recorded, asked):
    """Each iterated resolution with the exchanges inside it, matched with the client's time."""
    resolutions = [e for e in recorded if e[0] == EVENTS[0] and e[3]["source"] == "iterated"]
    exchanges = [e for e in recorded if e[0] == EVENTS[1]]
    rows = []
    for (_, start, end, values), (hops, client_us) in zip(resolutions, asked):
        inside = [e for e in exchanges if start <= e[1] and e[2] <= end]
        if not inside:
            continue
        between = [b[1] - a[2] for a, b in zip(inside, inside[1:])]
        rows.append({"hops": hops, "client": client_us * 1e3, "resolution": end - start,
                     "edges": client_us * 1e3 - (end - start), "to_first": inside[0][1] - start,
                     "exchanges": sum(e[2] - e[1] for e in inside), "between": sum(between),
                     "after": end - inside[-1][2], "count": len(inside),
                     "per_exchange": statistics.median(e[2] - e[1] for e in inside),
                     "per_between": statistics.median(between) if between else 0})
    return rows


def table(rows, nsd_us):
    columns = ("client", "edges", "to_first", "exchanges", "between", "after", "per_exchange", "per_between")
    out = [f"stub's round trip to NSD: {nsd_us:.0f} µs; medians over the walks, µs",
           "hops  n  queries " + " ".join(f"{c:>12}" for c in columns)]
    for hops in sorted({r["hops"] for r in rows}):
        mine = [r for r in rows if r["hops"] == hops]
        out.append(f"{hops:>4} {len(mine):>3} {statistics.median(r['count'] for r in mine):>7.0f} "
                   + " ".join(f"{statistics.median(r[c] for r in mine) / 1e3:>12.0f}" for c in columns))
    return "\n".join(out)


def recordings(args, sides, race):
    """Each side's breakdown of args.walks walks of every chain, all under recordings at once, the
    sides taking turns walk by walk (each going first in every other walk), so that drift in the
    machine's load hits them alike."""
    jcmd = str(Path(args.java).parent / "jcmd")
    enabled = [f"+{name}#enabled=true" for name in EVENTS] + [f"+{name}#threshold=0 ms" for name in EVENTS]
    settings = args.out / "exchanges.jfc"
    subprocess.run([str(Path(args.java).parent / "jfr"), "configure", "--input", "default", "--output",
                    str(settings), *enabled], check=True, capture_output=True)
    paths = {side.label: args.out / f"{side.label}-exchanges.jfr" for side in sides}
    for side in sides:
        subprocess.run([jcmd, str(side.process.pid), "JFR.start", "name=exchanges", f"settings={settings}",
                        f"filename={paths[side.label]}"], check=True, capture_output=True)
    asked = {side.label: [] for side in sides}
    for walk in range(args.walks):
        for side in (sides if walk % 2 == 0 else list(reversed(sides))):
            for hops, name in race.chains:
                side.flush()
                time.sleep(args.pause)
                asked[side.label].append((hops, dnsclient.ask("127.0.0.1", side.port, name)[0] * 1e6))
    for side in sides:
        subprocess.run([jcmd, str(side.process.pid), "JFR.stop", "name=exchanges"], check=True, capture_output=True)
    return {label: breakdown(events(args.java, path), asked[label]) for label, path in paths.items()}


def main():
    parser = parser_with_walks(__doc__, "directory for the recording", 40, "flushes, each followed by every chain")
    add_hops(parser)
    args = ours_and_baseline(parser)
    with warmed_sides(args, "race-exchanges-") as (race, sides):
        rows = recordings(args, sides, race)
        nsd_us = Race.median_rtt("127.53.1.1", 53, "lab.", "NS")
    for label, breakdown_rows in rows.items():
        print(f"== {label}")
        print(table(breakdown_rows, nsd_us))


if __name__ == "__main__":
    main()
