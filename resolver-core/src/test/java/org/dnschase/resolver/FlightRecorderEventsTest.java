package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.CacheLab.WWW;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * Each question answered and each upstream exchange is a JDK Flight Recorder event, so that a
 * recording ({@code jcmd PID JFR.start}) shows what the resolver did, with no dependency.
 */
class FlightRecorderEventsTest {

  private static final String RESOLUTION = "org.dnschase.Resolution";
  private static final String EXCHANGE = "org.dnschase.Exchange";

  @Test
  @DisplayName("a recording holds a timed event for an iterated resolution, one per exchange, and one for a cache hit")
  void recording_holdsResolutionAndExchangeEvents(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("resolver.jfr");
    try (TestHierarchy lab = CacheLab.start();
        Resolver resolver = ChainLab.resolverFor(lab).build();
        Recording recording = new Recording()) {
      recording.enable(RESOLUTION);
      recording.enable(EXCHANGE);
      recording.start();
      resolver.resolve(WWW, Type.A);
      resolver.resolve(WWW, Type.A);
      recording.stop();
      recording.dump(file);
      int exchanges = lab.queryCount();

      List<RecordedEvent> events = RecordingFile.readAllEvents(file);
      List<RecordedEvent> resolutions = ofType(events, RESOLUTION);
      List<RecordedEvent> sent = ofType(events, EXCHANGE);

      assertThat(resolutions).hasSize(2);
      assertThat(resolutions).allSatisfy(event -> {
        assertThat(event.getString("qname")).isEqualTo(WWW.toString());
        assertThat(event.getString("qtype")).isEqualTo("A");
        assertThat(event.getString("outcome")).isEqualTo("Answer");
        assertThat(event.getString("rcode")).isEqualTo("NOERROR");
      });
      assertThat(resolutions).extracting(event -> event.getString("source"))
          .containsExactlyInAnyOrder("iterated", "resolution cache");
      assertThat(resolutions).filteredOn(event -> event.getString("source").equals("iterated")).singleElement()
          .satisfies(event -> {
            assertThat(event.getInt("upstreamQueries")).isEqualTo(exchanges);
            assertThat(event.getDuration().isPositive()).isTrue();
          });
      assertThat(sent).hasSize(exchanges);
      assertThat(sent).allSatisfy(event -> {
        assertThat(event.getString("server")).startsWith("127.53.40.").endsWith("#" + lab.port());
        assertThat(event.getString("rcode")).isEqualTo("NOERROR");
        assertThat(event.getString("error")).isNull();
        assertThat(event.getBoolean("retry")).isFalse();
      });
      assertThat(sent).extracting(event -> event.getString("zone")).contains(".", "test.", "shop.test.");
    }
  }

  private static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
    return events.stream().filter(event -> event.getEventType().getName().equals(name)).toList();
  }
}
