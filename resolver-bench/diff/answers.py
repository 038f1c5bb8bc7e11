"""One question to a resolver with dig, its reply read into what the differential test compares,
and the differences between two replies.

Compared: the rcode; the answer section as a set of records (owner names and data compared without
regard to case, TTLs apart); the AA, TC and AD flags; which zone's SOA the authority section holds
(RFC 2308's negative answers); the TTLs of the records both hold, and of that SOA (the negative
TTL, RFC 2308 §3), within TTL_SLACK seconds (a second may pass between the two questions' caching).
"""
import subprocess
from dataclasses import dataclass, field

TTL_SLACK = 2
COMPARED_FLAGS = ("aa", "tc", "ad")


@dataclass
class Reply:
    rcode: str
    flags: frozenset = frozenset()
    answer: dict = field(default_factory=dict)      # (owner, type, data) -> TTL
    authority_soa: str = None                       # the owner of an SOA in the authority section
    authority_soa_ttl: int = None                   # and its TTL (RFC 2308 §3: the negative TTL)
    text: str = ""

    def summary(self):
        records = "; ".join(f"{o} {ttl} {t} {d}" for (o, t, d), ttl in sorted(self.answer.items()))
        soa = f" SOA {self.authority_soa} {self.authority_soa_ttl}" if self.authority_soa else ""
        flags = ",".join(sorted(self.flags & set(COMPARED_FLAGS)))
        return f"{self.rcode}{' ' + flags if flags else ''} [{records}]{soa}"


def ask(address, port, name, qtype, timeout=10):
    """Asks the resolver at address:port (127.0.0.0/8 only) for name and qtype, recursion desired;
    qtype may name a class first ('CH TXT')."""
    if not address.startswith("127."):
        raise ValueError(f"{address} is not a loopback address")
    *qclass, qtype = qtype.split()
    command = ["dig", f"@{address}", "-p", str(port), "+tries=1", f"+time={timeout}", "+nocookie",
               "+noall", "+comments", "+answer", "+authority", *(["-c"] + qclass if qclass else []), name, qtype]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode == 9 or "timed out" in done.stdout:
        return Reply("TIMEOUT", text=done.stdout)
    if done.returncode != 0:
        return Reply(f"DIG-ERROR {done.returncode}", text=done.stdout + done.stderr)
    return parse(done.stdout)


def parse(text):
    rcode, flags, section = None, frozenset(), None
    answer, soa, soa_ttl = {}, None, None
    for line in text.splitlines():
        if "->>HEADER<<-" in line:
            rcode = line.split("status: ")[1].split(",")[0]
        elif line.startswith(";; flags:"):
            flags = frozenset(line.split(":")[1].split(";")[0].split())
        elif line.startswith(";; ANSWER SECTION"):
            section = "answer"
        elif line.startswith(";; AUTHORITY SECTION"):
            section = "authority"
        elif line.startswith(";") or not line.strip():
            if not line.strip():
                section = None
        elif section:
            owner, ttl, _, rtype, *data = line.split()
            if section == "answer":
                answer[(owner.lower(), rtype, " ".join(data).lower())] = int(ttl)
            elif rtype == "SOA":
                soa, soa_ttl = owner.lower(), int(ttl)
    return Reply(rcode or "NO-HEADER", flags, answer, soa, soa_ttl, text)


def differences(ours, theirs, ttls=True):
    """The kinds in which two replies differ: a list of (kind, detail). Two SERVFAILs agree whatever
    else they hold (Unbound's keeps the records it had when it gave up). TTLs only when ttls: after
    other questions, each side's cache holds what its own resolutions kept, for as long as it has."""
    found = []
    if ours.rcode == theirs.rcode == "SERVFAIL":
        return found
    if ours.rcode != theirs.rcode:
        found.append((f"rcode {ours.rcode} / {theirs.rcode}", ""))
    mine, other = set(ours.answer), set(theirs.answer)
    if mine != other:
        only_ours = sorted(mine - other)
        only_theirs = sorted(other - mine)
        found.append((answer_kind(only_ours, only_theirs),
                      f"only ours: {only_ours} only Unbound's: {only_theirs}"))
    for flag in COMPARED_FLAGS:
        if (flag in ours.flags) != (flag in theirs.flags):
            found.append((f"flag {flag.upper()} {'ours' if flag in ours.flags else 'Unbound'} only", ""))
    if ours.authority_soa != theirs.authority_soa:
        found.append((f"authority SOA {'ours' if ours.authority_soa else '-'} / "
                      f"{'Unbound' if theirs.authority_soa else '-'}"
                      f"{' (different zones)' if ours.authority_soa and theirs.authority_soa else ''}",
                      f"{ours.authority_soa} / {theirs.authority_soa}"))
    apart = [(key, ours.answer[key], theirs.answer[key]) for key in mine & other
             if ttls and abs(ours.answer[key] - theirs.answer[key]) > TTL_SLACK]
    if apart:
        found.append(("TTL", "; ".join(f"{o} {t}: {a} / {b}" for (o, t, _), a, b in apart)))
    if (ttls and ours.authority_soa and ours.authority_soa == theirs.authority_soa
            and abs(ours.authority_soa_ttl - theirs.authority_soa_ttl) > TTL_SLACK):
        found.append(("negative TTL (the authority SOA's)", f"{ours.authority_soa_ttl} / {theirs.authority_soa_ttl}"))
    return found


def answer_kind(only_ours, only_theirs):
    types = lambda records: ",".join(sorted({t for _, t, _ in records})) or "-"
    return f"answer records ours-only {types(only_ours)} / Unbound-only {types(only_theirs)}"
