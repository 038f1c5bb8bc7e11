#!/usr/bin/env python3
"""The race with Unbound on its own ground (issue 16); resolver-bench/race.sh builds and runs it.

Our server (bin/serve's jar, one event loop thread) and Unbound (one thread, validation off) are
asked by the same clients over the same wire, each pinned in turn to the same CPU, with NSD
serving the lab (RaceLab's zones) and every client on the other CPU. Both are warmed on names
that are never measured, then flushed. Then, in rounds (see Race.order for who goes when):

  cold   each chain length after a flush of both, the time of one question and the queries NSD
         received for it (counted after a settle, so work done after the answer counts too);
  warm   dnsperf on the mix: latency percentiles at a fixed rate both sustain, then queries per
         second at saturation, the sides' runs in short slices taken in turn, then the resident set
         size.

With --disturb, each cold sample is also taken beside a controlled disturbance: another process
pinned to the server's CPU that burns some µs of it every few ms (disturb.py), each dose in turn
for both sides, the samples keeping the CPU it took from the question to its answer; the medians
and the tables are the undisturbed samples', and the disturbed ones are summed up per dose apart
(contention in the result file): how much the same disturbance costs each side.

Then the round-trip floors (the stub to NSD, the stub to each resolver's cache) and, with the
long-running servers stopped, the fresh-process first answer: the time from starting the process
to the answer to its first question. Every sample carries the load average at its start.
Writes one JSON file (--out) that plot.py turns into RESULTS.md's race section and plots.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dnsclient
from peers import JVM_OPTIONS, Nsd, Ours, Unbound, cpu_ns, rss_kib, wait_answering, wait_ns


# Cold walks of the warm-up chains before anything is measured. Our JIT compiles the cold path
# slowly: after 200 walks the C2 compiler still ran 71-390 ms per 100 cold chains on the server's CPU
# (in the measured chains, beside the server) and the serving threads' CPU per chain was still
# falling; after about 1,000 it had settled. Unbound needs none, and loses nothing by them.
WARMUP_WALKS = 1000
# The warm-up ends with cold walks again, in batches of JIT_BATCH, until the process's threads
# other than the serving ones (the JIT compilers, on the server's CPU) used under JIT_QUIET of the
# serving threads' CPU in a batch, or JIT_BATCHES have passed. After the warm-up mix the JIT is
# busy again: over the first 300 cold walks after it, C2 made 20-35 compilations per 50 walks, and
# the compilers used 50-110% of the serving threads' CPU (on the server's CPU, so in the measured
# chains' time), then under 15%; few of those were recompilations after an uncommon trap.
JIT_BATCH = 50
JIT_BATCHES = 40
JIT_QUIET = 0.1
# Asks of a cached name after the cold samples' pause, per side, for the floors
PAUSED_ASKS = 40
# A cold sample whose serving threads waited less than this for their CPU (other work on it) counts
# as unwaited, the medians of those beside every sample's: what the machine's load took, per side
UNWAITED_US = 100


def loadavg():
    return float(Path("/proc/loadavg").read_text().split()[0])


def say(message):
    print(f"{time.strftime('%H:%M:%S')} race: {message} (load {loadavg():.1f})", file=sys.stderr, flush=True)


def lines_of(path):
    return [line.split("\t") for line in path.read_text().splitlines() if line]


class Disturbance:
    """disturb.py pinned to the server's CPU in a session of its own, its dose set by a line on its
    standard input; ends with its input."""

    def __init__(self, cpu, nice):
        self.process = subprocess.Popen(["taskset", "-c", str(cpu), sys.executable,
                                         str(Path(__file__).with_name("disturb.py")), str(nice)],
                                        stdin=subprocess.PIPE, start_new_session=True)

    def dose(self, dose):
        """Sets the dose, a (burn µs, period ms) pair, from the process's next wake-up on."""
        self.process.stdin.write(f"{dose[0]} {dose[1]}\n".encode())
        self.process.stdin.flush()

    def cpu_ns(self):
        return cpu_ns(self.process.pid)

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# the undisturbed dose, which the race's medians and tables are made of
QUIET = "0"


def dose_of(label):
    """(burn µs, period ms) of a --disturb label "BURN/PERIOD" (or QUIET)."""
    if label == QUIET:
        return 0, 0.0
    burn, period = label.split("/")
    return int(burn), float(period)


