"""Slots: the date, place, origin, agencies and operation of a candidate.

Each slot is a cascade of rules, clause → sentence → earlier context → title → last resorts,
in the order ``linking.json`` declares; ``resolve`` runs it and the first rule that finds a
value decides the field.
"""

from __future__ import annotations

import re

from ..lexicon import countries_nl
from ..normalize.places import demonyms
from .anchor import LABEL
from .gate import find_nouns, has_trigger
from .index import WORD, ArticleIndex, Mention, Sentence
from .merge import earlier_find
from .params import cue, params
from .rules import RULES, Candidate, rule

_SENTENCE_END = re.compile(r"\n|[.!?]\s")


# ---------------------------------------------------------------- date


@rule("slot.date.comparison")
def in_comparison(ix: ArticleIndex, m: Mention, anchor: int) -> bool:
    """A date in a comparison dates the compared figure, not the find: "tegen 260 kilo vorig jaar"."""
    starts_at = _comparison_start(ix, m)
    if starts_at is None:
        return False
    if m.end <= anchor and re.match(r"\s*,?\s*toen\s", ix.text[m.end : anchor], re.IGNORECASE):
        return False  # "meer dan in 2022, toen het om 110 ton ging": the compared figure's own date
    return not (starts_at <= anchor < m.start)  # "tegen 41.000 kilo in heel 2020": the figure's own date


def _comparison_start(ix: ArticleIndex, m: Mention) -> int | None:
    """Where the comparison a date stands in begins ("dan", "tegen" a few words before it), if it does."""
    return ix.once(("comparison_start", m.start, m.end), lambda: _read_comparison_start(ix, m))


def _read_comparison_start(ix: ArticleIndex, m: Mention) -> int | None:
    window = _SENTENCE_END.split(ix.tail(m.start, params().scopes["comparison_words"]))[-1]
    hit = params().comparison.search(window)
    return m.start - len(window) + hit.start() if hit else None


@rule("slot.date.reporting")
def reporting_date(ix: ArticleIndex, s: Sentence, m: Mention) -> bool:
    """A date beside a reporting verb dates the report: "Dat schrijft De Morgen woensdag".

    So too when the find is only the report's object: "Het parket bevestigt dinsdag de vangst".
    The answer is read once per date and sentence.
    """
    return ix.once(("reporting_date", s.index, m.start, m.end), lambda: _reports(ix, s, m))


def _reports(ix: ArticleIndex, s: Sentence, m: Mention) -> bool:
    cue = params().reporting
    particles = params().words["reporting_particles"]  # "maakte de directeur woensdag bekend"
    verbs = {v for v in s.words & particles.keys() if particles[v] in s.words}
    if (_has_trigger(ix, s) and not _reported_find(s)) or not (verbs or cue.found(s.lower, s.words)):
        return False
    n = params().scopes["reporting_words"]
    near = ix.text[max(s.start, m.start - 8 * n) : min(s.end, m.end + 8 * n)].lower()
    return any(w in cue.single or w in verbs for w in WORD.findall(near)) or bool(
        cue.multi and cue.multi.search(near)
    )


def _reported_find(s: Sentence) -> bool:
    """The sentence's only find word is a noun a reporting verb takes: "Het parket bevestigt dinsdag de vangst"."""
    strong = params().strong
    if strong.multi is not None and strong.multi.search(s.lower):
        return False
    found = s.words & strong.single
    return bool(found) and all(w.endswith(find_nouns()) for w in found)  # "vangst", "recordvangst"


@rule("slot.date.superlative_scope")
def superlative_scope(ix: ArticleIndex, m: Mention) -> bool:
    """Years after a superlative are its domain, not the find's date: "de grootste vangst van de afgelopen tien jaar".

    A year or less still dates the find: "de grootste vangst van dit jaar" was made this year.
    """
    if m.value.anchor != "span" or (m.value.end - m.value.start).days <= 366:
        return False
    before = ix.words_before(m.start, params().scopes["superlative_words"])
    return bool(set(before) & params().words["superlatives"])


