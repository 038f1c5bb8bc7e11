package org.dnschase.resolver.internal.assembly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.xbill.DNS.Name;

/** The forward, stub and auth zones, in the order given; one zone per name, whichever its kind. */
public final class ZoneOptions {

  private final Map<Name, Record> zones = new LinkedHashMap<>();

  ZoneOptions() {}

  public void forwardZone(ForwardZone zone) {
    add(Objects.requireNonNull(zone, "zone").name(), zone);
  }

  public void stubZone(StubZone zone) {
    add(Objects.requireNonNull(zone, "zone").name(), zone);
  }

  public void authZone(AuthZone zone) {
    add(Objects.requireNonNull(zone, "zone").name(), zone);
  }

  private void add(Name name, Record zone) {
    Record first = zones.putIfAbsent(name, zone);
    if (first != null) {
      throw new IllegalStateException("zone " + name + " was already configured: "
          + (first instanceof AuthZone auth ? "an auth zone of " + auth.records().size() + " records" : first));
    }
  }

  List<ForwardZone> forwardZones() {
    return zonesOf(ForwardZone.class);
  }

  List<StubZone> stubZones() {
    return zonesOf(StubZone.class);
  }

  List<AuthZone> authZones() {
    return zonesOf(AuthZone.class);
  }

  private <T extends Record> List<T> zonesOf(Class<T> kind) {
    return zones.values().stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
