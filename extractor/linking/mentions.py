"""Mentions: drug mentions without an amount that state a find ("een partij cocaïne", "een lab")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ..lexicon import countries_nl
from .anchor import Drugs, habitual, made, seized_next
from .gate import Gate
from .index import WORD, ArticleIndex, Mention, Sentence
from .params import alternation, count_of, params
from .rules import Candidate, Log, rule

_LAB_WORD = re.compile(r"(?<!\w)(?:drugs)?(?:lab(?:oratorium|o)?|productielocatie|productieplaats)(?!\w)")


@dataclass(frozen=True)
class Reading:
    """How a drug mention without an amount reads."""

    countable: bool  # a thing that can be found: "een partij cocaïne", "de plantage"
    definite: bool  # "de coke": refers to something named before
    plural: bool  # "drie plantages": several finds
    vague: bool  # "tientallen kilo's hasj": too vague to give, still an item of its own
    contained: bool  # introduced by a container word: "een partij BMK", "pakketten heroïne"
    count: int | None  # "twee partijen heroïne": the number of finds announced
    possessed: bool = False  # countable only because it was on someone: "drugs op zak"
    found_object: bool = False  # countable only as what a find verb found: "agenten vonden heroïne"


def _container_at(before: list[str]) -> int | None:
    containers, dets = params().containers, params().words["determiners"]
    for k in range(len(before) - 1, -1, -1):
        if before[k] in containers or before[k].rstrip("s") in containers:
            return k
        if before[k] in dets:
            return None
    return None


def _definite(words: list[str]) -> bool:
    w = params().words
    for x in reversed(words):  # adjectives may stand between: "de illegale kwekerij"
        if x in w["determiners"]:
            return x in w["definite_determiners"]
        if not x.endswith(("e", "en")):
            return False
    return False


@cache
def _counted() -> re.Pattern:
    """ "twee partijen", "3 zendingen": a count two words at most before a mention."""
    alt = alternation(params().words["count_words"])
    return re.compile(rf"(?<!\w)(\d{{1,4}}|{alt})\s+(?:[^\W\d]+\s+){{0,2}}$", re.IGNORECASE)


def _count(ix: ArticleIndex, d: Mention) -> int | None:
    m = _counted().search(ix.tail(d.start, 4))
    return (count_of(m.group(1)) or None) if m else None


def read_mention(ix: ArticleIndex, s: Sentence, d: Mention) -> Reading:
    """How a mention reads: countable ("een partij cocaïne"), definite ("de coke"), plural, vague."""
    p, w = params(), params().words
    low = d.text.lower()
    before = ix.words_before(d.start, p.scopes["determiner_words"])
    compound = low.endswith(p.suffixes) or low in p.lab_words or low in w["seizable_nouns"]
    at = _container_at(before)
    vague = bool(set(before[-3:]) & w["vague_quantity"])
    valued = bool(re.search(r"(?:euro|€)\s+aan\s+$", ix.tail(d.start, 3), re.IGNORECASE))
    countable = compound or at is not None or s.is_title or vague or valued or d.value == "precursor"
    on_person = not countable and possessed(ix, s, d)
    definite = _definite(before[:at] if at is not None else before)
    as_object = not countable and not on_person and found_object(ix, s, d, before)
    countable = countable or on_person or as_object
    head = before[at] if at is not None else low
    plural = (
        low in p.aggregate_plural
        or low.endswith(tuple(w["plural_find_suffixes"]))
        or head in w["plural_containers"]
    )
    count = _count(ix, d) if plural else None
    return Reading(countable, definite, plural, vague, at is not None, count, on_person, as_object)


@rule("mentions.possessed")
def possessed(ix: ArticleIndex, s: Sentence, d: Mention) -> bool:
    """Drugs on a person are a find: "Bij de controle bleek de bestuurder drugs op zak te hebben".

    Also after the possession: "De man was in het bezit van cocaïne", "betrapt met wiet".
    """
    cs, ce = ix.clause(s, d.start)
    after = ix.text[d.end : ce].lower()
    if any(p in after[:30] for p in params().words["possession"]):
        return True
    before = ix.text[max(cs, d.start - 25) : d.start].lower()
    return any(p in before for p in params().words["possession_before"])


@rule("mentions.found_object")
def found_object(ix: ArticleIndex, s: Sentence, d: Mention, before: list[str]) -> bool:
    """A bare drug in the clause of a find verb is what was found: "In de auto vonden agenten heroïne".

    Or in apposition to what was found: "een zak met een groene substantie, vermoedelijk marihuana".
    """
    w = params().words
    if before and before[-1] in w["object_blockers"]:  # "de strijd tegen cocaïne", "handel in", "veel meer"
        return False
    # "waar deze drug werd aangetroffen", "de illegale cocaïne": a definite mention points back; but in
    # "vond de politie cocaïne" the word before is the subject, an agency, not an adjective
    subject = any(0 <= d.start - a.end <= 2 for a in ix.at("agencies", s.index))
    if before and (before[-1] in w["definite_determiners"] or (
        len(before) > 1 and before[-2] in w["definite_determiners"] and before[-1].endswith("e") and not subject
    )):  # fmt: skip
        return False
    if _seized_before().search(ix.text, max(s.start, d.start - 40), d.start):
        return False  # "de in beslag genomen hasj": the find named by its participle, stated elsewhere
    cs, ce = ix.clause(s, d.start)
    if _SUPPOSED.search(ix.text, max(s.start, d.start - 30), d.start):
        cs, ce = s.start, s.end  # "een zak met een groene substantie, vermoedelijk marihuana": the find's
    words = frozenset(x.lower() for x in WORD.findall(ix.text, cs, ce))
    if words & w["conditional"]:  # "dan zou er veel meer cocaïne onderschept worden"
        return False
    return params().strong.found(ix.text[cs:ce].lower(), words)


@cache
def _seized_before() -> re.Pattern:
    """ "de in beslag genomen hasj", "de onderschepte cocaïne": a find named by its participle."""
    found = alternation([*params().words["find_participles"], "in beslag genomen"])
    return re.compile(rf"(?<!\w)(?:de|het|deze|die)\s+(?:\w+\s+)?(?:{found})e?\s+$", re.IGNORECASE)


_SUPPOSED = re.compile(r",\s*(?:vermoedelijk|waarschijnlijk|mogelijk|wellicht)\s+$", re.IGNORECASE)


@rule("mentions.lab_purpose")
def lab_purpose(ix: ArticleIndex, d: Mention) -> bool:
    """A purpose after a lab word names the lab's drug: "het lab voor de productie van amfetamine"."""
    return bool(_LAB_WORD.search(ix.tail(d.start, params().scopes["lab_purpose_words"]).lower()))


