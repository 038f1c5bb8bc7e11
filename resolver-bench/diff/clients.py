"""Odd client queries asked of both resolvers over one seed's lab (difftest.py --clients): the
replies are compared field by field, where hostile/clients.py checks our server alone against
invariants.

Each case is written on the wire by hand (a name may hold any octet, a header any bit) and sent
over UDP or TCP to 127.0.0.1 (loopback only), both resolvers flushed before it; a case may ask
twice (a question with RD=1 before the same with RD=0, a server cookie read from a first reply and
sent back). Compared (`fields`): the rcode (extended), the opcode, the flags QR, AA, TC, RD, RA, Z,
AD and CD, whether the ID and the question come back octet for octet (0x20: the case as asked),
the answer section as a set of records (names in lower case, names inside RDATA read out of their
compression, TTLs apart) and the case its first owner name comes back in, the types of the
authority and additional sections, and the OPT record: its presence, version, payload size, DO
bit, the other flag bits, the options it carries by code, the EDE codes (RFC 8914), the length of a
server cookie (RFC 7873) and of a TCP keepalive's timeout (RFC 7828), and whether the whole message
is padded to a block of 468 octets (RFC 8467 §4.1).
"""
import os
import random
import socket
import struct
import sys

from labgen import under

# the hostile tools' readers of names and TCP messages, after this folder's own modules
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "hostile"))
from wire import read_exactly, read_labels  # noqa: E402

QR, AA, TC, RD, RA, Z, AD, CD = 0x8000, 0x0400, 0x0200, 0x0100, 0x0080, 0x0040, 0x0020, 0x0010
FLAGS = {"qr": QR, "aa": AA, "tc": TC, "rd": RD, "ra": RA, "z": Z, "ad": AD, "cd": CD}
TYPES = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33, "OPT": 41,
         "DS": 43, "RRSIG": 46, "NSEC": 47, "DNSKEY": 48, "TKEY": 249, "TSIG": 250, "IXFR": 251,
         "AXFR": 252, "MAILB": 253, "MAILA": 254, "ANY": 255}
TYPE_NAMES = {number: text for text, number in TYPES.items()} | {39: "DNAME", 12: "PTR", 65: "HTTPS"}
IN, CH, HS, NONE, ANY_CLASS = 1, 3, 4, 254, 255
NSID, COOKIE, KEEPALIVE, PADDING, EDE = 3, 10, 11, 12, 15
DO = 0x8000
# names inside RDATA, which a server may compress: (octets before the name, names, octets after)
NAMED_RDATA = {2: 1, 5: 1, 12: 1, 39: 1, 15: 2, 33: 6, 6: 0}
PAD_BLOCK = 468  # RFC 8467 §4.1: responses padded to a multiple of 468 octets


def wire_name(text):
    """The wire form of a name in presentation format, escapes (\\. \\DDD) read as RFC 1035 §5.1
    has them."""
    labels, label, i = [], b"", 0
    text = text if text.endswith(".") else text + "."
    while i < len(text):
        c = text[i]
        if c == "\\":
            if text[i + 1:i + 4].isdigit():
                label += bytes([int(text[i + 1:i + 4])])
                i += 4
                continue
            label += text[i + 1].encode("latin-1")
            i += 2
            continue
        if c == ".":
            if label:
                labels.append(label)
            label = b""
        else:
            label += c.encode("latin-1")
        i += 1
    return b"".join(bytes([len(x)]) + x for x in labels) + b"\0"


def option(code, data=b""):
    return struct.pack("!HH", code, len(data)) + data


def opt_record(payload=1232, version=0, do=False, z=0, options=b"", rcode_high=0):
    ttl = (rcode_high << 24) | (version << 16) | (DO if do else 0) | z
    return b"\0" + struct.pack("!HHIH", TYPES["OPT"], payload, ttl, len(options)) + options


def make_query(qname, qtype="A", qclass=IN, flags=RD, edns=True, qdcount=None, extra=b"", **opt):
    """A query for qname (wire octets or presentation text); edns False for none, else the OPT
    record's fields (opt_record's keywords)."""
    question = (qname if isinstance(qname, bytes) else wire_name(qname))
    question += struct.pack("!HH", TYPES.get(qtype, qtype) if isinstance(qtype, str) else qtype, qclass)
    additional = opt_record(**opt) if edns else b""
    header = struct.pack("!6H", random.randrange(65536), flags, 1 if qdcount is None else qdcount, 0, 0,
                         1 if edns else 0)
    return header + question + extra + additional


