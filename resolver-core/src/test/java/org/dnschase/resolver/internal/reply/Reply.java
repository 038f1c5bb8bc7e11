package org.dnschase.resolver.internal.reply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A canned server reply for unit tests: rcode, AA and TC, and the records of each section in
 * master-file syntax ({@code "www.example.test. 300 A 192.0.2.1"}, absolute names). It becomes a
 * dnsjava {@link Message} for a given query, with the query's ID and question.
 */
public final class Reply {

  private final int rcode;
  private boolean authoritative;
  private boolean truncated;
  private boolean recursionAvailable;
  private final List<Record> answer = new ArrayList<>();
  private final List<Record> authority = new ArrayList<>();
  private final List<Record> additional = new ArrayList<>();

  private Reply(int rcode) {
    this.rcode = rcode;
  }

  public static Reply noError() {
    return new Reply(Rcode.NOERROR);
  }

  public static Reply nxDomain() {
    return new Reply(Rcode.NXDOMAIN);
  }

  public static Reply rcode(int rcode) {
    return new Reply(rcode);
  }

  /** Sets AA: the server speaks as an authority for the name. */
  public Reply authoritative() {
    authoritative = true;
    return this;
  }

  /** Sets RA: the server offers recursion. */
  public Reply recursionAvailable() {
    recursionAvailable = true;
    return this;
  }

  /** Sets TC: the reply was truncated. */
  public Reply truncated() {
    truncated = true;
    return this;
  }

  public Reply answer(String... records) {
    return add(answer, records);
  }

  public Reply authority(String... records) {
    return add(authority, records);
  }

  public Reply additional(String... records) {
    return add(additional, records);
  }

  /** The reply to {@code query}: same ID and question, QR set. */
  public Message to(Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setOpcode(Opcode.QUERY);
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setRcode(rcode);
    if (authoritative) {
      reply.getHeader().setFlag(Flags.AA);
    }
    if (truncated) {
      reply.getHeader().setFlag(Flags.TC);
    }
    if (recursionAvailable) {
      reply.getHeader().setFlag(Flags.RA);
    }
    if (query.getQuestion() != null) {
      reply.addRecord(query.getQuestion(), Section.QUESTION);
    }
    answer.forEach(r -> reply.addRecord(r, Section.ANSWER));
    authority.forEach(r -> reply.addRecord(r, Section.AUTHORITY));
    additional.forEach(r -> reply.addRecord(r, Section.ADDITIONAL));
    return reply;
  }

  /** The reply to a made-up query for (name, type, IN) with ID 1. */
  public Message to(String name, int type) {
    Message query = new Message(1);
    query.addRecord(Record.newRecord(Name.fromConstantString(name), type, DClass.IN), Section.QUESTION);
    return to(query);
  }

  /** One record from a master-file line with an absolute owner name; TTL 3600 when none is given. */
  public static Record record(String line) {
    try (Master master = new Master(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
        Name.root, 3600)) {
      Record record = master.nextRecord();
      if (record == null) {
        throw new IllegalArgumentException("no record in: " + line);
      }
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException("bad record '" + line + "'", e);
    }
  }

  private Reply add(List<Record> section, String... records) {
    for (String line : records) {
      section.add(record(line));
    }
    return this;
  }

  @Override
  public String toString() {
    return Rcode.string(rcode) + (authoritative ? " aa" : "") + (truncated ? " tc" : "")
        + " an=" + answer.size() + " ns=" + authority.size() + " ar=" + additional.size();
  }
}
