"""The hostile lab's upstream servers: real UDP and TCP sockets on 127.64.0.0/16, one asyncio loop.

The root (127.64.0.1) refers every top-level zone the lab knows; `good.` (127.64.1.1) is a
well-behaved zone asked throughout a run, and its answers are checked; `h<i>.` (127.64.2.<i>) is
served by a server that misbehaves in the way `KINDS[kind]` says. A few other shapes are the
root's own: glueless chains (`g<d>c<i>.`), cyclic delegations (`ya<i>.`/`yb<i>.`), an NS name that
is an alias (`nsalias<i>.`), CNAME chains across zones (`ch<j>.`, served by 127.64.1.3).
"""
import asyncio
import os
import random
import re
import struct
import time

import wire

ROOT, GOOD, COPY, CHAIN = '127.64.0.1', '127.64.1.1', '127.64.1.2', '127.64.1.3'
SILENT = '127.64.1.4'  # serves silent., and never answers
ELSEWHERE = '127.64.250.1'  # the address a reply "from another address" comes from
POISON = '6.6.6.6'
GOOD_ADDRESS, COPY_ADDRESS = '192.0.2.1', '192.0.2.2'


def hostile_address(i):
    return f'127.64.{2 + i // 250}.{1 + i % 250}'


def good_reply(q, zone, address, flags=wire.QR | wire.AA, ttl=300):
    """What a well-behaved authoritative server for `zone` says: the A record, or NODATA."""
    if q.qtype in (wire.A, wire.ANY):
        return wire.message(q, flags, answer=[wire.a(q.question[:-4], address, ttl)])
    return wire.message(q, flags, authority=[wire.soa(zone)])


class Counter:
    """Queries the lab's servers got, by a label of the caller's choosing."""

    def __init__(self):
        self.counts = {}

    def add(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1


# ---- the hostile kinds: each returns the actions that answer one query ----
# ('send', bytes) a message (over TCP with its length prefix); ('raw', bytes) octets as they are;
# ('sleep', s); ('close',); ('hold',) keep a TCP connection open and silent; ('otherport', bytes)
# and ('otheraddr', bytes) a UDP reply from another port or address.


def k_silent(q, tcp, zone, rng):
    return [('hold',)] if tcp else []


def k_garbage(q, tcp, zone, rng):
    return [('send', os.urandom(rng.choice([1, 11, 12, 40, 512, 1500])))]


def k_short(q, tcp, zone, rng):
    return [('send', good_reply(q, zone, COPY_ADDRESS)[:rng.randrange(0, 12)])]


def k_cut(q, tcp, zone, rng):
    reply = good_reply(q, zone, COPY_ADDRESS)
    return [('send', reply[:rng.randrange(12, len(reply))])]


def k_wrongid(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR | wire.AA, qid=q.id ^ 0x5A5A,
                                   answer=[wire.a(q.question[:-4], POISON)]))]


def k_wrongq(q, tcp, zone, rng):
    other = wire.name('other.' + zone) + q.question[-4:]
    return [('send', wire.message(q, wire.QR | wire.AA, question=other,
                                   answer=[wire.a(other[:-4], POISON)]))]


def k_noquestion(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR | wire.AA, question=b'',
                                   answer=[wire.a(q.question[:-4], POISON)]))]


def k_noqr(q, tcp, zone, rng):
    return [('send', good_reply(q, zone, POISON, flags=wire.AA))]


def k_opcode(q, tcp, zone, rng):
    return [('send', good_reply(q, zone, POISON, flags=wire.QR | wire.AA | (rng.choice([1, 2, 4, 5, 15]) << 11)))]


def k_otherport(q, tcp, zone, rng):
    return [('otherport', good_reply(q, zone, POISON))] if not tcp else [('hold',)]


def k_otheraddr(q, tcp, zone, rng):
    return [('otheraddr', good_reply(q, zone, POISON))] if not tcp else [('hold',)]


def k_ptrloop(q, tcp, zone, rng):
    # an answer record whose owner is a pointer to itself, or two pointers to each other
    at = 12 + len(q.question)
    owner = struct.pack('!H', 0xC000 | at) if rng.random() < 0.5 else struct.pack('!H', 0xC000 | (at + 2))
    owner2 = struct.pack('!H', 0xC000 | at)
    record = owner + owner2 + struct.pack('!HHIH', wire.A, wire.IN, 300, 4) + bytes([6, 6, 6, 6])
    return [('send', wire.header(q.id, wire.QR | wire.AA, 1, 1) + q.question + record)]


def k_lyingcounts(q, tcp, zone, rng):
    reply = good_reply(q, zone, COPY_ADDRESS)
    counts = rng.choice([(1, 5, 0, 0), (1, 0, 0, 0), (3, 1, 0, 0), (1, 1, 2, 7), (0, 1, 0, 0)])
    return [('send', wire.header(q.id, wire.QR | wire.AA, *counts) + reply[12:])]


def k_hugecounts(q, tcp, zone, rng):
    reply = good_reply(q, zone, COPY_ADDRESS)
    return [('send', wire.header(q.id, wire.QR | wire.AA, 1, 65535, 65535, 65535) + reply[12:])]


def k_multiopt(q, tcp, zone, rng):
    opts = [wire.opt(1232), wire.opt(4096, version=rng.choice([0, 1]))]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.a(q.question[:-4], COPY_ADDRESS)],
                                   additional=opts))]


