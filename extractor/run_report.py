"""The run report (``extractor report``): one self-contained page over an output file.

Every unit counts (kg, litres, pills, plants, units), seizures and totals apart, ranges as ranges,
dates as intervals; a month axis without gaps; one fixed colour per drug (``report.json``, from
colour-blind-safe palettes); a map of the seizure places over an outline of the Low Countries that
the project ships. Charts are matplotlib drawn to inline SVG, the map is SVG written here: no
scripts, no external URLs, readable on a laptop and on a phone. A switch (two radio buttons and CSS,
no script) counts by events or by incidents (``extractor.incident``: the reports of one seizure
counted once), and a table lists the incidents with more than one report.
"""

from __future__ import annotations

import html
import io
import math
from pathlib import Path

from .io import output_records
from .resources import load_json
from .summary import UNIT_ORDER, Tally

UNIT_NAMES = {"kg": "kg", "l": "litres", "pills": "pills", "plants": "plants", "units": "units"}
CHART_COLOR = "#1f5fbf"  # one-series charts (events by place) and the map's points


def drug_color(drug: str) -> str:
    data = load_json("report.json")
    return data["drug_colors"].get(drug, data["other_color"])


def amount_text(value: float | None, unit: str | None) -> str:
    """ "30 g" for 0.03 kg, "1,234.5 kg", "300 pills": an amount as an analyst reads it."""
    if value is None or unit is None:
        return ""
    if unit == "kg" and abs(value) < 1:
        return f"{value * 1000:,.4g} g"
    if unit in ("kg", "l"):
        return f"{value:,.1f} {unit}".replace(".0 ", " ")
    return f"{value:,.0f} {UNIT_NAMES.get(unit, unit)}"


def event_amount(e: dict) -> str:
    a, r = e.get("amount") or {}, e.get("amount_range") or {}
    if a.get("value") is not None:
        return ("~" if a.get("approximate") else "") + amount_text(a["value"], a["unit"])
    if r.get("low") is not None:
        unit = r.get("unit")
        return f"{amount_text(r['low'], unit)} – {amount_text(r['high'], unit)}"
    return "no amount"


def interval_text(d: dict | None) -> str:
    """A date as the interval it is: "2024-05-15", "2024-05", "2023", "2024-05-13 – 2024-05-19"."""
    if not d or not d.get("start"):
        return ""
    s, e = d["start"], d.get("end") or d["start"]
    if s == e:
        return s
    if s[:7] == e[:7] and s.endswith("-01") and _last_of_month(e):
        return s[:7]
    if s[:4] == e[:4] and s[5:] == "01-01" and e[5:] == "12-31":
        return s[:4]
    return f"{s} – {e}"


def _last_of_month(day: str) -> bool:
    import calendar

    y, m, d = (int(x) for x in day[:10].split("-"))
    return d == calendar.monthrange(y, m)[1]


# ---------------------------------------------------------------- charts


