"""The HTML views: content checks always, and a real headless Chromium where it is installed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from extractor.report import COLORS
from extractor.run_report import CHART_COLOR, amount_text, drug_color, interval_text, map_svg, months_between

from .conftest import CORPUS
from .test_cli import run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|<link\b|<script\b[^>]*\bsrc""",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    events = d / "events.jsonl"
    run("extract", str(CORPUS), "-o", str(events), "-q", "-j", "1")
    run("report", str(events), "-o", str(d / "report.html"))
    run("show", str(CORPUS), "-o", str(d / "show.html"), "--model", "blank")
    run("evaluate", str(CORPUS / "gold.jsonl"), str(events), "--articles", str(CORPUS / "articles" / "articles.jsonl"),
        "--html", str(d / "eval.html"), "--model", "blank")  # fmt: skip
    return d, events


def test_report_content(pages):
    d, events = pages
    page = (d / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 5  # events by drug, incidents by drug, by place, per month, and the map
    assert "Events by drug" in page and "Seizures per month, by drug" in page and "Seizure places" in page
    # the switch between counting events and incidents, and the incidents with several reports
    assert 'id="count-events" checked' in page and 'id="count-incidents"' in page
    assert "By drug, counting incidents" in page and "Incidents by drug" in page
    assert "Incidents reported by more than one article (" in page
    assert not EXTERNAL.search(page), EXTERNAL.search(page)
    assert "Largest seizures" in page and '<mark class="amount">11 ton</mark>' in page
    for unit in ("<h3>kg</h3>", "<h3>litres</h3>", "<h3>pills</h3>", "<h3>plants</h3>"):
        assert unit in page, unit  # every unit, not only kilograms
    assert "Totals (16)" in page and "2021-04-02 – 2021-04-03" in page  # totals apart, dates as intervals
    assert f"background:{drug_color('cocaine')}" in page
    assert "No error records." in page


AMOUNTS = [(0.03, "kg", "30 g"), (1234.5, "kg", "1,234.5 kg"), (11000.0, "kg", "11,000 kg"), (300.0, "pills", "300 pills"),
           (2.5, "l", "2.5 l"), (5590.0, "plants", "5,590 plants")]  # fmt: skip
AMOUNTS_NEGATIVE = [(None, "kg", ""), (3.0, None, "")]  # nothing to show


@pytest.mark.parametrize("value,unit,text", AMOUNTS + AMOUNTS_NEGATIVE)
def test_amounts_read_as_an_analyst_reads_them(value, unit, text):
    assert amount_text(value, unit) == text


INTERVALS = [
    ({"start": "2024-05-15", "end": "2024-05-15"}, "2024-05-15"),
    ({"start": "2024-05-01", "end": "2024-05-31"}, "2024-05"),
    ({"start": "2023-01-01", "end": "2023-12-31"}, "2023"),
    ({"start": "2024-05-13", "end": "2024-05-19"}, "2024-05-13 – 2024-05-19"),  # "vorige week" is no day
]
INTERVALS_NEGATIVE = [
    ({"start": "2024-05-01", "end": "2024-05-30"}, "2024-05-01 – 2024-05-30"),  # not the whole month
    ({"start": "2023-01-01", "end": "2023-06-30"}, "2023-01-01 – 2023-06-30"),  # not the whole year
    (None, ""),
]


@pytest.mark.parametrize("d,text", INTERVALS + INTERVALS_NEGATIVE)
def test_dates_show_as_intervals(d, text):
    assert interval_text(d) == text


def test_the_month_axis_has_no_gaps():
    assert months_between("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert months_between("2024-02", "2024-02") == ["2024-02"]


def test_the_map_draws_the_low_countries_and_counts_the_rest():
    svg, outside = map_svg({"Antwerpen": (51.22, 4.40, 3), "Guayaquil": (-2.19, -79.89, 2)})
    assert svg.count("<polygon") == 3 and svg.count("<circle") == 1 and "Antwerpen: 3 events" in svg
    assert outside == 2


def test_drug_colours_are_fixed_and_distinct():
    from extractor.resources import load_json

    colors = load_json("report.json")["drug_colors"]
    assert len(set(colors.values())) == len(colors) >= 16
    assert (
        drug_color("cocaine") == colors["cocaine"]
        and drug_color("nitazene") == load_json("report.json")["other_color"]
    )


def test_show_highlights_every_events_evidence(pages):
    d, events = pages
    page = (d / "show.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(page)
    for label in ("DRUG", "QUANTITY", "DATE", "PLACE", "AGENCY", "TRIGGER"):
        assert label in page, label
    for line in events.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for e in rec["events"]:
            sentence = e["evidence"]["sentence"]
            assert (
                any(part in page for part in (sentence[:40].replace("&", "&amp;"),)) or e["drug_text"] in page
            )
            if e["amount"] and e["amount"]["text"] in sentence:
                assert f'<mark class="amount">{html.escape(e["amount"]["text"])}</mark>' in page
    assert "No seizure events in this article." in page  # the near misses say so


def test_show_paginates(tmp_path):
    from extractor.io import read_records

    n = sum(1 for _ in read_records([str(CORPUS)]))
    run("show", str(CORPUS), "-o", str(tmp_path / "a.html"), "--limit", "8", "--model", "blank")
    pages = -(-n // 8)
    assert sorted(p.name for p in tmp_path.glob("a*.html")) == sorted(
        ["a.html"] + [f"a-{i}.html" for i in range(2, pages + 1)]
    )
    assert 'href="a-2.html"' in (tmp_path / "a.html").read_text(encoding="utf-8")
    second = (tmp_path / "a-2.html").read_text(encoding="utf-8")
    assert 'href="a.html">previous page' in second and 'href="a-3.html">next page' in second
    last = (tmp_path / f"a-{pages}.html").read_text(encoding="utf-8")
    assert "next page" not in last and "previous page" in last
    p = run("show", str(CORPUS), "-o", str(tmp_path / "a.html"), "--model", "blank", check=False)
    assert p.returncode == 2 and "--force" in p.stderr  # an existing page is not overwritten


def test_show_keeps_the_texts_spacing_and_its_headline_apart(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {
                "id": "k",
                "published": "2024-05-15",
                "title": "Douane vindt 40 kilo coke",
                "text": "Woensdag vond de douane in Gent 40 kilo cocaïne. De partij is vernietigd.",
            }
        )  # fmt: skip
        + "\n",
        encoding="utf-8",
    )
    run("show", str(src), "-o", str(tmp_path / "s.html"), "--model", "blank")
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    headline = page.split('<div class="headline">')[1].split("</div></div>")[0]
    words = " ".join(re.sub(r"<[^>]+>", " ", headline).split())
    assert words.startswith("Douane AGENCY vindt") and "Woensdag" not in words  # the headline, on its own
    shown = " ".join(re.sub(r"<[^>]+>", "", page.split("</head>")[1]).split())
    assert "cocaïne DRUG. De partij" in shown  # no space between a highlighted word and the full stop
    assert "2024-05-15 – 2024-05-15" not in page and "<td>2024-05-15</td>" in page  # one day, printed once


def test_report_counts_errors(tmp_path):
    ev = tmp_path / "ev.jsonl"
    ev.write_text(
        json.dumps(
            {
                "id": "x",
                "published": None,
                "events": [],
                "error": {"type": "JSONDecodeError", "message": "f.jsonl:3: not valid JSON"},
            }
        )
        + "\n"
    )
    run("report", str(ev), "-o", str(tmp_path / "r.html"))
    assert "f.jsonl:3: not valid JSON" in (tmp_path / "r.html").read_text()


def test_evaluate_html(tmp_path):
    pred = tmp_path / "pred.jsonl"
    run("extract", str(CORPUS), "-o", str(pred), "-q", "-j", "1")
    art = tmp_path / "arts.jsonl"
    recs = [
        json.loads(line)
        for line in (CORPUS / "articles" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    art.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "eval.html"
    run(
        "evaluate",
        str(CORPUS / "gold.jsonl"),
        str(pred),
        "--articles",
        str(art),
        "--html",
        str(out),
        "--model",
        "blank",
    )
    page = out.read_text(encoding="utf-8")
    assert "<h3>gold</h3>" in page and "<h3>predicted</h3>" in page and 'class="hit"' in page
    assert '<div class="sides">' in page  # side by side, not one above the other
    assert "Events: P 1.000, R 1.000, F1 1.000" in page and "accuracy" in page  # the scores on the page
    assert 'class="legend"' in page and 'href="#a-seed_000_07dd98d5d2c6aa82"' in page  # a legend and an index


def _screenshot(html_path, png_path, size="1200,1400"):
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={png_path.parent / 'chromium-profile'}", f"--screenshot={png_path}",
           f"--window-size={size}", f"file://{html_path}"]  # fmt: skip
    subprocess.run(cmd, capture_output=True, timeout=120)
    assert png_path.exists(), "Chromium wrote no screenshot"


def _share_of(img, hex_color, tol=0.06):
    import numpy as np

    rgb = np.array([int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    close = np.all(np.abs(img[:, :, :3] - rgb) < tol, axis=2)
    return close.mean()


browser = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed (make test-browser installs Debian's chromium)",
)


def _seen(html_path, size="1200,1400"):
    """The page as Chromium draws it: an RGB(A) float array of the screenshot, checked not blank."""
    import matplotlib.image as mpimg

    png = html_path.with_suffix(".png")
    _screenshot(html_path, png, size)
    img = mpimg.imread(png)
    assert img.std() > 0.05, "the page is blank"
    return img


@pytest.mark.browser
@browser
def test_report_in_a_real_browser(pages):
    img = _seen(pages[0] / "report.html", "1366,3200")  # a laptop, scrolled through
    assert _share_of(img, CHART_COLOR) > 0.005, "no chart bars or map points on screen"
    assert _share_of(img, drug_color("cocaine")) > 0.002, "no bar in the cocaine colour"
    assert _share_of(img, "#f2efe6") > 0.005, "no map outline on screen"
    assert _share_of(img, COLORS["QUANTITY"]) > 0.0005, "no highlighted amounts on screen"
    assert _share_of(img, COLORS["DRUG"]) > 0.0002, "no highlighted drugs on screen"
    phone = _seen(pages[0] / "report.html", "412,2400")  # the charts stack in one column on a phone
    assert _share_of(phone, CHART_COLOR) > 0.005 and _share_of(phone, drug_color("cocaine")) > 0.002


@pytest.mark.browser
@browser
def test_report_switches_to_counting_incidents(pages):
    """With "Count incidents" checked (what a click does; a screenshot cannot click), Chromium draws
    the incidents view instead of the events view: the switch is CSS, no script."""
    import numpy as np

    events = _seen(pages[0] / "report.html", "1200,900")
    incidents_page = pages[0] / "incidents-view.html"
    incidents_page.write_text(
        (pages[0] / "report.html")
        .read_text(encoding="utf-8")
        .replace('id="count-events" checked', 'id="count-events"')
        .replace('id="count-incidents"', 'id="count-incidents" checked'),
        encoding="utf-8",
    )
    incidents = _seen(incidents_page, "1200,900")
    assert np.abs(events - incidents).mean() > 0.005, "the incidents view looks like the events view"


@pytest.mark.browser
@browser
def test_show_in_a_real_browser(pages):
    img = _seen(pages[0] / "show.html", "1200,1000")
    assert _share_of(img, COLORS["DRUG"]) > 0.0005 and _share_of(img, COLORS["PLACE"]) > 0.0005


@pytest.mark.browser
@browser
def test_evaluation_page_in_a_real_browser(pages):
    img = _seen(pages[0] / "eval.html", "1366,3000")
    assert _share_of(img, "#e1f5e1", tol=0.02) > 0.005, "no matched (green) rows on screen"
    assert _share_of(img, COLORS["DRUG"]) > 0.0002, "no highlighted text on screen"


PAYLOAD = "<script>document.body.style.background='#ff0000'</script><img src=x onerror=\"document.body.style.background='#ff0000'\">"


def _hostile_files(d):
    """Gold, predictions and input articles with a payload in every text field (and in confidence)."""
    ev = {
        "drug": "cocaine" + PAYLOAD, "drug_text": PAYLOAD, "amount": {"value": 5.0, "unit": "kg" + PAYLOAD, "approximate": False, "text": PAYLOAD},
        "kind": "seizure" + PAYLOAD, "date": {"start": "2024-05-01", "end": "2024-05-02", "text": PAYLOAD},
        "location": {"name": PAYLOAD, "country": PAYLOAD}, "value_eur": None, "agency": [PAYLOAD], "operation": PAYLOAD,
        "evidence": {"sentence": "De douane vond 5 kilo. " + PAYLOAD, "start": 0, "end": 10}, "confidence": PAYLOAD, "origin": None,
    }  # fmt: skip
    pred = d / "pred.jsonl"
    pred.write_text(
        json.dumps({"id": "x" + PAYLOAD, "published": None, "events": [ev], "error": None}) + "\n",
        encoding="utf-8",
    )
    gold = d / "gold.jsonl"
    g = {**ev, "location": [PAYLOAD]}
    gold.write_text(json.dumps({"id": "x" + PAYLOAD, "events": [g]}) + "\n", encoding="utf-8")
    arts = d / "arts.jsonl"
    arts.write_text(
        json.dumps(
            {"id": "x" + PAYLOAD, "title": PAYLOAD, "text": "De douane vond 5 kilo cocaïne. " + PAYLOAD}
        )
        + "\n",
        encoding="utf-8",
    )
    return gold, pred, arts


def _hostile_pages(d):
    gold, pred, arts = _hostile_files(d)
    run(
        "evaluate",
        str(gold),
        str(pred),
        "--articles",
        str(arts),
        "--html",
        str(d / "eval.html"),
        "--model",
        "blank",
    )
    run("report", str(pred), "-o", str(d / "report.html"))
    run("show", str(arts), "-o", str(d / "show.html"), "--model", "blank")
    return [d / "eval.html", d / "report.html", d / "show.html"]


def test_payloads_in_every_field_are_escaped_and_scripts_forbidden(tmp_path):
    for page in _hostile_pages(tmp_path):
        text = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in text and "default-src 'none'" in text, page.name
        assert "<script>document" not in text and "<img src=x" not in text, page.name


@pytest.mark.browser
@browser
def test_no_script_runs_on_a_page_with_payloads(tmp_path):
    for page in _hostile_pages(tmp_path):
        img = _seen(page, "1200,900")
        assert _share_of(img, "#ff0000", tol=0.02) < 0.001, f"a script ran on {page.name}"
