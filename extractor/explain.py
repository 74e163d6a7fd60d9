"""``extractor explain``: why each event has its fields, and what linking set aside.

For each article: every event with, per field, the id of the rule that decided it and the text
it used; then the traces: sentences gated out, mentions skipped and candidates dropped, with
the rule that did it. Rule ids and their one-line descriptions are in ``extractor.linking.RULES``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import extensions as ext
from .api import Extractor, RecordError
from .linking import RULES

FIELDS = ("drug", "amount", "kind", "date", "location", "value_eur", "agency", "operation", "origin")


def _value(e, field: str) -> str:
    if field == "amount":
        return f"{e.amount.value:g} {e.amount.unit}" if e.amount else "-"
    if field == "date":
        return f"{e.date.start}..{e.date.end}" if e.date else "-"
    if field in ("location", "origin"):
        p = getattr(e, field)
        return f"{p.name} ({p.country or '?'})" if p else "-"
    if field == "agency":
        return ", ".join(e.agency) or "-"
    v = getattr(e, field)
    return "-" if v is None else str(v)


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def explain_doc(doc) -> Iterator[str]:
    """Lines explaining one processed Doc."""
    events = doc._.get(ext.SEIZURE_EVENTS) or []
    for k, e in enumerate(events, 1):
        yield f"event {k}: {e.drug} {_value(e, 'amount')} {e.kind}  [{_short(e.evidence.sentence)}]"
        why = {f: (r, t) for f, r, t in e.provenance}
        for f in FIELDS:
            rule_id, text = why.get(f, ("-", ""))
            used = f'"{_short(text, 40)}"' if text else ""
            yield f"  {f:<10} {_value(e, f):<28} {rule_id:<34} {used}"
    if not events:
        yield "no events"
    traces = doc._.get(ext.SEIZURE_TRACE) or []
    if traces:
        yield "decided besides the fields:"
    for rule_id, text, detail in traces:
        yield f"  {rule_id:<34} {detail + ': ' if detail else ''}{_short(text)}"


def explain_records(records: Iterable[dict], ex: Extractor, only_id: str | None = None) -> Iterator[str]:
    """Lines explaining each record (or only the one with ``only_id``)."""
    for rec in records:
        rid = str(rec.get("id")) if isinstance(rec, dict) else "?"
        if only_id is not None and rid != only_id:
            continue
        yield f"== {rid} (published {rec.get('published') if isinstance(rec, dict) else None})"
        try:
            doc = ex.nlp(ex._doc_for(rec))
        except RecordError as e:
            yield f"error: {e}"
            continue
        yield from explain_doc(doc)
        yield ""


def rule_table() -> Iterator[str]:
    """Every registered rule: its id and what it decides, with its Dutch example."""
    for r in sorted(RULES.values(), key=lambda r: r.id):
        yield f"{r.id:<34} {r.doc}"
