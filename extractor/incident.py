"""Incidents: one real-world seizure (or one total) that many articles report, grouped across a corpus.

The customs press release, the national broadcaster and two regional papers all report the same
1,200 kilo; the same yearly figure returns in dozens of articles, rounded differently. ``group``
puts every event of the extractor's output records into exactly one incident:

- two events can be one incident when nothing specific conflicts: the same drug (or a drug and
  ``unspecified``), the same kind, amounts within the rounding news applies ("ruim 1.200 kilo",
  "1,2 ton", "1.236 kilo"; totals within a few percent), dates that overlap or lie a day apart (an
  undated report at most two weeks after the find), places that are the same or one inside the
  other (a part of a town, a town in its country, two names a few kilometres apart), the same street
  value and operation name; two events of one article are never one incident;
- and something specific agrees: the amount, the operation, or both a date and a town;
- an event joins the incident it agrees with best (complete linkage: it must agree with every
  member); otherwise it starts one of its own.

Events are visited in time order (the date of the find, else the publication date) and compared
only with the recent incidents of their drug, so the cost grows with the number of events, not
its square. An incident's fields are the most specific its members give (the exact amount over
the rounded one, the day over the month, the town over the country), each with its source member.
The same grouping merges the incidents of separately grouped partitions (``merge``), which is how
Dask groups an archive too big for one machine.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property, lru_cache

SEIZURE_DAYS = 1  # two dated reports of one seizure: intervals overlap or lie this many days apart
REPORT_DAYS = 14  # an undated report of a seizure appears at most this long after it
UNDATED_DAYS = 7  # two undated reports of one seizure: published at most this far apart
TOTAL_SHARE = 0.05  # totals: "ruim 46.000 kilo", "zo'n 46 ton", "bijna 47 ton"
SEIZURE_SHARE = 0.02  # exact seizures; a rounded figure may differ by half its last digit
ROUNDING_CAP = 0.10  # but never by more than this share
NEAR_KM = 10.0  # two places this close are one (a port and its town, a village and its town)
WINDOW_DAYS = REPORT_DAYS + 7  # a seizure incident is not looked at again this long after its latest report
TOTAL_WINDOW_DAYS = 400  # a total is repeated for about a year after its period


def _day(s) -> date | None:
    if not isinstance(s, str) or len(s) < 7:
        return None
    try:
        return date.fromisoformat(s if len(s) >= 10 else s + "-01")
    except ValueError:
        return None


@dataclass(frozen=True)
class Report:
    """One event of one article, read for matching."""

    id: str
    event: int
    order: int  # position in the input (articles and their events): keeps ties in input order
    published: date | None
    drug: str
    kind: str
    amount: dict | None
    start: date | None
    end: date | None
    place: dict | None
    value_eur: float | None
    operation: str | None
    raw: dict = field(compare=False, repr=False)

    @cached_property
    def when(self) -> date | None:
        """The time the event is sorted and windowed by: its date, else its publication."""
        if self.kind == "aggregate" and self.end is not None:
            return self.end
        return self.start or self.published


def reports(records: Iterable[dict]) -> Iterator[Report]:
    """Every event of the output records, in input order; records with an error give none."""
    order = 0
    for rec in records:
        if not isinstance(rec, dict) or rec.get("error"):
            continue
        published = _day(rec.get("published"))
        events = rec.get("events")
        for i, e in enumerate(events if isinstance(events, list) else []):
            e = e if isinstance(e, dict) else {}
            d = e.get("date") if isinstance(e.get("date"), dict) else {}
            start, end = _day(d.get("start")), _day(d.get("end"))
            if start is None or end is None or end < start:
                start = end = None
            place = e.get("location") if isinstance(e.get("location"), dict) else None
            if place is not None and not (_number(place.get("lat")) and _number(place.get("lon"))):
                place = {k: v for k, v in place.items() if k not in ("lat", "lon")}
            yield Report(
                id=str(rec.get("id")),
                event=i,
                order=order,
                published=published,
                drug=_text(e.get("drug")) or "unspecified",
                kind=_text(e.get("kind")) or "seizure",
                amount=_amount(e.get("amount")),
                start=start,
                end=end,
                place=place,
                value_eur=float(e["value_eur"]) if _number(e.get("value_eur")) else None,
                operation=_text(e.get("operation")),
                raw=e,
            )
            order += 1


def _number(x) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def _text(x) -> str | None:
    return x if isinstance(x, str) and x else None


def _amount(a) -> dict | None:
    """An amount with a finite positive value and a unit, else None (a file edited by hand)."""
    if not isinstance(a, dict) or not _number(a.get("value")) or a["value"] <= 0 or not _text(a.get("unit")):
        return None
    return a


# ---------------------------------------------------------------- does a pair agree?
# Each test answers True (agrees), False (conflicts) or None (nothing to compare).


@lru_cache(maxsize=65536)
def _grain(value: float) -> float:
    """The rounding a figure shows: 1200 -> 100, 1236 -> 1, 54.5 -> 0.1."""
    for k in range(6, -4, -1):
        step = 10.0**k
        if value >= step and abs(value / step - round(value / step)) < 1e-9:
            return step
    return 0.0


def amounts_agree(a: dict | None, b: dict | None, kind: str) -> bool | None:
    """Within the rounding news applies: "1,2 ton" and "1.236 kilo" (a seizure), "46 ton" and
    "bijna 47 ton" (a total); different units never."""
    if a is None or b is None:
        return None
    if a.get("unit") != b.get("unit"):
        return False
    x, y = float(a["value"]), float(b["value"])
    big = max(abs(x), abs(y))
    if kind == "aggregate":
        tol = TOTAL_SHARE * big
    else:
        tol = SEIZURE_SHARE * big
        for v, amt in ((x, a), (y, b)):
            if v:
                tol = max(tol, _grain(v) / 2, (SEIZURE_SHARE * 2.5 * v) if amt.get("approximate") else 0.0)
        tol = min(tol, ROUNDING_CAP * big)
    return abs(x - y) <= tol + 1e-9


def dates_agree(a: Report, b: Report) -> bool | None:
    """Seizures: overlapping or a day apart; totals: the same period; an undated report near the
    date of the other's find, or two undated reports published within a week."""
    if a.kind == "aggregate":
        if a.start and b.start:
            inter = (min(a.end, b.end) - max(a.start, b.start)).days + 1
            union = (max(a.end, b.end) - min(a.start, b.start)).days + 1
            return inter > 0 and inter / union >= 0.8
        return _published_near(a, b, TOTAL_WINDOW_DAYS)
    if a.start and b.start:
        gap = max((max(a.start, b.start) - min(a.end, b.end)).days, 0)
        return gap <= SEIZURE_DAYS
    return _published_near(a, b, REPORT_DAYS)


