#!/usr/bin/env python3
"""A controlled disturbance for the race (race.py --disturb): another process that wants the
server's CPU now and then, as the machine's other work does, in a measured dose.

It burns BURN µs of CPU every PERIOD ms on average (each period drawn between half and one and a
half times PERIOD, so that its bursts fall anywhere in a walk rather than locked to the race's
cadence), and sleeps in between. Its dose is read from standard input, one line "BURN PERIOD" (µs,
ms; "0 0" for none, idle until the next line), taken at its next wake-up, so the race changes it
between samples without starting a process on the server's CPU. It ends when standard input closes.
It touches no network and no file but its own autogroup's niceness.

race.py starts it pinned to the server's CPU in a session of its own, as another user's process
runs (Linux weighs sessions, autogroups, against each other before the processes inside them), at
the race's niceness (its one argument, 0 if none): with --nice -20 the race's session outweighs the
machine's other work, and the disturbance, at the same weight, is then what the servers meet.
"""
import os
import random
import select
import sys
import time
from pathlib import Path

IDLE_POLL_S = 1.0


def read_dose(current, pending):
    """The last whole dose line waiting on standard input, else current; None when it closed.
    pending keeps the octets of a line not yet whole."""
    dose = current
    while select.select([0], [], [], 0)[0]:
        chunk = os.read(0, 4096)
        if not chunk:
            return None
        pending += chunk
    *lines, rest = pending.split(b"\n")
    pending[:] = rest
    for line in lines:
        burn_us, period_ms = line.split()
        dose = (int(burn_us), float(period_ms))
    return dose


def main():
    nice = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    if nice:
        if Path("/proc/self/autogroup").exists():
            Path("/proc/self/autogroup").write_text(str(nice))
        os.setpriority(os.PRIO_PROCESS, 0, nice)
    random.seed(os.getpid())
    dose, pending = (0, 0.0), bytearray()
    while True:
        dose = read_dose(dose, pending)
        if dose is None:
            return
        burn_us, period_ms = dose
        if burn_us == 0 or period_ms == 0:
            select.select([0], [], [], IDLE_POLL_S)
            continue
        period_s = period_ms / 1e3 * random.uniform(0.5, 1.5)
        started = time.perf_counter()
        until = started + burn_us / 1e6
        while time.perf_counter() < until:
            pass
        rest = started + period_s - time.perf_counter()
        if rest > 0:
            time.sleep(rest)


if __name__ == "__main__":
    main()