def shown_name(labels):
    out = []
    for label in labels:
        out.append("".join(chr(b) if 0x21 <= b < 0x7F and chr(b) not in '.\\"()' else f"\\{b:03d}" for b in label))
    return ".".join(out) + "."


def rdata_text(data, at, rtype, length):
    """RDATA with its names read out of their compression, in lower case; hex otherwise."""
    end = at + length
    if rtype in NAMED_RDATA:
        fixed = NAMED_RDATA[rtype]
        if rtype == 6:  # SOA: two names, then 20 octets
            mname, at2 = read_labels(data, at)
            rname, at3 = read_labels(data, at2)
            return f"{shown_name(mname).lower()} {shown_name(rname).lower()} {data[at3:end].hex()}"
        if rtype == 15:
            labels, _ = read_labels(data, at + 2)
            return f"{data[at:at + 2].hex()} {shown_name(labels).lower()}"
        labels, _ = read_labels(data, at + fixed)
        return f"{data[at:at + fixed].hex()} {shown_name(labels).lower()}".strip()
    if rtype == 1 and length == 4:
        return ".".join(str(b) for b in data[at:end])
    return data[at:end].hex()


def fields(data, query):
    """What the comparison looks at in one reply (None: no reply within the timeout)."""
    if data is None:
        return {"reply": "none"}
    try:
        return _fields(data, query)
    except (ValueError, IndexError, struct.error) as e:
        return {"reply": f"unparseable ({e})"}


def _fields(data, query):
    qid, flags, qd, an, ns, ar = struct.unpack("!6H", data[:12])
    out = {"reply": "yes", "id echoed": data[:2] == query[:2], "opcode": (flags >> 11) & 0xF,
           "rcode": flags & 0xF, "counts": (qd, an, ns, ar), "length": len(data)}
    out |= {name: bool(flags & bit) for name, bit in FLAGS.items()}
    at = 12
    for _ in range(qd):
        _, at = read_labels(data, at)
        at += 4
    asked = question_octets(query)
    out["question echoed"] = "none" if qd == 0 else (
        "as asked" if data[12:at] == asked else "other case" if data[12:at].lower() == asked.lower() else "other")
    answer, authority, additional, owners_as_sent = set(), [], [], set()
    for section, count in (("an", an), ("ns", ns), ("ar", ar)):
        for _ in range(count):
            start = at
            owner, at = read_labels(data, at)
            rtype, rclass, ttl, length = struct.unpack("!HHIH", data[at:at + 10])
            at += 10
            if section == "an":
                owners_as_sent.add(raw_owner(data, start))
                answer.add((shown_name(owner).lower(), TYPE_NAMES.get(rtype, rtype), rclass,
                            rdata_text(data, at, rtype, length)))
            elif section == "ns":
                authority.append((shown_name(owner).lower(), TYPE_NAMES.get(rtype, rtype)))
            elif rtype == TYPES["OPT"]:
                out["opt"] = opt_fields(rclass, ttl, data[at:at + length], len(data))
                out["rcode"] |= (ttl >> 24) << 4
            else:
                additional.append(TYPE_NAMES.get(rtype, rtype))
            at += length
    out["answer"] = sorted(answer, key=str)
    out["answer owners as sent"] = sorted(owners_as_sent)
    out["authority"] = sorted(authority, key=str)
    out["additional types"] = sorted(set(additional), key=str)
    out.setdefault("opt", None)
    return out


def raw_owner(data, at):
    labels, _ = read_labels(data, at)
    return shown_name(labels)


def question_octets(query):
    at = 12
    qd = struct.unpack("!H", query[4:6])[0]
    for _ in range(qd):
        try:
            _, at = read_labels(query, at)
        except ValueError:
            return query[12:]
        at += 4
    return query[12:at]


def opt_fields(payload, ttl, rdata, message_length):
    out = {"version": (ttl >> 16) & 0xFF, "payload": payload, "do": bool(ttl & DO), "other flag bits": ttl & 0x7FFF,
           "options": [], "ede": []}
    i = 0
    while i + 4 <= len(rdata):
        code, length = struct.unpack("!HH", rdata[i:i + 4])
        value = rdata[i + 4:i + 4 + length]
        out["options"].append(code)
        if code == EDE and length >= 2:
            out["ede"].append(struct.unpack("!H", value[:2])[0])
        elif code == COOKIE:
            out["cookie"] = f"client {len(value[:8])}, server {len(value[8:])}"
        elif code == KEEPALIVE:
            out["keepalive"] = f"{length} octets"
        elif code == PADDING:
            out["padded to 468"] = message_length % PAD_BLOCK == 0
        i += 4 + length
    out["options"] = sorted(out["options"])
    return out