def _published_near(a: Report, b: Report, days: int) -> bool | None:
    dated, undated = (a, b) if a.start else (b, a)
    if undated.published is None:
        return None
    if dated.start is None:  # both undated
        if dated.published is None:
            return None
        return abs((dated.published - undated.published).days) <= UNDATED_DAYS
    return dated.start - timedelta(days=1) <= undated.published <= dated.end + timedelta(days=days)


@cache
def _countries() -> dict[str, str]:
    from .lexicon import countries_nl

    return countries_nl()


def _km(a: dict, b: dict) -> float:
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dl = math.radians(b["lon"] - a["lon"])
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


def places_agree(a: dict | None, b: dict | None) -> bool | None:
    """The same place, one inside the other (Maasvlakte in Rotterdam, Vlissingen in Nederland), or a
    few kilometres apart; two towns further apart or two countries conflict."""
    if a is None or b is None:
        return None
    na, nb = a.get("name"), b.get("name")
    if na == nb or na in (b.get("municipality"),) or nb in (a.get("municipality"),):
        return True
    if a.get("municipality") and a.get("municipality") == b.get("municipality"):
        return True
    countries = _countries()
    for x, y in ((a, b), (b, a)):
        if x.get("name") in countries:  # a country: the other must lie in it
            return countries[x["name"]] == y.get("country") or (
                y.get("name") not in countries and y.get("country") is None
            )
    if a.get("lat") is not None and b.get("lat") is not None:
        return _km(a, b) <= NEAR_KM
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    return None  # a region or a name without coordinates: nothing to compare


