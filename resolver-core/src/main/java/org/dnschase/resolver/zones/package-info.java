/**
 * Zones whose servers or data are configured instead of found from the root, as in Unbound's
 * {@code forward-zone:}, {@code stub-zone:} and {@code auth-zone:}: a {@link
 * org.dnschase.resolver.zones.ForwardZone} sends its names to recursive servers, a {@link
 * org.dnschase.resolver.zones.StubZone} walks its names from authoritative servers, an {@link
 * org.dnschase.resolver.zones.AuthZone} answers its names from its own data. They are given to
 * {@code ResolverBuilder.forwardZone}, {@code stubZone} and {@code authZone}.
 *
 * <p>The deepest configured zone at or above a name decides where its resolution starts: it wins
 * over zone cuts the cache knows above it. A forward zone also wins over cuts cached below it (its
 * names only ever go to its servers); under a stub or auth zone, a cut cached below it (learnt from
 * its servers' or its data's referrals) is where the walk goes on. With {@code first}, a zone whose servers all
 * failed is resolved from the root instead, as if it were not configured.
 *
 * <p>The zones the resolver serves itself without being told, special-use names and locally
 * served zones as Unbound serves them by default, are the {@link
 * org.dnschase.resolver.zones.SpecialUseName}s; a configured zone at or below one of them wins.
 */
package org.dnschase.resolver.zones;
