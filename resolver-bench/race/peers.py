"""The processes of the race: NSD serving the lab, Unbound, and our bin/serve.

Each is started in the foreground from a directory of its own under the race's work directory,
pinned with taskset, and stopped by its own process id (never by name). Nothing leaves loopback:
NSD listens on the lab's 127.53.x.y addresses, both resolvers know only the lab's root hints.
"""
import ctypes
import fcntl
import signal
import socket
import sys
import subprocess
import time
from collections import defaultdict
from pathlib import Path

from dnsclient import ask


def free_port():
    """A port free on 127.0.0.1 for UDP and TCP when asked (the race starts its servers at once)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                    return port
                except OSError:
                    continue


def rss_kib(pid):
    """The resident set size of pid in KiB (VmRSS of /proc/PID/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_ns(pid, threads=None):
    """The CPU time the threads of pid have run, in ns (/proc/PID/task/*/schedstat): what the
    server spent, whatever the load made it wait. With threads, only those whose name starts with
    one of those prefixes."""
    return _schedstat_ns(pid, threads, 0)


def wait_ns(pid, threads=None):
    """The time the threads of pid have waited for a CPU while runnable, in ns (schedstat's second
    field): what the machine's other work cost them, on a CPU they share. With threads, as cpu_ns."""
    return _schedstat_ns(pid, threads, 1)


def _schedstat_ns(pid, threads, field):
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if threads is None or (task / "comm").read_text().startswith(threads):
                total += int((task / "schedstat").read_text().split()[field])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that ended while being read
    return total


PR_SET_PDEATHSIG = 1


def _ends_with_its_parent():
    """In the child before it runs its program: the kernel sends it SIGTERM when the tool that
    started it ends, however it ends (killed mid-run too), so no NSD or server outlives its race
    and holds the lab's addresses for the next run. Kept across the exec of taskset and of the
    daemon it starts."""
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")


class Process:
    """One daemon in the foreground, its output in a log file of its directory, ending with the
    tool that started it."""

    def __init__(self, name, directory):
        self.name = name
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.process = None

    def spawn(self, command, cpu):
        log = open(self.dir / "output.log", "ab")
        self.process = subprocess.Popen(["taskset", "-c", str(cpu)] + command, stdout=log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        cwd=self.dir, preexec_fn=_ends_with_its_parent)
        log.close()
        return self.process

    @property
    def pid(self):
        return self.process.pid

    def check_alive(self):
        if self.process.poll() is not None:
            tail = (self.dir / "output.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{tail}")

    def stop(self, grace=10):
        """SIGTERM, then SIGKILL after grace seconds; to this process alone."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wait_answering(process, port, limit=60.0):
    """Waits until the resolver on 127.0.0.1:port answers a cache-only question (RD=0)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        process.check_alive()
        try:
            ask("127.0.0.1", port, "lab.", "NS", timeout=0.5, rd=False)
            return
        except (ConnectionRefusedError, socket.timeout):
            time.sleep(0.05)
    raise RuntimeError(f"{process.name} did not answer on port {port} within {limit} s")


class Nsd:
    """One NSD per server address of the lab: NSD serves every zone it holds on every address it
    listens on, and the lab has different zones at different addresses. Queries are counted from
    each instance's num.queries (nsd-control stats), the same way for both resolvers. A lab on
    addresses of its own (the differential test's) passes own_addresses and takes no lock."""

    LOCK = Path("/tmp/dnschase-race-lab.lock")

    def __init__(self, lab, workdir, port, cpu, own_addresses=False):
        self._lock = None if own_addresses else self._hold_the_lab()
        zones_by_address = defaultdict(list)
        for line in (lab / "servers.tsv").read_text().splitlines():
            address, origin, file = line.split("\t")
            zones_by_address[address].append((origin, file))
        self.instances = []
        # each instance's address and the apex of one of its zones, which the warm-up asks for
        self.apexes = []
        for index, (address, zones) in enumerate(sorted(zones_by_address.items())):
            process = Process(f"nsd {address}", workdir / f"nsd-{index}")
            config = process.dir / "nsd.conf"
            config.write_text(self._config(process.dir, lab / "zones", address, port, zones))
            process.spawn(["nsd", "-d", "-c", str(config)], cpu)
            self.instances.append((process, config))
            self.apexes.append((address, zones[0][0]))
        self.port = port
        for process, config in self.instances:
            self._until_up(process, config)

    def _hold_the_lab(self):
        """The lab's addresses and port are fixed, so one measurement at a time: a second waits here
        for the first to end (the lock goes with the process that holds it, however it ends)."""
        lock = open(self.LOCK, "w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for the measurement that holds {self.LOCK} to end", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        return lock

    @staticmethod
    def _config(directory, zonesdir, address, port, zones):
        # root needs no user to drop to; response rate limiting would cut the resolvers' bursts
        text = f"""server:
  ip-address: {address}
  port: {port}
  server-count: 1
  username: ""
  chroot: ""
  zonesdir: "{zonesdir}"
  database: ""
  zonelistfile: "{directory}/zone.list"
  xfrdfile: "{directory}/xfrd.state"
  xfrdir: "{directory}"
  pidfile: "{directory}/nsd.pid"
  rrl-ratelimit: 0
remote-control:
  control-enable: yes
  control-interface: "{directory}/nsd.ctl"
"""
        for origin, file in zones:
            text += f'zone:\n  name: "{origin}"\n  zonefile: "{file}"\n'
        return text

    def _until_up(self, process, config):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            process.check_alive()
            if subprocess.run(["nsd-control", "-c", str(config), "status"], capture_output=True).returncode == 0:
                return
            time.sleep(0.05)
        raise RuntimeError(f"{process.name} did not come up")

    # NSD 4 reads its counters (nsd-control stats and stats_noreset alike) by forking its server
    # processes anew, the old ones handing theirs over and exiting; the stub's round trip to a fresh
    # one, 50 ms after, was 430-630 µs against 65-150 for its first query and 105 against 30 for its
    # second, the same from the third on. Left to the resolvers' queries, that put about 0.4 ms per
    # NSD a chain asks into both sides' cold times, some 1.6 ms of a 1-hop chain's 3.3.
    WARMUP_QUERIES = 2

    def clear_queries(self):
        """Zeroes the counters, then asks each instance WARMUP_QUERIES questions about its own zone's
        apex, so that the next chain meets server processes past their start; query_count leaves
        those questions out."""
        for _, config in self.instances:
            subprocess.run(["nsd-control", "-c", str(config), "stats"], capture_output=True, check=True)
        for address, apex in self.apexes:
            for _ in range(self.WARMUP_QUERIES):
                ask(address, self.port, apex, "NS")

    def query_count(self):
        """The queries since clear_queries, its own warm-up left out."""
        count = 0
        for _, config in self.instances:
            out = subprocess.run(["nsd-control", "-c", str(config), "stats_noreset"], capture_output=True,
                                 check=True, text=True).stdout
            count += next(int(line.split("=")[1]) for line in out.splitlines() if line.startswith("num.queries="))
        return count - self.WARMUP_QUERIES * len(self.apexes)

    def stop(self):
        for process, _ in self.instances:
            process.stop()
        if self._lock is not None:
            self._lock.close()


class Unbound:
    """Unbound 1 thread, iterator only (no validation) unless given a trust anchor file, the lab's
    root hints, a control socket."""

    label = "Unbound"
    # the threads that answer and resolve (unbound: its one worker, the process's only thread)
    serving_threads = None

    def __init__(self, lab, workdir, cpu, trust_anchor=None):
        self.process = Process("unbound", workdir / "unbound")
        self.port = free_port()
        self.config = self.process.dir / "unbound.conf"
        self.config.write_text(f"""server:
  interface: 127.0.0.1@{self.port}
  outgoing-interface: 127.0.0.1
  num-threads: 1
  do-ip6: no
  do-daemonize: no
  username: ""
  chroot: ""
  directory: "{self.process.dir}"
  pidfile: "{self.process.dir}/unbound.pid"
  use-syslog: no
  verbosity: 0
  root-hints: "{lab / 'root.hints'}"
  {validation(trust_anchor)}
  do-not-query-localhost: no
  access-control: 127.0.0.0/8 allow
remote-control:
  control-enable: yes
  control-interface: "{self.process.dir}/unbound.ctl"
  control-use-cert: no
""")
        self.cpu = cpu

    def start(self):
        self.process.spawn(["unbound", "-d", "-c", str(self.config)], self.cpu)
        return self.process

    def flush(self):
        for command in (["flush_zone", "."], ["flush_infra", "all"]):
            subprocess.run(["unbound-control", "-c", str(self.config)] + command, capture_output=True, check=True)

    def stop(self):
        self.process.stop()


def validation(trust_anchor):
    """Unbound's modules: the iterator alone, or the validator from the trust anchor file, its
    Extended DNS Errors on (RFC 8914), their text saying why validation failed (val-log-level 2)."""
    if trust_anchor is None:
        return 'module-config: "iterator"'
    return (f'module-config: "validator iterator"\n  trust-anchor-file: "{trust_anchor}"\n  ede: yes\n'
            '  val-log-level: 2')


# the script printing bin/serve's JVM options
JVM_OPTIONS = Path(__file__).resolve().parents[2] / "bin" / "serve-jvm-options"


class Ours:
    """bin/serve's server: the jar and the JVM options bin/serve runs it with (bin/serve-jvm-options,
    or another script printing them: a baseline's), started with the same java directly, so the
    process timed is the JVM itself; one event loop thread, the lab's root hints. Like bin/serve, it
    keeps the server's class data beside the jar, written at the first clean stop, so a start after
    the first maps it. It validates from a trust anchor file when given one."""

    # the threads that answer and resolve: the event loops, not the JIT compilers and collectors
    serving_threads = ("dnschase-",)

    def __init__(self, lab, workdir, cpu, java, jar, jvm_args=(), label="ours", trust_anchor=None,
                 jvm_options=JVM_OPTIONS):
        self.label = label
        self.process = Process(label, workdir / label)
        self.port = free_port()
        self.control_port = free_port()
        self.java, self.jar, self.jvm_args, self.jvm_options = java, jar, list(jvm_args), jvm_options
        self.arguments = ["--listen", f"127.0.0.1:{self.port}", "--root-hints", str(lab / "root.hints"),
                          "--upstream-port", "53", "--loopback-only", "--threads", "1",
                          "--control", f"127.0.0.1:{self.control_port}",
                          # dnsperf is one client at tens of thousands of questions a second
                          "--rate-limit", "0"]
        if trust_anchor is not None:
            self.arguments += ["--trust-anchor", str(trust_anchor)]
        self.cpu = cpu
        self.command = self.next_command()

    def next_command(self):
        """The command of the next start, worked out before it so that a fresh process's time holds
        none of it: its options name the class data to map, or to write if there is none yet."""
        options = subprocess.run([str(self.jvm_options), str(self.java), str(self.jar)] + self.arguments,
                                 capture_output=True, text=True, check=True).stdout.split("\n")
        return [self.java, *filter(None, options), *self.jvm_args, "-cp", str(self.jar),
                "org.dnschase.resolver.server.cli.ServeCommand", *self.arguments]

    def start(self):
        self.process.spawn(self.command, self.cpu)
        return self.process

    def flush(self):
        """bin/serve-control flush, spoken directly: one line over the control channel."""
        with socket.create_connection(("127.0.0.1", self.control_port), timeout=10) as control:
            control.sendall(b"flush\n")
            reply = b""
            while chunk := control.recv(4096):
                reply += chunk
        if reply.strip() != b"ok":
            raise RuntimeError(f"flush: {reply!r}")

    def stop(self):
        # the first clean stop writes the class data, which takes a few seconds (AOT cache: 11 s at a
        # load of 6) on a loaded machine
        self.process.stop(grace=120)
        self.command = self.next_command()

