package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.spi.InetAddressResolverProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JDK takes the first InetAddressResolverProvider its ServiceLoader finds. dnsjava, which the
 * resolver uses, registers one too; in the order Maven puts the class path, ours comes first.
 */
class ProviderOrderTest {

  private static final String SERVICE = "META-INF/services/" + InetAddressResolverProvider.class.getName();

  @Test
  @DisplayName("In Maven's class path order ours is the first provider, with dnsjava's after it")
  void mavenOrder_oursComesFirst() {
    List<String> providers = ServiceLoader.load(InetAddressResolverProvider.class).stream()
        .map(provider -> provider.type().getName()).toList();

    assertThat(providers).first().isEqualTo(DnschaseResolverProvider.class.getName());
    assertThat(providers).contains("org.xbill.DNS.spi.DnsjavaInetAddressResolverProvider");
  }

  @Test
  @DisplayName("Our classes carry one service entry, naming our provider and nothing else")
  void ourServiceEntry_namesOnlyOurProvider() throws Exception {
    Path classes = Path.of(DnschaseResolverProvider.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath());
    List<URL> entries = Collections.list(ClassLoader.getSystemClassLoader().getResources(SERVICE));

    assertThat(Files.readAllLines(classes.resolve(SERVICE), StandardCharsets.UTF_8))
        .containsExactly(DnschaseResolverProvider.class.getName());
    try (var services = Files.list(classes.resolve("META-INF/services"))) {
      assertThat(services).extracting(path -> path.getFileName().toString())
          .containsExactly(InetAddressResolverProvider.class.getName());
    }
    assertThat(Path.of(entries.get(0).toURI())).as("the first entry on the class path").startsWith(classes);
  }

  @Test
  @DisplayName("dnschase.enabled takes true or false (default true) and names itself otherwise")
  void enabledProperty_isCheckedByName() {
    assertThat(ProviderSettings.enabled(null)).isTrue();
    assertThat(ProviderSettings.enabled(" FALSE ")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProviderSettings.enabled("no"))
        .hasMessage("dnschase.enabled must be true or false, was 'no'");
  }
}
