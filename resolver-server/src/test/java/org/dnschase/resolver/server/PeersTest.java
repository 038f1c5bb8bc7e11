package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How the tests read what a client printed. */
class PeersTest {

  /** What dig 9.18 prints when it reads its own query: its socket was given the server's port. */
  private static final String OWN_QUERY = """
      ;; Warning: query response not set

      ; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @127.0.0.1 -p 40000 +tries=1 +time=2 +header-only www.shop.example.
      ; (1 server found)
      ;; global options: +cmd
      ;; Got answer:
      ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 41188
      ;; flags: rd ad; QUERY: 0, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1
      ;; WARNING: recursion requested but not available

      ;; OPT PSEUDOSECTION:
      ; EDNS: version: 0, flags:; udp: 1232
      ; COOKIE: e2d493b203c628f2 (echoed)
      ;; MSG SIZE  rcvd: 35
      """;

  @Test
  @DisplayName("RFC 1035 §4.1.1: a message without QR is no response, so its rcode is no answer's status")
  void ownQueryPrinted_isNoStatus() {
    assertThatThrownBy(() -> new Peers.Output(OWN_QUERY).status())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no response");
  }

  @Test
  @DisplayName("a response's status is read from its header line")
  void responsePrinted_statusRead() {
    String response = OWN_QUERY.replace("flags: rd ad;", "flags: qr rd ad;").replace("NOERROR", "FORMERR");

    assertThat(new Peers.Output(response).status()).isEqualTo("FORMERR");
  }
}