@rule("mentions.lab_drug")
def lab_drug(ix: ArticleIndex, s: Sentence, d: Mention, drugs: Drugs) -> Mention | None:
    """A generic lab takes the drug it was making: "een drugslab voor de aanmaak van speed" is amphetamine."""
    if d.text.lower() not in params().lab_words:
        return None
    for other in drugs.by_sentence[s.index]:
        near = len(ix.text[d.end : other.start].split()) <= params().scopes["lab_drug_words"]
        if other is not d and other.start > d.end and near and id(other) in drugs.purpose:
            return other
    return None


@rule("mentions.lab_drug_next")
def lab_drug_next(ix: ArticleIndex, s: Sentence, d: Mention, drugs: Drugs, gate: Gate) -> Mention | None:
    """A generic lab whose next sentence says what it made: "Er werd een drugslab gevonden. Het ging om een lab voor speed".

    Or in the passive: "Volgens de politie werd er crystal meth gemaakt".
    """
    if d.text.lower() not in params().lab_words or s.index + 1 >= len(ix.sentences):
        return None
    nxt = ix.sentences[s.index + 1]
    if gate.trigger[nxt.index]:
        return None  # a find of its own
    for other in drugs.by_sentence[nxt.index]:
        if (
            id(other) in drugs.purpose
            and (lab_purpose(ix, other) or made(ix, other))  # "Er werd crystal meth gemaakt"
            and other.value not in ("unspecified", "precursor")
        ):
            return other
    return None


