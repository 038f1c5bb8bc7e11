/**
 * DNSSEC settings a resolver builder takes: {@link org.dnschase.resolver.dnssec.Validation}.
 */
package org.dnschase.resolver.dnssec;
