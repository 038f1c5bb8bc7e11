package org.dnschase.resolver.internal.transport.loops;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Datagrams read or to be sent together: slots of one direct buffer, each holding one datagram,
 * with its length and its peer's address. {@link LoopDatagram#receive(DatagramBatch)} fills it with
 * the datagrams waiting; {@link #add} fills it for {@link LoopDatagram#send(DatagramBatch, int)}.
 * The loop's alone, as its socket is.
 */
public final class DatagramBatch {

  private final ByteBuffer memory;
  /** Each slot's own view of {@link #memory}, made once: a datagram read or sent allocates none. */
  private final ByteBuffer[] slots;
  private final int slotBytes;
  private final int[] lengths;
  private final InetSocketAddress[] peers;
  private int size;

  /**
   * An empty batch.
   *
   * @param datagrams the most datagrams it holds
   * @param slotBytes the longest datagram it holds; a longer one is read cut to this length
   */
  public DatagramBatch(int datagrams, int slotBytes) {
    this.memory = ByteBuffer.allocateDirect(datagrams * slotBytes);
    this.slotBytes = slotBytes;
    this.slots = new ByteBuffer[datagrams];
    for (int i = 0; i < datagrams; i++) {
      slots[i] = memory.slice(offset(i), slotBytes);
    }
    this.lengths = new int[datagrams];
    this.peers = new InetSocketAddress[datagrams];
  }

  /** {@return the most datagrams it holds} */
  public int capacity() {
    return lengths.length;
  }

  /** {@return the datagrams it holds} */
  public int size() {
    return size;
  }

  /** Empties it. */
  public void clear() {
    size = 0;
  }

  /**
   * {@return a copy of datagram {@code i}'s octets}
   *
   * @param i its place, below {@link #size}
   */
  public byte[] octets(int i) {
    byte[] octets = new byte[length(i)];
    memory.get(offset(i), octets);
    return octets;
  }

  /**
   * {@return datagram {@code i}'s peer: its sender, or where it goes}
   *
   * @param i its place, below {@link #size}
   */
  public InetSocketAddress peer(int i) {
    checkIndex(i);
    return peers[i];
  }

  /**
   * Adds a datagram to send.
   *
   * @param octets its octets, at least one
   * @param to where it goes
   * @return whether it was added; false when the batch is full or the datagram longer than a slot
   */
  public boolean add(byte[] octets, InetSocketAddress to) {
    if (size == capacity() || octets.length > slotBytes) {
      return false;
    }
    if (octets.length == 0) {
      throw new IllegalArgumentException("an empty datagram");
    }
    memory.put(offset(size), octets);
    lengths[size] = octets.length;
    peers[size++] = to;
    return true;
  }

  /** Records that slot {@link #size} was read: {@code length} octets from {@code from}. */
  void received(int length, InetSocketAddress from) {
    lengths[size] = length;
    peers[size++] = from;
  }

  /** {@return the whole memory of the slots; its position and limit are not to be relied on} */
  ByteBuffer memory() {
    return memory;
  }

  /** {@return the longest datagram a slot holds} */
  int slotBytes() {
    return slotBytes;
  }

  /** {@return where slot {@code i} starts in {@link #memory}} */
  int offset(int i) {
    return i * slotBytes;
  }

  /** {@return the length of datagram {@code i}} */
  int length(int i) {
    checkIndex(i);
    return lengths[i];
  }

  /** {@return slot {@code i}, empty, to read a datagram into} */
  ByteBuffer emptySlot(int i) {
    return slots[i].clear();
  }

  /** {@return datagram {@code i}, to send} */
  ByteBuffer fullSlot(int i) {
    return slots[i].clear().limit(length(i));
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("datagram " + i + " of " + size);
    }
  }
}
