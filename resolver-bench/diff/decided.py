"""Differences from Unbound already decided, each with its reason: a reply pair that shows one is
reported under it, apart from the differences still to look at.

Each is recognised from the two replies, the question and what the lab says of its zones, by a
signature narrow enough not to hide anything else.
"""
import re

from labgen import under

ALIASES = ("CNAME", "DNAME")
# Defaults.MAX_HOPS: a chain of this many hops is answered, one more fails
OUR_MAX_HOPS = 12


def answered_types(reply):
    return {rtype for _, rtype, _ in reply.answer}


def referral_taken_for_nodata(ours, theirs, question):
    """Unbound takes a referral to the very zone it asked (the parent's server, listed as the
    zone's, refers to the zone again) for a NODATA answer: iter_resptype.c's
    response_type_from_server returns RESPONSE_TYPE_ANSWER for an NS set at the delegation point
    ("FIXME: is this correct?"), so it answers NOERROR with neither data nor SOA, and fails a zone
    whose name servers' addresses it so finds missing. We count such a server lame (RFC 1034
    §5.3.3: a referral must come closer to the name) and ask another, or fail when none is left.
    Its signature: Unbound's NOERROR holds neither the data asked for nor an SOA, or Unbound alone
    fails, and the question or Unbound's chain reaches a zone the lab delegated so (or one whose
    servers are named in such a zone: labgen.Lab.sideways_reach)."""
    short = (theirs.rcode == "NOERROR" and theirs.authority_soa is None
             and not has_data(theirs, question)) or (theirs.rcode == "SERVFAIL" != ours.rcode)
    return short and reaches(theirs, question, question.sideways)


def has_data(reply, question):
    """Whether the reply holds records of the type asked at the end of its chain of aliases."""
    name = question.name.lower()
    targets = {owner: data.split()[-1] for owner, rtype, data in reply.answer if rtype == "CNAME"}
    for _ in range(len(targets)):
        name = targets.get(name, name)
    return any(owner == name and rtype == question.qtype for owner, rtype, _ in reply.answer)


def reaches(reply, question, zones):
    """Whether the question's name or a name of the reply's answer is in one of zones (or below)."""
    names = {question.name.lower()} | {owner for owner, _, _ in reply.answer} | {
        data.split()[-1] for _, rtype, data in reply.answer if rtype in ALIASES}
    return any(under(name, zones) for name in names)


def alias_question_not_chased(ours, theirs, question):
    """A CNAME or ANY question is answered by the alias itself (RFC 1034 §3.6.2, §4.3.2 step 3a:
    QTYPE matches CNAME, so the alias is not followed; a DNAME's synthesised CNAME likewise, RFC
    6672 §3.1); Unbound follows it and gives the target's rcode and records too, or fails when the
    target's zone cannot be reached."""
    return (question.qtype in ("CNAME", "ANY") and (set(ours.answer) <= set(theirs.answer) or theirs.rcode == "SERVFAIL")
            and answered_types(ours) & set(ALIASES) and ours.rcode == "NOERROR")


def chain_past_our_limit(ours, theirs, question):
    """A loop, or a chain longer than our 12 hops (Defaults.MAX_HOPS), fails (SERVFAIL), within one
    zone as across zones; Unbound passes on what the zone's server sent (a growing DNAME loop ends
    in the server's YXDOMAIN, a CNAME loop in its NOERROR), or gives up with the aliases it had as
    a NOERROR without data or SOA, and stops at 11 restarts across zones."""
    aliases = sum(1 for _, rtype, _ in theirs.answer if rtype in ALIASES)
    gave_up = aliases and theirs.authority_soa is None and not has_data(theirs, question)
    return ours.rcode == "SERVFAIL" and (aliases > OUR_MAX_HOPS or gave_up) or (
        theirs.rcode == "SERVFAIL" and sum(1 for _, rtype, _ in ours.answer if rtype == "CNAME") > 11)


def dname_question_soa(ours, theirs, question):
    """A DNAME question for a name under a DNAME: the DNAME's synthesised CNAME is followed (the
    question's type is not CNAME) to a name without a DNAME, a NODATA whose SOA we keep in the
    authority section (RFC 2308 §2.2, as for any chain ending in NODATA); Unbound leaves it out."""
    return (question.qtype == "DNAME" and ours.rcode == theirs.rcode and set(ours.answer) == set(theirs.answer)
            and ours.authority_soa and not theirs.authority_soa)


