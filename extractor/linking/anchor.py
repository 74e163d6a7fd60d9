"""Anchor: tie each quantity (kg, l, pills, plants, units) to the drug it is an amount of."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..schema import Amount
from .gate import Gate
from .index import QUANTITY_UNITS, WORD, ArticleIndex, Mention, Sentence
from .params import alternation, cue, occasion_count, params, phrases
from .rules import RULES, Candidate, Log, rule


@cache
def _gaps():
    w = params().words
    adjectives, links = alternation(w["drug_adjectives"]), alternation(w["label_links"])
    joint = alternation(w["joint_conjunctions"])
    return (
        re.compile(rf"\s*(?:(?:{adjectives})\s+){{0,3}}", re.IGNORECASE),
        re.compile(rf"\s*(?:[:=]|{links}|,)?\s*", re.IGNORECASE),
        re.compile(rf"\s+(?:{joint})\s+", re.IGNORECASE),
    )


@rule("anchor.negated")
def negated(ix: ArticleIndex, d: Mention) -> bool:
    """A negated drug is no find: "Er werd geen cocaïne aangetroffen" (but "niet alleen cocaïne" is some)."""
    words = ix.words_before(d.start, params().scopes["negation_words"])
    kept = [
        w
        for k, w in enumerate(words)
        if not (w == "niet" and words[k + 1 : k + 2] in (["alleen"], ["enkel"]))
    ]
    return bool(set(kept) & params().negation)


@rule("anchor.purpose")
def purpose(ix: ArticleIndex, d: Mention) -> bool:
    """A drug named as a purpose is not what was found: "grondstoffen voor de productie van xtc".

    So too what was made where: "een lab in een schuur, waar amfetamine werd gemaakt".
    """
    window = ix.tail(d.start, params().scopes["purpose_words"]).lower()
    if any(map(window.__contains__, params().purpose)):
        return True
    return "waar" in ix.words_before(d.start, 2) and _MADE.match(ix.text, d.end) is not None or made(ix, d)


_MADE_TAIL = r"\s+(?:\w+\s+)?(?:gemaakt|geproduceerd|vervaardigd|bereid|gekookt|gedraaid|geperst)(?!\w)"
_MADE_PARTICIPLE = re.compile(_MADE_TAIL, re.IGNORECASE)  # "crystal meth gemaakt"
_MADE = re.compile(
    r"\s+(?:werd|werden|wordt|worden|is|zijn)" + _MADE_TAIL, re.IGNORECASE
)  # "waar xtc werd gemaakt"


def made(ix: ArticleIndex, d: Mention) -> bool:
    """The drug is what was made there, in the passive: "Volgens de politie werd er crystal meth gemaakt"."""
    return (
        bool(set(ix.words_before(d.start, 4)) & params().words["passive_auxiliaries"])
        and _MADE_PARTICIPLE.match(ix.text, d.end) is not None
    )


@rule("anchor.place_name")
def place_name(ix: ArticleIndex, s: Sentence, d: Mention) -> bool:
    """A drug word inside a place's name is no drug: "In Wouwse Plantage werd een fietser aangereden"."""
    return any(p.start <= d.start and d.end <= p.end for p in ix.at("places", s.index))


@rule("anchor.apposition")
def apposition(ix: ArticleIndex, d: Mention, nxt: Mention | None) -> bool:
    """A generic word right before a named drug only names it: "2 kilo van de drug 4-CMC"."""
    generic = params().generic
    return (
        nxt is not None
        and d.value in generic
        and nxt.value not in generic
        and re.fullmatch(r"\s+['‘’\"“]?", ix.text[d.end : nxt.start]) is not None
    )


@cache
def _substances() -> re.Pattern:
    return phrases(params().words["production_substances"])


def _substance_in(ix: ArticleIndex, s: Sentence, hi: int) -> Mention | None:
    """The last substance word of sentence ``s`` before ``hi``, as a precursor mention."""
    found = list(_substances().finditer(s.text.lower(), 0, hi - s.start))
    if not found:
        return None
    a, b = s.start + found[-1].start(), s.start + found[-1].end()
    return Mention(a, b, ix.text[a:b], "precursor")