@rule("mentions.bare_lab")
def bare_lab(ix: ArticleIndex, d: Mention) -> bool:
    """A bare "lab" in an article that names no drug is no drug lab: "In het lab van de universiteit werd een virus gevonden".

    Unless the police dismantled it: "Agenten hebben in Emmen een lab opgerold".
    """
    low = d.text.lower()
    if low not in params().lab_words or low.startswith("drugs"):
        return False
    lab_words = params().lab_words
    if any(m.text.lower() not in lab_words for m in ix.mentions["drugs"]):
        return False
    s = ix.sentence_at(d.start)
    return s is None or not (s.words & params().words["dismantle_verbs"] or ix.at("agencies", s.index))


_LAB_ENDINGS = ("lab", "labs", "laboratorium", "laboratoria", "labo", "labo's")


@rule("mentions.lab_topic")
def lab_topic(ix: ArticleIndex, d: Mention) -> Mention | None:
    """A lab named without its drug is one of the article's labs: "een crystal-methlab ... ook een laboratorium"."""
    if d.text.lower() not in params().lab_words:
        return None
    earlier = [
        m for m in ix.mentions["drugs"]
        if m.end <= d.start and m.value not in params().generic and m.text.lower().endswith(_LAB_ENDINGS)
    ]  # fmt: skip
    return earlier[-1] if earlier else None


@rule("mentions.seizable")
def seizable(r: Reading) -> bool:
    """A drug mention that names a thing found is an event: "Agenten vonden een partij cocaïne"."""
    return r.countable


@rule("mentions.same_find")
def same_find(r: Reading, d: Mention, same_sentence: list[Candidate]) -> bool:
    """The drug already has an event in the sentence: "Ze vonden 5 kilo hasj; de hasj lag in een tas"."""
    own_item = r.vague or (r.contained and all(c.drug_text.lower() != d.text.lower() for c in same_sentence))
    return bool(same_sentence) and not own_item


@rule("mentions.definite_refers_back")
def refers_back(r: Reading, earlier: bool) -> bool:
    """A definite mention after an event of its drug refers to it: "... Daarna werd de cocaïne vernietigd"."""
    return r.definite and earlier


@rule("mentions.after_amount")
def after_amount(r: Reading, s: Sentence, amount_before: bool, own_item_here: bool) -> bool:
    """After an amount of the same drug a mention refers back: "Er lag 30 kilo hasj. Ook in de schuur vonden ze hasj".

    Not one in a town not named before: "... In Moerdijk vond de politie een laboratorium op een boot".
    """
    return not s.is_title and not r.vague and amount_before and not own_item_here


def new_place(ix: ArticleIndex, s: Sentence) -> bool:
    """The sentence is where something happened, in a town the text did not name before (a country
    is too wide to tell one find from another)."""
    first, countries = ix.first_named("places"), countries_nl()
    return any(
        m.value.kind in ("locative", "near")
        and first[m.value.name] >= s.index
        and m.value.name not in countries
        for m in ix.at("places", s.index)
    )


@rule("mentions.found_there")
def found_there(ix: ArticleIndex, gate: Gate, s: Sentence) -> bool:
    """What stood or lay where a find was made is part of it: "Er werd een lab opgerold. Er stonden ook vaten met chemicaliën".

    Also right before the find that takes it by a back reference: "In de tas zat wiet. Alles is in beslag genomen".
    """
    if gate.first is None or s.is_title or gate.trigger[s.index] or gate.out[s.index]:
        return False
    if not s.words & params().words["presence_verbs"]:
        return False
    return s.index > gate.first or (s.index + 1 < len(ix.sentences) and seized_next(ix, gate, s))


IDENTIFIED = re.compile(
    r"(?<!\w)(?:gaat|ging|gaan)(?!\w).*(?<!\w)om(?!\w)|(?<!\w)om(?!\w).*(?<!\w)(?:gaat|ging|gaan)(?!\w)"
)


