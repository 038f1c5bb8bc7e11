#!/usr/bin/env python3
"""Misbehaving upstreams and clients against bin/serve, seed by seed (README.md beside this file).

    resolver-bench/hostile/hostile.py [--seeds 0-19] [--zones 40] [--deadline 3000] [--clients]

One server (bin/serve's jar, the lab's root hints, --loopback-only) runs for the whole run over
a lab of real UDP and TCP servers on 127.64.0.0/16 (servers.py): each seed adds zones whose
servers misbehave in a kind drawn from the seed, and asks questions of all of them at once, with
questions for the well-behaved good. zone in between. Every question must end in a reply within
the deadline (plus a margin): NOERROR, NXDOMAIN, or SERVFAIL carrying an EDE (RFC 8914); no reply
may hold the poison address a hostile server slipped in; good.'s answers must be right. After
the seeds, a quiet spell, then the server's threads, descriptors and work under way must be back
where they were after the first seed; its resident set is printed. --clients then sends
malformed and hostile queries of its own (clients.py). Exit code 1 on any violation.

Nothing leaves loopback: the lab listens on 127.64.x.y, the server on 127.0.0.1.
"""
import argparse
import asyncio
import atexit
import os
import random
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import servers  # noqa: E402
import wire  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LISTEN = ('127.0.0.1', 5764)
CONTROL = 8764
LAB_PORT = 5364
IDLE_TIMEOUT = 2000  # the server's --tcp-idle-timeout, ms
YXDOMAIN = 6  # a DNAME's rewrite past 255 octets (RFC 6672 §2.2)
MAX_TTL = 86400  # the server's default cap on a TTL it hands out
MAX_NEGATIVE_TTL = 3600  # and on a negative answer's (RFC 2308 §5), which its SOA's TTL tells
MARGIN = 1.5  # seconds past the deadline a reply may take (scheduling on a loaded machine)
# the kinds that answer a minimised NS question (RFC 9156) badly and the full question well
MINIMISATION_KINDS = ('nsnxdomain', 'nsrefused', 'nsformerr', 'nsnotimp')


class Outcomes:
    def __init__(self):
        self.by_kind, self.violations, self.asked, self.took = {}, [], 0, {}
        self.warm = False  # after the first seed, once the server's JIT has compiled its paths

    def add(self, kind, outcome):
        self.by_kind.setdefault(kind, {}).setdefault(outcome, 0)
        self.by_kind[kind][outcome] += 1

    def violation(self, text):
        self.violations.append(text)
        print('VIOLATION', text, flush=True)


