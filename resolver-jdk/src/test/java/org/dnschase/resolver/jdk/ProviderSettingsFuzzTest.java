package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's properties, with any values and any resolv.conf and root hints content, are read
 * into settings or refused with an {@link IllegalArgumentException} that names the property;
 * nothing else escapes. The settings are read, never built into a resolver: nothing is sent.
 */
class ProviderSettingsFuzzTest {

  @TempDir static Path dir;

  @FuzzTest
  void anyPropertiesAreReadOrRefusedByName(FuzzedDataProvider data) throws Exception {
    Path conf = Files.write(dir.resolve("resolv.conf"), data.consumeBytes(2_000));
    Path hints = Files.write(dir.resolve("root.hints"), data.consumeBytes(2_000));
    Map<String, String> properties = new HashMap<>();
    properties.put("dnschase.resolvConf", data.consumeBoolean() ? conf.toString() : "");
    properties.put("dnschase.rootHints", data.consumeBoolean() ? hints.toString() : null);
    for (String name : new String[] {"upstreamPort", "loopbackOnly", "hostsFile", "searchDomains", "ndots",
        "forwardZones", "stubZones"}) {
      properties.put("dnschase." + name, data.consumeBoolean() ? data.consumeString(100) : null);
    }
    ProviderSettings settings;
    try {
      settings = ProviderSettings.read(properties::get);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("dnschase.");
      return;
    }
    if (settings.upstreamPort() != null) {
      assertThat(settings.upstreamPort()).isBetween(1, 65535);
    }
    if (settings.searchList() != null) {
      assertThat(settings.searchList().domains()).isNotEmpty().allMatch(name -> name.isAbsolute());
    }
    assertThat(new String(Files.readAllBytes(conf), StandardCharsets.ISO_8859_1)).isNotNull();
  }
}
