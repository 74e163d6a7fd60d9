"""The actors component: agencies, operations and places.

Agencies and operations come from a span_ruler over ``resources/nl/agencies.json``.
Places come from ``normalize.places.find_places`` (gazetteer, adjectival forms,
"in <Naam>" and datelines) and, when a statistical Dutch model ran before us,
from its GPE/LOC entities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from .. import extensions as ext
from ..lexicon import agency_patterns, gazetteer
from ..normalize.places import find_places
from ..schema import Place


class ActorTagger:
    def __init__(self, nlp: Language, name: str = "seizure_actors") -> None:
        self.name = name
        self.nlp = nlp
        self.ruler = SpanRuler(
            nlp,
            name=f"{name}_ruler",
            spans_key="_actors",
            phrase_matcher_attr="LOWER",
            spans_filter=registry.misc.get("spacy.first_longest_spans_filter.v1")(),
            overwrite=True,
        )
        self.ruler.add_patterns([p for p in agency_patterns() if not p.get("case")])
        # acronyms and names whose case matters ("OM", "Sky") go to a case-sensitive ruler
        self.case_ruler = SpanRuler(
            nlp,
            name=f"{name}_case_ruler",
            spans_key="_actors_case",
            phrase_matcher_attr="ORTH",
            overwrite=True,
        )
        self.case_ruler.add_patterns(
            [{k: v for k, v in p.items() if k != "case"} for p in agency_patterns() if p.get("case")]
        )

    def __call__(self, doc: Doc) -> Doc:
        if ext.gated(doc, self.nlp):
            for key in (ext.AGENCIES_KEY, ext.OPERATIONS_KEY, ext.PLACES_KEY):
                doc.spans[key] = []
            return doc
        self.ruler(doc)
        self.case_ruler(doc)
        found = list(doc.spans.get("_actors", [])) + list(doc.spans.get("_actors_case", []))
        del doc.spans["_actors"]
        del doc.spans["_actors_case"]
        found = sorted(filter_spans(found), key=lambda sp: sp.start)
        doc.spans[ext.AGENCIES_KEY] = [s for s in found if s.label_ == "AGENCY"]
        doc.spans[ext.OPERATIONS_KEY] = [s for s in found if s.label_ == "OPERATION"]
        title_end = doc._.get(ext.TITLE_END) or 0
        places: list[Span] = []
        seen = set()
        for m in find_places(ext.doc_text(doc), title_end=title_end):
            span = doc.char_span(m.start, m.end, label=m.place.kind.upper(), alignment_mode="expand")
            if span is None:
                continue
            span._.set(ext.PLACE, m.place)
            places.append(span)
            seen.add((span.start_char, span.end_char))
        # a statistical model's GPE/LOC entities add to the gazetteer
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC") and (ent.start_char, ent.end_char) not in seen:
                name, country = gazetteer().get(ent.text, (ent.text, None))
                span = Span(doc, ent.start, ent.end, label="NER")
                span._.set(ext.PLACE, Place(name, country, ent.text, kind="ner"))
                places.append(span)
        places.sort(key=lambda s: s.start_char)
        doc.spans[ext.PLACES_KEY] = places
        return doc


@Language.factory("seizure_actors")
def make_actors(nlp: Language, name: str) -> ActorTagger:
    return ActorTagger(nlp, name)
