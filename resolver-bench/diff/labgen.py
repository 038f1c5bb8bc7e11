"""A random lab of zones from a seed, written for NSD and both resolvers, and the questions to ask.

The same seed gives the same lab and questions. A root, two or three TLDs and two or three zones
under each, every zone on its own server address (127.77.0.N, port 53: Unbound asks upstream on
53 only), with content drawn from what real zones do right and wrong: CNAME chains inside a zone
and across zones, to a missing name, to a name without the type, loops and chains longer than
either resolver follows; DNAMEs, a DNAME to a DNAME, a DNAME loop, a DNAME whose rewrite passes
255 octets (YXDOMAIN); wildcards owning data and CNAMEs, a wildcard under an empty non-terminal;
empty non-terminals; MX, SRV and HTTPS targets; TTLs of 0 and of 2^31-1; owner names in mixed
case; delegations with glue, glueless (the name server in another zone), with sibling glue, to a
name server that is an alias (RFC 2181 §10.3), with a lame server beside a good one (one that
refuses the zone, or the root's or the parent's server, which refer up or sideways), all lame, and
a child whose apex NS differ from the parent's; a zone delegated further down.

Some of what real zones do wrong NSD refuses to load (a CNAME beside other data, a CNAME at an
apex, data under a DNAME's owner, glue outside the parent's zone): those stay with the in-process
tests, where the testkit serves anything.

Written to a directory: zones/ (one master file per zone), servers.tsv (address, origin, file, as
the race's peers.Nsd reads it), root.hints, and questions.tsv (name, type, what the case is about).
"""
import random
from pathlib import Path

import shapes

NETWORK = "127.77.0."
ROOT_ADDRESS = NETWORK + "1"
QTYPES = ["A", "AAAA", "MX", "TXT", "CNAME", "DNAME", "NS", "SOA", "ANY", "SRV", "HTTPS"]
# each case's own types first, then one drawn from QTYPES
TTL = 3600
MAX_TTL = 2**31 - 1


class Zone:
    """One zone's records as master-file lines, owners as absolute names."""

    def __init__(self, origin, address):
        self.origin = origin
        self.address = address
        self.ns = []          # the apex NS names
        self.records = []     # (owner, ttl, type, rdata)

    def add(self, owner, rtype, rdata, ttl=TTL):
        self.records.append((owner, ttl, rtype, rdata))

    def name(self, relative):
        return f"{relative}.{self.origin}" if self.origin != "." else f"{relative}."

    def text(self):
        mname = self.ns[0] if self.ns else self.name("ns")
        lines = [f"$TTL {TTL}", f"{self.origin} {TTL} IN SOA {mname} hostmaster.{self.origin.lstrip('.')} "
                 f"1 3600 600 86400 {300}"]
        lines += [f"{self.origin} {TTL} IN NS {ns}" for ns in self.ns]
        lines += [f"{owner} {ttl} IN {rtype} {rdata}" for owner, ttl, rtype, rdata in self.records]
        return "\n".join(lines) + "\n"


