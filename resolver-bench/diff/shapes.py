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
