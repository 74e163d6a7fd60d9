"""From mentions to seizure events: linking, classification and merging (pure, no spaCy).

Input: the article text (title, a blank line, body), its sentences and the mentions
the components found (amounts, dates, drugs, places, agencies, operations), all as
character offsets. Output: ``SeizureEvent`` records.

The rules, in the order they run:
1. An article states seizures only if some sentence has a seizure trigger
   ("onderschept", "in beslag genomen", "opgerold", ...) without a ruling-out
   context (wastewater, use, production, trade, ratios, court sentences).
2. Every quantity (kg, l, pills, plants, units) in such an article is a candidate,
   linked to a drug: one it overlaps ("xtc-pillen"), one right after it
   ("542 kilo cocaïne"), a label before it ("Cocaïne: 27,7 g"), the unit
   ("1.100 planten" -> cannabis), the nearest in the sentence, else the drug of the
   earlier context. One amount for two drugs ("vijftig gram cocaïne en heroïne")
   gives one event per drug without an amount.
3. A drug mention without an amount is an event when its sentence has a trigger and
   the mention is a seizable thing ("een partij cocaïne", "een cannabisplantage",
   "het lab voor de productie van amfetamine"); not when negated ("geen hennep"),
   a purpose ("grondstoffen voor synthetische drugs"), anaphoric ("de cocaïne") or
   after an amount event of the same drug (it then refers back).
4. Fields: kind (aggregate cues in the clause, a period as the date, plural seizure
   nouns, table lines), date, place, agency and operation from the clause, the sentence,
   then the earlier context, then the title; a street value from a money amount with
   a value cue, on the event of its sentence or the one before it.
5. Merging: the title's events join the body's; the same drug and amount twice is one
   event; one amount-less event per drug; generic drugs give way to specific ones;
   parts that add up to a stated total are dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from .normalize.dates import year_to_date
from .resources import load_json
from .schema import Amount, DateInterval, Evidence, Place, SeizureEvent

QUANTITY_UNITS = ("kg", "l", "pills", "plants", "units")
_CLAUSE_SPLIT = re.compile(r"[;()–—]|,\s|:\s|\s-\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CROSS_REFERENCE = re.compile(
    r"\s*+(?:lees\s+ook|lees\s+meer|bekijk\s+ook|kijk\s+ook|meer\s+over|ook\s+interessant|gerelateerd|video|foto'?s?)\b\s*[.:!]",
    re.IGNORECASE,
)
_LAB_WORD = re.compile(r"(?<!\w)(?:drugs)?lab(?:oratorium)?(?!\w)")
_WORTH_OF = re.compile(r"\s+aan\s+(?:(?:verdovende|verboden|allerlei|harde|soft)\s+)?", re.IGNORECASE)
_WEIGH = frozenset(["woog", "wogen", "weegt", "wegen", "gewogen"])
_CONTAINERS_IN_SENTENCE = frozenset(
    ["koffer", "koffers", "tas", "tassen", "reistassen", "sporttassen", "container", "containers", "vrachtwagen", "auto",
     "bestelwagen", "woning", "pand", "loods", "boot", "schip", "kofferbak", "lading", "pakket", "pakketten",
     "hem", "haar", "reiziger", "reizigers", "bagage", "huiszoeking", "inval"]
)  # fmt: skip
_COMPARISON = re.compile(
    r"(?:tegen|vergeleken met|in vergelijking met|ten opzichte van|dan)\s+(?:\S+\s+){0,3}$", re.IGNORECASE
)
# dates that name a moment, however wide the interval they resolve to: not a period of totals
_POINT_IN_TIME = re.compile(
    r"geleden|terug|nacht|dag|gisteren|vandaag|van(?:ochtend|morgen|middag|avond)|week"
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: object = None  # Amount, DateInterval, Place, drug id or agency name


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    is_title: bool
    lower: str = ""
    words: frozenset = frozenset()

    def __post_init__(self):
        self.lower = self.text.lower()
        self.words = frozenset(w.lower() for w in _WORD.findall(self.text))


@dataclass
class _Cand:
    drug: str
    drug_text: str
    amount: Amount | None
    amount_range: Amount | None
    sent: Sentence
    anchor: int  # character offset the fields are looked up from
    kind: str = "seizure"
    date: DateInterval | None = None
    date_src: str | None = None
    place: Place | None = None
    place_src: str | None = None
    value_eur: float | None = None
    agency: list[str] = field(default_factory=list)
    operation: str | None = None
    origin: Place | None = None
    own_trigger: bool = False
    adjacent_drug: bool = False
    list_line: bool = False
    mention_only: bool = False  # created from a drug mention without an amount
    vague: bool = False
    count: int | None = None
    weighs: bool = False  # "De blokken wogen samen 104 kilo": the weight of an earlier find
    dropped: bool = False


@cache
def _country_names() -> frozenset[str]:
    from .lexicon import countries_nl

    return frozenset(countries_nl())


@cache
def _cues():
    c = load_json("cues.json")
    d = load_json("drugs.json")

    def split(words):
        """(single words as a set, one compiled pattern for the multi-word cues)."""
        single = frozenset(w for w in words if " " not in w)
        multi = [w for w in words if " " in w]
        return single, _phrases(multi)

    return {
        "strong": split(c["strong_triggers"]),
        "hard_negative": split(c["hard_negative"]),
        "negation": frozenset(c["negation"]),
        "aggregate": _phrases(c["aggregate"]),
        "aggregate_plural": frozenset(c["aggregate_plural_nouns"]),
        "value": tuple(c["value_cues"]),
        "reporting": split(c["reporting"]),
        "particles": c["particle_triggers"],
        "action": split(c["action_context"]),
        "containers": frozenset(d["containers"]),
        "lab_words": frozenset(d["lab_words"]),
        "generic": frozenset(d["generic"]),
        "purpose": tuple(d["purpose_cues"]),
        "suffixes": tuple(d["compound_suffixes"]),
    }


def _phrases(phrases) -> re.Pattern | None:
    """One pattern matching any of the phrases as whole words (None for no phrases)."""
    if not phrases:
        return None
    alt = "|".join(sorted((re.escape(p) for p in phrases), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


def _has(sent_lower: str, words: frozenset, cues) -> bool:
    single, multi = cues
    if words & single:
        return True
    return bool(multi and multi.search(sent_lower))


def has_trigger(sent: Sentence) -> bool:
    if not _has(sent.lower, sent.words, _cues()["strong"]):
        # a separable verb: "een speurhond sloeg zondag aan", "de politie nam de drugs in beslag"
        particles = _cues()["particles"]
        if not any(particles[w] in sent.words for w in sent.words & particles.keys()):
            return False
    # "vonden er invallen plaats" is not a find
    if "plaats" in sent.words and not (
        sent.words & {"onderschept", "aangetroffen", "gevonden", "ontdekt", "opgerold"}
    ):
        return False
    return True


def is_ruled_out(text_lower: str, words: frozenset) -> bool:
    return _has(text_lower, words, _cues()["hard_negative"])


def _words_before(text: str, pos: int, n: int = 4) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(0, pos - 60) : pos])][-n:]


def _clause_bounds(sent: Sentence, pos: int) -> tuple[int, int]:
    rel = pos - sent.start
    start, end = 0, len(sent.text)
    for m in _CLAUSE_SPLIT.finditer(sent.text):
        if m.end() <= rel:
            start = m.end()
        elif m.start() >= rel:
            end = m.start()
            break
    return sent.start + start, sent.start + end


def _in(m: Mention, a: int, b: int) -> bool:
    return a <= m.start and m.end <= b


# ---------------------------------------------------------------- the main entry


WINDOW = 120  # sentences linked together; longer texts are linked window by window (linear time)


def build_events(
    text: str,
    sentences: list[tuple[int, int]],
    amounts: list[Mention],
    dates: list[Mention],
    drugs: list[Mention],
    places: list[Mention],
    agencies: list[Mention],
    operations: list[Mention],
    title_end: int = 0,
) -> list[SeizureEvent]:
    """Seizure events stated in ``text`` (see the module docstring for the rules).

    Real articles are linked as a whole. A text of more than ``WINDOW`` sentences (a dump, a
    page of listings) is linked in windows of ``WINDOW`` sentences, each with the title, so the
    work grows linearly with the text; context does not carry across windows.
    """
    if len(sentences) <= WINDOW:
        return _build(text, sentences, amounts, dates, drugs, places, agencies, operations, title_end)
    title = [b for b in sentences if b[1] <= title_end]
    body = [b for b in sentences if b[1] > title_end]
    groups = [amounts, dates, drugs, places, agencies, operations]
    groups = [sorted(g, key=lambda m: m.start) for g in groups]
    starts = [[m.start for m in g] for g in groups]
    out: list[SeizureEvent] = []
    for i in range(0, len(body), WINDOW):
        win = body[i : i + WINDOW]
        lo, hi = win[0][0], win[-1][1]
        picked = []
        for g, st in zip(groups, starts, strict=True):
            in_title = g[: bisect.bisect_left(st, title_end)] if title else []
            picked.append(in_title + g[bisect.bisect_left(st, lo) : bisect.bisect_left(st, hi)])
        events = _build(text, title + win, *picked, title_end=title_end)
        if i > 0:  # the title is context for every window, but its own events count once
            events = [e for e in events if e.evidence is None or e.evidence.start >= title_end]
        out.extend(events)
    return out


def _build(
    text: str,
    sentences: list[tuple[int, int]],
    amounts: list[Mention],
    dates: list[Mention],
    drugs: list[Mention],
    places: list[Mention],
    agencies: list[Mention],
    operations: list[Mention],
    title_end: int = 0,
) -> list[SeizureEvent]:
    # a line linking to another article ("LEES OOK. Douane onderschept 3 ton ...") reports other seizures
    line_is_link: dict[int, bool] = {}

    def links_elsewhere(start: int) -> bool:
        line = text.rfind("\n", 0, start) + 1
        if line not in line_is_link:  # once per line: a line can hold many sentences
            line_is_link[line] = bool(_CROSS_REFERENCE.match(text, line))
        return line_is_link[line]

    sentences = [b for b in sentences if not links_elsewhere(b[0])]
    sents = [
        Sentence(i, s, e, text[s:e], e <= title_end and title_end > 0) for i, (s, e) in enumerate(sentences)
    ]
    if not sents:
        return []
    trig = {s.index: has_trigger(s) and not is_ruled_out(s.lower, s.words) for s in sents}
    # police action ("na een achtervolging ... aangehouden") makes the drugs found after it a seizure,
    # though a sentence of its own is needed for a find without an amount
    action = {
        s.index: _has(s.lower, s.words, _cues()["action"]) and not is_ruled_out(s.lower, s.words)
        for s in sents
    }
    if not any(trig.values()) and not any(action.values()):
        return []
    first_trigger = min(i for i in trig if trig[i] or action[i])

    sent_starts = [x.start for x in sents]

    def sent_of(pos: int) -> Sentence | None:
        i = bisect.bisect_right(sent_starts, pos) - 1
        if i >= 0 and sents[i].start <= pos < sents[i].end:
            return sents[i]
        return None

    drugs = [d for d in drugs if not _negated(text, d) and sent_of(d.start) is not None]
    purpose = {id(d) for d in drugs if _is_purpose(text, d)}
    cands: list[_Cand] = []
    consumed_drugs: set[int] = set()

    # 2. quantities
    for a in amounts:
        amt: Amount = a.value
        if amt.unit not in QUANTITY_UNITS:
            continue
        s = sent_of(a.start)
        if s is None:
            continue
        if not trig[s.index] and not action[s.index]:
            # a continuation: a seizure was stated before (or in the title) and nothing rules this sentence out
            if s.index < first_trigger and not s.is_title:
                continue
            if is_ruled_out(s.lower, s.words) or s.index <= first_trigger:
                continue
        link = _link_drug(text, s, a, drugs, purpose, sents)
        if link is None:
            continue
        linked, adjacent, joint = link
        for d in linked:
            consumed_drugs.add(id(d))
        unit = _unit_for(text, s, a, amt)
        if joint:
            for d in linked:
                cands.append(
                    _Cand(
                        d.value, d.text, None, None, s, a.start, own_trigger=trig[s.index], adjacent_drug=True
                    )
                )
            continue
        d = linked[0]
        drug_id = d.value if d is not None else _unit_drug(unit)
        drug_text = d.text if d is not None else amt.text
        if amt.is_range:
            rng = Amount(None, unit, amt.approximate, amt.text, low=amt.low, high=amt.high)
            c = _Cand(drug_id, drug_text, None, rng, s, a.start)
        else:
            c = _Cand(
                drug_id, drug_text, Amount(amt.value, unit, amt.approximate, amt.text), None, s, a.start
            )
        c.own_trigger, c.adjacent_drug = trig[s.index], adjacent
        c.list_line = _is_list_line(s, a)
        c.weighs = not adjacent and bool(s.words & _WEIGH)
        cands.append(c)

    # 3. drug mentions without an amount
    seen_amount_drugs_body: list[tuple[int, str]] = [
        (c.anchor, c.drug) for c in cands if c.amount and not c.sent.is_title
    ]
    for d in drugs:
        if id(d) in consumed_drugs or id(d) in purpose and not _lab_purpose(text, d):
            continue
        s = sent_of(d.start)
        if not trig[s.index]:
            continue
        how = _seizable(text, s, d)
        if not how.countable:
            continue
        drug_id = _lab_drug(text, s, d, drugs)
        same_sentence = [c for c in cands if c.sent is s and c.drug == drug_id]
        # the same drug already has an event in this sentence: this mention is that find, unless it is
        # another item of its own ("duizenden xtc-pillen" beside "een halve ton MDMA",
        # "een partij BMK" beside "4.000 liter PMK-olie")
        own_item = how.vague or (
            how.contained and all(c.drug_text.lower() != d.text.lower() for c in same_sentence)
        )
        if same_sentence and not own_item:
            continue
        earlier = [c for c in cands if c.drug == drug_id and c.anchor < d.start]
        if how.definite and earlier:
            continue
        # after an amount of the same drug, a mention refers back to it (unless it is an item of its own)
        after_amount = any(pos < d.start and dr == drug_id for pos, dr in seen_amount_drugs_body)
        if not s.is_title and not how.vague and after_amount and not (own_item and same_sentence):
            continue
        c = _Cand(
            drug_id,
            d.text,
            None,
            None,
            s,
            d.start,
            own_trigger=True,
            mention_only=True,
        )
        c.vague, c.count = how.vague, how.count
        if how.plural:
            c.kind = "aggregate"
        cands.append(c)

    cands.sort(key=lambda c: c.anchor)
    # 4. fields
    for c in cands:
        _fill_fields(text, c, sents, dates, places, agencies, operations)
    _attach_values(text, cands, amounts, sents, sent_of, drugs)
    # 5. merging
    cands = _merge(cands)
    return [_to_event(c) for c in cands if not c.dropped]


# ---------------------------------------------------------------- drugs


def _negated(text: str, d: Mention) -> bool:
    return bool(set(_words_before(text, d.start, 3)) & _cues()["negation"])


def _is_purpose(text: str, d: Mention) -> bool:
    window = text[max(0, d.start - 40) : d.start].lower()
    return any(p in window for p in _cues()["purpose"])


def _lab_purpose(text: str, d: Mention) -> bool:
    """ "het lab voor de productie van amfetamine": the purpose names the lab's drug."""
    window = text[max(0, d.start - 60) : d.start].lower()
    return bool(_LAB_WORD.search(window))


