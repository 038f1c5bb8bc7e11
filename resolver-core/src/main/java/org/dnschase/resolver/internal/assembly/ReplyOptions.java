package org.dnschase.resolver.internal.assembly;

import java.util.Collection;
import java.util.List;
import org.dnschase.resolver.Defaults;
import org.dnschase.resolver.internal.reply.PrivateAddresses;

/**
 * What of a server's reply is kept: the NS sets that answers carry (dropped by default,
 * CVE-2025-11411), the records that point into private netblocks (none filtered by default), and
 * whether glue outside the delegated zone is used only once verified (not by default).
 */
public final class ReplyOptions {

  private final Setting<Boolean> cacheAnswerNameServers = new Setting<>("cacheAnswerNameServers");
  private final Setting<PrivateAddresses> privateAddresses = new Setting<>("privateAddresses");
  private final Setting<Boolean> verifyGlue = new Setting<>("verifyGlue");

  ReplyOptions() {}

  public void cacheAnswerNameServers(boolean enabled) {
    cacheAnswerNameServers.set(enabled);
  }

  public void privateAddresses(Collection<String> netblocks, Collection<String> allowedDomains) {
    privateAddresses.requireUnset();
    privateAddresses.set(PrivateAddresses.of(List.copyOf(netblocks), List.copyOf(allowedDomains)));
  }

  public void verifyGlue(boolean enabled) {
    verifyGlue.set(enabled);
  }

  boolean cacheAnswerNameServersOrDefault() {
    return cacheAnswerNameServers.orElse(Defaults.CACHE_ANSWER_NAME_SERVERS);
  }

  boolean verifyGlueOrDefault() {
    return verifyGlue.orElse(Defaults.VERIFY_GLUE);
  }

  PrivateAddresses privateAddressesOrDefault() {
    return privateAddresses.orElse(PrivateAddresses.NONE);
  }
}