def class_any_refused(ours, theirs, question):
    """A question in class ANY (QCLASS *, RFC 1035 §3.2.5) is refused (REFUSED), as one in any class
    but IN is: a recursive resolver knows the Internet class only, and "all classes" is not a
    question it can answer whole. Unbound resolves it as if it were IN and answers its iterator's
    result with an NXDOMAIN rcode beside the IN data, a reply that contradicts itself."""
    return question.qtype.startswith("ANY ") and ours.rcode == "REFUSED"


def below_wildcard_dname(ours, theirs, question):
    """A name below a DNAME owned by a wildcard: RFC 4592 §4.4 calls such a DNAME "a threat to the
    coherency of the DNS", "to be avoided or outright rejected", because what a resolver answers
    below it depends on what it learnt before. The server matches the wildcard at the name asked,
    where the synthesised DNAME redirects only names below it; a DNAME synthesised at an ancestor
    (asked for before) and cached redirects the name. Each side answers from what its own earlier
    questions cached. Its signature: the question lies two labels or more below the wildcard's
    parent, and the answers agree on the rcode."""
    return ours.rcode == theirs.rcode and any(
        question.name.lower().endswith("." + parent) and question.name.lower()[:-len(parent) - 1].count(".") >= 1
        for parent in question.wildcard_dnames)


def wildcard_dname_bogus(ours, theirs, question):
    """In a signed zone, a DNAME synthesised from a wildcard (its RRSIG counts fewer labels than
    its owner) is BOGUS to us: RFC 6672 §3.3 leaves a wildcard DNAME's meaning undefined and warns
    that validators may not be able to validate one, and RFC 4592 §4.4 would have it avoided or
    rejected; taking it would let one synthesised record redirect a whole subtree. Unbound
    validates the answer to a DNAME question there as any wildcard expansion. Its signature: we
    fail (SERVFAIL) a question at or below a name a wildcard DNAME answers."""
    name = question.name.lower()
    return ours.rcode == "SERVFAIL" and any(name.endswith("." + parent) for parent in question.wildcard_dnames)


def partial_any_or_rrsig(ours, theirs, question):
    """An ANY question is answered with one RRset of the name (RFC 8482 §4.1), an RRSIG question
    with the signatures of the first type signed there (dnsjava keeps an RRSIG as the signature
    of the type it covers, never as data of its own): a part of what Unbound answers, which adds
    every RRset, the RRSIGs among them (ANY matches type RRSIG too), or every signature. For ANY,
    each side may pick another RRset of the name (ours the first the server sent: a TLD's SOA
    where Unbound's cache gives its NS set)."""
    if question.qtype not in ("ANY", "RRSIG") or not ours.rcode == theirs.rcode == "NOERROR" or not ours.answer:
        return False
    one_rrset_of_the_name = len({(owner, rtype) for owner, rtype, _ in ours.answer}) == 1 and all(
        owner == question.name.lower() for owner, _, _ in ours.answer)
    return set(ours.answer) < set(theirs.answer) or (question.qtype == "ANY" and one_rrset_of_the_name)


# what Unbound's EDE text (val-log-level 2) says when its validator fails a chain through a DNAME
UNBOUND_DNAME_FAILURES = ("DS got DNAME answer", "no signatures for CNAME", "while building chain of trust")


def unbound_fails_through_dname(ours, theirs, question):
    """Signed, Unbound's validator fails questions whose chain passes a DNAME where we answer the
    chain (SECURE, or insecure where it passes an unsigned zone): asked for the DNAME type below a
    DNAME, it asks for the DS of the name asked and meets the DNAME there ("DS got DNAME answer"),
    or takes the synthesised CNAME, unsigned as every synthesised CNAME is (RFC 6672 §5.3.1), for
    unsigned data ("no signatures for CNAME"); and, once it did, its walk for the DS of the chain's
    last name fails ("while building chain of trust"). A DS below a DNAME is redirected by it
    (RFC 6672 §2.2) and proves nothing about the question. Its signature: Unbound's SERVFAIL says
    one of those in its EDE text, and our answer, not a failure, holds the DNAME."""
    return (theirs.rcode == "SERVFAIL" and ours.rcode in ("NOERROR", "NXDOMAIN")
            and any(rtype == "DNAME" for _, rtype, _ in ours.answer)
            and any(text in theirs.text for text in UNBOUND_DNAME_FAILURES))