def _lab_drug(text: str, s: Sentence, d: Mention, drugs: list[Mention]) -> str:
    """A generic lab takes the drug it was making: "lab voor de productie van amfetamine"."""
    if d.text.lower() not in _cues()["lab_words"]:
        return d.value
    for other in drugs:
        if (
            other is not d
            and s.start <= other.start < s.end
            and other.start > d.end
            and other.start - d.end < 60
        ):
            if _is_purpose(text, other):
                return other.value
    return d.value


_VAGUE = frozenset(
    [
        "tientallen",
        "honderden",
        "duizenden",
        "tonnen",
        "enkele",
        "wat",
        "kilo's",
        "grammen",
        "liters",
        "massa's",
        "heel",
        "flink",
        "flinke",
    ]
)
_COUNT_WORDS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}
_COUNTED = re.compile(
    r"(?<!\w)(\d{1,4}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+(?:[^\W\d]+\s+){0,2}$", re.IGNORECASE
)
_PLURAL_SUFFIXES = (
    "labs",
    "plantages",
    "kwekerijen",
    "vangsten",
    "partijen",
    "ladingen",
    "zendingen",
    "vondsten",
    "inbeslagnames",
)


@dataclass(frozen=True)
class _Seizable:
    countable: bool
    definite: bool
    plural: bool
    vague: bool  # "tientallen kilo's hasj": a quantity too vague to give, still an item of its own
    contained: bool  # introduced by a container word: "een partij BMK", "pakketten heroïne"
    count: int | None  # "twee partijen heroïne": the number of seizures announced


