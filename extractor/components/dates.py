"""The dates component: finds Dutch date expressions resolved against ``doc._.published``."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..normalize.dates import find_dates
from .scored import Scored


class DateTagger(Scored):
    """Writes one DATE span per expression with ``span._.date_interval``.

    Spans that overlap an amount are dropped: "54,5 ton" is never a date.
    """

    def __init__(self, nlp: Language, name: str = "seizure_dates", scorer: Callable | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        taken = sorted((s.start_char, s.end_char) for s in doc.spans.get(ext.AMOUNTS_KEY, []))
        starts = [a for a, _ in taken]
        reach = list(itertools.accumulate((b for _, b in taken), max))  # the furthest end so far
        spans = []
        for m in (
            [] if ext.gated(doc, self.nlp) else find_dates(ext.doc_text(doc), ext.get(doc, ext.PUBLISHED))
        ):
            k = bisect.bisect_left(starts, m.end)  # the amounts that start before the date ends
            if (
                k and reach[k - 1] > m.start
            ):  # one of them reaches into it: one sorted pass, not dates x amounts
                continue
            span = doc.char_span(m.start, m.end, label="DATE", alignment_mode="expand")
            if span is None:
                continue
            span._.set(ext.DATE, m.interval)
            spans.append(span)
        doc.spans[ext.DATES_KEY] = spans
        return doc


@Language.factory(
    "seizure_dates",
    requires=["doc.spans"],  # the amounts: "54,5 ton" is never a date
    assigns=["doc.spans", "span._.date_interval"],
    default_config={
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "dates"}
    },
)
def make_dates(nlp: Language, name: str, *, scorer: Callable | None) -> DateTagger:
    return DateTagger(nlp, name, scorer=scorer)
