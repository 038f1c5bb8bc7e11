/**
 * Conformance: the public resolver scenarios (Deckard / Unbound testbound {@code .rpl} files)
 * replayed against our {@link org.dnschase.resolver.Resolver}, plus our own scenarios in the
 * same format under the test resources' {@code conformance/}.
 *
 * <p>The scripted servers and the parser are resolver-testkit's
 * {@code org.dnschase.resolver.testkit.scenario}; here the resolver is built from the scenario's
 * CONFIG ({@link org.dnschase.resolver.conformance.ResolverSetup}), given a transport that answers
 * in memory by destination address, so no packet leaves the machine although the scenarios name
 * public addresses ({@link org.dnschase.resolver.conformance.ScenarioTransport}), and a clock
 * only TIME_PASSES moves ({@link org.dnschase.resolver.conformance.ScenarioClock}). Its answers
 * are turned into responses by {@link org.dnschase.resolver.spi.Responses} and compared as Deckard
 * does.
 *
 * <p>Running another corpus: {@code -Dconformance.dir=<folder>} or {@code CONFORMANCE_DIR}.
 * Seeing past unforeseen upstream queries: {@code -Dconformance.lenient=true}. What is known not
 * to pass yet, and why: {@link org.dnschase.resolver.conformance.KnownGaps}.
 */
package org.dnschase.resolver.conformance;
