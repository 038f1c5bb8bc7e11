package org.dnschase.resolver.zones;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Auth-zone data of any content, given as text or as a zone file, either builds a zone that
 * answers its own names, or is refused with an {@link IllegalArgumentException} that says where
 * (the line, or the zone and what it lacks); nothing else escapes, and nothing hangs.
 */
class AuthZoneFuzzTest {

  private static final Name ZONE = Name.fromConstantString("fuzz.lab.");

  /**
   * Where the refusal points: the line (dnsjava's own errors), the record after the last one read
   * (text dnsjava trips on), or a {@code $GENERATE} line too large to expand.
   */
  private static final String WHERE = "(line [1-9][0-9]*: |record [1-9][0-9]* |\\$GENERATE )";

  @TempDir static Path dir;

  @FuzzTest
  void anyZoneTextBuildsOrIsRefusedNamingTheLine(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    AuthZone zone;
    try {
      zone = AuthZone.parse(ZONE.toString(), text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).matches("(?s)(zone data of fuzz\\.lab\\., " + WHERE + "|auth zone fuzz\\.lab\\.: ).+");
      return;
    }
    answersItsOwnNames(zone);
  }

  @FuzzTest
  void anyZoneFileBuildsOrIsRefusedNamingFileAndLine(byte[] input) throws Exception {
    Path file = Files.write(dir.resolve("fuzz.zone"), input);
    AuthZone zone;
    try {
      zone = AuthZone.fromFile(ZONE.toString(), file);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).matches("(?s)(malformed zone file " + java.util.regex.Pattern.quote(file.toString())
          + " of fuzz\\.lab\\., " + WHERE + "|zone file " + java.util.regex.Pattern.quote(file.toString())
          + ": auth zone fuzz\\.lab\\.: ).+");
      return;
    }
    answersItsOwnNames(zone);
  }

  private static void answersItsOwnNames(AuthZone zone) {
    assertThat(zone.name()).isEqualTo(ZONE);
    assertThat(zone.records()).allSatisfy(record -> assertThat(record.getName().subdomain(ZONE)).isTrue());
    Zone data = zone.toZone();
    int asked = 0;
    for (Record record : zone.records()) {
      if (asked++ == 16) {
        break;
      }
      assertThat(data.findRecords(record.getName(), record.getType())).isNotNull();
      assertThat(data.findRecords(record.getName(), Type.ANY)).isNotNull();
    }
  }
}
