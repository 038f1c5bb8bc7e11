package org.dnschase.resolver.internal.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 5452 §4.3: a query's ID comes from a secure source, one that draws without a system call (a
 * DRBG seeded once, not the entropy device read again after a pause).
 */
class SecureSourceTest {

  @Test
  @DisplayName("the source of IDs and of 0x20's case is the JDK's DRBG, which reads no device per draw")
  void sourceIsDrbg() {
    assertThat(SecureSource.get().getAlgorithm()).isEqualTo("DRBG");
  }

  @Test
  @DisplayName("one source for the process: the DRBG is seeded once, not once for every user of it")
  void oneSourcePerProcess() {
    assertThat(SecureSource.get()).isSameAs(SecureSource.get());
  }

  @Test
  @DisplayName("RFC 5452 §4.3: the queries' IDs spread over the whole 16-bit range")
  void queryIdsSpanTheRange() {
    Set<Integer> ids = new HashSet<>();
    IntStream.range(0, 4096).forEach(i -> ids.add(Queries.iterative(Name.root, Type.NS, 1232).getHeader().getID()));

    assertThat(ids).allMatch(id -> id >= 0 && id <= 0xFFFF);
    assertThat(ids.size()).isGreaterThan(3900); // 4096 draws of 65536 values repeat about 125 times
  }
}
