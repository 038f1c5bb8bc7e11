package org.dnschase.resolver.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** What goes back for a query under a {@link Fault}. */
final class Faults {
  /** The question a {@link Fault.WrongQuestion} reply carries: a name no zone here can hold. */
  static final Name WRONG_QNAME = Name.fromConstantString("wrong-question.invalid.");

  /** A flood's records live an hour: long enough that a resolver caching them keeps them. */
  private static final long FLOOD_TTL = 3600;

  private Faults() {}

  /**
   * The fault this one query meets: {@code fault} itself, or for a {@link Fault.Sometimes} the
   * branch drawn for it and for a {@link Fault.FirstOnly} the branch its count gives (null: the
   * normal reply). Called once per query, before a {@link Fault.Delay} is waited.
   */
  static Fault chosen(Fault fault, RecordedQuery query) {
    if (fault instanceof Fault.Sometimes sometimes) {
      boolean met = ThreadLocalRandom.current().nextDouble() < sometimes.probability();
      return chosen(met ? sometimes.fault() : sometimes.otherwise(), query);
    }
    if (fault instanceof Fault.FirstOnly first) {
      return chosen(first.choose(query), query);
    }
    return fault;
  }

  /**
   * The reply bytes for {@code query} under {@code fault} (null: no fault), or null to send
   * nothing. A {@link Fault.Delay} has already been waited out by the caller.
   */
  static byte[] reply(Fault fault, RecordedQuery query, Dispatcher dispatcher) {
    return switch (fault) {
      case null -> normal(query, dispatcher);
      case Fault.Delay d -> normal(query, dispatcher);
      case Fault.Drop d -> null;
      case Fault.TruncateUdp t -> query.transport() == RecordedQuery.Transport.UDP
          ? Replies.toWire(Replies.truncated(answer(query, dispatcher)), query)
          : normal(query, dispatcher);
      case Fault.Rcode r -> Replies.toWire(withRcode(query, r.rcode()), query);
      case Fault.Garbage g -> randomBytes(g.length());
      case Fault.WrongId w -> Replies.toWire(withWrongId(answer(query, dispatcher)), query);
      case Fault.WrongQuestion w -> Replies.toWire(withWrongQuestion(answer(query, dispatcher)), query);
      case Fault.Lame l -> Replies.toWire(Dispatcher.replyTo(query.message()), query);
      case Fault.OutOfBailiwick o -> Replies.toWire(withExtra(answer(query, dispatcher), o), query);
      case Fault.Flood f -> Replies.toWire(flooded(answer(query, dispatcher), f), query);
      case Fault.Sometimes s -> reply(chosen(s, query), query, dispatcher);
      case Fault.FirstOnly f -> reply(chosen(f, query), query, dispatcher);
    };
  }

  private static byte[] normal(RecordedQuery query, Dispatcher dispatcher) {
    return Replies.toWire(answer(query, dispatcher), query);
  }

  /** A copy, so that changing it never touches a message a scripted dispatcher keeps. */
  private static Message answer(RecordedQuery query, Dispatcher dispatcher) {
    return dispatcher.dispatch(query).clone();
  }

  private static Message withRcode(RecordedQuery query, int rcode) {
    Message reply = Dispatcher.replyTo(query.message());
    reply.getHeader().setRcode(rcode);
    return reply;
  }

  private static Message withWrongId(Message reply) {
    reply.getHeader().setID((reply.getHeader().getID() + 1) & 0xffff);
    return reply;
  }

  private static Message withWrongQuestion(Message reply) {
    Record question = reply.getQuestion();
    reply.removeAllRecords(Section.QUESTION);
    reply.addRecord(Record.newRecord(WRONG_QNAME, question.getType(), question.getDClass()),
        Section.QUESTION);
    return reply;
  }

  private static Message withExtra(Message reply, Fault.OutOfBailiwick fault) {
    reply.addRecord(fault.record(), fault.section());
    return reply;
  }

  private static Message flooded(Message reply, Fault.Flood fault) {
    for (int i = 0; i < fault.owners(); i++) {
      Name owner = fault.owner(i);
      byte[] address = {(byte) 192, 0, 2, (byte) i};
      reply.addRecord(new ARecord(owner, DClass.IN, FLOOD_TTL, inet(address)), fault.section());
    }
    return reply;
  }

  private static InetAddress inet(byte[] address) {
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e); // four bytes are always an IPv4 address
    }
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
