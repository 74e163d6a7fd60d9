"""Golden tests: the seed, the project's corpus and (when present) the shared dev corpus, scored
with the matching of shared/tools/score_events.py (implemented in extractor.evaluate)."""

from __future__ import annotations

import json

import pytest

from extractor.evaluate import score
from extractor.io import read_records

from .conftest import CORPUS, ROOT, SHARED_DEV

LEVELS = json.loads((ROOT / "tests" / "golden_levels.json").read_text(encoding="utf-8"))
SEED = CORPUS / "seed" / "000_07dd98d5d2c6aa82.txt"


def _gold(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(result, levels):
    assert result["f1"] >= levels["f1"], result
    for field, (acc, n) in result["fields"].items():
        if n:
            assert acc >= levels[field], (field, acc, result)


def test_seed_gives_exactly_its_six_events(extractor):
    rec = next(extractor.pipe(read_records([str(SEED)])))
    assert rec["published"] == "2021-06"
    events = rec["events"]
    assert [e["amount"]["value"] for e in events] == [54500, 65500, 19501, 52500, 27000, 11000]
    assert all(e["drug"] == "cocaine" and e["location"]["name"] == "Antwerpen" for e in events)
    assert [e["kind"] for e in events] == ["aggregate"] * 5 + ["seizure"]
    assert events[-1]["date"]["start"] == "2021-04-02" and events[-1]["date"]["end"] == "2021-04-03"
    assert events[2]["date"]["start"] == "2020-01-01" and events[2]["date"]["end"] == "2020-05-31"
    assert events[4]["value_eur"] == 1.4e9 and events[4]["operation"] == "Sky ECC"


def test_seed_scores_perfectly_against_its_gold(extractor):
    gold = [g for g in _gold(CORPUS / "gold.jsonl") if g["id"] == f"seed/{SEED.stem}"]  # its id in corpus/
    rec = next(extractor.pipe(read_records([str(SEED)])))
    assert rec["id"] == SEED.stem  # a file named directly: its own name
    r = score(gold, {gold[0]["id"]: rec})
    assert (r["tp"], r["fp"], r["fn"]) == (6, 0, 0)


def test_project_corpus(extractor):
    gold = _gold(CORPUS / "gold.jsonl")
    preds = {r["id"]: r for r in extractor.pipe(read_records([str(CORPUS)]))}
    assert set(preds) == {g["id"] for g in gold}
    _check(score(gold, preds), LEVELS["corpus"])


@pytest.mark.skipif(
    not (SHARED_DEV / "gold.jsonl").exists(), reason="../shared/corpus-dev is not beside this checkout"
)
def test_shared_dev_corpus(extractor):
    gold = _gold(SHARED_DEV / "gold.jsonl")
    preds = {r["id"]: r for r in extractor.pipe(read_records([str(SHARED_DEV / "articles.jsonl")]))}
    _check(score(gold, preds), LEVELS["corpus-dev"])


def test_scorer_agrees_with_the_reference_definition():
    """A few hand-made pairs through our scorer (the reference tool is not imported: it lives outside the project)."""
    gold = [{"id": "a", "events": [
        {"drug": "cocaine", "amount": {"value": 100, "unit": "kg"}, "kind": "seizure", "date": {"start": "2021-04", "end": "2021-04"}, "location": ["Gent"], "value_eur": 5e6},
        {"drug": "heroin", "amount": None, "kind": "seizure", "date": None, "location": None, "value_eur": None},
    ]}]  # fmt: skip
    pred = {"a": {"id": "a", "events": [
        {"drug": "cocaine", "amount": {"value": 101.5, "unit": "kg"}, "kind": "aggregate", "date": {"start": "2021-04-03", "end": "2021-04-03"}, "location": {"name": "Gent"}, "value_eur": 5.05e6},
        {"drug": "heroin", "amount": {"value": None, "unit": "kg"}},
        {"drug": "mdma", "amount": None},
    ]}}  # fmt: skip
    r = score(gold, pred)
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 0)
    assert (
        r["fields"]["kind"] == (0.0, 2)
    )  # both matched pairs have a gold kind; the prediction gets neither right and r["fields"]["date"] == (1.0, 1)
    assert r["fields"]["location"] == (1.0, 1) and r["fields"]["value_eur"] == (1.0, 1)
