"""Shapes added to every lab after the first runs (labgen.Lab adds them last, from a generator of
their own, so what a seed drew before stays as it was): names and questions where a resolver's
edge cases hide.

- escaped octets in owner names: a label holding a dot (`a\\.b`, one label, so `b` above it does
  not exist), a space and a zero octet, and an alias to such a name;
- MX and SRV targets that are aliases (RFC 2181 §10.3 forbids them; resolvers answer anyway);
- a CNAME into an empty non-terminal (NODATA at the target), into a name a wildcard covers, to
  another zone's apex (then NS, SOA, MX and DS asked through it: DS is the parent's data);
- a DNAME into a subtree a wildcard answers, and a DNAME owned by a wildcard (RFC 4592 §4.4);
- aliases in a zone to its own child zone's apex and below its cut (a CNAME and a DNAME): the
  zone's server answers the alias with a referral, or its parent-side DS;
- RRsets larger than a UDP reply (100 addresses, a TXT of 1,600 octets), directly and by alias;
- questions at and below zone cuts: DS at a child's apex (the parent answers, RFC 4035 §3.1.4.1)
  and below it, RRSIG and NSEC in unsigned zones, CNAME and DNAME asked at an apex;
- questions for the root and the TLDs themselves, for a TLD that does not exist, and in classes
  CH and ANY (as dig writes them: 'CH TXT', 'ANY A').
"""

CUT_QTYPES = ["DS", "RRSIG", "NSEC", "CNAME", "DNAME", "DNSKEY"]


def escaped_names(lab, zone, other):
    zone.add(zone.name("a\\.b"), "A", "192.0.2.60")
    zone.add(zone.name("sp\\032ace"), "TXT", '"a space"')
    zone.add(zone.name("nul\\000"), "A", "192.0.2.61")
    zone.add(zone.name("esc"), "CNAME", zone.name("a\\.b"))
    zone.add(zone.name("escx"), "CNAME", other.name("sp\\032ace"))
    other.add(other.name("sp\\032ace"), "A", "192.0.2.62")
    lab.ask(zone.name("a\\.b"), "a label holding a dot", "A", "TXT")
    lab.ask(zone.name("b"), "the name a dotted label is not under", "A")
    lab.ask(zone.name("sp\\032ace"), "a label holding a space", "TXT", "A")
    lab.ask(zone.name("nul\\000"), "a label holding a zero octet", "A")
    lab.ask(zone.name("nul"), "a name beside the zero octet's", "A")
    lab.ask(zone.name("esc"), "an alias to a dotted label", "A")
    lab.ask(zone.name("escx"), "an alias to a spaced label across zones", "A")


def alias_targets(lab, zone, other):
    zone.add(zone.name("mxa"), "MX", f"10 {zone.name('mxt')}")
    zone.add(zone.name("mxt"), "CNAME", other.name("h1"))
    zone.add(zone.name("_svc._udp"), "SRV", f"0 0 53 {zone.name('srvt')}")
    zone.add(zone.name("srvt"), "CNAME", zone.name("h2"))
    lab.ask(zone.name("mxa"), "MX target an alias", "MX")
    lab.ask(zone.name("_svc._udp"), "SRV target an alias", "SRV")
    lab.ask(zone.name("mxt"), "an MX target's alias", "A", "MX")


def alias_into_odd_places(lab, zone, other):
    zone.add(zone.name("a.b.ent2"), "A", "192.0.2.63")
    zone.add(zone.name("*.wt"), "A", "192.0.2.64")
    zone.add(zone.name("cent"), "CNAME", zone.name("b.ent2"))
    zone.add(zone.name("cwild"), "CNAME", zone.name("anything.wt"))
    zone.add(zone.name("capex"), "CNAME", other.origin)
    lab.ask(zone.name("cent"), "CNAME to an empty non-terminal", "A", "TXT")
    lab.ask(zone.name("cwild"), "CNAME to a wildcard's name", "A", "AAAA")
    lab.ask(zone.name("capex"), "CNAME to another zone's apex", "NS", "SOA", "MX", "DS", "A")


