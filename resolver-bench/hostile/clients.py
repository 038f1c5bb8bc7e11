"""Hostile clients against the server (hostile.py --clients): malformed and unusual queries over
UDP and TCP, slow and idle TCP connections, pipelining, and a flood of questions for new names.
After each kind the good. zone must still be answered right. Loopback only."""
import asyncio
import os
import random
import socket
import struct
import threading
import time

import servers
import wire

NOTIMP, BADVERS = 4, 16


def udp_exchange(listen, payload, timeout=2.0):
    """Sends one datagram; the reply, or None when none came in `timeout`."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(payload, listen)
        try:
            return s.recv(65535)
        except socket.timeout:
            return None


def tcp_exchange(listen, payloads, replies, timeout=3.0):
    """Sends each payload length-prefixed on one connection and reads `replies` replies."""
    with socket.create_connection(listen, timeout=timeout) as s:
        s.sendall(b''.join(struct.pack('!H', len(p)) + p for p in payloads))
        out = []
        for _ in range(replies):
            head = wire.read_exactly(s, 2)
            if head is None:
                break
            body = wire.read_exactly(s, struct.unpack('!H', head)[0])
            if body is None:
                break
            out.append(body)
        return out


def query(qname='www.good.', qtype=wire.A, **kw):
    return wire.make_query(random.randrange(65536), qname, qtype, **kw)


def expect_rcode(outcomes, kind, raw, allowed, may_drop=False):
    """Checks one reply's rcode (None: no reply, allowed only when `may_drop`)."""
    outcomes.asked += 1
    if raw is None:
        outcomes.add('client: ' + kind, 'no reply')
        if not may_drop:
            outcomes.violation(f'client {kind}: no reply')
        return None
    try:
        reply = wire.Reply(raw)
    except (ValueError, struct.error, IndexError) as e:
        outcomes.add('client: ' + kind, 'unparseable')
        outcomes.violation(f'client {kind}: unparseable reply ({e})')
        return None
    outcomes.add('client: ' + kind, f'rcode {reply.rcode}')
    if reply.rcode not in allowed:
        outcomes.violation(f'client {kind}: rcode {reply.rcode}, expected one of {sorted(allowed)}')
    return reply


def good_still_answers(outcomes, listen, kind):
    raw = udp_exchange(listen, query(f'after{random.randrange(10**6)}.good.'), timeout=5)
    reply = expect_rcode(outcomes, f'good after {kind}', raw, {wire.NOERROR})
    if reply is not None and reply.addresses() != [servers.GOOD_ADDRESS]:
        outcomes.violation(f'good after {kind}: {reply.addresses()}')


