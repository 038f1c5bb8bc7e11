package org.dnschase.resolver.internal.transport.loops;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.epoll.LinuxSocket;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many datagrams in one system call on a socket of Netty's epoll transport: {@code recvmmsg} and
 * {@code sendmmsg}, which that transport's datagram channel uses and keeps to its own package
 * ({@code LinuxSocket}'s, with its {@code NativeDatagramPacketArray}). On this machine's kind of
 * virtual machine a system call's entry and exit cost more than the rest of a cached answer's work
 * outside the kernel (a quarter of the serving thread's samples on the race's warm mix), and a
 * server reads and answers its questions one datagram per call otherwise.
 *
 * <p>Netty's classes are reached through a private look-up into their package, which the JVM
 * grants where that package is open to this module: always on the class path (the server's jar),
 * and on the module path with {@code --add-opens
 * io.netty.transport.classes.epoll/io.netty.channel.epoll=org.dnschase.resolver}. Elsewhere, or
 * where Netty's classes have changed, {@link #BOUND} is null and each datagram takes its own call.
 * One instance per socket ({@link #forSocket}), used on its loop only.
 */
final class MultipleMessages implements BatchCalls {
  private static final Logger log = LoggerFactory.getLogger(MultipleMessages.class);

  /** Netty's methods and fields, bound once; null when they cannot be reached. */
  static final Handles BOUND = Handles.bind();

  /**
   * Netty's package-private API, as method and variable handles on erased types; read through the
   * constant {@link #BOUND}, whose record the JIT trusts, so each call is compiled as a direct one.
   */
  record Handles(MethodHandle newArray, MethodHandle addWritable, MethodHandle addTo, MethodHandle clear,
      MethodHandle release, MethodHandle packets, MethodHandle recvmmsg, MethodHandle sendmmsg, VarHandle count,
      VarHandle senderAddr, VarHandle senderAddrLen, VarHandle senderScopeId, VarHandle senderPort) {

    private static Handles bind() {
      try {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Class<?> arrayClass = Class.forName("io.netty.channel.epoll.NativeDatagramPacketArray");
        Class<?> packetClass = Class.forName("io.netty.channel.epoll.NativeDatagramPacketArray$NativeDatagramPacket");
        Class<?> packetsClass = packetClass.arrayType();
        MethodHandles.Lookup inArray = MethodHandles.privateLookupIn(arrayClass, lookup);
        MethodHandles.Lookup inPacket = MethodHandles.privateLookupIn(packetClass, lookup);
        MethodHandles.Lookup inSocket = MethodHandles.privateLookupIn(LinuxSocket.class, lookup);
        MethodType call = MethodType.methodType(int.class, packetsClass, int.class, int.class);
        return new Handles(
            inArray.findConstructor(arrayClass, MethodType.methodType(void.class))
                .asType(MethodType.methodType(Object.class)),
            erased(inArray.findVirtual(arrayClass, "addWritable",
                MethodType.methodType(boolean.class, ByteBuf.class, int.class, int.class))),
            erased(inArray.findVirtual(arrayClass, "add0", MethodType.methodType(boolean.class, ByteBuf.class,
                int.class, int.class, int.class, InetSocketAddress.class))),
            erased(inArray.findVirtual(arrayClass, "clear", MethodType.methodType(void.class))),
            erased(inArray.findVirtual(arrayClass, "release", MethodType.methodType(void.class))),
            erased(inArray.findVirtual(arrayClass, "packets", MethodType.methodType(packetsClass))),
            erased(inSocket.findVirtual(LinuxSocket.class, "recvmmsg", call)),
            erased(inSocket.findVirtual(LinuxSocket.class, "sendmmsg", call)),
            inPacket.findVarHandle(packetClass, "count", int.class),
            inPacket.findVarHandle(packetClass, "senderAddr", byte[].class),
            inPacket.findVarHandle(packetClass, "senderAddrLen", int.class),
            inPacket.findVarHandle(packetClass, "senderScopeId", int.class),
            inPacket.findVarHandle(packetClass, "senderPort", int.class));
      } catch (ReflectiveOperationException | RuntimeException | LinkageError unreachable) {
        log.debug("one system call per datagram: Netty's recvmmsg and sendmmsg are out of reach ({})",
            unreachable.toString());
        return null;
      }
    }

    /** {@code handle} with Object for each of Netty's own types, so callers can name the type. */
    private static MethodHandle erased(MethodHandle handle) {
      return handle.asType(handle.type().erase());
    }
  }

  /**
   * The fewest slots a {@code recvmmsg} offers. Each slot costs the call Netty's work on it before
   * and after the system call (its I/O vector made, its buffer's address and its sender passed
   * through JNI): a lone question read with 64 slots, a cold question at a quiet server, paid that
   * 64 times on a CPU that had just woken.
   */
  static final int FEWEST_SLOTS = 2;

  private final LinuxSocket socket;
  /**
   * The slots the next {@code recvmmsg} offers, at most the batch's capacity: twice what the last
   * one read, at least {@link #FEWEST_SLOTS}, so that a burst soon reads whole batches again (a
   * call that fills its slots offers twice as many next), and the rest of it waits in the socket,
   * whose loop wakes again for it. The first offers the batch's capacity.
   */
  private int nextSlots = Integer.MAX_VALUE;
  /** Netty's array of messages, with the I/O vectors it keeps in native memory. */
  private final Object array;
  private final Object[] packets;
  /** The batch last used, and Netty's buffer over its memory. */
  private DatagramBatch batch;
  private ByteBuf memory;
  /** The sender read last, kept while the next datagrams come from it too (one client, many questions). */
  private byte[] lastAddress = new byte[0];
  private int lastScopeId;
  private int lastPort;
  private InetSocketAddress lastSender;

  private MultipleMessages(LinuxSocket socket) throws Throwable {
    this.socket = socket;
    this.array = BOUND.newArray().invokeExact();
    Object packets = BOUND.packets().invokeExact(array);
    this.packets = (Object[]) packets;
  }

  /**
   * The calls for {@code socket}, if Netty's are within reach.
   *
   * @param socket a datagram socket of Netty's epoll transport
   * @return its calls, or null: then one system call per datagram
   */
  static MultipleMessages forSocket(LinuxSocket socket) {
    if (BOUND == null) {
      return null;
    }
    try {
      return new MultipleMessages(socket);
    } catch (Throwable unusable) {
      log.debug("one system call per datagram: {}", unusable.toString(), unusable);
      return null;
    }
  }

  /**
   * As {@link LoopDatagram#receive(DatagramBatch)}, in one {@code recvmmsg} offering as many slots
   * as the last call's reading suggests ({@link #nextSlots}).
   */
  @Override
  public int receive(DatagramBatch batch) throws IOException {
    batch.clear();
    ByteBuf buffer = over(batch);
    try {
      BOUND.clear().invokeExact(array);
      int offered = Math.min(batch.capacity(), nextSlots);
      int slots = 0;
      while (slots < offered
          && (boolean) BOUND.addWritable().invokeExact(array, (Object) buffer, batch.offset(slots), batch.slotBytes())) {
        slots++;
      }
      int read = (int) BOUND.recvmmsg().invokeExact((Object) socket, (Object) packets, 0, slots);
      for (int i = 0; i < read; i++) {
        batch.received((int) BOUND.count().get(packets[i]), sender(packets[i]));
      }
      nextSlots = Math.max(FEWEST_SLOTS, 2 * read);
      return read;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** As {@link LoopDatagram#send(DatagramBatch, int)}, in one {@code sendmmsg}. */
  @Override
  public int send(DatagramBatch batch, int first) throws IOException {
    ByteBuf buffer = over(batch);
    try {
      BOUND.clear().invokeExact(array);
      int messages = 0;
      while (first + messages < batch.size() && (boolean) BOUND.addTo().invokeExact(array, (Object) buffer,
          batch.offset(first + messages), batch.length(first + messages), 0, (Object) batch.peer(first + messages))) {
        messages++;
      }
      return messages == 0 ? 0 : (int) BOUND.sendmmsg().invokeExact((Object) socket, (Object) packets, 0, messages);
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Netty's buffer over {@code batch}'s memory, made again only when another batch comes. */
  private ByteBuf over(DatagramBatch batch) {
    if (batch != this.batch) {
      this.batch = batch;
      this.memory = Unpooled.wrappedBuffer(batch.memory().duplicate().clear());
    }
    return memory;
  }

  /** The sender Netty's packet holds: the one read last when it is the same. */
  private InetSocketAddress sender(Object packet) throws UnknownHostException {
    byte[] address = (byte[]) BOUND.senderAddr().get(packet);
    int length = (int) BOUND.senderAddrLen().get(packet);
    int scopeId = (int) BOUND.senderScopeId().get(packet);
    int port = (int) BOUND.senderPort().get(packet);
    if (lastSender == null || port != lastPort || scopeId != lastScopeId
        || !Arrays.equals(address, 0, length, lastAddress, 0, lastAddress.length)) {
      lastAddress = Arrays.copyOf(address, length);
      lastScopeId = scopeId;
      lastPort = port;
      InetAddress ip = length == 4 ? InetAddress.getByAddress(lastAddress)
          : Inet6Address.getByAddress(null, lastAddress, scopeId);
      lastSender = new InetSocketAddress(ip, port);
    }
    return lastSender;
  }

  /** Frees Netty's native memory; the socket's close calls it. */
  @Override
  public void release() {
    try {
      BOUND.release().invokeExact(array);
    } catch (Throwable ignored) {
      // nothing more to free
    }
  }
}
