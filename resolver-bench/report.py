#!/usr/bin/env python3
"""Turns a JMH JSON result file (bin/bench ... -rf json -rff FILE) into the Markdown tables of
RESULTS.md, with the ratios ours/peer computed from that one run: these machines are noisy, so
only ratios measured side by side mean much. Averaged benchmarks (cached) are given as mean ±
JMH's 99.9% error; sampled ones (cold) as median, with the 90th percentile beside it."""
import json
import sys

PKG = "org.dnschase.resolver.bench."
OURS_CACHED = "CachedChainBenchmark.resolve"
OURS_COLD = "ColdChainBenchmark.resolve"
CACHED_PEERS = [("dnsjava LookupSession", "DnsjavaCachedChainBenchmark.lookupSession"),
                ("dnsjava Lookup", "DnsjavaCachedChainBenchmark.lookup"),
                ("MiniDNS", "MiniDnsChainBenchmark.cached")]
COLD_PEERS = [("MiniDNS", "MiniDnsChainBenchmark.cold")]


class Result:
    def __init__(self, run):
        metric = run["primaryMetric"]
        self.unit = metric["scoreUnit"].replace("/op", "")
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        self.bytes = alloc["score"] if alloc else None
        if run["mode"] == "sample":
            self.score = metric["scorePercentiles"]["50.0"]
            self.text = f"{self.score:,.0f} (p90 {metric['scorePercentiles']['90.0']:,.0f})"
        else:
            self.score = metric["score"]
            self.text = f"{self.score:,.0f} ± {metric['scoreError']:,.0f}"


def load(path):
    # other benchmarks of the module (the cache's, say) have no chain length: not ours to tabulate
    return {(run["benchmark"].removeprefix(PKG), int(run["params"]["hops"])): Result(run)
            for run in json.load(open(path)) if "hops" in run.get("params", {})}


def table(results, title, ours, peers):
    hops = sorted({h for (name, h) in results if name == ours})
    if not hops:
        return
    unit = results[(ours, hops[0])].unit
    present = [(label, key) for label, key in peers if any((key, h) in results for h in hops)]
    print(f"#### {title} ({unit} per resolution; B = bytes allocated per resolution)\n")
    head = ["hops", f"ours {unit}", "ours B"]
    for label, _ in present:
        head += [f"{label} {unit}", f"{label} B", f"ours / {label}"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for h in hops:
        mine = results[(ours, h)]
        row = [str(h), mine.text, bytes_text(mine)]
        for _, key in present:
            peer = results.get((key, h))
            row += ["not run", "", ""] if peer is None else [
                peer.text, bytes_text(peer), f"{mine.score / peer.score:.2f}"]
        print("| " + " | ".join(row) + " |")
    print()


def bytes_text(result):
    return "n/a" if result.bytes is None else f"{result.bytes:,.0f}"


def main():
    results = load(sys.argv[1])
    table(results, "Cached chain, mean ± 99.9% error", OURS_CACHED, CACHED_PEERS)
    table(results, "Cold chain, median (90th percentile)", OURS_COLD, COLD_PEERS)


if __name__ == "__main__":
    main()