def unbound_nodata_without_soa(ours, theirs, question):
    """Unbound answers a NODATA without the zone's SOA (RFC 2308 §2.2 has a NODATA carry it: without
    it nothing downstream may cache the answer) from what its cache held after other questions,
    with AD even for a name of an unsigned zone (seen after its validator failed a chain that ended
    there; RFC 4035 §3.2.3: an insecure answer never has AD). We answer the NODATA with the SOA, AD
    as its zone's chain of trust says. Its signature: both NOERROR without data, ours with an SOA,
    Unbound's without, and AD on ours only where Unbound has it too."""
    return (ours.rcode == theirs.rcode == "NOERROR" and not ours.answer and not theirs.answer
            and ours.authority_soa and theirs.authority_soa is None
            and ("ad" in theirs.flags or "ad" not in ours.flags))


DECIDED = [
    ("Unbound takes a referral to the zone asked for NODATA", referral_taken_for_nodata),
    ("a CNAME or ANY question is answered by the alias, not chased", alias_question_not_chased),
    ("a loop or a chain past the hop limits", chain_past_our_limit),
    ("a DNAME question under a DNAME: the SOA of the NODATA it ends in", dname_question_soa),
    ("a question in class ANY is refused", class_any_refused),
    ("a name below a DNAME owned by a wildcard (RFC 4592 §4.4)", below_wildcard_dname),
    ("signed, a DNAME synthesised from a wildcard is BOGUS to us (RFC 6672 §3.3)", wildcard_dname_bogus),
    ("an ANY or RRSIG question answered in part (RFC 8482 §4.1)", partial_any_or_rrsig),
    ("signed, Unbound's validator fails a chain through a DNAME", unbound_fails_through_dname),
    ("Unbound's NODATA without SOA (RFC 2308 §2.2), from its cache", unbound_nodata_without_soa),
]


class Question:
    """What the comparison knows of a question: its name and type (a class before it, if any), the
    lab's zones a sideways referral can keep a resolver from (labgen.Lab.sideways_reach), and the
    parents of its wildcard DNAMEs (labgen.Lab.wildcard_dnames)."""

    def __init__(self, name, qtype, sideways, wildcard_dnames=()):
        self.name, self.qtype, self.sideways = name, qtype, sideways
        self.wildcard_dnames = wildcard_dnames


def decided(ours, theirs, question):
    """The name of the decided difference this pair shows, or None."""
    for name, test in DECIDED:
        if test(ours, theirs, question):
            return name
    return None