def _seizable(text: str, s: Sentence, d: Mention) -> _Seizable:
    """How a drug mention without an amount reads: countable ("een partij cocaïne"), definite ("de coke"), ..."""
    cues = _cues()
    low = d.text.lower()
    before = _words_before(text, d.start, 4)
    compound = (
        low.endswith(cues["suffixes"])
        or low in cues["lab_words"]
        or low in ("plantage", "plantages", "kwekerij", "kwekerijen")
    )
    container_at = None
    for k in range(len(before) - 1, -1, -1):
        if before[k] in cues["containers"] or before[k].rstrip("s") in cues["containers"]:
            container_at = k
            break
        if before[k] in ("de", "het", "een", "die", "deze", "dat", "zijn", "hun"):
            break
    vague = bool(set(before[-3:]) & _VAGUE)
    valued = bool(re.search(r"(?:euro|€)\s+aan\s+$", text[max(0, d.start - 20) : d.start], re.IGNORECASE))
    countable = (
        compound or container_at is not None or s.is_title or vague or valued or d.value == "precursor"
    )
    det_words = before[:container_at] if container_at is not None else before
    det = ""
    # skip adjectives between a determiner and the noun: "een grote partij", "de illegale kwekerij"
    for w in reversed(det_words):
        if w in ("de", "het", "een", "die", "deze", "dat", "dit", "zijn", "hun", "haar"):
            det = w
            break
        if not w.endswith(("e", "en")):  # only adjectives ("grote", "gevonden") stand between
            break
    definite = det in ("de", "het", "die", "deze", "dat", "dit", "zijn", "hun", "haar")
    head = before[container_at] if container_at is not None else low
    plural = (
        low in cues["aggregate_plural"]
        or low.endswith(_PLURAL_SUFFIXES)
        or head in ("partijen", "ladingen", "zendingen")
    )
    count = None
    if plural:
        m = _COUNTED.search(text[max(0, d.start - 40) : d.start])
        if m:
            w = m.group(1).lower()
            count = _COUNT_WORDS.get(w) or (int(w) if w.isdigit() else None)
    return _Seizable(countable, definite, plural, vague, container_at is not None, count)


