"""Kind: the one place that decides whether a candidate is one seizure or a total, and why.

The rules run in the order ``linking.json`` gives; each returns "aggregate", "seizure" or
None (no opinion), and the first opinion decides; without one, ``kind.one_find`` decides
"seizure". The candidate's date is resolved here too, since a total dated to a day runs
from the first of January (``kind.total_to_date``).
"""

from __future__ import annotations

import re
from functools import cache

from ..normalize.dates import year_to_date
from ..schema import DateInterval
from .index import WORD, ArticleIndex, Mention, Sentence
from .params import (
    count_of,
    counted_finds,
    cue,
    occasion_count,
    package_count,
    params,
    phrases,
    several_operations,
)
from .rules import RULES, Candidate, rule
from .slots import resolve

AGGREGATE, SEIZURE = "aggregate", "seizure"


def _one_find_context(c: Candidate) -> bool:
    """Words of one find ("in een container", "bij hem") or of one occasion ("werd al eens opgepakt met")."""
    return bool(c.sent.words & params().words["one_find_context"]) or cue("once").found(
        c.sent.lower, c.sent.words
    )


def _says(s: Sentence, key: str) -> bool:
    """The sentence holds one of the cue words or phrases of ``key``."""
    return cue(key).found(s.lower, s.words)


