package org.dnschase.resolver.internal.iterate;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.SpecialUseName;
import org.dnschase.resolver.cache.TtlCaps;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Type;

/** Answers the special-use names the resolver was built to keep local, without any query. */
final class SpecialUseAnswers {

  /** Unbound's TTL for its built-in localhost data. */
  private static final long LOCAL_TTL = 10_800;

  private final Set<SpecialUseName> enabled;
  /** {@link #LOCAL_TTL} under the cache's caps: no answer promises more than the cache keeps. */
  private final long localTtl;

  SpecialUseAnswers(Set<SpecialUseName> enabled, TtlCaps caps) {
    this.enabled = Set.copyOf(enabled);
    this.localTtl = caps.positive(LOCAL_TTL);
  }

  Optional<Resolution> answer(Name name, int type) {
    for (SpecialUseName special : enabled) {
      if (special.covers(name)) {
        return Optional.of(special == SpecialUseName.LOCALHOST ? localhost(name, type)
            : new Resolution.NxDomain(name, type, null, List.of(), Duration.ZERO, List.of(), Duration.ZERO, List.of(), List.of(), 0,
                Resolution.Security.INDETERMINATE, List.of()));
      }
    }
    return Optional.empty();
  }

  private Resolution localhost(Name name, int type) {
    RRset rrset = switch (type) {
      case Type.A -> new RRset(new ARecord(name, DClass.IN, localTtl, ipv4Loopback()));
      case Type.AAAA -> new RRset(new AAAARecord(name, DClass.IN, localTtl, ipv6Loopback()));
      default -> null;
    };
    if (rrset == null) {
      return new Resolution.NoData(name, type, null, List.of(), Duration.ZERO, List.of(), Duration.ZERO, List.of(), List.of(), 0,
          Resolution.Security.INDETERMINATE, List.of());
    }
    return new Resolution.Answer(name, type, rrset, List.of(), Duration.ofSeconds(localTtl), List.of(),
        List.of(), 0, Resolution.Security.INDETERMINATE);
  }

  private static InetAddress ipv4Loopback() {
    return address(new byte[] {127, 0, 0, 1});
  }

  private static InetAddress ipv6Loopback() {
    byte[] bytes = new byte[16];
    bytes[15] = 1;
    return address(bytes);
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("a literal address is always valid", e);
    }
  }
}