@rule("anchor.production_substance")
def production_substance(ix: ArticleIndex, s: Sentence, d: Mention, here: list[Mention]) -> Mention | None:
    """A substance found for making a drug is a precursor: "vaten met een vloeistof bestemd voor de productie van speed"."""
    n = params().scopes["production_substance_words"]
    sub = _substance_in(ix, s, d.start)
    if (
        sub is None
        or sub.start < d.start - len(ix.tail(d.start, n))
        or any(sub.end <= o.start < d.start for o in here if o is not d)
    ):
        return None  # no substance, or a drug word of its own between: "grondstoffen voor xtc"
    return sub


@rule("anchor.production_substance_before")
def production_substance_before(
    ix: ArticleIndex, s: Sentence, d: Mention, own: Mention | None
) -> Mention | None:
    """The next sentence can say what a substance was for: "Er stonden jerrycans met vloeistof. Vermoedelijk werd die gebruikt voor de productie van xtc"."""
    if s.index == 0 or s.is_title or ix.sentences[s.index - 1].is_title:
        return None
    back = params().words["production_back_reference"]
    if own is not None:
        pointed = ix.words_before(own.start, 1)
        if not (pointed and pointed[0] in back):
            return None  # "jerrycans met vloeistof die bestemd was voor ...": its own
    elif not set(ix.words_before(d.start, params().scopes["production_substance_words"])) & back:
        return None
    p = ix.sentences[s.index - 1]
    return _substance_in(ix, p, p.end)


class Drugs:
    """The drug mentions that can be linked: negated ones left out, purposes marked."""

    def __init__(self, ix: ArticleIndex, log: Log) -> None:
        self.ix = ix
        self.by_sentence: list[list[Mention]] = []
        self.purpose: set[int] = set()
        self._linkable: list[list[Mention]] = []  # by sentence: the drugs that are not a purpose
        self._figures: dict | None = None  # (unit, value) -> [(end, drug)] of amounts naming their drug
        for s in ix.sentences:
            keep = []
            here = ix.at("drugs", s.index)
            for k, d in enumerate(here):
                if apposition(ix, d, here[k + 1] if k + 1 < len(here) else None):
                    log.note(apposition, ix.text[d.start : here[k + 1].end])
                    continue
                if negated(ix, d):
                    log.note(negated, d.text)
                    continue
                if place_name(ix, s, d):
                    log.note(place_name, d.text)
                    continue
                if purpose(ix, d):
                    self.purpose.add(id(d))
                    log.note(purpose, d.text)
                    self._substance(s, d, here, keep, log)
                keep.append(d)
            self.by_sentence.append(keep)
            self._linkable.append([d for d in keep if id(d) not in self.purpose])

    def _substance(self, s: Sentence, d: Mention, here: list[Mention], keep: list[Mention], log: Log) -> None:
        """A precursor made of the substance a purpose follows, in its sentence or the one before."""
        ix = self.ix
        if params().words["not_drugs"] & set(
            ix.words_before(d.start, params().scopes["production_substance_words"])
        ):
            return  # "vulmiddel voor de productie van pillen", "afval van de productie van speed"
        own = production_substance(ix, s, d, here)
        prev = self.by_sentence[s.index - 1] if s.index else []
        sub = None if prev else production_substance_before(ix, s, d, own)
        if sub is not None:  # "deze vloeistof": the one before
            log.note(production_substance_before, sub.text)
            prev.append(sub)
            self._linkable[s.index - 1].append(sub)
        elif own is not None:
            log.note(production_substance, own.text)
            keep.append(own)

    def linkable(self, s: Sentence) -> list[Mention]:
        return self._linkable[s.index]

    def named_figure(self, amt: Amount, before: int) -> Mention | None:
        """The drug of the last amount ending by ``before`` with this figure and its drug right at it
        ("4 kilo heroïne"); the figures are read once per article."""
        if self._figures is None:
            self._figures = {}
            for q in self.ix.mentions["amounts"]:
                x = self.ix.sentence_at(q.start)
                link = None if x is None or q.value.value is None else overlap(self.ix, x, q, self)
                link = link or (drug_after(self.ix, x, q, self) if x is not None else None)
                if link is not None:
                    self._figures.setdefault((q.value.unit, q.value.value), []).append((q.end, link.drugs[0]))
        named = [d for end, d in self._figures.get((amt.unit, amt.value), ()) if end <= before]
        return named[-1] if named else None

    def last_before(self, s: Sentence) -> Mention | None:
        """The drug of the earlier context: the body's last specific, its last generic, then the title's."""
        generic = params().generic
        for specific in (True, False):
            key = f"drugs.{specific}"
            x = self.ix.nearest_before(key, "drugs", lambda x, m, sp=specific: self._ok(x, m, sp), s)
            if x is not None:
                return [d for d in self.linkable(x) if (d.value not in generic) == specific][-1]
        title = [d for t in self.ix.title if t.index < s.index for d in self.linkable(t)]
        specific = [d for d in title if d.value not in generic]
        return (specific or title or [None])[-1]

    def _ok(self, x: Sentence, m: Mention, specific: bool) -> bool:
        return any(m is d for d in self.linkable(x)) and (m.value not in params().generic) == specific


