"""The drugs component: drug names, slang and compounds (cocaïnevangst, xtc-lab) as ``doc.spans["drugs"]``.

Built on spaCy's span_ruler; each span's ``id_`` is the stable drug id.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc
from spacy.util import registry

from .. import extensions as ext
from ..lexicon import drug_patterns


class DrugTagger:
    def __init__(self, nlp: Language, name: str = "seizure_drugs") -> None:
        self.name = name
        self.nlp = nlp
        self.ruler = SpanRuler(
            nlp,
            name=f"{name}_ruler",
            spans_key=ext.DRUGS_KEY,
            phrase_matcher_attr="LOWER",
            spans_filter=registry.misc.get("spacy.first_longest_spans_filter.v1")(),
            overwrite=True,
        )
        self.ruler.add_patterns(list(drug_patterns()))

    def __call__(self, doc: Doc) -> Doc:
        if ext.gated(doc, self.nlp):
            doc.spans[ext.DRUGS_KEY] = []
            return doc
        return self.ruler(doc)


@Language.factory("seizure_drugs")
def make_drugs(nlp: Language, name: str) -> DrugTagger:
    return DrugTagger(nlp, name)