def dname_and_wildcards(lab, zone, other):
    tag = zone.origin.split(".")[0]
    other.add(other.name(f"*.wt-{tag}"), "A", "192.0.2.65")
    other.add(other.name(f"*.wt-{tag}"), "TXT", '"wild under a dname"')
    zone.add(zone.name("dw"), "DNAME", other.name(f"wt-{tag}"))
    zone.add(zone.name("*.wd"), "DNAME", other.origin)
    lab.ask(zone.name(lab.label() + ".dw"), "DNAME into a wildcard", "A", "TXT", "MX")
    lab.ask(zone.name("a.b.dw"), "DNAME into a wildcard two labels down", "A")
    lab.ask(zone.name("x.wd"), "a wildcard DNAME's owner", "DNAME", "A")
    lab.ask(zone.name("h1.x.wd"), "under a wildcard DNAME", "A", "AAAA")


def aliases_into_a_cut(lab, zone, other):
    """Aliases in a zone to its own child zone's apex and below it: the zone's server answers with
    the alias and a referral, or (for DS) with its own parent-side data at the cut."""
    children = [z for z in lab.zones.values() if z.origin.endswith("." + zone.origin)
                and z.origin.count(".") == zone.origin.count(".") + 1]
    if not children:
        return
    child = lab.rng.choice(children)
    zone.add(zone.name("ccut"), "CNAME", child.origin)
    zone.add(zone.name("cbelow"), "CNAME", child.name("h1"))
    zone.add(zone.name("dcut"), "DNAME", child.origin)
    lab.ask(zone.name("ccut"), "CNAME to a child zone's apex", "NS", "DS", "SOA", "A", "MX")
    lab.ask(zone.name("cbelow"), "CNAME below a child zone's cut", "A", "TXT")
    lab.ask(zone.name("h1.dcut"), "DNAME into a child zone", "A", "NS")
    lab.ask(zone.name("ns1.dcut"), "DNAME onto a child zone's name server", "A")


def big_rrsets(lab, zone, other):
    """RRsets larger than a UDP reply of 1,232 octets: the resolvers ask over TCP after TC, and
    truncate their own replies to dig, which asks again over TCP."""
    for i in range(100):
        zone.add(zone.name("many"), "A", f"198.51.100.{i + 1}")
    zone.add(zone.name("longtxt"), "TXT", " ".join(f'"{chr(97 + i % 26) * 200}"' for i in range(8)))
    zone.add(zone.name("cmany"), "CNAME", zone.name("many"))
    lab.ask(zone.name("many"), "an RRset of 100 addresses", "A", "ANY")
    lab.ask(zone.name("longtxt"), "a TXT RRset of 1,600 octets", "TXT")
    lab.ask(zone.name("cmany"), "an alias to 100 addresses", "A")


FEATURES = [escaped_names, alias_targets, alias_into_odd_places, dname_and_wildcards, aliases_into_a_cut,
            big_rrsets]


def cuts_and_tops(lab):
    """Questions at zone cuts, for the root and the TLDs, and in other classes."""
    for zone in list(lab.zones.values())[1:]:
        qtype = lab.rng.choice(CUT_QTYPES)
        lab.ask(zone.origin, "a zone's apex, parent-side and DNSSEC types", "DS", qtype)
        lab.ask(zone.name("h1"), "a host, DNSSEC types", lab.rng.choice(CUT_QTYPES))
        lab.ask(zone.name("below." + lab.label()), "below a missing name, DS", "DS")
    lab.ask(".", "the root", "NS", "SOA", "A", "DNSKEY", "DS")
    for zone in lab.zones.values():
        if zone.origin.count(".") == 1 and zone.origin != ".":
            lab.ask(zone.origin, "a TLD", "NS", "SOA", "DS", "A")
    lab.ask(lab.label() + ".", "a TLD that does not exist", "A", "DS")
    some = lab.rng.choice(list(lab.zones.values())[1:])
    lab.ask(some.name("h1"), "class CH and ANY", "CH A", "ANY A", "CH TXT")
    lab.ask("version.bind.", "class CH", "CH TXT")


# ---- the second round of shapes (labgen.Lab draws them from a generator of their own again, after
# the first round's, so what a seed drew before stays as it was) ----