_ADJ_GAP = re.compile(
    r"\s*(?:(?:aan|van|met|pure?|zuivere?|vloeibare?|droge?|verdovende|de|het|vermoedelijk(?:e)?|zogenaamde|ruwe|onversneden)\s+){0,3}",
    re.IGNORECASE,
)
_LABEL_GAP = re.compile(r"\s*(?:[:=]|van|met|goed voor|,)?\s*", re.IGNORECASE)


def _link_drug(text, s: Sentence, a: Mention, drugs: list[Mention], purpose: set, sents):
    """The drug(s) of an amount: ([drug mention or None], adjacent?, joint?) or None."""
    in_sent = [d for d in drugs if s.start <= d.start < s.end and id(d) not in purpose]
    # overlapping ("xtc-pillen", "hennepplanten" as the unit)
    for d in in_sent:
        if d.start < a.end and a.start < d.end:
            return [d], True, False
    # right after: "542 kilo cocaïne", "11.000 liter aan grondstoffen"
    after = [d for d in in_sent if d.start >= a.end]
    if after:
        d = min(after, key=lambda x: x.start)
        gap = text[a.end : d.start]
        if _ADJ_GAP.fullmatch(gap):
            # one amount, two drugs: "vijftig gram cocaïne en heroïne"
            nxt = [x for x in after if x.start > d.end]
            if nxt:
                d2 = min(nxt, key=lambda x: x.start)
                if re.fullmatch(r"\s+(?:en|of|en/of)\s+", text[d.end : d2.start]) and d2.value != d.value:
                    nxt_amt_gap = text[d2.end : d2.end + 3]
                    if not re.match(r"\s*\d", nxt_amt_gap):
                        return [d, d2], True, True
            return [d], True, False
    # a label before: "Cocaïne: 27,7 g", "een partij cocaïne van 300 kilo"
    before = [d for d in in_sent if d.end <= a.start]
    if before:
        d = max(before, key=lambda x: x.end)
        if _LABEL_GAP.fullmatch(text[d.end : a.start]):
            return [d], True, False
    unit = a.value.unit
    if unit == "plants":
        return [None], False, False
    # the nearest drug in the sentence, preceding first
    if before:
        return [max(before, key=lambda x: x.end)], False, False
    if after:
        return [min(after, key=lambda x: x.start)], False, False
    if unit == "pills":
        return [None], False, False
    # the drug of the earlier context (specific before generic), else the title's
    generic = _cues()["generic"]
    earlier = [d for d in drugs if d.end <= s.start and id(d) not in purpose]
    body_earlier = [d for d in earlier if not any(x.is_title and x.start <= d.start < x.end for x in sents)]
    for pool in (body_earlier, earlier):
        specific = [d for d in pool if d.value not in generic]
        if specific:
            return [specific[-1]], False, False
        if pool:
            return [pool[-1]], False, False
    # nothing before: the drug may be named right after ("... 11 ton onderschept. Het ging om cocaïne.")
    following = [x for x in sents if x.index == s.index + 1]
    if following:
        nxt = [d for d in drugs if following[0].start <= d.start < following[0].end and id(d) not in purpose]
        if nxt:
            return [nxt[0]], False, False
    return None


