"""Places in Dutch news text: "in de Antwerpse haven" -> Antwerpen, "uit Brazilië" -> an origin.

``find_places(text)`` returns each place with a role in ``Place.kind``:
- ``locative``: where something happened ("in Vlissingen", "de Rotterdamse haven", "in de wijk Hollandse Molen")
- ``near``: near where it happened ("bij Venlo", "net over de grens bij Venlo")
- ``dateline``: the place an article opens with ("DRACHTEN - ", "Voeren: ")
- ``origin``: where something came from or went to ("uit Brazilië", "vanuit Santos", "naar Italië")
- ``agency``: part of an agency's name ("parket van Antwerpen", "FGP Antwerpen")
- ``weak``: any other mention
Names come from the gazetteer (``resources/nl/places.json``, countries from pycountry's
nl locale, and GeoNames places in ``gazetteer.tsv``); an unknown capitalised name after
"in"/"te" is also taken, with country None. A name that continues into another capitalised
word ("Albert Cuijpstraat") is part of a longer name, not a place; a small foreign place, or
a home place whose name is also a Dutch word ("Best", "Goes"), needs a preposition of place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, count, repeat
from operator import add, itemgetter

from ..lexicon import drug_names, gazetteer, place_country, region_names
from ..resources import load_json
from ..schema import Place

_WORD = re.compile(r"[^\W_][\w'’.-]*+")
_GROUP, _START = re.Match.group, re.Match.start
_CONNECTORS = {"aan", "den", "de", "op", "en", "van", "bij", "in"}
_ROLE_WORDS = load_json("places.json")["role_words"]
_LOCATIVE_PREV = frozenset(_ROLE_WORDS["locative_before"])
_ORIGIN_PREV = frozenset(_ROLE_WORDS["origin_before"])
_NEAR_PREV = frozenset(_ROLE_WORDS["near_before"])


def any_case(phrases: list[str]) -> str:
    r"""The phrases (spaces as ``\s+``) in any case, each first letter read first: "[BbOo](?i:(?<=b)estemd
    ...|(?<=o)p...)". The regex engine skips to those letters; a pattern compiled to ignore case,
    or opening with a group of phrases, is tried at every character (three times as slow here)."""
    # only a-z have exactly two cases ("i", "k", "s" have more: "İ", the kelvin sign, "ſ")
    if not all(p[0].lower() in "abcdefghjlmnopqrtuvwxyz" for p in phrases):
        return "(?i:" + "|".join(p.replace(" ", r"\s+") for p in phrases) + ")"
    firsts = "".join(sorted({c for p in phrases for c in (p[0].lower(), p[0].upper())}))
    alts = "|".join(f"(?<={re.escape(p[0])})" + p[1:].replace(" ", r"\s+") for p in phrases)
    return f"[{firsts}](?i:{alts})"


# "bestemd voor een bedrijf in Roemenië": a place in a destination phrase is where the drugs were going
_DESTINATION = re.compile(any_case(_ROLE_WORDS["destination_before"]) + r"\s+(?:[^\s,.;:]+\s+){0,4}$")
_LOCATIVE_PHRASE = re.compile(any_case(_ROLE_WORDS["locative_phrases"]) + r"\s+$")
# "de grootste ooit in Nederland", "nooit eerder in België": a superlative's domain, not where it was found
_SCOPE = re.compile(
    r"(?<!\w)(?:" + "|".join(_ROLE_WORDS["scope_before"]) + r")(?:\s+[^\s,.;:]+){0,2}\s+(?:in|van)\s+$",
    re.IGNORECASE,
)
# a name right after a type of place, itself after a preposition of place: "op de luchthaven Hato"
_PLACE_TYPES = frozenset(_ROLE_WORDS["place_types"])
_WEAK_HEADS = frozenset(_ROLE_WORDS["weak_heads"])  # an adjective before these hints, it does not place
_HOME = load_json("places.json")["home"]  # the gazetteer's home countries and its threshold elsewhere
_STREET = re.compile(
    r"(?:straat|laan|weg|plein|dreef|kaai|kade|baan|steenweg|dijk|singel|gracht|hof|park|pad|markt|veld|ring|lei|vest)$"
)
# The phrase patterns below read their first letter first, then check that no letter precedes it
# ("[Ii](?<![\w].)n" is "(?<![\w])[Ii]n"): the regex engine skips at full speed to where that letter
# stands, where a pattern opening with a lookbehind is tried at every character (two to seven
# times as slow, the same matches).
_IN_NAME = re.compile(
    r"[IiTtOo](?<![\w].)(?:(?<=[Ii])n|(?<=[Tt])e|(?<=[Tt])er\s+hoogte\s+van|(?<=[Oo])p\s+het\s+strand\s+van"
    r"|(?<=[Ii])n\s+het\s+centrum\s+van)\s+(?:de\s+(?:wijk|deelgemeente|buurt|gemeente|straat)\s+"
    r"|het\s+(?:district|ressort|dorp|gehucht|kustdorp|grensdorp)\s+"
    # "het Limburgse Echt" (a town is neuter), "de Brabantse gemeente X"; not "de Brugse Poort"
    r"|het\s+[A-Z][\w'’-]{0,30}?se\s+(?:(?:" + "|".join(sorted(_PLACE_TYPES)) + r")\s+)?"
    r"|de\s+[A-Z][\w'’-]{0,30}?se\s+(?:" + "|".join(sorted(_PLACE_TYPES)) + r")\s+)?"
    r"(?P<name>[A-Z][\w'’]*+(?:-[A-Z]?[\w'’]++)*+(?:\s[A-Z][\w'’]*+(?:-[\w'’]++)*+)?)"
)
_IN_DE_STREET = re.compile(
    r"[IiOoAa](?<![\w].)(?:(?<=[Ii])n|(?<=[Oo])p|(?<=[Aa])an)\s+de\s+(?P<name>[A-Z][\w'’]*+(?:\s[A-Z][\w'’]*+)?)"
)
_IN_DE_WIJK = re.compile(r"in(?<![\w]in)\s+de\s+(?:wijk|buurt)\s+(?P<name>[A-Z][\w'’]*+(?:\s[A-Z][\w'’]*+)?)")
_DATELINE_NAME = r"\s*(?P<name>[A-Z][\w'’]*+(?:[ -][A-Z][\w'’]*+)?)"
_DATELINE = re.compile(_DATELINE_NAME + r"\s*(?::|\s[-–—])\s")
_PARAGRAPH_DATELINE = re.compile(_DATELINE_NAME + r"\s[-–—]\s")  # a dash only: "Tholen: 22 kilo" is a table
_PARAGRAPH = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: Place


@cache
def _stopnames() -> frozenset[str]:
    months = load_json("dates.json")["months"]
    days = load_json("dates.json")["weekdays"]
    words = {w.capitalize() for w in list(months) + list(days)}
    words |= {
        "De",
        "Het",
        "Een",
        "Den",
        "Dat",
        "Deze",
        "Die",
        "Dit",
        "Zo",
        "Er",
        "Hij",
        "Zij",
        "Ze",
        "We",
        "Wij",
        "Totaal",
        "Nederlandse",
        "Europa",
        "Zuid-Amerika",
        "Latijns-Amerika",
        "Azië",
        "Afrika",
        "Noord-Amerika",
        "Sky",
        "EncroChat",
        "Trojan",
        "Opiumwet",
        "Geneesmiddelenwet",
        "Covid",
        "Corona",
    }
    for canon, entry in load_json("agencies.json")["agencies"].items():
        words.add(canon)
        words |= {f.capitalize() for f in entry["forms"]}
    return frozenset(words)


@cache
def demonyms() -> dict[str, str]:
    """Names of inhabitants and their town: "Eindhovenaar" -> "Eindhoven" (places.json)."""
    return load_json("places.json")["demonyms"]


@cache
def _adjectives() -> tuple[dict[str, str], frozenset[str]]:
    data = load_json("places.json")
    adjectives = dict(data["adjectives"])
    for form, name in data["adjectives"].items():  # the uninflected form: "een Gents bedrijf"
        if form.endswith("e"):
            adjectives.setdefault(form[:-1], name)
    return adjectives, frozenset(data["adjective_heads"])


_MUNICIPALITY_OF = re.compile(
    r"\s*(?:[,(]\s*|\s+in\s+(?:het|de)\s+)(?:gemeente|deelgemeente|provincie|district)\s+", re.IGNORECASE
)  # "in Esbeek, gemeente Hilvarenbeek", "in het ressort Wageningen in het district Nickerie"


def _role(text: str, start: int, end: int, words_before: list[str]) -> str:
    prev = words_before[-1] if words_before else ""
    prev2 = " ".join(words_before[-2:])
    after = text[end : end + 12].lower()
    if prev in _ORIGIN_PREV or prev2 in ("afkomstig uit", "van herkomst", "op weg", "bestemd voor"):
        return "origin"
    if _DESTINATION.search(text, max(0, start - 60), start):
        return "origin"
    if _LOCATIVE_PHRASE.search(text, max(0, start - 20), start):
        return "locative"
    if _SCOPE.search(text, max(0, start - 40), start):
        return "scope"
    if prev2 in (
        "rechtbank van", "rechtbank in", "rechtbank te", "onderzoeksrechter in", "onderzoeksrechter te",
        "rechter in", "hof in", "hof van", "gerecht van",
    ):  # fmt: skip
        return "court"  # where the case is heard, never where the drugs were found
    if prev in ("parket", "politie", "fgp", "politiezone", "arrondissement") or prev2 in (
        "parket van",
        "politie van",
        "fgp van",
        "parket in",
    ):
        return "agency"
    if prev in _NEAR_PREV:
        return "near"
    if prev in _LOCATIVE_PREV or prev2 in (
        "haven van",
        "strand van",
        "centrum van",
        "regio van",
        "omgeving van",
        "buurt van",
        "gemeente van",
        "stad van",
        "luchthaven van",
        "provincie",
    ):
        return "locative"
    if after.startswith(("se haven", " haven")):
        return "locative"
    if prev in _PLACE_TYPES and set(words_before[-3:-1]) & _LOCATIVE_PREV:
        return "locative"  # "op de luchthaven Hato", "in de gemeente Peel en Maas"
    return "weak"


def find_places(
    text: str, title_end: int = 0, gaz: dict | None = None, known=frozenset()
) -> list[PlaceMatch]:
    """Every place mention with its role, in order.

    ``gaz`` replaces the package's gazetteer (a user lexicon's places added to it); ``known``
    names places that count wherever they stand, as our own lists' do.

    >>> [(m.place.name, m.place.kind) for m in find_places("in de Antwerpse haven, uit Brazilië")]
    [('Antwerpen', 'locative'), ('Brazilië', 'origin')]
    """
    if not text:
        return []
    gaz = gazetteer() if gaz is None else gaz
    adjectives, heads = _adjectives()
    stop = _stopnames()
    # (word without a final "." or "-", start, end), built by C functions mapped over the matches
    found = list(_WORD.finditer(text))
    bare = list(map(str.rstrip, map(_GROUP, found), repeat(".-")))
    begins = list(map(_START, found))
    words = list(zip(bare, begins, map(add, begins, map(len, bare)), strict=True))
    out: dict[int, PlaceMatch] = {}
    n = len(words)
    nxt = 0  # the first word not yet read as part of a name
    starts = _name_starts(gaz)
    # the capitalised words (a word begins with a letter or digit, never with "'s-")
    for i in compress(count(), map(str.isupper, map(itemgetter(0), bare))):
        if i < nxt:
            continue
        w, s, e = words[i]
        may_name = w in starts or (w.isupper() and w.title() in starts)
        if not may_name and w not in adjectives and w not in demonyms():
            continue  # most capitalised words ("De", a person's name) start no place: nothing to read
        before = [x[0].lower() for x in words[max(0, i - 5) : i]]
        # "in het Limburgse Bree", "in de Antwerpse deelgemeente Berchem": skip the regional adjective
        if (
            len(before) > 1 and before[-1] in _PLACE_TYPES and before[-2].endswith(("se", "sche"))
            and text[words[i - 1][2] : s] == " "
        ):  # fmt: skip
            before.pop()  # "in de Brabantse plaats Haaren"
        while before and before[-1].endswith(("se", "sche")):
            before.pop()
        while before and before[-1] in ("de", "het", "een", "'t"):
            before.pop()
        # longest gazetteer name starting here (up to five words, single spaces between them)
        best = None
        end_i = i
        for k in range(i, min(n, i + 5) if may_name else i):
            if k > i and (words[k][1] - words[k - 1][2] != 1 or text[words[k - 1][2]] not in " -"):
                break
            if k > i and words[k][0].lower() in _CONNECTORS and k + 1 < n:
                continue
            cand = text[s : words[k][2]]
            hit = gaz.get(cand) or (gaz.get(cand.title()) if cand.isupper() and len(cand) > 3 else None)
            if hit:
                best, end_i = (hit, words[k][2]), k
        if best and not _stands_alone(text, best[1], i, before, words, known):
            best = None
        if best:
            (name, country), end = best
            kind = _role(text, s, end, before)
            prev = out[max(out)] if out else None
            if kind == "weak" and prev and re.fullmatch(r"\s*(?:,|en|of)\s*", text[prev.end : s]):
                kind = prev.place.kind  # "in Beveren, Lokeren en Sint-Gillis-Waas"
            elif prev and _MUNICIPALITY_OF.fullmatch(text, prev.end, s):
                kind = (
                    "scope"  # "in Esbeek, gemeente Hilvarenbeek": the village is where, not its municipality
                )
            if country and name in _countries_only():
                kind = (
                    kind if kind in ("origin", "agency", "court") else ("country" if kind == "weak" else kind)
                )
            out[s] = PlaceMatch(s, end, Place(name, country, text[s:end], kind))
            nxt = end_i + 1
            continue
        # demonyms: "de 63-jarige Amsterdammer" (a weak hint at the place)
        if w in demonyms():
            name = demonyms()[w]
            out[s] = PlaceMatch(s, e, Place(name, place_country(name), w, "weak"))
            nxt = i + 1
            continue
        # adjectival forms: "de Antwerpse haven", "Belgische douane", "in een Gents postsorteercentrum"
        placed = len(before) >= 1 and before[-1] in _LOCATIVE_PREV
        # a noun, not "het Belgische Lommel"; a town's adjective places ("een Gents postsorteercentrum"), a
        # country's describes ("een Belgische vrachtwagen")
        nxt_common = (
            i + 1 < n and words[i + 1][0][:1].islower() and adjectives.get(w) not in _countries_only()
        )
        if (
            w in adjectives and i + 2 < n and words[i + 1][0] in _PLACE_TYPES
            and words[i + 2][0][:1].isupper() and text[words[i + 1][2] : words[i + 2][1]] == " "
        ):  # fmt: skip
            continue  # "de Zeeuwse gemeente Kapelle": the name that follows is the place
        if w in adjectives and i + 1 < n and (words[i + 1][0].lower() in heads or (placed and nxt_common)):
            name = adjectives[w]
            head = words[i + 1][0].lower()
            # "de Belgische douane" works for a country, "aan de Poolse grens" is where two countries meet
            kind = "weak" if head in _WEAK_HEADS else "locative"
            if _role(text, s, e, before) == "origin":
                kind = "origin"  # "een man uit het Utrechtse dorp"
            out[s] = PlaceMatch(
                s, words[i + 1][2], Place(name, place_country(name), text[s : words[i + 1][2]], kind)
            )
            nxt = i + 2
            continue
    # "in Oost", "te Westzaan": an unknown capitalised name after a locative preposition
    for rx in (_IN_NAME, _IN_DE_WIJK):
        for m in rx.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            if s in out or any(p.start <= s < p.end for p in out.values()):
                continue
            first = name.split()[0]
            if first in stop or name in stop or name.lower() in drug_names():
                continue  # "omgezet in BMK": a drug, no place
            if first in adjectives:
                continue
            out[s] = PlaceMatch(s, e, Place(name, None, name, "locative"))
    # streets: "in de Frank Baurstraat"
    for m in _IN_DE_STREET.finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        if s in out or not _STREET.search(name.lower()):
            continue
        out[s] = PlaceMatch(s, e, Place(name, None, name, "street"))
    # datelines: "Voeren: ...", "DRACHTEN - ..." at the start of the title or the body; in a round-up
    # of short items, "Roermond - ..." at the start of a paragraph (a dash only: "Tholen: 22 kilo" is a table)
    paragraphs = {m.end() for m in _PARAGRAPH.finditer(text, title_end)}
    for origin in sorted({0, title_end} | paragraphs):
        m = (_DATELINE if origin in (0, title_end) else _PARAGRAPH_DATELINE).match(text, origin)
        if m and m.start("name") not in out:
            name = m.group("name")
            canon, country = (
                gaz.get(name) or gaz.get(name.title()) or (name.title() if name.isupper() else name, None)
            )
            known = gaz.get(name) or gaz.get(name.title())
            if name.split()[0] not in stop and (known or name.isupper()):  # not "Hennepvangst: ..."
                s, e = m.span("name")
                out[s] = PlaceMatch(s, e, Place(canon, country, name, "dateline"))
        elif m and m.start("name") in out:
            p = out[m.start("name")]
            out[p.start] = PlaceMatch(
                p.start, p.end, Place(p.place.name, p.place.country, p.place.text, "dateline")
            )
    return _by_country_context([out[k] for k in sorted(out)])


_STARTS: dict[int, tuple[dict, frozenset[str], int]] = {}  # id(gazetteer) -> its name starts


def _name_starts(gaz: dict) -> frozenset[str]:
    """Every first word a gazetteer name can begin with ("Sint" of "Sint Eustatius", "Bergen" of
    "Bergen op Zoom"), up to each space or hyphen: a capitalised word outside it starts no name."""
    hit = _STARTS.get(id(gaz))
    if hit is None or hit[0] is not gaz or len(gaz) != hit[2]:
        firsts = set(gaz)
        for key in gaz:
            firsts.update(key[:j] for j, ch in enumerate(key) if ch in " -")
        if len(_STARTS) > 8:  # a few gazetteers at a time (the package's, a user lexicon's)
            _STARTS.clear()
        hit = _STARTS[id(gaz)] = (gaz, frozenset(firsts), len(gaz))
    return hit[1]


def _by_country_context(found: list[PlaceMatch]) -> list[PlaceMatch]:
    """A name several countries have is the one in the country the text last named: "In Duitsland
    ... De douane in Essen" is the German city, not the Belgian town the gazetteer prefers; a
    dateline names its country too ("PARAMARIBO – ... in Groningen" is the Surinamese one)."""
    from ..lexicon import alternates

    countries, regions, out, context = _countries_only(), region_names(), [], None
    for m in found:
        p = m.place
        other = alternates().get(p.name)
        if other and context and context != p.country and context in other and p.name not in countries:
            m = PlaceMatch(m.start, m.end, Place(other[context][0], context, p.text, p.kind))
        elif p.country and (p.name in countries or p.name in regions or p.kind == "dateline"):
            context = p.country  # a country, an island or district ("Sint Eustatius"), a dateline
        out.append(m)
    return out


@cache
def _curated() -> frozenset[str]:
    """Names of our own lists (places.json) and countries: known places whatever follows them."""
    data = load_json("places.json")
    return frozenset([*data["NL"], *data["BE"], *data["parts"], *region_names(), *_countries_only()])


@cache
def _word_like() -> frozenset[str]:
    return frozenset(load_json("places.json")["word_like_names"])


def _stands_alone(text: str, end: int, i: int, before: list[str], words, known=frozenset()) -> bool:
    """A gazetteer hit is a place only if it is not part of a longer name and, when the name is
    weak evidence on its own (a small foreign place, a Dutch word), a preposition of place precedes."""
    from ..lexicon import geonames

    name = text[words[i][1] : end]
    curated = name in _curated() or name in known
    if not curated and re.match(r" [A-Z][a-z]", text[end : end + 3]):  # "Albert Cuijpstraat", "Albert Heijn"
        return False
    placed = bool(before) and (
        before[-1] in _LOCATIVE_PREV or before[-1] in _NEAR_PREV or before[-1] in _ORIGIN_PREV
    )
    if name in _word_like():
        return placed
    row = geonames().get(name)
    if row is None or curated or row[1] in _HOME["countries"] or row[3] >= _HOME["world_min_population"]:
        return True
    return placed


@cache
def _countries_only() -> frozenset[str]:
    from ..lexicon import countries_nl

    return frozenset(countries_nl())
