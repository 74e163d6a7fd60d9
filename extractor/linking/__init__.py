"""From mentions to seizure events, in stages over an article index (pure, no spaCy).

Input: the article text (title, a blank line, body), its sentence bounds and the mentions the
components found (amounts, dates, drugs, places, agencies, operations) as character offsets.
Output: ``SeizureEvent`` records, each field with the id of the rule that decided it.

The stages, in order, one module each:
- ``index``: sentences, clauses, paragraphs, the title and the mentions by sentence, built once.
- ``gate``: which sentences state a seizure or police action, which are ruled out.
- ``anchor``: each quantity tied to its drug (a candidate per quantity).
- ``mentions``: drug mentions without an amount that state a find.
- ``slots`` and ``kind``: date, place, origin, agencies, operation; seizure or total, and why.
- ``values``: street values to the finds they price.
- ``merge``: named passes (the title's finds join the body's, duplicates, parts of a total...).
Every rule is registered in ``rules.RULES`` with an id and a Dutch example; the order of rules,
their scopes and cue words are data in ``resources/nl/linking.json`` and ``cues.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import locate
from ..schema import Evidence, SeizureEvent
from .anchor import Drugs, anchor
from .gate import gate
from .index import ArticleIndex, Mention
from .kind import classify, continued_totals
from .mentions import find_mentions
from .merge import merge
from .params import params
from .rules import RULES, Candidate, Log, Trace
from .slots import fill, note_excluded_dates
from .values import attach_values

__all__ = ["RULES", "Linked", "Mention", "link"]


@dataclass(frozen=True)
class Linked:
    """What linking made of an article: its events and the trace of everything else decided."""

    events: list[SeizureEvent]
    traces: list[Trace]


def link(text: str, sentences, mentions: dict[str, list[Mention]], title_end: int = 0) -> Linked:
    """Link an article: see the module docstring for the stages."""
    params()  # validate the data before anything runs
    log = Log()
    ix = ArticleIndex(text, sentences, mentions, title_end)
    g = gate(ix, log)
    if g.first is None:
        return Linked([], log.traces)
    drugs = Drugs(ix, log)
    cands, consumed = anchor(ix, g, drugs, log)
    cands = find_mentions(ix, g, drugs, cands, consumed, log)
    cands = sorted(cands, key=lambda c: c.anchor)
    note_excluded_dates(ix, log)
    cands = continued_totals([classify(ix, fill(ix, c)) for c in cands], log)
    cands = attach_values(ix, cands, drugs, log)
    cands = merge(cands, log)
    return Linked([to_event(c) for c in cands], log.traces)


def to_event(c: Candidate) -> SeizureEvent:
    """The output record of a candidate, with its evidence sentence and a confidence."""
    s = c.sent
    conf = 0.45 + 0.15 * c.own_trigger + 0.1 * c.adjacent_drug + 0.1 * (c.amount is not None)
    conf += 0.1 * (c.date_src == "own") + 0.1 * (c.place_src == "own")
    stripped = s.text.strip()
    lead = len(s.text) - len(s.text.lstrip())
    return SeizureEvent(
        drug=c.drug,
        drug_text=c.drug_text,
        amount=c.amount,
        kind=c.kind,
        date=c.date,
        location=locate(c.place) if c.place is not None else None,
        value_eur=c.value_eur,
        agency=c.agency,
        operation=c.operation,
        evidence=Evidence(stripped, s.start + lead, s.start + lead + len(stripped)),
        confidence=min(conf, 0.99),
        amount_range=c.amount_range,
        origin=c.origin,
        provenance=c.why,
    )
