"""The command line, run as a real subprocess on real files."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPUS

SEED = CORPUS / "seed" / "000_07dd98d5d2c6aa82.txt"
EXE = Path(sys.executable).parent / "extractor"
CMD = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "extractor"]


def run(*args, stdin=None, check=True):
    p = subprocess.run([*CMD, *args], input=stdin, capture_output=True, text=True, timeout=300)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


ARTICLES = [
    {
        "id": "a1",
        "published": "2022-03-10",
        "title": "Douane vindt cocaïne",
        "text": "De douane heeft dinsdag in Gent 12 kilo cocaïne onderschept.",
    },
    {
        "id": "a2",
        "published": "2022-03-11",
        "title": None,
        "text": "De gemeenteraad praat over drugsoverlast.",
    },
    {
        "id": "a3",
        "published": "2022-03",
        "title": "Plantage",
        "text": "In Genk werd een cannabisplantage met 800 planten opgerold.",
    },
]


@pytest.fixture
def articles_file(tmp_path):
    p = tmp_path / "articles.jsonl"
    p.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return p


def test_help_and_version():
    assert "Examples" in run("extract", "--help").stdout
    assert run("--version").stdout.startswith("extractor ")


def test_seed_to_stdout():
    out = lines(run("extract", str(SEED), "-q", "-j", "1").stdout)
    assert len(out) == 1 and out[0]["published"] == "2021-06"
    assert [e["amount"]["value"] for e in out[0]["events"]] == [54500, 65500, 19501, 52500, 27000, 11000]


def test_jsonl_file_order_and_one_record_each(articles_file, tmp_path):
    out_path = tmp_path / "out.jsonl"
    p = run("extract", str(articles_file), "-o", str(out_path), "-j", "1")
    out = lines(out_path.read_text(encoding="utf-8"))
    assert [r["id"] for r in out] == ["a1", "a2", "a3"]
    assert [len(r["events"]) for r in out] == [1, 0, 1]
    assert "extracted 3 records" in p.stderr


def test_existing_output_is_not_overwritten(articles_file, tmp_path):
    out_path = tmp_path / "out.jsonl"
    out_path.write_text("keep me\n")
    p = run("extract", str(articles_file), "-o", str(out_path), check=False)
    assert p.returncode == 2 and out_path.read_text() == "keep me\n"
    run("extract", str(articles_file), "-o", str(out_path), "--force", "-q", "-j", "1")
    assert len(lines(out_path.read_text())) == 3


def test_resume_appends_the_rest(articles_file, tmp_path):
    out_path = tmp_path / "out.jsonl"
    run("extract", str(articles_file), "-o", str(out_path), "-q", "-j", "1")
    full = out_path.read_text()
    first = full.splitlines(keepends=True)[0]
    out_path.write_text(first + '{"id": "a2", "publ')  # a kill in the middle of the second line
    run("extract", str(articles_file), "-o", str(out_path), "--resume", "-q", "-j", "1")
    assert out_path.read_text() == full


def test_stdin_and_key_renames():
    rec = {
        "doc_id": "x9",
        "datum": "2022-03-10",
        "kop": "Vangst",
        "body": "In Gent werd 5 kilo heroïne gevonden.",
    }
    p = run(
        "extract",
        "-",
        "--id-key",
        "doc_id",
        "--date-key",
        "datum",
        "--title-key",
        "kop",
        "--text-key",
        "body",
        "-q",
        stdin=json.dumps(rec) + "\n",
    )
    out = lines(p.stdout)
    assert (
        out[0]["id"] == "x9"
        and out[0]["published"] == "2022-03-10"
        and out[0]["events"][0]["drug"] == "heroin"
    )


def test_txt_with_date_header_and_directory(tmp_path):
    d = tmp_path / "dir"
    d.mkdir()
    (d / "b.txt").write_text(
        "date 2022-05-04\n\nDe politie vond gisteren 3 kilo speed in Venlo.\n", encoding="utf-8"
    )
    (d / "a.txt").write_text("De douane vond 1 ton cocaïne in Antwerpen.\n", encoding="utf-8")
    (d / "gold.jsonl").write_text('{"id": "not input"}\n')
    out = lines(run("extract", str(d), "-q", "-j", "1").stdout)
    assert [r["id"] for r in out] == ["a", "b"]
    assert out[0]["published"] is None and out[1]["published"] == "2022-05-04"
    assert out[1]["events"][0]["date"]["start"] == "2022-05-03"


def test_missing_id_is_derived_from_file_and_line(tmp_path):
    p = tmp_path / "noid.jsonl"
    p.write_text(json.dumps({"text": "In Gent werd 5 kilo heroïne gevonden."}) + "\n", encoding="utf-8")
    assert lines(run("extract", str(p), "-q").stdout)[0]["id"] == "noid:1"


@pytest.mark.parametrize("suffix,opener", [(".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open)])
def test_compressed_input(tmp_path, suffix, opener):
    p = tmp_path / f"arts.jsonl{suffix}"
    with opener(p, "wt", encoding="utf-8") as fh:
        for a in ARTICLES:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    assert [r["id"] for r in lines(run("extract", str(p), "-q").stdout)] == ["a1", "a2", "a3"]


def test_glob_input(articles_file):
    out = lines(run("extract", str(articles_file.parent / "*.jsonl"), "-q").stdout)
    assert len(out) == 3


def test_per_event_and_csv(articles_file):
    per = lines(run("extract", str(articles_file), "--per-event", "-q").stdout)
    assert [r["article_id"] for r in per] == ["a1", "a3"] and per[0]["drug"] == "cocaine"
    csv_text = run("extract", str(articles_file), "--format", "csv", "-q").stdout
    rows = csv_text.strip().splitlines()
    assert rows[0].startswith("article_id,published,drug") and len(rows) == 4  # a2 has no events: its own row
    assert [r.split(",")[0] for r in rows[1:]] == ["a1", "a2", "a3"]


def test_errors_are_records_and_exit_1(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        '{"id": "ok", "text": "In Gent werd 5 kilo heroïne gevonden."}\n{broken\n[1, 2]\n', encoding="utf-8"
    )
    r = run("extract", str(p), "-q", check=False)
    assert r.returncode == 1
    out = lines(r.stdout)
    assert [o["error"] is None for o in out] == [True, False, False]
    assert "mixed.jsonl:2" in out[1]["error"]["message"] and "mixed.jsonl:3" in out[2]["error"]["message"]


def test_missing_input_is_a_usage_error(tmp_path):
    p = run("extract", str(tmp_path / "nope.jsonl"), check=False)
    assert p.returncode == 2 and "no such file" in p.stderr


def test_evaluate_command(tmp_path):
    pred = tmp_path / "pred.jsonl"
    run("extract", str(CORPUS), "-o", str(pred), "-q", "-j", "1")
    r = run("evaluate", str(CORPUS / "gold.jsonl"), str(pred), "--show", check=False)
    assert "events P=" in r.stdout and r.returncode == 0
    r = run("evaluate", str(CORPUS / "gold.jsonl"), str(pred), "--json")
    assert json.loads(r.stdout)["f1"] >= 0.9


def test_summary_command(tmp_path):
    pred = tmp_path / "pred.jsonl"
    run("extract", str(SEED), "-o", str(pred), "-q")
    out = run("summary", str(pred)).stdout
    assert "1 article, 6 events (1 seizure, 5 totals), 0 errors" in out and "cocaine" in out
    assert "  all drugs             6        1      5   11,000.0 kg" in out  # one row over the drugs


def test_summary_counts_every_unit_and_refuses_other_files(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {
                "id": "p",
                "published": "2023-05-02",
                "text": "Agenten vonden in Venlo 800 hennepplanten en 300 xtc-pillen.",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    pred = tmp_path / "pred.jsonl"
    run("extract", str(src), "-o", str(pred), "-q")
    out = run("summary", str(pred)).stdout
    assert "800 plants" in out and "300 pills" in out and "1 article, 2 events" in out
    for bad in (src, tmp_path / "missing.jsonl"):
        p = run("summary", str(bad), check=False)
        assert p.returncode == 2 and p.stderr.startswith("error: ") and "Traceback" not in p.stderr


def test_explain_flag_adds_provenance_and_nothing_else(tmp_path):
    plain = lines(run("extract", str(SEED), "--quiet").stdout)[0]["events"]
    explained = lines(run("extract", str(SEED), "--quiet", "--explain").stdout)[0]["events"]
    assert all("provenance" not in e for e in plain)
    assert [{k: v for k, v in e.items() if k != "provenance"} for e in explained] == plain
    from extractor.linking import RULES

    for e in explained:
        assert {"kind", "date", "location"} <= set(e["provenance"])
        assert set(e["provenance"].values()) <= set(RULES)


def test_explain_names_the_rule_of_kind_date_and_place_for_each_seed_event():
    import re

    out = run("explain", str(SEED)).stdout
    events = re.split(r"^event \d+: ", out, flags=re.MULTILINE)[1:]
    assert len(events) == 6
    for block in events:
        for field in ("kind", "date", "location"):
            line = next(x for x in block.splitlines() if x.strip().startswith(field + " "))
            assert any(r in line for r in ("kind.", "slot.date.", "slot.place.")), line
    assert "gate.link_line" in out  # the LEES OOK lines are set aside, and said so


def test_explain_one_id_and_the_rule_list(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    out = run("explain", str(src), "--id", "a1").stdout
    assert out.startswith("== a1") and "== a2" not in out
    rules = run("explain", "--rules").stdout
    assert "kind.period_date" in rules and "merge.parts_of_total" in rules


def test_seed_file_as_given_reads_its_inline_date_header(tmp_path):
    """The seed as it was given: ' date 2021-06 In vergelijking met ...' (header and text on one line)."""
    out = lines(run("extract", str(SEED), "--quiet").stdout)[0]
    assert SEED.read_text(encoding="utf-8").lstrip().startswith("date 2021-06 In vergelijking")
    assert out["published"] == "2021-06" and len(out["events"]) == 6


@pytest.mark.parametrize(
    "content,published,first_words",
    [
        (
            "\ufeffdate 2022-03-01\n\nDe douane vond 5 kilo cocaïne.",
            "2022-03-01",
            "De douane",
        ),  # a byte-order mark
        ("date 2022-03 De douane vond 5 kilo cocaïne.", "2022-03", "De douane"),
        ("De douane vond op date 2022-03 niets.", None, "De douane"),  # not at the start: no header
    ],
)
def test_txt_date_header_forms(tmp_path, content, published, first_words):
    f = tmp_path / "a.txt"
    f.write_text(content, encoding="utf-8")
    from extractor.io import read_records

    rec = next(read_records([str(f)]))
    assert rec["published"] == published and rec["text"].startswith(first_words)


def _one_article(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    return src


def test_resume_refuses_a_file_it_did_not_write(tmp_path):
    src, other = _one_article(tmp_path), tmp_path / "notes.csv"
    other.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    p = run("extract", str(src), "-o", str(other), "--resume", check=False)
    assert p.returncode == 2 and "not an article record" in p.stderr and "Traceback" not in p.stderr
    assert other.read_text(encoding="utf-8") == "a,b,c\n1,2,3\n"  # untouched


def test_resume_refuses_the_output_of_another_run(tmp_path):
    """The run records its inputs and options beside its output (OUT.run.json); --resume with other
    inputs or options is refused and changes nothing, with the same ones it continues."""
    src = _one_article(tmp_path)
    other = tmp_path / "other.jsonl"
    other.write_text(src.read_text(encoding="utf-8").replace('"id": "', '"id": "x'), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run("extract", str(src), "-o", str(out), "-q")
    record = json.loads((tmp_path / "out.jsonl.run.json").read_text(encoding="utf-8"))
    assert record["inputs"] == [str(src.resolve())] and record["max_chars"] == 1_000_000
    before = out.read_bytes()
    for args in ([str(other)], [str(src), "--max-chars", "5000"], [str(src), "--explain"]):
        p = run("extract", *args, "-o", str(out), "--resume", check=False)
        assert p.returncode == 2 and "written with other" in p.stderr and "Traceback" not in p.stderr
        assert out.read_bytes() == before
    assert run("extract", str(src), "-o", str(out), "--resume", "-q").returncode == 0


def test_output_that_is_an_input_is_refused(tmp_path):
    src = _one_article(tmp_path)
    before = src.read_bytes()
    link = tmp_path / "link.jsonl"
    link.symlink_to(src)
    for out in (src, link):
        p = run("extract", str(src), "-o", str(out), "--force", check=False)
        assert p.returncode == 2 and "also an input" in p.stderr
    assert src.read_bytes() == before


@pytest.mark.parametrize("size", ["0", "-3"])
def test_batch_size_below_one_is_a_usage_error(tmp_path, size):
    p = run("extract", str(_one_article(tmp_path)), "--batch-size", size, check=False)
    assert p.returncode == 2 and "--batch-size" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_corrupt_and_truncated_archives_are_error_records_and_the_run_goes_on(tmp_path, workers):
    src = _one_article(tmp_path)
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(src.read_bytes() * 3))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[:30])
    fake = tmp_path / "fake.jsonl.gz"
    fake.write_text("not gzip at all\n", encoding="utf-8")
    p = run("extract", str(cut), str(fake), str(good), str(src), "--quiet", "--workers", workers, check=False)
    recs = lines(p.stdout)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert [r["id"] for r in recs] == ["cut:1", "fake:1", "a1", "a1", "a1", "a1"]
    assert recs[0]["error"] and recs[1]["error"] and not any(r["error"] for r in recs[2:])


def _cli_files(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "De douane vond 3 kilo cocaïne."}) + "\n", encoding="utf-8")
    run("extract", str(src), "-q", "--per-event", "-o", str(tmp_path / "pe.jsonl"))
    return src


ERROR_PATHS = [  # (arguments, what the one line must say); {d} is the test's directory
    (["report", "{d}/nope.jsonl"], "{d}/nope.jsonl: no such file or directory"),
    (["evaluate", "{d}/nope.jsonl"], "{d}/nope.jsonl: no such file or directory"),
    (["show", "{d}/nope.jsonl", "-o", "{d}/s.html"], "no such file, directory or glob match"),
    (["explain", "{d}/nope.jsonl"], "no such file, directory or glob match"),
    (["summary", "{d}/nope.jsonl"], "{d}/nope.jsonl"),
    (
        ["extract", "{d}/in.jsonl", "--model", "nl_core_news_nothere", "-q"],
        "Can't find model 'nl_core_news_nothere'",
    ),
    (
        ["report", "{d}/pe.jsonl", "-o", "{d}/r.html"],
        "{d}/pe.jsonl: not article records of 'extractor extract' (line 1)",
    ),
    (["report", "{d}/in.jsonl", "-o", "{d}/r.html"], "{d}/in.jsonl: not article records"),
    (["evaluate", str(CORPUS / "gold.jsonl"), "{d}/in.jsonl"], "{d}/in.jsonl: not article records"),
    (["summary", str(CORPUS / "gold.jsonl")], "gold.jsonl: not article records"),
]


@pytest.mark.parametrize(
    "args,message", ERROR_PATHS, ids=[" ".join(a[:1] + [m[:25]]) for a, m in ERROR_PATHS]
)
def test_every_command_reports_an_error_as_one_line(tmp_path, args, message):
    _cli_files(tmp_path)
    p = run(*[a.format(d=tmp_path) for a in args], check=False)
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert message.format(d=tmp_path) in p.stderr


def test_debug_shows_the_traceback_and_h_is_help(tmp_path):
    p = run("--debug", "report", str(tmp_path / "nope.jsonl"), check=False)
    assert p.returncode != 0 and "Traceback" in p.stderr and "FileNotFoundError" in p.stderr
    assert "extract" in run("-h").stdout and "--lexicon" in run("extract", "-h").stdout


def _table_input(tmp_path):
    rows = [
        {
            "id": "a",
            "published": "2024-05-02",
            "text": "De douane vond in Antwerpen tussen 5 en 7 kilo cocaïne.",
        },
        {"id": "b", "published": "2024-05-02", "text": "Ajax won zondag met 3-1 van PSV."},
        {"id": "c", "published": "2024-05-02", "text": "In Venlo nam de politie 300 xtc-pillen in beslag."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return src


def test_csv_has_every_article_and_ranges(tmp_path):
    import csv

    out = tmp_path / "t.csv"
    run("extract", str(_table_input(tmp_path)), "--format", "csv", "-o", str(out), "-q")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM unless asked
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    assert [r["article_id"] for r in rows] == ["a", "b", "c"]  # b has no events and still has its row
    a, b, c = rows
    assert (a["amount_value"], a["amount_low"], a["amount_high"], a["amount_unit"]) == (
        "",
        "5.0",
        "7.0",
        "kg",
    )
    assert b["drug"] == "" and b["error"] == ""
    assert (c["drug"], c["amount_value"], c["amount_unit"], c["location"]) == (
        "mdma",
        "300.0",
        "pills",
        "Venlo",
    )
    assert c["lat"] and c["lon"]  # coordinates for a map


def test_excel_csv_begins_with_a_byte_order_mark(tmp_path):
    out = tmp_path / "t.csv"
    run("extract", str(_table_input(tmp_path)), "--format", "csv", "--excel", "-o", str(out), "-q")
    text = out.read_text(encoding="utf-8-sig")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and text.startswith("article_id,")


def test_parquet_holds_the_csv_rows_typed(tmp_path):
    import csv

    pq = pytest.importorskip("pyarrow.parquet")
    src = _table_input(tmp_path)
    run("extract", str(src), "--format", "parquet", "-o", str(tmp_path / "t.parquet"), "-q")
    run("extract", str(src), "--format", "csv", "-o", str(tmp_path / "t.csv"), "-q")
    table = pq.read_table(tmp_path / "t.parquet")
    rows = table.to_pylist()
    flat = list(csv.DictReader((tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["article_id"] for r in rows] == [r["article_id"] for r in flat] == ["a", "b", "c"]
    assert str(table.schema.field("amount_value").type) == "double"
    assert (rows[0]["amount_low"], rows[0]["amount_high"], rows[2]["amount_value"]) == (5.0, 7.0, 300.0)


@pytest.mark.parametrize(
    "args,message",
    [
        (["--format", "parquet"], "--format parquet writes a file"),
        (["--format", "jsonl", "--excel", "-o", "x.jsonl"], "--excel is for --format csv"),
        (["--format", "xlsx", "-o", "x.xlsx"], "--format must be jsonl, csv or parquet"),
    ],
)
def test_table_format_usage_errors(tmp_path, args, message):
    p = run("extract", str(_table_input(tmp_path)), *args, "-q", check=False)
    assert p.returncode == 2 and message in p.stderr and "Traceback" not in p.stderr


def test_sigterm_with_two_workers_stops_on_a_whole_record_and_resume_finishes(tmp_path):
    """A kill in the middle of a run: workers stop quietly, the output ends on a whole line, the
    message says how to continue, and --resume completes the output."""
    import signal

    src = tmp_path / "big.jsonl"
    total = _replicated_corpus(src, 120)
    out = tmp_path / "out.jsonl"
    p = _started(["extract", str(src), "-o", str(out), "--workers", "2", "-q"], out, 20_000)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert "--resume" in err and len(err.strip().splitlines()) == 1, err
    raw = out.read_bytes()
    assert raw.endswith(b"\n") and 0 < len(raw.splitlines()) < total
    for line in raw.splitlines():
        json.loads(line)
    run("extract", str(src), "-o", str(out), "--resume", "--workers", "2", "-q")
    ids = [json.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == total


def read_corpus_records():
    from extractor.io import read_records

    return list(read_records([str(CORPUS)]))


def _started(args: list[str], out, min_bytes: int) -> subprocess.Popen:
    """A CLI run in the background, returned once its output holds ``min_bytes`` (or after 2 minutes)."""
    import time

    p = subprocess.Popen([*CMD, *args], stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size < min_bytes):
        time.sleep(0.05)
    return p


def _replicated_corpus(path, copies: int) -> int:
    """The project corpus written ``copies`` times to one JSONL file (ids kept apart); its record count."""
    texts = [r for r in read_corpus_records() if r.get("text")]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(copies):
            for r in texts:
                fh.write(json.dumps({**r, "id": f"{r['id']}-{i}"}, ensure_ascii=False) + "\n")
    return copies * len(texts)


def _run_bytes(*args, stdin: bytes):
    p = subprocess.run([*CMD, *args], input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


STDIN_FORMS = [
    ("plain text with its date header", "date 2021-06\nDe douane vond 5 kilo cocaïne.\n".encode(), "2021-06"),
    ("gzip JSONL", gzip.compress('{"id": "g", "published": "2022-01-03", "text": "De douane vond 5 kilo cocaïne."}\n'.encode()), "2022-01-03"),
    ("bzip2 JSONL", bz2.compress('{"id": "b", "published": "2022-01-04", "text": "De douane vond 5 kilo cocaïne."}\n'.encode()), "2022-01-04"),
    ("JSONL after a byte-order mark", "\ufeff{\"id\": \"m\", \"published\": \"2022-01-05\", \"text\": \"De douane vond 5 kilo cocaïne.\"}\n".encode(), "2022-01-05"),
]  # fmt: skip


@pytest.mark.parametrize("name,data,published", STDIN_FORMS, ids=[f[0] for f in STDIN_FORMS])
def test_stdin_takes_text_and_compressed_input(name, data, published):
    rc, out, err = _run_bytes("extract", "-", "-q", stdin=data)
    assert rc == 0, err
    rec = json.loads(out)
    assert rec["published"] == published and [e["drug"] for e in rec["events"]] == ["cocaine"]


def test_reader_errors_keep_their_type_and_name_the_line_once(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "a", "text": "x"}\n{broken\n', encoding="utf-8")
    err = lines(run("extract", str(p), "-q", check=False).stdout)[1]["error"]
    assert err["type"] == "JSONDecodeError"
    assert err["message"].startswith(f"{p}:2: not valid JSON") and err["message"].count(f"{p}:2") == 1


def test_a_run_without_input_records_warns(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    p = run("extract", str(tmp_path / "empty.jsonl"), "-q")
    assert "warning: no input records" in p.stderr and p.stdout == ""


def test_help_names_each_command_in_full_and_describes_the_key_options():
    top = run("--help").stdout
    for name in ("extract", "evaluate", "explain", "summary", "show", "report"):
        line = next(x for x in top.splitlines() if x.strip().startswith(name + " "))
        assert not line.rstrip().endswith("..."), line  # the command list is not cut off
    ex = run("extract", "--help").stdout
    assert "<str>" not in ex.split("Options:")[1] and "<int>" not in ex  # labels, not Python types
    for opt in ("--text-key KEY", "--batch-size N", "--lexicon FILE", "-o, --output FILE"):
        assert opt in ex, opt
    assert "The input key of the article text." in ex


def test_the_readme_shows_what_make_run_prints(tmp_path):
    from .conftest import ROOT

    out = tmp_path / "events.jsonl"
    run("extract", str(CORPUS), "-o", str(out), "-q")
    printed = run("summary", str(out)).stdout.replace(str(out), "out/events.jsonl")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert printed in readme


def test_a_second_run_on_the_same_output_is_refused(tmp_path):
    """An advisory lock: --force or --resume on an output another run is writing is refused, and the
    first run's output stays whole."""

    src = tmp_path / "big.jsonl"
    total = _replicated_corpus(src, 60)
    out = tmp_path / "out.jsonl"
    first = _started(["extract", str(src), "-o", str(out), "-q", "-j", "1"], out, 1)
    for extra in (["--force"], ["--resume"]):
        p = run("extract", str(src), "-o", str(out), "-q", *extra, check=False)
        assert p.returncode == 2 and "is being written by another run" in p.stderr, (extra, p.stderr)
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    ids = [json.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == total


ENCODINGS = [  # (file name, bytes): each holds the same two articles
    ("utf16.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (
        {"id": "e1", "text": "De douane vond 5 kilo cocaïne."}, {"id": "e2", "text": "In Gent werd 3 kilo heroïne gevonden."})).encode("utf-16")),
    ("cr.jsonl", b"".join(json.dumps(r).encode() + b"\r" for r in (
        {"id": "e1", "text": "De douane vond 5 kilo cocaïne."}, {"id": "e2", "text": "In Gent werd 3 kilo heroïne gevonden."}))),
]  # fmt: skip


