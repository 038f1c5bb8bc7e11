#!/usr/bin/env python3
"""Differential test against Unbound over random hierarchies served by NSD on loopback.

For each seed, labgen.Lab writes a random lab (zones, servers, root hints, questions); one NSD per
server address serves it on 127.77.0.N port 53 (addresses of its own: the race's lab and lock are
left alone); our server (bin/serve's jar, --threads 1, the lab's root hints, --loopback-only) and
Unbound (as the race configures it: iterator only, the lab's root hints) are started fresh. A sample
of the lab's questions is asked of both twice: cold (both flushed before each question: Unbound's
flush_zone . and flush_infra all, our control channel's flush), then in a shuffled order after a
single flush (what the earlier answers left in each cache). Each reply pair is compared
(answers.differences) and the differences printed as they come, then grouped by kind, each case
with its seed, its question, both replies and a command that repeats it. Run as root (NSD listens on
port 53) after building the server's jar:

  . bin/build-env.sh
  ./mvnw -q -B -pl resolver-server -am package -Dmaven.test.skip=true
  python3 resolver-bench/diff/difftest.py --java "$JAVA_HOME/bin/java" \\
      --server-jar resolver-server/target/dnschase-server.jar --seeds 0-19 --questions 60

--seeds 7 --question 'x.d.abc.de. A' asks one question of seed 7's lab; --keep keeps the work
directory (zones, configurations, the servers' logs). The README beside this file lists what runs
found and what was decided about each kind.
"""
import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "race"))
from peers import Nsd, Ours, Unbound, wait_answering  # noqa: E402

import answers  # noqa: E402
import clients  # noqa: E402
import sign  # noqa: E402
from decided import Question, decided, decided_client  # noqa: E402
from labgen import Lab  # noqa: E402

CPUS = "0-1"


def seeds(text):
    found = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        found += range(int(low), int(high or low) + 1)
    return found


def loopback_only(lab_dir):
    """Twice checked: every server address and hint of the lab is on 127.0.0.0/8."""
    for line in (lab_dir / "servers.tsv").read_text().splitlines():
        assert line.startswith("127."), line
    for line in (lab_dir / "root.hints").read_text().splitlines():
        if "\tA\t" in line:
            assert line.split("\t")[-1].startswith("127."), line


class Sides:
    """NSD serving one seed's lab, our server and Unbound started on it."""

    def __init__(self, lab_dir, work, java, jar, trust_anchor=None):
        self.nsd = Nsd(lab_dir, work, 53, CPUS, own_addresses=True)
        self.unbound = Unbound(lab_dir, work, CPUS, trust_anchor=trust_anchor)
        self.ours = Ours(lab_dir, work, CPUS, java, jar, trust_anchor=trust_anchor)
        # Extended DNS Errors (RFC 8914) on without validation too, so the clients' comparison sees them
        self.unbound.config.write_text(self.unbound.config.read_text().replace("server:\n", "server:\n  ede: yes\n", 1))
        # our server opens its control channel before its DNS port: answering, it takes a flush
        for side in (self.unbound, self.ours):
            wait_answering(side.start(), side.port)

    def ask(self, name, qtype):
        return (answers.ask("127.0.0.1", self.ours.port, name, qtype),
                answers.ask("127.0.0.1", self.unbound.port, name, qtype))

    def flush(self):
        for side in (self.ours, self.unbound):
            side.process.check_alive()  # a server that ended says why (its log's tail)
            side.flush()

    def stop(self):
        for part in (self.ours, self.unbound, self.nsd):
            part.stop()


def run_seed(seed, args, work, found):
    lab = Lab(seed)
    lab_dir = work / f"seed-{seed}" / "lab"
    lab.write(lab_dir)
    loopback_only(lab_dir)
    anchor = sign.sign(lab_dir, seed) if args.signed else None
    if args.question:
        name, qtype = args.question.split(maxsplit=1)
        questions = [(name, qtype, "asked")]
    else:
        pool = [q for q in lab.questions if not args.cases or re.search(args.cases, q[2])]
        questions = random.Random(seed).sample(pool, min(args.questions, len(pool)))
    sideways, wildcard_dnames = lab.sideways_reach(), lab.wildcard_dnames()
    sides = Sides(lab_dir, work / f"seed-{seed}", args.java, args.server_jar, anchor)
    try:
        asked = 0
        for phase in ("cold", "shared"):
            order = list(questions)
            if phase == "shared":
                if args.question:
                    break
                random.Random(seed + 1).shuffle(order)
                sides.flush()
            for name, qtype, case in order:
                if phase == "cold":
                    sides.flush()
                ours, theirs = sides.ask(name, qtype)
                asked += 1
                found_here = answers.differences(ours, theirs, ttls=phase == "cold")
                reason = decided(ours, theirs, Question(name, qtype, sideways, wildcard_dnames)) if found_here else None
                if reason:
                    found_here = [(f"decided: {reason}", "")]
                for kind, detail in found_here:
                    entry = {"seed": seed, "phase": phase, "name": name, "qtype": qtype, "case": case,
                             "detail": detail, "ours": ours.summary(), "unbound": theirs.summary()}
                    found[kind].append(entry)
                    if reason:
                        continue
                    print(f"seed {seed} {phase}: {name} {qtype} ({case}): {kind}\n"
                          f"    ours    {shown(ours.summary())}\n    Unbound {shown(theirs.summary())}", flush=True)
        if args.clients:
            asked += ask_clients(seed, lab, lab_dir, sides, args, found)
        return asked
    finally:
        sides.stop()