def _is_town(p: dict | None) -> bool:
    return p is not None and p.get("name") not in _countries()


def pair(a: Report, b: Report) -> float | None:
    """How well two reports agree (higher is better), or None when they cannot be one incident.

    The tests run from the cheapest and most often conflicting (kind, drug, amount) on, and stop
    at the first conflict.
    """
    if a.id == b.id or a.kind != b.kind:
        return None
    if a.drug != b.drug and "unspecified" not in (a.drug, b.drug):
        return None
    amount = amounts_agree(a.amount, b.amount, a.kind)
    if amount is False:
        return None
    when = dates_agree(a, b)
    if when is False:
        return None
    where = places_agree(a.place, b.place)
    if where is False:
        return None
    value = None
    if a.value_eur is not None and b.value_eur is not None:
        value = abs(a.value_eur - b.value_eur) <= 0.1 * max(a.value_eur, b.value_eur)
        if not value:
            return None
    operation = None
    if a.operation and b.operation:
        operation = a.operation == b.operation
        if not operation:
            return None
    dated = a.start is not None and b.start is not None and when
    townly = where and _is_town(a.place) and _is_town(b.place)
    if not (amount or operation or (dated and townly)):
        return None  # nothing specific agrees
    score = 2.0 * bool(amount) + 2.0 * bool(operation) + bool(when) + bool(where) + bool(value)
    return score + (0.5 if a.drug == b.drug != "unspecified" else 0.0)


# ---------------------------------------------------------------- incidents


@dataclass(eq=False)  # an incident is itself: compared by identity, not member by member
class Incident:
    """Reports of one real-world seizure or total; its fields are read from the most specific."""

    members: list[Report]
    scores: list[float] = field(default_factory=list)  # how well each later member agreed
    when: date | None = field(init=False, default=None)  # the latest time of a member

    def __post_init__(self) -> None:
        self.when = max((m.when for m in self.members if m.when), default=None)

    @property
    def drug(self) -> str:
        specific = [m.drug for m in self.members if m.drug != "unspecified"]
        return max(set(specific), key=specific.count) if specific else "unspecified"

    def agreement(self, r: Report) -> float | None:
        """The report's agreement with every member (None when it conflicts with any)."""
        if any(m.id == r.id for m in self.members):
            return None
        best = 0.0
        for m in self.members:
            s = pair(m, r)
            if s is None:
                return None
            best = max(best, s)
        return best

    def absorb(self, other: Incident, score: float) -> None:
        self.members = sorted(self.members + other.members, key=_pub_order)
        self.when = max((t for t in (self.when, other.when) if t), default=None)
        self.scores += [score] + other.scores

    def to_dict(self, number: int) -> dict:
        amount, amount_src = self._most(lambda m: m.amount is not None, _amount_rank)
        date_m, date_src = self._most(lambda m: m.start is not None, lambda m: (m.end - m.start).days)
        place_m, place_src = self._most(lambda m: m.place is not None, _place_rank)
        value_m, value_src = self._most(lambda m: m.value_eur is not None, lambda m: 0)
        op_m, _ = self._most(lambda m: bool(m.operation), lambda m: 0)
        ranged = next(
            (m.raw["amount_range"] for m in self.members if isinstance(m.raw.get("amount_range"), dict)), None
        )
        published = [m.published for m in self.members if m.published]
        out = {
            "incident": f"I-{number:06d}",
            "drug": self.drug,
            "kind": self.members[0].kind,
            "amount": _amount_out(amount.amount) if amount else None,
            "date": None,
            "location": place_m.place if place_m else None,
            "value_eur": value_m.value_eur if value_m else None,
            "operation": op_m.operation if op_m else None,
            "members": [{"id": m.id, "event": m.event} for m in self.members],
            "articles": len({m.id for m in self.members}),
            "first_published": min(published).isoformat() if published else None,
            "confidence": self.confidence,
            "sources": {
                k: v
                for k, v in (
                    ("amount", amount_src),
                    ("date", date_src),
                    ("location", place_src),
                    ("value_eur", value_src),
                )
                if v  # fmt: skip
            },
        }
        if ranged and amount is None:
            out["amount_range"] = ranged
        if date_m:
            out["date"] = {"start": date_m.start.isoformat(), "end": date_m.end.isoformat(),
                           "text": (date_m.raw.get("date") or {}).get("text", "")}  # fmt: skip
        return out

    @property
    def confidence(self) -> float:
        """1.0 for a report alone; else how well the members agreed (2 of 5 points is a match)."""
        if not self.scores:
            return 1.0
        return round(sum(min(1.0, s / 4.0) for s in self.scores) / len(self.scores), 3)

    def _most(self, has, rank):
        """The member with the most specific value of a field (lowest rank; ties: first published)."""
        cands = [m for m in self.members if has(m)]
        if not cands:
            return None, None
        best = min(cands, key=lambda m: (rank(m), _pub_order(m)))
        return best, {"id": best.id, "event": best.event}


