/**
 * Host look-ups as a C library's resolver makes them, over the iterative resolver: the addresses
 * of a name, both families at once and in the order asked ({@link
 * org.dnschase.resolver.host.HostAddresses}, {@link org.dnschase.resolver.host.AddressOrder}), and
 * the options that put local names in front of the network: a hosts file ({@link
 * org.dnschase.resolver.host.HostsFile}) and search domains ({@link
 * org.dnschase.resolver.host.SearchList}), read from a {@link
 * org.dnschase.resolver.host.ResolvConf} or given. Both are off unless given to the builder. An
 * alias's addresses, flattened to its own name as an ALIAS/ANAME at an apex needs, are a {@link
 * org.dnschase.resolver.host.Flattening}.
 */
package org.dnschase.resolver.host;