class Lab:
    """The zones, the servers and the questions of one seed."""

    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed)
        self.zones = {}
        self.questions = []                     # (name, type, case)
        self.sideways = set()                   # zones a server lists that refers to them again
        self.next_address = 1
        self.labels = set()
        self._build()

    # --- names and addresses

    def address(self):
        address = NETWORK + str(self.next_address)
        self.next_address += 1
        return address

    def label(self):
        while True:
            label = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(self.rng.randint(3, 6)))
            if label not in self.labels:
                self.labels.add(label)
                return label

    def mixed_case(self, name):
        return "".join(c.upper() if self.rng.random() < 0.3 else c for c in name)

    def ask(self, name, case, *types):
        for qtype in types + (self.rng.choice(QTYPES),):
            self.questions.append((self.mixed_case(name) if self.rng.random() < 0.2 else name, qtype, case))

    # --- the hierarchy

    def _build(self):
        root = self.zones["."] = Zone(".", self.address())
        root.ns = ["ns.rootsrv."]
        root.add("ns.rootsrv.", "A", root.address)
        tlds = [self._child(root, self.label() + ".", "glued") for _ in range(self.rng.randint(2, 3))]
        leaves = []
        for tld in tlds:
            for _ in range(self.rng.randint(2, 3)):
                kind = self.rng.choice(DELEGATIONS if leaves else ["glued"])
                leaves.append(self._child(tld, f"{self.label()}.{tld.origin}", kind, leaves))
        for leaf in list(leaves):
            if self.rng.random() < 0.3:
                leaves.append(self._child(leaf, f"{self.label()}.{leaf.origin}", "glued"))
        for zone in leaves + tlds:
            hosts(self, zone)
        for zone in leaves:
            for feature in self.rng.sample(FEATURES, self.rng.randint(3, 6)):
                feature(self, zone, self.rng.choice(leaves))
        # the shapes added later draw from a generator of their own: what came before stays
        self.rng = random.Random(f"shapes {self.seed}")
        for zone in leaves:
            for feature in self.rng.sample(shapes.FEATURES, self.rng.randint(1, len(shapes.FEATURES))):
                feature(self, zone, self.rng.choice(leaves))
        shapes.cuts_and_tops(self)
        # and the second round from another: what the first drew stays
        self.rng = random.Random(f"shapes2 {self.seed}")
        for zone in leaves:
            for feature in self.rng.sample(shapes.FEATURES2, self.rng.randint(1, len(shapes.FEATURES2))):
                feature(self, zone, self.rng.choice(leaves))
        shapes.alias_through_its_own_zone(self, self.rng.choice(leaves))

    def _child(self, parent, origin, kind, others=()):
        """Delegates origin from parent in one of DELEGATIONS' ways; returns the child zone."""
        child = self.zones[origin] = Zone(origin, self.address())
        ns = child.name("ns1")
        child.ns = [ns]
        child.add(ns, "A", child.address)
        if kind == "glued":
            parent.add(origin, "NS", ns)
            parent.add(ns, "A", child.address)
        elif kind == "glueless":
            # the server's name is in another zone, which the resolvers must look up first
            other = self.rng.choice(others)
            ns = other.name("ns-" + child.origin.split(".")[0])
            other.add(ns, "A", child.address)
            child.ns = [ns]
            parent.add(origin, "NS", ns)
        elif kind == "sibling-glue":
            # the server's name is under a sibling's cut in the same parent: glue the parent holds
            siblings = [z for z in others if z.origin.split(".", 1)[1] == origin.split(".", 1)[1]]
            if not siblings:
                return self._glued_again(parent, child, ns)
            other = self.rng.choice(siblings)
            ns = other.name("ns-" + child.origin.split(".")[0])
            other.add(ns, "A", child.address)
            parent.add(ns, "A", child.address)
            child.ns = [ns]
            parent.add(origin, "NS", ns)
        elif kind == "alias-ns":
            # RFC 2181 §10.3: an NS must not name an alias; this one does, in another zone
            other = self.rng.choice(others)
            alias = other.name("alias-" + child.origin.split(".")[0])
            other.add(alias, "CNAME", ns)
            parent.add(origin, "NS", alias)
            if self.rng.random() < 0.5:
                # and a proper one beside it
                parent.add(origin, "NS", ns)
                parent.add(ns, "A", child.address)
        elif kind.startswith("lame-") or kind.startswith("all-lame-"):
            lame = {"refused": self.rng.choice(others).address if others else ROOT_ADDRESS,
                    "up": ROOT_ADDRESS, "sideways": parent.address}[kind.rsplit("-", 1)[1]]
            if kind.endswith("sideways"):
                self.sideways.add(origin)
            bad = child.name("ns0")
            parent.add(origin, "NS", bad)
            parent.add(bad, "A", lame)
            child.ns.append(bad)
            child.add(bad, "A", lame)
            if not kind.startswith("all-lame"):
                parent.add(origin, "NS", ns)
                parent.add(ns, "A", child.address)
        elif kind == "ns-differ":
            # the parent names one server, the child's apex another beside it (same address)
            parent.add(origin, "NS", ns)
            parent.add(ns, "A", child.address)
            other_ns = child.name("ns2")
            child.add(other_ns, "A", child.address)
            child.ns = [other_ns] if self.rng.random() < 0.5 else [ns, other_ns]
        else:
            raise ValueError(kind)
        self.ask(origin, f"delegation {kind}", "NS", "SOA")
        self.ask(child.name("www"), f"under a {kind} delegation", "A")
        return child

    def _glued_again(self, parent, child, ns):
        parent.add(child.origin, "NS", ns)
        parent.add(ns, "A", child.address)
        return child

    def sideways_reach(self):
        """The zones a sideways referral can keep a resolver from: those delegated to a server of
        their parent's, and those whose name servers' names lie in such a zone."""
        zones = set(self.sideways)
        grown = True
        while grown:
            grown = False
            for zone in self.zones.values():
                for owner, _, rtype, data in zone.records:
                    if rtype == "NS" and owner != zone.origin and owner not in zones and under(data, zones):
                        zones.add(owner)
                        grown = True
        return zones

    def wildcard_dnames(self):
        """The parents of the lab's DNAMEs owned by a wildcard (RFC 4592 §4.4), in lower case."""
        return {owner[2:].lower() for zone in self.zones.values() for owner, _, rtype, _ in zone.records
                if rtype == "DNAME" and owner.startswith("*.")}

    # --- output

    def write(self, out):
        out = Path(out)
        (out / "zones").mkdir(parents=True, exist_ok=True)
        servers = []
        for index, zone in enumerate(self.zones.values()):
            file = f"z{index}.zone"
            (out / "zones" / file).write_text(zone.text())
            servers.append((zone.address, zone.origin, file))
        (out / "servers.tsv").write_text("".join(f"{a}\t{o}\t{f}\n" for a, o, f in servers))
        root = self.zones["."]
        (out / "root.hints").write_text(f".\t3600000\tIN\tNS\t{root.ns[0]}\n{root.ns[0]}\t3600000\tIN\tA\t{root.address}\n")
        (out / "questions.tsv").write_text("".join(f"{n}\t{t}\t{c}\n" for n, t, c in self.questions))


