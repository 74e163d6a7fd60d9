"""Every linking rule has examples (``tests/rules/<stage>.jsonl``, sentences written for them) and
does on them what it says: the rule fires (it decided a field or left a trace) and the expected
event is there, with the rule as the provenance of the field it decides."""

from __future__ import annotations

import json

import pytest

from extractor import extensions as ext
from extractor.linking import RULES

from .conftest import ROOT

RULE_DIR = ROOT / "tests" / "rules"
# rule id -> why its example does not pass yet (strict xfail: remove it when it passes)
KNOWN_FAILURES: dict[str, str] = {}


def _examples():
    out = []
    for path in sorted(RULE_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                ex = json.loads(line)
                reason = KNOWN_FAILURES.get(ex["rule"])
                marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                out.append(pytest.param(ex, id=f"{ex['rule']}:{path.stem}{n}", marks=marks))
    return out


EXAMPLES = _examples()


def _matches(e, want: dict) -> bool:
    a = e.amount
    for key, value in want.items():
        if key == "amount":
            got = a.value if a else None
            ok = got == value if value is None or got is None else abs(got - value) <= 1e-6 * max(1, value)
        elif key == "unit":
            ok = a is not None and a.unit == value
        elif key == "date":
            ok = e.date is not None and [e.date.start.isoformat(), e.date.end.isoformat()] == value
        elif key == "location":
            ok = e.location is not None and e.location.name == value
        else:
            ok = getattr(e, key) == value
        if not ok:
            return False
    return True


@pytest.mark.parametrize("ex", EXAMPLES)
def test_rule_example(extractor, ex):
    doc = extractor.nlp(extractor.make_doc(ex["text"], ex.get("published"), ex.get("title")))
    events = doc._.get(ext.SEIZURE_EVENTS)
    fired = {r for r, _t, _d in doc._.get(ext.SEIZURE_TRACE)} | {
        r for e in events for _f, r, _t in e.provenance
    }
    assert ex["rule"] in fired, (sorted(fired), [e.to_dict() for e in events])
    if "events" in ex:
        assert len(events) == ex["events"], [e.to_dict(explain=True) for e in events]
    if "event" in ex:
        hits = [e for e in events if _matches(e, ex["event"])]
        assert hits, [e.to_dict(explain=True) for e in events]
        if "field" in ex:
            assert any((ex["field"], ex["rule"]) in {(f, r) for f, r, _t in e.provenance} for e in hits), [
                e.to_dict(explain=True) for e in hits
            ]


def test_every_rule_has_an_example():
    covered = {p.values[0]["rule"] for p in EXAMPLES}
    assert not set(RULES) - covered, sorted(set(RULES) - covered)
    assert not covered - set(RULES), sorted(covered - set(RULES))


def test_every_rule_has_a_one_line_doc_with_a_dutch_example():
    for r in RULES.values():
        assert '"' in r.doc and r.doc.endswith((".", '"')), r.id


def test_rule_order_in_the_data_names_registered_rules():
    from extractor.linking.params import params

    p = params()
    listed = [*p.anchor_order, *p.kind_order, *p.merge_order, *(r for v in p.slots.values() for r in v)]
    assert not set(listed) - set(RULES), sorted(set(listed) - set(RULES))


def test_linking_data_rejects_unknown_and_missing_keys():
    from extractor.linking.params import DataError, _check

    _check("ok", {"a": 1, "b": 2}, {"a", "b"})
    for data in ({"a": 1, "b": 2, "typo": 3}, {"a": 1}):
        with pytest.raises(DataError):
            _check("linking.json", data, {"a", "b"})
