package org.dnschase.resolver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/serve}'s options as the server's builder takes settings: an option that sets one
 * value, given twice, is an error naming the option and the first value, so two conflicting
 * lines of a start script cannot pass unnoticed with the last one silently winning; an option
 * that adds (an address, a client block, a zone) may be given again.
 */
class ServeOptionsTest {

  @ParameterizedTest(name = "{0} {1} then {2}")
  @CsvSource({
      "--rate-limit, 10, 20",
      "--max-outstanding, 10, 20",
      "--threads, 1, 2",
      "--max-tcp-connections, 10, 20",
      "--tcp-idle-timeout, 1000, 2000",
      "--shutdown-grace, 500ms, 2s",
      "--control, 127.0.0.1:8954, 127.0.0.1:8955",
      "--root-hints, /etc/first.hints, /etc/second.hints",
      "--trust-anchor, /etc/first.key, /etc/second.key",
      "--upstream-port, 53, 5353",
      "--cache-bytes, 1048576, 2097152",
      "--max-hops, 8, 12",
      "--deadline, 5000, 10000",
  })
  @DisplayName("an option of one value given twice is bad usage, naming the option and its first value")
  void singleValuedOptionTwice_isRefused(String option, String first, String second) {
    assertThatThrownBy(() -> ServeOptions.parse(new String[] {option, first, option, second}))
        .isInstanceOf(UsageException.class)
        .hasMessage(option + " was already given as " + first + ": give it once");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1ms, PT0.001S", "500ms, PT0.5S", "5s, PT5S", "2m, PT2M", "1h, PT1H"})
  @DisplayName("--shutdown-grace takes a whole number and its unit, from 1 ms to 1 h")
  void shutdownGrace_durationWithItsUnit(String given, String expected) throws UsageException {
    assertThat(ServeOptions.parse(new String[] {"--shutdown-grace", given}).shutdownGrace())
        .isEqualTo(java.time.Duration.parse(expected));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"5", "0s", "0ms", "61m", "2h", "-1s", "1.5s", "5 s", "5sec", "fast", "9999999999ms"})
  @DisplayName("--shutdown-grace without a unit, out of its range or not a duration is bad usage, naming the range")
  void shutdownGrace_refused(String given) {
    assertThatThrownBy(() -> ServeOptions.parse(new String[] {"--shutdown-grace", given}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--shutdown-grace needs a duration from 1ms to 1h, a whole number and its unit (500ms, 5s, 2m),"
            + " got '" + given + "'");
  }

  @Test
  @DisplayName("--shutdown-grace's default is the server's: none given, none set")
  void shutdownGrace_defaultIsTheServers() throws UsageException {
    assertThat(ServeOptions.parse(new String[0]).shutdownGrace()).isNull();
  }

  @Test
  @DisplayName("--control and --no-control together are bad usage, in either order")
  void controlAndNoControl_areRefused() {
    for (List<String> args : List.of(List.of("--control", "127.0.0.1:8955", "--no-control"),
        List.of("--no-control", "--control", "127.0.0.1:8955"))) {
      assertThatThrownBy(() -> ServeOptions.parse(args.toArray(String[]::new)))
          .as(String.join(" ", args))
          .isInstanceOf(UsageException.class)
          .hasMessage("--no-control conflicts with --control 127.0.0.1:8955");
    }
  }

  @Test
  @DisplayName("a flag given twice says the same thing twice: accepted")
  void flagTwice_isAccepted() throws UsageException {
    ServeOptions options = ServeOptions.parse(new String[] {"--prefetch", "--prefetch", "--no-control", "--no-control"});

    assertThat(options.prefetch()).isTrue();
    assertThat(options.control()).isNull();
  }

  @Test
  @DisplayName("options that add may be given again: each address and client block is kept")
  void addingOptionsTwice_keepEachValue() throws UsageException {
    ServeOptions options = ServeOptions.parse(new String[] {"--listen", "127.0.0.1:5301", "--listen", "127.0.0.1:5302",
        "--allow", "10.0.0.0/8", "--allow", "192.168.0.0/16"});

    assertThat(options.listen()).hasSize(2);
    assertThat(options.allow()).containsExactly("10.0.0.0/8", "192.168.0.0/16");
    assertThat(options.control()).isEqualTo(ServeOptions.DEFAULT_CONTROL);
  }
}
