package org.dnschase.resolver.jdk;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Run in a fresh JVM by {@link Probe}: one look-up through whatever provider the JVM has, its
 * result on standard output, one line each.
 * <ul>
 *   <li>{@code all NAME}: the addresses of {@code getAllByName}, in order;
 *   <li>{@code timed NAME}: the first address of {@code getByName} and the milliseconds it took.
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
          InetAddress address = InetAddress.getByName(args[1]);
          long micros = (System.nanoTime() - start) / 1_000;
          System.out.println(address.getHostAddress());
          System.out.println(micros / 1000.0);
        }
        default -> throw new IllegalArgumentException("no such probe: " + args[0]);
      }
    } catch (UnknownHostException e) {
      System.out.println("UnknownHostException: " + e.getMessage());
    }
  }
}