# a lame server refuses the zone (it serves others), refers up (the root's) or sideways (the
# parent's, which gives the same referral again); all-lame: the delegation's only server is one
def under(name, zones):
    """Whether name is one of zones or below one (names in lower case, absolute)."""
    name = name.lower()
    return any(name == zone or name.endswith("." + zone) for zone in zones)


DELEGATIONS = ["glued", "glued", "glueless", "sibling-glue", "alias-ns", "lame-refused", "lame-up",
               "lame-sideways", "all-lame-up", "all-lame-sideways", "ns-differ"]


# --- content: each feature adds records to zone (other is another leaf zone, maybe the same) and
# the questions about them

def hosts(lab, zone):
    for host in ("h1", "h2"):
        name = zone.name(host)
        zone.add(lab.mixed_case(name), "A", f"192.0.2.{lab.rng.randint(1, 254)}")
        zone.add(name, "AAAA", f"2001:db8::{lab.rng.randint(1, 999)}")
    zone.add(zone.name("h1"), "TXT", '"host one"')
    zone.add(zone.name("mail"), "MX", f"10 {zone.name('h1')}")
    zone.add(zone.name("mail"), "MX", f"20 {zone.name('h2')}")
    zone.add(zone.name("_sip._tcp"), "SRV", f"0 5 5060 {zone.name('h2')}")
    zone.add(zone.name("web"), "HTTPS", f'1 {zone.name("h1")} alpn="h2"')
    zone.add(zone.name("web2"), "HTTPS", "1 .")
    lab.ask(zone.name("h1"), "host", "A", "AAAA", "TXT", "MX")
    lab.ask(zone.name("mail"), "MX target", "MX")
    lab.ask(zone.name("_sip._tcp"), "SRV target", "SRV")
    lab.ask(zone.name("web"), "HTTPS target", "HTTPS")
    lab.ask(zone.name("web2"), "HTTPS self", "HTTPS")
    lab.ask(zone.name(lab.label()), "NXDOMAIN", "A")
    lab.ask(zone.origin, "apex", "SOA", "NS", "A")