async def ask(qname, qtype, timeout, payload=1232):
    """Asks the server once over UDP (then TCP on TC): (reply, seconds), or (None, seconds)."""
    loop = asyncio.get_running_loop()
    qid = random.randrange(65536)
    query = wire.make_query(qid, qname, qtype, payload=payload)
    start = time.monotonic()
    future = loop.create_future()

    class Client(asyncio.DatagramProtocol):
        def datagram_received(self, data, addr):
            if not future.done() and len(data) >= 2 and struct.unpack('!H', data[:2])[0] == qid:
                future.set_result(data)

    transport, _ = await loop.create_datagram_endpoint(Client, remote_addr=LISTEN)
    try:
        transport.sendto(query)
        data = await asyncio.wait_for(future, timeout)
    except asyncio.TimeoutError:
        return None, time.monotonic() - start
    finally:
        transport.close()
    reply = wire.Reply(data)
    if reply.flags & wire.TC:
        left = timeout - (time.monotonic() - start)
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(*LISTEN), left)
            writer.write(struct.pack('!H', len(query)) + query)
            length = struct.unpack('!H', await asyncio.wait_for(reader.readexactly(2), left))[0]
            reply = wire.Reply(await asyncio.wait_for(reader.readexactly(length), left))
            writer.close()
        except (asyncio.TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            return None, time.monotonic() - start
    return reply, time.monotonic() - start


def rcode_name(reply):
    names = {0: 'NOERROR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 5: 'REFUSED'}
    return names.get(reply.rcode, f'RCODE{reply.rcode}')


async def check(outcomes, kind, qname, qtype, deadline, expect=None):
    """Asks one question and checks what came back; `expect` is the one address good. gives."""
    reply, took = await ask(qname, qtype, deadline + MARGIN)
    outcomes.asked += 1
    where = f'{qname} {qtype} ({kind})'
    if reply is None:
        outcomes.add(kind, 'no reply')
        outcomes.violation(f'{where}: no reply within {deadline + MARGIN:.1f} s')
        return
    outcome = rcode_name(reply) + (f' EDE {",".join(map(str, sorted(set(reply.ede))))}' if reply.ede else '')
    outcomes.add(kind, outcome)
    outcomes.took.setdefault(kind, []).append(took)
    if kind == 'good' and outcomes.warm:
        outcomes.took.setdefault('good (warm)', []).append(took)
    if took > deadline + MARGIN:
        outcomes.violation(f'{where}: answered after {took:.2f} s')
    if reply.rcode not in (wire.NOERROR, wire.NXDOMAIN, wire.SERVFAIL, YXDOMAIN):
        outcomes.violation(f'{where}: rcode {reply.rcode}')
    if reply.rcode == wire.SERVFAIL and not reply.ede:
        outcomes.violation(f'{where}: SERVFAIL without an EDE')
    if any('INTERNAL' in text for text in reply.ede_text):
        outcomes.violation(f'{where}: an internal error: {reply.ede_text}')
    for record in reply.answer + reply.authority:
        if record[2] > MAX_TTL:
            outcomes.violation(f'{where}: TTL {record[2]} above the cache\'s cap ({MAX_TTL})')
    for record in reply.authority:
        if record[1] == wire.SOA and not reply.answer and record[2] > MAX_NEGATIVE_TTL:
            outcomes.violation(f'{where}: a negative answer\'s SOA TTL {record[2]} above the cap ({MAX_NEGATIVE_TTL})')
    addresses = reply.addresses()
    if servers.POISON in addresses:
        outcomes.violation(f'{where}: answered the poison address {addresses}')
    # good.'s address ends an alias's chain (servers.ALIASED); any other expected address is the name's own
    owner = None if expect == servers.GOOD_ADDRESS and kind != 'good' else qname
    if expect is not None and (reply.rcode != wire.NOERROR or reply.addresses(owner) != [expect]):
        outcomes.violation(f'{where}: expected {expect}, got {outcome} {addresses}')


def seed_plan(seed, zones, first, only=None, plain=lambda i: True):
    """The zones one seed adds (kinds, glueless chains, cycles, aliases) and its questions; an A
    question to a plain zone (neither configured nor validated: plain(i)) of a kind a resolver lives
    with (servers.ANSWERABLE) must get the right answer."""
    rng = random.Random(seed)
    kinds = {first + i: rng.choice(sorted(only or servers.KINDS)) for i in range(zones)}
    depths = {first + c: rng.randrange(1, 10) for c in range(3)}
    cycles = [first + c for c in range(2)]
    aliases = [first + c for c in range(2)]
    questions = []
    for i, kind in kinds.items():
        for _ in range(3):
            label = f'q{rng.randrange(10**6)}'
            if kind == 'deeper':
                label = '.'.join(f'l{j}' for j in range(rng.randrange(5, 40)))
            elif kind in ('dnamecname', 'manyglue', 'weirdglue', 'gluelessinside', 'glueflip', 'aareferral',
                          'referralloop', 'nsanswer'):
                label = 'www.' + label  # below the child the server refers to or redirects
            elif kind in MINIMISATION_KINDS or kind == 'sidecar':
                label = 'www.' + label  # two labels below the zone: the walk asks a minimised NS question first
            elif kind.startswith('dname'):
                label = '.'.join(['y' * 60] * rng.randrange(1, 3))
            elif kind == 'nxns-below':
                label += '.sub'
            qtype = rng.choice([wire.A] * 6 + [wire.AAAA, wire.TXT, wire.NS, wire.ANY, 15, 65280])
            right = servers.COPY_ADDRESS if kind in servers.ANSWERABLE and qtype == wire.A and plain(i) else None
            if kind in servers.ALIASED and qtype == wire.A and plain(i):
                right = servers.GOOD_ADDRESS
            questions.append((kind, f'{label}.h{i}.', qtype, right))
    for c, depth in depths.items():
        questions.append((f'glueless depth {depth}', f'www.g0c{c}.', wire.A, None))
    for c in cycles:
        questions.append(('cyclic', f'www.ya{c}.', wire.A, None))
    for c in aliases:
        questions.append(('ns alias', f'www.nsalias{c}.', wire.A, None))
    for _ in range(6):
        length = rng.randrange(2, 26)
        questions.append((f'chain of {length} zones', f'c{rng.randrange(10**6)}-{length}.ch0.', wire.A, None))
    rng.shuffle(questions)
    # good. is asked between the others, and www.good. (the poisoners' target) last
    mixed = []
    for q in questions:
        mixed.append(q)
        if rng.random() < 0.25:
            mixed.append(('good', f'r{rng.randrange(10**6)}.good.', wire.A, servers.GOOD_ADDRESS))
    return kinds, depths, cycles, aliases, mixed


class Server:
    """bin/serve's jar, started with the lab's hints; what /proc says of it."""

    def __init__(self, java, jar, hints, deadline, cache_bytes, extra=()):
        self.process = subprocess.Popen(
            [java, '--enable-native-access=ALL-UNNAMED', '-Xmx192m', '-XX:+UseSerialGC', '-cp', jar,
             'org.dnschase.resolver.server.cli.ServeCommand', '--root-hints', hints,
             '--upstream-port', str(LAB_PORT), '--loopback-only', '--listen', f'{LISTEN[0]}:{LISTEN[1]}',
             '--control', f'127.0.0.1:{CONTROL}', '--deadline', str(deadline), '--threads', '2',
             '--cache-bytes', str(cache_bytes), '--rate-limit', '0', '--tcp-idle-timeout', str(IDLE_TIMEOUT),
             *extra],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(tempfile.gettempdir(), 'hostile-serve.log'), 'w'))
        atexit.register(self.stop)  # never leave it behind, whatever ends the run

    def wait_listening(self):
        for _ in range(200):
            try:
                with socket.create_connection(LISTEN, timeout=0.2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit('the server exited at start: see /tmp/hostile-serve.log')
                time.sleep(0.1)
        raise SystemExit('the server did not start listening')

    def sample(self):
        pid = self.process.pid
        threads = len(os.listdir(f'/proc/{pid}/task'))
        fds = len(os.listdir(f'/proc/{pid}/fd'))
        rss = 0
        with open(f'/proc/{pid}/status') as status:
            for line in status:
                if line.startswith('VmRSS:'):
                    rss = int(line.split()[1]) // 1024
        return {'threads': threads, 'fds': fds, 'rss_mib': rss, 'control': self.control('stats')}

    def control(self, command):
        try:
            with socket.create_connection(('127.0.0.1', CONTROL), timeout=2) as s:
                s.sendall(command.encode() + b'\n')
                s.shutdown(socket.SHUT_WR)
                out = b''
                while chunk := s.recv(65536):
                    out += chunk
                return out.decode(errors='replace')
        except OSError as e:
            return f'({e})'

    def stop(self):
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def stats(text):
    """The control channel's stats as a dict of name to value text."""
    return dict(line.split('=', 1) for line in text.splitlines() if '=' in line)


def under_way(stats_text):
    """The counters of work under way in the control channel's stats."""
    out = {}
    for line in stats_text.splitlines():
        key, _, value = line.partition('=')
        if key.strip() == 'total.requestlist.current.all':  # resolutions under way
            out[key.strip()] = value.strip()
    return out


async def lab_lag(outcomes, every=0.05):
    """How late the lab's own loop runs (it serves good. too), so a slow good. answer can be told
    from a slow lab: the largest overshoot of a 50 ms sleep."""
    outcomes.lag = 0.0
    while True:
        start = time.monotonic()
        await asyncio.sleep(every)
        outcomes.lag = max(outcomes.lag, time.monotonic() - start - every)


async def run(args):
    lab = servers.Lab(LAB_PORT, {}, args.seeds[0])
    await lab.start()
    work = tempfile.mkdtemp(prefix='hostile-')
    hints = os.path.join(work, 'root.hints')
    with open(hints, 'w') as f:
        f.write(f'. 3600000 NS a.root.\na.root. 3600000 A {servers.ROOT}\n')
    def plain(i):
        return not (args.configured and i % 4 in (1, 2)) and not (args.validate_some and i % 4 == 3)
    plans = [seed_plan(seed, args.zones, n * args.zones, args.kinds, plain) for n, seed in enumerate(args.seeds)]
    configured = []
    for kinds in (plan[0] for plan in plans):
        for i in kinds:
            # with --configured, a quarter of the zones are forward zones (the server asked as a
            # recursive one, RD=1) and a quarter stub zones (asked as the zone's own servers)
            if args.configured and i % 4 in (1, 2):
                way = '--forward-zone' if i % 4 == 1 else '--stub-zone'
                configured += [way, f'h{i}.={servers.hostile_address(i)}']
    if args.validate_some:
        # a trust anchor (a DS of a key no server has) for a quarter of the hostile zones: their
        # servers meet the validator's DNSKEY and DS questions, and every answer there is BOGUS
        anchors = os.path.join(work, 'anchors')
        with open(anchors, 'w') as f:
            for kinds in (plan[0] for plan in plans):
                for i in kinds:
                    if i % 4 == 3:
                        f.write(f'h{i}. 3600 IN DS 4242 13 2 {os.urandom(32).hex()}\n')
        configured += ['--trust-anchor', anchors]
    server = Server(args.java, args.server_jar, hints, args.deadline, args.cache_bytes, configured)
    outcomes = Outcomes()
    lag = asyncio.ensure_future(lab_lag(outcomes))
    baseline = None
    try:
        await asyncio.get_running_loop().run_in_executor(None, server.wait_listening)
        deadline = args.deadline / 1000
        for n, seed in enumerate(args.seeds):
            kinds, depths, cycles, aliases, questions = plans[n]
            await lab.add(kinds, depths, cycles, aliases)
            gate = asyncio.Semaphore(args.concurrency)

            async def one(q):
                async with gate:
                    await check(outcomes, q[0], q[1], q[2], deadline, q[3])
            await asyncio.gather(*(one(q) for q in questions))
            # the poisoners' target, once every hostile server of the seed has had its say
            await check(outcomes, 'good after poison', 'www.good.', wire.A, deadline, servers.GOOD_ADDRESS)
            await check(outcomes, 'good after poison', 'ns.good.', wire.A, deadline, servers.GOOD)
            print(f'seed {seed}: {len(questions)} questions, {len(outcomes.violations)} violations so far; '
                  f'{server.sample()["threads"]} threads, {server.sample()["fds"]} fds', flush=True)
            if baseline is None:
                await asyncio.sleep(deadline + 1)
                baseline = server.sample()
                outcomes.warm = True
            if server.process.poll() is not None:
                outcomes.violation(f'the server exited with {server.process.returncode}')
                break
        nxns = {k: v for k, v in lab.good_queries.counts.items() if k != 'other'}
        if nxns:
            print(f'NXNS: queries to the victim per hostile zone (3 questions each): max {max(nxns.values())}, '
                  f'mean {sum(nxns.values()) / len(nxns):.1f} over {len(nxns)} zones')
            # a name asked again within a few ms: look-ups of resolutions that share a delegation (nxns-below);
            # hundreds of ms later: the look-up's query sent again after its timeout (a victim slow to answer)
            for tag, count in sorted(nxns.items(), key=lambda item: -item[1])[:3]:
                names = lab.nx_names.get(tag, {})
                again = sorted(round((t - times[0]) * 1000) for times in names.values() for t in times[1:])
                print(f'  {tag}: {count} queries for {len(names)} names'
                      + (f'; a name asked again after (ms): {again}' if again else ''))
        per_kind = {}
        for i, kind in lab.kinds.items():
            per_kind.setdefault(kind, []).append(lab.zone_queries.counts.get(i, 0) + nxns.get(f'nx{i}', 0))
        print('upstream queries per hostile zone (3 questions each; NXNS: with those to the victim), most and mean:')
        print('  ' + ', '.join(f'{kind} {max(v)}/{sum(v) / len(v):.0f}' for kind, v in sorted(per_kind.items())))
        if args.clients:
            import clients
            await clients.run(outcomes, LISTEN, deadline + MARGIN, IDLE_TIMEOUT, server.control)
        await asyncio.sleep(args.quiet)
        end = server.sample()
        print('after the first seed:', {k: v for k, v in baseline.items() if k != 'control'})
        print('after a quiet spell: ', {k: v for k, v in end.items() if k != 'control'})
        for key in ('threads', 'fds'):
            if end[key] > baseline[key] + args.slack:
                outcomes.violation(f'{key}: {baseline[key]} after the first seed, {end[key]} at the end')
        for key, value in under_way(end['control']).items():
            if value not in ('0', ''):
                outcomes.violation(f'work under way after the quiet spell: {key}={value}')
        cached = sum(int(v) for k, v in stats(end['control']).items() if k.startswith('mem.cache.'))
        print(f'cache: {cached} bytes held, budget {args.cache_bytes}')
        # the resolution cache may hold a quarter of the RRset cache's budget beside it (ResolutionCache)
        if cached > args.cache_bytes * 1.25:
            outcomes.violation(f'the caches hold {cached} bytes, past 1.25 times the budget of {args.cache_bytes}')
        if server.process.poll() is not None:
            outcomes.violation(f'the server exited with {server.process.returncode}')
    finally:
        lag.cancel()
        server.stop()
        lab.close()
    print(f'\n{outcomes.asked} questions over seeds {args.seeds[0]}-{args.seeds[-1]}; outcomes by kind:')
    for kind in sorted(outcomes.by_kind):
        print(f'  {kind:24} {dict(sorted(outcomes.by_kind[kind].items()))}')
    log = os.path.join(tempfile.gettempdir(), 'hostile-serve.log')
    with open(log, errors='replace') as f:
        warnings = [line.strip() for line in f if ' WARN ' in line or ' ERROR ' in line or 'Exception' in line]
    for line in warnings[:20]:
        print('server log:', line[:300])
    if warnings:
        outcomes.violation(f'{len(warnings)} warnings, errors or exceptions in the server\'s log ({log})')
    good = sorted(outcomes.took.get('good (warm)', [0]))
    print(f'good. (after the first seed) answered in {good[len(good) // 2] * 1000:.0f} ms (median), {good[int(len(good) * 0.99)] * 1000:.0f} ms '
          f'(99th percentile), {good[-1] * 1000:.0f} ms at most, among the hostile questions; the lab\'s own '
          f'loop ran up to {outcomes.lag * 1000:.0f} ms late')
    print(f'{len(outcomes.violations)} violations')
    return 1 if outcomes.violations else 0


def seeds(text):
    if '-' in text:
        a, b = text.split('-')
        return list(range(int(a), int(b) + 1))
    return [int(x) for x in text.split(',')]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--seeds', type=seeds, default=seeds('0-9'))
    parser.add_argument('--zones', type=int, default=40, help='hostile zones per seed')
    parser.add_argument('--deadline', type=int, default=3000, help="the server's --deadline, ms")
    parser.add_argument('--concurrency', type=int, default=64, help='questions under way at once')
    parser.add_argument('--cache-bytes', type=int, default=8 << 20)
    parser.add_argument('--quiet', type=float, default=15, help='seconds of quiet before the last sample')
    parser.add_argument('--slack', type=int, default=4, help='threads or descriptors allowed above the baseline')
    parser.add_argument('--clients', action='store_true', help='hostile clients too (clients.py)')
    parser.add_argument('--configured', action='store_true',
                        help='a quarter of the hostile zones as forward zones, a quarter as stub zones')
    parser.add_argument('--validate-some', action='store_true',
                        help='DNSSEC trust anchors for a quarter of the hostile zones (their answers are all BOGUS)')
    parser.add_argument('--kinds', type=lambda text: text.split(','), help='only these kinds (servers.KINDS)')
    parser.add_argument('--java', default=os.path.join(os.environ.get('JAVA_HOME', '/usr'), 'bin/java'))
    parser.add_argument('--server-jar', default=os.path.join(ROOT, 'resolver-server/target/dnschase-server.jar'))
    args = parser.parse_args()
    sys.exit(asyncio.run(run(args)))


if __name__ == '__main__':
    main()