@pytest.mark.parametrize("name,data", ENCODINGS, ids=[n for n, _ in ENCODINGS])
def test_utf16_and_cr_only_files_give_every_record(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    out = lines(run("extract", str(tmp_path / name), "-q").stdout)
    assert [(o["id"], [e["drug"] for e in o["events"]]) for o in out] == [
        ("e1", ["cocaine"]),
        ("e2", ["heroin"]),
    ]


def test_a_utf16_text_file_keeps_its_date_header(tmp_path):
    (tmp_path / "a.txt").write_bytes("date 2022-03-04\r\nDe douane vond 5 kilo cocaïne.\r\n".encode("utf-16"))
    rec = json.loads(run("extract", str(tmp_path / "a.txt"), "-q").stdout)
    assert rec["published"] == "2022-03-04" and [e["drug"] for e in rec["events"]] == ["cocaine"]


@pytest.mark.parametrize(
    "address", ["tcp://10.0.0.2:8786", "192.168.1.20:8786", "tcp://scheduler.example.org:8786"]
)
def test_a_plain_remote_scheduler_is_warned_about(address):
    from extractor.batch import scheduler_warning

    assert "not encrypted" in scheduler_warning(address) and "tls://" in scheduler_warning(address)


@pytest.mark.parametrize(
    "address", ["tcp://127.0.0.1:8786", "localhost:8786", "tls://10.0.0.2:8786", "tcp://[::1]:8786"]
)
def test_a_local_or_tls_scheduler_is_not_warned_about(address):
    from extractor.batch import scheduler_warning

    assert scheduler_warning(address) is None


def test_tls_options_need_a_tls_scheduler(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "De douane vond 5 kilo cocaïne."}) + "\n", encoding="utf-8")
    p = run(
        "extract",
        str(src),
        "--engine",
        "dask",
        "--scheduler",
        "tcp://127.0.0.1:1",
        "--tls-ca",
        "ca.pem",
        check=False,
    )
    assert p.returncode == 2 and "are for a tls:// --scheduler" in p.stderr


