package org.dnschase.resolver.testkit.scenario;

import java.util.Optional;

/** The {@code ADJUST} options this replayer implements (FORMAT §8, Deckard's meaning). */
public enum Adjust {
  /**
   * Copy the query's ID, and replace the owner of the template's question with the query's name
   * (letter case kept; type and class stay). The answer's EDNS mirrors the query's.
   */
  COPY_ID("copy_id"),
  /** Replace the whole question section with the query's; EDNS mirrors the query's. */
  COPY_QUERY("copy_query"),
  /** Send nothing: the query times out. */
  DO_NOT_ANSWER("do_not_answer");

  private final String option;

  Adjust(String option) {
    this.option = option;
  }

  /** {@return the option as written after ADJUST} */
  public String option() {
    return option;
  }

  static Optional<Adjust> of(String text) {
    for (Adjust adjust : values()) {
      if (adjust.option.equals(text)) {
        return Optional.of(adjust);
      }
    }
    return Optional.empty();
  }
}