def note_excluded_dates(ix: ArticleIndex, log) -> None:
    """Note the dates the date rules set aside: those of a report, a comparison, a superlative."""
    for s in ix.sentences:
        for m in ix.at("dates", s.index):
            if reporting_date(ix, s, m):
                log.note(reporting_date, m.text, s.text)
            elif in_comparison(ix, m, s.end):
                log.note(in_comparison, m.text, s.text)
            elif superlative_scope(ix, m):
                log.note(superlative_scope, m.text, s.text)


def _dates(ix: ArticleIndex, s: Sentence, c: Candidate) -> list[Mention]:
    return [
        m
        for m in ix.at("dates", s.index)
        if not in_comparison(ix, m, c.anchor) and not superlative_scope(ix, m)
    ]


def _paired_date(ix: ArticleIndex, c: Candidate, own: list[Mention], cs: int, ce: int) -> Mention | None:
    """Dates and figures that alternate in one clause pair up in order, the date before or after
    each figure: "van 4.000 kilo in 2017 naar 40.000 kilo in 2019", "op 3 mei 8 kilo en twee
    dagen later 5 kilo". Anything else (two figures, then a date) is left to the next rule."""
    if len(own) < 2:
        return None
    figures = [m for m in ix.quantities(c.sent.index) if cs <= m.start and m.end <= ce]
    if len(figures) != len(own):
        return None
    order = "".join(k for _, k in sorted([(m.start, "d") for m in own] + [(m.start, "a") for m in figures]))
    if order not in ("da" * len(own), "ad" * len(own)):
        return None
    for i, f in enumerate(figures):
        if f.start <= c.anchor < max(f.end, f.start + 1):
            return own[i]
    return None


@rule("slot.date.clause")
def date_clause(ix: ArticleIndex, c: Candidate):
    """The date of the find's clause, the last before it first: "Op 3 mei ging het om 8 kilo en twee dagen later om 5"."""
    cs, ce = ix.clause(c.sent, c.anchor)
    own = [m for m in _dates(ix, c.sent, c) if cs <= m.start and m.end <= ce]
    paired = _paired_date(ix, c, own, cs, ce)
    if paired is not None:
        return paired, "own"
    before = [m for m in own if m.end <= c.anchor]
    return ((before[-1] if before else own[0]), "own") if own else None


@rule("slot.date.sentence")
def date_sentence(ix: ArticleIndex, c: Candidate):
    """The date of the sentence, the last before the find first: "Dinsdag, bij een controle, vond men 3 kilo"."""
    ms = _dates(ix, c.sent, c)
    prev = [m for m in ms if m.end <= c.anchor]
    return ((prev[-1] if prev else ms[0]), "own") if ms else None


def _context_date(x: Sentence, m: Mention, ix: ArticleIndex) -> bool:
    """A date later sentences may take: not a report's, not a superlative's domain, and not the date of
    a compared figure, even its own ("minder dan het jaar ervoor, toen het om 72 ton ging")."""
    return not reporting_date(ix, x, m) and _comparison_start(ix, m) is None and not superlative_scope(ix, m)


_THEN = re.compile(r"\s*toen(?!\w)", re.IGNORECASE)


@rule("slot.date.then")
def date_then(ix: ArticleIndex, c: Candidate):
    """ "Toen" dates a figure by the time the sentence before named, compared or not: "Dat is minder dan in de eerste helft van 2021. Toen ging het om 22.456 kilo"."""
    if c.sent.index == 0 or not _THEN.match(c.sent.text) or ix.at("dates", c.sent.index):
        return None
    prev = ix.sentences[c.sent.index - 1]
    found = [m for m in ix.at("dates", prev.index) if not reporting_date(ix, prev, m)]
    return (found[-1], "own") if found and not prev.is_title else None