def k_badopt(q, tcp, zone, rng):
    variants = [
        wire.opt(owner=wire.name('not.root.')),                      # OPT owner not the root
        wire.opt(options=struct.pack('!HH', 15, 40) + b'\1\2'),       # an option longer than the rdata
        wire.opt(payload=0),                                         # a payload below 512
        b'\0' + struct.pack('!HHIH', wire.OPT, 1232, 0, 40),          # rdlength past the end
    ]
    additional = [rng.choice(variants)]
    answer = [wire.a(q.question[:-4], COPY_ADDRESS)]
    if rng.random() < 0.3:  # an OPT in the answer section
        answer.append(wire.opt())
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer, additional=additional))]


def k_badvers(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR, additional=[wire.opt(rcode_high=1)]))]


def k_rcode(q, tcp, zone, rng):
    low, high = rng.choice([(6, 0), (7, 0), (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (15, 0),
                            (0, 1), (2, 1), (15, 255), (0, 2), (5, 16)])
    return [('send', wire.message(q, wire.QR | wire.AA | low, additional=[wire.opt(rcode_high=high)]))]


def k_tcforever(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR | wire.AA | wire.TC))]


def tcp_only(behaviour):
    """UDP replies truncated, so the client comes over TCP and meets `behaviour` there."""
    def kind(q, tcp, zone, rng):
        if not tcp:
            return [('send', wire.message(q, wire.QR | wire.AA | wire.TC))]
        return behaviour(q, zone, rng)
    return kind


def t_silent(q, zone, rng):
    return [('hold',)]


def t_drip(q, zone, rng):
    reply = good_reply(q, zone, COPY_ADDRESS)
    framed = struct.pack('!H', len(reply)) + reply
    return [a for b in framed for a in (('raw', bytes([b])), ('sleep', 1.0))]


def t_closemid(q, zone, rng):
    reply = good_reply(q, zone, COPY_ADDRESS)
    framed = struct.pack('!H', len(reply)) + reply
    return [('raw', framed[:rng.randrange(1, len(framed))]), ('close',)]


def t_maxlength(q, zone, rng):
    return [('raw', b'\xff\xff' + os.urandom(rng.choice([0, 10, 5000]))), ('hold',)]


def t_wrongid(q, zone, rng):
    return [('send', wire.message(q, wire.QR | wire.AA, qid=q.id ^ 1,
                                   answer=[wire.a(q.question[:-4], POISON)])), ('hold',)]


def t_many(q, zone, rng):
    wrong = [('send', wire.message(q, wire.QR | wire.AA, qid=q.id ^ (i + 1),
                                    answer=[wire.a(q.question[:-4], POISON)])) for i in range(200)]
    right = ('send', good_reply(q, zone, COPY_ADDRESS))
    return wrong + [right, right, right] + wrong[:50]


def t_reset(q, zone, rng):
    return [('close',)]


def t_garbage(q, zone, rng):
    return [('send', os.urandom(rng.choice([1, 12, 300])))]


# ---- delegations and data ----

def k_selfref(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(zone, 'ns.' + zone)],
                                   additional=[wire.a('ns.' + zone, hostile_address(int(zone[1:-1])))]))]


def k_upward(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR, authority=[wire.ns('.', 'a.root.')],
                                   additional=[wire.a('a.root.', ROOT)]))]


def k_sideways(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR, authority=[wire.ns('good.', 'ns.evil.')],
                                   additional=[wire.a('ns.evil.', hostile_address(int(zone[1:-1])))]))]


def k_deeper(q, tcp, zone, rng):
    # refers one label further down the question, to itself, every time (referral depth)
    labels = q.qname.lower().rstrip('.').split('.')
    zl = zone.rstrip('.').split('.')
    if len(labels) <= len(zl):
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    # the deepest cut this server has not yet referred to: one label below the zone it is asked as
    child = '.'.join(labels[-(len(zl) + 1 + rng.randrange(0, len(labels) - len(zl))):]) + '.'
    me = hostile_address(int(zone[1:-1]))
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(child, 'ns.' + child)],
                                   additional=[wire.a('ns.' + child, me)]))]


def k_nxns(q, tcp, zone, rng):
    # a referral to the question's own name (below the zone) whose name servers, many, are all
    # glueless names in the victim's zone (NXNSAttack, CVE-2020-12662)
    n = rng.choice([50, 500, 1500])
    tag = zone[1:-1]
    child = q.qname.lower()
    if child == zone:
        return [('send', wire.message(q, wire.QR | wire.AA, authority=[wire.soa(zone)]))]
    authority = [wire.ns(child, f'nx{tag}-{rng.randrange(10**9)}.good.') for _ in range(n)]
    return [('send', wire.message(q, wire.QR, authority=authority))]


def k_nxns_below(q, tcp, zone, rng):
    # a referral to a child zone whose many name servers are all glueless, below the victim
    n = rng.choice([20, 200, 1000])
    tag = zone[1:-1]
    child = 'sub.' + zone
    if not q.qname.lower().endswith(child):
        return [('send', wire.message(q, wire.QR | wire.AA, authority=[wire.soa(zone)]))]
    authority = [wire.ns(child, f'nx{tag}-{rng.randrange(10**9)}.good.') for _ in range(n)]
    return [('send', wire.message(q, wire.QR, authority=authority))]


def k_poison(q, tcp, zone, rng):
    answer = [wire.a(q.question[:-4], COPY_ADDRESS)]
    if rng.random() < 0.5:
        answer.append(wire.a('www.good.', POISON))
    authority = [wire.ns('good.', 'ns.good.'), wire.ns(zone, 'ns.' + zone)]
    additional = [wire.a('ns.good.', POISON), wire.a('www.good.', POISON)]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer, authority=authority,
                                   additional=additional))]