def server_cookie(data):
    """The COOKIE option's octets in a reply, or None."""
    try:
        _, _, qd, an, ns, ar = struct.unpack("!6H", data[:12])
        at = 12
        for _ in range(qd):
            _, at = read_labels(data, at)
            at += 4
        for _ in range(an + ns + ar):
            _, at = read_labels(data, at)
            rtype, _, _, length = struct.unpack("!HHIH", data[at:at + 10])
            at += 10
            if rtype == TYPES["OPT"]:
                rdata, i = data[at:at + length], 0
                while i + 4 <= len(rdata):
                    code, olen = struct.unpack("!HH", rdata[i:i + 4])
                    if code == COOKIE:
                        return rdata[i + 4:i + 4 + olen]
                    i += 4 + olen
            at += length
    except (ValueError, IndexError, struct.error):
        return None
    return None


class Client:
    """Asks one resolver on 127.0.0.1:port, over UDP or TCP."""

    def __init__(self, port, timeout=6.0):
        self.address = ("127.0.0.1", port)
        self.timeout = timeout

    def udp(self, payload):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(self.timeout)
            s.sendto(payload, self.address)
            try:
                while True:
                    data = s.recv(65535)
                    if len(payload) < 2 or data[:2] == payload[:2]:
                        return data
            except socket.timeout:
                return None

    def tcp(self, payload):
        try:
            with socket.create_connection(self.address, timeout=self.timeout) as s:
                s.sendall(struct.pack("!H", len(payload)) + payload)
                head = read_exactly(s, 2)
                return None if head is None else read_exactly(s, struct.unpack("!H", head)[0])
        except OSError:
            return None


def once(query, tcp=False):
    def case(client, names):
        q = query(names) if callable(query) else query
        if q is None:
            return None
        return q, (client.tcp(q) if tcp else client.udp(q))
    return case


def warm_then(query, tcp=False, prime="host", flags=RD):
    """A question about `prime` asked first (A, with these flags), then `query`: what a cache
    holds, asked of it."""
    def case(client, names):
        if not names.get(prime):
            return None
        client.udp(make_query(names[prime], flags=flags))
        return once(query, tcp)(client, names)
    return case


def cookie_sent_back(tamper):
    """A client cookie alone, then the server cookie of the reply sent back as `tamper` makes it."""
    def case(client, names):
        client_cookie = os.urandom(8)
        first = client.udp(make_query(names["host"], options=option(COOKIE, client_cookie)))
        got = server_cookie(first) if first else None
        cookie = tamper(client_cookie, got[8:] if got and len(got) > 8 else b"")
        q = make_query(names["host"], options=option(COOKIE, cookie))
        return q, client.udp(q)
    return case


def with_name(key, qtype="A", **kw):
    return lambda names: make_query(names[key], qtype, **kw) if names.get(key) else None


def host(qtype="A", **kw):
    return with_name("host", qtype, **kw)


def mixed_case(names):
    text = names["host"]
    return make_query("".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(text)))


def binary_label(names):
    return make_query(b"\x04\xff\x00\x80a" + wire_name(names["zone"]))


def two_questions(names):
    extra = wire_name(names["host"]) + struct.pack("!HH", 1, IN)
    return make_query(names["host"], qdcount=2, extra=extra)


def no_question(edns, options=b""):
    def build(names):
        header = struct.pack("!6H", random.randrange(65536), RD, 0, 0, 0, 1 if edns else 0)
        return header + (opt_record(options=options) if edns else b"")
    return build


META_TYPES = ["AXFR", "IXFR", "MAILA", "MAILB", "ANY", "RRSIG", "NSEC", "OPT", "TKEY", "TSIG", 0]

