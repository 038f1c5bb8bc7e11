"""The race's stub: one question over UDP, timed around the socket calls alone.

The same code asks both resolvers (and NSD, for the round-trip floor), so whatever it costs is
paid by both sides alike.
"""
import random
import socket
import struct
import time

TYPES = {"A": 1, "NS": 2, "AAAA": 28}
RCODES = {0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}


def wire_query(name, qtype="A", rd=True):
    """A query message (no EDNS) for name, with a random ID; returns (id, bytes)."""
    qid = random.getrandbits(16)
    header = struct.pack(">HHHHHH", qid, 0x0100 if rd else 0, 1, 0, 0, 0)
    labels = b"".join(bytes([len(label)]) + label.encode("ascii")
                      for label in name.rstrip(".").split(".") if label)
    return qid, header + labels + b"\x00" + struct.pack(">HH", TYPES[qtype], 1)


class Reply:
    """The header of a reply: its rcode and section counts."""

    def __init__(self, data):
        _, flags, _, self.answers, self.authority, self.additional = struct.unpack(">HHHHHH", data[:12])
        self.rcode = RCODES.get(flags & 0xF, str(flags & 0xF))

    def __repr__(self):
        return f"{self.rcode} answers={self.answers}"


def ask(address, port, name, qtype="A", timeout=5.0, rd=True):
    """Asks once; returns (seconds from send to reply, Reply). Raises socket.timeout."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((address, port))
        sock.settimeout(timeout)
        qid, query = wire_query(name, qtype, rd)
        start = time.perf_counter()
        sock.send(query)
        while True:
            data = sock.recv(65535)
            if len(data) >= 12 and struct.unpack(">H", data[:2])[0] == qid:
                return time.perf_counter() - start, Reply(data)


def first_answer(address, port, name, started, limit=60.0):
    """Asks a server that is still starting until it answers.

    Before the server's socket is bound, each query is refused at once (ICMP port unreachable on
    the connected socket) and sent again 2 ms later; once bound, the query waits in the socket
    until the server reads it. Returns (seconds from `started` to the answer, seconds from the
    last send to the answer, Reply).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((address, port))
        while True:
            remaining = started + limit - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no answer from {address}:{port} within {limit} s of start")
            qid, query = wire_query(name)
            sent = time.perf_counter()
            sock.settimeout(remaining)
            try:
                sock.send(query)
                while True:
                    data = sock.recv(65535)
                    if len(data) >= 12 and struct.unpack(">H", data[:2])[0] == qid:
                        now = time.perf_counter()
                        return now - started, now - sent, Reply(data)
            except ConnectionRefusedError:
                time.sleep(0.002)