class Race:
    def __init__(self, args, lab, nsd, sides):
        self.args = args
        self.lab = lab
        self.nsd = nsd
        self.sides = sides
        # the controlled disturbance of --disturb, once the warm-up is over
        self.disturbance = None
        self.chains = [(int(k), name) for k, name in lines_of(lab / "chains.tsv")
                       if not args.hops or int(k) in args.hops]
        self.warm_chains = [(int(k), name) for k, name in lines_of(lab / "warm-chains.tsv")]
        self.samples = {side.label: {"cold": {str(k): [] for k, _ in self.chains}, "warm": [], "fresh": []}
                        for side in sides}
        self.fresh_failures = {}
        self.jit_walks = {}

    def order(self, round_index):
        """The sides' turns in a round's cold samples, taken in turn sample by sample; its warm phase
        goes in the reverse order (warm_order). Every cold sample then follows another side's work on
        the server's CPU, never its own: within a round by the turns, and across rounds because the
        warm phase ends with the side that went first, and the next round, reversed, starts with
        another. Every other round turns the other way, so that each side follows each of its
        neighbours in turn (with a third side, a baseline, no side always follows the same one).
        Back to back (--cold-only), the reversed turn starts at its second side, so that no side goes
        twice in a row at a round's edge; with two sides that is the same order every round."""
        if round_index % 2 == 0:
            return self.sides
        reverse = list(reversed(self.sides))
        return reverse[1:] + reverse[:1] if self.args.cold_only else reverse

    def warm_order(self, round_index):
        return list(reversed(self.order(round_index)))

    def warm_up(self, side):
        """Cold walks and the warm-up mix on names never measured, cold walks again until the JIT is
        done with them, then a flush."""
        for _ in range(self.args.warmup_walks):
            self.warm_walk(side)
        self.dnsperf(side, self.lab / "warmup.txt", ["-l", str(self.args.warmup_seconds), "-q", "100"])
        self.jit_walks[side.label] = self.until_compiled(side)
        side.flush()

    def warm_walk(self, side):
        side.flush()
        for hops, name in self.warm_chains:
            dnsclient.ask("127.0.0.1", side.port, name)

    def until_compiled(self, side):
        """Cold warm-up walks in batches until the threads other than the serving ones used under
        JIT_QUIET of the serving threads' CPU in one; the walks it took, None if still compiling at
        the last. A side whose every thread serves (Unbound) takes none, nor any with --jit-batches 0."""
        if side.serving_threads is None or self.args.jit_batches == 0:
            return 0
        pid = side.process.pid
        for batch in range(1, self.args.jit_batches + 1):
            total, serving = cpu_ns(pid), cpu_ns(pid, side.serving_threads)
            for _ in range(JIT_BATCH):
                self.warm_walk(side)
            serving = cpu_ns(pid, side.serving_threads) - serving
            if cpu_ns(pid) - total - serving <= JIT_QUIET * serving:
                return batch * JIT_BATCH
        say(f"{side.label}: its other threads still used over {JIT_QUIET:.0%} of its serving threads' CPU "
            f"after {self.args.jit_batches * JIT_BATCH} walks for the JIT")
        return None

    def cold(self, side, hops, name, dose=QUIET):
        side.flush()
        if self.disturbance:
            self.disturbance.dose(dose_of(dose))
        self.nsd.clear_queries()
        time.sleep(self.args.pause)
        load = loadavg()
        cpu = cpu_ns(side.process.pid)
        serving = cpu_ns(side.process.pid, side.serving_threads)
        waited = wait_ns(side.process.pid, side.serving_threads)
        disturbing = self.disturbance.cpu_ns() if self.disturbance else 0
        seconds, reply = dnsclient.ask("127.0.0.1", side.port, name)
        waited = wait_ns(side.process.pid, side.serving_threads) - waited
        disturbing = self.disturbance.cpu_ns() - disturbing if self.disturbance else 0
        time.sleep(self.args.settle)
        cpu = cpu_ns(side.process.pid) - cpu
        serving = cpu_ns(side.process.pid, side.serving_threads) - serving
        queries = self.nsd.query_count()
        self.samples[side.label]["cold"][str(hops)].append({
            "us": seconds * 1e6, "cpu_us": cpu / 1e3, "serving_cpu_us": serving / 1e3,
            # the serving threads' wait for their CPU while runnable, from the question to its answer
            # (read just after it): the time other work on that CPU took from this sample
            "serving_wait_us": waited / 1e3, "queries": queries,
            "rcode": reply.rcode,
            "answers": reply.answers, "load": load,
            # the dose beside it, and the CPU the disturbance ran from the question to the answer
            "disturb": dose, "disturb_cpu_us": disturbing / 1e3})

    def warm(self, round_index):
        """A round's warm phase, in warm_order: each side's cache filled with the whole mix and its
        latencies taken at a fixed rate, then the saturating run in slices (--warm-slices), the sides
        taking turns slice by slice, every other slice in the reverse order (A B B A ...). The machine's
        load moves one run's queries per second by ±20% from the next (other work on either CPU takes
        the server's or the client's time), so the sides' runs are short and interleaved, and meet that
        drift alike; each side's figure is the queries of its slices over their time. The last slice
        goes in warm_order, so that the phase ends with its last side, as the rounds' order wants."""
        sides = self.warm_order(round_index)
        mix = self.lab / "mix.txt"
        latencies = {}
        for side in sides:
            self.dnsperf(side, mix, ["-n", "1", "-q", "20"])  # fills the cache with the whole mix
            latencies[side.label] = self.latencies(side, mix)
        slices = {side.label: [] for side in sides}
        count = self.args.warm_slices
        for index in range(count):
            for side in sides if (count - 1 - index) % 2 == 0 else list(reversed(sides)):
                slices[side.label].append(self.saturated(side, mix, self.args.warm_seconds / count))
        for side in sides:
            runs = slices[side.label]
            completed = sum(run["completed"] for run in runs)
            seconds = sum(run["completed"] / run["qps"] for run in runs if run["qps"])
            rcodes = {}
            for run in runs:
                for code, n in run["rcodes"].items():
                    rcodes[code] = rcodes.get(code, 0) + n
            self.samples[side.label]["warm"].append({
                "qps": completed / seconds if seconds else 0.0,
                "cpu_us_per_query": sum(run["cpu_us"] for run in runs) / max(1, completed),
                "lost": sum(run["lost"] for run in runs), "rcodes": rcodes,
                "latency_us": latencies[side.label], "rss_kib": rss_kib(side.process.pid),
                "load": runs[0]["load"], "load_after": loadavg(), "slices": runs})

    def saturated(self, side, mix, seconds):
        """One saturating run of the mix against side: dnsperf's figures and the server's CPU over it."""
        load = loadavg()
        cpu = cpu_ns(side.process.pid)
        run = self.dnsperf(side, mix, ["-l", f"{seconds:g}", "-q", str(self.args.outstanding)])
        return run | {"cpu_us": (cpu_ns(side.process.pid) - cpu) / 1e3, "load": load}

    def latencies(self, side, mix):
        """Latency percentiles at a fixed rate both sides sustain (dnsperf -v prints each reply)."""
        waited = wait_ns(side.process.pid, side.serving_threads)
        output = self.dnsperf(side, mix, ["-l", str(self.args.latency_seconds), "-Q", str(self.args.latency_rate),
                                          "-q", "100", "-v"], parse=False)
        waited = wait_ns(side.process.pid, side.serving_threads) - waited
        values = sorted(float(m.group(1)) * 1e6 for m in re.finditer(r"^> \S+ \S+ \S+ (\d+\.\d+)$", output, re.M))
        if not values:
            raise RuntimeError("dnsperf -v printed no latencies:\n" + output[-2000:])
        return {f"p{p}": values[min(len(values) - 1, int(len(values) * p / 100))] for p in (50, 90, 99, 99.9)} \
            | {"count": len(values),
               # the serving threads' wait for their CPU (other work on it) over the run: what the
               # machine's load put into the tail
               "serving_wait_us": waited / 1e3}

    def dnsperf(self, side, data, extra, parse=True):
        command = ["dnsperf", "-s", "127.0.0.1", "-p", str(side.port), "-d", str(data), "-c", "1", "-T", "1",
                   "-t", "5"] + extra
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        if not parse:
            return output
        qps = float(re.search(r"Queries per second:\s+([\d.]+)", output).group(1))
        lost = int(re.search(r"Queries lost:\s+(\d+)", output).group(1))
        completed = int(re.search(r"Queries completed:\s+(\d+)", output).group(1))
        codes = re.search(r"Response codes:\s+(.*)", output)
        rcodes = dict((code, int(count)) for code, count in re.findall(r"(\w+) (\d+) \(", codes.group(1))) \
            if codes else {}
        return {"qps": qps, "completed": completed, "lost": lost, "rcodes": rcodes}

    def floors(self):
        """The stub's round trip to NSD (one upstream query's floor) and to each resolver's cache, back
        to back and after the cold samples' pause (PAUSED_ASKS asks, the sides taking turns): the
        latter is a cold chain's first read, the question's wake-up after the server idled, without
        the chain; with it, each side's serving CPU and wait for the CPU per ask (medians)."""
        floors = {"nsd_us": self.median_rtt("127.53.1.1", 53, "lab.", "NS")}
        for side in self.sides:
            floors[side.label + "_cached_us"] = self.median_rtt("127.0.0.1", side.port, self.chains[0][1], "A")
        paused = {side.label: [] for side in self.sides}
        for _ in range(PAUSED_ASKS):
            for side in self.order(0):
                time.sleep(self.args.pause)
                pid = side.process.pid
                serving, waited = cpu_ns(pid, side.serving_threads), wait_ns(pid, side.serving_threads)
                seconds, _ = dnsclient.ask("127.0.0.1", side.port, self.chains[0][1])
                paused[side.label].append((seconds * 1e6, (cpu_ns(pid, side.serving_threads) - serving) / 1e3,
                                           (wait_ns(pid, side.serving_threads) - waited) / 1e3))
        for label, asks in paused.items():
            for field, index in (("_cached_after_pause_us", 0), ("_cached_after_pause_cpu_us", 1),
                                 ("_cached_after_pause_wait_us", 2)):
                floors[label + field] = statistics.median(ask[index] for ask in asks)
        return floors | {"load": loadavg()}

    @staticmethod
    def median_rtt(address, port, name, qtype, runs=200):
        return statistics.median(dnsclient.ask(address, port, name, qtype)[0] * 1e6 for _ in range(runs))

    def fresh(self, side):
        """A fresh process: started, asked the 1-hop chain at once, stopped."""
        load = loadavg()
        started = time.perf_counter()
        side.start()
        try:
            total, first, reply = dnsclient.first_answer("127.0.0.1", side.port, self.chains[0][1], started)
            cpu = cpu_ns(side.process.pid)
            self.samples[side.label]["fresh"].append({
                "total_ms": total * 1e3, "last_question_ms": first * 1e3, "cpu_ms": cpu / 1e6,
                "rcode": reply.rcode, "answers": reply.answers, "load": load})
        except TimeoutError as e:
            say(f"{side.label}: no first answer: {e} (its log: {side.process.dir / 'output.log'})")
            self.fresh_failures[side.label] = self.fresh_failures.get(side.label, 0) + 1
        finally:
            side.stop()


