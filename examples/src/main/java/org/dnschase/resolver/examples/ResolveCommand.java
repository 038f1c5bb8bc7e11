package org.dnschase.resolver.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.examples.ResolveOptions.Question;
import org.dnschase.resolver.examples.ResolveOptions.UsageException;
import org.dnschase.resolver.spi.LogText;

/**
 * The {@code resolve} command behind {@code bin/resolve}: a dig-like tool that resolves names
 * iteratively from the root and shows every hop of each alias chain, and with {@code --trace}
 * every upstream exchange. {@code --json} prints one object per resolution on one line for
 * scripts; {@code --batch} resolves {@code NAME TYPE} lines from stdin in one process. See
 * {@link ResolveOptions#USAGE} for the whole contract.
 *
 * <p>Exit codes: 0 when an outcome was printed, whatever its rcode; 2 on bad usage.
 */
public final class ResolveCommand {

  /** Exit code when every outcome was printed. */
  static final int OK = 0;
  /** Exit code for a mistake on the command line or in a batch line. */
  static final int USAGE = 2;

  private final ResolveOptions options;
  private final ResolverBuilder builder;
  private final PrintStream out;
  private final PrintStream err;
  private final ResolutionPrinter printer;

  private ResolveCommand(ResolveOptions options, ResolverBuilder builder, PrintStream out,
      PrintStream err) {
    this.options = options;
    this.builder = builder;
    this.out = out;
    this.err = err;
    this.printer = new ResolutionPrinter(out);
  }

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command; returns the exit code instead of exiting, so tests can call it. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    try {
      ResolveOptions options = ResolveOptions.parse(args);
      if (options.help()) {
        out.print(ResolveOptions.USAGE);
        return OK;
      }
      ResolveCommand command = new ResolveCommand(options, builder(options), out, err);
      return options.batch() ? command.batch(in) : command.single(options.question());
    } catch (UsageException e) {
      // printed as it is: what a message quotes of an argument, a file or a name is escaped where
      // it is quoted (LogText), once
      err.println("resolve: " + e.getMessage());
      err.println("Try 'bin/resolve --help' for the options.");
      return USAGE;
    } finally {
      out.flush();
    }
  }

  /** Every option that shapes the resolver; the rest only shape the output. */
  private static ResolverBuilder builder(ResolveOptions options) throws UsageException {
    ResolverBuilder builder = Resolver.builder().recordTrace(options.trace());
    if (options.rootHints() != null) {
      builder.rootHints(readHints(options));
    }
    if (options.port() != null) {
      builder.upstreamPort(options.port());
    }
    Budgets budgets = Budgets.DEFAULTS;
    if (options.maxHops() != null) {
      budgets = budgets.withMaxHops(options.maxHops());
    }
    if (options.timeoutMillis() != null) {
      budgets = budgets.withQueryTimeout(Duration.ofMillis(options.timeoutMillis()));
    }
    builder.budgets(budgets);
    if (options.loopbackOnly()) {
      builder.loopbackOnly();
    }
    if (options.noQmin()) {
      builder.qnameMinimisation(false);
    }
    if (options.noValidation()) {
      builder.validation(Validation.off());
    }
    if (options.trustAnchor() != null) {
      try {
        builder.validation(Validation.trustAnchorFile(options.trustAnchor()));
      } catch (UncheckedIOException | IllegalArgumentException e) {
        throw new UsageException("--trust-anchor: " + e.getMessage());
      }
    }
    return builder;
  }

  private static RootHints readHints(ResolveOptions options) throws UsageException {
    try {
      return RootHints.read(options.rootHints());
    } catch (IOException e) {
      throw new UsageException("--root-hints: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--root-hints " + LogText.escaped(options.rootHints().toString()) + ": "
          + e.getMessage());
    }
  }

  private int single(Question question) throws UsageException {
    try (Resolver resolver = builder.build()) {
      resolveAndPrint(resolver, question);
      return OK;
    }
  }

  /**
   * Resolves each line in order. A bad line is reported and skipped rather than ending the batch,
   * so the lines after it still get their outcome; the exit code then says something was wrong.
   */
  private int batch(InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    boolean badLine = false;
    // one resolver, and so one cache, for the whole batch unless every line must start cold
    Resolver shared = options.cold() ? null : builder.build();
    try {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        try {
          batchLine(shared, line);
        } catch (UsageException e) {
          err.println("resolve: line " + number + ": " + e.getMessage());
          badLine = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the batch from stdin", e);
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
    return badLine ? USAGE : OK;
  }

  /** Resolves one batch line with the shared resolver, or with a fresh one when it is null. */
  private void batchLine(Resolver shared, String line) throws UsageException {
    String text = line.strip();
    if (text.isEmpty() || text.startsWith("#")) {
      return;
    }
    String[] fields = text.split("\\s+");
    if (fields.length > 2) {
      throw new UsageException("expected NAME [TYPE], got '" + LogText.escaped(text) + "'");
    }
    Question question = Question.parse(fields[0], fields.length == 2 ? fields[1] : "A");
    if (shared != null) {
      resolveAndPrint(shared, question);
      return;
    }
    try (Resolver cold = builder.build()) {
      resolveAndPrint(cold, question);
    }
  }

  private void resolveAndPrint(Resolver resolver, Question question) throws UsageException {
    long startNanos = System.nanoTime();
    Resolution resolution;
    try {
      resolution = resolver.resolve(question.name(), question.type());
    } catch (IllegalArgumentException e) {
      // a malformed name, or a type that exists but cannot be asked for (OPT, AXFR, ...): the resolver says why
      throw new UsageException(e.getMessage());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    if (options.json()) {
      out.println(ResolutionJson.of(resolution, elapsed.toNanos() / 1_000, options.trace()));
    } else {
      printer.print(resolution, options.trace(), elapsed);
      if (options.batch()) {
        out.println();
      }
    }
    // flushed per outcome so a script reading a batch's output sees each line as it is ready
    out.flush();
  }
}
