"""Merge: named passes over the candidates, each returning a new list (the order is in ``linking.json``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import timedelta
from functools import cache

from ..lexicon import countries_nl
from ..schema import Amount, DateInterval
from .params import (
    alternation,
    count_of,
    counted_finds,
    counted_searches,
    cue,
    occasion_count,
    package_count,
    params,
)
from .rules import RULES, Candidate, Log, rule

_SOURCE_ORDER = {"own": 0, "context": 1, "title": 2, None: 3}


def same_amount(a: Amount | None, b: Amount | None) -> bool:
    if a is None or b is None or a.unit != b.unit or a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value)) + 1e-9


def _why(c: Candidate, *fields: str) -> tuple:
    return tuple(w for w in c.why if w[0] in fields)


def absorb(into: Candidate, other: Candidate) -> Candidate:
    """``into`` with what it lacks filled from ``other`` (own values beat inherited ones)."""
    ch, why = {}, [w for w in into.why]
    take = []
    if into.amount is None and other.amount is not None:
        ch["amount"] = other.amount
    elif into.amount and other.amount and into.amount.approximate and not other.amount.approximate:
        # a body's exact restatement refines a rounded figure; a headline's does not ("ruim 1.200 kilo"
        # in the body stays approximate under "1.200 kilo coke" in the title)
        if same_amount(into.amount, other.amount) and not other.sent.is_title:
            ch["amount"] = other.amount
    if _SOURCE_ORDER[other.date_src] < _SOURCE_ORDER[into.date_src]:
        ch.update(date=other.date, date_src=other.date_src)
        take.append("date")
    if _SOURCE_ORDER[other.place_src] < _SOURCE_ORDER[into.place_src]:
        ch.update(place=other.place, place_src=other.place_src)
        take.append("location")
    for name, field_name in (("value_eur", "value_eur"), ("operation", "operation"), ("origin", "origin")):
        if getattr(into, name) is None and getattr(other, name) is not None:
            ch[name] = getattr(other, name)
            take.append(field_name)
    agency = tuple(dict.fromkeys(into.agency + other.agency))
    if agency != into.agency:
        ch["agency"] = agency
        take.append("agency") if not into.agency else None
    why = [w for w in why if w[0] not in take] + list(_why(other, *take))
    return into.but(why=tuple(why), **ch)


@rule("merge.title_restates_body")
def title_restates_body(cands: list[Candidate], log: Log) -> list[Candidate]:
    """The title's find is the body's: "Douane vindt 3 ton coke" above "... werd 3.012 kilo cocaïne gevonden"."""
    body = [c for c in cands if not c.sent.is_title]
    out = list(body)
    for t in (c for c in cands if c.sent.is_title):
        total = title_sums_body(t, body)
        if total is not None:
            out.append(total)
            continue
        news = [k for k, b in enumerate(out) if not earlier_find(b)]
        for b in out:
            if b.drug == t.drug and earlier_find(b):
                log.note(earlier_find, b.sent.text, f"not the title's {t.drug}")
        i = next((k for k in news if out[k].drug == t.drug and same_amount(out[k].amount, t.amount)), None)
        if i is None:
            k = next((k for k in news if out[k].drug == t.drug), None)
            b = out[k] if k is not None else None
            # "ruim 3 ton" over "3.012 kilo"; "1,5 ton" over "1.561 kilogram": fewer digits round the body's
            if b is not None and (t.amount is None or b.amount is None or (
                b.amount.unit == t.amount.unit and _roughly(b.amount.value, t.amount.value) and (
                    t.amount.approximate or b.amount.approximate
                    or _significant(t.amount.value) < _significant(b.amount.value)
                )
            )):  # fmt: skip
                i = k
        if i is None:
            out.append(t)
            continue
        if out[i].amount is not None and t.amount is not None and not same_amount(out[i].amount, t.amount):
            t = t.but(amount=None)  # the body's figure is the more specific one
        out[i] = absorb(out[i], t)
        log.dropped(title_restates_body, t, out[i])
    return sorted(out, key=lambda c: c.anchor)


def _roughly(a: float | None, b: float | None) -> bool:
    """Two figures one may round to the other: 3.012 and "ruim 3 ton", not 750 and "ruim duizend"."""
    return a is None or b is None or abs(a - b) <= 0.15 * max(a, b)


@rule("merge.earlier_find")
def earlier_find(c: Candidate) -> bool:
    """A find the body recalls is not the one the title reports: "Een maand geleden werd er ook al 750 kilo onderschept"."""
    return cue("earlier_find").found(c.sent.lower, c.sent.words)


@rule("merge.title_sums_body")
def title_sums_body(t: Candidate, body: list[Candidate]) -> Candidate | None:
    """A title's figure that adds up the body's finds is their total: "Douane onderschept 2 ton" above 800 and 1.190 kilo."""
    if (
        t.amount is None
        or not t.amount.value
        or any(same_amount(b.amount, t.amount) and b.drug == t.drug for b in body)
    ):
        return None
    parts = [
        b for b in body
        if b.drug == t.drug and b.kind == "seizure" and b.amount and b.amount.unit == t.amount.unit and b.amount.value
    ]  # fmt: skip
    if len(parts) < 2 or abs(sum(b.amount.value for b in parts) - t.amount.value) > 0.05 * t.amount.value:
        return None
    dated = [b.date for b in parts if b.date is not None]
    changes = {"kind": "aggregate"}
    if len(dated) == len(parts):
        start, end = min(d.start for d in dated), max(d.end for d in dated)
        changes.update(date=replace(dated[0], start=start, end=end, anchor="span", text=""), date_src="own")
    places = {b.place.name for b in parts if b.place is not None}
    if len(places) == 1 and all(
        b.place is not None for b in parts
    ):  # the parts' one place: Antwerpen, not België
        changes.update(place=parts[0].place, place_src="own")
    c = t.decide("kind", title_sums_body, t.amount.text, **changes)
    for f in ("date", "place"):
        if f in changes:
            c = c.decide(f, title_sums_body, t.amount.text)
    return c


@rule("merge.lead_detailed")
def lead_detailed(cands: list[Candidate], log: Log) -> list[Candidate]:
    """The lead's find without amount is the later amount of its drug in its place: "In Duitsland is een xtc-lab ontdekt. ... In Aken lag 200 kilo MDMA".

    The later find must lie in the lead's place (or a country holding it) and not on another day.
    """
    body = sorted((c for c in cands if not c.sent.is_title), key=lambda c: c.anchor)
    named = [c for c in body if c.drug not in params().generic]  # a generic "lab" beside it gives way later
    if not named or any(c.amount is not None for c in body[: body.index(named[0])]):
        return cands
    lead = named[0]
    if (
        not (lead.mention_only and lead.amount is None)
        or lead.count
        or lead.plural
        or lead.vague
        or lead.kind == "aggregate"
    ):
        return cands
    later = next((d for d in named[1:] if d.drug == lead.drug and d.amount is not None), None)
    # the next sentence's amount is the next-sentence rule's to judge
    if (
        later is None
        or later.kind == "aggregate"
        or later.sent.index - lead.sent.index < 2
        or not _inside(later, lead)
        or _many_searches(
            later
        )  # "Tijdens 27 huiszoekingen troffen de speurders 37 kilo aan": not the lead's one find
    ):
        return cands
    if (
        lead.date_src == "own"
        and later.date is not None
        and lead.date is not None
        and _apart(later.date, lead.date)
    ):
        return cands  # a find on another day
    log.dropped(lead_detailed, lead, later)
    # the detail's place is the more specific: Aken, not Duitsland
    given = lead.but(place=None, place_src=None) if later.place is not None else lead
    return [absorb(c, given) if c is later else c for c in cands if c is not lead]


def _many_searches(c: Candidate) -> bool:
    m = counted_searches().search(c.sent.text)
    return m is not None and count_of(m.group(1)) > 1


def _inside(c: Candidate, lead: Candidate) -> bool:
    """``c``'s place is the lead's, or lies in the country the lead names (or either has none)."""
    if c.place is None or lead.place is None or c.place.name == lead.place.name:
        return True
    return countries_nl().get(lead.place.name) == c.place.country is not None


@rule("merge.one_mention_per_drug")
def one_mention_per_drug(cands: list[Candidate], log: Log) -> list[Candidate]:
    """Amount-less finds of one drug are one event: "Er werd hasj gevonden ... ook in de kelder lag hasj".

    Not finds in two places or at two times, nor one find and a total of such finds.
    """
    out, first = [], {}
    for c in cands:
        if c.mention_only and not c.sent.is_title:
            a = out[first[c.drug]] if c.drug in first else None
            if a is not None and (_elsewhere(a, c) or a.kind != c.kind or _another_time(a, c)):
                first[c.drug] = len(out)  # "een lab in Limburg ... ook in Drenthe een lab": two finds; a find
                # and a count of such finds ("vorig jaar werden verschillende van zulke labs ontmanteld"): two
            elif c.drug in first:
                out[first[c.drug]] = absorb(out[first[c.drug]], c)
                log.dropped(one_mention_per_drug, c, out[first[c.drug]])
                continue
            first[c.drug] = len(out)
        out.append(c)
    return out


def _apart(x: DateInterval, y: DateInterval, gap: timedelta = timedelta(0)) -> bool:
    """The two intervals do not meet, with more than ``gap`` between them."""
    return x.end + gap < y.start or y.end + gap < x.start


def _another_time(a: Candidate, b: Candidate) -> bool:
    """Two finds each dated by their own sentence, more than a month apart ("vorig jaar ... ook al een
    drugslab"; a plantation found one week and dismantled the next is one find)."""
    own = a.date_src == "own" == b.date_src and a.date is not None and b.date is not None
    return own and _apart(a.date, b.date, timedelta(days=31))


def _elsewhere(a: Candidate, b: Candidate) -> bool:
    """Two finds each placed by their own sentence, in different places."""
    return (
        a.place_src == "own" == b.place_src
        and a.place is not None
        and b.place is not None
        and (a.place.name != b.place.name)
    )


@rule("merge.vague_restated")
def vague_restated(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A vague amount a later sentence states exactly is that find: "honderden kilo's cocaïne ... ruim 380 kilo".

    The later figure is the next of that drug, in another sentence, not dated to another time. When
    the vague amount was of several counted finds ("honderden kilo's, bij twee vondsten") the exact
    figure is their total.
    """
    out, totals = [], set()
    for i, c in enumerate(cands):
        if c.vague and c.amount is None and c.amount_range is None:
            later = next(
                (d for d in cands[i + 1 :] if d.drug == c.drug and d.sent.index > c.sent.index), None
            )
            if later is not None and (
                later.amount is None or (later.date_src == "own" and later.date != c.date)
            ):
                later = None
            if later is not None:
                log.dropped(vague_restated, c, later)
                hit = counted_finds().search(c.sent.text)
                if hit and count_of(hit.group(1)) > 1:
                    totals.add(id(later))
                continue
        out.append(c)
    return [
        c.decide("kind", vague_restated, c.sent.text.strip()[:80], kind="aggregate") if id(c) in totals else c
        for c in out
    ]


@rule("merge.weight_of_counted")
def weight_of_counted(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A weight stated after counted items is their amount: "Er lagen 90 blokken hasj. Ze wogen samen 104 kilo".

    So too a sum of weight after counted packages of its drug, in a sentence stating no find of its
    own: "Er spoelden twaalf pakketten aan. Het gaat om cocaïne, in totaal ongeveer 14 kilo".
    """
    out: list[Candidate] = []
    reach = params().scopes["weighs_sentences"]
    for c in cands:
        kg = c.amount is not None and c.amount.unit == "kg"
        summed = (
            kg and not c.own_trigger and bool(_weight_phrase().search(c.sent.text[: c.anchor - c.sent.start]))
        )
        k = _counted_before(out, c, reach) if kg and (c.weighs or summed) else None
        if k is not None and not c.weighs:
            p = out[k]
            k = k if p.drug == c.drug and package_count(p.amount.text, p.amount.unit) else None
        if k is None:
            out.append(c)
            continue
        out[k] = out[k].decide("amount", weight_of_counted, c.amount.text, amount=c.amount)
        log.dropped(weight_of_counted, c, out[k])
    return out


@cache
def _weight_phrase() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{alternation(params().words['weight_phrases'])})\s*$", re.IGNORECASE)


@rule("merge.weight_of_packages")
def weight_of_packages(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A weight after counted packages of its drug is their amount: "28 pakketten cocaïne, samen goed voor 33 kilo".

    A drug named with the weight names the packages: "92 bolletjes met in totaal een kilo cocaïne".
    """
    out: list[Candidate] = []
    generic = params().generic
    for c in cands:
        k = len(out) - 1
        if c.amount is not None and c.amount.unit in ("kg", "l"):
            before = c.sent.text[: c.anchor - c.sent.start].rstrip(" ,")
            if _weight_phrase().search(before):
                while k >= 0 and out[k].sent is c.sent and not _packages_of(out[k], c, generic):
                    k -= 1
                if k >= 0 and out[k].sent is c.sent:
                    if c.adjacent_drug:  # the weight's drug is the packages'
                        log.dropped(weight_of_packages, out[k], c)
                        out[k] = c.decide("amount", weight_of_packages, c.amount.text)
                    else:
                        out[k] = out[k].decide("amount", weight_of_packages, c.amount.text, amount=c.amount)
                        log.dropped(weight_of_packages, c, out[k])
                    continue
        out.append(c)
    return out


def _packages_of(p: Candidate, c: Candidate, generic: frozenset) -> bool:
    """``p`` counts packages the weight ``c`` may weigh: of its drug, or of none named when ``c`` names it."""
    same = p.drug in generic if c.adjacent_drug else p.drug == c.drug
    return bool(p.amount and package_count(p.amount.text, p.amount.unit) and same)


def _counted_before(out: list[Candidate], c: Candidate, reach: int) -> int | None:
    k = len(out) - 1
    while k >= 0 and out[k].sent.index >= c.sent.index - reach:
        if out[k].amount is not None and out[k].amount.unit in ("units", "pills"):
            return k
        k -= 1
    return None


@rule("merge.amount_in_next_sentence")
def amount_in_next_sentence(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A find, then its amount: "Agenten ontmantelden een drugslab. Er werd 8 kilo crystal meth aangetroffen"."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c, nxt = cands[i], cands[i + 1] if i + 1 < len(cands) else None
        if (
            c.mention_only and c.amount is None and not c.sent.is_title and not c.count and c.kind != "aggregate"
            and nxt is not None and nxt.drug == c.drug and nxt.amount is not None and not nxt.mention_only
            and nxt.date_src != "own" and _next_for_amount(c, nxt)
        ):  # fmt: skip
            c = c.but(adjacent_drug=True).decide(
                "amount", amount_in_next_sentence, nxt.amount.text, amount=nxt.amount
            )
            out.append(absorb(c, nxt))
            log.dropped(amount_in_next_sentence, nxt, c)
            i += 2
            continue
        if _detailed_next(
            c, nxt
        ):  # "De douane onderschepte weer cocaïne. Op 3 mei ging het om 600 kilo en ..."
            log.dropped(amount_in_next_sentence, c, nxt)
            i += 1
            continue
        out.append(c)
        i += 1
    return out


def _detailed_next(c: Candidate, nxt: Candidate | None) -> bool:
    """An amount-less find whose next sentence, stating no find of its own, details it by dated
    amounts: the finds are those, the first sentence announced them."""
    return (
        nxt is not None and c.mention_only and c.amount is None and not c.sent.is_title and not c.count
        and not c.plural and c.kind != "aggregate" and nxt.drug == c.drug and nxt.amount is not None
        and not nxt.mention_only and nxt.date_src == "own" and not nxt.own_trigger
        and nxt.sent.index - c.sent.index == 1
    )  # fmt: skip


def _next_for_amount(c: Candidate, nxt: Candidate) -> bool:
    """The next sentence, or the one after when nothing dated came between: "Er werd amfetamineolie
    gevonden. In de loods stonden vaten. Het ging om 1.000 liter", not a find "op 11 mei" later."""
    gap = nxt.sent.index - c.sent.index
    if _many_searches(nxt) and not _many_searches(c):
        return (
            False  # "Er werd een lab opgerold. Bij 14 huiszoekingen vond de politie 20 kilo": many finds' sum
        )
    return gap == 1 or (gap <= params().scopes["context_sentences"] and nxt.date == c.date)


@rule("merge.announced_count")
def announced_count(cands: list[Candidate], log: Log) -> list[Candidate]:
    """Counted finds then detailed are not one more: "twee partijen heroïne: een van 5 en een van 7 kilo".

    So too a count of times: "twee keer cocaïne onderschept. Op 3 mei 800 kilo, later 1.190 kilo".
    """
    out, reach = [], params().scopes["announced_count_sentences"]
    for i, c in enumerate(cands):
        count = c.count if c.amount is None else None
        if c.amount and c.amount.value and c.amount.unit == "units" and occasion_count(c.amount.text):
            count = int(c.amount.value)
        if count:
            detailed = 0
            for d in cands[i + 1 :]:
                if d.sent.index - c.sent.index > reach:
                    break
                detailed += d.drug == c.drug and d.amount is not None
            if detailed >= count:
                log.dropped(announced_count, c)
                continue
        out.append(c)
    return out


@rule("merge.packaging_of_weight")
def packaging_of_weight(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A count after a weight of its drug is how it was packed: "436 gram cocaïne, verdeeld over 56 bolletjes".

    So too after counted pills or a volume: "4.000 xtc-pillen, verstopt in vijf pakketjes"; and in the
    next sentences, when they add no find: "De douane vond 4 ton cocaïne. De cocaïne zat in 3.500 blokken".
    """
    out: list[Candidate] = []
    reach = params().scopes["weighs_sentences"]
    for c in cands:
        weighed = None
        if c.amount and c.amount.unit == "units" and package_count(c.amount.text, c.amount.unit):
            k = len(out) - 1
            while k >= 0 and out[k].sent.index >= c.sent.index - reach and weighed is None:
                p = out[k]
                same = p.sent is c.sent and not c.adjacent_drug
                later = p.sent.index < c.sent.index and _packs(c, p, out)
                weighed = p if (same or later) and p.drug == c.drug and _measured(p) else None
                k -= 1
        if weighed is not None:
            log.dropped(packaging_of_weight, c, weighed)
            k = next(i for i, x in enumerate(out) if x is weighed)
            out[k] = absorb(weighed, c)  # "135 miljoen zakjes die een straatwaarde hebben van 7,5 miljard"
            continue
        out.append(c)
    return out


def _measured(p: Candidate) -> bool:
    return bool(p.amount and p.amount.unit in ("kg", "l", "pills"))


def _packs(c: Candidate, p: Candidate, out: list[Candidate]) -> bool:
    """A count in a later sentence packs the weighed find ``p``: no weight of its own beside it, no
    find added ("nog", "ook"), not placed or dated apart."""
    if c.sent.words & params().words["added_find"] or _elsewhere(c, p) or _another_time(c, p):
        return False
    return not any(x.sent is c.sent and _measured(x) for x in out)


def _specificity(c: Candidate) -> int:
    return 2 * c.own_trigger + (c.place_src == "own") + (c.date_src == "own") - 2 * c.list_line


@rule("merge.distinct_finds")
def distinct_finds(a: Candidate, b: Candidate) -> bool:
    """Equal amounts on different days or at different places are two finds: "8 mei: 400 kilo; 10 mei: 400 kilo".

    So are a find and one recalled beside it ("Een maand geleden werd er ook al 750 kilo onderschept").
    """
    if earlier_find(a) != earlier_find(b):
        return True
    if {a.kind, b.kind} == {"seizure", "aggregate"} and _trend_total(a if a.kind == "aggregate" else b):
        return (
            True  # "van ongeveer 4000 naar 40.000 kilo in drie jaar ... Gisteren werd 4000 kilo onderschept"
        )
    if a.date_src == "own" == b.date_src and a.date and b.date:
        if a.date.end < b.date.start or b.date.end < a.date.start:
            return True
        if a.kind == "aggregate" == b.kind and (a.date.start, a.date.end) != (b.date.start, b.date.end):
            return True  # totals up to different days: "bijna 54,5 ton dit jaar", "op 3 juni 52.500 kilo"
    if a.place_src == "own" == b.place_src and a.place and b.place:
        return a.place.name != b.place.name
    return False


def _trend_total(c: Candidate) -> bool:
    """A total that is one of figures compared: the kind rule that decided it."""
    return any(f == "kind" and r == "kind.compared_figures" for f, r, _t in c.why)


@rule("merge.same_amount_twice")
def same_amount_twice(cands: list[Candidate], log: Log) -> list[Candidate]:
    """The same drug and amount twice is one find: "Er werd 2 ton coke onderschept ... De 2 ton lag in bananendozen"."""
    out: list[Candidate | None] = []
    seen: dict[tuple, list[tuple[float, int]]] = {}  # (drug, unit) -> sorted (value, position in out)
    for c in cands:
        if c.amount is None or c.amount.value is None:
            out.append(c)
            continue
        reps = seen.setdefault((c.drug, c.amount.unit), [])
        v = c.amount.value
        lo, hi = (
            bisect.bisect_left(reps, (v * 0.98 - 1e-9, -1)),
            bisect.bisect_right(reps, (v / 0.98 + 1e-9, len(out))),
        )
        near = [
            k for _val, k in reps[lo:hi] if same_amount(out[k].amount, c.amount) and not _two_exact(out[k], c)
        ]
        k = next((k for k in near if not distinct_finds(out[k], c)), None)
        if k is None:
            if near:
                log.note(
                    distinct_finds, c.amount.text, f"{c.drug}: not merged with the same amount elsewhere"
                )
            bisect.insort(reps, (v, len(out)))
            out.append(c)
            continue
        if _specificity(out[k]) >= _specificity(c):
            out[k] = absorb(out[k], c)
            log.dropped(same_amount_twice, c, out[k])
        else:  # the later mention is the more specific one and keeps its place
            log.dropped(same_amount_twice, out[k], c)
            reps.remove(next(r for r in reps if r[1] == k))
            bisect.insort(reps, (v, len(out)))
            out.append(absorb(c, out[k]))
            out[k] = None
    return [c for c in out if c is not None]


def _two_exact(a: Candidate, b: Candidate) -> bool:
    """Two exact figures that differ are two figures, however close: "22.009 kilo" and "22.456 kilo";
    not a figure and its rounding ("65,48 ton", "65,5 ton")."""
    x, y = a.amount.value, b.amount.value
    sx, sy = _significant(x), _significant(y)
    if x == y or sx < 3 or sy < 3:
        return False
    return float(f"{x:.{sy}g}") != y and float(f"{y:.{sx}g}") != x


def _significant(v: float) -> int:
    """The significant digits of a figure as printed: 22.009 has five, 2.000 one, 1,2 two."""
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return len(text.replace(".", "").lstrip("0"))
    return len(text.strip("0"))


def _direction(a) -> str:
    """How an approximate amount relates to the true figure: above it ("ruim"), below ("bijna") or about."""
    text = a.text.lower()
    if text.startswith("bijna"):
        return "below"
    return "above" if text.startswith(tuple(params().words["approximate_above"])) else "about"


def _restates(rounded, exact) -> bool:
    r, x, way = rounded.value, exact.value, _direction(rounded)
    if way == "above":
        return r <= x <= 1.3 * r
    if way == "below":
        return 0.8 * r <= x <= r
    return abs(x - r) <= 0.15 * r


@rule("merge.rounded_restatement")
def rounded_restatement(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A rounded figure restates the exact one: "1.131 kilo heroïne ... De ruim één ton zware vangst"."""
    exact: dict[tuple, list[tuple[float, int]]] = {}
    for i, c in enumerate(cands):
        if c.amount and c.amount.value and not c.amount.approximate:
            exact.setdefault((c.drug, c.amount.unit, c.kind), []).append((c.amount.value, i))
    for v in exact.values():
        v.sort()
    out, merged = list(cands), set()
    for i, c in enumerate(cands):
        if not (c.amount and c.amount.value and c.amount.approximate):
            continue
        pool = exact.get((c.drug, c.amount.unit, c.kind), [])
        lo = bisect.bisect_left(pool, (0.8 * c.amount.value, -1))
        hits = [k for val, k in pool[lo:] if val <= 1.3 * c.amount.value and cands[k].sent is not c.sent]
        k = next(
            (
                k
                for k in hits
                if _restates(c.amount, cands[k].amount)
                and k not in merged
                and not distinct_finds(c, cands[k])
            ),
            None,
        )
        if k is not None:
            out[k] = absorb(out[k], c)
            merged.add(i)
            log.dropped(rounded_restatement, c, out[k])
    return [c for i, c in enumerate(out) if i not in merged]


@rule("merge.generic_gives_way")
def generic_gives_way(cands: list[Candidate], log: Log) -> list[Candidate]:
    """An amount-less "drugs" gives way to a named drug: "Er werden drugs gevonden: cocaïne en hasj".

    Not to raw materials alone: "een drugslab ... vaten met chemicaliën" is a lab and a find of
    precursors, "synthetische drugs en grondstoffen" two finds. Other drugs ("ook andere drugs") stay,
    and so does a substance without an id of its own ("cocaïne en paddo's").
    """
    cands, generic = list(cands), params().generic  # a copy: a value may move to a later candidate
    if all(c.drug in generic for c in cands):
        # among generic ones, "synthetische drugs" names more than "drugs" or "een drugslab"
        if not any(c.drug == "synthetic" for c in cands):
            return cands
        generic = frozenset({"unspecified"})
    made = any(c.drug not in generic and c.drug != "precursor" for c in cands)
    named = [c for c in cands if c.drug not in generic]
    out = []
    for c in cands:
        text = c.drug_text.lower()
        if (
            c.drug in generic
            and c.amount is None
            and made
            and text not in params().named_substances
            and not _found_elsewhere(c, named)
            and not (
                text in params().lab_words and c.plural
            )  # "14 kwekerijen en 3 drugslabs": finds of their own
        ):
            before = (
                c.sent.text[max(0, c.anchor - c.sent.start - 30) : c.anchor - c.sent.start].lower().split()
            )
            if not set(before[-3:]) & params().words["other_words"]:  # "ook andere drugs": not those named
                log.dropped(generic_gives_way, c)
                if (
                    c.value_eur is not None
                ):  # "Drugs met een straatwaarde van 2 miljoen ... Het ging om 300 kilo hasj"
                    _pass_value(cands, c, generic)
                continue
        out.append(c)
    return out


def _found_elsewhere(c: Candidate, named: list[Candidate]) -> bool:
    """Its own sentence places the generic find in a town, or dates it to a time, where and when no named
    find was made ("Vorig jaar werd ook al een drugslab ontdekt")."""
    if not named:
        return False
    if all(_elsewhere(c, d) for d in named):
        return True
    iv = c.date if c.date_src == "own" else None
    return iv is not None and all(d.date is not None and _apart(d.date, iv) for d in named)


def _pass_value(cands: list[Candidate], c: Candidate, generic: frozenset) -> None:
    """The value of a generic find that gives way goes to the named find that follows it in its sentence
    or the next, when that has none (in place, in the pass's own copy)."""
    for k, d in enumerate(cands):
        if d.anchor > c.anchor and d.drug not in generic and 0 <= d.sent.index - c.sent.index <= 1:
            if d.value_eur is None:
                cands[k] = d.decide("value_eur", generic_gives_way, str(c.value_eur), value_eur=c.value_eur)
            return


@rule("merge.part_of_a_total")
def part_of_a_total(cands: list[Candidate], log: Log) -> list[Candidate]:
    """A named part of a total is a total of the same period: "Dit jaar werd 2.000 kilo drugs onderschept. Het grootste deel, 1.600 kilo, was cocaïne"."""
    reach, part = params().scopes["context_sentences"], cue("part_words")
    out: list[Candidate] = []
    for c in cands:
        whole = None
        if c.amount and c.amount.value and not c.own_trigger and part.found(c.sent.lower, c.sent.words):
            whole = next(
                (t for t in reversed(out)
                 if t.kind == "aggregate" and t.amount and t.amount.unit == c.amount.unit and t.amount.value
                 and t.amount.value > c.amount.value and 0 < c.sent.index - t.sent.index <= reach),
                None,
            )  # fmt: skip
        if whole is not None:
            c = c.decide("kind", part_of_a_total, c.sent.text.strip()[:80], kind="aggregate")
            if c.date_src != "own" and whole.date is not None:
                c = c.decide("date", part_of_a_total, whole.date.text, date=whole.date, date_src="context")
            log.note(part_of_a_total, c.sent.text.strip()[:80])
        out.append(c)
    return out


@rule("merge.parts_of_total")
def parts_of_total(cands: list[Candidate], log: Log) -> list[Candidate]:
    """Parts after a stated total are in it: "286 plantjes: 114 in de kelder en 172 op zolder"."""
    dropped: set[int] = set()
    reach = params().scopes["parts_of_total_sentences"]
    for i, c in enumerate(cands):
        if c.amount is None or c.amount.value is None or i in dropped:
            continue
        later = []
        for j in range(i + 1, len(cands)):
            d = cands[j]
            if d.sent.index - c.sent.index > reach:
                break
            if (
                j not in dropped
                and d.amount
                and d.drug == c.drug
                and d.amount.unit == c.amount.unit
                and d.anchor > c.anchor
            ):
                later.append(j)
        run = _run_adding_up(cands, later, c.amount.value)
        if not any(
            distinct_finds(cands[a], cands[b]) for a, b in zip(run, run[1:], strict=False)
        ):  # finds on other days stay
            dropped.update(run)
    for j in sorted(dropped):
        log.dropped(parts_of_total, cands[j])
    return [c for j, c in enumerate(cands) if j not in dropped]


def _run_adding_up(cands: list[Candidate], later: list[int], total: float) -> list[int]:
    """The first run of two or more consecutive amounts in ``later`` that adds up to ``total`` (1%)."""
    for i in range(len(later)):
        acc = 0.0
        for j in range(i, len(later)):
            acc += cands[later[j]].amount.value or 0.0
            if j > i and abs(acc - total) <= 0.01 * total:
                return later[i : j + 1]
            if acc > total:
                break
    return []


def merge(cands: list[Candidate], log: Log) -> list[Candidate]:
    """Run the merge passes in the order ``linking.json`` gives."""
    for rule_id in params().merge_order:
        cands = RULES[rule_id].fn(cands, log)
    return cands
