#!/usr/bin/env python3
"""Turns a JMH JSON result file (bin/bench ... -rf json -rff FILE) into the Markdown tables of
RESULTS.md, with the ratios ours/peer computed from that one run (the machines are noisy, so
only ratios measured side by side mean much)."""
import json
import sys

PKG = "org.dnschase.resolver.bench."
OURS_CACHED = "CachedChainBenchmark.resolve"
OURS_COLD = "ColdChainBenchmark.resolve"
CACHED_PEERS = [("dnsjava LookupSession", "DnsjavaCachedChainBenchmark.lookupSession"),
                ("dnsjava Lookup", "DnsjavaCachedChainBenchmark.lookup"),
                ("MiniDNS", "MiniDnsChainBenchmark.cached")]
COLD_PEERS = [("MiniDNS", "MiniDnsChainBenchmark.cold")]


def load(path):
    results = {}
    for run in json.load(open(path)):
        name = run["benchmark"].removeprefix(PKG)
        hops = int(run["params"]["hops"])
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        results[(name, hops)] = (run["primaryMetric"]["score"], run["primaryMetric"]["scoreError"],
                                 run["primaryMetric"]["scoreUnit"], alloc["score"] if alloc else None)
    return results


def cell(value, digits=0):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def table(results, title, ours, peers):
    hops = sorted({h for (name, h) in results if name == ours})
    if not hops:
        return
    unit = results[(ours, hops[0])][2]
    present = [(label, key) for label, key in peers if any((key, h) in results for h in hops)]
    print(f"### {title} ({unit}, ± is JMH's 99.9% error; B/op from -prof gc)\n")
    head = ["hops", f"ours {unit}", "ours B/op"]
    for label, _ in present:
        head += [f"{label} {unit}", f"{label} B/op", f"ours / {label}"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for h in hops:
        score, error, _, alloc = results[(ours, h)]
        row = [str(h), f"{cell(score, 1)} ± {cell(error, 1)}", cell(alloc)]
        for _, key in present:
            peer = results.get((key, h))
            if peer is None:
                row += ["not run", "", ""]
            else:
                row += [f"{cell(peer[0], 1)} ± {cell(peer[1], 1)}", cell(peer[3]), f"{score / peer[0]:.2f}"]
        print("| " + " | ".join(row) + " |")
    print()


def main():
    results = load(sys.argv[1])
    table(results, "Cached chain", OURS_CACHED, CACHED_PEERS)
    table(results, "Cold chain", OURS_COLD, COLD_PEERS)


if __name__ == "__main__":
    main()
