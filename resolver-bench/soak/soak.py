#!/usr/bin/env python3
"""The soak: bin/serve's server over a lab of healthy and hostile zones, driven by dnsperf with
a question mix of mostly new names for several minutes, sampled as it runs; it prints the
sampled series and flags what only grows. Not part of the test run: it takes minutes.

    resolver-bench/soak/soak.py [--minutes 5] [--qps 2000] [--every 20] [--cache-bytes 16777216]
                                [--max-outstanding N] [--nmt]

--max-outstanding is the server's own option of that name: the resolutions under way, half of them
pushed out by newer questions after 200 ms (jostling); the server's default (1,024 a thread) when
not given. A bound below the load's own holds the server at it, which is how the jostle slots and
what a pushed-out resolution leaves behind are measured, e.g. --max-outstanding 256 --qps 3000.

Before: ./mvnw -q -B -pl resolver-server,resolver-bench -am package -Dmaven.test.skip=true.

The lab (SoakLab, in resolver-bench's jar) serves on 127.53.x.y; the server listens on
127.0.0.1 with the lab's root hints and --loopback-only; dnsperf asks it on 127.0.0.1. Nothing
leaves loopback.

Each sample: the server's resident set, its heap after a full collection and the instances of
its own and Netty's classes (jcmd GC.class_histogram, which collects first), open descriptors,
threads, and its counters over the control channel (requests under way, cache entries and
bytes). After the load a quiet spell lets every timer run out; the last sample is taken then,
and whatever counts requests or exchanges under way must be back at its start.

Growth is flagged for a series that rises at every one of the load's later samples (the second
half) and ends more than a tenth above where that half began, and for work under way,
descriptors or threads not back where they started after the quiet spell; the exit code is 1
then. Figures and their reading: resolver-bench/RESULTS.md, "Soak".
"""
import argparse
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVER_JAR = os.path.join(ROOT, 'resolver-server/target/dnschase-server.jar')
BENCH_JAR = os.path.join(ROOT, 'resolver-bench/target/benchmarks.jar')
# the server's ports on 127.0.0.1, away from the race's
LISTEN_PORT = 5714
CONTROL_PORT = 8714

# the question mix: (weight, template); {n} is a number never asked before
MIX = [
    (45, 'u{n}.wild.lab A'),
    (5, 'u{n}.wild.lab AAAA'),
    (10, 'h1.host.lab A'),
    (5, 'alias.host.lab A'),
    (5, 'u{n}.silent.lab A'),
    (5, 'u{n}.late.lab A'),
    (5, 'u{n}.trunc.lab A'),
    (4, 'u{n}.garbage.lab A'),
    (4, 'u{n}.wrongid.lab A'),
    (4, 'u{n}.refused.lab A'),
    (4, 'u{n}.stall.lab A'),
    (4, 'a.u{n}.churn.lab A'),
]