@rule("kind.interception_count")
def interception_count(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A count of interceptions is a total: "De douane onderschepte vorig jaar 9.000 keer drugs in pakketten"."""
    return AGGREGATE if c.amount is not None and occasion_count(c.amount.text) else None


@rule("kind.table_line")
def table_line(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A line of a table of figures is a total: "Cocaïne: 27,7 kilo" under "De vangst van het jaar"."""
    return AGGREGATE if c.list_line else None


@rule("kind.plural_finds")
def plural_finds(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """Several finds named at once are a total: "Agenten rolden drie cannabisplantages op"."""
    return AGGREGATE if c.plural else None


@rule("kind.listed_haul")
def listed_haul(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A list of drugs after an action or festival is its haul: "Tijdens de actie: 40 joints, 9 pillen en 3 gram coke".

    Not what searches found in one operation: "Bij doorzoekingen van vijf panden werden 3 kilo coke,
    7 kilo hasj en 2.000 pillen gevonden" is one seizure per drug. The list may be one item per line.
    """
    s, sc = c.sent, params().scopes
    run = _bullet_run(ix, s)  # a list of one item per line: "De resultaten: - 1,2 kilo cannabis - 60 pillen"
    if (
        any(_says(x, "searches") for x in run)
        or sum(len(ix.quantities(x.index)) for x in run) < sc["list_min_items"]
        or len({d.value for x in run for d in ix.at("drugs", x.index)}) < 2
    ):
        return None
    around = [*run, *ix.body_before(run[0], sc["campaign_sentences"])]
    return AGGREGATE if any(_says(x, "campaign") for x in around) else None


_BULLET = re.compile(r"\s*[-–—•*·]\s")


def _bullet_run(ix: ArticleIndex, s: Sentence) -> list[Sentence]:
    """The sentence, or the run of bulleted lines it stands in."""
    if s.is_title or not _BULLET.match(s.text):
        return [s]
    lo = hi = s.index
    while lo > 0 and not ix.sentences[lo - 1].is_title and _BULLET.match(ix.sentences[lo - 1].text):
        lo -= 1
    while hi + 1 < len(ix.sentences) and _BULLET.match(ix.sentences[hi + 1].text):
        hi += 1
    return list(ix.sentences[lo : hi + 1])


@rule("kind.compared_figures")
def compared_figures(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """Figures compared or trending are totals: "Er werd 38 ton onderschept, tegen 19 ton het jaar daarvoor".

    A verb of change counts only beside two figures: "steeg van 4.000 naar 40.000 kilo", not "steeg uit zijn auto".
    """
    if c.amount is None:
        return None
    if _says(c.sent, "trend_words"):
        return AGGREGATE
    same_unit = [a for a in ix.quantities(c.sent.index) if a.value.unit == c.amount.unit]
    if len(same_unit) < 2 or not _says(c.sent, "figure_comparison"):
        return None
    # a preposition compares only figures: "tegen 19 ton", not "een actie tegen drugshandel"
    starts = [a.start - c.sent.start for a in same_unit]
    w = params().words
    for hit in _comparison_words().finditer(c.sent.lower):
        if " ".join(hit.group(0).split()) not in w["comparison"] or any(
            p >= hit.end() and set(c.sent.lower[hit.end() : p].split()) <= w["determiners"] for p in starts
        ):
            return AGGREGATE
    return None


@cache
def _comparison_words() -> re.Pattern:
    return phrases(params().words["figure_comparison"])


@rule("kind.total_of_finds")
def total_of_finds(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """Several finds summed are a total: "De teller staat op vier vondsten met in totaal 3.300 kilo".

    The finds may be named in the sentence before: "Er werden zes plantages opgerold. In totaal ging
    het om 2.600 planten"; or the operations that made them: "bij verschillende acties samen 30 kilo".
    """
    if not _says(c.sent, "sum_words"):
        return None
    if _says(c.sent, "plural_find_nouns") or several_operations().search(c.sent.text):
        return AGGREGATE
    prev = ix.sentences[c.sent.index - 1] if c.sent.index > 0 else None
    if prev is None or prev.is_title:
        return None
    suffixes = tuple(params().words["plural_find_suffixes"])
    several = _says(prev, "plural_find_nouns") or any(
        d.text.lower().endswith(suffixes) for d in ix.at("drugs", prev.index)
    )
    return AGGREGATE if several else None


@rule("kind.aggregate_cue")
def aggregate_cue(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A total's words: "Tot nu toe werd 20 ton onderschept", "samen goed voor 3 ton".

    Not words that sum the packages of one find: "28 pakketten, samen goed voor 33 kilo".
    """
    for hit in params().aggregate.finditer(c.sent.lower):
        before = [a for a in ix.quantities(c.sent.index) if a.end <= c.sent.start + hit.start()]
        if not (before and package_count(before[-1].text, before[-1].value.unit)):
            return AGGREGATE
    return None


@rule("kind.investigation_total")
def investigation_total(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A sum over an investigation is a total: "In het onderzoek werd in totaal 500 kilo in beslag genomen"."""
    return AGGREGATE if _says(c.sent, "sum_words") and _says(c.sent, "investigation_words") else None


@rule("kind.running_total")
def running_total(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """ "in totaal" or "al" at a calendar date or over a span is a total: "Op 31 mei was dat al 9 ton".

    Not the "al" of a find recalled ("vorige maand werd hier ook al 200 kilo gevonden"): one find;
    a single cue word counts before the figure only ("na de 500 kilo van mei al de tweede vangst").
    """
    if m is None or not _says(c.sent, "running_total") or _one_find_context(c):
        return None
    total = cue("running_total")
    prior = [a.end for a in ix.quantities(c.sent.index) if a.end <= c.anchor]
    cut = ix.text.rfind(",", max(prior), c.anchor) if prior else -1
    # "al 4 ton gevonden, en in februari nog eens 2.500 kilo": the 4 ton's "al", not the 2,500's;
    # "al 300 kilo hasj en 40 kilo cocaïne": both figures'
    before = c.sent.lower[max(0, cut - c.sent.start) : c.anchor - c.sent.start]
    phrase = bool(total.multi and total.multi.search(c.sent.lower))
    if not phrase and not total.single & set(WORD.findall(before)):
        return None
    if not phrase and m.text.lower().startswith(tuple(params().words["closed_past"])):
        return None  # "vorige maand spoelde al 60 kilo aan": a find before this one, no sum running to now
    recalled = cue("earlier_find").multi
    if recalled is not None and recalled.search(c.sent.lower):
        rest = recalled.sub(" ", c.sent.lower)
        if not cue("running_total").found(rest, frozenset(WORD.findall(rest))):
            return None
    iv: DateInterval = m.value
    calendar_day = src == "own" and (iv.anchor == "span" or iv.calendar)
    return AGGREGATE if calendar_day or (iv.anchor == "span" and (iv.end - iv.start).days > 31) else None


@rule("kind.enumerated_finds")
def enumerated_finds(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """Counted finds given one by one are single finds: "In 2011 waren er twee vondsten (60 en 30 kilo)".

    One figure for several counted finds is their total: "bij twee vondsten werd 380 kilo aangetroffen".
    """
    hit = counted_finds().search(c.sent.text)
    if c.amount is None or hit is None or _says(c.sent, "sum_words"):
        return None
    count = count_of(hit.group(1))
    if count < 2:
        return None
    return SEIZURE if len(ix.quantities(c.sent.index)) >= count else AGGREGATE


def _clause_and_head(ix: ArticleIndex, c: Candidate) -> str:
    """The candidate's clause, with the clause a colon hangs it on: "de grootste vangst van het jaar: 4.200 kilo"."""
    cs, ce = ix.clause(c.sent, c.anchor)
    if cs > c.sent.start and ix.text[c.sent.start : cs].rstrip().endswith(":"):
        cs = ix.clause(c.sent, ix.text.rindex(":", c.sent.start, cs))[0]
    return ix.text[cs:ce].lower()


@cache
def _single_nouns() -> re.Pattern:
    return phrases(params().words["single_find_nouns"])


@rule("kind.superlative_find")
def superlative_find(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """The largest of several finds is one find, whatever the sentence counts: "Dit jaar was de grootste vangst 4.000 kilo"."""
    words = re.findall(r"[^\W\d]+", _clause_and_head(ix, c))
    sup = params().words["superlatives"]
    for i, w in enumerate(words):
        if w in sup and (
            w == "recordvangst" or any(_single_nouns().fullmatch(x) for x in words[i + 1 : i + 3])
        ):
            return SEIZURE
    return None


@rule("kind.single_find_noun")
def single_find_noun(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A find named as one is one, whenever it was: "Vorig jaar leidde een vangst van 3.500 kilo tot vijf arrestaties".

    So is one lab or plantation: "Vorig jaar werd in de gemeente ook al een drugslab ontdekt".
    """
    if c.mention_only and not c.plural and not c.count and c.drug_text.lower().endswith(_one_site()):
        return SEIZURE
    if not _single_nouns().search(_clause_and_head(ix, c)) or _says(c.sent, "plural_find_nouns"):
        return None
    return SEIZURE


@cache
def _one_site() -> tuple[str, ...]:
    """The endings of a lab ("drugslab", "productieplaats") or a plantation ("hennepkwekerij")."""
    return (*params().lab_words, "plantage", "kwekerij")


@rule("kind.period_date")
def period_date(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """A find dated by its own span of time is a total: "In 2020 onderschepte de douane 65 ton"."""
    if m is None or src != "own" or _one_find_context(c):  # "bij hem werd in 2020 50 kilo gevonden": one find
        return None
    iv: DateInterval = m.value
    long_span = iv.anchor == "span" and (iv.end - iv.start).days > 31
    return AGGREGATE if long_span and iv.granularity in ("year", "quarter", "period") else None


@rule("kind.one_find")
def one_find(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> str | None:
    """Without a total's sign a find is one seizure: "Dinsdag vond de politie 4 kilo hasj in een loods"."""
    return SEIZURE


@rule("kind.continued_total")
def continued_totals(cands: list[Candidate], log) -> list[Candidate]:
    """Figures added to a total, dated by it, are totals: "Vorig jaar werd 59 ton cocaïne onderschept. Daarnaast werd 2.300 kilo heroïne gevonden"."""
    out: list[Candidate] = []
    for c in cands:
        if c.kind != SEIZURE or c.date_src != "context" or not (c.amount is not None or c.vague):
            out.append(c)  # "Daarnaast werden kleine hoeveelheden hasj aangetroffen": vague, no amount
            continue
        before = [p for p in reversed(out) if p.amount is not None and p.sent.index < c.sent.index]
        same = next((p for p in before if p.kind == AGGREGATE and p.date == c.date), None)
        if same is not None and _ADDED.match(c.sent.text):
            c = c.decide("kind", continued_totals, c.sent.text.strip()[:80], kind=AGGREGATE)
        elif same is not None and parallel_total(c, same):
            c = c.decide("kind", parallel_total, c.sent.text.strip()[:80], kind=AGGREGATE)
        out.append(c)
    return out


_PLACE_FIRST = re.compile(r"\s*(?:in|op|te)\s+(?:de\s+(?:haven\s+van\s+)?)?[A-Z]", re.IGNORECASE)


@rule("kind.parallel_total")
def parallel_total(c: Candidate, prev: Candidate) -> bool:
    """A figure for another place beside a total of its drug and period is a total: "In Antwerpen werd 116 ton onderschept".

    After, for example, "Vorig jaar werd in Rotterdam 46 ton cocaïne onderschept".
    """
    if c.drug != prev.drug or c.amount is None or c.place_src != "own" or c.place == prev.place:
        return False
    if prev.date is None or (prev.date.end - prev.date.start).days <= 31:
        return False
    if _one_find_context(c) or _says(c.sent, "single_find_nouns"):
        return False  # "In Antwerpen werd een lading van 2 ton gevonden": one find
    return _PLACE_FIRST.match(c.sent.text) is not None


_ADDED = re.compile(
    r"\s*(?:er\s+(?:is|zijn|werd|werden)\s+)?(?:daarnaast|verder|bovendien|tevens|voorts|ook)(?!\w)",
    re.IGNORECASE,
)  # "Daarnaast werd ...", "Er is ook veertien ton hasj ... in beslag genomen"


@rule("kind.total_to_date")
def total_to_date(iv: DateInterval) -> DateInterval:
    """A running total dated to a day runs from 1 January: "Op 31 mei 2020 stond de teller op 20 ton" is 1/1–31/5.

    Not a total of finds or of the operations of one day: "Bij drie acties werd dinsdag samen 30 kilo gevonden".
    """
    return year_to_date(iv)


def classify(ix: ArticleIndex, c: Candidate) -> Candidate:
    """The candidate with its kind (and the rule that decided it) and its date."""
    fn, m, src = resolve("date", ix, c)
    decided, kind = one_find, SEIZURE
    for rule_id in params().kind_order:
        opinion = RULES[rule_id].fn(ix, c, m, src)
        if opinion is not None:
            decided, kind = RULES[rule_id].fn, opinion
            break
    c = c.decide("kind", decided, c.sent.text.strip()[:80], kind=kind)
    if m is not None:
        iv: DateInterval = m.value
        if decided is running_total and iv.granularity == "day" and src == "own":
            fn, iv = total_to_date, total_to_date(iv)
        c = c.decide("date", fn, m.text, date=iv, date_src="title" if c.sent.is_title else src)
    return c
