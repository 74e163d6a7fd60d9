"""Every lexicon file parses, ids are stable and valid, and every pattern compiles into a matcher."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
import spacy
from spacy.pipeline.span_ruler import SpanRuler

from extractor.lexicon import agency_patterns, countries_nl, drug_patterns, gazetteer
from extractor.resources import KEYS, DataError, check_keys, load_json, merge

DRUG_IDS = {
    "cocaine", "cannabis", "heroin", "mdma", "amphetamine", "methamphetamine", "ketamine", "ghb", "lsd", "fentanyl",
    "opium", "khat", "cathinone", "synthetic", "precursor", "unspecified",
}  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        p.name
        for p in resources.files("extractor.resources").joinpath("nl").iterdir()
        if p.name.endswith(".json")
    ],
)
def test_resource_parses(name):
    json.loads(resources.files("extractor.resources").joinpath("nl", name).read_text(encoding="utf-8"))


def test_drug_ids_are_the_annotation_ids():
    data = load_json("drugs.json")
    assert set(data["names"]) <= DRUG_IDS
    assert set(data["stems"]) <= DRUG_IDS
    assert {p["id"] for p in drug_patterns()} <= DRUG_IDS


def test_drug_surface_forms_are_unique():
    seen = {}
    for drug, names in load_json("drugs.json")["names"].items():
        for n in names:
            assert n == n.lower(), n
            assert n not in seen, f"{n!r} is both {seen.get(n)} and {drug}"
            seen[n] = drug


def test_named_substances_are_unspecified_names():
    data = load_json("drugs.json")
    assert set(data["named_substances"]) <= set(data["names"]["unspecified"])


def test_cue_lists_hold_each_word_once():
    data = load_json("cues.json")
    lists = {k: v for k, v in data.items() if isinstance(v, list)}
    lists |= {f"linking.{k}": v for k, v in data["linking"].items() if isinstance(v, list)}
    assert not {
        k: sorted({w for w in v if v.count(w) > 1}) for k, v in lists.items() if len(set(v)) != len(v)
    }


def test_agency_names_unique():
    data = load_json("agencies.json")
    forms = [f.lower() for e in data["agencies"].values() for f in e["forms"]]
    assert len(forms) == len(set(forms))


def test_patterns_compile():
    nlp = spacy.blank("nl")
    for pats in (drug_patterns(), agency_patterns()):
        ruler = SpanRuler(nlp, phrase_matcher_attr="LOWER")
        ruler.add_patterns(list(pats))
        ruler(nlp("De douane vond cocaïne en een xtc-lab bij Sky ECC."))
    for p in drug_patterns():
        if isinstance(p["pattern"], list):
            for tok in p["pattern"]:
                rx = tok.get("LOWER", {})
                if isinstance(rx, dict) and "REGEX" in rx:
                    re.compile(rx["REGEX"])


def test_units_table():
    units = load_json("amounts.json")["units"]
    assert {u["unit"] for u in units.values()} == {"kg", "l", "pills", "plants", "units", "EUR", "USD"}
    assert all(float(u["factor"]) > 0 for u in units.values())


def test_gazetteer_and_countries():
    g = gazetteer()
    assert g["Antwerpen"] == ("Antwerpen", "BE")
    assert g["Vlissingen"] == ("Vlissingen", "NL")
    c = countries_nl()
    assert c["België"] == "BE" and c["Nederland"] == "NL" and c["Brazilië"] == "BR"
    parts = load_json("places.json")["parts"]
    assert all(v in g for v in parts.values()), [v for v in parts.values() if v not in g]
    adjectives = load_json("places.json")["adjectives"]
    assert all(v in g for v in adjectives.values()), [v for v in adjectives.values() if v not in g]


def test_every_data_key_is_declared_and_read():
    """Run the pipeline over the project corpus and report on it in a fresh process: every declared
    key of every data file is read by the code, except what only the gazetteer generator reads."""
    import subprocess
    import sys

    from .conftest import CORPUS, ROOT

    code = (
        "import json; from extractor import Extractor, resources; from extractor.io import read_records; "
        f"import tempfile, os; from extractor.run_report import write_report_html; "
        f"d = tempfile.mkdtemp(); out = os.path.join(d, 'o.jsonl'); "
        f"open(out, 'wb').write(b''.join(json.dumps(r).encode() + b'\\n' for r in Extractor(model='blank').pipe(read_records([{str(CORPUS)!r}])))); "
        f"write_report_html(out, os.path.join(d, 'r.html')); print(json.dumps(resources.unread()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"places.json": ["exonyms"]}
    assert 'places["exonyms"]' in (ROOT / "scripts" / "make_gazetteer.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name,data",
    [
        ("drugs.json", {**{k: [] for k in KEYS["drugs.json"]}, "stemz": []}),  # a typo: unknown key
        ("dates.json", {k: [] for k in KEYS["dates.json"] if k != "weekdays"}),  # a key missing
    ],
)
def test_a_data_file_with_an_unknown_or_missing_key_fails_at_load(name, data):
    with pytest.raises(DataError, match=name):
        check_keys(name, data)
    check_keys(name, {**{k: [] for k in KEYS[name]}, "_comment": "comments are free"})


MERGES = [
    ({"a": [1, 2]}, {"a": [2, 3]}, {"a": [1, 2, 3]}),  # lists joined, no repeats
    ({"a": {"x": [1]}, "b": 1}, {"a": {"x": [2], "y": [3]}}, {"a": {"x": [1, 2], "y": [3]}, "b": 1}),
    ({"a": 1}, {"a": 2}, {"a": 2}),  # a scalar: the overlay's
    ({"_comment": "base"}, {"_comment": "overlay"}, {"_comment": "overlay"}),
]
MERGES_NEGATIVE = [  # what an overlay must not do to the base
    ({"a": [1]}, {}, {"a": [1]}),  # an empty overlay changes nothing
    ({"a": {"x": [1]}}, {"a": {"y": [2]}}, {"a": {"x": [1], "y": [2]}}),  # nothing of the base is lost
]


@pytest.mark.parametrize("base,overlay,merged", MERGES + MERGES_NEGATIVE)
def test_locale_overlays_merge_into_the_base(base, overlay, merged):
    assert merge(base, overlay) == merged


@pytest.mark.parametrize("locale", ["nl-NL", "nl-BE"])
def test_each_locale_overlay_parses_and_only_adds_declared_keys(locale):
    folder = resources.files("extractor.resources").joinpath(locale)
    names = [p.name for p in folder.iterdir() if p.name.endswith(".json")]
    assert names
    for name in names:
        data = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        assert {k for k in data if not k.startswith("_")} <= KEYS[name], (locale, name)


def test_both_locales_reach_the_loaded_data():
    agencies, places = load_json("agencies.json")["agencies"], load_json("places.json")
    assert {"parket", "FGP", "OM", "FIOD"} <= set(agencies)  # Belgian and Dutch agencies
    assert (
        "politiezone" in agencies["politie"]["forms"] and "Landelijke Eenheid" in agencies["politie"]["forms"]
    )
    assert "Vlissingen" in places["NL"] and "Zeebrugge" in places["BE"]
    assert {"voormiddag", "ochtend"} <= set(load_json("dates.json")["day_parts"])