def k_poison_cname(q, tcp, zone, rng):
    # an alias into good. with the target's (false) data beside it
    return [('send', wire.message(q, wire.QR | wire.AA,
                                   answer=[wire.cname(q.question[:-4], 'www.good.'), wire.a('www.good.', POISON)]))]


def k_dnamelong(q, tcp, zone, rng):
    long_target = '.'.join(['x' * 63] * 3) + '.' + zone
    owner = zone
    synth_owner = q.question[:-4]
    rec = wire.rr(owner, wire.DNAME, 300, wire.name(long_target))
    return [('send', wire.message(q, wire.QR | wire.AA, answer=[rec]))]


def k_dnameloop(q, tcp, zone, rng):
    # DNAME zone -> sub.zone: every rewrite grows the name, until it passes 255 octets
    rec = wire.rr(zone, wire.DNAME, 300, wire.name('sub.' + zone))
    return [('send', wire.message(q, wire.QR | wire.AA, answer=[rec]))]


def k_badsoa(q, tcp, zone, rng):
    variants = [
        wire.soa('good.'),                                       # another zone's SOA
        wire.rr(zone, wire.SOA, 60, b'\x03abc'),                  # SOA rdata cut short
        wire.rr(zone, wire.SOA, 0xFFFFFFFF, wire.soa(zone)[len(wire.name(zone)) + 10:]),
        wire.rr(zone, 47, 60, os.urandom(rng.randrange(0, 40))),  # an NSEC of garbage
        wire.rr('.', wire.SOA, 60, wire.soa('.')[11:]),           # the root's SOA from below
    ]
    authority = rng.sample(variants, rng.randrange(1, 4))
    rcode = rng.choice([wire.NXDOMAIN, wire.NOERROR])
    return [('send', wire.message(q, wire.QR | wire.AA | rcode, authority=authority))]


def k_ttl(q, tcp, zone, rng):
    m = re.match(r't(\d+)\.', q.qname.lower())
    ttl = int(m.group(1)) if m else rng.choice([0, 2**31 - 1, 2**31, 2**32 - 1, 2**31 + 5])
    return [('send', good_reply(q, zone, COPY_ADDRESS, ttl=ttl))]


def k_unknowntype(q, tcp, zone, rng):
    answer = [wire.rr(q.question[:-4], rng.choice([65280, 65535, 0, 250, 41]), 300, os.urandom(rng.randrange(0, 20)))]
    if rng.random() < 0.5:
        answer.append(wire.rr(q.question[:-4], wire.A, 300, b'\1\2\3'))  # an A of three octets
    if rng.random() < 0.5:
        answer.append(wire.a(q.question[:-4], COPY_ADDRESS))
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def k_bigrrset(q, tcp, zone, rng):
    m = re.match(r'n(\d+)\.', q.qname.lower())
    n = int(m.group(1)) if m else rng.choice([100, 1000, 3000])
    owner = q.question[:-4]
    answer = [wire.rr(owner, wire.A, 300, struct.pack('!I', 0xC0000200 + i)) for i in range(n)]
    if not tcp and len(answer) > 40:
        return [('send', wire.message(q, wire.QR | wire.AA | wire.TC))]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def k_wrongclass(q, tcp, zone, rng):
    answer = [wire.rr(q.question[:-4], wire.A, 300, bytes([6, 6, 6, 6]), rclass=rng.choice([3, 4, 254, 255]))]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def child_of(q, zone):
    """The question's name one label below `zone`, or None when it is the zone itself."""
    labels = q.qname.lower().rstrip('.').split('.')
    depth = len(zone.rstrip('.').split('.'))
    return '.'.join(labels[-(depth + 1):]) + '.' if len(labels) > depth else None


def k_manyglue(q, tcp, zone, rng):
    # a referral to one name server with 90 addresses, none of which answers
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    glue = [wire.a('ns.' + child, f'127.64.251.{i + 1}') for i in range(90)]
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(child, 'ns.' + child)], additional=glue))]


def k_weirdglue(q, tcp, zone, rng):
    # a referral whose glue points where no server can be: unspecified, broadcast, multicast, a
    # loopback port nobody listens on, IPv6 loopback
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    names = [f'ns{i}.{child}' for i in range(5)]
    glue = [wire.a(names[0], '0.0.0.0'), wire.a(names[1], '255.255.255.255'), wire.a(names[2], '224.0.0.1'),
            wire.a(names[3], '127.64.252.1'), wire.rr(names[4], wire.AAAA, 300, b'\0' * 15 + b'\1')]
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(child, n) for n in names], additional=glue))]


def k_gluelessinside(q, tcp, zone, rng):
    # a referral to a child whose only name server is inside it, without glue (unresolvable)
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(child, 'ns.' + child)]))]


def k_multicname(q, tcp, zone, rng):
    # a CNAME RRset of several records (RFC 2181 §10.1: an alias has one)
    owner = q.question[:-4]
    answer = [wire.cname(owner, f't{i}.{zone}') for i in range(rng.choice([2, 5, 101]))]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def k_cnameself(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.cname(q.question[:-4], q.qname)]))]


