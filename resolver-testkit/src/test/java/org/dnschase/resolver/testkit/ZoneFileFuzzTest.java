package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Zone text from any source, as {@link TestHierarchy.Builder#zone(String)} and {@link ZoneCheck}
 * read it: either it loads (and then the server plan and every answer come out without an
 * exception), or it is refused with an {@link IllegalArgumentException} that says why. No other
 * exception, and no hang.
 */
class ZoneFileFuzzTest {

  /** Questions asked of a zone that loaded: enough to walk its answers, not so many that fuzzing slows. */
  private static final int MAX_QUESTIONS = 24;
  private static final int[] TYPES = {Type.A, Type.ANY, Type.DS, Type.NS, Type.CNAME};

  @FuzzTest
  void zoneTextLoadsAndAnswersOrIsRefusedWithAReason(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ServedZone zone;
    try {
      zone = ServedZone.parse(null, text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    try {
      new ServerPlan(List.of(zone)).serversByAddress();
    } catch (IllegalArgumentException refused) { // no loopback address for its name servers
      assertThat(refused.getMessage()).contains(zone.origin().toString());
    }
    ZoneDispatcher dispatcher = new ZoneDispatcher(List.of(zone));
    for (Name name : questionNames(zone)) {
      for (int type : TYPES) {
        Message reply = dispatcher.dispatch(query(name, type));
        assertThat(reply.getQuestion().getName()).isEqualTo(name);
      }
    }
  }

  @FuzzTest
  void zoneCheckGivesRealLinesOrRefusesWithAReason(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<ZoneViolation> violations;
    try {
      violations = ZoneCheck.check(text);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    long lines = text.lines().count();
    assertThat(violations).allSatisfy(violation -> assertThat(violation.line()).isBetween(1, (int) lines));
  }

  /** The origin, a name below it that is not there, and the owners of the zone's records. */
  private static List<Name> questionNames(ServedZone zone) {
    List<Name> names = new ArrayList<>();
    names.add(zone.origin());
    Name missing = Name.fromConstantString("fuzz-missing");
    try {
      names.add(Name.concatenate(missing, zone.origin()));
    } catch (org.xbill.DNS.NameTooLongException tooLong) {
      // an origin of 255 octets has no name below it
    }
    for (Record record : zone.records()) {
      if (names.size() >= MAX_QUESTIONS) {
        break;
      }
      names.add(record.getName());
    }
    return names;
  }

  private static RecordedQuery query(Name name, int type) {
    Message message = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    return new RecordedQuery(InetAddress.getLoopbackAddress(),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300), name, type,
        RecordedQuery.Transport.UDP, Instant.EPOCH, message);
  }
}