def _unit_drug(unit: str) -> str:
    return {"plants": "cannabis", "pills": "mdma"}.get(unit, "unspecified")


def _unit_for(text: str, s: Sentence, a: Mention, amt: Amount) -> str:
    """ "stuks" takes its unit from the label: "XTC: 171 stuks" -> pills, "Cannabis planten: 350 stuks" -> plants."""
    if amt.unit != "units" or not amt.text.lower().endswith("stuks"):
        return amt.unit
    label = text[s.start : a.start].lower()
    if re.search(r"xtc|pil|tablet|ecstasy|mdma", label):
        return "pills"
    if re.search(r"plant|stek", label):
        return "plants"
    return "units"


def _is_list_line(s: Sentence, a: Mention) -> bool:
    """A table line "Cocaïne: 27,7 g": the drug, a colon and the amount make the whole line."""
    return bool(re.fullmatch(r"\s*[^\W\d][\w '’-]{0,40}:\s*" + re.escape(a.text) + r"\s*\.?\s*", s.text))


# ---------------------------------------------------------------- fields


def _fill_fields(text, c: _Cand, sents, dates, places, agencies, operations):
    s = c.sent
    cs, ce = _clause_bounds(s, c.anchor)
    body_before = [x for x in sents if x.index < s.index and not x.is_title]
    title = [x for x in sents if x.is_title]

    # date: the clause, the sentence (before, then after), the earlier context, the title;
    # a date in a comparison ("tegen 260 vorig jaar") dates the comparison, not the find
    dates = [m for m in dates if not _in_comparison(text, m, c.anchor)]
    own = [m for m in dates if _in(m, cs, ce)]
    in_sent = [m for m in dates if _in(m, s.start, s.end)]
    chosen, src = None, None
    if own:
        chosen, src = min(own, key=lambda m: abs(m.start - c.anchor)), "own"
    elif in_sent:
        prev = [m for m in in_sent if m.end <= c.anchor]
        chosen, src = (max(prev, key=lambda m: m.end) if prev else min(in_sent, key=lambda m: m.start)), "own"
    else:
        for x in reversed(body_before):
            found = [m for m in dates if _in(m, x.start, x.end) and not _reporting_date(text, x, m)]
            if found:
                chosen, src = found[-1], "context"
                break
        if chosen is None and not s.is_title:
            found = [m for m in dates if any(_in(m, t.start, t.end) for t in title)]
            if found:
                chosen, src = found[0], "title"
    # kind
    cues = _cues()
    sent_lower = s.lower
    agg = bool(cues["aggregate"].search(sent_lower))
    if "in totaal" in sent_lower and chosen is not None and not (s.words & _CONTAINERS_IN_SENTENCE):
        iv0: DateInterval = chosen.value
        # "op 31 mei 2020 ... in totaal" (a calendar date: a running total), not "dinsdag ... in totaal" (one day's find)
        calendar_day = src == "own" and not _POINT_IN_TIME.search(iv0.text.lower())
        if calendar_day or ((iv0.end - iv0.start).days > 31 and not _POINT_IN_TIME.search(iv0.text.lower())):
            agg = True  # "op 31 mei 2020 hadden ze in totaal ...": a running total
    if c.list_line:
        agg = True
    if chosen is not None and src == "own":
        iv: DateInterval = chosen.value
        span_days = (iv.end - iv.start).days
        t = iv.text.lower()
        if (
            not _POINT_IN_TIME.search(t)
            and iv.granularity in ("year", "quarter", "period")
            and span_days > 31
            and not (s.words & _CONTAINERS_IN_SENTENCE)  # "bij hem werd in 2020 50 kilo gevonden": one find
        ):
            agg = True
    if agg:
        c.kind = "aggregate"
    if chosen is not None and s.is_title:
        src = "title"
    if chosen is not None:
        iv = chosen.value
        if c.kind == "aggregate" and iv.granularity == "day" and src == "own":
            iv = year_to_date(iv)  # "op 31 mei 2020 ... in totaal": the year up to that day
        c.date, c.date_src = iv, src

    # place
    usable = [m for m in places if m.value.kind not in ("origin", "agency")]
    rank = {"locative": 0, "dateline": 1, "street": 2, "country": 3, "weak": 4, "ner": 3}
    in_s = [
        m
        for m in usable
        if _in(m, s.start, s.end) and rank.get(m.value.kind, 5) <= (3 if not s.is_title else 4)
    ]
    chosen_p, psrc = None, None
    if in_s:
        chosen_p = min(in_s, key=lambda m: (rank.get(m.value.kind, 5), abs(m.start - c.anchor)))
        psrc = "own"
    else:
        # earlier body places where something happened, then hints (countries, demonyms),
        # then the title, and a street only when nothing better is known
        for kinds in (("locative", "dateline"), ("country", "weak", "ner"), "title", ("street",)):
            if kinds == "title":
                if not s.is_title:
                    found = [m for m in usable if any(_in(m, t.start, t.end) for t in title)]
                    if found:
                        chosen_p, psrc = min(found, key=lambda m: rank.get(m.value.kind, 5)), "title"
                        break
                continue
            for x in reversed(body_before):
                found = [m for m in usable if _in(m, x.start, x.end) and m.value.kind in kinds]
                if found:
                    chosen_p, psrc = found[-1], "context"
                    break
            if chosen_p:
                break
    if chosen_p is None:
        # last resorts: the seat of an agency in the sentence ("de FGP van Antwerpen"),
        # then the first place where something happened later in the article
        seats = [m for m in places if m.value.kind == "agency" and _in(m, s.start, s.end)]
        later = [m for m in usable if m.start >= s.end and m.value.kind in ("locative", "dateline")]
        if seats:
            chosen_p, psrc = seats[0], "context"
        elif later:
            chosen_p, psrc = later[0], "context"
    if chosen_p is not None:
        c.place, c.place_src = chosen_p.value, ("title" if s.is_title else psrc)

    # origin: a country the drugs came from ("een container uit Ecuador", "afkomstig uit Colombia")
    origins = [m for m in places if m.value.kind == "origin" and m.value.country and _in(m, s.start, s.end)]
    if not origins:
        for x in reversed(body_before[-2:]):
            origins = [
                m for m in places if m.value.kind == "origin" and m.value.country and _in(m, x.start, x.end)
            ]
            if origins:
                break
    countries = [m for m in origins if m.value.name in _country_names()]
    if countries:
        c.origin = countries[0].value

    # agencies and operation
    ag = [m.value for m in agencies if _in(m, s.start, s.end)]
    if not ag:
        for x in reversed(body_before[-2:]):
            ag = [m.value for m in agencies if _in(m, x.start, x.end)]
            if ag:
                break
    if not ag and not s.is_title:
        ag = [m.value for m in agencies if any(_in(m, t.start, t.end) for t in title)]
    c.agency = list(dict.fromkeys(ag))
    near = [
        m
        for m in operations
        if m.end <= s.end and (m.start >= s.start or any(_in(m, x.start, x.end) for x in body_before[-2:]))
    ]
    if near:
        c.operation = near[-1].value


