"""The figures behind ``extractor summary`` and the run report: per drug, seizures and totals apart,
amounts per unit, places, months, and the largest seizures of each unit."""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict

from .io import output_records

UNIT_ORDER = ("kg", "l", "pills", "plants", "units")


class Tally:
    """Running counts over article records (``add`` one at a time: a run of any size streams through).

    Amounts are summed per unit over single seizures only (totals restate them); ranges are
    counted, never summed. Totals (aggregates) are kept apart, the first ``keep`` of them.
    """

    def __init__(self, top: int = 10, keep: int = 200, max_errors: int = 100) -> None:
        self.articles = self.errors = self.torn = self.ranges = 0
        self.kinds: Counter = Counter()
        self.drugs: dict = defaultdict(
            lambda: {"events": 0, "seizure": 0, "aggregate": 0, "seized": Counter()}
        )
        self.places: Counter = Counter()
        self.points: dict = {}  # place name -> (lat, lon, events)
        self.months: Counter = Counter()  # (YYYY-MM, drug) -> seizures dated to a day or a month in it
        self.undated = 0
        self.top = top
        self.best: dict[str, list] = defaultdict(list)  # unit -> heap of (value, n, record id, event json)
        self.totals: list = []
        self.keep = keep
        self.error_records: list = []
        self.max_errors = max_errors
        self._n = 0

    def add(self, rec: dict | None) -> None:
        if rec is None:  # a torn line
            self.torn += 1
            return
        self.articles += 1
        if rec.get("error"):
            self.errors += 1
            if len(self.error_records) < self.max_errors:
                self.error_records.append(rec)
        for e in rec.get("events") or []:
            self._event(rec.get("id"), e)

    def _event(self, rid, e: dict) -> None:
        self._n += 1
        row = self.drugs[e["drug"]]
        row["events"] += 1
        row[e["kind"]] = row.get(e["kind"], 0) + 1  # a kind of another file's making is counted, not trusted
        self.kinds[e["kind"]] += 1
        self.ranges += e.get("amount_range") is not None
        loc = e.get("location") or {}
        if loc.get("name"):
            self.places[loc["name"]] += 1
            if loc.get("lat") is not None and loc.get("lon") is not None:
                lat, lon, k = self.points.get(loc["name"], (loc["lat"], loc["lon"], 0))
                self.points[loc["name"]] = (lat, lon, k + 1)
        if e["kind"] == "aggregate":
            if len(self.totals) < self.keep:
                self.totals.append((rid, e))
            return
        d = e.get("date") or {}
        start, end = d.get("start") or "", d.get("end") or ""
        if start and start[:7] == end[:7]:  # a seizure dated within one month
            self.months[(start[:7], e["drug"])] += 1
        else:
            self.undated += 1
        a = e.get("amount") or {}
        if a.get("value") is not None:
            row["seized"][a["unit"]] += a["value"]
            heap = self.best[a["unit"]]
            item = (a["value"], self._n, str(rid), json.dumps(e, ensure_ascii=False))
            if len(heap) < self.top:
                heapq.heappush(heap, item)
            else:
                heapq.heappushpop(heap, item)

    def result(self) -> dict:
        seized: Counter = Counter()
        drugs = {}
        for drug, row in self.drugs.items():
            seized.update(row["seized"])
            drugs[drug] = {**row, "seized": {u: row["seized"][u] for u in UNIT_ORDER if row["seized"][u]}}
        return {
            "articles": self.articles,
            "events": sum(self.kinds.values()),
            "errors": self.errors,
            "torn": self.torn,
            "ranges": self.ranges,
            "kinds": self.kinds,
            "drugs": sorted(drugs.items(), key=lambda kv: (-kv[1]["events"], kv[0])),
            "seized": {u: seized[u] for u in UNIT_ORDER if seized[u]},
        }

    def largest(self) -> dict[str, list[tuple[str, dict]]]:
        """Per unit, in UNIT_ORDER, the largest single seizures: (record id, event), largest first."""
        return {
            u: [(rid, json.loads(e)) for _v, _n, rid, e in sorted(self.best[u], reverse=True)]
            for u in UNIT_ORDER
            if self.best.get(u)
        }


def summarise(path: str) -> dict:
    """Counts over an output file of article records; raises ValueError for a file that is not one."""
    tally = Tally()
    for rec in output_records(path):
        tally.add(rec)
    return tally.result()