def summary(samples, chains, floors):
    out = {"cold": {}, "warm": {}, "fresh": {}}
    med = statistics.median
    for label, sample in samples.items():
        quiet = {k: [s for s in runs if s.get("disturb", QUIET) == QUIET] for k, runs in sample["cold"].items()
                 if runs}
        out["cold"][label] = {k: {"us": med(s["us"] for s in runs), "cpu_us": med(s["cpu_us"] for s in runs),
                                  "serving_cpu_us": med(s["serving_cpu_us"] for s in runs),
                                  "serving_wait_us": med(s["serving_wait_us"] for s in runs),
                                  **unwaited(runs),
                                  "queries": med(s["queries"] for s in runs),
                                  "answers": sorted({(s["rcode"], s["answers"]) for s in runs}),
                                  "load": med(s["load"] for s in runs), "runs": len(runs)}
                              for k, runs in quiet.items()}
        warm = sample["warm"]
        if not warm:
            continue
        out["warm"][label] = {"qps": med(s["qps"] for s in warm), "rss_kib": med(s["rss_kib"] for s in warm),
                              "cpu_us_per_query": med(s["cpu_us_per_query"] for s in warm),
                              "lost": sum(s["lost"] for s in warm), "load": med(s["load"] for s in warm),
                              "qps_low": min(s["qps"] for s in warm), "qps_high": max(s["qps"] for s in warm),
                              "latency_wait_us": med(s["latency_us"].get("serving_wait_us", 0) for s in warm),
                              "runs": len(warm)} | {
            p: med(s["latency_us"][p] for s in warm) for p in ("p50", "p90", "p99", "p99.9")}
        fresh = sample["fresh"]
        if fresh:
            out["fresh"][label] = {"total_ms": med(s["total_ms"] for s in fresh),
                                   "last_question_ms": med(s["last_question_ms"] for s in fresh),
                                   "cpu_ms": med(s["cpu_ms"] for s in fresh),
                                   "load": med(s["load"] for s in fresh), "runs": len(fresh)}
    ours, theirs = out["cold"]["ours"], out["cold"]["Unbound"]
    out["floor_us"] = {k: min(floors["ours_cached_us"], floors["Unbound_cached_us"])
                       + min(ours[k]["queries"], theirs[k]["queries"]) * floors["nsd_us"] for k in ours}
    out["ratios"] = {
        "cold_time": {k: ours[k]["us"] / theirs[k]["us"] for k in ours},
        "cold_queries": {k: ours[k]["queries"] / theirs[k]["queries"] for k in ours},
        "cold_cpu": {k: ours[k]["cpu_us"] / theirs[k]["cpu_us"] for k in ours},
        "cold_serving_cpu": {k: ours[k]["serving_cpu_us"] / theirs[k]["serving_cpu_us"] for k in ours},
    }
    if {"ours", "Unbound"} <= out["warm"].keys():
        ours_warm, their_warm = samples["ours"]["warm"], samples["Unbound"]["warm"]
        # the sides' runs of one round are interleaved, so each round pairs them: its ratio is what the
        # round's load left of the difference, and the median of the rounds' ratios the race's figure
        rounds = [o["qps"] / u["qps"] for o, u in zip(ours_warm, their_warm)]
        pairs = [o["qps"] / u["qps"] for mine, theirs in zip(ours_warm, their_warm)
                 for o, u in zip(mine.get("slices", []), theirs.get("slices", [])) if u["qps"]]
        out["ratios"] |= {
            "warm_cpu_per_query": out["warm"]["ours"]["cpu_us_per_query"] / out["warm"]["Unbound"]["cpu_us_per_query"],
            "warm_qps": statistics.median(rounds),
            "warm_qps_rounds": rounds,
            "warm_qps_slices": pairs,
            "warm_qps_of_medians": out["warm"]["ours"]["qps"] / out["warm"]["Unbound"]["qps"],
            "warm_cpu_rounds": [o["cpu_us_per_query"] / u["cpu_us_per_query"] for o, u in zip(ours_warm, their_warm)],
            "rss": out["warm"]["ours"]["rss_kib"] / out["warm"]["Unbound"]["rss_kib"],
        }
    if {"ours", "Unbound"} <= out["fresh"].keys():
        out["ratios"]["fresh_total"] = out["fresh"]["ours"]["total_ms"] / out["fresh"]["Unbound"]["total_ms"]
    return out