def _in_comparison(text: str, m: Mention, anchor: int) -> bool:
    """A date in a comparison ("tegen 260 vorig jaar") dates the comparison, not the find,
    unless the find is the compared figure itself ("tegen 41.000 kilo in heel 2020")."""
    window = re.split(r"\n|[.!?]\s", text[max(0, m.start - 40) : m.start])[-1]
    hit = _COMPARISON.search(window)
    if not hit:
        return False
    starts_at = m.start - len(window) + hit.start()
    return not (starts_at <= anchor < m.start)


def _reporting_date(text: str, s: Sentence, m: Mention) -> bool:
    """ "Dat schrijft De Morgen woensdag": a date of the reporting, not of a seizure.

    Only a date near the reporting verb counts: in "Het OM meldt dat bij een actie dinsdag ..."
    the date belongs to what is reported.
    """
    if has_trigger(s) or not _has(s.lower, s.words, _cues()["reporting"]):
        return False
    near = text[max(s.start, m.start - 30) : min(s.end, m.end + 30)].lower()
    single, multi = _cues()["reporting"]
    return any(w in single for w in _WORD.findall(near)) or bool(multi and multi.search(near))


def _attach_values(text, cands: list[_Cand], amounts, sents, sent_of, drugs=()):
    """Street values: a money amount after a value cue goes to the event of its sentence, else the one before."""
    cues = _cues()["value"]
    for a in amounts:
        amt: Amount = a.value
        if not amt.is_money or amt.unit != "EUR":
            continue
        window = text[max(0, a.start - 45) : a.start].lower()
        # "een straatwaarde van 16 miljoen euro", or "voor 2,7 miljoen euro aan drugs"
        worth = _WORTH_OF.match(text, a.end)
        worth_of_drugs = worth is not None and any(d.start == worth.end() for d in drugs)
        if not any(k in window for k in cues) and not worth_of_drugs:
            continue
        s = sent_of(a.start)
        if s is None:
            continue
        same = [c for c in cands if c.sent is s and not c.dropped]
        target = None
        if same:
            prev = [c for c in same if c.anchor <= a.start]
            target = prev[-1] if prev else same[0]
        else:
            earlier = [c for c in cands if c.anchor < a.start and not c.dropped]
            if earlier:
                target = max(earlier, key=lambda c: c.anchor)
        if target is not None and target.value_eur is None and amt.value is not None:
            target.value_eur = amt.value


