package org.dnschase.resolver.internal.assembly;

import java.util.Objects;
import org.dnschase.resolver.host.HostsFile;
import org.dnschase.resolver.host.SearchList;

/** What host look-ups consult besides DNS: a hosts file, and search domains with {@code ndots}. */
public final class HostOptions {

  private final Setting<HostsFile> hostsFile = new Setting<>("hostsFile");
  private final Setting<SearchList> searchList = new Setting<>("searchList");

  HostOptions() {}

  public void hostsFile(HostsFile file) {
    hostsFile.requireUnset();
    hostsFile.set(Objects.requireNonNull(file, "file"));
  }

  public void searchList(SearchList search) {
    searchList.requireUnset();
    searchList.set(Objects.requireNonNull(search, "search"));
  }

  /** {@return the hosts file given, else null: host look-ups then go to DNS alone} */
  HostsFile hostsFileOrNull() {
    return hostsFile.value();
  }

  /** {@return the search list given, else null: names without a trailing dot are then absolute} */
  SearchList searchListOrNull() {
    return searchList.value();
  }
}