def unwaited(runs):
    """The median time of the samples whose serving threads waited under UNWAITED_US for their CPU,
    and how many those are."""
    these = [s["us"] for s in runs if s["serving_wait_us"] < UNWAITED_US]
    return {"unwaited_us": statistics.median(these) if these else None, "unwaited_runs": len(these)}


def contention(samples):
    """Per dose of --disturb, side and chain length: the samples, their median time and its excess
    over the same side's undisturbed median, the serving threads' median wait for their CPU, the
    disturbance's median CPU inside the samples, and what the side lost per µs the disturbance ran
    in them (its waits summed over the disturbance's CPU summed)."""
    med = statistics.median
    doses = sorted({s.get("disturb", QUIET) for sample in samples.values() for runs in sample["cold"].values()
                    for s in runs}, key=lambda label: (label != QUIET, dose_of(label)[0] / max(dose_of(label)[1], 1e-9)))
    out = {}
    for dose in doses:
        out[dose] = {}
        for label, sample in samples.items():
            out[dose][label] = {}
            for k, runs in sample["cold"].items():
                these = [s for s in runs if s.get("disturb", QUIET) == dose]
                quiet = [s for s in runs if s.get("disturb", QUIET) == QUIET]
                if not these:
                    continue
                ran = sum(s.get("disturb_cpu_us", 0) for s in these)
                out[dose][label][k] = {
                    "runs": len(these), "us": med(s["us"] for s in these),
                    "excess_us": med(s["us"] for s in these) - med(s["us"] for s in quiet) if quiet else None,
                    "serving_wait_us": med(s["serving_wait_us"] for s in these),
                    "mean_wait_us": statistics.fmean(s["serving_wait_us"] for s in these),
                    "disturb_cpu_us": med(s.get("disturb_cpu_us", 0) for s in these),
                    "wait_per_disturb": sum(s["serving_wait_us"] for s in these) / ran if ran else None}
    return out


