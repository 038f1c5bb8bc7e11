package org.dnschase.resolver.internal.iterate;

import java.util.List;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.internal.dnssec.Verdict;
import org.xbill.DNS.Name;

/**
 * How a child query ended, as its parent reads it in the state it resumes at: the child's
 * question, its chain, its internal {@link Outcome} and what validation made of it, never a
 * public resolution to take apart.
 */
record ChildOutcome(Name name, int type, List<Hop> chain, Outcome outcome, Verdict verdict) {

  /** The name the child's data or negative answer is at: its own, or its chain's last target. */
  Name finalName() {
    return chain.isEmpty() ? name : chain.get(chain.size() - 1).target();
  }
}
