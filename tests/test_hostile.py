"""Hostile and broken input: nothing crashes, nothing is lost, nothing runs away."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract, find_amounts, find_dates, parse_amount, parse_date
from extractor.text import html_to_text, looks_like_html

from .conftest import ROOT
from .test_cli import CMD, lines

FIXTURE = ROOT / "tests" / "fixtures" / "hostile.jsonl"
PROPS = settings(
    max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def test_hostile_fixture_through_the_cli(tmp_path):
    out_path = tmp_path / "out.jsonl"
    p = subprocess.run(
        [*CMD, "extract", str(FIXTURE), "-o", str(out_path), "-j", "1", "--max-chars", "100000"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert p.returncode == 1, p.stderr  # some records carry errors
    n_in = sum(1 for line in FIXTURE.read_bytes().split(b"\n") if line.strip())
    out = lines(out_path.read_text(encoding="utf-8"))
    assert len(out) == n_in
    by_id = {o["id"]: o for o in out}
    # each bad record names its line
    for rid, line_no in (("hostile:2", 2), ("num-text", 3), ("null-text", 5), ("hostile:6", 6), ("hostile:7", 7), ("no-text", 8),
                         ("hostile:9", 9), ("nul-bytes", 10), ("title-number", 13), ("hostile:14", 14)):  # fmt: skip
        assert by_id[rid]["error"] is not None, rid
        assert f"hostile.jsonl:{line_no}" in by_id[rid]["error"]["message"], by_id[rid]["error"]
    assert by_id["empty"]["error"] is None and by_id["empty"]["events"] == []
    assert by_id["html"]["error"] is None and by_id["html"]["events"][0]["amount"]["value"] == 12.0
    assert by_id["long"]["truncated"] is True and by_id["long"]["error"] is None
    for rid in ("digits", "dots", "nospace"):
        assert by_id[rid]["error"] is None and by_id[rid]["events"] == []
    # good records are unchanged by the bad ones around them
    good = [
        json.loads(line) for line in FIXTURE.read_bytes().split(b"\n") if line.startswith(b'{"id": "good')
    ]
    alone = tmp_path / "good.jsonl"
    alone.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in good), encoding="utf-8")
    ref = {
        o["id"]: o
        for o in lines(
            subprocess.run(
                [*CMD, "extract", str(alone), "-q", "-j", "1"], capture_output=True, text=True
            ).stdout
        )
    }
    for g in good:
        assert by_id[g["id"]] == ref[g["id"]]
        assert by_id[g["id"]]["events"], g["id"]


PATHOLOGICAL = {
    "digits": "2" * 200_000,
    "dots": "1." * 50_000,
    "date phrase": "in de nacht van 2 op 3 april " * 7_000,
    "amount phrase": "bijna 54,5 ton " * 13_000,
    "no spaces": "x" * 200_000,
    "brackets": "(" * 100_000 + ")" * 100_000,
    "spaces": " " * 200_000,
    # dates against amounts used to be matched pairwise: a date and an amount repeated, with a drug
    "dates x amounts": "3 juni 5 kilo " * 14_000 + "cocaïne",
    "amounts, drugs and verbs": "5 kilo cocaïne onderschept. " * 7_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_normalisers_and_pipeline_stay_linear(extractor, name):
    bad = PATHOLOGICAL[name]
    plain = (
        "De douane heeft dinsdag in de haven van Antwerpen 2 ton cocaïne onderschept. " * (len(bad) // 78 + 1)
    )[: len(bad)]

    def cost(text):
        t0 = time.perf_counter()
        find_amounts(text)
        find_dates(text, "2021-06-09")
        extractor.extract(text, published="2021-06-09")
        return time.perf_counter() - t0

    base = cost(plain)
    took = cost(bad)
    assert took < 10 * base + 2.0, (name, took, base)


@PROPS
@given(st.text(max_size=300))
def test_parse_amount_never_raises(text):
    a = parse_amount(text)
    if a is not None:
        for v in (a.value, a.low, a.high):
            assert v is None or (v == v and v >= 0 and v != float("inf"))


@PROPS
@given(
    st.lists(
        st.sampled_from(
            list("0123456789.,' kilotngramuerp€$") + [" ton", " kilo", " miljoen", " euro", " tot ", " en "]
        ),
        max_size=40,
    ).map("".join)
)
def test_parse_amount_on_number_soup(text):
    a = parse_amount(text)
    if a is not None:
        assert (a.value is not None and a.value >= 0) or (a.low is not None and a.low <= a.high)


@PROPS
@given(
    st.text(max_size=300),
    st.sampled_from([None, "2021-06", "2021-06-09", "2000-02-29", "1999-12-31", "nonsense"]),
)
def test_parse_date_never_raises_and_orders(text, published):
    d = parse_date(text, published)
    if d is not None:
        assert d.start <= d.end


@PROPS
@given(
    st.lists(
        st.sampled_from(
            [
                "vorige week",
                "dinsdag",
                "3 juni",
                "2020",
                "eind",
                "begin",
                "de nacht van",
                "op",
                "tot en met",
                "sinds",
                "31",
                "februari",
                "dit jaar",
                "van",
                "tot",
                " ",
            ]
        ),
        max_size=12,
    )
)
def test_parse_date_on_date_soup(words):
    d = parse_date(" ".join(words), "2021-03-01")
    if d is not None:
        assert d.start <= d.end


@settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=40)))
def test_extract_evidence_points_into_the_text(text, title):
    if "\x00" in text or (title and "\x00" in title):
        return
    events = extract(text, published="2022-03-10", title=title)
    full = f"{title.strip()}\n\n{text}" if title and title.strip() else text
    for e in events:
        assert full[e.evidence.start : e.evidence.end] == e.evidence.sentence


@settings(max_examples=40, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from([
    "De douane vond 5 kilo cocaïne.", "In Gent werd een plantage opgerold.", "Op 3 juni ging het om 300 kilo.",
    "De straatwaarde is 2 miljoen euro.", "Er werden geen drugs gevonden.", "Dinsdag werd 1,2 ton heroïne onderschept in Antwerpen.",
    "\n", "Cocaïne: 27,7 g", "Vorig jaar werd 110 ton onderschept.",
]), max_size=8))  # fmt: skip
def test_extract_on_seizure_soup(sentences):
    text = " ".join(sentences)
    for e in extract(text, published="2022-03-10"):
        assert text[e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert e.amount is None or e.amount.value >= 0
        assert e.date is None or e.date.start <= e.date.end


def test_html_is_reduced_to_visible_text():
    html = "<html><head><title>x</title><style>p{}</style></head><body><p>De douane vond <b>5 kilo</b> coke.</p><script>steal()</script></body></html>"
    assert looks_like_html(html)
    assert html_to_text(html) == "De douane vond 5 kilo coke."
    assert not looks_like_html("Hij zei dat 5 < 10 en 10 > 5.")


def test_no_network_at_run_time(tmp_path):
    """The CLI runs with every socket connection refused: nothing it does needs the network."""
    guard = tmp_path / "sitecustomize.py"
    guard.write_text(
        "import socket\n"
        "def _refuse(*a, **k):\n    raise RuntimeError('network access attempted')\n"
        "socket.socket.connect = _refuse\nsocket.socket.connect_ex = _refuse\nsocket.create_connection = _refuse\n"
        "socket.getaddrinfo = _refuse\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    p = subprocess.run(
        [*CMD, "extract", str(ROOT / "corpus"), "-q", "-j", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert p.returncode == 0, p.stderr
    assert "network access attempted" not in p.stderr
    assert len(lines(p.stdout)) >= 20


def _extract_then_kill(src, out_path, min_bytes: int, extra_wait: float = 0.0) -> None:
    """Run the CLI, wait until ``min_bytes`` are written (and ``extra_wait`` more), then SIGKILL it."""
    proc = subprocess.Popen(
        [*CMD, "extract", str(src), "-o", str(out_path), "-q", "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and (not out_path.exists() or out_path.stat().st_size < min_bytes):
        time.sleep(0.02)
    time.sleep(extra_wait)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_kill_at_a_random_moment_then_resume(tmp_path):
    random.seed(7)
    src = tmp_path / "many.jsonl"
    base = [
        json.loads(line)
        for line in (ROOT / "corpus" / "articles" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    with src.open("w", encoding="utf-8") as fh:
        for i in range(1500):
            rec = dict(base[i % len(base)], id=f"r{i}")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out_path = tmp_path / "out.jsonl"
    _extract_then_kill(src, out_path, min_bytes=2000, extra_wait=random.uniform(0.0, 0.5))
    partial = out_path.read_bytes()
    assert partial, "nothing was written before the kill"
    r = subprocess.run(
        [*CMD, "extract", str(src), "-o", str(out_path), "--resume", "-q", "-j", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    ids = [o["id"] for o in lines(out_path.read_text(encoding="utf-8"))]
    assert ids == [f"r{i}" for i in range(1500)]


@pytest.mark.skipif(sys.platform != "linux", reason="uses Linux process handling")
def test_sigkill_leaves_only_whole_lines(tmp_path):
    src = tmp_path / "many.jsonl"
    rec = {"id": "x", "published": "2022-03-10", "text": "De douane vond 5 kilo cocaïne in Gent. " * 50}
    src.write_text("".join(json.dumps(dict(rec, id=f"x{i}")) + "\n" for i in range(3000)), encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    _extract_then_kill(src, out_path, min_bytes=5000)
    data = out_path.read_bytes()
    assert data.endswith(b"\n")
    for line in data.splitlines():
        json.loads(line)


HTML_PATHOLOGICAL = {
    "line breaks": lambda n: "tekst<br>" * n,
    "paragraphs": lambda n: "<p>De douane vond 5 kilo cocaïne.</p>" * n,
    "rejected markup": lambda n: "<p>tekst</p>" * n + "<![foo",
}


@pytest.mark.parametrize("name", list(HTML_PATHOLOGICAL))
def test_html_reduction_stays_linear_and_never_raises(name):
    """Twice the markup costs about twice the time (best of three, a ratio within one run)."""
    from extractor.text import clean_record

    def cost(n):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            rec = clean_record({"id": "h", "text": HTML_PATHOLOGICAL[name](n)}, "auto")
            best = min(best, time.perf_counter() - t0)
        assert rec.get("error") is None and isinstance(rec["text"], str)
        return best

    small, large = cost(10_000), cost(20_000)
    assert large < 3.0 * small + 0.05, (name, small, large)


def test_a_record_with_rejected_markup_does_not_stop_the_run(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "bad", "text": "<p>De douane vond 5 kilo cocaïne.</p><div>x</div><![foo"},
        {"id": "after", "text": "<p>In Gent nam de politie 3 kilo heroïne in beslag.</p><p>Meer volgt.</p>"},
    ]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    p = subprocess.run(
        [*CMD, "extract", str(src), "-q", "-j", "2"], capture_output=True, text=True, timeout=300
    )
    out = lines(p.stdout)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    assert [o["id"] for o in out] == ["bad", "after"]
    assert [e["drug"] for e in out[0]["events"]] == ["cocaine"] and [e["drug"] for e in out[1]["events"]] == [
        "heroin"
    ]


def test_max_chars_above_spacy_s_default_limit(tmp_path):
    src = tmp_path / "long.jsonl"
    text = "De douane vond 5 kilo cocaïne in de haven. " * 30_000  # 1.29 million characters
    src.write_text(json.dumps({"id": "long", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = subprocess.run(
        [*CMD, "extract", str(src), "-q", "--max-chars", "1500000"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    rec = lines(p.stdout)[0]
    assert rec["error"] is None and "truncated" not in rec and rec["events"], rec.get("error")


def test_second_hostile_fixture_a_tree_through_the_cli(tmp_path):
    """Files, folders, archives and payloads (tests/hostile_tree.py): records out = records in
    (blank lines aside), the run reaches the last file, each bad record or file is named, exit 1."""
    from .hostile_tree import build

    ids, errors = build(tmp_path)
    out_path = tmp_path / "out.jsonl"
    p = subprocess.run([*CMD, "extract", str(tmp_path / "in"), "-o", str(out_path), "-j", "1",
                        "--max-chars", "1000"], capture_output=True, text=True, timeout=600)  # fmt: skip
    assert p.returncode == 1 and "Traceback" not in p.stderr, p.stderr
    out = lines(out_path.read_text(encoding="utf-8"))
    assert sorted(o["id"] for o in out) == sorted(ids)  # every record once, blank lines aside
    assert out[-1]["id"] == "zz-last" and out[-1]["events"]  # the run reached the last file
    by_id = {o["id"]: o for o in out}
    for rid, name in errors.items():
        assert by_id[rid]["error"] and name in by_id[rid]["error"]["message"], (rid, by_id[rid])
    assert {o["id"] for o in out if o["error"]} == set(errors)
    assert (
        by_id["a/x"]["events"][0]["amount"]["value"] == 1.0
        and by_id["b/x"]["events"][0]["amount"]["value"] == 2.0
    )
    assert by_id["bom"]["published"] == "2024-05-01" and by_id["bom-1"]["events"]
    zw = by_id["br-zw"]["events"][
        0
    ]  # "7\u200b kilo coca\u00adïne": read, and the evidence is the original text
    assert (zw["drug"], zw["amount"]["value"]) == ("cocaine", 7.0) and "\u200b" in zw["evidence"]["sentence"]
    assert by_id["br-title"]["events"] and by_id["br-title"]["truncated"]  # the text kept its share
    assert by_id["br-markup"]["events"] and by_id["br-payload"]["events"] and by_id["u16-1"]["events"]
    assert "bytes" in by_id["huge:2"]["error"]["message"]


LONG_RUNS = ["x" * 120, "Zie " + "x" * 130, "Zie\n" + "x" * 200 + " hier", "a\t" + "y" * 121 + ".", "x" * 300]
NO_LONG_RUN = ["x" * 119, "Zie " + "x" * 119 + " en " + "y" * 119, "", "   ", ("woord " * 40).strip()]


@pytest.mark.parametrize("text", LONG_RUNS)
def test_a_long_run_without_spaces_is_cut_into_pieces(text):
    import spacy

    from extractor.text import PIECE, make_doc_safely

    doc = make_doc_safely(spacy.blank("nl"), text)
    assert doc.text == text
    assert max(len(t) for t in doc) <= PIECE  # the run is cut, never one token of 120+ characters


@pytest.mark.parametrize("text", NO_LONG_RUN)
def test_text_without_a_long_run_is_tokenised_as_usual(text):
    import spacy

    from extractor.text import make_doc_safely

    nlp = spacy.blank("nl")
    assert [t.text for t in make_doc_safely(nlp, text)] == [t.text for t in nlp.make_doc(text)]