def contention_table(contention):
    """contention() as text: each dose's rows, each side's figures and ours / Unbound's time."""
    rows = ["dose µs/ms hops | side: median µs (excess over quiet), median wait µs, mean wait µs, "
            "disturbance µs in sample, wait per disturbance µs | time / Unbound's"]
    for dose, sides in contention.items():
        for k in sides.get("Unbound", {}):
            theirs = sides["Unbound"][k]["us"]
            cells = []
            for label, figures in sides.items():
                f = figures[k]
                excess = "" if f["excess_us"] is None else f" ({f['excess_us']:+.0f})"
                per = "-" if f["wait_per_disturb"] is None else f"{f['wait_per_disturb']:.2f}"
                cells.append(f"{label}: {f['us']:.0f}{excess}, {f['serving_wait_us']:.0f}, {f['mean_wait_us']:.0f}, "
                             f"{f['disturb_cpu_us']:.0f}, {per} ({f['us'] / theirs:.2f}) n={f['runs']}")
            rows.append(f"{dose:>9} {k:>4} | " + " | ".join(cells))
    return "\n".join(rows)


def prioritised(nice):
    """The race and all it starts at niceness `nice`, against the machine's other work too: Linux
    weighs the sessions (autogroups) against each other before the processes inside them, so the
    race gets a session of its own and sets the niceness of that. The servers, NSD and the clients
    are started after this and inherit it."""
    try:
        os.setsid()
    except PermissionError:
        raise SystemExit("race: --nice needs a session of its own: run it from a child process (not a group leader)")
    autogroup = Path("/proc/self/autogroup")
    if autogroup.exists():
        autogroup.write_text(str(nice))
    os.setpriority(os.PRIO_PROCESS, 0, nice)


