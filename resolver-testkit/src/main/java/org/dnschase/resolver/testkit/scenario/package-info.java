/**
 * A replayer for the {@code .rpl} scenarios of CZ.NIC Deckard and Unbound's testbound: the parser
 * ({@link org.dnschase.resolver.testkit.scenario.Scenario}) and the scripted authoritative servers
 * ({@link org.dnschase.resolver.testkit.scenario.ScriptedServers}), with Deckard's semantics as
 * the corpus's {@code FORMAT.md} describes them.
 *
 * <p>Nothing here opens a socket or knows a resolver: a test routes the resolver's upstream
 * queries to {@code ScriptedServers.respond(destination, query, step)} in memory, plays the
 * {@link org.dnschase.resolver.testkit.scenario.Step}s, and compares the resolver's answers with
 * {@link org.dnschase.resolver.testkit.scenario.Entry#differences(org.xbill.DNS.Message)}.
 *
 * <p>Implemented: both CONFIG dialects; RANGE windows and addresses; MATCH {@code opcode qtype
 * qname qcase subdomain question flags rcode answer authority additional all}; ADJUST
 * {@code copy_id copy_query do_not_answer}; REPLY flags, opcodes, rcodes and {@code DO}; STEP
 * {@code QUERY CHECK_ANSWER TIME_PASSES REPLY CHECK_OUT_QUERY}. Anything else in a file is a
 * {@link org.dnschase.resolver.testkit.scenario.ScenarioFormatException} naming the line, never
 * silently ignored.
 */
package org.dnschase.resolver.testkit.scenario;