# ---------------------------------------------------------------- merging


def _same_amount(a: Amount | None, b: Amount | None) -> bool:
    if a is None or b is None or a.unit != b.unit or a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value)) + 1e-9


def _absorb(into: _Cand, other: _Cand) -> None:
    """Keep ``into``; fill what it lacks from ``other`` (own values beat inherited ones)."""
    if into.amount is None and other.amount is not None:
        into.amount = other.amount
    elif (
        into.amount is not None
        and other.amount is not None
        and into.amount.approximate
        and not other.amount.approximate
    ):
        if _same_amount(into.amount, other.amount):
            into.amount = other.amount
    order = {"own": 0, "context": 1, "title": 2, None: 3}
    if order[other.date_src] < order[into.date_src]:
        into.date, into.date_src = other.date, other.date_src
    if order[other.place_src] < order[into.place_src]:
        into.place, into.place_src = other.place, other.place_src
    if into.value_eur is None:
        into.value_eur = other.value_eur
    into.agency = list(dict.fromkeys(into.agency + other.agency))
    into.operation = into.operation or other.operation
    into.origin = into.origin or other.origin
    other.dropped = True


def _merge(cands: list[_Cand]) -> list[_Cand]:
    title = [c for c in cands if c.sent.is_title]
    body = [c for c in cands if not c.sent.is_title]
    # the title restates a body event: same amount, else the first body event of that drug it is compatible with
    for t in title:
        target = next((b for b in body if b.drug == t.drug and _same_amount(b.amount, t.amount)), None)
        if target is None:
            for b in body:
                if b.drug != t.drug:
                    continue
                if (
                    t.amount is None
                    or b.amount is None
                    or (b.amount.unit == t.amount.unit and (t.amount.approximate or b.amount.approximate))
                ):
                    target = b
                break
        if target is not None:
            if (
                target.amount is not None
                and t.amount is not None
                and not _same_amount(target.amount, t.amount)
            ):
                t.amount = None  # the body's figure is the more specific one
            _absorb(target, t)
    live = [c for c in cands if not c.dropped]
    # one amount-less event per drug
    first_null: dict[str, _Cand] = {}
    for c in live:
        if c.mention_only and not c.sent.is_title:
            if c.drug in first_null:
                _absorb(first_null[c.drug], c)
            else:
                first_null[c.drug] = c
    live = [c for c in live if not c.dropped]
    # "De blokken wogen samen 104 kilo": the weight of the counted find just before
    for i, c in enumerate(live):
        if c.weighs and c.amount is not None and c.amount.unit == "kg":
            prev = [
                p
                for p in live[:i]
                if not p.dropped
                and p.amount is not None
                and p.amount.unit in ("units", "pills")
                and p.sent.index >= c.sent.index - 2
            ]
            if prev:
                p = prev[-1]
                p.amount = c.amount
                c.dropped = True
    live = [c for c in live if not c.dropped]
    # a find without an amount, then its amount in the next sentence:
    # "... een laboratorium ontmanteld. Er werd 8 kilo methamfetamine aangetroffen."
    for i, c in enumerate(live):
        if (
            not c.mention_only
            or c.amount is not None
            or c.sent.is_title
            or c.dropped
            or c.count
            or c.kind == "aggregate"
        ):
            continue
        nxt = live[i + 1] if i + 1 < len(live) else None
        if (
            nxt is not None
            and nxt.drug == c.drug
            and nxt.amount is not None
            and nxt.sent.index - c.sent.index == 1
            and nxt.date_src != "own"
            and not nxt.mention_only
        ):
            c.amount, c.adjacent_drug = nxt.amount, True
            nxt.dropped = True
            _absorb(c, nxt)
            c.dropped = False
    live = [c for c in live if not c.dropped]
    # "twee partijen heroïne", then each of them with its amount: the announcement is not a third event
    for i, c in enumerate(live):
        if c.count and c.amount is None:
            detailed = [
                d
                for d in live[i + 1 :]
                if d.drug == c.drug and d.amount is not None and d.sent.index - c.sent.index <= 3
            ]
            if len(detailed) >= c.count:
                c.dropped = True
    live = [c for c in live if not c.dropped]
    # the same seizure mentioned twice: same drug and amount
    for i, c in enumerate(live):
        if c.dropped or c.amount is None:
            continue
        for d in live[i + 1 :]:
            if not d.dropped and d.drug == c.drug and _same_amount(c.amount, d.amount):
                first, second = (c, d) if _specificity(c) >= _specificity(d) else (d, c)
                if first is d:
                    first.kind = d.kind
                _absorb(first, second)
                if first is not c:
                    break
    live = [c for c in live if not c.dropped]
    # generic drugs without an amount give way to specific ones
    generic = _cues()["generic"]
    if any(c.drug not in generic for c in live):
        for c in live:
            if c.drug in generic and c.amount is None:
                c.dropped = True
    live = [c for c in live if not c.dropped]
    # parts that add up to a stated total: "286 plantjes" = 114 + 172
    for c in live:
        if c.amount is None or c.dropped:
            continue
        later = [
            d
            for d in live
            if d is not c
            and d.amount
            and d.drug == c.drug
            and d.amount.unit == c.amount.unit
            and d.anchor > c.anchor
        ]
        for i in range(len(later)):
            total = 0.0
            for j in range(i, len(later)):
                total += later[j].amount.value
                if j > i and abs(total - c.amount.value) <= 0.01 * c.amount.value:
                    for d in later[i : j + 1]:
                        d.dropped = True
                    break
                if total > c.amount.value:
                    break
    return [c for c in live if not c.dropped]


def _specificity(c: _Cand) -> int:
    return 2 * c.own_trigger + (c.place_src == "own") + (c.date_src == "own") - 2 * c.list_line


def _to_event(c: _Cand) -> SeizureEvent:
    s = c.sent
    conf = 0.45 + 0.15 * c.own_trigger + 0.1 * c.adjacent_drug + 0.1 * (c.amount is not None)
    conf += 0.1 * (c.date_src == "own") + 0.1 * (c.place_src == "own")
    stripped = s.text.strip()
    lead = len(s.text) - len(s.text.lstrip())
    ev = Evidence(stripped, s.start + lead, s.start + lead + len(stripped))
    return SeizureEvent(
        drug=c.drug,
        drug_text=c.drug_text,
        amount=c.amount,
        kind=c.kind,
        date=c.date,
        location=c.place,
        value_eur=c.value_eur,
        agency=tuple(c.agency),
        operation=c.operation,
        evidence=ev,
        confidence=min(conf, 0.99),
        amount_range=c.amount_range,
        origin=c.origin,
    )