def k_longchain(q, tcp, zone, rng):
    # an in-zone chain of 50 aliases in one reply, ending in data
    names = [q.qname] + [f'c{i}.{zone}' for i in range(50)]
    answer = [wire.cname(names[i], names[i + 1]) for i in range(50)] + [wire.a(names[-1], COPY_ADDRESS)]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def k_dnamecname(q, tcp, zone, rng):
    # a DNAME above the name with a CNAME beside it that contradicts the DNAME's rewrite
    child = child_of(q, zone)
    if child is None or child == q.qname.lower():
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    dname = wire.rr(child, wire.DNAME, 300, wire.name('good.'))
    return [('send', wire.message(q, wire.QR | wire.AA, answer=[dname, wire.cname(q.question[:-4], 'www.good.'),
                                                                 wire.a('www.good.', POISON)]))]


def k_oversizeudp(q, tcp, zone, rng):
    # an answer larger than the payload the query offered, over UDP without TC
    owner = q.question[:-4]
    answer = [wire.rr(owner, wire.A, 300, struct.pack('!I', 0xC0000200 + i)) for i in range(rng.choice([80, 99]))]
    answer.append(wire.rr(owner, wire.TXT, 300, b'\xff' + b'x' * 255))
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def by_qtype_ns(rcode):
    """A server that answers the question's data, but `rcode` to every NS question (a broken
    server meeting qname minimisation, RFC 9156 §2.3)."""
    def kind(q, tcp, zone, rng):
        if q.qtype == wire.NS and q.qname.lower() != zone:
            return [('send', wire.message(q, wire.QR | wire.AA | rcode, authority=[wire.soa(zone)] if rcode == wire.NXDOMAIN else []))]
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    return kind


def k_noedns(q, tcp, zone, rng):
    # an old server: FORMERR to a query with an OPT record, the answer to one without (RFC 6891 §7)
    if q.payload is not None:
        return [('send', wire.message(q, wire.QR | wire.FORMERR))]
    return [('send', good_reply(q, zone, COPY_ADDRESS))]


def k_formerr(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR | rng.choice([wire.FORMERR, wire.NOTIMP])))]


# ---- correct but slow, fickle, or odd in a way a resolver must live with ----

TURNS = {}


def turn(zone):
    """How many queries `zone`'s server has had before this one (answers that change with each)."""
    TURNS[zone] = TURNS.get(zone, 0) + 1
    return TURNS[zone] - 1


def k_slow(q, tcp, zone, rng):
    # the right answer, 2.9 s late: at the edge of the server's 3 s deadline
    return [('sleep', 2.9), ('send', good_reply(q, zone, COPY_ADDRESS))]


def k_slow1(q, tcp, zone, rng):
    # the right answer at once twice, then 0.7 s late: slower than the timeout its fast replies earned
    return [('sleep', 0.7 if turn(zone) >= 2 else 0), ('send', good_reply(q, zone, COPY_ADDRESS))]


def k_flipflop(q, tcp, zone, rng):
    # each query another story: NXDOMAIN, the data, NODATA, SERVFAIL, REFUSED, an alias into good.
    n = turn(zone) % 6
    if n == 0:
        return [('send', wire.message(q, wire.QR | wire.AA | wire.NXDOMAIN, authority=[wire.soa(zone)]))]
    if n == 1:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    if n == 2:
        return [('send', wire.message(q, wire.QR | wire.AA, authority=[wire.soa(zone)]))]
    if n == 5:
        return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.cname(q.question[:-4], 'www.good.')]))]
    return [('send', wire.message(q, wire.QR | (wire.SERVFAIL if n == 3 else wire.REFUSED)))]


def k_liar(q, tcp, zone, rng):
    # the fast one of the zone's two servers (the slow honest one is partner_address): it refuses,
    # fails, refers up, or answers with the wrong ID, at once
    way = rng.choice(['refused', 'servfail', 'upward', 'wrongid'])
    if way == 'upward':
        return k_upward(q, tcp, zone, rng)
    if way == 'wrongid':
        return k_wrongid(q, tcp, zone, rng)
    return [('send', wire.message(q, wire.QR | (wire.REFUSED if way == 'refused' else wire.SERVFAIL)))]


def honest_slow(q, tcp, zone, rng):
    return [('sleep', 0.2), ('send', good_reply(q, zone, COPY_ADDRESS))]


def k_growingns(q, tcp, zone, rng):
    # the data, with an apex NS set one name larger at every query (each glued to this server)
    n = min(turn(zone) + 1, 1500)
    me = hostile_address(int(zone[1:-1]))
    names = [f'ns{k}.{zone}' for k in range(n)]
    records = [wire.ns(zone, name) for name in names]
    glue = [wire.a(name, me) for name in names]
    if q.qtype == wire.NS and q.qname.lower() == zone:
        reply = wire.message(q, wire.QR | wire.AA, answer=records, additional=glue)
    elif q.qtype in (wire.A, wire.ANY):
        reply = wire.message(q, wire.QR | wire.AA, answer=[wire.a(q.question[:-4], COPY_ADDRESS)],
                             authority=records, additional=glue)
    else:
        reply = wire.message(q, wire.QR | wire.AA, authority=[wire.soa(zone)])
    if not tcp and len(reply) > 1232:
        return [('send', wire.message(q, wire.QR | wire.AA | wire.TC))]
    return [('send', reply)]


def k_glueflip(q, tcp, zone, rng):
    # a referral to the child below the zone whose glue changes at every query: the child's server
    # (partner_address), then an address where nobody listens, in turn
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    i = int(zone[1:-1])
    glue = partner_address(i) if turn(zone) % 2 == 0 else f'127.64.252.{1 + i % 250}'
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(child, 'ns.' + child)],
                                   additional=[wire.a('ns.' + child, glue)]))]