def _pub_order(m: Report):
    return (m.published or date.max, m.order)


def _amount_rank(m: Report):
    """Exact before approximate, then the finer figure: 1.236 kilo before "1,2 ton"."""
    return (bool(m.amount.get("approximate")), _grain(float(m.amount["value"])))


def _place_rank(m: Report) -> int:
    """A part of a town (a street, a port) before a town before a country."""
    p = m.place
    if p.get("name") in _countries():
        return 2
    return 0 if p.get("municipality") else 1


def _amount_out(a: dict) -> dict:
    return {k: a[k] for k in ("value", "unit", "approximate", "text") if k in a}


def _window(kind: str) -> timedelta:
    return timedelta(days=TOTAL_WINDOW_DAYS if kind == "aggregate" else WINDOW_DAYS)


_BUCKET = math.log(1.15)  # amounts within the widest tolerance (10%) lie in neighbouring buckets


def _buckets(inc: Incident) -> set[tuple[str, int]]:
    """(unit, log-bucket) of each member's amount."""
    return {
        (m.amount["unit"], math.floor(math.log(float(m.amount["value"])) / _BUCKET))
        for m in inc.members
        if m.amount and float(m.amount["value"]) > 0
    }


class _Reach:
    """The incidents still in reach, filed by drug, kind and amount bucket (an incident without an
    amount under bucket None), so an item meets only those it could agree with."""

    def __init__(self) -> None:
        self.lists: dict[tuple, list[Incident]] = {}
        self.keys: dict[tuple[str, str], set[tuple]] = {}  # (drug, kind) -> its keys

    def add(self, inc: Incident) -> None:
        kind = inc.members[0].kind
        for unit_bucket in _buckets(inc) or {(None, None)}:
            key = (inc.drug, kind, *unit_bucket)
            lst = self.lists.setdefault(key, [])
            if inc not in lst:
                lst.append(inc)
            self.keys.setdefault((inc.drug, kind), set()).add(key)

    def candidates(self, item: Incident) -> list[Incident]:
        kind, when = item.members[0].kind, item.when
        drugs = (
            [d for d, k in self.keys if k == kind]
            if item.drug == "unspecified"
            else [item.drug, "unspecified"]
        )
        buckets = _buckets(item)
        keys: set[tuple] = set()
        for d in drugs:
            if buckets:
                keys |= {(d, kind, u, b + step) for u, b in buckets for step in (-1, 0, 1)}
                keys.add((d, kind, None, None))
            else:
                keys |= self.keys.get((d, kind), set())
        out, seen = [], set()
        for key in keys:
            lst = self.lists.get(key)
            if not lst:
                continue
            if when is not None:  # drop incidents out of reach: time only moves forward
                lst[:] = [x for x in lst if x.when is None or when - x.when <= _window(kind)]
            for inc in lst:
                if id(inc) not in seen:
                    seen.add(id(inc))
                    out.append(inc)
        return out


def group(items: Iterable[Incident]) -> list[Incident]:
    """Group incidents (a report alone is an incident of one) into fewer: each joins the recent
    incident of its drug and kind it agrees with best, or stays alone. Output in time order."""
    items = sorted(items, key=lambda x: (x.when or date.max, _pub_order(x.members[0])))
    out: list[Incident] = []
    reach = _Reach()
    for item in items:
        best, best_score = None, 0.0
        for inc in reach.candidates(item):
            score = _agreement(inc, item)
            if score is not None and (score > best_score or (score == best_score and _earlier(inc, best))):
                best, best_score = inc, score
        if best is None:
            out.append(item)
            reach.add(item)
            continue
        best.absorb(item, best_score)
        reach.add(best)  # under its new amounts, and its drug if it was unspecified
    return sorted(out, key=lambda x: (x.members[0].published or date.max, x.members[0].order))


