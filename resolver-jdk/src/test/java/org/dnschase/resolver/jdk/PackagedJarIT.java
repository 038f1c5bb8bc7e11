package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.spi.InetAddressResolverProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The jar this module builds, read after it is packaged: it carries one service entry, naming our
 * provider and nothing else, and none of dnsjava's classes or its provider's entry, so that a jar
 * next to dnsjava's on a class path registers exactly one provider of ours.
 */
class PackagedJarIT {

  private static final String SERVICES = "META-INF/services/";

  @Test
  @DisplayName("the packaged jar's only service entry names our InetAddressResolverProvider, and nothing of dnsjava is inside")
  void packagedJar_carriesOnlyOurServiceEntry() throws IOException {
    Path jar = Path.of(System.getProperty("dnschase.packagedJar"));

    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> services = file.stream().map(JarEntry::getName)
          .filter(name -> name.startsWith(SERVICES) && !name.equals(SERVICES)).toList();
      assertThat(services).containsExactly(SERVICES + InetAddressResolverProvider.class.getName());
      try (InputStream entry = file.getInputStream(file.getEntry(services.get(0)))) {
        assertThat(new String(entry.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")))
            .containsExactly(DnschaseResolverProvider.class.getName());
      }
      assertThat(file.stream().map(JarEntry::getName)).as("entries of the jar")
          .noneMatch(name -> name.startsWith("org/xbill/"));
    }
  }
}