def child_server(q, tcp, zone, rng):
    child = child_of(q, zone) or zone
    return [('send', good_reply(q, child, COPY_ADDRESS))]


def k_nocase(q, tcp, zone, rng):
    # the question (and the answer's owner) sent back in another case than asked (0x20 broken)
    flipped = wire.name(q.qname.swapcase()) + q.question[-4:]
    answer = [wire.a(flipped[:-4], COPY_ADDRESS)] if q.qtype in (wire.A, wire.ANY) else []
    return [('send', wire.message(q, wire.QR | wire.AA, question=flipped, answer=answer,
                                   authority=[] if answer else [wire.soa(zone)]))]


def k_soamin(q, tcp, zone, rng):
    # negative answers whose SOA has a huge TTL and MINIMUM, or ones negative if read as signed
    ttl = rng.choice([2**32 - 1, 2**31, 2**31 + 5, 7 * 86400])
    minimum = rng.choice([2**32 - 1, 2**31, 604800, 86400])
    rcode = wire.NXDOMAIN if q.qname.lower().startswith('q') and rng.random() < 0.5 else wire.NOERROR
    return [('send', wire.message(q, wire.QR | wire.AA | rcode, authority=[wire.soa(zone, ttl, minimum)]))]


def k_cookie(q, tcp, zone, rng):
    # the right answer with an EDNS COOKIE option (RFC 7873) the query never asked for: a client
    # cookie that is not ours beside a server cookie, or a client cookie alone
    return cookie_reply(q, zone, rng.choice([os.urandom(24), os.urandom(8)]))


def k_badcookie(q, tcp, zone, rng):
    # the same with a malformed COOKIE option: shorter than a client cookie, or longer than the 40
    # octets allowed (RFC 7873 §5.3: a client discards such a response)
    return cookie_reply(q, zone, rng.choice([os.urandom(5), os.urandom(41)]))


def cookie_reply(q, zone, option):
    cookie = wire.opt(options=struct.pack('!HH', 10, len(option)) + option)
    return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.a(q.question[:-4], COPY_ADDRESS)]
                                   if q.qtype in (wire.A, wire.ANY) else [],
                                   authority=[] if q.qtype in (wire.A, wire.ANY) else [wire.soa(zone)],
                                   additional=[cookie]))]


def k_noaa(q, tcp, zone, rng):
    # the right answer, or NODATA with the zone's SOA, without the AA bit (RA set, or not)
    return [('send', good_reply(q, zone, COPY_ADDRESS, flags=wire.QR | rng.choice([0, wire.RA])))]


def k_aareferral(q, tcp, zone, rng):
    # a referral to the child below the zone (its server at partner_address) with the AA bit set
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    return [('send', wire.message(q, wire.QR | wire.AA, authority=[wire.ns(child, 'ns.' + child)],
                                   additional=[wire.a('ns.' + child, partner_address(int(zone[1:-1])))]))]


# ---- added later: replies that lie about which query they answer, or answer twice ----

EARLIER = {}


def k_echo(q, tcp, zone, rng):
    # the reply to an earlier query of this zone's (its ID and question, with the poison), and one
    # with this query's ID but that earlier question, then the right answer: neither lie may end
    # the wait for it
    earlier = EARLIER.get(zone)
    EARLIER[zone] = q
    right = ('send', good_reply(q, zone, COPY_ADDRESS))
    if earlier is None or earlier.question == q.question:
        return [right]
    stale = wire.message(earlier, wire.QR | wire.AA, answer=[wire.a(earlier.question[:-4], POISON)])
    crossed = wire.message(q, wire.QR | wire.AA, question=earlier.question,
                           answer=[wire.a(earlier.question[:-4], POISON)])
    return [('send', stale), ('send', crossed), right]


def k_doublereply(q, tcp, zone, rng):
    # two replies to one query, the first wrong (another ID, another question, or garbage), then the
    # right one
    way = rng.choice(['wrongid', 'wrongq', 'garbage'])
    first = {'wrongid': k_wrongid, 'wrongq': k_wrongq, 'garbage': k_garbage}[way](q, tcp, zone, rng)
    return first + [('send', good_reply(q, zone, COPY_ADDRESS))]


def k_junkanswer(q, tcp, zone, rng):
    # the right answer among 1,000 records of other names (in the zone and out of it) carrying the
    # poison; too large for UDP, so TC=1 there first
    if not tcp:
        return [('send', wire.message(q, wire.QR | wire.AA | wire.TC))]
    answer = [wire.a(f'junk{n}.{zone}' if n % 2 else f'junk{n}.good.', POISON) for n in range(1000)]
    if q.qtype in (wire.A, wire.ANY):
        answer.insert(rng.randrange(len(answer)), wire.a(q.question[:-4], COPY_ADDRESS))
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]


def k_tcdiffer(q, tcp, zone, rng):
    # TC=1 over UDP with an answer in it (the poison), the right answer over TCP: a truncated
    # reply's records are not to be used (RFC 2181 §9)
    if not tcp:
        return [('send', wire.message(q, wire.QR | wire.AA | wire.TC, answer=[wire.a(q.question[:-4], POISON)]))]
    return [('send', good_reply(q, zone, COPY_ADDRESS))]


def k_referralloop(q, tcp, zone, rng):
    # a referral to the child below the zone, whose server (partner_address) refers back up to this
    # zone: a loop between two zones
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(child, 'ns.' + child)],
                                   additional=[wire.a('ns.' + child, partner_address(int(zone[1:-1])))]))]


