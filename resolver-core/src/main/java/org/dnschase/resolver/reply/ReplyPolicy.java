package org.dnschase.resolver.reply;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.internal.reply.PrivateAddresses;

/**
 * What of a server's reply the resolver keeps, beyond what the bailiwick rules already drop: an
 * immutable value given to {@code ResolverBuilder.replyPolicy}. {@link #defaults()} is Unbound's:
 * the NS sets that answers carry are dropped, glue is used as the referral gives it, and no
 * address is filtered. New settings of this kind belong here, as {@code with} methods.
 */
public final class ReplyPolicy {

  private static final ReplyPolicy DEFAULTS =
      new ReplyPolicy(Defaults.CACHE_ANSWER_NAME_SERVERS, Defaults.VERIFY_GLUE, List.of(), List.of());

  private final boolean answerNameServersCached;
  private final boolean glueVerified;
  private final List<String> privateNetblocks;
  private final List<String> privateDomains;

  private ReplyPolicy(boolean answerNameServersCached, boolean glueVerified, List<String> privateNetblocks,
      List<String> privateDomains) {
    this.answerNameServersCached = answerNameServersCached;
    this.glueVerified = glueVerified;
    this.privateNetblocks = privateNetblocks;
    this.privateDomains = privateDomains;
  }

  /**
   * Unbound's defaults: {@link Defaults#CACHE_ANSWER_NAME_SERVERS}, {@link Defaults#VERIFY_GLUE},
   * no private-address filter.
   *
   * @return the default policy
   */
  public static ReplyPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Whether the NS set a zone's server sends beside an answer, and its addresses, are cached as
   * the zone's delegation (Unbound's {@code iter-scrub-promiscuous: no}). Off by default, as in
   * Unbound since 1.24.1: an unsolicited NS set can take over the zone (CVE-2025-11411). On, only
   * the NS set of the zone the server was asked as is taken, at the rank of its reply.
   *
   * @param enabled whether to cache the NS sets that answers carry
   * @return this policy with that setting
   */
  public ReplyPolicy withAnswerNameServersCached(boolean enabled) {
    return new ReplyPolicy(enabled, glueVerified, privateNetblocks, privateDomains);
  }

  /**
   * Whether a referral's glue for a name server outside the delegated zone (a sibling zone's) is
   * verified before use (Unbound's {@code harden-unverified-glue}), off by default: on, the
   * server's address is looked up, and the glue is used only when that look-up finds none.
   *
   * @param enabled whether to look up such name servers before trusting their glue
   * @return this policy with that setting
   */
  public ReplyPolicy withGlueVerified(boolean enabled) {
    return new ReplyPolicy(answerNameServersCached, enabled, privateNetblocks, privateDomains);
  }

  /**
   * A private-address filter (Unbound's {@code private-address} and {@code private-domain}): a
   * record of a reply that points into {@code netblocks} (A, AAAA, SVCB/HTTPS hints) is dropped
   * unless its owner is at or below one of {@code allowedDomains}, so a public name cannot lead
   * into the local network (DNS rebinding); a name left with no address is NODATA.
   *
   * @param netblocks addresses or {@code address/length} prefixes, IPv4 or IPv6, e.g.
   *     {@code "10.0.0.0/8"}, {@code "fd00::/8"}; none for no filter
   * @param allowedDomains domains whose names may point into the netblocks, e.g. the local one
   * @return this policy with that filter in place of any before
   * @throws IllegalArgumentException naming a netblock or domain that does not parse
   */
  public ReplyPolicy withPrivateAddresses(Collection<String> netblocks, Collection<String> allowedDomains) {
    List<String> blocks = List.copyOf(Objects.requireNonNull(netblocks, "netblocks"));
    List<String> domains = List.copyOf(Objects.requireNonNull(allowedDomains, "allowedDomains"));
    PrivateAddresses.of(blocks, domains); // refuses what does not parse, here rather than at build
    return new ReplyPolicy(answerNameServersCached, glueVerified, blocks, domains);
  }

  /**
   * Whether answers' NS sets are cached.
   *
   * @return whether answers' NS sets are cached
   */
  public boolean answerNameServersCached() {
    return answerNameServersCached;
  }

  /**
   * Whether out-of-zone glue is verified before use.
   *
   * @return whether out-of-zone glue is verified
   */
  public boolean glueVerified() {
    return glueVerified;
  }

  /**
   * The private netblocks filtered.
   *
   * @return the netblocks, empty for none
   */
  public List<String> privateNetblocks() {
    return privateNetblocks;
  }

  /**
   * The domains whose names may point into the private netblocks.
   *
   * @return the allowed domains
   */
  public List<String> privateDomains() {
    return privateDomains;
  }

  @Override
  public String toString() {
    return "ReplyPolicy[answerNameServersCached=" + answerNameServersCached + ", glueVerified=" + glueVerified
        + ", privateNetblocks=" + privateNetblocks + ", privateDomains=" + privateDomains + "]";
  }
}