def cname_chain(lab, zone, other):
    zone.add(zone.name("c1"), "CNAME", zone.name("c2"))
    zone.add(zone.name("c2"), "CNAME", zone.name("h1"))
    zone.add(zone.name("cx"), "CNAME", other.name("h2"))
    lab.ask(zone.name("c1"), "CNAME chain in zone", "A", "AAAA", "CNAME", "MX")
    lab.ask(zone.name("cx"), "CNAME across zones", "A", "TXT", "CNAME")


def cname_to_nothing(lab, zone, other):
    zone.add(zone.name("cn"), "CNAME", other.name("missing"))
    zone.add(zone.name("cd"), "CNAME", other.name("mail"))
    zone.add(zone.name("ce"), "CNAME", zone.name("cn"))
    lab.ask(zone.name("cn"), "CNAME to NXDOMAIN", "A")
    lab.ask(zone.name("ce"), "CNAME to CNAME to NXDOMAIN", "A")
    lab.ask(zone.name("cd"), "CNAME to NODATA", "A")


def cname_loop(lab, zone, other):
    zone.add(zone.name("l1"), "CNAME", zone.name("l2"))
    zone.add(zone.name("l2"), "CNAME", zone.name("l1"))
    if other is not zone:
        zone.add(zone.name("lx"), "CNAME", other.name("lx-" + zone.origin.split(".")[0]))
        other.add(other.name("lx-" + zone.origin.split(".")[0]), "CNAME", zone.name("lx"))
        lab.ask(zone.name("lx"), "CNAME loop across zones", "A")
    zone.add(zone.name("self"), "CNAME", zone.name("self"))
    lab.ask(zone.name("l1"), "CNAME loop", "A", "CNAME")
    lab.ask(zone.name("self"), "CNAME to itself", "A")


def long_chain(lab, zone, other):
    length = lab.rng.randint(9, 16)
    zones = [zone, other]
    tag = zone.origin.split(".")[0]
    names = [zones[i % 2].name(f"k{i}-{tag}") for i in range(length)]
    for here, there in zip(names, names[1:]):
        zones[names.index(here) % 2].add(here, "CNAME", there)
    zones[(length - 1) % 2].add(names[-1], "A", "192.0.2.99")
    lab.ask(names[0], f"CNAME chain of {length - 1} links", "A")
    lab.ask(names[length - 9], "CNAME chain of 8 links", "A")


def dname(lab, zone, other):
    zone.add(zone.name("d"), "DNAME", other.origin)
    lab.ask(zone.name("d"), "DNAME owner", "DNAME", "A")
    lab.ask(zone.name("h1.d"), "under a DNAME", "A", "AAAA", "CNAME")
    lab.ask(zone.name("mail.d"), "under a DNAME to MX", "MX")
    lab.ask(zone.name("nothing.d"), "under a DNAME to NXDOMAIN", "A")
    lab.ask(zone.name("a.b.c.d"), "deep under a DNAME", "A")


def dname_to_dname(lab, zone, other):
    zone.add(zone.name("dd"), "DNAME", zone.name("dd2"))
    zone.add(zone.name("dd2"), "DNAME", other.origin)
    zone.add(zone.name("dc"), "CNAME", zone.name("h1.dd"))
    lab.ask(zone.name("h1.dd"), "DNAME to DNAME", "A", "TXT")
    lab.ask(zone.name("dc"), "CNAME into a DNAME", "A")