def k_nsanswer(q, tcp, zone, rng):
    # a referral to the child below the zone (its server at partner_address) whose NS set comes in
    # the answer section (RFC 1034 §4.3.2 step 3b has it in the authority section), alone or with
    # the same set in the authority section too
    child = child_of(q, zone)
    if child is None:
        return [('send', good_reply(q, zone, COPY_ADDRESS))]
    ns = [wire.ns(child, 'ns.' + child)]
    return [('send', wire.message(q, wire.QR, answer=ns, authority=ns if rng.random() < 0.5 else [],
                                   additional=[wire.a('ns.' + child, partner_address(int(zone[1:-1])))]))]


def refer_back(q, tcp, zone, rng):
    return [('send', wire.message(q, wire.QR, authority=[wire.ns(zone, 'ns.' + zone)],
                                   additional=[wire.a('ns.' + zone, hostile_address(int(zone[1:-1])))]))]


def k_nxcname(q, tcp, zone, rng):
    # an alias to a name in good. with an rcode that speaks of its target, which this server does not
    # serve: NXDOMAIN (RFC 6604 §3: the rcode is the last name's) or a NODATA with good.'s SOA; the
    # target is to be asked of good.'s server, which has it
    target = 'n' + q.qname.lower().split('.')[0] + '.good.'
    answer = [wire.cname(q.question[:-4], target)]
    if rng.random() < 0.5:
        return [('send', wire.message(q, wire.QR | wire.AA | wire.NXDOMAIN, answer=answer,
                                       authority=[wire.soa(rng.choice([zone, 'good.']))]))]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=answer, authority=[wire.soa('good.')]))]


SEEN = {}


def k_sidecar(q, tcp, zone, rng):
    # the reply with A records of other names of the zone beside it in the answer section, carrying
    # the poison: the name below the one asked (the full name behind a minimised question) and the
    # last names asked before; the resolver asks for them later, and must not take them from here
    seen = SEEN.setdefault(zone, [])
    qn = q.qname.lower()
    others = ['www.' + qn] + [name for name in seen[-5:] if name != qn]
    if qn not in seen:
        seen.append(qn)
    extra = [wire.a(name, POISON) for name in others]
    if q.qtype in (wire.A, wire.ANY):
        return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.a(q.question[:-4], COPY_ADDRESS)] + extra))]
    return [('send', wire.message(q, wire.QR | wire.AA, answer=extra, authority=[wire.soa(zone)]))]