def ask_clients(seed, lab, lab_dir, sides, args, found):
    """The odd client queries of clients.CASES, each asked of both sides flushed before it; every
    field in which the replies differ is a difference of its own."""
    names = clients.lab_names(lab, lab_dir)
    asked = 0
    for case_name, case in clients.CASES:
        if args.client_cases and not re.search(args.client_cases, case_name):
            continue
        sides.flush()
        ours = case(clients.Client(sides.ours.port), names)
        if ours is None:
            continue  # the lab has no name of that kind
        sides.flush()
        theirs = case(clients.Client(sides.unbound.port), names)
        asked += 1
        mine, other = clients.fields(ours[1], ours[0]), clients.fields(theirs[1], theirs[0])
        if args.client_show:
            print(f"seed {seed} client {case_name}:\n    ours    {mine}\n    Unbound {other}", flush=True)
        for key, a, b in clients.compare(mine, other):
            reason = decided_client(case_name, key, a, b)
            kind = f"decided: {reason}" if reason else f"client {case_name}: {key}"
            found[kind].append({"seed": seed, "phase": "client", "name": case_name, "qtype": key, "case": case_name,
                                "detail": "", "ours": repr(a), "unbound": repr(b)})
            if reason:
                continue
            print(f"seed {seed} client {case_name}: {key}\n    ours    {shown(repr(a))}\n"
                  f"    Unbound {shown(repr(b))}", flush=True)
    return asked


def shown(summary, room=600):
    """A reply's summary as printed: a long chain (a DNAME loop's hundred CNAMEs) cut short; --out keeps it whole."""
    return summary if len(summary) <= room else f"{summary[:room]}... ({len(summary)} characters)"


def report(found, total, args):
    print(f"\n{total} questions asked over seeds {args.seeds}; {sum(map(len, found.values()))} differences "
          f"in {len(found)} kinds")
    for kind, entries in sorted(found.items(), key=lambda item: (item[0].startswith("decided"), -len(item[1]))):
        cases = defaultdict(int)
        for entry in entries:
            cases[entry["case"]] += 1
        print(f"\n## {kind}: {len(entries)} ({', '.join(f'{c} {n}' for c, n in sorted(cases.items()))})")
        for entry in entries[:1 if kind.startswith("decided") else args.examples]:
            print(f"  seed {entry['seed']} {entry['phase']}: {entry['name']} {entry['qtype']} ({entry['case']})\n"
                  f"    ours    {shown(entry['ours'])}\n    Unbound {shown(entry['unbound'])}\n"
                  f"    again:  python3 resolver-bench/diff/difftest.py --java JAVA --server-jar JAR "
                  f"--seeds {entry['seed']} --question '{entry['name']} {entry['qtype']}'")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--java", required=True)
    parser.add_argument("--server-jar", required=True, type=Path)
    parser.add_argument("--seeds", default="0-9", help="seeds as 0-9,12,20-22")
    parser.add_argument("--questions", type=int, default=60, help="questions sampled per seed")
    parser.add_argument("--question", help="'NAME TYPE': ask only this, of each seed's lab")
    parser.add_argument("--cases", help="a regular expression: sample only the questions whose case matches it")
    parser.add_argument("--examples", type=int, default=6, help="cases printed per kind")
    parser.add_argument("--out", type=Path, help="the differences as JSON")
    parser.add_argument("--signed", action="store_true",
                        help="sign every zone (sign.py) and start both resolvers validating from the root's DS")
    parser.add_argument("--clients", action="store_true",
                        help="after the questions, the odd client queries of clients.py, compared field by field")
    parser.add_argument("--client-cases", help="a regular expression: only the client cases whose name matches it")
    parser.add_argument("--client-show", action="store_true", help="print both replies of every client case")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    args.server_jar = args.server_jar.resolve()
    work = Path(tempfile.mkdtemp(prefix="dnschase-diff-"))
    found, total = defaultdict(list), 0
    try:
        for seed in seeds(args.seeds):
            total += run_seed(seed, args, work, found)
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    report(found, total, args)
    if args.out:
        args.out.write_text(json.dumps({"asked": total, "seeds": args.seeds, "differences": found}, indent=1))


if __name__ == "__main__":
    main()
