/**
 * The RRset cache: {@link org.dnschase.resolver.cache.RRsetCache}, built by {@link
 * org.dnschase.resolver.cache.RRsetCacheBuilder}, answering with a {@link
 * org.dnschase.resolver.cache.CacheLookup} and ranking data by {@link
 * org.dnschase.resolver.cache.TrustRank}. Everything else lives in the non-exported {@code
 * internal} package.
 */
package org.dnschase.resolver.cache;