@rule("mentions.raided_lab")
def raided_lab(ix: ArticleIndex, s: Sentence, d: Mention) -> bool:
    """A lab the police acted in was found: "De politie hield drie mensen aan in een drugslab in een schuur"."""
    return d.text.lower() in params().lab_words and "in" in ix.words_before(d.start, 2)


@rule("mentions.identified")
def identified(ix: ArticleIndex, gate: Gate, s: Sentence, drugs: Drugs, consumed: set[int]) -> bool:
    """A find of no named drug, identified in the next sentence: "Agenten vonden een zak wit poeder. Het bleek om cocaïne te gaan".

    "drugs" names none: "Agenten vonden drugs. Het ging om 3 kilo heroïne en een kleine hoeveelheid cocaïne".
    """
    if s.index == 0 or not gate.trigger[s.index - 1] or gate.trigger[s.index] or gate.out[s.index]:
        return False
    prev = ix.sentences[s.index - 1]
    # the find named its drug or weighed its "drugs" ("340 pakketjes met drugs"), or found nothing
    named = [d for d in drugs.by_sentence[prev.index] if d.value not in params().generic or id(d) in consumed]
    if prev.is_title or named or prev.words & params().negation:
        return False
    return bool(IDENTIFIED.search(s.lower))


def find_mentions(
    ix: ArticleIndex, gate: Gate, drugs: Drugs, cands: list[Candidate], consumed: set[int], log: Log
) -> list[Candidate]:
    """The amount-less events: ``cands`` (the anchored quantities) with the mentions that state a find."""
    out = list(cands)
    by_sentence: dict[tuple[int, str], list[Candidate]] = {}
    first_at: dict[str, int] = {}
    amount_at: dict[str, int] = {}
    for c in out:
        by_sentence.setdefault((c.sent.index, c.drug), []).append(c)
        first_at[c.drug] = min(first_at.get(c.drug, c.anchor), c.anchor)
        if c.amount and not c.sent.is_title:
            amount_at[c.drug] = min(amount_at.get(c.drug, c.anchor), c.anchor)
    for s in ix.sentences:
        there = (
            found_there
            if found_there(ix, gate, s)
            else identified
            if identified(ix, gate, s, drugs, consumed)
            else None
        )
        raided = not (gate.trigger[s.index] or there) and gate.action[s.index]
        if not (gate.trigger[s.index] or there or raided):
            continue
        if habitual(ix, s):
            log.note(habitual, s.text)
            continue
        for d in drugs.by_sentence[s.index]:
            if id(d) in consumed or (id(d) in drugs.purpose and not lab_purpose(ix, d)):
                continue
            if raided and not raided_lab(ix, s, d):
                continue
            if id(d) in drugs.purpose:
                log.note(lab_purpose, d.text)
            c = _mention(ix, s, d, drugs, gate, by_sentence, first_at, amount_at, log, there, consumed)
            if c is not None and raided:
                c = c.decide("drug", raided_lab, d.text)
            if c is not None and there:  # no find word of its own: the find before makes it one
                lab = any(f == "drug" and r.startswith("mentions.lab") for f, r, _t in c.why)
                c = c.but(own_trigger=False) if lab else c.decide("drug", there, d.text, own_trigger=False)
            if c is not None:
                out.append(c)
                by_sentence.setdefault((s.index, c.drug), []).append(c)
                first_at.setdefault(c.drug, c.anchor)
    return out


@cache
def _joint() -> re.Pattern:
    return re.compile(rf"\s*(?:,|{alternation(params().words['joint_conjunctions'])})\s*")


@rule("mentions.coordinated")
def coordinated(ix: ArticleIndex, s: Sentence, d: Mention, drugs: Drugs) -> Reading | None:
    """A drug joined to a find shares its reading: "kleine hoeveelheden hasj en speed", "een partij coke en heroïne"."""
    joint = _joint()
    ds = drugs.by_sentence[s.index]
    k = next(i for i, x in enumerate(ds) if x is d)
    while k > 0 and joint.fullmatch(ix.text[ds[k - 1].end : ds[k].start]):
        r = read_mention(ix, s, ds[k - 1])
        if r.countable:
            return r
        k -= 1
    return None


