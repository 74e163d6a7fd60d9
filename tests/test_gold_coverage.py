"""Every amount and every event date in the gold of corpus/ is found by the components in its article;
for ../shared/corpus-dev (when present) this is a ratchet: the gold items listed with their reason in
``known_failures.json`` are strict xfails, every other article must be covered."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from extractor.evaluate import _bounds, _day
from extractor.io import read_records

from .conftest import CORPUS, ROOT, SHARED_DEV

KNOWN = json.loads((ROOT / "tests" / "known_failures.json").read_text(encoding="utf-8"))


def _pairs(articles_path, gold_path):
    if not gold_path.exists():
        return []
    arts = {str(r["id"]): r for r in read_records([str(articles_path)]) if not r.get("error")}
    out = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            if str(g["id"]) in arts:
                out.append((arts[str(g["id"])], g))
    return out


CASES = _pairs(CORPUS, CORPUS / "gold.jsonl") + _pairs(
    SHARED_DEV / "articles.jsonl", SHARED_DEV / "gold.jsonl"
)


def _params(what: str):
    """The cases, the known failures of ``what`` marked as strict xfails with their reason."""
    out = []
    for rec, gold in CASES:
        reason = KNOWN[what].get(str(gold["id"]))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(rec, gold, id=str(gold["id"]), marks=marks))
    return out


def _doc(extractor, rec):
    return extractor.nlp(extractor.make_doc(rec["text"], rec.get("published"), rec.get("title")))


@pytest.mark.parametrize("rec,gold", _params("amounts"))
def test_every_gold_amount_is_found(extractor, rec, gold):
    doc = _doc(extractor, rec)
    found = [s._.amount for s in doc.spans["amounts"]]
    for e in gold["events"]:
        a = e.get("amount")
        if not a:
            continue
        assert any(
            f.value is not None
            and f.unit in (a["unit"], "units")
            and abs(f.value - a["value"]) <= 0.02 * a["value"]
            for f in found
        ), (a, [(f.value, f.unit) for f in found])


@pytest.mark.parametrize("rec,gold", _params("dates"))
def test_every_gold_date_is_produced(extractor, rec, gold):
    doc = _doc(extractor, rec)
    found = [s._.date_interval for s in doc.spans["dates"]]
    one = timedelta(days=1)
    for e in gold["events"]:
        if not e.get("date"):
            continue
        lo, hi = (_day(x) for x in _bounds(e["date"]))
        produced = [iv for iv in found if lo - one <= iv.start and iv.end <= hi + one]
        # a running total ("op 31 mei 2020 ... in totaal") is the year up to the day the text gives
        produced += [iv for iv in found if iv.end == hi and lo == date(hi.year, 1, 1)]
        assert produced, (e["date"], [(iv.text, iv.start, iv.end) for iv in found])
