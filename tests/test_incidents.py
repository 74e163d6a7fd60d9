"""Incidents across a corpus (``extractor incidents``): our own multi-outlet set, near twins kept
apart, the matching tests as tables, every event in exactly one incident, Dask, the command line."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from extractor import incident as inc
from extractor.incident import Report, amounts_agree, dates_agree, places_agree

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "incidents" / "articles.jsonl"
LEVELS = json.loads((ROOT / "tests" / "golden_levels.json").read_text(encoding="utf-8"))["incidents"]
EXE = Path(sys.executable).parent / "extractor"


def kg(v, approx=False):
    return {"value": v, "unit": "kg", "approximate": approx, "text": ""}


AMOUNTS = [  # the rounding news applies
    (kg(1236), kg(1200), "seizure"),  # "1.236 kilo" and "1,2 ton"
    (kg(1200, True), kg(1236), "seizure"),  # "ruim 1.200 kilo"
    (kg(1450), kg(1500, True), "seizure"),  # "bijna 1.500"
    (kg(46000, True), kg(47000, True), "aggregate"),  # "zo'n 46 ton", "bijna 47 ton"
    (kg(25), kg(25), "seizure"),
]
AMOUNTS_NEGATIVE = [
    (kg(150), kg(420), "seizure"),
    (kg(1236), kg(1300), "seizure"),  # beyond the rounding of either
    (kg(38000), kg(19000), "aggregate"),
    (kg(116000), kg(110000), "aggregate"),  # beyond a few percent
    (kg(30), {"value": 30, "unit": "l", "approximate": False, "text": ""}, "seizure"),  # another unit
]


@pytest.mark.parametrize("a,b,kind", AMOUNTS)
def test_amounts_agree(a, b, kind):
    assert amounts_agree(a, b, kind) and amounts_agree(b, a, kind)


@pytest.mark.parametrize("a,b,kind", AMOUNTS_NEGATIVE)
def test_amounts_conflict(a, b, kind):
    assert amounts_agree(a, b, kind) is False


def rep(
    start=None, end=None, published=None, kind="seizure", rid="x", place=None, amount=None, drug="cocaine"
):
    d = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    return Report(
        rid, 0, 0, d(published), drug, kind, amount, d(start), d(end or start), place, None, None, {}
    )


DATES = [
    (rep("2024-03-12"), rep("2024-03-12")),
    (rep("2024-03-11", "2024-03-17"), rep("2024-03-13")),  # "vorige week" and a day in it
    (rep("2024-04-02", "2024-04-03"), rep("2024-04-03")),  # a night and its morning
    (rep("2024-03-12"), rep(published="2024-03-20")),  # an undated report eight days later
    (rep(published="2024-03-13"), rep(published="2024-03-15")),  # two undated reports
    (rep("2023-01-01", "2023-12-31", kind="aggregate"), rep("2023-01-01", "2023-12-31", kind="aggregate")),
]
DATES_NEGATIVE = [
    (rep("2024-03-18"), rep("2024-03-24")),  # days apart: near twins
    (rep("2024-03-12"), rep(published="2024-04-20")),  # an undated report long after
    (rep("2024-03-12"), rep(published="2024-03-01")),  # published before the find
    (rep("2023-01-01", "2023-06-30", kind="aggregate"), rep("2023-01-01", "2023-12-31", kind="aggregate")),
    (rep("2022-01-01", "2022-12-31", kind="aggregate"), rep("2023-01-01", "2023-12-31", kind="aggregate")),
]


@pytest.mark.parametrize("a,b", DATES)
def test_dates_agree(a, b):
    assert dates_agree(a, b) and dates_agree(b, a)


@pytest.mark.parametrize("a,b", DATES_NEGATIVE)
def test_dates_conflict(a, b):
    assert dates_agree(a, b) is False


def pl(name, country="NL", lat=None, lon=None, municipality=None):
    p = {"name": name, "country": country}
    if lat is not None:
        p["lat"], p["lon"] = lat, lon
    if municipality:
        p["municipality"] = municipality
    return p


PLACES = [
    (pl("Rotterdam", lat=51.92, lon=4.48), pl("Rotterdam", lat=51.92, lon=4.48)),
    (pl("Maasvlakte", municipality="Rotterdam"), pl("Rotterdam", lat=51.92, lon=4.48)),  # a part of the town
    (pl("Nederland"), pl("Vlissingen", lat=51.44, lon=3.57)),  # a town in its country
    (pl("Vlissingen", lat=51.44, lon=3.57), pl("Middelburg", lat=51.50, lon=3.61)),  # a few km apart
]
PLACES_NEGATIVE = [
    (pl("Vlissingen", lat=51.44, lon=3.57), pl("Antwerpen", "BE", lat=51.22, lon=4.40)),
    (pl("Venray", lat=51.53, lon=5.97), pl("Weert", lat=51.25, lon=5.71)),
    (pl("België", "BE"), pl("Rotterdam", lat=51.92, lon=4.48)),  # a town outside that country
    (pl("Nederland"), pl("België", "BE")),
]


@pytest.mark.parametrize("a,b", PLACES)
def test_places_agree(a, b):
    assert places_agree(a, b) and places_agree(b, a)


@pytest.mark.parametrize("a,b", PLACES_NEGATIVE)
def test_places_conflict(a, b):
    assert places_agree(a, b) is False


def test_one_article_is_never_two_reports_of_one_incident():
    a = rep("2024-03-12", rid="same", amount=kg(500))
    b = rep("2024-03-12", rid="same", amount=kg(500))
    assert inc.pair(a, b) is None


def test_nothing_specific_is_no_match():
    """Two amount-less reports of the same day in the same country could be any two finds."""
    a = rep("2024-03-12", rid="a", place=pl("Nederland"), drug="unspecified")
    b = rep("2024-03-12", rid="b", place=pl("Nederland"), drug="unspecified")
    assert inc.pair(a, b) is None


# ---------------------------------------------------------------- our multi-outlet set


@pytest.fixture(scope="module")
def records(extractor):
    rows = [json.loads(x) for x in SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    return rows, list(extractor.pipe(rows))


def _gold(rows, out):
    """(article, drug) -> incident label; an article whose event the extraction missed keeps its drug None."""
    by_id = {r["id"]: r for r in out}
    gold = {}
    for row in rows:
        events = by_id[row["id"]]["events"]
        gold[(row["id"], events[0]["drug"] if events else None)] = row["incident"]
    return gold


def test_the_set_is_large_enough(records):
    rows, _ = records
    labels = [r["incident"] for r in rows]
    multi = {x for x in labels if labels.count(x) >= 2}
    twins = {x[:2] for x in labels if x.startswith("T")}  # T1a/T1b: a pair; T7a, T8a: twins of M and J
    assert len(multi) >= 15 and all(2 <= labels.count(x) <= 4 for x in multi if not x.startswith("T"))
    assert len(twins) >= 8


def test_pairwise_precision_and_recall(records):
    import extractor

    rows, out = records
    found = extractor.incidents(out)  # the Python API
    assert all(isinstance(x, extractor.Incident) for x in found)
    score = inc.pairwise(_gold(rows, out), found)
    print(f"\nincidents on our set: pairwise P {score['precision']:.3f} R {score['recall']:.3f} "
          f"F1 {score['f1']:.3f} over {score['pairs']} gold pairs")  # fmt: skip
    assert score["precision"] >= LEVELS["pairwise_precision"]
    assert score["recall"] >= LEVELS["pairwise_recall"]


def test_near_twins_stay_apart(records):
    rows, out = records
    found = inc.incidents(out)
    where = {m.id: n for n, i in enumerate(found) for m in i.members}
    twins = [r["id"] for r in rows if r["incident"].startswith("T")]
    for t in twins:
        label = next(r["incident"] for r in rows if r["id"] == t)
        others = [r["id"] for r in rows if r["id"] != t and r["incident"] != label]
        assert all(where[t] != where[o] for o in others if o in where), t


def test_every_event_in_exactly_one_incident(records):
    _, out = records
    found = inc.to_records(inc.incidents(out))
    members = [(m["id"], m["event"]) for r in found for m in r["members"]]
    events = [(r["id"], i) for r in out for i in range(len(r["events"]))]
    assert sorted(members) == sorted(events)
    assert [r["incident"] for r in found] == [f"I-{i:06d}" for i in range(1, len(found) + 1)]
    firsts = [r["first_published"] for r in found]
    assert firsts == sorted(firsts)


def test_fields_are_the_most_specific(records):
    """ "1.236 kilo" on the Maasvlakte on a Tuesday, "ruim 1.200 kilo" in Rotterdam undated, "1,2 ton"."""
    _, out = records
    found = inc.to_records(inc.incidents(out))
    a = next(r for r in found if {m["id"] for m in r["members"]} == {"a1", "a2", "a3"})
    assert a["amount"]["value"] == 1236.0 and a["sources"]["amount"] == {"id": "a1", "event": 0}
    assert a["location"]["name"] == "Maasvlakte" and a["date"]["start"] == a["date"]["end"] == "2024-03-12"
    assert a["articles"] == 3 and [m["id"] for m in a["members"]] == ["a1", "a2", "a3"]
    assert a["first_published"] == "2024-03-13" and 0 < a["confidence"] <= 1


def test_partitions_merge_to_the_same_incidents(records):
    _, out = records
    whole = inc.to_records(inc.incidents(out))
    half = len(out) // 2
    parts = inc.merge([inc.incidents(out[:half]), inc.incidents(out[half:])])
    assert _grouping(inc.to_records(parts)) == _grouping(whole)


def _grouping(rows):
    return sorted(sorted((m["id"], m["event"]) for m in r["members"]) for r in rows)


def test_dask_groups_as_one_machine_does(records):
    pytest.importorskip("distributed")
    _, out = records
    whole = inc.to_records(inc.incidents(out))
    on_dask = inc.to_records(inc.incidents_dask(out, workers=1, partition_size=20))
    assert _grouping(on_dask) == _grouping(whole)


def test_many_events_each_in_one_incident():
    """20,000 synthetic events over two years: grouped with each event in exactly one incident (the
    time is measured by bench/incidents.py, never asserted)."""
    recs = synthetic_records(20_000, seed=3)
    found = inc.incidents(recs)
    members = sorted((m.id, m.event) for i in found for m in i.members)
    assert members == sorted((r["id"], k) for r in recs for k in range(len(r["events"])))
    assert len(recs) // 4 < len(found) < len(recs)  # reports of one find grouped, distinct finds not


def synthetic_records(n: int, seed: int = 0, days: int = 730) -> list[dict]:
    """Articles of one event each: distinct finds over ``days``, each reported 1-4 times, rounded."""
    rng = random.Random(seed)
    towns = [("Rotterdam", 51.92, 4.48), ("Antwerpen", 51.22, 4.40), ("Vlissingen", 51.44, 3.57),
             ("Venlo", 51.37, 6.17), ("Breda", 51.59, 4.78), ("Gent", 51.05, 3.72)]  # fmt: skip
    drugs = ["cocaine", "cannabis", "heroin", "amphetamine", "mdma"]
    out, k = [], 0
    while len(out) < n:
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(days))
        town, lat, lon = rng.choice(towns)
        value, drug = float(rng.randrange(5, 5000)), rng.choice(drugs)
        for _ in range(rng.randint(1, 4)):
            shown = round(value, -2) if value > 500 and rng.random() < 0.5 else value
            dated = rng.random() < 0.7
            out.append({
                "id": f"s{k}", "published": (day + timedelta(days=rng.randint(0, 3))).isoformat(),
                "events": [{"drug": drug, "kind": "seizure",
                            "amount": {"value": shown, "unit": "kg", "approximate": shown != value, "text": ""},
                            "date": {"start": day.isoformat(), "end": day.isoformat(), "text": ""} if dated else None,
                            "location": {"name": town, "country": None, "lat": lat, "lon": lon},
                            "value_eur": None, "operation": None}],
            })  # fmt: skip
            k += 1
    return out[:n]


# ---------------------------------------------------------------- the command line


def run(*args, check=True):
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, check=check)


def test_cli_jsonl_and_csv(records, tmp_path):
    _, out = records
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    r = run("incidents", str(events), "-o", str(tmp_path / "inc.jsonl"))
    rows = [json.loads(x) for x in (tmp_path / "inc.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and "incidents" in r.stderr and len(rows) == len(inc.incidents(out))
    csv_text = run("incidents", str(events), "--format", "csv").stdout.splitlines()
    assert csv_text[0].startswith("incident,drug,kind,amount_value") and len(csv_text) == len(rows) + 1
    again = run("incidents", str(events), "-o", str(tmp_path / "inc.jsonl"), check=False)
    assert again.returncode == 2 and "--force" in again.stderr


def test_cli_refuses_what_is_not_extractor_output(tmp_path):
    r = run("incidents", str(SET), check=False)
    assert r.returncode == 2 and "not article records" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


HOSTILE = [  # output files edited by hand or by another tool: every event still lands in one incident
    {"id": 1, "published": "2024-13-45", "events": [{"drug": None, "kind": 7, "amount": {"value": "12", "unit": "kg"}}]},
    {"id": "b", "published": None, "events": [{"amount": {"value": float("nan"), "unit": "kg"}, "date": "gisteren"}]},
    {"id": "c", "published": "2024-01-02", "events": [{"location": ["Rotterdam"], "value_eur": "veel", "date": {"start": "2024-02-01", "end": "2024-01-01"}}]},
    {"id": "d", "published": "2024-01-02", "events": ["not an event", {"location": {"name": "X", "lat": "51", "lon": None}}]},
    {"id": "e", "published": "2024-01-02", "events": "none", "error": None},
]  # fmt: skip


def test_hand_edited_output_is_grouped_without_error():
    found = inc.to_records(inc.incidents(HOSTILE))
    members = sorted((str(m["id"]), m["event"]) for r in found for m in r["members"])
    assert members == [("1", 0), ("b", 0), ("c", 0), ("d", 0), ("d", 1)]
    assert all(r["amount"] is None for r in found)  # no amount was readable