@rule("slot.date.context")
def date_context(ix: ArticleIndex, c: Candidate):
    """The last date of the nearest earlier sentence: "Vorige week viel de politie binnen. Ze vond 2 kilo".

    Not another find's date for a find made again: "Vorige maand vond de douane 500 kilo. Nu is er
    opnieuw een partij gevonden"; nor for a find made once before: "Zo werd er al eens 2 ton gevonden".
    """
    x = ix.nearest_before("date.context", "dates", lambda x, m: _context_date(x, m, ix), c.sent)
    if x is None:
        return None
    if c.amount is not None and c.sent.words & _AGAIN and _own_find(ix, x):
        return None  # "Vorige maand vond de douane 500 kilo. Nu is er opnieuw 300 kilo gevonden"
    if cue("once").found(c.sent.lower, c.sent.words):
        return None  # "Zo werd er al eens 2 ton heroïne onderschept": some time before the story
    return [m for m in ix.at("dates", x.index) if _context_date(x, m, ix)][-1], "context"


_AGAIN = frozenset({"opnieuw", "alweer", "wederom"})  # a find again, later than the one before


@rule("slot.date.title")
def date_title(ix: ArticleIndex, c: Candidate):
    """The title's date when the body gives none: "Woensdag 3 ton coke onderschept" above the story."""
    if c.sent.is_title or earlier_find(c):
        return None
    found = [m for m in ix.in_title("dates") if not in_comparison(ix, m, c.anchor)]
    return (found[0], "title") if found else None


def _own_find(ix: ArticleIndex, x: Sentence) -> bool:
    """The sentence states a find of its own: a find word and a quantity."""
    return _has_trigger(ix, x) and bool(ix.quantities(x.index))


def _has_trigger(ix: ArticleIndex, s: Sentence) -> bool:
    """``gate.has_trigger``, read once per sentence."""
    return ix.once(("has_trigger", s.index), lambda: has_trigger(s))


@rule("slot.date.later")
def date_later(ix: ArticleIndex, c: Candidate):
    """Last resort: a date given just after the find: "Er lag 670 kilo heroïne. ... in de nacht van 31 mei op 1 juni".
    Not the date of what happened next ("Enkele dagen later, op 21 januari, ...") nor of another find
    ("Eerder dit jaar werd er ook al 900 kilo gevonden", "twee keer zoveel als de 1 ton van vorige maand")."""
    if c.sent.is_title:
        return None
    sequence = params().words["sequence_words"]
    for i in range(
        c.sent.index + 1, min(len(ix.sentences), c.sent.index + 1 + params().scopes["later_date_sentences"])
    ):
        x = ix.sentences[i]
        if x.words & sequence or _own_find(ix, x) or ix.quantities(x.index):
            return None  # a figure there may be what the date is of: "als de 1 ton van vorige maand"
        found = [m for m in ix.at("dates", x.index) if _context_date(x, m, ix)]
        if found:
            return found[0], "context"
    return None


@rule("slot.date.body_for_title")
def date_body_for_title(ix: ArticleIndex, c: Candidate):
    """The title's find is the body's first find or raid, by its date: "Dinsdagavond viel de politie binnen".

    The date of the first body sentence stating a find or a police action that has one, or the date
    just before it ("Dinsdagavond viel de politie binnen. Bij de inval werd ... gevonden")."""
    if not c.sent.is_title:
        return None
    p = params()
    body = [x for x in ix.sentences if not x.is_title]
    for k, x in enumerate(body):
        if not (_has_trigger(ix, x) or p.action.found(x.lower, x.words)):
            continue
        for y in [x, *reversed(body[max(0, k - p.scopes["context_sentences"]) : k])]:
            found = [m for m in ix.at("dates", y.index) if _context_date(y, m, ix)]
            if found:
                return (found[0] if y is x else found[-1]), "context"
    return None


# ---------------------------------------------------------------- place


def _rank(m: Mention) -> int:
    return params().place_ranks.get(m.value.kind, 5)


def _usable(m: Mention) -> bool:
    return m.value.kind not in ("origin", "agency", "court")


