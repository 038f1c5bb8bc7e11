/**
 * JMH benchmarks of chain resolution, ours beside the Java peers, all on the loopback lab of
 * {@link org.dnschase.resolver.bench.BenchLab}: chains of 1, 2, 4, 8 and 12 CNAME hops that
 * alternate between two zones.
 *
 * <ul>
 *   <li>{@link org.dnschase.resolver.bench.CachedChainBenchmark}: a fully cached chain through our
 *       resolver; {@link org.dnschase.resolver.bench.DnsjavaCachedChainBenchmark} the same records
 *       through dnsjava's {@code LookupSession} and {@code Lookup}.
 *   <li>{@link org.dnschase.resolver.bench.ColdChainBenchmark}: the same chains from an empty
 *       cache, walking the lab's servers.
 *   <li>{@link org.dnschase.resolver.bench.MiniDnsChainBenchmark}: MiniDNS's iterative resolver on
 *       both workloads.
 *   <li>{@link org.dnschase.resolver.bench.MetricsOverheadBenchmark}: the cached 8-hop chain with
 *       metrics on and off; {@link org.dnschase.resolver.bench.ValidationCachedBenchmark} and
 *       {@link org.dnschase.resolver.bench.ValidationColdBenchmark}: cached and cold chains over the
 *       lab signed and validated against the same lab unsigned, the price of DNSSEC validation.
 * </ul>
 *
 * <p>Run them with {@code bin/bench} at the repository root (arguments go to JMH); the defaults
 * (one fork, 3 warm-up and 5 measured iterations of a second; three forks for the same-run
 * comparisons) keep the whole suite under ten minutes. Results and how to read them: {@code resolver-bench/RESULTS.md}.
 */
package org.dnschase.resolver.bench;
