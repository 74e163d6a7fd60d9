"""Kind: the one place that decides whether a candidate is one seizure or a total, and why.

The rules run in the order ``linking.json`` gives; the first that finds a total decides
"aggregate", else ``kind.one_find`` decides "seizure". The candidate's date is resolved here
too, since a total dated to a day runs from the first of January (``kind.total_to_date``).
"""

from __future__ import annotations

from ..normalize.dates import year_to_date
from ..schema import DateInterval
from .index import ArticleIndex, Mention
from .params import params
from .rules import RULES, Candidate, rule
from .slots import resolve


def _one_find_context(c: Candidate) -> bool:
    return bool(c.sent.words & params().words["one_find_context"])


@rule("kind.table_line")
def table_line(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> bool:
    """A line of a table of figures is a total: "Cocaïne: 27,7 kilo" under "De vangst van het jaar"."""
    return c.list_line


@rule("kind.plural_finds")
def plural_finds(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> bool:
    """Several finds named at once are a total: "Agenten rolden drie cannabisplantages op"."""
    return c.plural


@rule("kind.aggregate_cue")
def aggregate_cue(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> bool:
    """A total's words: "Dit jaar werd al 20 ton onderschept", "samen goed voor 3 ton"."""
    return bool(params().aggregate.search(c.sent.lower))


@rule("kind.running_total")
def running_total(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> bool:
    """ "in totaal" at a calendar date or over a span is a total: "Op 31 mei stond de teller in totaal op 9 ton"."""
    if (
        m is None
        or not any(w in c.sent.lower for w in params().words["running_total"])
        or _one_find_context(c)
    ):
        return False
    iv: DateInterval = m.value
    calendar_day = src == "own" and (iv.anchor == "span" or iv.calendar)
    return calendar_day or (iv.anchor == "span" and (iv.end - iv.start).days > 31)


@rule("kind.period_date")
def period_date(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> bool:
    """A find dated by its own span of time is a total: "In 2020 onderschepte de douane 65 ton"."""
    if m is None or src != "own" or _one_find_context(c):  # "bij hem werd in 2020 50 kilo gevonden": one find
        return False
    iv: DateInterval = m.value
    return (
        iv.anchor == "span"
        and iv.granularity in ("year", "quarter", "period")
        and (iv.end - iv.start).days > 31
    )


@rule("kind.one_find")
def one_find(ix: ArticleIndex, c: Candidate, m: Mention | None, src: str | None) -> bool:
    """Without a total's sign a find is one seizure: "Dinsdag vond de politie 4 kilo hasj in een loods"."""
    return True


@rule("kind.total_to_date")
def total_to_date(iv: DateInterval) -> DateInterval:
    """A total dated to a day runs from 1 January: "Op 31 mei 2020 stond de teller op 20 ton" is 1/1–31/5."""
    return year_to_date(iv)


def classify(ix: ArticleIndex, c: Candidate) -> Candidate:
    """The candidate with its kind (and the rule that decided it) and its date."""
    fn, m, src = resolve("date", ix, c)
    decided = next((RULES[r].fn for r in params().kind_order if RULES[r].fn(ix, c, m, src)), one_find)
    kind = "seizure" if decided is one_find else "aggregate"
    c = c.decide("kind", decided, c.sent.text.strip()[:80], kind=kind)
    if m is not None:
        iv: DateInterval = m.value
        if kind == "aggregate" and iv.granularity == "day" and src == "own":
            fn, iv = total_to_date, total_to_date(iv)
        c = c.decide("date", fn, m.text, date=iv, date_src="title" if c.sent.is_title else src)
    return c
