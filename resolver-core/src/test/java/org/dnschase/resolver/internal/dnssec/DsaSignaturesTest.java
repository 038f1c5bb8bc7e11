package org.dnschase.resolver.internal.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.dnschase.resolver.BogusReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * DSA signatures (RFC 2536) in the two forms RRSIGs carry them: RFC 2536 §3's T, R, S, and the DER
 * sequence old signers wrote, which Unbound accepts. Both verify with dnsjava's crypto once the
 * DER one is re-encoded; a changed signature still fails.
 */
class DsaSignaturesTest {

  private static final Name ZONE = Name.fromConstantString("dsa.test.");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static KeyPair pair;
  private static DNSKEYRecord key;
  private static RRset rrset;
  private static RRSIGRecord rfc2536;

  private static final VerificationAllowance UNLIMITED = new VerificationAllowance() {
    @Override
    public boolean trySpendVerification() {
      return true;
    }

    @Override
    public int maxKeysPerSignature() {
      return 4;
    }
  };

  @BeforeAll
  static void sign() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
    generator.initialize(1024);
    pair = generator.generateKeyPair();
    key = new DNSKEYRecord(ZONE, DClass.IN, 3600, 257, DNSKEYRecord.Protocol.DNSSEC, DNSSEC.Algorithm.DSA,
        pair.getPublic());
    rrset = new RRset(new ARecord(Name.fromConstantString("www.dsa.test."), DClass.IN, 300,
        java.net.InetAddress.getByName("192.0.2.1")));
    rfc2536 = DNSSEC.sign(rrset, key, pair.getPrivate(), NOW.minusSeconds(3600), NOW.plusSeconds(86400));
  }

  @Test
  @DisplayName("RFC 2536 §3: a signature in T, R, S form verifies as it is")
  void rfc2536Form_verifies() {
    assertThat(rfc2536.getSignature()).hasSize(41);
    assertThat(verify(rfc2536)).isEqualTo(Verdict.SECURE);
  }

  @Test
  @DisplayName("a DSA signature in DER form (as ldns signed) verifies once re-encoded, as Unbound accepts it")
  void derForm_verifies() {
    RRSIGRecord der = withSignature(rfc2536, der(rfc2536.getSignature()));
    assertThat(der.getSignature()).hasSizeGreaterThan(41);

    assertThat(verify(der)).isEqualTo(Verdict.SECURE);
  }

  @Test
  @DisplayName("RFC 4035 §5.3.2: a DER signature of a wildcard expansion keeps its labels field and verifies")
  void derFormOfWildcardExpansion_verifies() throws Exception {
    RRset wild = new RRset(new ARecord(Name.fromConstantString("*.dsa.test."), DClass.IN, 300,
        java.net.InetAddress.getByName("192.0.2.1")));
    RRSIGRecord signed = DNSSEC.sign(wild, key, pair.getPrivate(), NOW.minusSeconds(3600), NOW.plusSeconds(86400));
    RRSIGRecord expanded = withSignature(signed, rrset.getName(), der(signed.getSignature()));
    assertThat(expanded.getLabels()).isEqualTo(2);

    assertThat(verify(expanded)).isEqualTo(Verdict.SECURE);
  }

  @Test
  @DisplayName("a DER signature whose S was changed does not verify")
  void changedDerSignature_isBogus() {
    byte[] changed = rfc2536.getSignature().clone();
    changed[40] ^= 1;
    RRSIGRecord der = withSignature(rfc2536, der(changed));

    assertThat(verify(der).reason()).isEqualTo(BogusReason.BAD_SIGNATURE);
  }

  @Test
  @DisplayName("a DSA signature that is neither form is left to fail verification")
  void neitherForm_isBogus() {
    RRSIGRecord garbage = withSignature(rfc2536, Arrays.copyOf(rfc2536.getSignature(), 45));

    assertThat(verify(garbage).reason()).isEqualTo(BogusReason.BAD_SIGNATURE);
  }

  private static Verdict verify(RRSIGRecord sig) {
    RRset signed = new RRset();
    rrset.rrs(false).forEach(signed::addRR);
    signed.addRR(sig);
    return SignatureVerifier.verify(signed, ZONE, List.of(key), NOW, UNLIMITED);
  }

  private static RRSIGRecord withSignature(RRSIGRecord sig, byte[] signature) {
    return withSignature(sig, sig.getName(), signature);
  }

  /** {@code sig} at {@code owner} with {@code signature}, its labels field kept (a constructor would count them anew). */
  private static RRSIGRecord withSignature(RRSIGRecord sig, Name owner, byte[] signature) {
    byte[] rdata = sig.rdataToWireCanonical();
    int fixed = rdata.length - sig.getSignature().length;
    byte[] replaced = Arrays.copyOf(rdata, fixed + signature.length);
    System.arraycopy(signature, 0, replaced, fixed, signature.length);
    return (RRSIGRecord) Record.newRecord(owner, Type.RRSIG, DClass.IN, sig.getTTL(), replaced);
  }

  /** R and S of an RFC 2536 signature as DER {@code SEQUENCE { INTEGER r, INTEGER s }}. */
  private static byte[] der(byte[] rfc2536) {
    byte[] r = new BigInteger(1, Arrays.copyOfRange(rfc2536, 1, 21)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(rfc2536, 21, 41)).toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(4 + r.length + s.length);
    out.write(0x02);
    out.write(r.length);
    out.writeBytes(r);
    out.write(0x02);
    out.write(s.length);
    out.writeBytes(s);
    return out.toByteArray();
  }
}