@rule("slot.place.sentence")
def place_sentence(ix: ArticleIndex, c: Candidate):
    """The best place of the sentence (where before dateline before street), nearest: "In Venlo vond men 3 kilo"."""
    # a title, or a line of a list ("• 22 kilo coke (Vlissingen, 28 februari)"), names its place bare
    listed = c.sent.is_title or _LIST_ITEM.match(c.sent.text) is not None
    limit = params().place_rank_limit["title" if listed else "body"]
    ms = [m for m in ix.at("places", c.sent.index) if _usable(m) and _rank(m) <= limit]
    if not ms:
        return None
    return _respectively(ix, c, ms) or min(ms, key=lambda m: (_rank(m), abs(m.start - c.anchor))), "own"


_LIST_ITEM = re.compile(
    r"\s*(?:(?:[-–—•*·]|\d{1,2}[.)])\s|" + LABEL + r"\s)"
)  # "• ...", "1. ...", "Tholen: ..."
_JOINED = re.compile(r"\s*(?:,|en)\s*")


def _respectively(ix: ArticleIndex, c: Candidate, ms: list[Mention]) -> Mention | None:
    """Places and figures listed alike pair up in order: "In Oudenbosch en Zundert werden kwekerijen
    van 400 en 350 planten gevonden" (400 in Oudenbosch)."""
    if c.amount is None or len(ms) < 2:
        return None
    figures = ix.quantities(c.sent.index)
    listed = [ms, figures]
    if len(ms) != len(figures) or not all(
        _JOINED.fullmatch(ix.text, a.end, b.start) for xs in listed for a, b in zip(xs, xs[1:], strict=False)
    ):
        return None
    at = next((k for k, f in enumerate(figures) if f.start <= c.anchor < max(f.end, f.start + 1)), None)
    return ms[at] if at is not None else None


def _resident(ix: ArticleIndex, m: Mention) -> bool:
    """ "een 34-jarige man uit Tilburg", "de Eindhovenaar": where someone lives."""
    if m.value.text in demonyms():
        return True  # "de Eindhovenaar"; not "de Belgische douane"
    if m.value.kind != "origin":
        return False
    words = [w.lower() for w in WORD.findall(ix.text[max(0, m.start - 40) : m.start])]
    if len(words) < 2 or words[-1] != "uit":
        return False
    residents = params().words["residents"]
    return any(w in residents or w.endswith("jarige") for w in words[-3:-1])


@rule("slot.place.home")
def place_home(ix: ArticleIndex, c: Candidate):
    """A find in someone's home is where they live: "Een 40-jarige vrouw uit Weert ... In haar woning lag 2 kilo"."""
    if not cue("home_phrases").found(c.sent.lower, c.sent.words):
        return None
    homes = [m for m in ix.mentions["places"] if _resident(ix, m)]
    before = [m for m in homes if m.start < c.sent.end]
    if before:
        return before[-1], "context"
    return (homes[0], "context") if homes else None


def _place_context(ix: ArticleIndex, c: Candidate, kinds: tuple, key: str):
    def keep(m: Mention) -> bool:
        return m.value.kind in kinds and (_usable(m) or kinds == ("agency",))

    x = ix.nearest_before(key, "places", lambda x, m: keep(m), c.sent)
    if x is None:
        return None
    found = [m for m in ix.at("places", x.index) if keep(m)]
    best = min(_rank(m) for m in found)  # "in Heijen (Gennep, bij Nijmegen)": where, before near where
    return [m for m in found if _rank(m) == best][-1], "context"


@rule("slot.place.context_locative")
def place_context_locative(ix: ArticleIndex, c: Candidate):
    """The last place where something happened earlier: "De politie viel binnen in Oss. Ze vond 30 kilo"."""
    return _place_context(ix, c, ("locative", "dateline", "near"), "place.locative")