def java():
    home = subprocess.run(['bash', '-c', f'. {ROOT}/bin/build-env.sh >/dev/null && echo $JAVA_HOME'],
                          capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(home, 'bin', 'java')


def jvm_options(java_bin, cache_bytes):
    out = subprocess.run([os.path.join(ROOT, 'bin/serve-jvm-options'), java_bin, SERVER_JAR,
                          '--cache-bytes', str(cache_bytes)], capture_output=True, text=True, check=True).stdout
    # no class data written or mapped: the soak's server starts as a plain JVM
    return [o for o in out.split('\n') if o and not o.startswith(('-XX:AOTCache', '-XX:SharedArchiveFile',
                                                                   '-XX:+AutoCreateSharedArchive'))]


def write_questions(path, count, seed=14):
    rng = random.Random(seed)
    weights = [w for w, _ in MIX]
    with open(path, 'w') as out:
        for n, (_, template) in enumerate(rng.choices(MIX, weights=weights, k=count)):
            out.write(template.format(n=n) + '\n')


def control(command):
    with socket.create_connection(('127.0.0.1', CONTROL_PORT), timeout=10) as s:
        s.sendall(command.encode() + b'\n')
        s.shutdown(socket.SHUT_WR)
        data = b''
        while chunk := s.recv(65536):
            data += chunk
    return dict(line.split('=', 1) for line in data.decode().splitlines() if '=' in line)


def status(pid):
    fields = {}
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            key, _, value = line.partition(':')
            fields[key] = value.strip()
    return int(fields['VmRSS'].split()[0]) // 1024, int(fields['Threads'])


JCMD = 'jcmd'


def histogram(pid):
    """Instances by class, of ours and Netty's, after the full collection jcmd runs first."""
    out = subprocess.run([JCMD, str(pid), 'GC.class_histogram'], capture_output=True, text=True,
                         timeout=120).stdout
    counts, total = {}, 0
    for line in out.splitlines():
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            total += int(m.group(2))
            name = m.group(3)
            if name.startswith(('org.dnschase.', 'io.netty.')) or name in (
                    'java.util.concurrent.CompletableFuture', 'java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask'):
                counts[name] = int(m.group(1))
    return total // (1024 * 1024), counts


def native(pid):
    """Committed native memory by category in MiB (jcmd VM.native_memory), when tracking is on."""
    out = subprocess.run([JCMD, str(pid), 'VM.native_memory', 'summary'], capture_output=True, text=True,
                         timeout=60).stdout
    found = {}
    for m in re.finditer(r'^-?\s*(Total|[A-Z][A-Za-z ]+?):? \(?reserved=\d+KB, committed=(\d+)KB', out, re.M):
        found[m.group(1).strip()] = int(m.group(2)) // 1024
    return found


def sample(pid, label, nmt=False):
    rss, threads = status(pid)
    heap, classes = histogram(pid)
    fds = len(os.listdir(f'/proc/{pid}/fd'))
    stats = control('stats')
    row = {'label': label, 'rss': rss, 'heap': heap, 'fds': fds, 'threads': threads,
           'underway': int(stats.get('total.requestlist.current.all', -1)),
           'rrsets': int(stats.get('rrset.cache.count', -1)),
           'rrsetMiB': int(stats.get('mem.cache.rrset', -1)) // (1024 * 1024),
           'msgs': int(stats.get('msg.cache.count', -1)),
           'queries': int(stats.get('total.num.queries', 0)),
           'out': int(stats.get('dnschase.num.query.out', 0)),
           'timeouts': int(stats.get('dnschase.num.query.timeout', 0)),
           'overloaded': int(stats.get('total.requestlist.exceeded', 0)),
           'tcpConns': int(stats.get('num.tcp.connections', 0))}
    if nmt:
        memory = native(pid)
        row.update({'native': memory.get('Total', -1) - memory.get('Java Heap', 0),
                    'other': memory.get('Other', -1), 'code': memory.get('Code', -1)})
    return row, classes


COLUMNS = ['label', 'rss', 'heap', 'fds', 'threads', 'underway', 'rrsets', 'rrsetMiB', 'msgs', 'queries', 'out',
           'timeouts', 'overloaded']


def columns(row):
    return COLUMNS + [c for c in ('native', 'other', 'code') if c in row]


def grows(series):
    """Rises at each of the later half's samples and ends a tenth above where that half began."""
    half = series[len(series) // 2:]
    if len(half) < 3:
        return False
    rising = all(b > a for a, b in zip(half, half[1:]))
    return rising and half[-1] > half[0] * 1.1 + 2


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--minutes', type=float, default=5)
    parser.add_argument('--qps', type=int, default=2000)
    parser.add_argument('--every', type=float, default=20, help='seconds between samples')
    parser.add_argument('--outstanding', type=int, default=10000, help='questions dnsperf keeps waiting at most')
    parser.add_argument('--quiet', type=float, default=20, help='seconds after the load before the last sample')
    parser.add_argument('--cache-bytes', type=int, default=16 * 1024 * 1024)
    parser.add_argument('--max-outstanding', type=int,
                        help="the server's --max-outstanding: resolutions under way (default: the server's)")
    parser.add_argument('--server-jar', default=SERVER_JAR)
    parser.add_argument('--nmt', action='store_true', help='native memory tracking: the non-heap memory by kind')
    parser.add_argument('--bench-jar', default=BENCH_JAR)
    args = parser.parse_args()
    global JCMD
    java_bin = java()
    JCMD = os.path.join(os.path.dirname(java_bin), 'jcmd')
    work = tempfile.mkdtemp(prefix='dnschase-soak-')
    questions = os.path.join(work, 'questions.txt')
    write_questions(questions, int(args.qps * args.minutes * 60 * 1.2) + 1000)
    lab = subprocess.Popen([java_bin, '-Xmx512m', '-Dorg.slf4j.simpleLogger.defaultLogLevel=error', '-cp', args.bench_jar,
                            'org.dnschase.resolver.bench.soak.SoakLab', work],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    server = None
    clean = False
    try:
        port = int(lab.stdout.readline())
        server_log = open(os.path.join(work, 'server.log'), 'w')
        server = subprocess.Popen([java_bin, *jvm_options(java_bin, args.cache_bytes),
                                   *(['-XX:NativeMemoryTracking=summary'] if args.nmt else []), '-cp', args.server_jar,
                                   'org.dnschase.resolver.server.cli.ServeCommand',
                                   '--root-hints', os.path.join(work, 'root.hints'), '--upstream-port', str(port),
                                   '--loopback-only', '--listen', f'127.0.0.1:{LISTEN_PORT}',
                                   '--control', f'127.0.0.1:{CONTROL_PORT}', '--rate-limit', '0',
                                   '--cache-bytes', str(args.cache_bytes),
                                   *(['--max-outstanding', str(args.max_outstanding)] if args.max_outstanding is not None else [])],
                                  stdout=server_log, stderr=subprocess.STDOUT)
        wait_up(server)
        rows, classes = [], []
        record(rows, classes, sample(server.pid, 'start', args.nmt))
        seconds = int(args.minutes * 60)
        perf = subprocess.Popen(['dnsperf', '-s', '127.0.0.1', '-p', str(LISTEN_PORT), '-d', questions,
                                 '-l', str(seconds), '-Q', str(args.qps), '-c', '4', '-t', '12', '-q', str(args.outstanding)],
                                stdout=open(os.path.join(work, 'dnsperf.out'), 'w'), stderr=subprocess.STDOUT)
        started = time.monotonic()
        while perf.poll() is None:
            time.sleep(max(0.0, args.every - (time.monotonic() - started) % args.every))
            if perf.poll() is None:
                record(rows, classes, sample(server.pid, f'{time.monotonic() - started:.0f}s', args.nmt))
        time.sleep(args.quiet)
        record(rows, classes, sample(server.pid, 'quiet', args.nmt))
        clean = report(rows, classes, os.path.join(work, 'dnsperf.out'))
        print(f'files: {work}')
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        lab.stdin.close()
        lab.wait(30)
    sys.exit(0 if clean else 1)


def wait_up(server):
    for _ in range(300):
        if server.poll() is not None:
            sys.exit(f'the server stopped at its start ({server.returncode})')
        try:
            control('stats')
            return
        except OSError:
            time.sleep(0.1)
    sys.exit('the server did not start')


def record(rows, classes, sampled):
    row, counts = sampled
    rows.append(row)
    classes.append(counts)
    print(' '.join(f'{c}={row[c]}' for c in columns(row)), flush=True)


def report(rows, classes, perf_output):
    print()
    with open(perf_output) as f:
        for line in f:
            if re.search(r'Queries (sent|completed|lost)|Response codes|Queries per second|Average Latency', line):
                print(line.rstrip())
    print()
    print('\t'.join(columns(rows[0])))
    for row in rows:
        print('\t'.join(str(row[c]) for c in columns(row)))
    load = rows[1:-1]
    flagged = [c for c in ['rss', 'heap', 'fds', 'threads', 'rrsets', 'msgs'] if grows([r[c] for r in load])]
    # what only lives while work is under way must be back where it started once the load stopped
    flagged += [f'{c} after the load ({rows[0][c]} -> {rows[-1][c]})' for c, slack in [('underway', 0), ('fds', 16),
                                                                                     ('threads', 4)]
                if rows[-1][c] > rows[0][c] + slack]
    print()
    print('instances by class (ours, Netty\'s), the most during the load and after the quiet spell:')
    for name in sorted(set().union(*classes)):
        peak = max(counts.get(name, 0) for counts in classes[1:-1])
        if peak >= 1000:
            print(f'  {peak:>9} {classes[-1].get(name, 0):>9}  {name}')
    growing = [name for name in sorted(set().union(*classes))
               if grows([counts.get(name, 0) for counts in classes[1:-1]])]
    for name in growing:
        print(f'GROWTH: {name}: {[counts.get(name, 0) for counts in classes]}')
    print('GROWTH in: ' + ', '.join(flagged) if flagged else 'no sampled figure only grew')
    return not flagged and not growing

if __name__ == '__main__':
    main()