# The odd client queries (clients.py): (the cases, a regular expression over their names; the
# fields; a test of the two values, ours then Unbound's; the reason). A field of a case differs
# for one of these reasons or is reported to be looked at.
ERRORS = r"opcode|QDCOUNT|no question|TC=1 in the query|type (AXFR|IXFR|MAILA|MAILB|OPT|TKEY|TSIG)"
CLIENT_DECIDED = [
    (ERRORS, {"ra"}, lambda ours, theirs: ours and not theirs,
     "RA set on the errors we answer before any resolution (FORMERR, NOTIMP, REFUSED): RFC 1035 "
     "§4.1.1 has RA say whether the server offers recursion, which ours does whatever the query; "
     "Unbound's request checks turn the query round as it came, RA clear"),
    (r"cookie: (15|41) octets", {"rcode", "answer", "answer owners as sent", "opt ede", "opt options"}, None,
     "a COOKIE option of 9-15 or more than 40 octets is FORMERR (RFC 7873 §5.2.2), as BIND and "
     "Knot answer it; Unbound 1.17, answer-cookie off by default, ignores the option"),
    (r"no question", {"opt version", "opt cookie", "opt options"}, None,
     "our FORMERR carries an OPT record of our own, version 0 without options (RFC 6891 §6.1.3: "
     "the version a responder implements; §7: an OPT record in a FORMERR); Unbound's echoes the "
     "query's OPT record, version 1 or a COOKIE it never read"),
    (r"QDCOUNT 2", {"question echoed"}, None,
     "a FORMERR to two questions echoes neither (RFC 1035 does not say which one a reply would "
     "echo; RFC 9619 §4: QDCOUNT must be 1); Unbound echoes the query whole"),
    (r"^CH TXT", {"rcode", "answer", "answer owners as sent"}, None,
     "no CHAOS identity or version (RFC 4892 leaves id.server to the operator; hiding the version "
     "is BIND's and Unbound's hide-version): class CH is REFUSED as every class but IN; Unbound "
     "answers its version and host name unless told not to"),
    (r"class ANY", {"rcode", "answer", "answer owners as sent", "opt ede", "opt options"}, None,
     "QCLASS * (RFC 1035 §3.2.5) refused as any class but IN (README: decided)"),
    (r"many records, EDNS 4096", {"tc", "answer", "answer owners as sent"}, None,
     "no UDP answer larger than the 1,232 octets we advertise (DNS Flag Day 2020; RFC 9715 §3.2: a "
     "responder limits its answers below the path MTU), so TC and TCP; Unbound's max-udp-size "
     "(4,096) sends 1,643 octets, fragmented on a real path"),
    (r"opcode 4", {"rcode"}, lambda ours, theirs: ours == 4 and theirs == 5,
     "NOTIFY (RFC 1996) to a resolver: NOTIMP, the opcode not implemented (RFC 1035 §4.1.1), where "
     "Unbound answers REFUSED; both say no"),
    (r"type (MAILA|MAILB|OPT|TKEY|TSIG|0)\b", {"rcode", "authority", "opt ede", "opt options"},
     lambda ours, theirs: ours == 4 or ours == [],
     "a meta type or a reserved one (RFC 6895 §3.1: MAILA and MAILB obsolete, OPT, TSIG and TKEY "
     "records of a message, type 0 never allocated) is NOTIMP, a kind of query not implemented "
     "(RFC 1035 §4.1.1); Unbound answers FORMERR to the meta types and asks upstream for type 0"),
    (r"RD=0", {"rcode", "answer", "answer owners as sent", "opt ede", "opt options"},
     lambda ours, theirs: theirs in (5, [], [15], [20]),
     "RD=0 is answered from the cache (RFC 1035 §4.1.1: recursion not desired, what is known is "
     "given), a failure remembered for 5 s (RFC 9520 §3.2) SERVFAIL, REFUSED with EDE 20 when "
     "nothing is cached; Unbound answers REFUSED with EDE 20 to every RD=0 query under "
     "access-control allow (its allow_snoop answers from the cache as we do)"),
    (r"keepalive, TCP|keepalive with a timeout", {"opt keepalive", "opt options"}, None,
     "edns-tcp-keepalive offered over TCP is answered with our idle timeout (RFC 7828 §3.3.2: MAY); "
     "a TIMEOUT a client should not send (§3.2.1) is ignored as unknown data; Unbound's "
     "edns-tcp-keepalive is off by default"),
    (r"padding, TCP", {"opt options", "opt padded to 468"}, None,
     "a query over TCP with the Padding option gets an answer padded to a multiple of 468 octets "
     "(RFC 7830 §4: a responder MUST pad; RFC 8467 §4.1); Unbound pads only over TLS"),
    (r"^type (ANY|RRSIG)", {"answer"}, None,
     "an ANY or RRSIG question answered in part (RFC 8482 §4.1, README: decided)"),
    (r".", {"opt ede"}, lambda ours, theirs: ours and not theirs,
     "an Extended DNS Error (RFC 8914) on our SERVFAIL or REFUSED where Unbound 1.17 gives none "
     "(it has EDE codes only for validation and a few policies); the rcode agrees"),
    (r".", {"opt options"}, lambda ours, theirs: set(ours) - set(theirs) == {15},
     "the option of that Extended DNS Error (RFC 8914, code 15)"),
    (r".", {"opt ede"}, lambda ours, theirs: ours == [22] and theirs == [9],
     "a zone whose servers all fail (lame), reached through a DNAME: ours says so, 22 (No Reachable "
     "Authority, RFC 8914 §4.22), where Unbound's validator reports the DNSKEY it could not get "
     "from them (9); both SERVFAIL"),
    (r".", {"opt ede"}, lambda ours, theirs: ours == [7] and theirs == [6],
     "a BOGUS answer's Extended DNS Error: ours says why, 7 (Signature Expired, RFC 8914 §4.8), "
     "where Unbound says 6 (DNSSEC Bogus) at times and 7 at others; both SERVFAIL"),
]


def decided_client(case, field, ours, theirs):
    """The reason a field of an odd client query's replies differs, or None."""
    for cases, fields, test, reason in CLIENT_DECIDED:
        if re.search(cases, case) and field in fields and (test is None or test(ours, theirs)):
            return reason
    return None
