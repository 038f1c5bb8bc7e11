/**
 * The narrower door, for those who build on the resolver rather than embed it: a server
 * front-end, a conformance runner, a {@code dig}-like tool. {@link
 * org.dnschase.resolver.spi.Transport} replaces how queries reach servers (given to {@link
 * org.dnschase.resolver.ResolverBuilder#transport}; {@link org.dnschase.resolver.spi.Replies} reads
 * a reply off the wire as the built-in transport does), {@link org.dnschase.resolver.spi.Responses}
 * turns a {@link org.dnschase.resolver.Resolution} into the DNS response a client is sent, and
 * {@link org.dnschase.resolver.spi.LogText} writes what a client or a file sent into a log line or
 * a terminal without letting it move, restyle or forge a line.
 *
 * <p>An application that only resolves names needs nothing from here: the API package
 * {@code org.dnschase.resolver} is all of it.
 */
package org.dnschase.resolver.spi;