@rule("slot.place.context_hint")
def place_context_hint(ix: ArticleIndex, c: Candidate):
    """Else an earlier hint, a country or a bare name: "De Belgische douane meldt ... Er lag 3 ton"."""
    return _place_context(ix, c, ("country", "weak", "ner"), "place.hint")


@rule("slot.place.title")
def place_title(ix: ArticleIndex, c: Candidate):
    """Else the title's place: "Drugsvangst in Gent" above a body that names none (not for a find the body recalls)."""
    if c.sent.is_title or earlier_find(c):
        return None
    found = [m for m in ix.in_title("places") if _usable(m)]
    return (min(found, key=_rank), "title") if found else None


@rule("slot.place.context_street")
def place_context_street(ix: ArticleIndex, c: Candidate):
    """Else an earlier street: "Agenten kwamen aan de Kerkstraat. Daar lag 2 kilo"."""
    return _place_context(ix, c, ("street",), "place.street")


@rule("slot.place.agency_seat")
def place_agency_seat(ix: ArticleIndex, c: Candidate):
    """Last resort: the seat of an agency in the sentence: "De FGP van Antwerpen nam 40 kilo in beslag"."""
    seats = [m for m in ix.at("places", c.sent.index) if m.value.kind == "agency"]
    return (seats[0], "context") if seats else None


@rule("slot.place.agency_context")
def place_agency_context(ix: ArticleIndex, c: Candidate):
    """Else the seat of an agency named before: "De politie Antwerpen hield 23 dealers aan. Er werd 2 kilo hasj in beslag genomen".

    Or in the title: "Politie Heerlen rolt kwekerij op".
    """
    found = _place_context(ix, c, ("agency",), "place.agency")
    if found is None and not c.sent.is_title:
        seats = [m for m in ix.in_title("places") if m.value.kind == "agency"]
        found = (seats[0], "title") if seats else None
    return found


@rule("slot.place.later")
def place_later(ix: ArticleIndex, c: Candidate):
    """Last resort: the first place named later where something happened: "Er lag 9 kilo. Dat was in Gent"."""
    m = ix.first_after(
        "places", c.sent.end, lambda m: _usable(m) and m.value.kind in ("locative", "dateline", "near")
    )
    return (m, "context") if m else None


@rule("slot.place.scope")
def place_scope(ix: ArticleIndex, c: Candidate):
    """Nothing else places the find: the domain of its superlative: "de grootste vangst ooit in België: 1.200 kilo"."""

    def scopes(i: int) -> list:
        return [m for m in ix.at("places", i) if _usable(m) and m.value.kind == "scope"]

    if scopes(c.sent.index):
        return min(scopes(c.sent.index), key=lambda m: abs(m.start - c.anchor)), "own"
    x = ix.nearest_before(
        "place.scope", "places", lambda x, m: _usable(m) and m.value.kind == "scope", c.sent
    )
    return (scopes(x.index)[-1], "context") if x is not None else None


# ---------------------------------------------------------------- origin, agencies, operation


def _origins(ix: ArticleIndex, s: Sentence) -> list[Mention]:
    return [m for m in ix.at("places", s.index) if m.value.kind == "origin" and m.value.country]


def _countries(ms: list[Mention]):
    found = [m for m in ms if m.value.name in countries_nl()]
    return (found[0], "own") if found else None


@rule("slot.origin.sentence")
def origin_sentence(ix: ArticleIndex, c: Candidate):
    """The country the drugs came from: "een container uit Ecuador met 2 ton cocaïne"."""
    ms = _origins(ix, c.sent)
    return _countries(ms) if ms else None


@rule("slot.origin.context")
def origin_context(ix: ArticleIndex, c: Candidate):
    """Else the origin named in the two sentences before: "Het schip kwam uit Brazilië. Er lag 1 ton aan boord"."""
    n = params().scopes["context_sentences"]
    for x in reversed(ix.body_before(c.sent, n)):
        ms = _origins(ix, x)
        if ms:
            return _countries(ms)
    return None


