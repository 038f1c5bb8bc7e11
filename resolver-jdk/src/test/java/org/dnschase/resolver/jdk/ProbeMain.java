package org.dnschase.resolver.jdk;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Run in a fresh JVM by {@link Probe}: one look-up through whatever provider the JVM has, its
 * result on standard output, one line each.
 * <ul>
 *   <li>{@code all NAME}: the addresses of {@code getAllByName}, in order;
 *   <li>{@code timed NAME}: the first address of {@code getByName} (or its {@code
 *       UnknownHostException}) and the milliseconds it took;
 *   <li>{@code canonical ADDRESS}: the {@code getCanonicalHostName} of an address literal;
 *   <li>{@code libraries NAME}: no look-up, only the first use of what every first look-up of the
 *       provider goes through, and the milliseconds it took: dnsjava (a query for NAME with EDNS
 *       written and read back: its type tables, record factories and codec), a Caffeine cache
 *       bounded by weight with an expiry per entry (as the RRset cache), slf4j's provider, the
 *       JDK's secure random source and a datagram socket. The floor under the provider's figure.
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
        case "libraries" -> {
          long start = System.nanoTime();
          startLibraries(args[1]);
          long micros = (System.nanoTime() - start) / 1_000;
          System.out.println("libraries");
          System.out.println(micros / 1000.0);
        }
        default -> throw new IllegalArgumentException("no such probe: " + args[0]);
      }
    } catch (UnknownHostException e) {
      System.out.println("UnknownHostException: " + e.getMessage());
    }
  }

  private static void startLibraries(String name) {
    try {
      Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN));
      query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
      new Message(query.toWire()).getSection(Section.ADDITIONAL);
      Caffeine.newBuilder().maximumWeight(1 << 20).weigher((String key, String value) -> key.length())
          .expireAfter(Expiry.creating((String key, String value) -> Duration.ofMinutes(1)))
          .executor(Runnable::run).build().put(name, name);
      LoggerFactory.getLogger(ProbeMain.class).isDebugEnabled();
      new SecureRandom().nextInt();
      try (DatagramChannel channel = DatagramChannel.open()) {
        channel.bind(null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