def versions(java):
    def first_line(command):
        result = subprocess.run(command, capture_output=True, text=True)
        return (result.stdout + result.stderr).strip().splitlines()[0]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=Path(__file__).parent).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True,
                           cwd=Path(__file__).parent).stdout.strip()
    dnsperf = subprocess.run(["dnsperf", "-h"], capture_output=True, text=True)
    return {"commit": commit + ("+changes" if dirty else ""), "unbound": first_line(["unbound", "-V"]).replace("Version", "Unbound"),
            "nsd": first_line(["nsd", "-v"]),
            "dnsperf": "dnsperf " + re.search(r"Version (\S+)", dnsperf.stdout + dnsperf.stderr).group(1),
            "java": first_line([java, "-version"]), "kernel": platform.release(), "cpus": os.cpu_count()}


def parser_with_jars(description, out_help):
    """A parser with the options the race's tools share: the JDK, the jars, the output, JVM options, the
    warm-up's settling."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--java", required=True)
    parser.add_argument("--server-jar", required=True, type=Path)
    parser.add_argument("--bench-jar", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path, help=out_help)
    parser.add_argument("--jvm-arg", action="append", default=[], help="a JVM option for our server")
    parser.add_argument("--jit-batches", type=int, default=JIT_BATCHES,
                        help=f"most batches of {JIT_BATCH} cold walks after the warm-up mix, until the JIT is done")
    return parser


def parser_with_walks(description, out_help, walks, walks_help):
    """A parser for a tool that warms our server the race's way and then measures its own walks."""
    parser = parser_with_jars(description, out_help)
    parser.add_argument("--walks", type=int, default=walks, help=walks_help)
    parser.add_argument("--warmup-walks", type=int, default=WARMUP_WALKS)
    parser.add_argument("--warmup-seconds", type=float, default=15)
    parser.add_argument("--pause", type=float, default=0.05, help="seconds between a flush and its chain")
    return parser


def add_hops(parser):
    """A tool's --hops: the chain lengths it walks (the Race walks every chain of the lab without it)."""
    parser.add_argument("--hops", type=int, action="append", default=[],
                        help="a chain length to walk (given again for more; all when not given)")


def resolved(args, *paths):
    """args with the given paths absolute: the servers run in directories of their own."""
    for path in paths:
        if getattr(args, path):
            setattr(args, path, getattr(args, path).resolve())
    return args


def parse_args():
    parser = parser_with_jars(__doc__, "the JSON result file")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (cold and warm)")
    # 4 a round, 20 per chain and side in 5 rounds: with 10, the two or three samples another process
    # delays by 0.3-4 ms on the shared machine decide a median that a few hundred µs separate
    parser.add_argument("--cold-per-round", type=int, default=4, help="cold samples per chain and round")
    parser.add_argument("--fresh-runs", type=int, default=5)
    parser.add_argument("--warm-seconds", type=float, default=8,
                        help="dnsperf's saturating runs per side and round, all slices together")
    parser.add_argument("--warm-slices", type=int, default=4,
                        help="slices of each side's saturating run per round, the sides taking turns slice by slice")
    parser.add_argument("--outstanding", type=int, default=100, help="dnsperf -q of the saturating run")
    parser.add_argument("--latency-seconds", type=float, default=4)
    parser.add_argument("--latency-rate", type=int, default=2000, help="dnsperf -Q of the latency run")
    parser.add_argument("--warmup-walks", type=int, default=WARMUP_WALKS, help="flushes and cold warm-up chains")
    parser.add_argument("--warmup-seconds", type=float, default=15)
    parser.add_argument("--pause", type=float, default=0.05, help="seconds between a flush and its cold question")
    parser.add_argument("--settle", type=float, default=0.3, help="seconds after an answer before counting queries")
    parser.add_argument("--hops", type=lambda text: {int(k) for k in text.split(",")},
                        help="the chain lengths walked, e.g. 1,2 (default: every chain of the lab)")
    parser.add_argument("--disturb", action="append", default=[], metavar="BURN/PERIOD",
                        help="a dose of controlled disturbance: a process in a session of its own, pinned to the "
                             "server's CPU, burning BURN µs of it every PERIOD ms on average (disturb.py); given "
                             "several times, each cold sample is taken at every dose and undisturbed, in turn, for "
                             "both sides, e.g. --disturb 200/10 --disturb 500/5")
    parser.add_argument("--server-cpu", type=int, default=0)
    parser.add_argument("--client-cpu", type=int, default=1)
    parser.add_argument("--cold-only", action="store_true",
                        help="the cold chains alone (no warm rounds, no fresh processes), printed as a table: "
                             "a change's before and after in minutes, with --baseline-jar")
    parser.add_argument("--warm-only", action="store_true",
                        help="the warm phase alone (no cold samples, floors or fresh processes), printed as a table "
                             "of each side against Unbound round by round: a change's before and after, with "
                             "--baseline-jar")
    parser.add_argument("--nice", type=int, default=0,
                        help="niceness of the race's own session and all it starts (both servers, NSD, the clients), "
                             "e.g. -20 on a machine loaded by other work: both sides then wait far less for their CPU")
    parser.add_argument("--baseline-jar", type=Path,
                        help="another build of our server, raced as a third side: before and after a change")
    parser.add_argument("--baseline-jvm-options", type=Path, default=JVM_OPTIONS,
                        help="a script printing the baseline's JVM options as bin/serve-jvm-options does "
                             "(given the same arguments): before and after a change of them")
    parser.add_argument("--candidate-jvm-options", type=Path, action="append", default=[],
                        help="a script printing JVM options as bin/serve-jvm-options does: our jar started with them "
                             "as one more side, named by the script's file name; given several times, several "
                             "option sets raced side by side against the current ones in one run")
    args = resolved(parser.parse_args(), "server_jar", "bench_jar", "out", "baseline_jar", "baseline_jvm_options")
    if args.warm_only and (args.cold_only or args.disturb):
        parser.error("--warm-only has no cold samples to take alone or disturbed")
    for dose in args.disturb:
        if not re.fullmatch(r"\d+/\d+(\.\d+)?", dose) or not 0 < dose_of(dose)[1] <= 20:
            parser.error(f"--disturb {dose}: BURN µs / PERIOD ms, the period above 0 and at most 20 ms "
                         f"(it must change within the pause before a sample)")
    args.candidate_jvm_options = [script.resolve() for script in args.candidate_jvm_options]
    labels = ["ours", "Unbound", "baseline"] + [script.name for script in args.candidate_jvm_options]
    if len(set(labels)) < len(labels):
        parser.error("each --candidate-jvm-options script needs a file name of its own, "
                     "neither ours, Unbound nor baseline")
    return args