def _listed(ix: ArticleIndex, s: Sentence, d: Mention, drugs: Drugs, how) -> bool:
    """The mention is listed with a find of its sentence: "30 gram speed, xtc-pillen en hasj"."""
    return how in (coordinated, listed_after_figures) or coordinated(ix, s, d, drugs) is not None


_LIST_END = re.compile(
    r"(?:,|\s(?:en|of))\s+(?:(?:andere|overige|nog|ook|wat|enkele)\s+)*(?:\w+e\s+)?$", re.IGNORECASE
)


@rule("mentions.listed_after_figures")
def listed_after_figures(ix: ArticleIndex, s: Sentence, d: Mention, by_sentence: dict, gate: Gate) -> bool:
    """A drug listed after the weighed finds of its sentence is found with them: "37 kilo cocaïne, 8 kilo heroïne en andere verdovende middelen"."""
    if not gate.trigger[s.index]:
        return False
    figures = [a for a in ix.quantities(s.index) if a.end <= d.start]
    if not figures or not any(k[0] == s.index and any(c.amount for c in cs) for k, cs in by_sentence.items()):
        return False
    return _LIST_END.search(ix.text, figures[-1].end, d.start) is not None


def _mention(
    ix, s, d, drugs, gate, by_sentence, first_at, amount_at, log: Log, there=None, consumed=None
) -> Candidate | None:
    """The candidate of a drug mention; ``there`` is the rule that made a sentence without a find
    word hold finds (``found_there`` or ``identified``), if one did."""
    r = read_mention(ix, s, d)
    how = possessed if r.possessed else found_object if r.found_object else seizable
    beside = any(0 <= k < len(ix.sentences) and gate.trigger[k] for k in (s.index - 1, s.index + 1))
    if not seizable(r) and not r.definite and there is not None and beside:
        r = replace(r, countable=True)  # "Tussen de vis zat cocaïne", "Het bleek om heroïne te gaan"
    if not seizable(r) and listed_after_figures(ix, s, d, by_sentence, gate):
        r, how = replace(r, countable=True), listed_after_figures
    if not seizable(r):
        r, how = coordinated(ix, s, d, drugs), coordinated
        if r is None:
            return None
    lab, lab_rule = lab_drug(ix, s, d, drugs), lab_drug
    if lab is not None and consumed is not None:
        # "een lab ... waar xtc-pillen werden gemaakt": the pills are the lab's, no find of their own
        consumed.add(id(lab))
        log.note(lab_purpose, lab.text)
    if lab is None:
        lab, lab_rule = lab_drug_next(ix, s, d, drugs, gate), lab_drug_next
    if lab is None:
        lab, lab_rule = lab_topic(ix, d), lab_topic
    if lab is None and bare_lab(ix, d):
        log.note(bare_lab, d.text)
        return None
    drug_id = lab.value if lab is not None else d.value
    same = by_sentence.get((s.index, drug_id), [])
    for skip, args in (
        (same_find, (r, d, same)),
        (refers_back, (r, first_at.get(drug_id, d.start) < d.start)),
        (
            after_amount,  # a drug listed with this sentence's finds is one of them ("waaronder speed, xtc en ketamine")
            (
                r,
                s,
                amount_at.get(drug_id, d.start) < d.start and not new_place(ix, s),
                bool(same) or _listed(ix, s, d, drugs, how),
            ),
        ),
    ):
        if skip(*args):
            log.note(skip, d.text, f"sentence {s.index}")
            return None
    c = Candidate(drug_id, d.text, None, None, s, d.start, own_trigger=True, mention_only=True, vague=r.vague)
    c = c.decide(
        "drug",
        lab_rule if lab is not None else how,
        ix.text[min(d.start, (lab or d).start) : max(d.end, (lab or d).end)],
    )
    return c.but(count=r.count, plural=r.plural)