def test_a_full_disk_is_one_line_and_no_torn_record():
    from pathlib import Path as P

    if not P("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    p = run("extract", str(CORPUS / "seed"), "-o", "/dev/full", "-q", check=False)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert (
        "/dev/full: no space left on device" in p.stderr.lower() and len(p.stderr.strip().splitlines()) == 1
    )


def test_a_huge_title_leaves_room_for_the_text(tmp_path):
    src = tmp_path / "t.jsonl"
    src.write_text(
        json.dumps({"id": "t", "title": "Kop " * 400_000, "text": "De douane vond 5 kilo cocaïne."}) + "\n",
        encoding="utf-8",
    )
    rec = json.loads(run("extract", str(src), "-q").stdout)  # the title keeps a tenth of --max-chars
    assert [e["drug"] for e in rec["events"]] == ["cocaine"] and rec["truncated"] is True  # the title was cut
    # with --max-chars 5000 the 1.6 MB line is over what a record may take: an error, never parsed
    p = run("extract", str(src), "-q", "--max-chars", "5000", check=False)
    rec = json.loads(p.stdout)
    assert (
        p.returncode == 1 and "1,600,0" in rec["error"]["message"] and "t.jsonl:1" in rec["error"]["message"]
    )


def test_dash_is_stdout_and_stdin_for_output_records(tmp_path):
    """ "-o -" writes to stdout (no file named "-"); summary, evaluate and incidents read "-" as stdin."""
    r = subprocess.run(
        [*CMD, "extract", str(SEED), "-o", "-", "-q"], capture_output=True, text=True, cwd=tmp_path
    )
    assert r.returncode == 0 and len(lines(r.stdout)) == 1 and not (tmp_path / "-").exists()
    out = r.stdout
    assert "1 article, 6 events" in run("summary", "-", stdin=out).stdout
    gold = CORPUS / "gold.jsonl"
    seed_gold = next(x for x in gold.read_text(encoding="utf-8").splitlines() if "000_07dd98d5d2c6aa82" in x)
    seed_gold = seed_gold.replace('"seed/000_07dd98d5d2c6aa82"', '"000_07dd98d5d2c6aa82"')  # named directly
    (tmp_path / "g.jsonl").write_text(seed_gold + "\n", encoding="utf-8")
    assert "F1=1.000" in run("evaluate", str(tmp_path / "g.jsonl"), "-", stdin=out).stdout
    assert len(lines(run("incidents", "-", "-q", stdin=out).stdout)) == 6
    bad = run("summary", "-", stdin=seed_gold + "\n", check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("error: stdin: not article records")
