"""The amounts component: finds quantities and money in a Doc (``doc.spans["amounts"]``)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..normalize.amounts import find_amounts
from .scored import Scored


class AmountTagger(Scored):
    """Writes one span per amount, labelled QUANTITY or MONEY, with ``span._.amount``."""

    def __init__(self, nlp: Language, name: str = "seizure_amounts", scorer: Callable | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in [] if ext.gated(doc, self.nlp) else find_amounts(ext.doc_text(doc)):
            span = doc.char_span(
                m.start, m.end, label="MONEY" if m.amount.is_money else "QUANTITY", alignment_mode="expand"
            )
            if span is None:
                continue
            span._.set(ext.AMOUNT, m.amount)
            spans.append(span)
        doc.spans[ext.AMOUNTS_KEY] = spans
        return doc


@Language.factory(
    "seizure_amounts",
    assigns=["doc.spans", "span._.amount"],
    default_config={
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "amounts"}
    },
)
def make_amounts(nlp: Language, name: str, *, scorer: Callable | None) -> AmountTagger:
    return AmountTagger(nlp, name, scorer=scorer)
