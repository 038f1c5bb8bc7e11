package org.dnschase.resolver.testkit.scenario;

import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Turns an answer template into the message a scripted server sends (FORMAT §8). */
final class Templates {

  /** Deckard gives every entry an OPT record with this payload size. */
  static final int DECKARD_EDNS_PAYLOAD = 4096;

  private Templates() {}

  static Message answer(Entry template, Message query) {
    Message reply = template.message();
    boolean copyId = template.has(Adjust.COPY_ID);
    boolean copyQuery = template.has(Adjust.COPY_QUERY);
    Record asked = query.getQuestion();
    if (copyId) {
      reply.getHeader().setID(query.getHeader().getID());
      Record question = reply.getQuestion();
      if (question != null && asked != null) {
        replaceQuestion(reply, Record.newRecord(asked.getName(), question.getType(), question.getDClass()));
      }
    }
    if (copyQuery) {
      replaceQuestion(reply, asked);
    }
    if (copyId || copyQuery) {
      mirrorEdns(reply, query.getOPT());
    } else {
      reply.addRecord(new OPTRecord(DECKARD_EDNS_PAYLOAD, 0, 0, template.dnssecOk() ? ExtendedFlags.DO : 0),
          Section.ADDITIONAL);
    }
    return reply;
  }

  private static void replaceQuestion(Message reply, Record question) {
    reply.removeAllRecords(Section.QUESTION);
    if (question != null) {
      reply.addRecord(question, Section.QUESTION);
    }
  }

  /** Deckard: with copy_id or copy_query the answer has an OPT only if the query had one, alike. */
  private static void mirrorEdns(Message reply, OPTRecord queryOpt) {
    if (queryOpt != null) {
      reply.addRecord(new OPTRecord(DECKARD_EDNS_PAYLOAD, 0, queryOpt.getVersion(), queryOpt.getFlags()),
          Section.ADDITIONAL);
    }
  }
}
