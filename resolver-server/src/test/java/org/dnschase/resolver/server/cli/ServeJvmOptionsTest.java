package org.dnschase.resolver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/serve-jvm-options}, the JVM options {@code bin/serve} (and the race) start the server
 * with: a heap sized from the cache's budget, the operator's {@code DNSCHASE_JAVA_OPTS} after them,
 * the class data beside the jar keyed by the JDK and the options, huge pages only where the kernel
 * gives them, epoll's event loops where Netty's library for them ships.
 */
class ServeJvmOptionsTest {

  /** Surefire runs in the module's directory, one level below the repository root. */
  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("bin/serve-jvm-options");
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  private static final Path KERNEL_THP = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

  @TempDir
  Path dir;
  Path jar;

  @BeforeEach
  void jar() throws IOException {
    jar = Files.writeString(dir.resolve("server.jar"), "not read by the script");
  }

  @Test
  @DisplayName("the default budget of 32 MiB: a heap of 32 to 128 MiB and the serial collector")
  void defaultBudget() throws Exception {
    assertThat(options("")).contains("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC");
  }

  @Test
  @DisplayName("a budget of 1 GiB: at most twice the budget plus 64 MiB, and the JVM's own collector")
  void largeBudget() throws Exception {
    List<String> options = options("", "--cache-bytes", "1073741824");
    assertThat(options).contains("-Xmx2112m").doesNotContain("-XX:+UseSerialGC");
  }

  @Test
  @DisplayName("DNSCHASE_JAVA_OPTS comes after the script's own options, and its collector replaces the serial one")
  void operatorsOptionsWin() throws Exception {
    List<String> options = options("-Xmx1g -XX:+UseG1GC");
    assertThat(options).doesNotContain("-XX:+UseSerialGC");
    assertThat(options.indexOf("-Xmx1g")).isGreaterThan(options.indexOf("-Xmx128m"));
    assertThat(options.indexOf("-XX:+UseG1GC")).isGreaterThan(options.indexOf("-Xmx128m"));
  }

  @Test
  @DisplayName("the class data beside the jar is named by the options: other options, another file")
  void classDataKeyedByTheOptions() throws Exception {
    String plain = classData(options(""));
    assertThat(plain).isEqualTo(classData(options("")));
    assertThat(classData(options("-Xmx1g"))).isNotEqualTo(plain);
    assertThat(Path.of(plain).getParent()).isEqualTo(dir);

    String option = Runtime.version().feature() >= 25 ? "-XX:AOTCacheOutput=" : "-XX:SharedArchiveFile=";
    assertThat(options("")).contains(option + plain);
    if (Runtime.version().feature() >= 25) {
      // the first clean stop, which writes the cache, warns of no class it leaves out
      assertThat(options("")).contains("-Xlog:aot=error");
      Files.writeString(Path.of(plain), "a cache the first clean stop wrote");
      assertThat(options("")).contains("-XX:AOTCache=" + plain).doesNotContain(option + plain, "-Xlog:aot=error");
    }
  }

  @Test
  @DisplayName("class data older than the jar is deleted: the next clean stop writes it again")
  void staleClassDataDeleted() throws Exception {
    Path stale = Files.writeString(dir.resolve("server-1.aot"), "written for an older jar");
    Path partial = Files.writeString(dir.resolve("server-2.aot.123.partial"), "half written");
    FileTime before = FileTime.from(Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(stale, before);
    Files.setLastModifiedTime(partial, before);
    options("");
    assertThat(stale).doesNotExist();
    assertThat(partial).doesNotExist();
  }

  @Test
  @DisplayName("transparent huge pages exactly where the kernel gives them on request (madvise or always)")
  void hugePagesWhereTheKernelGivesThem() throws Exception {
    String mode = Files.isReadable(KERNEL_THP) ? Files.readString(KERNEL_THP) : "";
    boolean given = mode.contains("[madvise]") || mode.contains("[always]");
    List<String> options = options("");
    if (given) {
      assertThat(options).as("kernel mode %s", mode.strip()).contains("-XX:+UseTransparentHugePages");
    } else {
      assertThat(options).as("kernel mode %s", mode.strip()).doesNotContain("-XX:+UseTransparentHugePages");
    }
  }

  @Test
  @DisplayName("on Linux x86-64 the event loops are epoll's, which batches a listener's datagrams; DNSCHASE_JAVA_OPTS may ask for NIO")
  void epollWhereItShips() throws Exception {
    boolean ships = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
    if (ships) {
      assertThat(options("")).contains("-Ddnschase.eventLoops=epoll", "--enable-native-access=ALL-UNNAMED");
      List<String> nio = options("-Ddnschase.eventLoops=nio");
      assertThat(nio.lastIndexOf("-Ddnschase.eventLoops=nio")).isGreaterThan(nio.indexOf("-Ddnschase.eventLoops=epoll"));
    } else {
      assertThat(options("")).doesNotContain("-Ddnschase.eventLoops=epoll");
    }
  }

  /** The options printed for {@code DNSCHASE_JAVA_OPTS=javaOpts bin/serve ... serveArgs}. */
  private List<String> options(String javaOpts, String... serveArgs) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), JAVA.toString(), jar.toString()));
    command.addAll(List.of(serveArgs));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DNSCHASE_JAVA_OPTS", javaOpts);
    Process script = builder.start();
    assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
    String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(script.exitValue()).as(output).isZero();
    return output.lines().toList();
  }

  /** The class data file the options name, to map or to write. */
  private static String classData(List<String> options) {
    return options.stream()
        .filter(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:AOTCacheOutput=")
            || o.startsWith("-XX:SharedArchiveFile="))
        .map(o -> o.substring(o.indexOf('=') + 1))
        .findFirst()
        .orElseThrow();
  }
}