def t_stall(q, zone, rng):
    # the length and the first half of the reply, then silence with the connection open
    reply = good_reply(q, zone, COPY_ADDRESS)
    framed = struct.pack('!H', len(reply)) + reply
    return [('raw', framed[:2 + len(reply) // 2]), ('hold',)]


# the kinds whose zone has a second server, at partner_address, answering as this says
PARTNERS = {'liar': honest_slow, 'glueflip': child_server, 'aareferral': child_server,
            'referralloop': refer_back, 'nsanswer': child_server}
# the kinds whose A questions must end, through an alias, at good.'s address (GOOD_ADDRESS)
ALIASED = {'nxcname'}
# the kinds whose A questions must get the right answer (COPY_ADDRESS): a resolver lives with them
ANSWERABLE = {'slow1', 'liar', 'growingns', 'nocase', 'cookie', 'noaa', 'aareferral', 'echo', 'doublereply',
              'junkanswer', 'tcdiffer', 'sidecar', 'nsnxdomain', 'nsrefused', 'nsformerr', 'nsnotimp'}


def partner_address(i):
    return f'127.64.{130 + i // 250}.{1 + i % 250}'


KINDS = {
    'silent': k_silent, 'garbage': k_garbage, 'short': k_short, 'cut': k_cut, 'wrongid': k_wrongid,
    'wrongq': k_wrongq, 'noquestion': k_noquestion, 'noqr': k_noqr, 'opcode': k_opcode,
    'otherport': k_otherport, 'otheraddr': k_otheraddr, 'ptrloop': k_ptrloop,
    'lyingcounts': k_lyingcounts, 'hugecounts': k_hugecounts, 'multiopt': k_multiopt,
    'badopt': k_badopt, 'badvers': k_badvers, 'rcode': k_rcode, 'tcforever': k_tcforever,
    'tcp-silent': tcp_only(t_silent), 'tcp-drip': tcp_only(t_drip), 'tcp-closemid': tcp_only(t_closemid),
    'tcp-maxlength': tcp_only(t_maxlength), 'tcp-wrongid': tcp_only(t_wrongid), 'tcp-many': tcp_only(t_many),
    'tcp-reset': tcp_only(t_reset), 'tcp-garbage': tcp_only(t_garbage),
    'selfref': k_selfref, 'upward': k_upward, 'sideways': k_sideways, 'deeper': k_deeper,
    'nxns': k_nxns, 'nxns-below': k_nxns_below, 'poison': k_poison, 'poison-cname': k_poison_cname,
    'dnamelong': k_dnamelong, 'dnameloop': k_dnameloop, 'badsoa': k_badsoa, 'ttl': k_ttl,
    'unknowntype': k_unknowntype, 'bigrrset': k_bigrrset, 'wrongclass': k_wrongclass,
    'manyglue': k_manyglue, 'weirdglue': k_weirdglue, 'gluelessinside': k_gluelessinside,
    'multicname': k_multicname, 'cnameself': k_cnameself, 'longchain': k_longchain,
    'dnamecname': k_dnamecname, 'oversizeudp': k_oversizeudp,
    'nsnxdomain': by_qtype_ns(wire.NXDOMAIN), 'nsrefused': by_qtype_ns(wire.REFUSED),
    'nsformerr': by_qtype_ns(wire.FORMERR), 'noedns': k_noedns, 'formerr': k_formerr,
    'slow': k_slow, 'slow1': k_slow1, 'flipflop': k_flipflop, 'liar': k_liar, 'growingns': k_growingns,
    'glueflip': k_glueflip, 'nocase': k_nocase, 'soamin': k_soamin, 'cookie': k_cookie,
    'badcookie': k_badcookie, 'noaa': k_noaa, 'aareferral': k_aareferral,
    'echo': k_echo, 'doublereply': k_doublereply, 'junkanswer': k_junkanswer, 'tcdiffer': k_tcdiffer,
    'referralloop': k_referralloop, 'tcp-stall': tcp_only(t_stall), 'nsnotimp': by_qtype_ns(wire.NOTIMP),
    'sidecar': k_sidecar, 'nxcname': k_nxcname, 'nsanswer': k_nsanswer,
}


class Lab:
    """Every server of one seed's lab; `kinds[i]` is the kind of `h<i>.`'s server (i is global
    over the run's seeds, so one seed's zones are never another's)."""

    def __init__(self, port, kinds, seed, glueless_depths=None, cycles=(), aliases=(), chain_zones=30):
        self.port, self.kinds, self.rng = port, kinds, random.Random(seed)
        self.glueless_depths, self.cycles, self.aliases = glueless_depths or {}, set(cycles), set(aliases)
        self.chain_zones = chain_zones
        self.good_queries = Counter()
        self.nx_names = {}  # per NXNS zone's tag, when each (name, type) reached good.
        self.zone_queries = Counter()  # queries each hostile server got, by its zone's number
        self.tcp_connections = 0
        self.transports = []
        self.servers = []

    # ---- what each server answers ----

    def root(self, q, tcp):
        qn = q.qname.lower()
        labels = qn.rstrip('.').split('.')
        tld = labels[-1] + '.' if labels[-1] else '.'
        if tld == '.' or qn == 'a.root.':
            if q.qtype == wire.NS and tld == '.':
                return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.ns('.', 'a.root.')],
                                               additional=[wire.a('a.root.', ROOT)]))]
            if qn == 'a.root.':
                return [('send', good_reply(q, '.', ROOT))]
            return [('send', wire.message(q, wire.QR | wire.AA, authority=[wire.soa('.')]))]
        referral = self.referral(tld)
        if referral is None:
            return [('send', wire.message(q, wire.QR | wire.AA | wire.NXDOMAIN, authority=[wire.soa('.')]))]
        targets, glue = referral
        return [('send', wire.message(q, wire.QR, authority=[wire.ns(tld, t) for t in targets],
                                       additional=[wire.a(n, addr) for n, addr in glue]))]

    def referral(self, tld):
        """The NS names and glue the root gives for `tld`, or None for a name it does not know."""
        m = re.fullmatch(r'h(\d+)\.', tld)
        if tld == 'good.':
            return ['ns.good.'], [('ns.good.', GOOD)]
        if tld == 'silent.':
            return ['ns.silent.'], [('ns.silent.', SILENT)]
        if m and int(m.group(1)) in self.kinds:
            i = int(m.group(1))
            if self.kinds[i] == 'liar':
                return ['ns.' + tld, 'ns2.' + tld], [('ns.' + tld, hostile_address(i)), ('ns2.' + tld, partner_address(i))]
            return ['ns.' + tld], [('ns.' + tld, hostile_address(i))]
        m = re.fullmatch(r'ch(\d+)\.', tld)
        if m and int(m.group(1)) < self.chain_zones:
            return ['ns.' + tld], [('ns.' + tld, CHAIN)]
        m = re.fullmatch(r'g(\d+)c(\d+)\.', tld)
        if m and int(m.group(2)) in self.glueless_depths:
            d, c = int(m.group(1)), int(m.group(2))
            if d >= self.glueless_depths[c]:
                return ['ns.' + tld], [('ns.' + tld, COPY)]
            return [f'ns.g{d + 1}c{c}.'], []
        m = re.fullmatch(r'y([ab])(\d+)\.', tld)
        if m and int(m.group(2)) in self.cycles:
            other = 'b' if m.group(1) == 'a' else 'a'
            return [f'ns.y{other}{m.group(2)}.'], []
        m = re.fullmatch(r'nsalias(\d+)\.', tld)
        if m and int(m.group(1)) in self.aliases:
            return [f'nsalias-{m.group(1)}.good.'], []
        return None

    def good(self, q, tcp):
        qn = q.qname.lower()
        m = re.match(r'nx([^-]+)-', qn)
        self.good_queries.add('nx' + m.group(1) if m else 'other')
        if m:
            self.nx_names.setdefault('nx' + m.group(1), {}).setdefault((qn, q.qtype), []).append(time.monotonic())
        if m:
            return [('send', wire.message(q, wire.QR | wire.AA | wire.NXDOMAIN, authority=[wire.soa('good.')]))]
        if qn.startswith('nsalias-'):
            host = 'host.good.'
            answer = [wire.cname(q.question[:-4], host)]
            if q.qtype == wire.A:
                answer.append(wire.a(host, COPY))
            return [('send', wire.message(q, wire.QR | wire.AA, answer=answer))]
        if qn == 'ns.good.' or qn == 'host.good.':
            return [('send', good_reply(q, 'good.', GOOD if qn == 'ns.good.' else COPY))]
        if qn == 'good.' and q.qtype == wire.NS:
            return [('send', wire.message(q, wire.QR | wire.AA, answer=[wire.ns('good.', 'ns.good.')],
                                           additional=[wire.a('ns.good.', GOOD)]))]
        return [('send', good_reply(q, 'good.', GOOD_ADDRESS))]

    def copy(self, q, tcp):
        # a name server's own name is given this server's address, so a glueless chain's servers
        # are reachable on loopback however deep it goes; every other name COPY_ADDRESS
        labels = q.qname.lower().rstrip('.').split('.')
        return [('send', good_reply(q, labels[-1] + '.', COPY if labels[0] == 'ns' else COPY_ADDRESS))]

    def chain(self, q, tcp):
        # <n>-<length>.ch<j>. -> <n>-<length>.ch<j+1>. until j+1 == length, then an A
        qn = q.qname.lower()
        m = re.fullmatch(r'([a-z0-9]+)-(\d+)\.ch(\d+)\.', qn)
        if not m:
            return [('send', good_reply(q, qn.split('.')[-2] + '.', COPY_ADDRESS))]
        n, length, j = m.group(1), int(m.group(2)), int(m.group(3))
        if j + 1 >= length or j + 1 >= self.chain_zones:
            return [('send', good_reply(q, f'ch{j}.', COPY_ADDRESS))]
        return [('send', wire.message(q, wire.QR | wire.AA,
                                       answer=[wire.cname(q.question[:-4], f'{n}-{length}.ch{j + 1}.')]))]

    def hostile(self, i, kinds=KINDS):
        kind = kinds[self.kinds[i]]
        zone = f'h{i}.'

        def answer(q, tcp):
            self.zone_queries.add(i)
            labels = q.qname.lower().rstrip('.').split('.')
            if labels[-1] != zone[:-1]:
                return [('send', wire.message(q, wire.QR | wire.REFUSED))]
            return kind(q, tcp, zone, self.rng)
        return answer

    # ---- sockets ----

    async def start(self):
        """Binds the root, good., the copy and the chain servers, and the hostile ones known yet."""
        loop = asyncio.get_running_loop()
        self.elsewhere = await self._udp_sender(ELSEWHERE, self.port)
        for address, answer in [(ROOT, self.root), (GOOD, self.good), (COPY, self.copy), (CHAIN, self.chain),
                                (SILENT, lambda q, tcp: k_silent(q, tcp, 'silent.', self.rng))]:
            await self._bind(address, answer)
        for i in self.kinds:
            await self._bind_hostile(i)

    async def _bind_hostile(self, i):
        await self._bind(hostile_address(i), self.hostile(i))
        if self.kinds[i] in PARTNERS:
            await self._bind(partner_address(i), self.hostile(i, PARTNERS))

    async def add(self, kinds, glueless_depths=None, cycles=(), aliases=()):
        """Adds one seed's zones to the running lab."""
        self.kinds.update(kinds)
        self.glueless_depths.update(glueless_depths or {})
        self.cycles.update(cycles)
        self.aliases.update(aliases)
        for i in kinds:
            await self._bind_hostile(i)

    async def _bind(self, address, answer):
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(
            lambda: Udp(self, address, answer), local_addr=(address, self.port))
        self.transports.append(transport)
        server = await asyncio.start_server(
            lambda r, w: self.tcp(r, w, answer), address, self.port, reuse_address=True)
        self.servers.append(server)

    async def _udp_sender(self, address, port):
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=(address, port))
        self.transports.append(transport)
        return transport

    async def tcp(self, reader, writer, answer):
        self.tcp_connections += 1
        try:
            while True:
                length = struct.unpack('!H', await reader.readexactly(2))[0]
                data = await reader.readexactly(length)
                try:
                    q = wire.Query(data)
                except (ValueError, struct.error, UnicodeDecodeError):
                    break
                if not await self.play_tcp(writer, answer(q, True)):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def play_tcp(self, writer, actions):
        for action in actions:
            if action[0] == 'send':
                writer.write(struct.pack('!H', len(action[1]) & 0xFFFF) + action[1])
            elif action[0] == 'raw':
                writer.write(action[1])
            elif action[0] == 'sleep':
                await writer.drain()
                await asyncio.sleep(action[1])
                if writer.is_closing():
                    return False
            elif action[0] == 'hold':
                await writer.drain()
                await asyncio.sleep(60)
                return False
            elif action[0] == 'close':
                await writer.drain()
                return False
        try:
            await writer.drain()
        except ConnectionError:
            return False
        return True

    async def play_udp(self, transport, address, client, actions):
        for action in actions:
            if action[0] == 'send':
                transport.sendto(action[1], client)
            elif action[0] == 'sleep':
                await asyncio.sleep(action[1])
            elif action[0] == 'otherport':
                loop = asyncio.get_running_loop()
                other, _ = await loop.create_datagram_endpoint(asyncio.DatagramProtocol, local_addr=(address, 0))
                other.sendto(action[1], client)
                other.close()
            elif action[0] == 'otheraddr':
                self.elsewhere.sendto(action[1], client)

    def close(self):
        for t in self.transports:
            t.close()
        for s in self.servers:
            s.close()


class Udp(asyncio.DatagramProtocol):
    def __init__(self, lab, address, answer):
        self.lab, self.address, self.answer = lab, address, answer

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, client):
        try:
            q = wire.Query(data)
        except (ValueError, struct.error, UnicodeDecodeError):
            return
        asyncio.ensure_future(self.lab.play_udp(self.transport, self.address, client, self.answer(q, False)))