def _earlier(a: Incident, b: Incident | None) -> bool:
    """Ties go to the incident first reported, whatever order the candidates came in."""
    return b is not None and _pub_order(a.members[0]) < _pub_order(b.members[0])


def _agreement(inc: Incident, item: Incident) -> float | None:
    scores = []
    for r in item.members:
        s = inc.agreement(r)
        if s is None:
            return None
        scores.append(s)
    return min(scores)


def incidents(records: Iterable[dict]) -> list[Incident]:
    """The incidents of the extractor's output records (each event in exactly one)."""
    return group(Incident([r]) for r in reports(records))


def merge(parts: Iterable[list[Incident]]) -> list[Incident]:
    """Incidents grouped separately (partitions of an archive) grouped once more across parts."""
    return group(inc for part in parts for inc in part)


def to_records(found: list[Incident]) -> list[dict]:
    """Output records, numbered in order of first publication."""
    return [inc.to_dict(i) for i, inc in enumerate(found, 1)]


def incidents_dask(records: Iterable[dict], workers: int = 2, scheduler: str | None = None,
                   partition_size: int = 20_000, tls: tuple = (None, None, None)) -> list[Incident]:  # fmt: skip
    """``incidents`` on a Dask cluster: the reports in time order, cut into partitions that are
    grouped on the workers, then ``merge`` across the partitions' edges here."""
    from .batch import dask_client

    ordered = sorted(reports(records), key=lambda r: (r.when or date.max, r.order))
    parts = [ordered[i : i + partition_size] for i in range(0, len(ordered), partition_size)]
    with dask_client(workers, scheduler, tls) as client:
        futures = client.map(_group_reports, parts, pure=False)
        grouped = client.gather(futures)
    return merge(grouped)


def _group_reports(part: list[Report]) -> list[Incident]:
    return group(Incident([r]) for r in part)


INCIDENT_FIELDS = [
    "incident", "drug", "kind", "amount_value", "amount_unit", "amount_approximate", "amount_low",
    "amount_high", "date_start", "date_end", "location", "country", "municipality", "lat", "lon",
    "value_eur", "operation", "articles", "first_published", "confidence", "members",
]  # fmt: skip


def flat_incident(d: dict) -> dict:
    """One CSV row of an incident record; members as "id#event" joined by "; "."""
    a, rng, dt, loc = (
        d.get("amount") or {},
        d.get("amount_range") or {},
        d.get("date") or {},
        d.get("location") or {},
    )
    return {
        "incident": d["incident"], "drug": d["drug"], "kind": d["kind"],
        "amount_value": a.get("value"), "amount_unit": a.get("unit") or rng.get("unit"),
        "amount_approximate": a.get("approximate"), "amount_low": rng.get("low"), "amount_high": rng.get("high"),
        "date_start": dt.get("start"), "date_end": dt.get("end"),
        "location": loc.get("name"), "country": loc.get("country"), "municipality": loc.get("municipality"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "value_eur": d.get("value_eur"),
        "operation": d.get("operation"), "articles": d["articles"], "first_published": d.get("first_published"),
        "confidence": d["confidence"], "members": "; ".join(f"{m['id']}#{m['event']}" for m in d["members"]),
    }  # fmt: skip


def pairwise(gold: dict[tuple[str, str], str], found: list[Incident]) -> dict:
    """Pairwise precision, recall and F1 over (article id, drug) items: a pair counts when both
    items share an incident. ``gold`` maps each item to its true incident label; an item the
    extraction missed is an incident of its own."""
    pred = {(m.id, m.drug): n for n, inc in enumerate(found) for m in inc.members}
    items = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_gold = gold[a] == gold[b]
            same_pred = a in pred and b in pred and pred[a] == pred[b]
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pairs": tp + fn}