CASES = [
    ("A, EDNS 1232", once(host())),
    ("A, no EDNS", once(host(edns=False))),
    ("A, DO=1", once(host(do=True))),
    ("A, CD=1", once(host(flags=RD | CD))),
    ("A, AD=1 in the query (RFC 6840 §5.7)", once(host(flags=RD | AD))),
    ("A, Z=1 in the header", once(host(flags=RD | Z))),
    ("A, RD=0, not cached", once(host(flags=0))),
    ("A, RD=0, cached", warm_then(host(flags=0))),
    ("A, RD=0, cached, no EDNS", warm_then(host(flags=0, edns=False))),
    ("MX, RD=0, its targets cached", warm_then(with_name("mail", "MX", flags=0))),
    ("NXDOMAIN, RD=0, not cached", once(with_name("nx", flags=0))),
    ("A, mixed case (0x20)", once(mixed_case)),
    ("A of a name with a label of binary octets", once(binary_label)),
    ("A of a label holding a dot", once(with_name("dotted"))),
    ("A of a label holding a zero octet", once(with_name("zero"))),
    ("NXDOMAIN", once(with_name("nx"))),
    ("SERVFAIL (all servers lame)", once(with_name("lame"))),
    ("BOGUS", once(with_name("bogus"))),
    ("BOGUS, DO=1", once(with_name("bogus", do=True))),
    ("BOGUS, CD=1 (RFC 4035 §3.2.2)", once(with_name("bogus", flags=RD | CD))),
    ("BOGUS, CD=1, DO=1", once(with_name("bogus", flags=RD | CD, do=True))),
    ("BOGUS, RD=0, asked before with CD=1", warm_then(with_name("bogus", flags=0), prime="bogus", flags=RD | CD)),
    ("insecure", once(with_name("insecure", do=True))),
    ("insecure, AD=1", once(with_name("insecure", flags=RD | AD))),
    ("A, DO=1, CD=1", once(host(flags=RD | CD, do=True))),
    ("A, AD=1, DO=1", once(host(flags=RD | AD, do=True))),
    ("DNSKEY at the zone, DO=1", once(with_name("zone", "DNSKEY", do=True))),
    ("DS at the zone, DO=1", once(with_name("zone", "DS", do=True))),
    ("NXDOMAIN, DO=1", once(with_name("nx", do=True))),
    ("EDNS version 1", once(host(version=1))),
    ("EDNS version 1, DO=1", once(host(version=1, do=True))),
    ("EDNS version 1, no question", once(lambda names: no_question(True)(names)[:-11] + opt_record(version=1))),
    ("EDNS payload 0", once(host(payload=0))),
    ("EDNS payload 511", once(host(payload=511))),
    ("EDNS payload 65535", once(host(payload=65535))),
    ("EDNS unknown flag bits", once(host(z=0x4001))),
    ("EDNS unknown option 65001", once(host(options=option(65001, b"abcd")))),
    ("EDNS NSID asked (RFC 5001)", once(host(options=option(NSID)))),
    ("EDNS padding, UDP (RFC 7830)", once(host(options=option(PADDING, bytes(20))))),
    ("EDNS padding, TCP (RFC 7830)", once(host(options=option(PADDING, bytes(20))), tcp=True)),
    ("EDNS keepalive, TCP (RFC 7828)", once(host(options=option(KEEPALIVE)), tcp=True)),
    ("EDNS keepalive, UDP (RFC 7828 §3.2.1)", once(host(options=option(KEEPALIVE)))),
    ("EDNS keepalive with a timeout from a client (RFC 7828 §3.2.1)",
     once(host(options=option(KEEPALIVE, b"\0\x10")), tcp=True)),
    ("cookie: a client cookie alone (RFC 7873 §5.2.3)", once(lambda n: host(options=option(COOKIE, os.urandom(8)))(n))),
    ("cookie: the server cookie sent back (§5.2.5)", cookie_sent_back(lambda c, s: c + s)),
    ("cookie: a server cookie of 16 random octets (§5.2.4)", cookie_sent_back(lambda c, s: c + os.urandom(16))),
    ("cookie: 15 octets, malformed (§5.2.2)", once(lambda n: host(options=option(COOKIE, os.urandom(15)))(n))),
    ("cookie: 41 octets, malformed (§5.2.2)", once(lambda n: host(options=option(COOKIE, os.urandom(41)))(n))),
    ("cookie alone, no question (§5.4)", once(lambda n: no_question(True, option(COOKIE, os.urandom(8)))(n))),
    ("QDCOUNT 0", once(no_question(False))),
    ("QDCOUNT 0, EDNS", once(no_question(True))),
    ("QDCOUNT 2", once(two_questions)),
    ("CH TXT version.bind", once(make_query("version.bind.", "TXT", CH))),
    ("CH TXT version.server", once(make_query("version.server.", "TXT", CH))),
    ("CH TXT id.server", once(make_query("id.server.", "TXT", CH))),
    ("CH TXT hostname.bind", once(make_query("hostname.bind.", "TXT", CH))),
    ("CH A of the host", once(host(qclass=CH))),
    ("HS A of the host", once(host(qclass=HS))),
    ("class NONE", once(host(qclass=NONE))),
    ("class ANY", once(host(qclass=ANY_CLASS))),
    ("class 42", once(host(qclass=42))),
    ("A, many records, no EDNS (512)", once(with_name("many", edns=False))),
    ("A, many records, EDNS 512", once(with_name("many", payload=512))),
    ("A, many records, EDNS 1232", once(with_name("many"))),
    ("A, many records, EDNS 4096", once(with_name("many", payload=4096))),
    ("A, many records, TCP", once(with_name("many"), tcp=True)),
    ("A, many records, no EDNS, TCP", once(with_name("many", edns=False), tcp=True)),
    ("MX, no EDNS", once(with_name("mail", "MX", edns=False))),
    ("A, EDNS payload 100, many records", once(with_name("many", payload=100))),
    ("A, TC=1 in the query", once(host(flags=RD | TC))),
    ("A, AA=1 in the query", once(host(flags=RD | AA))),
    ("A, RA=1 in the query", once(host(flags=RD | RA))),
    ("A, rcode 5 in the query", once(host(flags=RD | 5))),
    ("A, extended rcode in the query's OPT", once(host(rcode_high=1))),
    ("A, ID 0", once(lambda n: b"\0\0" + host()(n)[2:])),
    ("A, ECS option (RFC 7871)", once(host(options=option(8, b"\0\1\x18\0\xc0\0\2")))),
    ("A, an EDE option in the query (RFC 8914 §2)", once(host(options=option(EDE, b"\0\0")))),
    ("A, every known option at once", once(host(options=option(NSID) + option(COOKIE, os.urandom(8))
                                                  + option(PADDING, bytes(8)) + option(65001, b"x")))),
    ("TYPE65280 of the host", once(host(65280))),
    ("A, a name of 255 octets", once(lambda n: make_query((b"\x3f" + b"a" * 63) * 3 + b"\x3d" + b"b" * 61 + b"\0"))),
    ("A, a label of 63 under the zone", once(lambda n: make_query(b"\x3f" + b"c" * 63 + wire_name(n["zone"])))),
    ("A, a dotted label in mixed case", once(lambda n: make_query(n["dotted"].upper()) if n.get("dotted") else None)),
    ("A through an alias chain, mixed case", once(lambda n: make_query(n["chain"].upper()) if n.get("chain") else None)),
    ("A through an alias chain, DO=1", once(with_name("chain", do=True))),
    ("A through a DNAME, DO=1", once(with_name("dname", do=True))),
    ("A of a wildcard's name, DO=1", once(with_name("wildcard", do=True))),
    ("NODATA, DO=1", once(host("SRV", do=True))),
]
CASES += [(f"opcode {op}", once(host(flags=RD | (op << 11)))) for op in (1, 2, 3, 4, 5, 6, 15)]
CASES += [(f"type {t}{transport}", once(host(t), tcp=bool(transport))) for t in META_TYPES
          for transport in ("", ", TCP")]
