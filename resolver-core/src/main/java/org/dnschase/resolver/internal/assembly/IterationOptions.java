package org.dnschase.resolver.internal.assembly;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.zones.SpecialUseName;
import org.xbill.DNS.Type;

/**
 * How the walk goes: where it starts (root hints), its limits (budgets), what servers above a
 * name see of it (QNAME minimisation), which chains it reports as long and which special-use
 * names it answers itself.
 */
public final class IterationOptions {

  private final Setting<RootHints> rootHints = new Setting<>("rootHints");
  private final Setting<Budgets> budgets = new Setting<>("budgets");
  private final Setting<Boolean> qnameMinimisation = new Setting<>("qnameMinimisation");
  private final Setting<Integer> minimisedQuestionType = new Setting<>("qnameMinimisationType");
  private final Setting<Integer> longChainThreshold = new Setting<>("longChainThreshold");
  private final Setting<Set<SpecialUseName>> specialUseNames = new Setting<>("specialUseNames");

  IterationOptions() {}

  public void rootHints(RootHints hints) {
    rootHints.requireUnset();
    rootHints.set(Objects.requireNonNull(hints, "hints"));
  }

  public void budgets(Budgets limits) {
    budgets.requireUnset();
    budgets.set(Objects.requireNonNull(limits, "limits"));
  }

  public void qnameMinimisation(boolean enabled) {
    qnameMinimisation.set(enabled);
  }

  public void minimisedQuestionType(int type) {
    minimisedQuestionType.requireUnset();
    if (type != Type.NS && type != Type.A) {
      throw new IllegalArgumentException("minimised questions ask for NS or A, not " + Type.string(type));
    }
    minimisedQuestionType.set(type);
  }

  public void longChainThreshold(int hops) {
    longChainThreshold.requireUnset();
    if (hops < 1) {
      throw new IllegalArgumentException("longChainThreshold must be positive, was " + hops);
    }
    longChainThreshold.set(hops);
  }

  public void specialUseNames(Set<SpecialUseName> names) {
    specialUseNames.requireUnset();
    specialUseNames.set(Set.copyOf(Objects.requireNonNull(names, "names")));
  }

  boolean rootHintsGiven() {
    return rootHints.isSet();
  }

  /** The hints given, else the IANA ones, which are read and parsed only then. */
  RootHints rootHintsOrDefault() {
    return rootHints.isSet() ? rootHints.value() : RootHints.iana();
  }

  Budgets budgetsOrDefault() {
    return budgets.orElse(Budgets.DEFAULTS);
  }

  boolean qnameMinimisationOrDefault() {
    return qnameMinimisation.orElse(Defaults.QNAME_MINIMISATION);
  }

  int minimisedQuestionTypeOrDefault() {
    return minimisedQuestionType.orElse(Defaults.MINIMISED_QUESTION_TYPE);
  }

  int longChainThresholdOrDefault() {
    return longChainThreshold.orElse(Defaults.LONG_CHAIN_THRESHOLD);
  }

  Set<SpecialUseName> specialUseNamesOrDefault() {
    return specialUseNames.isSet() ? specialUseNames.value() : EnumSet.allOf(SpecialUseName.class);
  }
}
