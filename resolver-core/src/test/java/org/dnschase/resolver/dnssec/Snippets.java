package org.dnschase.resolver.dnssec;

import java.nio.file.Path;
import java.util.List;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.xbill.DNS.Name;

/**
 * The code samples of this package's javadoc, compiled with its tests so that none can rot; {@code
 * TrustAnchorsTest} runs them against a signed lab.
 */
final class Snippets {

  private Snippets() {}

  /** {@link Validation}'s sample, on a builder that already knows where the lab is. */
  static Resolver validation(ResolverBuilder builder, Path anchorFile) {
    // @start region=validation
    Resolver resolver = builder
        // the root's key as DS or DNSKEY records (Unbound's trust-anchor-file)
        .validation(Validation.trustAnchorFile(anchorFile)
            // RFC 7646: alpha.lab. is being re-signed; its names are INSECURE meanwhile
            .withNegativeTrustAnchors(List.of(Name.fromConstantString("alpha.lab."))))
        .build();
    // @end
    return resolver;
  }
}
