"""The events component: seizure events from the other components' spans (``doc._.seizure_events``).

The linking stages are pure functions in ``extractor.linking``; this component only
collects spans as character offsets and splits sentences (also at line breaks, so
a table line "Cocaïne: 27,7 g" is a sentence of its own). Besides the events it keeps the
linker's trace (``doc._.seizure_trace``: rule id, text, detail) for ``extractor explain``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from .. import extensions as ext
from ..evaluate import score
from ..linking import Mention, link
from .scored import Scored

_LINE_BREAK = re.compile(r"\n\s*")


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character ranges, split further at line breaks and at the end of the title."""
    text = ext.doc_text(doc)
    # read the boundaries as one array: doc.sents and has_annotation build a Python object per token
    arr = doc.to_array([SENT_START, IDX]) if len(doc) else None
    starts = arr[arr[:, 0] == 1, 1].tolist() if arr is not None else []
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    raw = list(zip(starts, starts[1:] + [len(text)], strict=True))
    title_end = ext.get(doc, ext.TITLE_END) or 0
    out: list[tuple[int, int]] = []
    for s, e in raw:
        cuts = [s]
        if s < title_end < e:
            cuts.append(title_end)
        if text.find("\n", s, e) >= 0:  # most sentences hold no line break: not sliced nor searched
            cuts += [s + m.end() for m in _LINE_BREAK.finditer(text[s:e]) if s + m.end() < e]
        cuts = sorted(set(cuts)) + [e]
        for a, b in zip(cuts, cuts[1:], strict=False):
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out


def _mentions(doc: Doc, key: str, attr: str | None = None, use_id: bool = False) -> list[Mention]:
    text = ext.doc_text(doc)
    data = doc.user_data  # where spaCy keeps span extension values: read directly, not through Span._
    out = []
    for span in doc.spans.get(key, []):
        s, e = span.start_char, span.end_char
        if attr:
            value = data.get(("._.", attr, s, e))
        else:
            value = span.id_ if use_id else text[s:e]
        out.append(Mention(s, e, text[s:e], value))
    return out


class EventBuilder(Scored):
    def __init__(self, nlp: Language, name: str = "seizure_events", scorer: Callable | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        if ext.gated(doc, self.nlp):
            ext.put(doc, ext.SEIZURE_EVENTS, [])
            ext.put(doc, ext.SEIZURE_TRACE, [])
            ext.forget_text(doc)
            return doc
        mentions = {
            "amounts": _mentions(doc, ext.AMOUNTS_KEY, ext.AMOUNT),
            "dates": _mentions(doc, ext.DATES_KEY, ext.DATE),
            "drugs": _mentions(doc, ext.DRUGS_KEY, use_id=True),
            "places": _mentions(doc, ext.PLACES_KEY, ext.PLACE),
            "agencies": _mentions(doc, ext.AGENCIES_KEY, use_id=True),
            "operations": _mentions(doc, ext.OPERATIONS_KEY, use_id=True),
        }
        linked = link(ext.doc_text(doc), sentence_bounds(doc), mentions, ext.get(doc, ext.TITLE_END) or 0)
        ext.put(doc, ext.SEIZURE_EVENTS, linked.events)
        ext.put(doc, ext.SEIZURE_TRACE, [(t.rule, t.text, t.detail) for t in linked.traces])
        ext.forget_text(doc)
        return doc


@Language.factory(
    "seizure_events",
    requires=["doc.spans", "span._.amount", "span._.date_interval", "span._.place"],
    assigns=["doc._.seizure_events", "doc._.seizure_trace"],
    default_config={"scorer": {"@scorers": "extractor.events_scorer.v1"}},
    default_score_weights={"events_f": 1.0, "events_p": 0.0, "events_r": 0.0},
)
def make_events(nlp: Language, name: str, *, scorer: Callable | None) -> EventBuilder:
    return EventBuilder(nlp, name, scorer=scorer)


@registry.scorers("extractor.events_scorer.v1")
def make_events_scorer() -> Callable:
    return score_events


def score_events(examples, **kwargs) -> dict:
    """Events of ``example.predicted`` against the gold events (output-contract dicts) set on
    ``example.reference._.seizure_events``, with the matching of ``extractor evaluate``."""
    gold, pred = [], {}
    for i, eg in enumerate(examples):
        gold.append({"id": str(i), "events": list(eg.reference._.get(ext.SEIZURE_EVENTS) or [])})
        pred[str(i)] = {"events": [e.to_dict() for e in eg.predicted._.get(ext.SEIZURE_EVENTS) or []]}
    r = score(gold, pred)
    out = {"events_p": r["precision"], "events_r": r["recall"], "events_f": r["f1"]}
    out.update({f"events_{f}_acc": acc for f, (acc, _n) in r["fields"].items()})
    return out
