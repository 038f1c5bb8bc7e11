package org.dnschase.resolver.internal.transport.loops;

import java.io.IOException;

/**
 * Many datagrams of a batch in one system call each way, as {@link
 * LoopDatagram#receive(DatagramBatch)} and {@link LoopDatagram#send(DatagramBatch, int)} promise:
 * {@link MultipleMessages} on epoll.
 */
interface BatchCalls {

  /** As {@link LoopDatagram#receive(DatagramBatch)}. */
  int receive(DatagramBatch batch) throws IOException;

  /** As {@link LoopDatagram#send(DatagramBatch, int)}. */
  int send(DatagramBatch batch, int first) throws IOException;

  /** Frees what the calls hold; the socket's close calls it. */
  void release();
}
