package org.dnschase.resolver.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dnschase.resolver.rules.AliasRule;
import org.dnschase.resolver.spi.LogText;
import org.dnschase.resolver.testkit.ZoneCheck;
import org.dnschase.resolver.testkit.ZoneViolation;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The {@code checkzone} command behind {@code bin/checkzone}: the CNAME rules of {@link ZoneCheck}
 * over one zone file, as {@code named-checkzone} is for BIND users. Each violation is one line,
 * {@code FILE:LINE: KIND OWNER: detail}, on stdout; a clean zone prints {@code FILE: OK}.
 *
 * <p>Exit codes: 0 for a zone that keeps every rule, 1 for one that breaks at least one, 2 on bad
 * usage or a file that cannot be read or parsed (the message names the file, and the line when
 * the parser gives one).
 */
public final class CheckZoneCommand {

  /** Exit code for a zone that keeps every rule. */
  static final int CLEAN = 0;
  /** Exit code for a zone that breaks at least one rule. */
  static final int VIOLATIONS = 1;
  /** Exit code for a mistake on the command line, or a file that cannot be read or parsed. */
  static final int USAGE = 2;

  static final String USAGE_TEXT = """
      Usage: bin/checkzone FILE [ORIGIN]
        Checks the CNAME rules of a zone file in master format (RFC 1035 §5) and prints each
        violation as FILE:LINE: KIND OWNER: detail. ORIGIN (e.g. example.com) is the zone's name;
        without it, the $ORIGIN in effect at the SOA record or the SOA's absolute owner is used.
        Rules (NS, MX and SRV targets are checked inside the zone only):
          %s
        Exit code: 0 clean, 1 violations, 2 bad usage or a file that cannot be read or parsed.
      """.formatted(Arrays.stream(AliasRule.values()).map(Enum::name).collect(Collectors.joining(", ")));

  /** dnsjava's parser names the line of its error as {@code <none>:LINE:} when it reads text. */
  private static final Pattern PARSER_LINE = Pattern.compile("^(.*?)<none>:(\\d+): (.*)$", Pattern.DOTALL);

  private CheckZoneCommand() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code instead of exiting, so tests can call it. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
        out.print(USAGE_TEXT);
        return CLEAN;
      }
      if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
        err.println("checkzone: expected FILE [ORIGIN], got "
            + (args.length == 0 ? "nothing" : LogText.escaped(String.join(" ", args))));
        err.print(USAGE_TEXT);
        return USAGE;
      }
      return check(args[0], args.length == 2 ? args[1] : null, out, err);
    } finally {
      out.flush();
    }
  }

  /**
   * Checks {@code file}. What a message quotes of the arguments, of the file or of a parser's
   * message about it is escaped once, where it is quoted (LogText): a control character in a
   * zone's line or a file's name never reaches the terminal raw.
   */
  private static int check(String fileName, String originText, PrintStream out, PrintStream err) {
    String file = LogText.escaped(fileName);
    Name origin;
    try {
      origin = originText == null ? null : Name.fromString(originText, Name.root);
    } catch (TextParseException e) {
      err.println("checkzone: ORIGIN '" + LogText.escaped(originText) + "' is not a domain name: "
          + LogText.escaped(e.getMessage()));
      return USAGE;
    }
    String text;
    try {
      text = Files.readString(Path.of(fileName), StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      err.println("checkzone: " + file + ": not UTF-8 text (master files are ASCII, RFC 1035 §5)");
      return USAGE;
    } catch (NoSuchFileException e) {
      err.println("checkzone: " + file + ": cannot read: no such file");
      return USAGE;
    } catch (AccessDeniedException e) {
      err.println("checkzone: " + file + ": cannot read: permission denied");
      return USAGE;
    } catch (IOException | InvalidPathException e) {
      err.println("checkzone: " + file + ": cannot read: " + LogText.escaped(e.getMessage()));
      return USAGE;
    }
    List<ZoneViolation> violations;
    try {
      violations = origin == null ? ZoneCheck.check(text) : ZoneCheck.check(origin, text);
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("checkzone: " + parseError(file, LogText.escaped(e.getMessage())));
      return USAGE;
    }
    for (ZoneViolation v : violations) {
      out.println(file + ":" + v.line() + ": " + v.kind() + " " + v.name() + ": " + v.detail());
    }
    if (violations.isEmpty()) {
      out.println(file + ": OK");
    }
    return violations.isEmpty() ? CLEAN : VIOLATIONS;
  }

  /** {@code FILE:LINE: what} when the parser named a line, else {@code FILE: message}. */
  static String parseError(String file, String message) {
    Matcher m = PARSER_LINE.matcher(message);
    if (!m.matches()) {
      return file + ": " + message;
    }
    String context = m.group(1).strip();
    context = context.endsWith(":") ? context.substring(0, context.length() - 1) : context;
    return file + ":" + m.group(2) + ": " + m.group(3) + (context.isEmpty() ? "" : " (" + context + ")");
  }
}
