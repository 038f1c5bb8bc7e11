package org.dnschase.resolver.internal.dnssec;

import java.util.Arrays;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The two forms a DSA signature is found in: RFC 2536 §3's, T then R and S in 20 octets each,
 * which dnsjava verifies; and the DER {@code SEQUENCE { INTEGER r, INTEGER s }} that old signers
 * (ldns) wrote into RRSIGs, which Unbound accepts as it is. A DER one is put back into the RFC
 * 2536 form, the same numbers re-encoded, so that dnsjava's verification decides; anything else
 * is left for it to refuse.
 */
final class DsaSignatures {

  /** RFC 2536 §3: T, R, S. */
  private static final int RFC_2536_LENGTH = 41;
  private static final int PART = 20;
  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;

  private DsaSignatures() {}

  /** {@code sig} with its signature in RFC 2536 form when it is a DSA one in DER form; else {@code sig}. */
  static RRSIGRecord inRfc2536Form(RRSIGRecord sig, DNSKEYRecord key) {
    byte[] der = sig.getSignature();
    if (!Algorithms.isDsa(sig.getAlgorithm()) || der.length == RFC_2536_LENGTH || der.length < 8
        || (der[0] & 0xff) != SEQUENCE || (der[1] & 0xff) != der.length - 2) {
      return sig;
    }
    byte[] plain = new byte[RFC_2536_LENGTH];
    plain[0] = key.getKey().length > 0 ? key.getKey()[0] : 0; // T, which the key also carries
    int next = integer(der, 2, plain, 1);
    if (next < 0 || integer(der, next, plain, 1 + PART) != der.length) {
      return sig;
    }
    // through the wire form: dnsjava's constructor would count the labels from the owner anew,
    // which a wildcard expansion's RRSIG does not have
    byte[] rdata = sig.rdataToWireCanonical();
    byte[] replaced = Arrays.copyOf(rdata, rdata.length - der.length + plain.length);
    System.arraycopy(plain, 0, replaced, rdata.length - der.length, plain.length);
    return (RRSIGRecord) Record.newRecord(sig.getName(), Type.RRSIG, sig.getDClass(), sig.getTTL(), replaced);
  }

  /**
   * Copies the DER INTEGER at {@code at} right-aligned into the 20 octets at {@code into}; returns
   * where the next element starts, or -1 when it is not a non-negative integer of at most 20 octets.
   */
  private static int integer(byte[] der, int at, byte[] out, int into) {
    if (at + 2 > der.length || (der[at] & 0xff) != INTEGER) {
      return -1;
    }
    int length = der[at + 1] & 0xff;
    int start = at + 2;
    int end = start + length;
    if (length == 0 || length > PART + 1 || end > der.length || der[start] < 0) {
      return -1;
    }
    byte[] value = Arrays.copyOfRange(der, start, end);
    int skip = value.length > PART ? value.length - PART : 0;
    for (int i = 0; i < skip; i++) {
      if (value[i] != 0) {
        return -1;
      }
    }
    System.arraycopy(value, skip, out, into + PART - (value.length - skip), value.length - skip);
    return end;
  }
}
