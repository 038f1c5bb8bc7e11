/**
 * The resolver's public API: {@link org.dnschase.resolver.Resolver} and its builder, the
 * {@link org.dnschase.resolver.Resolution} outcomes with their {@link org.dnschase.resolver.Hop}
 * chains, {@link org.dnschase.resolver.Diagnostic}s and {@link org.dnschase.resolver.TraceEvent}s,
 * and the {@link org.dnschase.resolver.RootHints} and {@link org.dnschase.resolver.Budgets} a
 * resolver is built with: all an application that resolves names needs. What a server or a
 * conformance runner needs beyond it, a transport of its own and the DNS response for an outcome,
 * is in {@code org.dnschase.resolver.spi}. Everything under {@code internal} is not API, and the
 * module does not export it.
 */
package org.dnschase.resolver;
