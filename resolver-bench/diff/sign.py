"""Signs a lab's zones (DNSSEC) with BIND's dnssec-keygen and dnssec-signzone (Debian's
bind9-utils), children before parents so each parent holds its children's DS records, and
writes the root's DS as the trust anchor both resolvers are started with.

Each zone gets an ECDSA P-256 KSK and ZSK; a zone in three is signed with NSEC3 (no salt, no
extra iterations, RFC 9276; half of them with opt-out, RFC 5155 §6), the others with NSEC; a zone
in six below the TLDs is left unsigned (an insecure delegation: its parent proves it has no DS),
and a zone in eight below them is signed with signatures that expired three days ago (BOGUS to
both resolvers). The signed file replaces the zone's file, so NSD serves it as servers.tsv says.
"""
import random
import shutil
import subprocess
import time
from pathlib import Path

ALGORITHM = "ECDSAP256SHA256"


def parent_of(origin, origins):
    """The closest other origin above `origin` (the zone that delegates it), or None for the root."""
    if origin == ".":
        return None
    labels = origin.split(".")[1:]
    while labels:
        candidate = ".".join(labels) if labels != [""] else "."
        if candidate in origins:
            return candidate
        labels = labels[1:]
    return "."


def stamp(seconds):
    """A signature time as dnssec-signzone reads it (YYYYMMDDHHMMSS, UTC)."""
    return time.strftime("%Y%m%d%H%M%S", time.gmtime(seconds))


def sign(lab_dir, seed):
    """Signs every zone of the lab in `lab_dir`; returns the trust anchor file (the root's DS)."""
    lab_dir = Path(lab_dir)
    if shutil.which("dnssec-signzone") is None:
        raise SystemExit("--signed needs dnssec-keygen and dnssec-signzone (apt-get install bind9-utils)")
    zones = {}
    for line in (lab_dir / "servers.tsv").read_text().splitlines():
        _, origin, file = line.split("\t")
        zones[origin] = lab_dir / "zones" / file
    keys, dsdir = lab_dir / "keys", lab_dir / "dsset"
    keys.mkdir(exist_ok=True)
    dsdir.mkdir(exist_ok=True)
    rng = random.Random(f"signing {seed}")
    unsigned = {o for o in sorted(zones) if o.count(".") > 1 and rng.random() < 1 / 6}
    # drawn from generators of their own, so what a seed signed before stays: half the NSEC3 zones opt
    # out (RFC 5155 §6), and a zone in eight below the TLDs has signatures that expired three days ago
    opt_out = random.Random(f"opt-out {seed}")
    lapse = random.Random(f"expired {seed}")
    expired = {o for o in sorted(zones) if o.count(".") > 1 and o not in unsigned and lapse.random() < 1 / 8}
    now = time.time()
    # -P: no verification after signing, which would fail on the expired signatures
    stale = ["-P", "-s", stamp(now - 30 * 86400), "-e", stamp(now - 3 * 86400)]
    for origin in sorted(zones, key=lambda o: -o.count(".") if o != "." else 0):
        zone_file = zones[origin]
        if origin in unsigned:
            continue
        for flags in (["-f", "KSK"], []):
            subprocess.run(["dnssec-keygen", "-q", "-K", str(keys), "-a", ALGORITHM, *flags, "-n", "ZONE", origin],
                           check=True, capture_output=True, text=True)
        children = [o for o in zones if o != origin and parent_of(o, zones) == origin and o not in unsigned]
        with zone_file.open("a") as out:
            for child in children:
                out.write((dsdir / f"dsset-{child}").read_text())
        nsec3 = ["-3", "-", "-H", "0"] if rng.random() < 1 / 3 else []
        if nsec3 and opt_out.random() < 1 / 2:
            nsec3.append("-A")
        validity = stale if origin in expired else []
        done = subprocess.run(["dnssec-signzone", "-q", "-S", "-K", str(keys), "-d", str(dsdir), *nsec3, *validity,
                               "-o", origin, "-f", f"{zone_file}.signed", str(zone_file)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"dnssec-signzone {origin}: {done.stderr.strip()}")
        Path(f"{zone_file}.signed").replace(zone_file)
    # which zones were left unsigned or signed stale, for the clients' comparison (clients.lab_names)
    (lab_dir / "signing.tsv").write_text("".join(f"{o}\tunsigned\n" for o in sorted(unsigned))
                                         + "".join(f"{o}\texpired\n" for o in sorted(expired)))
    anchor = lab_dir / "trust-anchor"
    # dsset files leave the TTL out and split the digest; the anchor is written whole, one line a DS
    lines = []
    for line in (dsdir / "dsset-.").read_text().splitlines():
        owner, _, rtype, tag, algorithm, digest_type, *digest = line.split()
        lines.append(f"{owner} 3600 IN {rtype} {tag} {algorithm} {digest_type} {''.join(digest)}\n")
    anchor.write_text("".join(lines))
    return anchor