@dataclass(frozen=True)
class Link:
    drugs: tuple  # drug mentions (None: the unit names the drug)
    adjacent: bool
    joint: bool
    rule: object
    text: str


def _after(ix: ArticleIndex, a: Mention, ds: list[Mention]) -> list[Mention]:
    """The drugs after the amount when only adjectives stand between: "542 kilo pure cocaïne"."""
    after = [d for d in ds if d.start >= a.end]
    return after if after and _gaps()[0].fullmatch(ix.text[a.end : after[0].start]) else []


@rule("anchor.overlap")
def overlap(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """A drug inside the amount's words: "1.200 xtc-pillen", "300 hennepplanten"."""
    for d in drugs.linkable(s):
        if d.start < a.end and a.start < d.end:
            return Link((d,), True, False, overlap, d.text)
    return None


@rule("anchor.joint_drugs")
def joint_drugs(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """One amount for two drugs gives each an event without amount: "vijftig gram cocaïne en heroïne"."""
    after = _after(ix, a, drugs.linkable(s))
    if not after:
        return None
    d, nxt = after[0], [x for x in after[1:] if x.start > after[0].end]
    if nxt and _gaps()[2].fullmatch(ix.text[d.end : nxt[0].start]) and nxt[0].value != d.value:
        if not re.match(r"\s*\d", ix.text[nxt[0].end : nxt[0].end + 3]):  # "5 kilo coke en 2 kilo ..."
            return Link((d, nxt[0]), True, True, joint_drugs, ix.text[d.start : nxt[0].end])
    return None


@rule("anchor.drug_after")
def drug_after(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """The drug right after the amount: "542 kilo pure cocaïne"."""
    after = _after(ix, a, drugs.linkable(s))
    return Link((after[0],), True, False, drug_after, after[0].text) if after else None


@rule("anchor.label_before")
def label_before(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """A label before the amount: "Cocaïne: 27,7 gram", "een partij heroïne van 30 kilo"."""
    before = [d for d in drugs.linkable(s) if d.end <= a.start]
    if before and _gaps()[1].fullmatch(ix.text[before[-1].end : a.start]):
        return Link((before[-1],), True, False, label_before, before[-1].text)
    return None


@rule("anchor.breakdown_total")
def breakdown_total(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """A total that a breakdown follows has no single drug: "in totaal 1.200 kilo, waarvan 900 kilo cannabis".

    Only the clause's own predicate may stand between the amount and "waarvan" ("1.500 kilo in
    beslag genomen, waarvan ..."); a noun there is what "waarvan" refers to ("2.000 kilo houtskool,
    waarvan ...").
    """
    m = re.search(r"\s*,?\s*\bwaarvan\s", ix.text[a.end : min(s.end, a.end + 60)], re.IGNORECASE)
    if m is None:
        return None
    between = ix.text[a.end : a.end + m.start()].lower()
    p = params()
    if p.strong.multi is not None:
        between = p.strong.multi.sub(" ", between)
    fillers = p.strong.single | set(p.particles.values()) | p.words["predicate_fillers"]
    if any(w not in fillers for w in re.findall(r"[^\W\d]+", between)):
        return None
    return Link((None,), False, False, breakdown_total, a.text)


@rule("anchor.unit_plants")
def unit_plants(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """Plants are cannabis when no drug is next to them: "Er stonden 1.100 planten in de loods"."""
    return Link((None,), False, False, unit_plants, a.text) if a.value.unit == "plants" else None


@rule("anchor.nearest_before")
def nearest_before(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """The nearest drug before the amount in its sentence: "cocaïne, in totaal zo'n 50 kilo".

    Not for pills or plants, a drug that labels another amount in between: in "30 gram coke en 140
    pillen" the coke is the 30 grams'.
    """
    before = [d for d in drugs.linkable(s) if d.end <= a.start]
    if not before:
        return None
    d, gap = before[-1], _gaps()[0]
    if a.value.unit in (
        "pills",
        "plants",
    ):  # a form of its own: in "6 liter GHB en 1000 pillen" GHB is the 6 liters'
        for q in ix.at("amounts", s.index):
            if q.end <= d.start and q.value.unit != a.value.unit and gap.fullmatch(ix.text[q.end : d.start]):
                return None
    return Link((d,), False, False, nearest_before, d.text)


@rule("anchor.nearest_after")
def nearest_after(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """The nearest drug after the amount in its sentence: "Het ging om 50 kilo, allemaal cocaïne".

    Not a drug that labels another amount in between: in "140 pillen, 30 gram coke" the coke is
    the 30 grams', not the pills'.
    """
    after = [d for d in drugs.linkable(s) if d.start >= a.end]
    if not after:
        return None
    d = after[0]
    gap = _gaps()[0]
    for q in ix.at("amounts", s.index):
        if a.end <= q.start and q.end <= d.start and gap.fullmatch(ix.text[q.end : d.start]):
            return None
    return Link((d,), False, False, nearest_after, d.text)


@rule("anchor.unit_pills")
def unit_pills(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """Pills with no drug of their own are xtc: "Hij had 400 pillen bij zich".

    Unless the sentence names the other finds' drugs and not theirs: "3 kilo speed en 1000 pillen"
    (of a drug not named).
    """
    if a.value.unit != "pills":
        return None
    if any(d.value not in params().generic for d in drugs.linkable(s)):
        return Link((Mention(a.start, a.end, a.text, "unspecified"),), False, False, unit_pills, a.text)
    return Link((None,), False, False, unit_pills, a.text)


@rule("anchor.restated_amount")
def restated_amount(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """An amount without a drug that repeats an earlier one's figure is that drug's: "4 kilo heroïne ... een Fransman met 4 kilo"."""
    d = drugs.named_figure(a.value, s.start)
    return Link((d,), False, False, restated_amount, d.text) if d is not None else None


@rule("anchor.context_drug")
def context_drug(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """No drug in the sentence: the drug of the earlier context: "Er lag heroïne. Het ging om 12 kilo".

    Not a bare lab that is no drug lab ("In het lab van het ziekenhuis ..."; ``mentions.bare_lab``),
    nor a generic drug when the next sentence identifies the find ("Het bleek om cocaïne te gaan").
    """
    from .mentions import bare_lab

    d = drugs.last_before(s)
    if d is None or bare_lab(ix, d):
        return None
    if d.value in params().generic and _identified_next(ix, s, drugs):
        return None  # "zes pakketten. Na een test bleek het om cocaïne te gaan": the next sentence's
    return Link((d,), False, False, context_drug, d.text)


@rule("anchor.identified_next")
def identified_next(ix: ArticleIndex, s: Sentence, link: Link, drugs: Drugs) -> Mention | None:
    """A weighed find of "drugs" is of the drug the next sentence identifies: "5.091 kilo aan verdovende middelen aangetroffen. Het bleek om cocaïne te gaan"."""
    d = link.drugs[0] if len(link.drugs) == 1 else None
    named = _identified_next(ix, s, drugs) if d is not None and d.value in params().generic else []
    return (
        named[0] if len({x.value for x in named}) == 1 else None
    )  # not "vooral om xtc, ketamine en cocaïne"


def _identified_next(ix: ArticleIndex, s: Sentence, drugs: Drugs) -> list[Mention]:
    """The named drugs by which the next sentence says what the find was: "Het bleek om cocaïne te gaan"."""
    from .mentions import IDENTIFIED

    if s.index + 1 >= len(ix.sentences):
        return []
    nxt = ix.sentences[s.index + 1]
    specific = [d for d in drugs.linkable(nxt) if d.value not in params().generic]
    return specific if specific and IDENTIFIED.search(nxt.lower) else []


@rule("anchor.next_sentence")
def next_sentence(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """No drug before: the drug named in the next sentence: "11 ton onderschept. Het ging om cocaïne"."""
    if s.index + 1 < len(ix.sentences):
        nxt = drugs.linkable(ix.sentences[s.index + 1])
        if nxt:
            return Link((nxt[0],), False, False, next_sentence, nxt[0].text)
    return None


def link_drug(ix: ArticleIndex, s: Sentence, a: Mention, drugs: Drugs) -> Link | None:
    """The drug(s) of an amount, by the first anchor rule (in ``linking.json`` order) that applies."""
    for rule_id in params().anchor_order:
        found = RULES[rule_id].fn(ix, s, a, drugs)
        if found is not None:
            return found
    return None


@rule("anchor.unit_from_label")
def unit_from_label(ix: ArticleIndex, s: Sentence, a: Mention) -> str:
    """ "stuks" takes its unit from the label: "XTC: 171 stuks" are pills, "Stekken: 350 stuks" plants."""
    amt: Amount = a.value
    if amt.unit != "units" or not amt.text.lower().endswith("stuks"):
        return amt.unit
    label, w = ix.text[s.start : a.start].lower(), params().words
    if any(x in label for x in w["pill_labels"]):
        return "pills"
    if any(x in label for x in w["plant_labels"]):
        return "plants"
    return "units"


_MILLIGRAM = re.compile(r"(?:mg|milligram)\b", re.IGNORECASE)


@rule("anchor.measured_trace")
def measured_trace(ix: ArticleIndex, a: Mention) -> bool:
    """Milligrams in an article on wastewater are measurements, no find: "Barcelona (965 mg) en Zürich"."""
    return bool(_MILLIGRAM.search(a.text)) and ix.once(
        "wastewater", lambda: any(w in ix.text.lower() for w in params().words["wastewater"])
    )


@rule("anchor.heading_restates")
def heading_restates(ix: ArticleIndex, s: Sentence, a: Mention) -> bool:
    """A subheading's figure restates the paragraph below it: "Tweehonderd zakjes" over "... tweehonderd zakjes hasj gevonden"."""
    text = s.text.strip()
    if s.is_title or len(text.split()) > 6 or text.endswith((".", "!", "?", ":")):
        return False
    same = ix.first_after(
        "amounts", s.end, lambda m: (m.value.unit, m.value.value) == (a.value.unit, a.value.value)
    )
    return same is not None


@rule("anchor.container_size")
def container_size(ix: ArticleIndex, a: Mention) -> bool:
    """A vessel's size is not an amount: "In de schuur stonden vaten van 200 liter met chemicaliën"."""
    before = ix.words_before(a.start, 2)
    return (
        a.value.unit == "l"
        and len(before) == 2
        and before[1] == "van"
        and before[0] in params().words["vessels"]
    )


@rule("anchor.production_potential")
def production_potential(ix: ArticleIndex, a: Mention) -> bool:
    """What a find could make is no find: "olie voor het produceren van 3000 kilo speed"."""
    before = " ".join(ix.words_before(a.start, 4))
    return any(before.endswith(p) for p in params().purpose)


@rule("anchor.difference")
def difference(ix: ArticleIndex, a: Mention) -> bool:
    """A difference between figures is no find: "Dat is zo'n 10 ton minder dan in 2018"."""
    after = re.findall(r"[^\W\d]+", ix.text[a.end : a.end + 20].lower())[:2]
    return len(after) == 2 and after[0] in params().words["difference_words"] and after[1] == "dan"


@rule("anchor.not_a_drug")
def not_a_drug(ix: ArticleIndex, a: Mention) -> bool:
    """An amount of a cutting agent or a carrier is no drug: "versnijdingsmiddel, 25 kilo", "40 ton steenkool".

    Also a substance named by what it cuts: "650 kilo van een stof waarmee je cocaïne kunt versnijden".

    The cover load a drug was hidden in counts only right after the amount: "3.000 kilo bananen",
    not "tussen de bananen. 117 kilo".
    """
    p = params()
    after = re.findall(r"[^\W\d]+", ix.text[a.end : a.end + 40].lower())[:3]
    if after and after[0] in ("aan", "in"):  # "twintig kilo aan goudstaven", "20 kg in goudstaven"
        after = after[1:]
    after = after[:2]
    if len(after) == 2 and after[0] not in p.words["describing"]:
        after = after[:1]  # the noun right after, or after one describing word: "300 kilo illegaal vuurwerk"
    words = set(ix.words_before(a.start, p.scopes["not_drug_words"])) | set(after)
    if _CUTTING_AGENT.match(ix.text, a.end):
        return True
    return bool(words & p.words["not_drugs"] or set(after) & p.words["cover_goods"])


# "650 kilo van een stof waarmee je cocaïne kunt versnijden": a substance named by what it cuts
_CUTTING_AGENT = re.compile(
    r"\s+(?:van|aan)\s+(?:een\s+)?(?:\w+\s+)?(?:stof|middel|poeder|substantie|product)\b[^.;]{0,60}?"
    r"(?<!\w)(?:versnijden|versnijdt|versneden|aanlengen)(?!\w)",
    re.IGNORECASE,
)


@rule("anchor.occasions_without_drug")
def occasions_without_drug(ix: ArticleIndex, a: Mention) -> bool:
    """A count of times is a count of finds only with its drug: "9.000 keer drugs", not "twee keer binnengevallen"."""
    return occasion_count(a.text)


@rule("anchor.carrier_contains")
def carrier_contains(ix: ArticleIndex, s: Sentence, a: Mention, link: Link) -> bool:
    """An amount that contains the drug weighs the carrier: "40 ton steenkool, waarvan 9 ton cocaïne bevatte"."""
    if link.drugs[0] is None or not ix.words_before(a.start, 1) == ["waarvan"]:
        return False
    _cs, ce = ix.clause(s, a.start)
    after = {w.lower() for w in re.findall(r"[^\W\d]+", ix.text[link.drugs[-1].end : ce])}
    return bool(after & params().words["contain_verbs"])


@rule("anchor.carrier")
def carrier(ix: ArticleIndex, a: Mention) -> bool:
    """What a "waarvan ... bevatte" refers back to is the carrier: "15 ton fruitpulp, waarvan 2 ton cocaïne bevatte"."""
    s = ix.sentence_at(a.start)
    if s is None or not re.match(r"(?:\s+[^\W\d]+){1,3}\s*,?\s+waarvan\s", ix.text[a.end : a.end + 80]):
        return False
    return bool(s.words & params().words["contain_verbs"])


@rule("anchor.continuation")
def continuation(ix: ArticleIndex, gate: Gate, s: Sentence) -> bool:
    """An amount after a stated seizure continues it: "Er werd cocaïne gevonden. Het ging om 40 kilo"."""
    if gate.trigger[s.index] or gate.action[s.index]:
        return True
    if s.index == gate.first - 1 and not s.is_title and not gate.out[s.index]:
        return seized_next(ix, gate, s)
    if s.index < gate.first and not s.is_title:
        return False
    if habitual(ix, s):
        return False
    return not gate.out[s.index] and s.index > gate.first


@rule("anchor.habitual")
def habitual(ix: ArticleIndex, s: Sentence) -> bool:
    """What is usual is no find: "In zo'n tas zit vaak 25 kilo", "In Limburg worden vaak drugslabs opgerold"."""
    return bool(s.words & params().words["habitual"]) and not ix.at("dates", s.index)


@rule("anchor.seized_next")
def seized_next(ix: ArticleIndex, gate: Gate, s: Sentence) -> bool:
    """What the next sentence seizes by a back reference: "In de kofferbak lagen 9 kilo hasj. Agenten namen de drugs in beslag".

    Or what lay where the next sentence arrests: "In de bus zaten 300 kilo hasj. De chauffeur werd aangehouden".
    """
    nxt = ix.sentences[s.index + 1]
    if ix.quantities(nxt.index) or nxt.words & params().negation:  # "Het goedje is nooit gevonden"
        return False
    if not gate.trigger[nxt.index]:
        w = params().words  # not what was said to be there: "Er zou hasj liggen"
        return (
            gate.action[nxt.index] and bool(s.words & w["presence_verbs"]) and not s.words & w["conditional"]
        )
    definite = params().words["definite_determiners"]
    if _TAKES_THEM.search(nxt.lower):  # "De politie nam ze dinsdag in beslag"
        return True
    return cue("back_reference").found(nxt.lower, nxt.words) or any(
        set(ix.words_before(d.start, 1)) & definite for d in ix.at("drugs", nxt.index)
    )  # "De wiet is in beslag genomen"


_TAKES_THEM = re.compile(
    r"(?<!\w)(?:nam|namen|neemt|nemen|heeft|hebben|had|hadden)\s+(?:\w+\s+)?ze\s+(?:\w+\s+){0,3}?"
    r"(?:in\s+beslag|vernietigd|meegenomen)"
)  # "ze" as the object of a seizure: "Agenten namen ze dinsdag in beslag"


LABEL = r"[^\W\d][\w '’-]{0,40}(?::|\t)"  # the label of a table line: "Cocaïne:", "Tholen:", "Hasj<tab>"
_LIST_LINE = re.compile(
    r"\s*(?:[-–—•*·]\s*)?" + LABEL + r"\s*(?P<amount>.*?)\s*[.;,]?\s*"
)  # "- Cocaïne: 116 ton"


def is_list_line(s: Sentence, a: Mention) -> bool:
    """A table line "Cocaïne: 27,7 g": the drug, a colon and the amount make the whole line."""
    m = _LIST_LINE.fullmatch(s.text)
    if m is None or m.group("amount") != a.text:
        return False
    label = s.text[
        : m.start("amount")
    ].lower()  # a label names, it does not state: "BMK gevonden in schuur: 400 liter"
    return not params().strong.found(label, frozenset(WORD.findall(label)))


def _unit_drug(unit: str) -> str:
    return {"plants": "cannabis", "pills": "mdma"}.get(unit, "unspecified")


_NOT_FINDS = (
    container_size,
    measured_trace,
    production_potential,
    difference,
    carrier,
)  # an amount that is none


def anchor(ix: ArticleIndex, gate: Gate, drugs: Drugs, log: Log) -> tuple[list[Candidate], set[int]]:
    """A candidate per quantity with its drug; also the ids of the drug mentions used."""
    cands, consumed = [], set()
    for a in ix.mentions["amounts"]:
        s = ix.sentence_at(a.start)
        if a.value.unit not in QUANTITY_UNITS or s is None or not continuation(ix, gate, s):
            continue
        skip = next((f for f in _NOT_FINDS if f(ix, a)), None)
        if skip is None and heading_restates(ix, s, a):
            skip = heading_restates
        link = link_drug(ix, s, a, drugs) if skip is None else None
        if (
            link is not None and not link.adjacent
        ):  # "3.000 kilo houtskool, waarvan 400 kilo cocaïne": the 400 is
            skip = next((f for f in (not_a_drug, occasions_without_drug) if f(ix, a)), None)
        if skip is not None:
            log.note(skip, ix.text[max(s.start, a.start - 30) : min(s.end, a.end + 20)])
            continue
        if link is None:
            continue
        if not (gate.trigger[s.index] or gate.action[s.index]):
            log.note(seized_next if s.index < gate.first else continuation, a.text, f"sentence {s.index}")
        consumed.update(id(d) for d in link.drugs if d is not None)
        own = gate.trigger[s.index]
        if carrier_contains(ix, s, a, link):
            log.note(carrier_contains, ix.text[a.start : min(s.end, a.end + 40)])
            link = Link(link.drugs, True, True, carrier_contains, link.text)  # the drug, without the amount
        if link.joint:
            for d in link.drugs:
                c = Candidate(d.value, d.text, None, None, s, a.start, own_trigger=own, adjacent_drug=True)
                cands.append(c.decide("drug", link.rule, link.text))
            continue
        if link.rule is restated_amount:  # merged later with the find it repeats: noted here
            log.note(restated_amount, f"{a.text} = {link.text}")
        named = the_drug(ix, s, link, drugs) or identified_next(ix, s, link, drugs)
        if named is not None:
            consumed.add(id(named))
            how = the_drug if named.end <= s.end else identified_next
            log.note(how, f"{link.text} = {named.text}")
            link = Link((named,), link.adjacent, False, how, ix.text[link.drugs[0].start : link.drugs[0].end])
        cands.append(_quantity(ix, s, a, link, own))
    return cands, consumed


@rule("anchor.the_drug")
def the_drug(ix: ArticleIndex, s: Sentence, link: Link, drugs: Drugs) -> Mention | None:
    """ "de drug" names the drug named before: "een lab voor methamfetamine ... 50 kilo van de drug"."""
    d = link.drugs[0] if len(link.drugs) == 1 else None
    definite = params().words["definite_determiners"]
    if d is None or d.text.lower() != "drug" or not set(ix.words_before(d.start, 1)) & definite:
        return None
    skip = params().generic | {"precursor"}
    earlier = [
        m for x in drugs.by_sentence[: s.index + 1] for m in x if m.end <= d.start and m.value not in skip
    ]
    return earlier[-1] if earlier else None  # a purpose names it too: "een lab voor methamfetamine"


def _quantity(ix: ArticleIndex, s: Sentence, a: Mention, link: Link, own: bool) -> Candidate:
    amt: Amount = a.value
    unit = unit_from_label(ix, s, a)
    d = link.drugs[0]
    drug_id, drug_text = (d.value, d.text) if d is not None else (_unit_drug(unit), amt.text)
    if amt.is_range:
        amount, rng = None, Amount(None, unit, amt.approximate, amt.text, low=amt.low, high=amt.high)
    else:
        amount, rng = Amount(amt.value, unit, amt.approximate, amt.text), None
    c = Candidate(drug_id, drug_text, amount, rng, s, a.start, own_trigger=own, adjacent_drug=link.adjacent)
    c = c.decide("drug", link.rule, link.text).decide("amount", link.rule, amt.text)
    if unit != amt.unit:
        c = c.decide("amount", unit_from_label, amt.text)
    weighs = not link.adjacent and bool(s.words & params().words["weigh_verbs"])
    return c.but(list_line=is_list_line(s, a), weighs=weighs)
