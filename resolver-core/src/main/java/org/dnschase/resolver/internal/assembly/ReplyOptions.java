package org.dnschase.resolver.internal.assembly;

import java.util.Objects;
import org.dnschase.resolver.internal.reply.PrivateAddresses;
import org.dnschase.resolver.reply.ReplyPolicy;

/** What of a server's reply is kept, as given to the builder; {@link ReplyPolicy#defaults()} without one. */
public final class ReplyOptions {

  private final Setting<ReplyPolicy> policy = new Setting<>("replyPolicy");

  ReplyOptions() {}

  public void policy(ReplyPolicy given) {
    policy.set(Objects.requireNonNull(given, "replyPolicy"));
  }

  private ReplyPolicy policyOrDefault() {
    return policy.orElse(ReplyPolicy.defaults());
  }

  boolean cacheAnswerNameServersOrDefault() {
    return policyOrDefault().answerNameServersCached();
  }

  boolean verifyGlueOrDefault() {
    return policyOrDefault().glueVerified();
  }

  PrivateAddresses privateAddressesOrDefault() {
    ReplyPolicy chosen = policyOrDefault();
    return chosen.privateNetblocks().isEmpty() ? PrivateAddresses.NONE
        : PrivateAddresses.of(chosen.privateNetblocks(), chosen.privateDomains());
  }
}
