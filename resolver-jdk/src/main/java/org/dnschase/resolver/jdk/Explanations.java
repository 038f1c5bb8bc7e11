package org.dnschase.resolver.jdk;

import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.host.HostAddresses;
import org.xbill.DNS.Type;

/** What an {@link java.net.UnknownHostException} says: why the look-up found nothing. */
final class Explanations {

  private Explanations() {}

  /** Why {@code host} has no address: each family's outcome, at the name it was looked up as. */
  static String noAddress(String host, HostAddresses found) {
    List<String> reasons = new ArrayList<>(2);
    for (Resolution resolution : found.resolutions()) {
      reasons.add(Type.string(resolution.qtype()) + " " + outcome(resolution));
    }
    boolean allNx = found.resolutions().stream().allMatch(Resolution.NxDomain.class::isInstance);
    String summary = allNx ? "no such name" : "no address";
    return host + ": " + summary + " (" + found.name() + ": " + String.join("; ", reasons) + ")";
  }

  /** Why {@code address} has no name. */
  static String noName(String address, Resolution found) {
    return address + ": no name (" + found.qname() + " PTR " + outcome(found) + ")";
  }

  private static String outcome(Resolution resolution) {
    return switch (resolution) {
      case Resolution.Answer answer -> "answered without a usable record";
      case Resolution.NoData noData -> "NODATA" + via(resolution);
      case Resolution.NxDomain nx -> "NXDOMAIN" + via(resolution);
      case Resolution.Failure failure -> "failed, " + failure.reason() + ": " + failure.detail();
    };
  }

  private static String via(Resolution resolution) {
    return resolution.chain().isEmpty() ? "" : " at " + resolution.finalName() + " after "
        + resolution.chain().size() + (resolution.chain().size() == 1 ? " alias" : " aliases");
  }
}
