package org.dnschase.resolver.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.Type;

/**
 * The command line of {@code bin/resolve}, parsed and checked before any resolver is built, so a
 * mistake is reported as bad usage (exit 2) and never half-way through a batch.
 *
 * @param rootHints the hints file, or null for the IANA root
 * @param port the upstream port, or null for 53
 * @param maxHops the hop limit, or null for the default
 * @param timeoutMillis the per-server reply timeout, or null for the default
 * @param trustAnchor the DNSSEC trust anchor file, or null for the resolver's default
 * @param noValidation whether DNSSEC validation is switched off
 * @param question the single question, or null in batch mode or with {@code --help}
 */
record ResolveOptions(Path rootHints, Integer port, boolean json, boolean trace, boolean cold,
    boolean noQmin, Integer maxHops, Integer timeoutMillis, boolean batch, boolean loopbackOnly,
    Path trustAnchor, boolean noValidation, boolean help, Question question) {

  static final String USAGE = """
      usage: bin/resolve [options] NAME [TYPE]
             bin/resolve [options] --batch < lines of "NAME [TYPE]"

      Resolves NAME (TYPE defaults to A) iteratively from the root and prints the outcome with
      every CNAME/DNAME hop of its chain and its DNSSEC status. Exit code 0 when an outcome was printed (whatever the
      rcode), 2 on bad usage.

      options:
        --root-hints FILE  root hints in master-file format (NS records for "." plus their A/AAAA);
                           default: the built-in IANA root servers
        --port N, --upstream-port N
                           port the upstream servers listen on (default 53); bin/serve
                           calls it --upstream-port
        --json             one JSON object per resolution, on one line: qname, qtype, status,
                           kind, reason, security, bogusReason, answer, ttl, chain,
                           diagnostics, upstreamQueries, elapsedMicros (with --trace also a
                           "trace" array)
        --trace            print every hop and every upstream exchange (server, zone, question,
                           outcome, RTT) and every cache hit
        --batch            read "NAME [TYPE]" lines from stdin and resolve them in order in one
                           process, sharing one cache (blank lines and lines starting with # are
                           skipped; a bad line is reported on stderr and the exit code is 2)
        --cold             with --batch: a fresh cache for every line (a single name is always cold)
        --no-qmin          turn off QNAME minimisation (RFC 9156): every server on the way
                           is asked the full name
        --max-hops N       CNAME/DNAME hops allowed per chain (default 12)
        --timeout MS       the longest wait for one server's reply before trying the next
                           (default 3000): each server is waited for about as long as its
                           replies take, one never asked 1 s, doubled after each timeout up
                           to this; a whole resolution still stops after 10 s
        --loopback-only    send queries to loopback addresses only (labs and tests)
        --trust-anchor FILE
                           validate DNSSEC from the DS or DNSKEY records in FILE (Unbound's
                           trust-anchor-file); default: from the root's built-in keys when
                           no --root-hints are given
        --no-validation    no DNSSEC validation
        -h, --help         print this text
      """;

  /**
   * A question to resolve: a name as given and a type. The name is the resolver's to check, by
   * the rule of every name given to it as text, when it is asked.
   */
  record Question(String name, int type) {

    /** Parses a type mnemonic such as {@code AAAA} or {@code TYPE65}. */
    static Question parse(String name, String type) throws UsageException {
      int code = Type.value(type);
      if (code < 0) {
        throw new UsageException("unknown TYPE '" + LogText.escaped(type) + "'");
      }
      return new Question(name, code);
    }
  }

  /** A mistake on the command line or in a batch line; the message says which. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  /** Parses {@code args}; options may come before or after the name, {@code --} ends them. */
  static ResolveOptions parse(String[] args) throws UsageException {
    Parser parser = new Parser(args);
    parser.run();
    return parser.finish();
  }

  /** Walks the arguments once; one field per option, checked when it is read. */
  private static final class Parser {
    private final String[] args;
    private final List<String> positional = new ArrayList<>();
    private int next;
    private Path rootHints;
    private Integer port;
    private Integer maxHops;
    private Integer timeoutMillis;
    private boolean json;
    private boolean trace;
    private boolean cold;
    private boolean noQmin;
    private boolean batch;
    private boolean loopbackOnly;
    private Path trustAnchor;
    private boolean noValidation;
    private boolean help;

    Parser(String[] args) {
      this.args = args;
    }

    void run() throws UsageException {
      while (next < args.length) {
        String arg = args[next++];
        if (arg.equals("--")) {
          positional.addAll(List.of(args).subList(next, args.length));
          return;
        }
        if (arg.startsWith("-") && arg.length() > 1) {
          option(arg);
        } else {
          positional.add(arg);
        }
      }
    }

    private void option(String arg) throws UsageException {
      switch (arg) {
        case "--root-hints" -> rootHints = once(arg, rootHints, Path.of(value(arg)));
        case "--port", "--upstream-port" -> port = once(arg, port, number(arg, value(arg), 65535));
        case "--max-hops" -> maxHops = once(arg, maxHops, number(arg, value(arg), Integer.MAX_VALUE));
        case "--timeout" -> timeoutMillis = once(arg, timeoutMillis, number(arg, value(arg), Integer.MAX_VALUE));
        case "--json" -> json = true;
        case "--trace" -> trace = true;
        case "--cold" -> cold = true;
        case "--no-qmin" -> noQmin = true;
        case "--batch" -> batch = true;
        case "--loopback-only" -> loopbackOnly = true;
        case "--trust-anchor" -> trustAnchor = once(arg, trustAnchor, Path.of(value(arg)));
        case "--no-validation" -> noValidation = true;
        case "-h", "--help" -> help = true;
        default -> throw new UsageException("unknown option '" + LogText.escaped(arg) + "'");
      }
    }

    /**
     * An option's one value, refused when {@code given} already (as bin/serve refuses it): the last
     * of two would win unnoticed. Flags may be repeated.
     */
    private static <T> T once(String option, T given, T value) throws UsageException {
      if (given != null) {
        throw new UsageException(option + " was already given as " + LogText.escaped(String.valueOf(given))
            + ": give it once");
      }
      return value;
    }

    /** The value after {@code option}, never empty: an empty file name would name the working directory. */
    private String value(String option) throws UsageException {
      if (next >= args.length) {
        throw new UsageException(option + " needs a value");
      }
      if (args[next].isEmpty()) {
        throw new UsageException(option + " needs a value, got ''");
      }
      return args[next++];
    }

    private static int number(String option, String text, int max) throws UsageException {
      try {
        int value = Integer.parseInt(text);
        if (value >= 1 && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below with the range, the same as a number out of range
      }
      throw new UsageException(option + " needs a whole number from 1 to " + max + ", got '" + LogText.escaped(text)
          + "'");
    }

    ResolveOptions finish() throws UsageException {
      Question question = help ? null : question();
      if (noValidation && trustAnchor != null) {
        throw new UsageException("--no-validation conflicts with --trust-anchor "
            + LogText.escaped(trustAnchor.toString()));
      }
      return new ResolveOptions(rootHints, port, json, trace, cold, noQmin, maxHops, timeoutMillis,
          batch, loopbackOnly, trustAnchor, noValidation, help, question);
    }

    private Question question() throws UsageException {
      if (batch) {
        if (!positional.isEmpty()) {
          throw new UsageException("--batch reads names from stdin; unexpected argument '"
              + LogText.escaped(positional.get(0)) + "'");
        }
        return null;
      }
      if (positional.isEmpty()) {
        throw new UsageException("missing NAME (or --batch)");
      }
      if (positional.size() > 2) {
        throw new UsageException("expected NAME [TYPE], got " + positional.size() + " arguments: "
            + LogText.escaped(String.join(" ", positional)));
      }
      return Question.parse(positional.get(0), positional.size() == 2 ? positional.get(1) : "A");
    }
  }
}
