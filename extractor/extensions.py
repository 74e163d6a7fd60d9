"""Every Doc/Span extension the extractor uses, declared in one place and registered at import.

Values are frozen dataclasses from ``schema`` (picklable), so they survive
``nlp.pipe(n_process=N)`` and ``Doc.to_bytes``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

import srsly
from spacy.tokens import Doc, Span

from . import schema

if TYPE_CHECKING:
    from .relevance import Vocabulary

# Doc
PUBLISHED = "published"  # the publication date as given: "2021-06-09", "2021-06" or None
TITLE_END = "title_end"  # character offset where the title ends in doc.text (0 when there is no title)
SEIZURE_EVENTS = "seizure_events"  # list[SeizureEvent] set by the events component
SEIZURE_TRACE = "seizure_trace"  # list of (rule id, text, detail): what linking decided besides the fields
TRUNCATED = "truncated"  # True when the text was cut at the length limit
# the relevance gate's answer (None until asked): False means no component works on it; an Extractor
# records True on a Doc it let through, and on every Doc when its gate is off
RELEVANT = "relevant"
SOURCE_TEXT = "source_text"  # doc.text, kept while the pipeline runs (None outside it)
RECORD = "record"  # the position of the input record a Doc was made from (Extractor.pipe), else None
# (original text, offset of each character of doc.text in it) when invisible format characters were
# stripped before matching (Extractor.make_doc), else None: evidence offsets index the original
ORIGINAL = "original_text"

# Span
AMOUNT = "amount"  # Amount on spans in doc.spans["amounts"]
DATE = "date_interval"  # DateInterval on spans in doc.spans["dates"]
PLACE = "place"  # Place on spans in doc.spans["places"]

# doc.spans keys
AMOUNTS_KEY = "amounts"
DATES_KEY = "dates"
DRUGS_KEY = "drugs"
PLACES_KEY = "places"
AGENCIES_KEY = "agencies"
OPERATIONS_KEY = "operations"


_CLASSES = {
    c.__name__: c
    for c in (schema.Amount, schema.DateInterval, schema.Place, schema.Evidence, schema.SeizureEvent)
}


@srsly.msgpack_encoders("extractor_values")
def _encode(obj, chain=None):
    """Our dataclasses (and dates) through msgpack, so Doc.to_bytes and n_process > 1 carry them."""
    if type(obj).__name__ in _CLASSES and dataclasses.is_dataclass(obj):
        return {
            "__xtr__": type(obj).__name__,
            **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)},
        }
    if type(obj) is date:
        return {"__date__": obj.isoformat()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("extractor_values")
def _decode(obj, chain=None):
    if isinstance(obj, dict):
        if "__xtr__" in obj:
            cls = _CLASSES[obj["__xtr__"]]
            kwargs = {k: v for k, v in obj.items() if k != "__xtr__"}
            if cls is schema.SeizureEvent:
                kwargs["agency"] = tuple(kwargs.get("agency") or ())
                kwargs["provenance"] = tuple(tuple(p) for p in kwargs.get("provenance") or ())
            return cls(**kwargs)
        if "__date__" in obj and len(obj) == 1:
            return date.fromisoformat(obj["__date__"])
    return obj if chain is None else chain(obj)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc and kept on ``doc._.source_text`` while the pipeline
    runs: the property joins every token again on each call."""
    text = get(doc, SOURCE_TEXT)
    if text is None:
        text = doc.text
        put(doc, SOURCE_TEXT, text)
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the text a Doc was made from (``doc.text`` must equal it)."""
    put(doc, SOURCE_TEXT, text)


def forget_text(doc: Doc) -> None:
    """Drop the kept text at the end of the pipeline (it would double a saved Doc)."""
    put(doc, SOURCE_TEXT, None)


def gated(doc: Doc, nlp) -> bool:
    """True when the relevance gate rejects the Doc (asked once, on the Doc's text, when not yet known).

    The gate's words are the pipeline's drug lexicon (``seizure_drugs``): a drug a user added
    opens it too. A tagger in a pipeline without the events component (a user who only wants
    amounts or dates) is not gated unless the Doc was already rejected: the gate is about seizures.
    """
    if get(doc, RELEVANT) is None:
        if "seizure_events" not in nlp.pipe_names:
            return False
        from .relevance import relevant

        put(doc, RELEVANT, relevant(doc_text(doc), relevance_vocabulary(nlp)))
    return not get(doc, RELEVANT)


def relevance_vocabulary(nlp) -> Vocabulary | None:
    """The relevance gate's words for ``nlp``: its drug ruler's (None: the package's own)."""
    if "seizure_drugs" in nlp.component_names:
        return getattr(nlp.get_pipe("seizure_drugs"), "relevance_vocabulary", None)
    return None


_DOC_DEFAULTS = {
    PUBLISHED: None, TITLE_END: 0, SEIZURE_EVENTS: None, SEIZURE_TRACE: None, TRUNCATED: False,
    RELEVANT: None, SOURCE_TEXT: None, RECORD: None, ORIGINAL: None,
}  # fmt: skip


def get(doc: Doc, name: str):
    """``doc._.get(name)`` for our Doc extensions, read where spaCy keeps the value (``doc.user_data``):
    ``doc._`` builds an object on every access, and each component reads several per Doc."""
    return doc.user_data.get(("._.", name, None, None), _DOC_DEFAULTS[name])


def put(doc: Doc, name: str, value) -> None:
    """``doc._.set(name, value)`` for our Doc extensions (see ``get``)."""
    doc.user_data[("._.", name, None, None)] = value


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name, default in _DOC_DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in (AMOUNT, DATE, PLACE):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
