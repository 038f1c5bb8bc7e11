/**
 * The resolver's public API: {@link org.dnschase.resolver.Resolver} and its builder, the
 * {@link org.dnschase.resolver.Resolution} outcomes with their {@link org.dnschase.resolver.Hop}
 * chains, {@link org.dnschase.resolver.Diagnostic}s and {@link org.dnschase.resolver.TraceEvent}s,
 * and the {@link org.dnschase.resolver.RootHints} and {@link org.dnschase.resolver.Budgets} a
 * resolver is built with. Everything under {@code internal} is not API.
 */
package org.dnschase.resolver;
