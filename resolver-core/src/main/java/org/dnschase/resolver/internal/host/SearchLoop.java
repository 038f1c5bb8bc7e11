package org.dnschase.resolver.internal.host;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.xbill.DNS.Name;

/**
 * The C library's res_search loop over a name's {@link SearchCandidates}: each asked in turn until
 * one is found. When none is, the outcome is the first that was not a nonexistent name (a NODATA
 * or a failure says more about the name than NXDOMAIN does), else the last.
 */
final class SearchLoop {

  private SearchLoop() {}

  /**
   * @param candidates the names to ask, in order, at least one
   * @param ask what asks one of them, never completing exceptionally
   * @param found whether an outcome ends the search
   * @param nonexistent whether an outcome says only that the name does not exist
   */
  static <T> CompletableFuture<T> first(List<Name> candidates, Function<Name, CompletableFuture<T>> ask,
      Predicate<T> found, Predicate<T> nonexistent) {
    return from(candidates, 0, ask, found, nonexistent, null);
  }

  private static <T> CompletableFuture<T> from(List<Name> candidates, int index,
      Function<Name, CompletableFuture<T>> ask, Predicate<T> found, Predicate<T> nonexistent, T telling) {
    return ask.apply(candidates.get(index)).thenCompose(outcome -> {
      if (found.test(outcome)) {
        return CompletableFuture.completedFuture(outcome);
      }
      T best = telling != null ? telling : nonexistent.test(outcome) ? null : outcome;
      if (index + 1 == candidates.size()) {
        return CompletableFuture.completedFuture(best != null ? best : outcome);
      }
      return from(candidates, index + 1, ask, found, nonexistent, best);
    });
  }
}
