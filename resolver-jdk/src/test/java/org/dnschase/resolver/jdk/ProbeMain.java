package org.dnschase.resolver.jdk;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Run in a fresh JVM by {@link Probe}: one look-up through whatever provider the JVM has, its
 * result on standard output, one line each.
 * <ul>
 *   <li>{@code all NAME}: the addresses of {@code getAllByName}, in order;
 *   <li>{@code timed NAME}: the first address of {@code getByName} (or its {@code
 *       UnknownHostException}) and the milliseconds it took;
 *   <li>{@code canonical ADDRESS}: the {@code getCanonicalHostName} of an address literal.
 * </ul>
 * An {@link UnknownHostException} prints as {@code UnknownHostException: message}.
 */
final class ProbeMain {

  private ProbeMain() {}

  public static void main(String[] args) {
    try {
      switch (args[0]) {
        case "all" -> {
          for (InetAddress address : InetAddress.getAllByName(args[1])) {
            System.out.println(address.getHostAddress());
          }
        }
        case "timed" -> {
          long start = System.nanoTime();
          String outcome;
          try {
            outcome = InetAddress.getByName(args[1]).getHostAddress();
          } catch (UnknownHostException e) {
            outcome = "UnknownHostException: " + e.getMessage();
          }
          long micros = (System.nanoTime() - start) / 1_000;
          System.out.println(outcome);
          System.out.println(micros / 1000.0);
        }
        case "canonical" -> System.out.println(InetAddress.getByName(args[1]).getCanonicalHostName());
        default -> throw new IllegalArgumentException("no such probe: " + args[0]);
      }
    } catch (UnknownHostException e) {
      System.out.println("UnknownHostException: " + e.getMessage());
    }
  }
}
