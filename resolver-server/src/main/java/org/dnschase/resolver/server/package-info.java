/**
 * A DNS server front-end for the resolver: {@link org.dnschase.resolver.server.DnsServer}, built
 * by {@link org.dnschase.resolver.server.DnsServerBuilder}, answers DNS clients over UDP and TCP
 * from one {@link org.dnschase.resolver.Resolver}. {@code bin/serve} runs it from the command line
 * and {@code bin/serve-control} talks to its control channel.
 */
package org.dnschase.resolver.server;
