/**
 * The RRset cache of the resolver: Caffeine-backed, with TTLs, trust ranks and a byte budget.
 * Only the API package is exported.
 */
module org.dnschase.resolver.cache {
  requires transitive com.github.benmanes.caffeine;
  requires transitive org.dnsjava;

  exports org.dnschase.resolver.cache;
}
