package org.dnschase.resolver.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario text from any source either parses, or is refused with a {@link
 * ScenarioFormatException} naming the file and a line that is in it. No other exception, and no
 * hang.
 */
class ScenarioParserFuzzTest {

  private static final Pattern WHERE = Pattern.compile("fuzz\\.rpl:(\\d+): .+", Pattern.DOTALL);

  @FuzzTest
  void anyTextParsesOrIsRefusedAtALineOfTheFile(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Scenario.parse("fuzz.rpl", text);
    } catch (ScenarioFormatException refused) {
      Matcher where = WHERE.matcher(refused.getMessage());
      assertThat(where.matches()).as(refused.getMessage()).isTrue();
      int lines = text.split("\r?\n", -1).length;
      assertThat(Integer.parseInt(where.group(1))).as(refused.getMessage()).isBetween(1, lines);
    }
  }
}
