"""The actors component: agencies, operations and places.

Agencies and operations come from the two agency rulers (``seizure_lexicon`` components over
``resources/nl/agencies.json``, one ignoring case, one minding it: "OM", "Sky").
Places come from ``normalize.places.find_places`` (gazetteer, adjectival forms,
"in <Naam>" and datelines) and, when a statistical Dutch model ran before us,
from its GPE/LOC entities.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import extensions as ext
from ..lexicon import gazetteer
from ..normalize.places import find_places
from ..schema import Place
from ..user_lexicon import read_lexicons
from .scored import Scored

# the span keys the two agency rulers (seizure_agencies, seizure_agencies_case) write
AGENCY_RULER_KEYS = ("agencies_lower", "agencies_case")


class ActorTagger(Scored):
    """Agencies and operations from the agency rulers' spans; places from the gazetteer and a model's NER."""

    def __init__(
        self, nlp: Language, name: str = "seizure_actors", lexicons=(), scorer: Callable | None = None
    ) -> None:
        self.name = name
        self.nlp = nlp
        self.scorer = scorer
        self.lexicons = list(lexicons)
        extra = {p["pattern"]: (p["pattern"], p["id"]) for p in read_lexicons(lexicons).of("PLACE")}
        self.gazetteer = {**gazetteer(), **extra} if extra else None  # None: the package's own
        self.known = frozenset(extra)

    def __call__(self, doc: Doc) -> Doc:
        found = [sp for key in AGENCY_RULER_KEYS for sp in doc.spans.get(key, [])]
        for key in AGENCY_RULER_KEYS:
            if key in doc.spans:
                del doc.spans[key]
        if ext.gated(doc, self.nlp):
            for key in (ext.AGENCIES_KEY, ext.OPERATIONS_KEY, ext.PLACES_KEY):
                doc.spans[key] = []
            return doc
        found = sorted(filter_spans(found), key=lambda sp: sp.start)
        doc.spans[ext.AGENCIES_KEY] = [s for s in found if s.label_ == "AGENCY"]
        doc.spans[ext.OPERATIONS_KEY] = [s for s in found if s.label_ == "OPERATION"]
        title_end = ext.get(doc, ext.TITLE_END) or 0
        places: list[Span] = []
        seen = set()
        for m in find_places(ext.doc_text(doc), title_end=title_end, gaz=self.gazetteer, known=self.known):
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


@Language.factory(
    "seizure_actors",
    requires=["doc.spans"],  # the agency rulers' spans
    assigns=["doc.spans", "span._.place"],
    default_config={
        "lexicons": [],
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "places"},
    },
)
def make_actors(nlp: Language, name: str, *, lexicons: list[str], scorer: Callable | None) -> ActorTagger:
    return ActorTagger(nlp, name, lexicons=lexicons, scorer=scorer)
