"""Just enough of the DNS wire format (RFC 1035 §4) for hostile servers and clients: read a
query's header and question, write replies field by field (so a reply can lie in any field).
No dependency beyond the standard library."""
import socket
import struct

A, NS, CNAME, SOA, TXT, AAAA, OPT, DNAME, ANY, AXFR, IXFR = 1, 2, 5, 6, 16, 28, 41, 39, 255, 252, 251
IN = 1
QR, AA, TC, RD, RA = 0x8000, 0x0400, 0x0200, 0x0100, 0x0080
NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED = 0, 1, 2, 3, 4, 5
EDE = 15


def name(text):
    """The wire form of a name in presentation format (no escapes), uncompressed."""
    out = b''
    for label in text.rstrip('.').split('.'):
        if label:
            raw = label.encode('ascii')
            out += bytes([len(raw)]) + raw
    return out + b'\0'


def read_labels(data, at, hops=0):
    """The labels of the name at offset `at`, as octets (following pointers, at most 64), and the offset after it."""
    labels, end = [], None
    while True:
        if at >= len(data) or hops > 64:
            raise ValueError('bad name')
        length = data[at]
        if length & 0xC0 == 0xC0:
            if end is None:
                end = at + 2
            at = ((length & 0x3F) << 8) | data[at + 1]
            hops += 1
            continue
        if length == 0:
            return labels, (end if end is not None else at + 1)
        labels.append(data[at + 1:at + 1 + length])
        at += 1 + length


def read_name(data, at):
    """The name at offset `at` as text, each octet a character, and the offset after it."""
    labels, end = read_labels(data, at)
    return '.'.join(label.decode('latin-1') for label in labels) + '.', end


def read_exactly(s, n):
    """`n` octets from the stream socket `s` (a TCP message's length, or the message: RFC 1035 §4.2.2); None if it ends first."""
    data = b''
    while len(data) < n:
        try:
            chunk = s.recv(n - len(data))
        except (socket.timeout, ConnectionError):
            return None
        if not chunk:
            return None
        data += chunk
    return data


class Query:
    """A query's header, first question, and its OPT record's payload size (None without one)."""

    def __init__(self, data):
        (self.id, self.flags, self.qdcount, self.ancount, self.nscount,
         self.arcount) = struct.unpack('!6H', data[:12])
        self.qname, end = read_name(data, 12)
        self.qtype, self.qclass = struct.unpack('!HH', data[end:end + 4])
        self.question = data[12:end + 4]
        self.raw = data
        self.payload = None
        if self.arcount:
            try:
                _, at = read_name(data, end + 4)
                rtype, size = struct.unpack('!HH', data[at:at + 4])
                if rtype == OPT:
                    self.payload = size
            except (ValueError, struct.error):
                pass

    @property
    def opcode(self):
        return (self.flags >> 11) & 0xF


def header(qid, flags, qd=1, an=0, ns=0, ar=0):
    return struct.pack('!6H', qid & 0xFFFF, flags & 0xFFFF, qd, an, ns, ar)


def rr(owner, rtype, ttl, rdata, rclass=IN):
    owner = owner if isinstance(owner, bytes) else name(owner)
    return owner + struct.pack('!HHIH', rtype, rclass, ttl & 0xFFFFFFFF, len(rdata)) + rdata


def a(owner, address, ttl=300):
    return rr(owner, A, ttl, bytes(int(x) for x in address.split('.')))


def ns(owner, target, ttl=300):
    return rr(owner, NS, ttl, name(target))


def cname(owner, target, ttl=300, rtype=CNAME):
    return rr(owner, rtype, ttl, name(target))


def soa(zone, ttl=60, minimum=60):
    rdata = name('ns.' + zone if zone != '.' else 'a.root.') + name('hostmaster.' + zone.lstrip('.'))
    return rr(zone, SOA, ttl, rdata + struct.pack('!5I', 1, 3600, 600, 86400, minimum))


def opt(payload=1232, rcode_high=0, version=0, options=b'', owner=b'\0'):
    ttl = (rcode_high << 24) | (version << 16)
    return owner + struct.pack('!HHIH', OPT, payload, ttl, len(options)) + options


def message(query, flags, answer=(), authority=(), additional=(), qid=None, question=None,
            counts=None):
    """A reply to `query` with these sections; `counts` overrides the header's four counts."""
    question = query.question if question is None else question
    qd = 1 if question else 0
    counts = counts or (qd, len(answer), len(authority), len(additional))
    return (header(query.id if qid is None else qid, flags, *counts) + question
            + b''.join(answer) + b''.join(authority) + b''.join(additional))


def make_query(qid, qname, qtype, flags=RD, qclass=IN, payload=1232, options=b'', qdcount=None,
               extra_question=b''):
    question = name(qname) + struct.pack('!HH', qtype, qclass) + extra_question
    additional = [opt(payload, options=options)] if payload is not None else []
    qd = (1 + (1 if extra_question else 0)) if qdcount is None else qdcount
    return header(qid, flags, qd, 0, 0, len(additional)) + question + b''.join(additional)


class Reply:
    """What a reply from our server says, as far as the checks need: rcode (extended), flags,
    answer records (owner, type, rdata), and the EDE codes of its OPT record."""

    def __init__(self, data):
        (self.id, self.flags, qd, an, nscount, ar) = struct.unpack('!6H', data[:12])
        self.rcode = self.flags & 0xF
        at = 12
        for _ in range(qd):
            _, at = read_name(data, at)
            at += 4
        self.answer, self.authority, self.ede, self.ede_text, self.opt = [], [], [], [], False
        for section, count in ((self.answer, an), (self.authority, nscount), (None, ar)):
            for _ in range(count):
                owner, at = read_name(data, at)
                rtype, rclass, ttl, length = struct.unpack('!HHIH', data[at:at + 10])
                rdata = data[at + 10:at + 10 + length]
                at += 10 + length
                if section is not None:
                    section.append((owner.lower(), rtype, ttl, rdata, data, at - length))
                elif rtype == OPT:
                    self.opt = True
                    self.rcode |= (ttl >> 24) << 4
                    self._read_options(rdata)

    def _read_options(self, rdata):
        i = 0
        while i + 4 <= len(rdata):
            code, length = struct.unpack('!HH', rdata[i:i + 4])
            if code == EDE and length >= 2:
                self.ede.append(struct.unpack('!H', rdata[i + 4:i + 6])[0])
                self.ede_text.append(rdata[i + 6:i + 4 + length].decode('utf-8', 'replace'))
            i += 4 + length

    def addresses(self, qname=None):
        return sorted('.'.join(str(b) for b in r[3]) for r in self.answer
                      if r[1] == A and len(r[3]) == 4 and (qname is None or r[0] == qname.lower()))