def dname_loop(lab, zone, other):
    zone.add(zone.name("dl"), "DNAME", zone.name("dm"))
    zone.add(zone.name("dm"), "DNAME", zone.name("dl"))
    zone.add(zone.name("dg"), "DNAME", zone.name("x.dg2"))
    zone.add(zone.name("dg2"), "DNAME", zone.name("dg"))
    lab.ask(zone.name("x.dl"), "DNAME loop", "A")
    lab.ask(zone.name("x.dg"), "DNAME loop that grows the name", "A")


def dname_too_long(lab, zone, other):
    long = ".".join("x" * 63 for _ in range(3))
    zone.add(zone.name("dlong"), "DNAME", f"{long}.{other.origin}")
    # the query fits (under 255 octets); its rewrite does not: YXDOMAIN (RFC 6672 §2.2)
    room = 253 - len(zone.name("dlong"))
    qname = ".".join("q" * 40 for _ in range(room // 41)) + "." + zone.name("dlong")
    lab.ask(qname, "DNAME rewrite over 255 octets", "A")
    lab.ask(zone.name("short.dlong"), "DNAME rewrite that fits", "A")


def wildcards(lab, zone, other):
    zone.add(zone.name("*.w"), "A", "192.0.2.42")
    zone.add(zone.name("*.w"), "TXT", '"wild"')
    zone.add(zone.name("*.wc"), "CNAME", other.name("h1"))
    zone.add(zone.name("*.x.e"), "A", "192.0.2.43")
    zone.add(zone.name("exists.w"), "MX", f"5 {zone.name('h1')}")
    lab.ask(zone.name(lab.label() + ".w"), "wildcard", "A", "TXT", "AAAA")
    lab.ask(zone.name("a.b.w"), "wildcard two labels down", "A")
    lab.ask(zone.name("exists.w"), "a name beside a wildcard", "A", "MX")
    lab.ask(zone.name(lab.label() + ".wc"), "wildcard CNAME", "A", "CNAME", "MX")
    lab.ask(zone.name(lab.label() + ".x.e"), "wildcard under an empty non-terminal", "A", "AAAA")
    lab.ask(zone.name("x.e"), "empty non-terminal above a wildcard", "A")
    lab.ask(zone.name("e"), "empty non-terminal", "A")
    lab.ask(zone.name("w"), "the wildcard's parent, empty", "A")


def empty_non_terminals(lab, zone, other):
    zone.add(zone.name("a.b.ent"), "A", "192.0.2.44")
    lab.ask(zone.name("b.ent"), "empty non-terminal", "A", "TXT")
    lab.ask(zone.name("ent"), "empty non-terminal two up", "A")
    lab.ask(zone.name("z.b.ent"), "NXDOMAIN under an empty non-terminal", "A")


def ttls(lab, zone, other):
    zone.add(zone.name("t0"), "A", "192.0.2.45", ttl=0)
    zone.add(zone.name("tmax"), "A", "192.0.2.46", ttl=MAX_TTL)
    zone.add(zone.name("tc0"), "CNAME", zone.name("tmax"), ttl=0)
    zone.add(zone.name("tcmax"), "CNAME", zone.name("t0"), ttl=MAX_TTL)
    lab.ask(zone.name("t0"), "TTL 0", "A")
    lab.ask(zone.name("tmax"), "TTL 2^31-1", "A")
    lab.ask(zone.name("tc0"), "CNAME of TTL 0", "A")
    lab.ask(zone.name("tcmax"), "CNAME of TTL 2^31-1 to TTL 0", "A")


def mixed_case(lab, zone, other):
    zone.add(zone.name("CaSe"), "A", "192.0.2.47")
    zone.add(zone.name("cc"), "CNAME", lab.mixed_case(other.name("H1")))
    lab.ask(zone.name("case"), "owner in mixed case", "A")
    lab.ask(zone.name("CC"), "CNAME target in mixed case", "A")


FEATURES = [cname_chain, cname_to_nothing, cname_loop, long_chain, dname, dname_to_dname, dname_loop,
            dname_too_long, wildcards, empty_non_terminals, ttls, mixed_case]