CASES += [(f"type {t} at the zone{transport}", once(with_name("zone", t), tcp=bool(transport)))
          for t in ("AXFR", "IXFR", "ANY", "RRSIG", "NSEC") for transport in ("", ", TCP")]


def lab_names(lab, lab_dir):
    """The lab's names the cases ask about, from its questions (what each case is about); signed,
    a host of a zone whose signatures expired (BOGUS) and of one left unsigned (insecure)."""
    names, sideways, signed_apart = {}, lab.sideways_reach(), set()
    signing = lab_dir / "signing.tsv"
    for line in signing.read_text().splitlines() if signing.exists() else []:
        origin, state = line.split("\t")
        signed_apart.add(origin)
        if not under(origin, sideways):
            names.setdefault({"expired": "bogus", "unsigned": "insecure"}[state], "h1." + origin)
    for name, qtype, case in lab.questions:
        if under(name, sideways) or under(name, signed_apart):
            continue  # a zone a sideways referral keeps from Unbound (README: decided), or signed apart
        key = {"host": "host", "NXDOMAIN": "nx", "MX target": "mail", "a label holding a dot": "dotted",
               "a label holding a zero octet": "zero", "an RRset of 100 addresses": "many",
               "under a all-lame-up delegation": "lame", "apex": "zone", "CNAME chain in zone": "chain",
               "under a DNAME": "dname", "wildcard": "wildcard"}.get(case)
        if key and key not in names and name == name.lower():
            names[key] = name
    return names


def compare(ours, theirs):
    """The fields in which two replies differ: [(field, ours, Unbound's)]."""
    found = []
    for key in sorted(set(ours) | set(theirs)):
        mine, other = ours.get(key), theirs.get(key)
        if key in ("length", "counts") or mine == other:
            continue
        if key == "opt" and mine and other:
            found += [(f"opt {k}", mine.get(k), other.get(k)) for k in sorted(set(mine) | set(other))
                      if mine.get(k) != other.get(k)]
        else:
            found.append((key, mine, other))
    return found
