"""The pipeline as spaCy users expect it (issue 16): a config that assembles it, saving and loading
with the lexicons, patterns.jsonl a user can edit, nlp.evaluate, no finder run while building,
and user lexicons from the API and the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from spacy.training import Example

from extractor import Extractor, load
from extractor import extensions as ext
from extractor.evaluate import score
from extractor.io import read_records
from extractor.pipeline import CONFIG
from extractor.user_lexicon import LexiconError, read_lexicons

from .conftest import CORPUS, SHARED_DEV
from .test_cli import run

TEXT = "De douane heeft dinsdag in Antwerpen 2 ton cocaïne onderschept."


def _records(path):
    return list(read_records([str(path)]))


def _corpora():
    paths = [CORPUS]
    if (SHARED_DEV / "articles.jsonl").exists():
        paths.append(SHARED_DEV / "articles.jsonl")
    return [r for p in paths for r in _records(p)]


def test_saved_pipeline_gives_byte_identical_events(tmp_path):
    nlp = load("blank")
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "seizure_drugs" / "patterns").exists()  # JSONL, as spaCy's span_ruler names it
    assert (tmp_path / "p" / "seizure_agencies_case" / "patterns").exists()
    again = spacy.load(tmp_path / "p")
    records = _corpora()
    before = [json.dumps(r, ensure_ascii=False) for r in Extractor(nlp=nlp).pipe(records)]
    after = [json.dumps(r, ensure_ascii=False) for r in Extractor(nlp=again).pipe(records)]
    assert len(before) == len(records) >= 59
    assert before == after


def test_editing_patterns_jsonl_changes_what_is_found(tmp_path):
    text = "In Genk nam de politie 4 kilo zwarte sneeuw in beslag."
    nlp = load("blank")
    assert Extractor(nlp=nlp).extract(text, "2024-05-02") == []
    nlp.to_disk(tmp_path / "p")
    with open(tmp_path / "p" / "seizure_drugs" / "patterns", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "DRUG", "pattern": "zwarte sneeuw", "id": "cocaine"}) + "\n")
    events = Extractor(nlp=spacy.load(tmp_path / "p")).extract(text, "2024-05-02")
    assert [(e.drug, e.amount.value, e.location.name) for e in events] == [("cocaine", 4.0, "Genk")]


def test_building_the_pipeline_runs_no_finder(monkeypatch):
    from extractor.components import amounts, dates

    calls = {"amounts": 0, "dates": 0}

    def counting(name, fn):
        def wrapped(*a, **k):
            calls[name] += 1
            return fn(*a, **k)

        return wrapped

    monkeypatch.setattr(amounts, "find_amounts", counting("amounts", amounts.find_amounts))
    monkeypatch.setattr(dates, "find_dates", counting("dates", dates.find_dates))
    nlp = load("blank")
    assert calls == {"amounts": 0, "dates": 0}
    nlp(TEXT)  # the counters count: running the pipeline calls each finder once
    assert calls == {"amounts": 1, "dates": 1}


def test_the_shipped_config_assembles_the_pipeline_and_fills():
    cfg = spacy.util.load_config(CONFIG)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    assert nlp.pipe_names == load("blank").pipe_names
    nlp.initialize()  # patterns from the registered functions in [initialize]
    assert [e.drug for e in nlp(TEXT)._.seizure_events] == ["cocaine"]
    out = subprocess.run(
        [sys.executable, "-m", "spacy", "init", "fill-config", str(CONFIG), "-"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "extractor.drug_patterns.v1" in out.stdout and "seizure_lexicon" in out.stdout


def test_factories_declare_their_config_and_what_they_assign():
    nlp = load("blank")
    for name in ("seizure_amounts", "seizure_dates", "seizure_actors", "seizure_events", "seizure_drugs"):
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, name
        assert "scorer" in meta.default_config, name
    assert "doc.spans" in nlp.get_pipe_meta("seizure_dates").requires  # the amounts it must not overlap


def test_nlp_evaluate_reports_the_events_score_of_extractor_evaluate(extractor):
    gold = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {str(g["id"]): g for g in gold}
    records = [r for r in _records(CORPUS) if str(r.get("id")) in by_id]
    examples = []
    for r in records:
        predicted = extractor.make_doc(r["text"], r.get("published"), r.get("title"))
        reference = predicted.copy()
        reference._.set(ext.SEIZURE_EVENTS, by_id[str(r["id"])]["events"])
        examples.append(Example(predicted, reference))
    scores = extractor.nlp.evaluate(examples)
    expected = score(gold, {str(r["id"]): r for r in extractor.pipe(records)})
    assert len(examples) == len(gold) >= 59
    assert scores["events_f"] == expected["f1"] and scores["events_p"] == expected["precision"]
    assert scores["events_kind_acc"] == expected["fields"]["kind"][0]


LEXICON = [
    {"drug": "nitazene", "parent": "synthetic"},
    {"label": "DRUG", "pattern": "isotonitazeen", "id": "nitazene"},
    {"label": "DRUG", "pattern": "snoepjes", "id": "mdma"},
    {"label": "AGENCY", "pattern": "havenrecherche", "id": "politie"},
    {"label": "PLACE", "pattern": "Oudeschip", "id": "NL"},
]


def _write(path, rows):
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8"
    )
    return path


def test_a_user_lexicon_from_the_api(tmp_path):
    lex = _write(tmp_path / "mine.jsonl", LEXICON)
    ex = Extractor(model="blank", lexicons=[lex])
    events = ex.extract("De havenrecherche vond in Oudeschip 800 gram isotonitazeen.", "2024-05-02")
    assert [(e.drug, e.amount.value, e.location.name, e.agency) for e in events] == [
        ("nitazene", 0.8, "Oudeschip", ("politie",))
    ]
    assert [e.drug for e in ex.extract("Agenten namen 200 snoepjes in beslag.", "2024-05-02")] == ["mdma"]
    plain = Extractor(model="blank")
    assert plain.extract("De havenrecherche vond in Oudeschip 800 gram isotonitazeen.", "2024-05-02") == []


def test_a_user_lexicon_from_the_command_line(tmp_path):
    lex = _write(tmp_path / "mine.jsonl", LEXICON)
    src = _write(
        tmp_path / "in.jsonl",
        [{"id": "a", "published": "2024-05-02", "text": "De douane vond 3 kilo isotonitazeen."}],
    )
    out = run("extract", str(src), "--lexicon", str(lex), "-q")
    rec = json.loads(out.stdout)
    assert [(e["drug"], e["amount"]["value"]) for e in rec["events"]] == [("nitazene", 3.0)]
    assert json.loads(run("extract", str(src), "-q").stdout)["events"] == []


BAD_LEXICONS = [
    (["{not json"], "mine.jsonl:1: not a JSON line"),
    (['["DRUG", "x"]'], "mine.jsonl:1: an entry must be a JSON object"),
    ([{"label": "DRUGS", "pattern": "x", "id": "mdma"}], "mine.jsonl:1: label must be one of"),
    ([{"label": "DRUG", "pattern": "", "id": "mdma"}], "mine.jsonl:1: pattern must be"),
    ([{"label": "DRUG", "pattern": "x"}], "mine.jsonl:1: every entry needs an id"),
    (
        [{"label": "DRUG", "pattern": "x", "id": "nitazene"}],
        "mine.jsonl:1: drug id 'nitazene' is neither known nor declared",
    ),
    (["# my terms", {"drug": "nitazene", "parent": "sweets"}], "mine.jsonl:2: parent 'sweets'"),
    ([{"drug": "Nita Zene"}], "mine.jsonl:1: a declared drug id must be a lower-case word"),
    (
        [{"label": "PLACE", "pattern": [{"LOWER": "x"}], "id": "NL"}],
        "mine.jsonl:1: a PLACE pattern is the place's name",
    ),
]


@pytest.mark.parametrize(
    "rows,message", BAD_LEXICONS, ids=[m.split(": ", 1)[1][:30] for _, m in BAD_LEXICONS]
)
def test_a_malformed_lexicon_is_a_clear_error(tmp_path, rows, message):
    lex = _write(tmp_path / "mine.jsonl", rows)
    with pytest.raises(LexiconError, match=message.replace("(", r"\(")):
        read_lexicons([lex])
    src = _write(tmp_path / "in.jsonl", [{"id": "a", "text": "De douane vond 3 kilo cocaïne."}])
    p = run("extract", str(src), "--lexicon", str(lex), "-q", check=False)
    assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_a_missing_lexicon_file_is_a_clear_error(tmp_path):
    src = _write(tmp_path / "in.jsonl", [{"id": "a", "text": "De douane vond 3 kilo cocaïne."}])
    p = run("extract", str(src), "--lexicon", str(tmp_path / "nope.jsonl"), "-q", check=False)
    assert (
        p.returncode == 2
        and "nope.jsonl: cannot read the lexicon" in p.stderr
        and "Traceback" not in p.stderr
    )