def malformed(outcomes, listen):
    q = query()
    qd2 = query(extra_question=wire.name('two.good.') + struct.pack('!HH', wire.A, wire.IN))
    header_only = q[:4] + b'\0\0' + q[6:12]
    cases = [
        ('qdcount 0', wire.header(7, wire.RD, 0, 0, 0, 0), {wire.FORMERR}, True),
        ('qdcount 0 with EDNS', wire.header(7, wire.RD, 0, 0, 0, 1) + wire.opt(), {wire.FORMERR}, True),
        ('qdcount 2', qd2, {wire.FORMERR}, True),
        ('qdcount lies (2, one question)', query(qdcount=2), {wire.FORMERR}, True),
        ('header only', header_only, {wire.FORMERR}, True),
        ('QR=1', query(flags=wire.QR | wire.RD), set(), True),
        ('opcode IQUERY', query(flags=wire.RD | (1 << 11)), {NOTIMP}, True),
        ('opcode 3', query(flags=wire.RD | (3 << 11)), {NOTIMP}, True),
        ('opcode 15', query(flags=wire.RD | (15 << 11)), {NOTIMP}, True),
        ('opcode NOTIFY', query(flags=(4 << 11)), {NOTIMP, wire.REFUSED}, True),
        ('opcode UPDATE', query(flags=(5 << 11)), {NOTIMP, wire.REFUSED}, True),
        ('class CH', query(qclass=3), {wire.REFUSED, NOTIMP, wire.NOERROR}, False),
        ('class 42', query(qclass=42), {wire.REFUSED, NOTIMP}, False),
        ('class ANY', query(qclass=255), {wire.REFUSED, NOTIMP, wire.NOERROR}, False),
        ('AXFR over UDP', query('good.', wire.AXFR), {wire.REFUSED, NOTIMP, wire.FORMERR}, False),
        ('IXFR over UDP', query('good.', wire.IXFR), {wire.REFUSED, NOTIMP, wire.FORMERR}, False),
        ('ANY', query('www.good.', wire.ANY), {wire.NOERROR, NOTIMP, wire.REFUSED}, False),
        ('type OPT', query('www.good.', wire.OPT), {wire.FORMERR, wire.REFUSED, NOTIMP}, False),
        ('type 0', query('www.good.', 0), {wire.FORMERR, wire.NOERROR, wire.REFUSED, NOTIMP}, False),
        ('EDNS payload 65535', query(payload=65535), {wire.NOERROR}, False),
        ('EDNS payload 0', query(payload=0), {wire.NOERROR}, False),
        ('EDNS version 1', q_edns_version(1), {BADVERS}, False),
        ('two OPT records', q_two_opts(), {wire.FORMERR}, True),
        ('OPT not at the root', q_opt_owner(), {wire.FORMERR}, True),
        ('100 EDNS options', query(options=b''.join(struct.pack('!HH', 65001 + i % 30, 4) + b'abcd' for i in range(100))),
         {wire.NOERROR, wire.FORMERR}, False),
        ('an option past its end', query(options=struct.pack('!HH', 10, 200) + b'x'), {wire.FORMERR}, True),
        ('cookie of 3 octets', query(options=struct.pack('!HH', 10, 3) + b'abc'), {wire.FORMERR}, True),
        ('pointer loop in the question', wire.header(9, wire.RD, 1, 0, 0, 0) + b'\xc0\x0c' + struct.pack('!HH', 1, 1),
         {wire.FORMERR}, True),
        ('pointer forward', wire.header(9, wire.RD, 1, 0, 0, 0) + b'\xc0\x20' + struct.pack('!HH', 1, 1),
         {wire.FORMERR}, True),
        ('label of 64', wire.header(9, wire.RD, 1, 0, 0, 0) + b'\x40' + b'a' * 64 + b'\0' + struct.pack('!HH', 1, 1),
         {wire.FORMERR}, True),
        ('name of 300 octets', wire.header(9, wire.RD, 1, 0, 0, 0) + (b'\x3f' + b'a' * 63) * 5 + b'\0'
         + struct.pack('!HH', 1, 1), {wire.FORMERR}, True),
        ('trailing garbage', query() + os.urandom(50), {wire.FORMERR, wire.NOERROR}, True),
        ('empty datagram', b'', set(), True),
        ('one octet', b'\x01', set(), True),
        ('garbage 12', os.urandom(12), {wire.FORMERR, NOTIMP, wire.REFUSED, wire.NOERROR, wire.SERVFAIL}, True),
        ('garbage 512', os.urandom(512), {wire.FORMERR, NOTIMP, wire.REFUSED}, True),
        ('answer count 65535', q[:6] + b'\xff\xff' + q[8:], {wire.FORMERR}, True),
    ]
    for kind, payload, allowed, may_drop in cases:
        raw = udp_exchange(listen, payload)
        reply = expect_rcode(outcomes, kind + ' (UDP)', raw, allowed, may_drop)
        if raw is not None and len(payload) >= 2 and raw[:2] != payload[:2]:
            outcomes.violation(f'client {kind}: reply with another ID')
        if kind == 'EDNS payload 65535' and raw is not None and len(raw) > 65507:
            outcomes.violation(f'client {kind}: datagram of {len(raw)} octets')
        if kind.startswith('AXFR'):
            tcp = tcp_exchange(listen, [payload], 1)
            expect_rcode(outcomes, kind.replace('UDP', 'TCP'), tcp[0] if tcp else None,
                         {wire.REFUSED, NOTIMP, wire.FORMERR}, False)
        if kind.startswith('IXFR'):
            tcp = tcp_exchange(listen, [payload], 1)
            expect_rcode(outcomes, kind.replace('UDP', 'TCP'), tcp[0] if tcp else None,
                         {wire.REFUSED, NOTIMP, wire.FORMERR}, False)
        if kind in ('qdcount 0', 'opcode 15', 'pointer loop in the question', 'garbage 512', 'name of 300 octets'):
            tcp = tcp_exchange(listen, [payload], 1)
            expect_rcode(outcomes, kind + ' (TCP)', tcp[0] if tcp else None, allowed, may_drop)
    good_still_answers(outcomes, listen, 'malformed queries')
    # a big EDNS option over TCP, near the largest message
    big = query(options=struct.pack('!HH', 65001, 60000) + os.urandom(60000))
    replies = tcp_exchange(listen, [big], 1)
    expect_rcode(outcomes, 'an EDNS option of 60,000 octets (TCP)', replies[0] if replies else None,
                 {wire.NOERROR, wire.FORMERR}, True)
    good_still_answers(outcomes, listen, 'big option')