def main():
    args = parse_args()
    begun = time.monotonic()
    os.sched_setaffinity(0, {args.client_cpu})  # the clients, NSD and the control tools inherit it
    if args.nice:
        prioritised(args.nice)
    meta = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "load_start": loadavg(),
            "versions": versions(args.java), "config": {k: str(v) for k, v in vars(args).items()}}
    with tempfile.TemporaryDirectory(prefix="race-") as work:
        work = Path(work)
        lab = work / "lab"
        subprocess.run([args.java, "-cp", str(args.bench_jar), "org.dnschase.resolver.bench.race.RaceLab", str(lab)],
                       check=True)
        say("lab written; starting NSD")
        nsd = Nsd(lab, work, 53, args.client_cpu)
        ours = Ours(lab, work, args.server_cpu, args.java, args.server_jar, args.jvm_arg)
        unbound = Unbound(lab, work, args.server_cpu)
        sides = [ours, unbound]
        if args.baseline_jar:
            sides.append(Ours(lab, work, args.server_cpu, args.java, args.baseline_jar, args.jvm_arg, "baseline",
                              jvm_options=args.baseline_jvm_options))
        for script in args.candidate_jvm_options:
            sides.append(Ours(lab, work, args.server_cpu, args.java, args.server_jar, args.jvm_arg, script.name,
                              jvm_options=script))
        disturbance = None
        try:
            race = Race(args, lab, nsd, sides)
            for side in sides:
                wait_answering(side.start(), side.port)
            for side in sides:
                say(f"warming {side.label} up")
                race.warm_up(side)
            doses = [QUIET] + args.disturb
            if args.disturb:
                disturbance = race.disturbance = Disturbance(args.server_cpu, args.nice)
            for round_index in range(args.rounds):
                say(f"round {round_index + 1} of {args.rounds}")
                for hops, name in [] if args.warm_only else race.chains:
                    for sample in range(args.cold_per_round):
                        # each dose first in turn, so the load's drift meets them all
                        turn = (sample + round_index) % len(doses)
                        for dose in doses[turn:] + doses[:turn]:
                            for side in race.order(round_index):
                                race.cold(side, hops, name, dose)
                if disturbance:
                    disturbance.dose(dose_of(QUIET))  # the warm phase undisturbed
                if not args.cold_only:
                    race.warm(round_index)
            if disturbance:
                disturbance.stop()
                disturbance = race.disturbance = None
            floors = {} if args.warm_only else race.floors()
            # what each side holds resident after its warm-up and the rounds (the warm mix's is in
            # its samples): in a cold-only run, a JVM option's memory cost beside its cold figures
            resident_kib = {side.label: rss_kib(side.process.pid) for side in sides}
            for side in sides:
                side.stop()
            if not args.cold_only and not args.warm_only:
                say("fresh processes")
                for round_index in range(args.fresh_runs):
                    for side in race.order(round_index):
                        race.fresh(side)
        finally:
            if disturbance:
                disturbance.stop()
            for side in sides:
                side.stop()
            nsd.stop()
    result = {"meta": meta | {"load_end": loadavg(), "seconds": time.monotonic() - begun,
                              "jit_walks": race.jit_walks},
              "floors": floors, "resident_kib": resident_kib,
              "summary": summary(race.samples, race.chains, floors), "samples": race.samples,
              "contention": contention(race.samples) if args.disturb else None,
              "fresh_failures": race.fresh_failures}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    say(f"done in {result['meta']['seconds']:.0f} s; results in {args.out}")
    if args.cold_only:
        print(cold_table(result["summary"], [side.label for side in sides]))
        print("the serving threads' wait for their CPU, median µs per sample for " + ", ".join(race.samples[
            "Unbound"]["cold"]) + " hops: " + "; ".join(label + " " + " / ".join(
                f"{result['summary']['cold'][label][k]['serving_wait_us']:.0f}" for k in result["summary"]["cold"][label])
                for label in result["summary"]["cold"]))
        print(f"the samples whose serving threads waited under {UNWAITED_US} µs for their CPU, median µs "
              f"(samples) for " + ", ".join(race.samples["Unbound"]["cold"]) + " hops: " + "; ".join(
                  label + " " + " / ".join(unwaited_text(result["summary"]["cold"][label][k])
                                           for k in result["summary"]["cold"][label])
                  for label in result["summary"]["cold"]))
        print("the stub's round trip to each side's cache, back to back / after the pause (serving CPU, "
              "wait for the CPU): " + "; ".join(
                  f"{side.label} {floors[side.label + '_cached_us']:.0f} / "
                  f"{floors[side.label + '_cached_after_pause_us']:.0f} µs "
                  f"({floors[side.label + '_cached_after_pause_cpu_us']:.0f}, "
                  f"{floors[side.label + '_cached_after_pause_wait_us']:.0f})" for side in sides))
        print("resident set after the rounds: " + ", ".join(
            f"{label} {kib / 1024:.1f} MiB" for label, kib in resident_kib.items()))
    if args.warm_only:
        print(warm_table(race.samples))
    if args.disturb:
        print(contention_table(result["contention"]))


