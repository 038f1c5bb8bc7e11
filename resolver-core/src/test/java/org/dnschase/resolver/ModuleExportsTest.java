package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module boundary: a user of resolver-core reaches the API package and nothing under
 * {@code internal}, where {@code IterativeResolver}'s constructor would skip every check the
 * builder makes.
 */
class ModuleExportsTest {

  private static final Module CORE = Resolver.class.getModule();
  private static final String API = "org.dnschase.resolver";
  private static final String SPI = API + ".spi";
  private static final String HOST = API + ".host";
  private static final String ZONES = API + ".zones";
  private static final String METRICS = API + ".metrics";
  private static final String DNSSEC = API + ".dnssec";
  private static final String REPLY = API + ".reply";
  private static final String LOOPS = API + ".internal.transport.loops";

  /* ---- the descriptor ---- */

  @Test
  @DisplayName("resolver-core is a named module and its tests run on the module path")
  void core_isANamedModule() {
    assertThat(CORE.isNamed()).isTrue();
    assertThat(CORE.getName()).isEqualTo(API);
  }

  @Test
  @DisplayName("the module exports the API, SPI, host look-up, configured zone, DNSSEC settings, reply policy and metrics packages, to everyone, and nothing else but the event loops' sockets to the server")
  void descriptor_exportsTheApiSpiHostZonesAndMetricsPackagesOnly() {
    ModuleDescriptor descriptor = CORE.getDescriptor();

    assertThat(descriptor.exports()).filteredOn(export -> !export.isQualified())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder(API, SPI, HOST, ZONES, METRICS, DNSSEC, REPLY);
    // the server's listeners sit on the resolver's event loops, so are made of the same kind of
    // socket
    assertThat(descriptor.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
        .extracting(export -> export.source() + " to " + export.targets())
        .containsExactly(LOOPS + " to [" + API + ".server]");
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  @DisplayName("the API package holds at most 12 public types; what only a server or a runner needs is in spi")
  void apiPackage_holdsAtMostTwelvePublicTypes() throws IOException {
    List<String> api = publicTopLevelTypes(API);

    assertThat(api).hasSizeLessThanOrEqualTo(12).contains("Resolver", "ResolverBuilder", "Resolution")
        .doesNotContain("Transport", "Responses");
    assertThat(publicTopLevelTypes(SPI)).containsExactlyInAnyOrder("Transport", "Replies", "Responses", "LogText");
    assertThat(publicTopLevelTypes(METRICS)).containsExactlyInAnyOrder("MetricsSnapshot", "LatencyHistogram",
        "UnboundStats");
    assertThat(publicTopLevelTypes(DNSSEC)).containsExactly("Validation");
  }

  @Test
  @DisplayName("every internal package is in the module and none is exported")
  void internalPackages_areNotExported() {
    Set<String> internal = CORE.getPackages().stream()
        .filter(name -> name.startsWith(API + ".internal")).collect(Collectors.toSet());

    assertThat(internal).contains(API + ".internal", API + ".internal.iterate", API + ".internal.servers",
        API + ".internal.reply", API + ".internal.resolutions", API + ".internal.metrics",
        API + ".internal.chase", API + ".internal.transport", API + ".internal.message");
    assertThat(internal).allSatisfy(name -> assertThat(CORE.isExported(name)).as(name).isFalse());
  }

  /* ---- what a user's module can compile against ---- */

  @Test
  @DisplayName("a module that imports an internal package does not compile against resolver-core")
  void userModule_importingInternal_doesNotCompile(@TempDir Path dir) throws IOException {
    String errors = compileUserModule(dir, """
        package probe;
        import org.dnschase.resolver.internal.iterate.IterativeResolver;
        class Probe { Class<?> type = IterativeResolver.class; }
        """);

    assertThat(errors).contains("package org.dnschase.resolver.internal.iterate is not visible")
        .contains("does not export it");
  }

  @Test
  @DisplayName("the same module importing the API package compiles, so the failure above is the boundary")
  void userModule_importingTheApi_compiles(@TempDir Path dir) throws IOException {
    String errors = compileUserModule(dir, """
        package probe;
        import org.dnschase.resolver.Resolver;
        class Probe { Resolver resolver = Resolver.builder().loopbackOnly().build(); }
        """);

    assertThat(errors).isEmpty();
  }

  /** The simple names of the public top-level classes the module's main classes put in {@code pkg}. */
  private static List<String> publicTopLevelTypes(String pkg) throws IOException {
    String folder = pkg.replace('.', '/') + "/";
    try (ModuleReader reader = ModuleLayer.boot().configuration().findModule(API).orElseThrow()
        .reference().open()) {
      return reader.list()
          .filter(entry -> entry.startsWith(folder) && entry.endsWith(".class"))
          .map(entry -> entry.substring(folder.length(), entry.length() - ".class".length()))
          .filter(name -> !name.contains("/") && !name.contains("$") && !name.equals("package-info"))
          .filter(name -> isPublic(pkg + "." + name))
          .sorted()
          .toList();
    }
  }

  private static boolean isPublic(String className) {
    try {
      return Modifier.isPublic(Class.forName(className, false, Resolver.class.getClassLoader()).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " is listed in the module but does not load", e);
    }
  }

  /** Compiles {@code module probe { requires org.dnschase.resolver; }} with one class; javac's errors. */
  private static String compileUserModule(Path dir, String probeSource) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/probe"));
    Files.writeString(dir.resolve("src/module-info.java"), "module probe { requires " + API + "; }");
    Files.writeString(sources.resolve("Probe.java"), probeSource);
    StringWriter errors = new StringWriter();
    // javac through java.base's ToolProvider: the test's module need not read java.compiler
    int status = ToolProvider.findFirst("javac").orElseThrow().run(
        new PrintWriter(errors), new PrintWriter(errors),
        "--module-path", modulePath(), "-d", dir.resolve("out").toString(), "-proc:none",
        dir.resolve("src/module-info.java").toString(), sources.resolve("Probe.java").toString());
    assertThat(status == 0).as("compiled without errors: %s", errors).isEqualTo(errors.toString().isEmpty());
    return errors.toString();
  }

  /** Where this test's own modules came from: resolver-core's classes and every module it reads. */
  private static String modulePath() {
    return ModuleLayer.boot().configuration().modules().stream()
        .map(ResolvedModule::reference)
        .flatMap(reference -> reference.location().stream())
        .filter(location -> "file".equals(location.getScheme()))
        .map(URI::getPath)
        .collect(Collectors.joining(java.io.File.pathSeparator));
  }
}