def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg") :]  # drop the XML prologue and doctype: the SVG is inline


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bar_chart(title: str, counts: dict, xlabel: str, colors: dict | None = None) -> str:
    from matplotlib.ticker import MaxNLocator

    plt = _plt()
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    fig, ax = plt.subplots(figsize=(5.5, 0.24 * max(4, len(items)) + 1.2))
    if items:
        labels, values = zip(*reversed(items), strict=True)
        fill = [colors.get(lab, CHART_COLOR) for lab in labels] if colors else CHART_COLOR
        ax.barh(labels, values, color=fill)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return _svg(fig)


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` ("YYYY-MM"), the empty ones too."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _month_chart(months: dict) -> str:
    """Seizures per month, stacked by drug, on a month axis without gaps."""
    from matplotlib.ticker import MaxNLocator

    plt = _plt()
    fig, ax = plt.subplots(figsize=(5.5, 3.2))
    if months:
        axis = months_between(min(m for m, _ in months), max(m for m, _ in months))
        drugs = sorted({d for _, d in months})
        x = list(range(len(axis)))
        bottom = [0] * len(axis)
        for drug in drugs:
            vals = [months.get((m, drug), 0) for m in axis]
            ax.bar(x, vals, bottom=bottom, label=drug, color=drug_color(drug), width=0.85)
            bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
        step = max(1, math.ceil(len(axis) / 12))
        ax.set_xticks(x[::step], axis[::step], rotation=45, ha="right", fontsize=7)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title("Seizures per month, by drug")
    ax.set_ylabel("seizures")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return _svg(fig)


# ---------------------------------------------------------------- map

_BOX = (2.4, 7.4, 49.3, 53.7)  # longitude and latitude bounds of the map


def map_svg(points: dict, width: int = 420) -> tuple[str, int]:
    """An SVG map of the Low Countries with one circle per place (area by events); the places outside
    the map are counted, not drawn. Returns (svg, events outside the map)."""
    lon0, lon1, lat0, lat1 = _BOX
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    scale = width / ((lon1 - lon0) * kx)
    height = round((lat1 - lat0) * scale)

    def xy(lon, lat):
        return (lon - lon0) * kx * scale, (lat1 - lat) * scale

    shapes = []
    for code, pts in load_json("report.json")["outline"].items():
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in pts))
        shapes.append(
            f'<polygon points="{path}" fill="#f2efe6" stroke="#8a8a8a" stroke-width="1"><title>{code}</title></polygon>'
        )
    dots, labels, outside = [], [], 0
    inside = sorted(
        ((n, p) for n, p in points.items() if lon0 <= p[1] <= lon1 and lat0 <= p[0] <= lat1),
        key=lambda kv: -kv[1][2],
    )
    outside = sum(p[2] for n, p in points.items() if not (lon0 <= p[1] <= lon1 and lat0 <= p[0] <= lat1))
    for rank, (name, (lat, lon, k)) in enumerate(inside):
        x, y = xy(lon, lat)
        r = 3 + 2.5 * math.sqrt(k)
        dots.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{CHART_COLOR}" fill-opacity=".55" '
            f'stroke="{CHART_COLOR}"><title>{html.escape(name)}: {k} event{"s" if k != 1 else ""}</title></circle>'
        )
        if rank < 8:
            labels.append(
                f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}" font-size="11">{html.escape(name)}</text>'
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="Map of seizure places"><title>Seizure places</title>'
        f'<rect width="{width}" height="{height}" fill="#dfeaf2"/>{"".join(shapes)}{"".join(dots)}{"".join(labels)}</svg>'
    )
    return svg, outside


# ---------------------------------------------------------------- page


def write_report_html(events_path: str, output: str, top: int = 10, max_errors: int = 100) -> None:
    """A self-contained summary of a run (article records JSONL), streamed through a ``Tally``."""
    from .report import _highlight, _page

    tally = Tally(top=top, max_errors=max_errors)
    slim = []  # each article's events, for the incidents (no text kept)
    for rec in output_records(events_path):
        tally.add(rec)
        if isinstance(rec, dict) and not rec.get("error") and rec.get("events"):
            slim.append({"id": rec.get("id"), "published": rec.get("published"), "events": rec["events"]})
    r = tally.result()
    esc = html.escape
    seized = "; ".join(amount_text(v, u) for u, v in r["seized"].items()) or "no amounts"
    head = (
        f"<p>{r['articles']} articles, {r['events']} events ({r['kinds']['seizure']} seizures, "
        f"{r['kinds']['aggregate']} totals), {r['errors']} errors"
        + (f", {r['torn']} torn lines" if r["torn"] else "")
        + f". In single seizures: {esc(seized)}"
        + (f"; {r['ranges']} amounts given as a range" if r["ranges"] else "")
        + ".</p>"
    )
    drug_rows = "".join(
        f'<tr><td><span class="swatch" style="background:{drug_color(d)}"></span>{esc(d)}</td>'
        f"<td>{row['events']}</td><td>{row['seizure']}</td><td>{row['aggregate']}</td>"
        f"<td>{esc('; '.join(amount_text(v, u) for u, v in row['seized'].items()))}</td></tr>"
        for d, row in r["drugs"]
    )
    by_drug = f"<h2>By drug</h2>{_table(['drug', 'events', 'seizures', 'totals', 'seized in single seizures'], drug_rows)}"
    colors = {d: drug_color(d) for d, _ in r["drugs"]}
    counted = _counting(
        by_drug + _bar_chart("Events by drug", {d: row["events"] for d, row in r["drugs"]}, "events", colors),
        _incidents_view(slim, colors),
    )
    the_map, outside = map_svg(tally.points)
    charts = [
        _bar_chart("Events by place (top 15)", dict(tally.places), "events"),
        _month_chart(dict(tally.months)),
        f"<figure>{the_map}<figcaption>Seizure places (circle area: events)"
        + (f"; {outside} events elsewhere in the world" if outside else "")
        + "</figcaption></figure>",
    ]
    largest = "".join(
        f"<h3>{esc(UNIT_NAMES[u])}</h3>"
        + _table(
            ["article", "drug", "amount", "date", "place", "evidence"],
            "".join(
                f"<tr><td>{esc(rid)}</td><td>{esc(e['drug'])}</td><td>{esc(event_amount(e))}</td>"
                f"<td>{esc(interval_text(e.get('date')))}</td><td>{esc((e.get('location') or {}).get('name') or '')}</td>"
                f"<td>{_highlight((e.get('evidence') or {}).get('sentence') or '', e)}</td></tr>"
                for rid, e in rows
            ),
        )
        for u, rows in tally.largest().items()
    )
    totals = "".join(
        f"<tr><td>{esc(str(rid))}</td><td>{esc(e['drug'])}</td><td>{esc(event_amount(e))}</td>"
        f"<td>{esc(interval_text(e.get('date')))}</td><td>{esc((e.get('location') or {}).get('name') or '')}</td>"
        f"<td>{_highlight((e.get('evidence') or {}).get('sentence') or '', e)}</td></tr>"
        for rid, e in tally.totals
    )
    errors = "".join(
        f"<tr><td>{esc(str(x.get('id')))}</td><td>{esc(x['error'].get('type', ''))}</td><td>{esc(x['error'].get('message', ''))}</td></tr>"
        for x in tally.error_records
    )
    body = (
        head
        + counted
        + f'<div class="charts">{"".join(charts)}</div>'
        + (f"<h2>Largest seizures</h2>{largest}" if largest else "")
        + f"<h2>Totals ({r['kinds']['aggregate']})</h2>"
        + (
            _table(["article", "drug", "amount", "period", "place", "evidence"], totals)
            if totals
            else '<p class="none">No totals.</p>'
        )
        + f"<h2>Errors ({r['errors']})</h2>"
        + (
            _table(["article", "type", "message"], errors)
            if errors
            else '<p class="none">No error records.</p>'
        )
    )
    Path(output).write_text(_page("Seizure events — run report", body), encoding="utf-8")


def _counting(by_events: str, by_incidents: str) -> str:
    """Two views and a switch between them: radio buttons and CSS (``.count`` in the page style)."""
    return (
        '<div class="count"><input type="radio" name="count" id="count-events" checked>'
        '<label for="count-events">Count events</label>'
        '<input type="radio" name="count" id="count-incidents">'
        '<label for="count-incidents">Count incidents</label>'
        f'<div class="by-events">{by_events}</div><div class="by-incidents">{by_incidents}</div></div>'
    )


def _incidents_view(records: list[dict], colors: dict, top: int = 20) -> str:
    """Per drug the incidents (a seizure reported by three articles counts once), their chart, and
    the incidents with the most reports."""
    from .incident import incidents, to_records

    esc = html.escape
    found = to_records(incidents(records))
    per: dict[str, dict] = {}
    for x in found:
        row = per.setdefault(
            x["drug"], {"incidents": 0, "seizure": 0, "aggregate": 0, "reports": 0, "seized": {}}
        )
        row["incidents"] += 1
        if x["kind"] in ("seizure", "aggregate"):  # a file edited by hand may hold anything
            row[x["kind"]] += 1
        row["reports"] += len(x["members"])
        a = x.get("amount")
        if x["kind"] == "seizure" and a and a.get("value") is not None:
            row["seized"][a["unit"]] = row["seized"].get(a["unit"], 0.0) + a["value"]
    order = sorted(per, key=lambda d: (-per[d]["incidents"], d))
    rows = "".join(
        f'<tr><td><span class="swatch" style="background:{drug_color(d)}"></span>{esc(d)}</td>'
        f"<td>{per[d]['incidents']}</td><td>{per[d]['seizure']}</td><td>{per[d]['aggregate']}</td>"
        f"<td>{per[d]['reports']}</td>"
        f"<td>{esc('; '.join(amount_text(v, u) for u, v in sorted(per[d]['seized'].items(), key=lambda kv: UNIT_ORDER.index(kv[0]) if kv[0] in UNIT_ORDER else 99)))}</td></tr>"
        for d in order
    )
    multi = sorted((x for x in found if x["articles"] > 1), key=lambda x: (-x["articles"], x["incident"]))
    listed = "".join(
        f"<tr><td>{esc(x['incident'])}</td><td>{esc(x['drug'])}</td><td>{esc(event_amount(x))}</td>"
        f"<td>{esc(interval_text(x.get('date')))}</td><td>{esc((x.get('location') or {}).get('name') or '')}</td>"
        f"<td>{x['articles']}</td><td>{esc(', '.join(dict.fromkeys(m['id'] for m in x['members'])))}</td></tr>"
        for x in multi[:top]
    )
    return (
        f"<h2>By drug, counting incidents ({len(found)} incidents from {sum(r['reports'] for r in per.values())} events)</h2>"
        + _table(["drug", "incidents", "seizures", "totals", "reports", "seized in single seizures"], rows)
        + _bar_chart("Incidents by drug", {d: per[d]["incidents"] for d in order}, "incidents", colors)
        + f"<h3>Incidents reported by more than one article ({len(multi)})</h3>"
        + (
            _table(["incident", "drug", "amount", "date", "place", "reports", "articles"], listed)
            if listed
            else '<p class="none">Every incident has one report.</p>'
        )
    )


def _table(head: list[str], rows: str) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return f'<div class="scroll"><table><tr>{th}</tr>{rows}</table></div>'


__all__ = ["write_report_html", "UNIT_ORDER"]