def unwaited_text(cold):
    """A side's unwaited median at one length and its samples, as text."""
    return ("-" if cold["unwaited_us"] is None else f"{cold['unwaited_us']:.0f}") + f" ({cold['unwaited_runs']})"


def warm_table(samples):
    """Each side's warm rounds against Unbound's of the same round: queries per second and CPU per
    query, the median of the rounds' ratios and their range."""
    rows = ["side      | queries/s (× Unbound, the rounds' median, their range) | CPU µs/query (×) | load"]
    theirs = samples["Unbound"]["warm"]
    for label, sample in samples.items():
        mine = sample["warm"]
        qps = [o["qps"] / u["qps"] for o, u in zip(mine, theirs)]
        cpu = [o["cpu_us_per_query"] / u["cpu_us_per_query"] for o, u in zip(mine, theirs)]
        rows.append(f"{label:<9} | {statistics.median(s['qps'] for s in mine):9.0f} ({statistics.median(qps):4.2f}, "
                    f"{min(qps):4.2f}-{max(qps):4.2f}) | {statistics.median(s['cpu_us_per_query'] for s in mine):5.2f} "
                    f"({statistics.median(cpu):4.2f}, {min(cpu):4.2f}-{max(cpu):4.2f}) "
                    f"| {statistics.median(s['load'] for s in mine):.1f}")
    return "\n".join(rows)


def cold_table(summary, labels):
    """The cold medians of each side, and each side's time and CPU as a ratio to Unbound's."""
    cold = summary["cold"]
    heading = "µs (× Unbound), CPU µs (×), serving CPU µs (×), queries"
    rows = ["hops " + "".join(f"| {label:>50} " for label in labels) + "| load",
            "     " + "".join(f"| {heading:>50} " for _ in labels) + "|"]
    for k in cold["Unbound"]:
        theirs = cold["Unbound"][k]
        rows.append(f"{k:>4} " + "".join(
            f"| {cold[label][k]['us']:7.0f} ({cold[label][k]['us'] / theirs['us']:4.2f}) "
            f"{cold[label][k]['cpu_us']:6.0f} ({cold[label][k]['cpu_us'] / theirs['cpu_us']:4.2f}) "
            f"{cold[label][k]['serving_cpu_us']:6.0f} ({cold[label][k]['serving_cpu_us'] / theirs['serving_cpu_us']:4.2f}) "
            f"{cold[label][k]['queries']:3.0f} " for label in labels)
            + f"| {theirs['load']:.1f}")
    return "\n".join(rows)


if __name__ == "__main__":
    main()