def leaves_of(lab):
    """The lab's zones below the TLDs."""
    return [z for z in lab.zones.values() if z.origin.count(".") >= 2]


def tag_of(zone):
    return zone.origin.split(".")[0]


def mixed_alias_chain(lab, zone, other):
    """CNAME, DNAME, CNAME (TTL 0), DNAME, CNAME across four zones or more: a CNAME to a name under
    another zone's DNAME, a DNAME into a subtree of a third, owners in mixed case."""
    pool = [z for z in leaves_of(lab) if z is not zone]
    hops = [zone] + lab.rng.sample(pool, min(4, len(pool)))
    a, b, c, d, e = (hops * 2)[:5]
    t = tag_of(zone)
    a.add(lab.mixed_case(a.name(f"m1-{t}")), "CNAME", b.name(f"x.m2-{t}"))
    b.add(b.name(f"m2-{t}"), "DNAME", c.name(f"m3-{t}"))
    c.add(lab.mixed_case(c.name(f"x.m3-{t}")), "CNAME", d.name(f"y.m4-{t}"), ttl=0)
    d.add(d.name(f"m4-{t}"), "DNAME", e.name(f"m5-{t}"))
    e.add(e.name(f"y.m5-{t}"), "CNAME", lab.mixed_case(a.name("h1")))
    lab.ask(a.name(f"m1-{t}"), "a chain of CNAMEs and DNAMEs across zones", "A", "AAAA", "TXT", "CNAME")
    lab.ask(b.name(f"x.m2-{t}"), "the same chain from its first DNAME", "A", "DNAME")
    lab.ask(d.name(f"y.m4-{t}"), "the same chain from its second DNAME", "A", "MX")
    lab.ask(b.name(f"gone.m2-{t}"), "a DNAME chain ending in NXDOMAIN", "A")


def dname_to_dname_across(lab, zone, other):
    """A DNAME to a name under another zone's DNAME: two substitutions for one name."""
    pool = [z for z in leaves_of(lab) if z is not zone] or [zone]
    middle = lab.rng.choice(pool)
    t = tag_of(zone)
    zone.add(zone.name(f"dd-{t}"), "DNAME", middle.name(f"dd2-{t}"))
    middle.add(middle.name(f"dd2-{t}"), "DNAME", other.origin)
    lab.ask(zone.name(f"h1.dd-{t}"), "a DNAME to a DNAME across zones", "A", "TXT", "DNAME", "CNAME")
    lab.ask(zone.name(f"mail.dd-{t}"), "a DNAME to a DNAME to an MX", "MX")
    lab.ask(zone.name(f"nothing.dd-{t}"), "a DNAME to a DNAME to NXDOMAIN", "A")
    lab.ask(zone.name(f"dd-{t}"), "a DNAME's owner whose target is under a DNAME", "DNAME", "A", "NS")


def wildcard_levels(lab, zone, other):
    """Wildcards at two levels and empty non-terminals between them (RFC 4592 §2.2, §3.3)."""
    zone.add(zone.name("*.wl"), "A", "192.0.2.70")
    zone.add(zone.name("*.x.wl"), "TXT", '"second level"')
    zone.add(zone.name("*.x.wl"), "A", "192.0.2.71")
    zone.add(zone.name("y.z.x.wl"), "TXT", '"below an empty non-terminal"')
    zone.add(zone.name("a.ent.wl"), "A", "192.0.2.72")
    zone.add(lab.mixed_case(zone.name("*.Cw")), "CNAME", zone.name("q.x.wl"))
    lab.ask(zone.name(lab.label() + ".wl"), "the upper wildcard", "A", "TXT")
    lab.ask(zone.name("q.x.wl"), "the lower wildcard", "TXT", "A", "AAAA")
    lab.ask(zone.name("a.q.wl"), "the upper wildcard two labels down", "A")
    lab.ask(zone.name("x.wl"), "a wildcard's parent, an empty non-terminal", "A", "TXT")
    lab.ask(zone.name("z.x.wl"), "an empty non-terminal under a wildcard's parent", "A", "TXT")
    lab.ask(zone.name("q.z.x.wl"), "below an empty non-terminal a wildcard does not cover", "A")
    lab.ask(zone.name("ent.wl"), "an empty non-terminal beside a wildcard", "A")
    lab.ask(zone.name("q.ent.wl"), "below an empty non-terminal beside a wildcard", "A")
    lab.ask(zone.name("*.wl"), "a wildcard's own name", "A", "TXT")
    lab.ask(zone.name(lab.label() + ".cw"), "a wildcard CNAME to the lower wildcard", "A", "TXT", "CNAME")


