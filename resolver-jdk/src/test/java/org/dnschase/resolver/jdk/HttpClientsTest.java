package org.dnschase.resolver.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HTTP clients that know nothing of dnschase reach a server by a name the provider resolves
 * iteratively, through a CNAME chain across two zones: the JDK's HttpClient, and OkHttp with its
 * default {@code Dns}, which asks {@code InetAddress}.
 */
class HttpClientsTest extends JdkLabTest {

  static HttpServer web;

  @BeforeAll
  static void startWeb() throws Exception {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext("/", exchange -> {
      byte[] body = ("hello from " + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    web.start();
  }

  @AfterAll
  static void stopWeb() {
    web.stop(0);
  }

  @Test
  @DisplayName("java.net.http.HttpClient fetches http://www.app.test:PORT/, the name walked from the lab's root")
  void jdkHttpClient_fetchesByAName() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI uri = URI.create("http://www.app.test:" + web.getAddress().getPort() + "/");

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello from www.app.test:" + web.getAddress().getPort());
    assertWalked("www.app.test.");
  }

  @Test
  @DisplayName("OkHttp with its default Dns fetches http://api.app.test:PORT/ the same way")
  void okHttp_fetchesByAName() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    Request request = new Request.Builder().url("http://api.app.test:" + web.getAddress().getPort() + "/").build();

    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).startsWith("hello from api.app.test");
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    assertWalked("api.app.test.");
  }

  /** The query log shows the walk: the root, test., app.test. (the alias) and cdn.test. (its target). */
  private static void assertWalked(String alias) {
    assertThat(JdkLab.asked(lab, alias)).as("%s asked", alias).isTrue();
    assertThat(JdkLab.asked(lab, "edge.cdn.test.")).as("the alias's target asked").isTrue();
    for (String zone : new String[] {".", "test.", "app.test.", "cdn.test."}) {
      assertThat(lab.serversFor(org.xbill.DNS.Name.fromConstantString(zone)))
          .as("a server of %s was asked", zone).anyMatch(server -> server.queryCount() > 0);
    }
  }
}
