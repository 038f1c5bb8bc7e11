package org.dnschase.resolver.internal.iterate;

import org.dnschase.resolver.internal.reply.ResponseType;
import org.dnschase.resolver.internal.reply.ScrubbedReply;
import org.dnschase.resolver.internal.servers.Delegation;

/**
 * A reply of one of a zone's servers to use only if none of the others does better ({@link
 * org.dnschase.resolver.internal.reply.ResponseClassifier#onlyAsLastResort}): the delegation it was
 * asked at, the exchange that brought it, and the reply as scrubbed and classified.
 */
record LastResort(Delegation at, ZoneExchanges.Exchange exchange, ScrubbedReply reply, ResponseType type) {}