def q_edns_version(version):
    q = wire.header(11, wire.RD, 1, 0, 0, 1) + wire.name('www.good.') + struct.pack('!HH', 1, 1)
    return q + wire.opt(version=version)


def q_two_opts():
    q = wire.header(12, wire.RD, 1, 0, 0, 2) + wire.name('www.good.') + struct.pack('!HH', 1, 1)
    return q + wire.opt() + wire.opt(4096)


def q_opt_owner():
    q = wire.header(13, wire.RD, 1, 0, 0, 1) + wire.name('www.good.') + struct.pack('!HH', 1, 1)
    return q + wire.opt(owner=wire.name('x.'))


def odd_frames(outcomes, listen, idle_timeout):
    """TCP frames that are no query (RFC 7766): each connection must be closed, at once or after
    the idle timeout, and the server must keep answering."""
    frames = {
        'a frame of length 0': b'\0\0',
        'a frame of one octet': b'\0\1x',
        'a frame of a header alone': b'\0\x0c' + bytes(12),
        'a length of 65,535 then silence': b'\xff\xff' + os.urandom(100),
        'half a length': b'\0',
    }
    response = wire.make_query(5, 'www.good.', wire.A, flags=wire.QR, payload=None)
    frames['a response as a query'] = struct.pack('!H', len(response)) + response
    for kind, frame in frames.items():
        outcomes.asked += 1
        start = time.monotonic()
        with socket.create_connection(listen, timeout=idle_timeout / 1000 + 3) as s:
            s.sendall(frame)
            closed = False
            try:
                while not closed:  # a FORMERR may come first: what matters is the close
                    closed = s.recv(65535) == b''
            except socket.timeout:
                pass
            except ConnectionError:
                closed = True
        outcomes.add('client: ' + kind + ' (TCP)', f'closed after {time.monotonic() - start:.1f} s' if closed else 'open')
        if not closed:
            outcomes.violation(f'client {kind}: the connection stayed open past the idle timeout')
    good_still_answers(outcomes, listen, 'odd TCP frames')


def pipelined(outcomes, listen):
    queries = [query(f'p{i}.good.') for i in range(100)]
    replies = tcp_exchange(listen, queries, len(queries), timeout=10)
    outcomes.asked += len(queries)
    ids = {struct.unpack('!H', q[:2])[0] for q in queries}
    got = {struct.unpack('!H', r[:2])[0] for r in replies}
    outcomes.add('client: 100 pipelined over TCP', f'{len(replies)} replies')
    if len(replies) != len(queries) or got != ids:
        outcomes.violation(f'client pipelined: {len(replies)} replies of {len(queries)}, {len(ids - got)} IDs missing')


