package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.host.SearchList;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Every entry point checks its arguments before any work, as {@link Resolver}'s javadoc says: a
 * bad type is an {@link IllegalArgumentException}, a null name a {@link NullPointerException}
 * naming the parameter; nothing is sent upstream and no outcome stands in for the mistake.
 */
class QuestionArgumentsTest {

  private final CannedServers servers = new CannedServers()
      .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of("www.example. 300 A 192.0.2.80"),
          List.of(), List.of());
  private final Resolver resolver = servers.resolver();

  @AfterEach
  void close() {
    resolver.close();
  }

  /** The four ways to ask one question, each by the name's text. */
  static Stream<Arguments> entryPoints() {
    return Stream.of(
        Arguments.of("resolve(Name)", (BiConsumer<Resolver, Object[]>) (r, q) -> r.resolve(name(q[0]), (int) q[1])),
        Arguments.of("resolveAsync(Name)",
            (BiConsumer<Resolver, Object[]>) (r, q) -> r.resolveAsync(name(q[0]), (int) q[1])),
        Arguments.of("resolve(String)", (BiConsumer<Resolver, Object[]>) (r, q) -> r.resolve((String) q[0], (int) q[1])),
        Arguments.of("resolveAsync(String)",
            (BiConsumer<Resolver, Object[]>) (r, q) -> r.resolveAsync((String) q[0], (int) q[1])));
  }

  private static Name name(Object text) {
    return text == null ? null : Name.fromConstantString((String) text);
  }

  static Stream<Arguments> entryPointsAndBadTypes() {
    return entryPoints().flatMap(entry -> Stream.of(-1, 65536, 70_000, Integer.MIN_VALUE, Integer.MAX_VALUE, 0,
            Type.OPT, Type.AXFR, Type.IXFR, Type.TSIG, Type.TKEY, Type.MAILA, Type.MAILB, 128, 248)
        .map(type -> Arguments.of(entry.get()[0], entry.get()[1], type)));
  }

  @ParameterizedTest(name = "{0} with type {2}")
  @MethodSource("entryPointsAndBadTypes")
  @DisplayName("RFC 6895 §3.1: a type outside 0..65535, 0, or a pseudo, meta or transfer type is refused at the door")
  void typeThatCannotBeAsked_isIllegalArgument(String entry, BiConsumer<Resolver, Object[]> ask, int type) {
    assertThatThrownBy(() -> ask.accept(resolver, new Object[] {"www.example.", type}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(type < 0 || type > 65535 || type == 0 ? type : ""));
    assertThat(servers.asked("www.example. A")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entryPoints")
  @DisplayName("A null name is a NullPointerException naming the parameter, thrown before any work")
  void nullName_isNullPointerNamingIt(String entry, BiConsumer<Resolver, Object[]> ask) {
    assertThatThrownBy(() -> ask.accept(resolver, new Object[] {null, Type.A}))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  @DisplayName("flatten and flattenAsync refuse a null name with a NullPointerException naming it")
  void flattenNullName_isNullPointerNamingIt() {
    assertThatThrownBy(() -> resolver.flatten(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> resolver.flattenAsync(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  @DisplayName("flatten refuses a relative name before either resolution starts")
  void flattenRelativeName_isIllegalArgument() {
    assertThatThrownBy(() -> resolver.flatten(Name.fromConstantString("www.example")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(servers.asked("www.example. A") + servers.asked("www.example. AAAA")).isZero();
  }

  static Stream<Arguments> entryPointsAndTextsNotNames() {
    return entryPoints().flatMap(entry -> Stream.of(
            new String[] {"b\u00fccher.example.", "'\u00fc' at 1 is not ASCII"},
            new String[] {"\u0101.example.", "'\u0101' at 0 is not ASCII"},
            new String[] {"www example.", "U+0020 at 3 is a space or a control character, written \\032"},
            new String[] {" www.example.", "U+0020 at 0"},
            new String[] {"www.example.\n", "U+000A at 12"},
            new String[] {"@", "'@' stands for the origin in a zone file"})
        .filter(bad -> entry.get()[0].toString().contains("String"))
        .map(bad -> Arguments.of(entry.get()[0], entry.get()[1], bad[0], bad[1])));
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("entryPointsAndTextsNotNames")
  @DisplayName("RFC 1035 §5.1: a name as text is printable ASCII with other octets as \\DDD, and RFC 5890 §2.3.2.1: an "
      + "internationalised name is asked by its A-labels; text outside that (a U-label, a space, a control character, "
      + "a zone file's '@') is refused with the reason, never asked as other octets or as the root")
  void textThatIsNoName_isIllegalArgumentWithTheReason(String entry, BiConsumer<Resolver, Object[]> ask, String text,
      String reason) {
    assertThatThrownBy(() -> ask.accept(resolver, new Object[] {text, Type.A}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed name")
        .hasMessageContaining(reason);
    assertThat(servers.queries()).isZero();
  }

  @Test
  @DisplayName("the refused text is quoted with its control characters escaped: a terminal escape in a name read from "
      + "a client or a file reaches no log line or terminal as one")
  void refusedText_isQuotedEscaped() {
    String text = "www\u001b[31m.example.";

    assertThatThrownBy(() -> resolver.resolve(text, Type.A))
        .hasMessageStartingWith("malformed name 'www\\x1b[31m.example.'").hasMessageNotContaining("\u001b");
    assertThatThrownBy(() -> resolver.resolveAddresses(text, AddressOrder.IPV4_FIRST))
        .hasMessageStartingWith("malformed name 'www\\x1b[31m.example.'").hasMessageNotContaining("\u001b");
  }

  @Test
  @DisplayName("RFC 1035 §5.1: search domains and the zones and servers of forward and stub zones given as text follow "
      + "the same rule")
  void configuredTextThatIsNoName_isIllegalArgument() {
    assertThatThrownBy(() -> SearchList.of(List.of("b\u00fccher.example"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not ASCII");
    assertThatThrownBy(() -> ForwardZone.of("b\u00fccher.example", "192.0.2.1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not ASCII");
    assertThatThrownBy(() -> StubZone.of("example", "ns example."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0020");
  }

  @Test
  @DisplayName("The checks refuse only mistakes: data types, private-use types and ANY are asked")
  void askableTypes_areAsked() {
    assertThat(resolver.resolve("www.example.", Type.A)).isInstanceOf(Resolution.Answer.class);
    for (int type : new int[] {Type.ANY, Type.TXT, Type.RRSIG, 127, 256, 65280, 65534}) {
      assertThat(resolver.resolve("www.example.", type)).isNotNull();
    }
  }

  @Test
  @DisplayName("RFC 3597 §2 and RFC 6895 §3.1: type 65535, reserved only until a Standards Action assigns it, is asked as any unknown type")
  void reservedType65535_isAskedAsUnknownType() {
    assertThat(resolver.resolve("www.example.", 65535)).isNotNull();

    assertThat(servers.asked("www.example. TYPE65535")).isPositive();
  }
}
