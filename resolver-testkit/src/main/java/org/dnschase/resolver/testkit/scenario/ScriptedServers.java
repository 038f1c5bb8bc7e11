package org.dnschase.resolver.testkit.scenario;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The fake Internet of a scenario: answers each upstream query from the RANGE blocks and one-shot
 * REPLY steps (FORMAT §7.2, §7.3), by the rules of the suite the file comes from: Deckard's (the
 * first range in file order whose window and addresses fit answers, or nobody; no server at an
 * address no range names; else a later REPLY step that matches, at once) or testbound's (ranges
 * from the last one up, a range without a matching entry passing the query on to the next; a
 * query none answers stays pending, for a REPLY step to answer when the script reaches it, {@link
 * #answer(Step.Reply, Message)}). It sends nothing anywhere; whoever plays the
 * scenario routes the resolver's queries here and delivers the result. Thread-safe.
 */
public final class ScriptedServers {

  private static final int[] ALL_SECTIONS = {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL};

  private final Scenario scenario;
  /** Where scripted servers exist; null when a range without address serves every destination. */
  private final Set<InetAddress> serverAddresses;
  private final Set<Object> used = Collections.newSetFromMap(new IdentityHashMap<>());

  private final boolean testbound;

  /**
   * Servers that answer as {@code scenario} scripts them; each instance keeps its own record of
   * which one-shot REPLY steps and MANDATORY entries were used.
   *
   * @param scenario the scenario whose ranges and REPLY steps answer
   */
  public ScriptedServers(Scenario scenario) {
    this.scenario = scenario;
    this.testbound = scenario.config().dialect() == ScenarioConfig.Dialect.TESTBOUND;
    this.serverAddresses = testbound ? null : serverAddresses(scenario);
  }

  /**
   * What the servers do with {@code query} sent to {@code destination} while step {@code step}
   * is played: the first range in file order whose window and addresses fit answers with its
   * first matching entry; if none fits, in a Deckard file, the first unused REPLY step with an id
   * of at least {@code step} whose MATCH holds answers, once (a testbound file's REPLY steps answer
   * pending queries when reached instead).
   *
   * @param destination the server address the query was sent to
   * @param query the query
   * @param step the id of the step being played
   * @return a reply, silence, or that the scenario did not foresee the query
   */
  public synchronized ScriptedResponse respond(InetAddress destination, Message query, int step) {
    return respond(destination, query, step, false);
  }

  /**
   * As {@link #respond(InetAddress, Message, int)}, for a query sent over TCP when {@code overTcp}.
   *
   * @param destination the server address the query was sent to
   * @param query the query
   * @param step the id of the step being played
   * @param overTcp whether the query came over TCP
   * @return a reply, silence, or that the scenario did not foresee the query
   */
  public synchronized ScriptedResponse respond(InetAddress destination, Message query, int step, boolean overTcp) {
    if (serverAddresses != null && !serverAddresses.contains(destination)) {
      return new ScriptedResponse.Silence("no scripted server at " + destination.getHostAddress());
    }
    List<Range> ranges = scenario.ranges();
    for (int i = 0; i < ranges.size(); i++) {
      Range range = ranges.get(testbound ? ranges.size() - 1 - i : i);
      if (range.serves(destination, step)) {
        for (Entry entry : range.entries()) {
          if (entry.matches(query, overTcp)) {
            return answer(entry, query, "RANGE at line " + range.line() + ", " + entry);
          }
        }
        if (!testbound) {
          return new ScriptedResponse.Unforeseen("the RANGE at line " + range.line() + " has no entry for "
              + question(query));
        }
      }
    }
    for (Step candidate : testbound ? List.<Step>of() : scenario.steps()) {
      if (candidate instanceof Step.Reply reply && reply.id() >= step && !used.contains(reply)
          && reply.entry().matches(query, overTcp)) {
        used.add(reply);
        return answer(reply.entry(), query, "STEP " + reply.id() + " REPLY");
      }
    }
    return new ScriptedResponse.Unforeseen("no RANGE serves " + destination.getHostAddress() + " at step "
        + step + (testbound ? " for " : " and no REPLY step matches ") + question(query));
  }

  /**
   * testbound: the answer of the REPLY step {@code reply}, reached by the script, to the pending
   * {@code query} its MATCH holds for.
   *
   * @param reply the REPLY step
   * @param query the pending query it answers
   * @return the reply, or silence when the entry says {@code do_not_answer}
   */
  public synchronized ScriptedResponse answer(Step.Reply reply, Message query) {
    used.add(reply);
    return answer(reply.entry(), query, "STEP " + reply.id() + " REPLY");
  }

  /**
   * testbound: the answer of the CHECK_OUT_QUERY step {@code checkOut}, whose entry says {@code
   * copy_id}, to the pending {@code query} it checked out (testbound answers it with that entry).
   *
   * @param checkOut the CHECK_OUT_QUERY step
   * @param query the pending query it checked out
   * @return the reply, or silence when the entry says {@code do_not_answer}
   */
  public synchronized ScriptedResponse answer(Step.CheckOutQuery checkOut, Message query) {
    return answer(checkOut.entry(), query, "STEP " + checkOut.id() + " CHECK_OUT_QUERY");
  }

  /** {@return the entries marked MANDATORY that no query has used so far} */
  public synchronized List<Entry> unusedMandatoryEntries() {
    List<Entry> unused = new ArrayList<>();
    for (Range range : scenario.ranges()) {
      range.entries().stream().filter(entry -> entry.mandatory() && !used.contains(entry)).forEach(unused::add);
    }
    return unused;
  }

  private ScriptedResponse answer(Entry entry, Message query, String origin) {
    used.add(entry);
    if (entry.has(Adjust.DO_NOT_ANSWER)) {
      return new ScriptedResponse.Silence(origin + " says do_not_answer");
    }
    return new ScriptedResponse.Reply(Templates.answer(entry, query), origin);
  }

  /**
   * Deckard runs servers at the range addresses and at the A/AAAA addresses in REPLY steps; a
   * query anywhere else is never answered.
   */
  private static Set<InetAddress> serverAddresses(Scenario scenario) {
    Set<InetAddress> addresses = new HashSet<>();
    for (Range range : scenario.ranges()) {
      if (range.addresses().isEmpty()) {
        return null;
      }
      addresses.addAll(range.addresses());
    }
    for (Step step : scenario.steps()) {
      if (step instanceof Step.Reply reply) {
        Message message = reply.entry().message();
        for (int section : ALL_SECTIONS) {
          for (Record record : message.getSection(section)) {
            addAddress(addresses, record);
          }
        }
      }
    }
    return addresses;
  }

  private static void addAddress(Set<InetAddress> addresses, Record record) {
    if (record instanceof ARecord a) {
      addresses.add(a.getAddress());
    } else if (record instanceof AAAARecord aaaa) {
      addresses.add(aaaa.getAddress());
    }
  }

  private static String question(Message query) {
    Record question = query.getQuestion();
    return question == null ? "a query without question"
        : question.getName() + " " + Type.string(question.getType());
  }
}
