/**
 * The CNAME rules, written once: the resolver reports them when answers break them, the testkit's
 * zone check finds them in zone files. Needs only dnsjava, so both can sit on it.
 */
module org.dnschase.resolver.rules {
  requires transitive org.dnsjava;

  exports org.dnschase.resolver.rules;
}
