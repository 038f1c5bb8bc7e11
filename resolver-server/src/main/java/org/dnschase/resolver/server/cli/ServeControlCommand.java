package org.dnschase.resolver.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.spi.LogText;

/**
 * The {@code serve-control} command behind {@code bin/serve-control}: sends one command to a
 * running {@code bin/serve}'s control channel and prints its output on standard output, as {@code
 * unbound-control} does, once it is checked to be what {@code bin/serve} gives for the command
 * ({@link ControlOutput}). Errors go to standard error, each on one line starting {@code
 * serve-control: }. Exit codes: 0 when the command was carried out, 1 when it failed (the server
 * refused it, could not be reached, or answered with something else), 2 on bad usage.
 */
public final class ServeControlCommand {

  static final String USAGE = """
      usage: bin/serve-control [--control ADDR:PORT] COMMAND

      Sends COMMAND to the control channel of a running bin/serve (default 127.0.0.1:8954)
      and prints its output:
        stats            the server's and the resolver's counters, one name=value a line, in a
                         fixed order, named as unbound-control stats names them (a value is a
                         count, or a time in seconds with a decimal point)
        flush            empty every cache the resolver keeps: the next question starts cold;
                         prints ok
        flush NAME       forget what is cached at NAME; prints ok
        flush_negative   forget every cached NXDOMAIN and NODATA; prints ok

      Errors go to standard error as one line, 'serve-control: ' and what went wrong (the
      server's refusal, or output that is not bin/serve's, quoted with control characters
      escaped). Exit status: 0 when the command was carried out, 1 when it was not (refused,
      the server unreachable, or its output cut short or not bin/serve's), 2 on bad usage.
      """;
  /** The most output read: {@code stats} writes about 5 KB. */
  static final int MAX_OUTPUT = 1 << 20;
  /** How long to wait for the server, to connect and for its output. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private ServeControlCommand() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code, so tests can call it. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    InetSocketAddress control = null;
    List<String> command = new ArrayList<>();
    Arguments arguments = new Arguments(args);
    try {
      while (arguments.hasNext()) {
        String arg = arguments.next();
        switch (arg) {
          case "--control" -> control = Arguments.single(arg, control, arguments.loopbackAddress(arg));
          case "-h", "--help" -> {
            out.print(USAGE);
            return ServeCommand.OK;
          }
          default -> {
            if (arg.startsWith("-")) {
              throw new UsageException("unknown option '" + LogText.escaped(arg) + "'");
            }
            command.add(oneLine(arg));
          }
        }
      }
      if (command.isEmpty()) {
        throw new UsageException("missing COMMAND (stats, flush, flush NAME, flush_negative)");
      }
    } catch (UsageException e) {
      err.println("serve-control: " + e.getMessage()); // what it quotes of an argument is escaped
      err.println("Try 'bin/serve-control --help'.");
      return ServeCommand.USAGE;
    }
    return send(control != null ? control : ServeOptions.DEFAULT_CONTROL, String.join(" ", command), out, err);
  }

  /**
   * A word of the command, refused if it holds a control character: the server runs the first
   * line of a connection only, so a line break would drop what follows it unseen.
   */
  private static String oneLine(String word) throws UsageException {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new UsageException("COMMAND holds a control character (" + LogText.escaped(String.valueOf(c))
            + "): one command line a call");
      }
    }
    return word;
  }

  private static int send(InetSocketAddress control, String command, PrintStream out, PrintStream err) {
    String output;
    try (Socket socket = new Socket()) {
      socket.connect(control, (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream request = socket.getOutputStream();
      request.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      request.flush();
      InputStream reply = socket.getInputStream();
      byte[] octets = reply.readNBytes(MAX_OUTPUT + 1);
      if (octets.length > MAX_OUTPUT) {
        err.println("serve-control: the control channel at " + Arguments.text(control) + " sent more than "
            + MAX_OUTPUT + " octets, more than any output of bin/serve's (is it bin/serve's control channel?)");
        return ServeCommand.FAILED;
      }
      output = new String(octets, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("serve-control: cannot talk to the control channel at " + Arguments.text(control) + ": "
          + e.getMessage() + " (is bin/serve running, with its control channel there?)");
      return ServeCommand.FAILED;
    }
    return switch (ControlOutput.of(command, output, Arguments.text(control))) {
      case ControlOutput.Shown shown -> {
        out.print(shown.text());
        yield ServeCommand.OK;
      }
      case ControlOutput.Failed failed -> {
        err.println("serve-control: " + failed.reason());
        yield ServeCommand.FAILED;
      }
    };
  }
}
