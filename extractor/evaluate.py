"""Scoring predicted events against gold, with the matching of ``shared/tools/score_events.py``.

A predicted event matches a gold event of the same article when the drug ids are
equal and the amounts agree (both null, or the same unit and values within 2%);
pairs are matched one-to-one, greedily, in document order. Field scores (kind,
date, location, value_eur) are computed over matched pairs whose gold field is set.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return " ".join(s.lower().replace("-", " ").split())


def amount_ok(p, g) -> bool:
    if p and p.get("value") is None:
        p = None
    if not g and not p:
        return True
    if not g or not p:
        return False
    try:
        pv, gv = float(p["value"]), float(g["value"])
    except (KeyError, TypeError, ValueError):
        return False
    return p.get("unit") == g.get("unit") and abs(pv - gv) <= 0.02 * abs(gv) + 1e-9


def _bounds(d):
    if not d or not d.get("start"):
        return None
    s, e = d["start"], d.get("end") or d["start"]

    def lo(x):
        return x + "-01-01" if len(x) == 4 else x + "-01" if len(x) == 7 else x[:10]

    def hi(x):
        return x + "-12-31" if len(x) == 4 else x + "-31" if len(x) == 7 else x[:10]

    return lo(s), hi(e)


def _day(x: str) -> date:
    y, m, d = (int(v) for v in x.split("-"))
    while True:
        try:
            return date(y, m, d)
        except ValueError:
            d -= 1


def date_ok(p, g) -> bool:
    pb, gb = _bounds(p), _bounds(g)
    if not pb or not gb:
        return False
    one = timedelta(days=1)
    return _day(gb[0]) - one <= _day(pb[0]) and _day(pb[1]) <= _day(gb[1]) + one


def _loc_name(p):
    loc = p.get("location")
    return (loc.get("name") or loc.get("text")) if isinstance(loc, dict) else loc


def location_ok(p, g) -> bool:
    name = _loc_name(p)
    if not name:
        return False
    n = _norm(name)
    return any(n == _norm(a) or _norm(a) in n.split(" ") for a in g["location"])


def value_ok(p, g) -> bool:
    pv = p.get("value_eur")
    return pv is not None and abs(float(pv) - float(g["value_eur"])) <= 0.02 * abs(float(g["value_eur"]))


FIELDS = {
    "kind": lambda p, g: p.get("kind") == g["kind"],
    "date": lambda p, g: date_ok(p.get("date"), g["date"]),
    "location": location_ok,
    "value_eur": value_ok,
}


def match_events(gold_events: list[dict], pred_events: list[dict]) -> list[int | None]:
    """For each gold event, the index of the predicted event it matches (one-to-one, greedy, in order)."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold_events:
        hit = next(
            (
                i
                for i, p in enumerate(pred_events)
                if i not in used
                and p.get("drug") == g["drug"]
                and amount_ok(p.get("amount"), g.get("amount"))
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        out.append(hit)
    return out


def score(gold: list[dict], pred: dict[str, dict]) -> dict:
    """Precision, recall, F1, field accuracies and every miss (with its sentence)."""
    tp = fp = fn = 0
    hits = {f: [0, 0] for f in FIELDS}
    details, missing, errors = [], [], []

    def miss(art, g):
        details.append(
            {
                "type": "FN",
                "id": art["id"],
                "drug": g["drug"],
                "amount": g.get("amount"),
                "sentence": g.get("evidence"),
            }
        )

    for art in gold:
        rec = pred.get(str(art["id"]))
        if rec is None:
            missing.append(art["id"])
            fn += len(art["events"])
            for g in art["events"]:
                miss(art, g)
            continue
        if rec.get("error"):
            errors.append(art["id"])
        pevents = list(rec.get("events") or [])
        matched = match_events(art["events"], pevents)
        for g, hit in zip(art["events"], matched, strict=True):
            if hit is None:
                fn += 1
                miss(art, g)
                continue
            tp += 1
            p = pevents[hit]
            for f, ok in FIELDS.items():
                if g.get(f) in (None, [], ""):
                    continue
                hits[f][1] += 1
                try:
                    good = bool(ok(p, g))
                except Exception:
                    good = False
                hits[f][0] += good
                if not good:
                    details.append(
                        {
                            "type": f"field:{f}",
                            "id": art["id"],
                            "drug": g["drug"],
                            "amount": g.get("amount"),
                            "gold": g.get(f),
                            "pred": p.get(f),
                            "sentence": (p.get("evidence") or {}).get("sentence"),
                        }
                    )
        used = {i for i in matched if i is not None}
        for i, p in enumerate(pevents):
            if i not in used:
                fp += 1
                details.append(
                    {
                        "type": "FP",
                        "id": art["id"],
                        "drug": p.get("drug"),
                        "amount": p.get("amount"),
                        "sentence": (p.get("evidence") or {}).get("sentence"),
                    }
                )
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    return {
        "articles": len(gold), "tp": tp, "fp": fp, "fn": fn,
        "precision": round(prec, 4), "recall": round(rec_, 4), "f1": round(f1, 4),
        "fields": {f: (round(h / n, 4) if n else None, n) for f, (h, n) in hits.items()},
        "missing_records": missing, "error_records": errors, "details": details,
    }  # fmt: skip


def format_score(r: dict) -> str:
    fl = " ".join(f"{f}={v[0]}(n={v[1]})" for f, v in r["fields"].items())
    return (
        f"missing={len(r['missing_records'])} errors={len(r['error_records'])} fields: {fl}\n"
        f"events P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
        f"(tp={r['tp']} fp={r['fp']} fn={r['fn']}, {r['articles']} articles)"
    )


def format_details(r: dict) -> str:
    lines = []
    for d in r["details"]:
        amt = d.get("amount") or {}
        amount = f"{amt.get('value')} {amt.get('unit')}" if amt else "-"
        head = f"{d['type']:<15} {d['id']:<28} {d['drug']:<12} {amount:<16}"
        extra = (
            f" gold={d.get('gold')!r} pred={_short(d.get('pred'))!r}" if d["type"].startswith("field") else ""
        )
        lines.append(f"{head}{extra}\n    {(d.get('sentence') or '')[:200]}")
    return "\n".join(lines)


def _short(v):
    if isinstance(v, dict):
        return v.get("name") or {k: v[k] for k in ("start", "end") if k in v} or v
    return v