def wire_length(name):
    """Octets of `name` (absolute, no escapes) in the wire format, the root's zero octet included."""
    return sum(len(label) + 1 for label in name.rstrip(".").split(".") if label) + 1


def dname_at_255(lab, zone, other):
    """A DNAME whose rewrite of one name is exactly 255 octets (answered, through a wildcard at the
    target) and of a name one octet longer 256 (YXDOMAIN, RFC 6672 §2.2)."""
    pad_octets = 215 - wire_length(other.origin)
    labels = []
    while pad_octets > 0:
        size = pad_octets - 1 if pad_octets <= 64 else 62 if pad_octets == 65 else 63
        labels.append((tag_of(zone) + "p" * 63)[:size])  # the zone's tag: each zone its own target
        pad_octets -= size + 1
    target = ".".join(labels) + "." + other.origin
    owner = zone.name("d255")
    zone.add(owner, "DNAME", target)
    other.add("*." + target, "A", "192.0.2.73")
    first = 255 - wire_length(target) - 1  # the one label that makes the rewrite 255 octets
    lab.ask(f"{'e' * first}.{owner}", "a DNAME rewrite of exactly 255 octets", "A", "CNAME")
    lab.ask(f"{'e' * (first + 1)}.{owner}", "a DNAME rewrite of 256 octets", "A", "TXT")


def questions_below_cuts(lab, zone, other):
    """Types that live at zone cuts asked at a child zone's apex, below it and at its glue, and through
    an alias to the child's apex from another zone."""
    children = [z for z in lab.zones.values() if z.origin.endswith("." + zone.origin)
                and z.origin.count(".") == zone.origin.count(".") + 1] or [other]
    child = lab.rng.choice(children)
    lab.ask(child.origin, "a child's apex", "SOA", "NS", "ANY", "CNAME", "DNAME")
    lab.ask(child.name("h1"), "a host below a cut", "NS", "SOA", "DS")
    lab.ask(child.name("ns1"), "a child's name server (glue in the parent)", "A", "AAAA", "DS")
    lab.ask(child.name("missing." + lab.label()), "below a missing name under a cut", "NS", "DS")
    other.add(other.name(f"cchild-{tag_of(zone)}"), "CNAME", child.origin)
    lab.ask(other.name(f"cchild-{tag_of(zone)}"), "an alias to a delegation point", "NS", "DS", "SOA", "A")


FEATURES2 = [mixed_alias_chain, dname_to_dname_across, wildcard_levels, dname_at_255, questions_below_cuts]


def alias_through_its_own_zone(lab, zone):
    """A new zone under a TLD whose only name server is named in `zone` (glueless), and a CNAME in
    `zone` to a host of it: the chain leaves `zone` for a zone whose servers only `zone` can name."""
    from labgen import Zone, hosts  # labgen imports this module
    tlds = [z for z in lab.zones.values() if z.origin.count(".") == 1 and z.origin != "."]
    parent = lab.rng.choice(tlds)
    origin = f"{lab.label()}.{parent.origin}"
    child = lab.zones[origin] = Zone(origin, lab.address())
    ns = zone.name("ns-" + tag_of(child))
    zone.add(ns, "A", child.address)
    child.ns = [ns]
    parent.add(child.origin, "NS", ns)
    hosts(lab, child)
    zone.add(zone.name(f"cown-{tag_of(child)}"), "CNAME", child.name("h1"))
    lab.ask(zone.name(f"cown-{tag_of(child)}"), "an alias to a zone whose server the alias's zone names", "A", "TXT", "MX")
