"""The DNSSEC interop run (issue 17): NSD serves the signed lab DnssecInteropLab writes; a
validating Unbound and our server, both anchored at the lab root's DS (root.key), are asked the
same questions with dig +dnssec; prints a table of rcode, AD and EDE for both, and where they
differ. Run by resolver-bench/dnssec-interop.sh (as root: NSD serves the lab on port 53)."""
import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "race"))
from peers import Nsd, Ours, Unbound, wait_answering  # noqa: E402

# (question, type, what the lab holds there)
CASES = [
    ("www.secure.lab.", "A", "secure answer (NSEC zone)"),
    ("start.secure.lab.", "A", "secure CNAME chain across an NSEC and an NSEC3 zone"),
    ("out.secure.lab.", "A", "chain into an unsigned zone (insecure)"),
    ("www.plain.lab.", "A", "insecure delegation"),
    ("missing.secure.lab.", "A", "NXDOMAIN proven by NSEC"),
    ("missing.chain.lab.", "A", "NXDOMAIN proven by NSEC3"),
    ("www.secure.lab.", "AAAA", "NODATA proven by NSEC"),
    ("www.chain.lab.", "TXT", "NODATA proven by NSEC3"),
    ("a.wild.secure.lab.", "A", "wildcard answer with its proof"),
    ("www.expired.lab.", "A", "Breakage: expired RRSIG"),
    ("www.notyet.lab.", "A", "Breakage: RRSIG not yet valid"),
    ("www.nosig.lab.", "A", "Breakage: RRSIG missing"),
    ("www.badds.lab.", "A", "Breakage: DS matching no key"),
    ("missing.noproof.lab.", "A", "Breakage: stripped proofs (the testkit strips; NSD serves them)"),
]

# Where the two are known to differ, and why: each a deliberate difference, not a defect.
EXPLAINED = {
    "www.notyet.lab.": "Unbound accepts a signature whose inception is up to val-sig-skew-max (24 h by"
                       " default, 10% of the validity period) in the future; the lab's starts in 1 day."
                       " We allow no skew (RFC 4035 §5.3.1); Unbound with val-sig-skew-max: 0 agrees",
}


def dig(port, name, qtype):
    text = subprocess.run(["dig", "@127.0.0.1", "-p", str(port), "+dnssec", "+tries=1", "+time=10",
                           name, qtype], capture_output=True, text=True).stdout
    status = re.search(r"status: (\w+)", text)
    flags = re.search(r"flags: ([a-z ]*);", text)
    ede = re.search(r"; EDE: (\d+)", text)
    return {"rcode": status.group(1) if status else "no answer",
            "ad": "ad" in (flags.group(1).split() if flags else []),
            "ede": ede.group(1) if ede else "-"}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--java", required=True)
    parser.add_argument("--server-jar", required=True, type=Path)
    parser.add_argument("--bench-jar", required=True, type=Path)
    args = parser.parse_args()
    args.server_jar, args.bench_jar = args.server_jar.resolve(), args.bench_jar.resolve()
    with tempfile.TemporaryDirectory(prefix="dnssec-interop-") as work:
        work = Path(work)
        lab = work / "lab"
        subprocess.run([args.java, "-cp", str(args.bench_jar),
                        "org.dnschase.resolver.bench.race.DnssecInteropLab", str(lab)], check=True)
        nsd = Nsd(lab, work, 53, 0)
        unbound = Unbound(lab, work, 0, trust_anchor=lab / "root.key")
        ours = Ours(lab, work, 0, args.java, args.server_jar, trust_anchor=lab / "root.key")
        sides = [ours, unbound]
        rows = []
        try:
            for side in sides:
                wait_answering(side.start(), side.port)
            for name, qtype, what in CASES:
                rows.append((name, qtype, what, dig(ours.port, name, qtype), dig(unbound.port, name, qtype)))
        finally:
            for side in sides:
                side.stop()
            nsd.stop()
    print("| question | case | ours: rcode, AD, EDE | Unbound: rcode, AD, EDE | same |")
    print("| --- | --- | --- | --- | --- |")
    differ = 0
    for name, qtype, what, ours_says, unbound_says in rows:
        same = ours_says["rcode"] == unbound_says["rcode"] and ours_says["ad"] == unbound_says["ad"]
        differ += not same
        cell = lambda r: f"{r['rcode']}, {'AD' if r['ad'] else 'no AD'}, {r['ede']}"  # noqa: E731
        note = "yes" if same else "**no**" + (f": {EXPLAINED[name]}" if name in EXPLAINED else "")
        if same and ours_says["ede"] != unbound_says["ede"]:
            note = "yes (EDE differs)"
        print(f"| `{name} {qtype}` | {what} | {cell(ours_says)} | {cell(unbound_says)} | {note} |")
    unexplained = sum(1 for name, _, _, o, u in rows
                      if (o["rcode"], o["ad"]) != (u["rcode"], u["ad"]) and name not in EXPLAINED)
    print(f"\n{len(rows) - differ} of {len(rows)} questions get the same rcode and AD bit from both;"
          f" {unexplained} difference(s) unexplained")
    return 0


if __name__ == "__main__":
    sys.exit(main())