@rule("slot.agency.sentence")
def agency_sentence(ix: ArticleIndex, c: Candidate):
    """The agencies of the sentence: "De douane en de FIOD onderschepten 500 kilo"."""
    ag = ix.at("agencies", c.sent.index)
    return (ag, "own") if ag else None


@rule("slot.agency.context")
def agency_context(ix: ArticleIndex, c: Candidate):
    """Else those of the two sentences before: "De politie viel binnen. Er lag 20 kilo"."""
    for x in reversed(ix.body_before(c.sent, params().scopes["context_sentences"])):
        ag = ix.at("agencies", x.index)
        if ag:
            return ag, "context"
    return None


@rule("slot.agency.title")
def agency_title(ix: ArticleIndex, c: Candidate):
    """Else the title's: "Douane vindt 3 ton coke" above a body that names no agency."""
    ag = [] if c.sent.is_title else ix.in_title("agencies")
    return (ag, "title") if ag else None


@rule("slot.operation.near")
def operation_near(ix: ArticleIndex, c: Candidate):
    """The operation named in the sentence or the two before: "In het onderzoek Sky ECC werd 27 ton onderschept"."""
    ms = ix.at("operations", c.sent.index)
    if not ms:
        for x in reversed(ix.body_before(c.sent, params().scopes["context_sentences"])):
            ms = ix.at("operations", x.index)
            if ms:
                break
    return (ms[-1], "own") if ms else None


_TOWN_KINDS = ("locative", "dateline", "near", "weak")
_DISTRICT_HEADS = frozenset({"wijk", "woonwijk", "buurt", "stadsdeel", "stadswijk", "woonerf"})


@rule("slot.place.street_in_town")
def street_in_town(ix: ArticleIndex, c: Candidate, street: Mention) -> Mention | None:
    """A street alone is in the town the article names: "In Venlo ... Aan de Kerkstraat lag 9 kilo"."""

    def town(m: Mention) -> bool:
        district = set(ix.words_before(m.start, 1)) & _DISTRICT_HEADS  # "in de wijk Hollandse Molen": no town
        return (
            _usable(m) and m.value.kind in _TOWN_KINDS and m.value.name not in countries_nl() and not district
        )

    here = [m for m in ix.at("places", c.sent.index) if town(m) and m.start < street.start]
    if here:
        return here[-1]
    x = ix.nearest_before("place.town", "places", lambda x, m: town(m), c.sent)
    if x is not None:
        return [m for m in ix.at("places", x.index) if town(m)][-1]
    title = [m for m in ix.in_title("places") if town(m)]
    return title[0] if title else None


def resolve(slot: str, ix: ArticleIndex, c: Candidate):
    """(rule function, value found, its source) by the slot's cascade; (None, None, None) when none applies."""
    for rule_id in params().slots[slot]:
        fn = RULES[rule_id].fn
        found = fn(ix, c)
        if found is not None:
            return fn, found[0], found[1]
    return None, None, None


def fill(ix: ArticleIndex, c: Candidate) -> Candidate:
    """The candidate with its place, origin, agencies and operation (the date is read by the kind stage)."""
    fn, m, src = resolve("place", ix, c)
    if fn is not None and m.value.kind == "street":
        town = street_in_town(ix, c, m)
        fn, m = (street_in_town, town) if town is not None else (fn, m)
    if fn is not None:
        src = "title" if c.sent.is_title else src
        c = c.decide("location", fn, m.text, place=m.value, place_src=src)
    fn, m, _ = resolve("origin", ix, c)
    if fn is not None:
        c = c.decide("origin", fn, m.text, origin=m.value)
    fn, ms, _ = resolve("agency", ix, c)
    if fn is not None:
        agency = tuple(dict.fromkeys(m.value for m in ms))
        c = c.decide("agency", fn, ", ".join(m.text for m in ms), agency=agency)
    fn, m, _ = resolve("operation", ix, c)
    if fn is not None:
        c = c.decide("operation", fn, m.text, operation=m.value)
    return c
