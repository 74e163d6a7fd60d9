"""The figures behind ``extractor summary``: per drug, seizures and totals apart, amounts per unit."""

from __future__ import annotations

from collections import Counter, defaultdict

from .io import output_records

UNIT_ORDER = ("kg", "l", "pills", "plants", "units")


def summarise(path: str) -> dict:
    """Counts over an output file of article records; raises ValueError for a file that is not one.

    Amounts are summed per unit over single seizures only (totals restate them); ranges are counted,
    never summed.
    """
    n = errors = torn = ranges = 0
    kinds: Counter = Counter()
    drugs: dict = defaultdict(lambda: {"events": 0, "seizure": 0, "aggregate": 0, "seized": Counter()})
    for rec in output_records(path):
        if rec is None:
            torn += 1
            continue
        n += 1
        errors += bool(rec.get("error"))
        for e in rec["events"] or []:
            row = drugs[e["drug"]]
            row["events"] += 1
            row[e["kind"]] += 1
            kinds[e["kind"]] += 1
            ranges += e.get("amount_range") is not None
            a = e.get("amount") or {}
            if e["kind"] == "seizure" and a.get("value") is not None:
                row["seized"][a["unit"]] += a["value"]
    seized: Counter = Counter()
    for row in drugs.values():
        seized.update(row["seized"])
        row["seized"] = {u: row["seized"][u] for u in UNIT_ORDER if row["seized"][u]}
    return {
        "articles": n,
        "events": sum(kinds.values()),
        "errors": errors,
        "torn": torn,
        "ranges": ranges,
        "kinds": kinds,
        "drugs": sorted(drugs.items(), key=lambda kv: (-kv[1]["events"], kv[0])),
        "seized": {u: seized[u] for u in UNIT_ORDER if seized[u]},
    }
