package org.dnschase.resolver.testkit.scenario;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Address;

/** Reads a whole scenario: CONFIG, then RANGE and STEP blocks up to SCENARIO_END (FORMAT §2). */
final class ScenarioParser {

  private final LineCursor cursor;
  private final List<Range> ranges = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();

  private ScenarioParser(LineCursor cursor) {
    this.cursor = cursor;
  }

  static Scenario parse(String source, String text) {
    List<String> raw = Arrays.asList(text.split("\r?\n", -1));
    int configEnd = 0;
    while (configEnd < raw.size() && !raw.get(configEnd).strip().startsWith("CONFIG_END")) {
      configEnd++;
    }
    if (configEnd == raw.size()) {
      throw new ScenarioFormatException(source, raw.size(), "no CONFIG_END");
    }
    ScenarioConfig config = ConfigParser.parse(source, raw.subList(0, configEnd), 1);
    List<SourceLine> lines = new ArrayList<>();
    int lastLine = configEnd + 1; // the CONFIG_END line, when nothing follows it
    for (int i = configEnd + 1; i < raw.size(); i++) {
      String line = SourceLine.withoutComment(raw.get(i));
      if (!line.isEmpty()) {
        lines.add(new SourceLine(i + 1, line));
      }
      if (!raw.get(i).isBlank()) {
        lastLine = i + 1;
      }
    }
    ScenarioParser parser = new ScenarioParser(new LineCursor(source, lines, lastLine));
    String title = parser.body();
    return new Scenario(source, title, config, parser.ranges, parser.steps);
  }

  /** Reads SCENARIO_BEGIN to SCENARIO_END; returns the title. */
  private String body() {
    SourceLine begin = cursor.next("the scenario");
    if (!begin.keyword().equals("SCENARIO_BEGIN")) {
      throw cursor.error(begin.number(), "expected SCENARIO_BEGIN, found " + begin.keyword());
    }
    for (SourceLine line = cursor.next("the scenario"); !line.keyword().equals("SCENARIO_END");
        line = cursor.next("the scenario")) {
      switch (line.keyword()) {
        case "RANGE_BEGIN" -> ranges.add(range(line));
        case "STEP" -> steps.add(step(line));
        default -> throw cursor.error(line.number(), "expected RANGE_BEGIN, STEP or SCENARIO_END, found "
            + line.keyword());
      }
    }
    return begin.text().substring("SCENARIO_BEGIN".length()).strip();
  }

  private Range range(SourceLine begin) {
    List<String> args = begin.arguments();
    if (args.size() < 2 || args.size() > 3) {
      throw cursor.error(begin.number(), "expected RANGE_BEGIN <from> <to> [<address>]");
    }
    Set<InetAddress> addresses = new LinkedHashSet<>();
    if (args.size() == 3) {
      addresses.add(address(args.get(2), begin.number()));
    }
    List<Entry> entries = new ArrayList<>();
    for (SourceLine line = cursor.next("RANGE"); !line.keyword().equals("RANGE_END"); line = cursor.next("RANGE")) {
      switch (line.keyword()) {
        case "ADDRESS" -> addresses.add(address(single(line), line.number()));
        case "ENTRY_BEGIN" -> entries.add(EntryParser.parse(cursor, line.number()));
        default -> throw cursor.error(line.number(), "expected ADDRESS, ENTRY_BEGIN or RANGE_END, found "
            + line.keyword());
      }
    }
    return new Range(number(args.get(0), begin), number(args.get(1), begin), addresses, entries, begin.number());
  }

  private Step step(SourceLine line) {
    List<String> args = line.arguments();
    if (args.size() < 2) {
      throw cursor.error(line.number(), "expected STEP <id> <type>");
    }
    int id = number(args.get(0), line);
    String type = args.get(1);
    if (type.equals("TIME_PASSES")) {
      return new Step.TimePasses(id, line.number(), elapse(line, args.subList(2, args.size())));
    }
    if (args.size() > 2) {
      throw cursor.error(line.number(), "STEP " + type + " arguments are not supported: "
          + args.subList(2, args.size()));
    }
    return switch (type) {
      case "QUERY" -> new Step.Query(id, line.number(), entry(line));
      case "CHECK_ANSWER" -> new Step.CheckAnswer(id, line.number(), entry(line));
      case "REPLY" -> new Step.Reply(id, line.number(), entry(line));
      case "CHECK_OUT_QUERY" -> new Step.CheckOutQuery(id, line.number(), entry(line));
      case "NOTHING", "TRAFFIC" -> new Step.Settle(id, line.number(), type);
      case "TIMEOUT", "ERROR" -> new Step.Expire(id, line.number(), type);
      default -> throw cursor.error(line.number(), "STEP type " + type + " is not supported");
    };
  }

  private Entry entry(SourceLine step) {
    SourceLine begin = cursor.next("STEP " + step.arguments().get(1));
    if (!begin.keyword().equals("ENTRY_BEGIN")) {
      throw cursor.error(begin.number(), "expected ENTRY_BEGIN after " + step.text());
    }
    return EntryParser.parse(cursor, begin.number());
  }

  /** {@code ELAPSE <seconds>}; testbound allows fractions such as {@code 5.0}. */
  private Duration elapse(SourceLine line, List<String> args) {
    if (args.size() != 2 || !args.get(0).equals("ELAPSE")) {
      throw cursor.error(line.number(), "expected TIME_PASSES ELAPSE <seconds> (EVAL is not supported)");
    }
    try {
      return Duration.ofNanos(new BigDecimal(args.get(1)).movePointRight(9).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw cursor.error(line.number(), "not a number of seconds: " + args.get(1), e);
    }
  }

  private String single(SourceLine line) {
    if (line.arguments().size() != 1) {
      throw cursor.error(line.number(), "expected one value after " + line.keyword());
    }
    return line.arguments().get(0);
  }

  private int number(String text, SourceLine line) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw cursor.error(line.number(), "not a step number: " + text, e);
    }
  }

  private InetAddress address(String text, int line) {
    try {
      return Address.getByAddress(text);
    } catch (UnknownHostException e) {
      throw cursor.error(line, "not an IP address: " + text, e);
    }
  }
}
