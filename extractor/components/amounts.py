"""The amounts component: finds quantities and money in a Doc (``doc.spans["amounts"]``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..normalize.amounts import find_amounts


class AmountTagger:
    """Writes one span per amount, labelled QUANTITY or MONEY, with ``span._.amount``."""

    def __init__(self, nlp: Language, name: str = "seizure_amounts") -> None:
        self.name = name
        self.nlp = nlp

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


@Language.factory("seizure_amounts")
def make_amounts(nlp: Language, name: str) -> AmountTagger:
    return AmountTagger(nlp, name)
