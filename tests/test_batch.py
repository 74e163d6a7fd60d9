"""Batch extraction: identical output for any number of workers and for the Dask engine."""

from __future__ import annotations

import json

import pytest

from extractor.batch import run_dask, run_inprocess
from extractor.io import read_records

from .conftest import CORPUS
from .test_cli import lines, run


def _records():
    recs = [r for r in read_records([str(CORPUS)])]
    bad = {
        "id": "bad",
        "_source": "x.jsonl:9",
        "error": {"type": "JSONDecodeError", "message": "x.jsonl:9: not valid JSON"},
    }
    return recs[:10] + [bad] + recs[10:]


def test_workers_give_identical_output(extractor):
    recs = _records()
    one = list(run_inprocess(recs, extractor, workers=1))
    two = list(run_inprocess(recs, extractor, workers=2, batch_size=4))
    assert one == two
    assert [r["id"] for r in one] == [str(r["id"]) for r in recs]


def test_one_chunk_runs_without_forking_and_a_pool_ends_with_its_workers(extractor):
    import multiprocessing as mp

    recs = _records()
    small = run_inprocess(recs[:3], extractor, workers=2, batch_size=4)
    first = next(small)
    assert mp.active_children() == []  # one chunk: no worker processes
    assert [first, *small] == list(run_inprocess(recs[:3], extractor, workers=1))
    assert len(list(run_inprocess(recs, extractor, workers=2, batch_size=4))) == len(recs)
    assert mp.active_children() == []  # the pool closed and joined its workers


def test_dask_local_cluster_equals_inprocess(extractor):
    pytest.importorskip("distributed")
    recs = _records()
    ref = list(run_inprocess(recs, extractor, workers=1))
    got = list(run_dask(recs, model="blank", workers=2, partition_size=5))
    assert got == ref


def test_cli_dask_engine(tmp_path):
    pytest.importorskip("distributed")
    a = lines(run("extract", str(CORPUS), "-q", "-j", "1").stdout)
    b = lines(run("extract", str(CORPUS), "-q", "--engine", "dask", "-j", "2").stdout)
    assert a == b


def test_a_component_failure_is_one_error_record(tmp_path):
    """A real component that raises on one document: that record carries the error, the others go on."""
    from spacy.language import Language

    from extractor import Extractor

    @Language.component("explode_on_boom")
    def explode(doc):
        if "BOOM" in doc.text:
            raise ValueError("cannot handle BOOM")
        return doc

    ex = Extractor(model="blank")
    ex.nlp.add_pipe("explode_on_boom", before="seizure_events")
    recs = [
        {
            "id": "1",
            "published": "2022-03-10",
            "text": "De douane vond 5 kilo cocaïne in Gent.",
            "_source": "f:1",
        },
        {
            "id": "2",
            "published": "2022-03-10",
            "text": "BOOM: de politie vond 3 kilo heroïne.",
            "_source": "f:2",
        },
        {
            "id": "3",
            "published": "2022-03-10",
            "text": "De politie vond 2 kilo speed in Venlo.",
            "_source": "f:3",
        },
    ]
    for n in (1, 2):
        out = list(ex.pipe(recs, n_process=n, batch_size=2))
        assert [o["id"] for o in out] == ["1", "2", "3"]
        assert out[1]["error"]["message"].startswith("f:2: ") and out[1]["events"] == []
        assert out[0]["events"] and out[2]["events"]
    assert "cannot handle BOOM" in list(ex.pipe(recs))[1]["error"]["message"]


def test_output_streams_while_input_is_still_open():
    """Records come out before the input ends: the CLI reads, processes and writes as it goes."""
    import subprocess
    import time

    from .test_cli import CMD

    proc = subprocess.Popen(
        [*CMD, "extract", "-", "-q", "-j", "1", "--batch-size", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    rec = {"id": "first", "published": "2022-03-10", "text": "De douane vond 5 kilo cocaïne in Gent."}
    proc.stdin.write(json.dumps(rec) + "\n" + json.dumps(dict(rec, id="second")) + "\n")
    proc.stdin.flush()
    t0 = time.time()
    first = proc.stdout.readline()  # arrives while stdin is still open
    assert json.loads(first)["id"] == "first", first
    proc.stdin.write(json.dumps(dict(rec, id="third")) + "\n")
    proc.stdin.close()
    rest = [json.loads(line)["id"] for line in proc.stdout.read().splitlines()]
    proc.wait(timeout=60)
    assert rest == ["second", "third"] and time.time() - t0 < 120


def test_memory_zones_free_new_words_and_keep_the_output(monkeypatch):
    """After WARM_DOCS documents, each window's new words live in a spaCy memory zone: the
    vocabulary stops growing with the archive, and every record is what it was without zones."""
    from extractor import api

    recs = _records()
    ex = api.Extractor(model="blank")
    plain = list(ex.pipe(recs, batch_size=4))
    fresh = api.Extractor(model="blank")
    monkeypatch.setattr(api, "WARM_DOCS", 0)
    before = len(fresh.nlp.vocab.strings)
    zoned = list(fresh.pipe(recs, batch_size=4))
    assert zoned == plain and any(r["events"] for r in zoned)
    assert len(fresh.nlp.vocab.strings) == before  # every word the corpus added was freed
    monkeypatch.setattr(api, "WARM_DOCS", 10**9)
    list(fresh.pipe(recs, batch_size=4))
    assert len(fresh.nlp.vocab.strings) > before  # without a zone the new words stay


def test_memory_zones_start_after_the_warm_up(monkeypatch):
    from extractor import api

    recs = [r for r in _records() if "error" not in r]
    monkeypatch.setattr(api, "WARM_DOCS", 4)
    ex = api.Extractor(model="blank")
    start = len(ex.nlp.vocab.strings)
    list(ex.pipe(recs[:12], batch_size=4))  # the warm-up (its words stay), then zones
    grown = len(ex.nlp.vocab.strings)
    assert ex._docs_read >= 4 and grown > start
    list(ex.pipe(recs[12:], batch_size=4))
    assert len(ex.nlp.vocab.strings) == grown


def test_extract_one_text_at_a_time_in_memory_zones(monkeypatch):
    """A caller looping over an archive with ``Extractor.extract`` gets the same bound."""
    from extractor import api

    text = "Agenten van de politie Zwolle vonden woensdag 7 kilo hasj in een schuur aan de Veenkampweg."
    plain = api.Extractor(model="blank").extract(text, "2024-05-02")
    monkeypatch.setattr(api, "WARM_DOCS", 0)
    ex = api.Extractor(model="blank")
    before = len(ex.nlp.vocab.strings)
    assert ex.extract(text, "2024-05-02") == plain and plain[0].amount.value == 7.0
    assert len(ex.nlp.vocab.strings) == before
