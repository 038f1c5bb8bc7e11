package org.dnschase.resolver.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zone file's {@code $INCLUDE} (RFC 1035 §5.1) reads another file into the zone at that line.
 * Each included file passes the checks the zone file itself does: it is there, it is a regular
 * file with an end (not {@code /dev/zero}), and it is read once on the way down (a file that
 * includes itself, directly or through another, would be read for ever); includes nest at most as
 * deep as NSD lets them. A refusal names the file that holds the {@code $INCLUDE}, its line and the
 * file it names.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AuthZoneIncludeTest {

  private static final String APEX = AuthZoneMalformedTextTest.APEX;

  @TempDir Path dir;

  /* ---- what an include may name ---- */

  @Test
  @DisplayName("An included file, named relative to the zone file's directory, adds its records at that line")
  void includeRelativeToTheZoneFile_addsItsRecords() throws Exception {
    Files.createDirectory(dir.resolve("parts"));
    Files.writeString(dir.resolve("parts/hosts.zone"), "www A 192.0.2.7\n");
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE parts/hosts.zone\n");

    AuthZone zone = AuthZone.fromFile("corp.lab.", zoneFile);

    assertThat(zone.records()).anySatisfy(record -> assertThat(record.getName().toString()).isEqualTo("www.corp.lab."));
  }

  @Test
  @DisplayName("An $INCLUDE of a device (/dev/zero) is refused naming it and the line, not read until the heap is full")
  void includeOfADevice_isRefused() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero) && !Files.isRegularFile(zero), "needs /dev/zero, a character device");
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE /dev/zero\n");

    refused(zoneFile, "line 5: $INCLUDE of /dev/zero: not a regular file");
  }

  @Test
  @DisplayName("An $INCLUDE of a file that is not there is refused naming it and the line")
  void includeOfAMissingFile_isRefused() throws Exception {
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE gone.zone\n");

    refused(zoneFile, "line 5: $INCLUDE of " + dir.resolve("gone.zone") + ", which does not exist");
  }

  @Test
  @DisplayName("An $INCLUDE of a directory is refused naming it and the line")
  void includeOfADirectory_isRefused() throws Exception {
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE " + dir + "\n");

    refused(zoneFile, "line 5: $INCLUDE of " + dir + ", which is a directory");
  }

  /* ---- loops and depth ---- */

  @Test
  @DisplayName("A zone file that includes itself is refused naming the loop, not read for ever")
  void includeOfItself_isALoop() throws Exception {
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE corp.zone\n");

    refused(zoneFile, "line 5: $INCLUDE of " + zoneFile + ", which is being read already (a loop)");
  }

  @Test
  @DisplayName("Two files that include each other are refused naming the loop, in the file that closes it")
  void includesOfEachOther_areALoop() throws Exception {
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE more.zone\n");
    Files.writeString(dir.resolve("more.zone"), "www A 192.0.2.7\n\n$INCLUDE corp.zone\n");

    refused(zoneFile, "more.zone:3: $INCLUDE of " + zoneFile + ", which is being read already (a loop)");
  }

  @Test
  @DisplayName("Includes nested deeper than NSD's ten are refused naming the depth")
  void includesNestedTooDeeply_areRefused() throws Exception {
    for (int level = 1; level <= 11; level++) {
      Files.writeString(dir.resolve(level + ".zone"), "$INCLUDE " + (level + 1) + ".zone\n");
    }
    Files.writeString(dir.resolve("12.zone"), "www A 192.0.2.7\n");
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE 1.zone\n");

    refused(zoneFile, "10.zone:1: $INCLUDE of " + dir.resolve("11.zone") + " nests includes deeper than 10");
  }

  /* ---- what an included file holds ---- */

  @Test
  @DisplayName("A $GENERATE over four billion names in an included file is refused, as in the zone file itself")
  void hugeGenerateInAnIncludedFile_isRefused() throws Exception {
    Files.writeString(dir.resolve("hosts.zone"), "$GENERATE 0-4294967295 host$ A 192.0.2.9\n");
    Path zoneFile = Files.writeString(dir.resolve("corp.zone"), APEX + "$INCLUDE hosts.zone\n");

    refused(zoneFile, "hosts.zone:1: $GENERATE 0-4294967295 stands for more than 65536 records");
  }

  private static void refused(Path zoneFile, String reason) {
    assertThatThrownBy(() -> AuthZone.fromFile("corp.lab.", zoneFile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed zone file " + zoneFile + " of corp.lab., " + reason);
  }
}
