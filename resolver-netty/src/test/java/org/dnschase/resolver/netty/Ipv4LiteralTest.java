package org.dnschase.resolver.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IPv4 literals as {@link InetAddress#getByName} reads them (the JDK's {@code
 * IPAddressUtil.textToNumericFormatV4}): the values here are what JDK 25 gave for each text.
 */
class Ipv4LiteralTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "127.1, 127.0.0.1",
      "127.0.1, 127.0.0.1",
      "10.1.2, 10.1.0.2",
      "2130706433, 127.0.0.1",
      "127.65535, 127.0.255.255",
      "127.16777215, 127.255.255.255",
      "4294967295, 255.255.255.255",
      "0127.1, 127.0.0.1",
      "010.1, 10.0.0.1",
      "00000127.1, 127.0.0.1",
      "1.2.3.4, 1.2.3.4",
      "01.2.3.4, 1.2.3.4",
      "0, 0.0.0.0"})
  void shortenedAndDottedForms_readAsTheJdkReadsThem(String text, String address) {
    assertThat(Ipv4Literal.parse(text).getHostAddress()).isEqualTo(address);
  }

  @ParameterizedTest(name = "{0} is no literal")
  @ValueSource(strings = {"", "127.16777216", "4294967296", "256.1", "127.1.", ".1", "127..1", "1.2.3.4.5",
      "0x7f.1", "+1.2", "1.2.3.256", "127.1 ", "00000000000127.1", "\u0661\u0662\u0667.1", "localhost"})
  void otherText_isNoLiteral(String text) {
    assertThat(Ipv4Literal.parse(text)).isNull();
  }
}
