package org.dnschase.resolver.bench.load;

import org.dnschase.resolver.Resolution;
import org.xbill.DNS.Name;

/**
 * One question of the mix and the outcome the lab's data calls for, so that a run also counts
 * outcomes of the wrong kind (a failure is counted by its reason, never as wrong).
 *
 * @param name the name to resolve
 * @param type a dnsjava {@link org.xbill.DNS.Type} constant
 * @param kind what the name is in the lab
 */
record Question(Name name, int type, Kind kind) {

  /** What a question's name is in the lab, and the outcome it must get. */
  enum Kind {
    HOST(Resolution.Answer.class),
    CHAIN(Resolution.Answer.class),
    DNAME(Resolution.Answer.class),
    NXDOMAIN(Resolution.NxDomain.class),
    NODATA(Resolution.NoData.class),
    DANGLING(Resolution.NxDomain.class),
    HOSTILE(Resolution.Answer.class);

    private final Class<? extends Resolution> expected;

    Kind(Class<? extends Resolution> expected) {
      this.expected = expected;
    }

    /** Whether {@code outcome} is a failure or of the kind the lab's data calls for. */
    boolean fits(Resolution outcome) {
      return outcome instanceof Resolution.Failure || expected.isInstance(outcome);
    }
  }
}
