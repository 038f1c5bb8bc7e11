package org.dnschase.resolver.bench;

import org.dnschase.resolver.testkit.TestHierarchy;

/**
 * The authoritative servers a side-by-side resolves against, as far as a run needs them: how many
 * queries they answered since the last {@link #clearQueries()}, counted by the servers themselves
 * so that both resolvers are counted the same way.
 */
interface Upstream {

  void clearQueries() throws Exception;

  int queryCount() throws Exception;

  /** The testkit's servers, which record every query they get. */
  static Upstream of(TestHierarchy lab) {
    return new Upstream() {
      @Override
      public void clearQueries() {
        lab.clearQueries();
      }

      @Override
      public int queryCount() {
        return lab.queryCount();
      }
    };
  }
}