def slow_and_idle(outcomes, listen, idle_timeout):
    """A slowloris (a byte a second), then more idle connections than the server keeps; the server
    must close the first and keep answering new connections."""
    slow = socket.create_connection(listen)
    q = query()
    framed = struct.pack('!H', len(q)) + q
    start = time.monotonic()
    closed_after = None
    slow.settimeout(1.0)
    for b in framed:
        try:
            slow.send(bytes([b]))
            if slow.recv(1) == b'':
                closed_after = time.monotonic() - start
                break
        except socket.timeout:
            continue
        except ConnectionError:
            closed_after = time.monotonic() - start
            break
    outcomes.asked += 1
    # it sent the whole query, one byte a second: the server either answered or closed
    outcomes.add('client: slowloris', 'closed' if closed_after else 'served')
    slow.close()
    idle = []
    for _ in range(400):
        try:
            idle.append(socket.create_connection(listen, timeout=2))
        except OSError:
            break
    outcomes.add('client: 400 idle TCP connections', f'{len(idle)} opened')
    replies = tcp_exchange(listen, [query('idle.good.')], 1, timeout=5)
    expect_rcode(outcomes, 'TCP question beside 400 idle connections', replies[0] if replies else None, {wire.NOERROR})
    good_still_answers(outcomes, listen, 'idle connections')
    time.sleep(idle_timeout / 1000 + 1)
    still_open = 0
    for s in idle:
        s.settimeout(0.05)
        try:
            if s.recv(1) != b'':
                still_open += 1
        except socket.timeout:
            still_open += 1
        except ConnectionError:
            pass
        s.close()
    outcomes.add('client: idle connections after the idle timeout', f'{still_open} still open')
    if still_open:
        outcomes.violation(f'client idle: {still_open} connections still open after the idle timeout')


def queries_counted(control):
    for line in control('stats').splitlines():
        if line.startswith('total.num.queries='):
            return int(line.split('=')[1])
    return 0


def flood(outcomes, listen, count, rate, timeout, control):
    """Questions for new names at `rate` a second: half under silent. (whose server never
    answers, so they hold their resolution slots to the deadline), a quarter under names that do
    not exist, a quarter under good.; every question the server read must be answered (the kernel
    may drop some before it reads them: the server's own count says how many it read), and good.
    answered right, not pushed out by the silent ones."""
    before = queries_counted(control)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    sock.connect(listen)
    sock.settimeout(timeout + 2)
    zones = {}
    got = {'good right': 0, 'good wrong': 0, 'other': 0}

    def receive():
        try:
            while sum(got.values()) < count:
                data = sock.recv(65535)
                qid = struct.unpack('!H', data[:2])[0]
                if zones.get(qid) == 'good.':
                    reply = wire.Reply(data)
                    right = reply.rcode == wire.NOERROR and reply.addresses() == [servers.GOOD_ADDRESS]
                    got['good right' if right else 'good wrong'] += 1
                else:
                    got['other'] += 1
        except (socket.timeout, OSError):
            pass
    reader = threading.Thread(target=receive)
    reader.start()
    start = time.monotonic()
    for i in range(count):
        zone = random.choice(['silent.', 'silent.', 'good.', f'nope{i}.'])
        zones[i & 0xFFFF] = zone
        sock.send(wire.make_query(i & 0xFFFF, f'f{random.randrange(10**9)}.{zone}', wire.A))
        ahead = (i + 1) / rate - (time.monotonic() - start)
        if ahead > 0:
            time.sleep(ahead)
    reader.join()
    sock.close()
    read = queries_counted(control) - before
    answered = sum(got.values())
    outcomes.asked += count
    outcomes.add(f'client: flood of {count} new names at {rate}/s',
                 f'{read} read, {answered} answered, good. {got["good right"]} right, {got["good wrong"]} not')
    if answered < read:
        outcomes.violation(f'client flood: the server read {read} questions and answered {answered}')
    if got['good wrong'] > 0.01 * (got['good right'] + got['good wrong']):
        outcomes.violation(f'client flood: good. answered wrong (or SERVFAIL) {got["good wrong"]} times '
                           f'of {got["good right"] + got["good wrong"]}')


async def run(outcomes, listen, timeout, idle_timeout, control):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, malformed, outcomes, listen)
    await loop.run_in_executor(None, pipelined, outcomes, listen)
    await loop.run_in_executor(None, odd_frames, outcomes, listen, idle_timeout)
    await loop.run_in_executor(None, flood, outcomes, listen, 20000, 2000, timeout, control)
    await loop.run_in_executor(None, good_still_answers, outcomes, listen, 'the flood')
    await loop.run_in_executor(None, slow_and_idle, outcomes, listen, idle_timeout)
