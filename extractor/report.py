"""HTML views: highlighted articles (``show``), a run summary with charts (``report``), and
gold vs predicted side by side (``evaluate --html``).

Pages are self-contained: styles inline, charts rendered by matplotlib to inline SVG, no
scripts and no external URLs. Inputs are streamed; ``show`` writes pages of ``per_page``
articles, ``report`` keeps only running totals, the top seizures and the first errors, so
10,000 articles never reach the browser at once.
"""

from __future__ import annotations

import heapq
import html
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

from . import extensions as ext
from .io import output_records

COLORS = {
    "DRUG": "#ff9f1c",
    "QUANTITY": "#2ec4b6",
    "MONEY": "#9bde7e",
    "DATE": "#cbaacb",
    "PLACE": "#8ecae6",
    "AGENCY": "#ffd6a5",
    "OPERATION": "#e5989b",
    "TRIGGER": "#f28482",
}
CHART_COLOR = "#1f5fbf"
_STYLE = f"""
body {{ font-family: sans-serif; margin: 2em; color: #222; max-width: 1100px; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.25em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; margin: .6em 0 1.2em; font-size: .9em; }}
th, td {{ border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }}
th {{ background: #f2f2f2; }}
.article {{ border-top: 3px solid #ddd; padding-top: 1em; margin-top: 2em; }}
.none {{ color: #888; font-style: italic; }}
.miss {{ background: #ffd7d7; }} .hit {{ background: #e1f5e1; }}
mark {{ padding: 0 .15em; border-radius: .2em; }}
mark.drug {{ background: {COLORS["DRUG"]}; }} mark.amount {{ background: {COLORS["QUANTITY"]}; }}
.charts {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; align-items: start; }}
.charts svg {{ max-width: 100%; height: auto; }}
nav a {{ margin-right: 1em; }}
"""


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n"
    )


# ---------------------------------------------------------------- show: highlighted articles


def render_doc(doc) -> str:
    """The article with drugs, amounts, dates, places, agencies, operations and triggers highlighted (displaCy spans)."""
    from spacy import displacy
    from spacy.tokens import Span

    from .linking.params import params

    spans = []
    for key, label in (
        (ext.DRUGS_KEY, "DRUG"),
        (ext.AMOUNTS_KEY, None),
        (ext.DATES_KEY, "DATE"),
        (ext.PLACES_KEY, "PLACE"),
        (ext.AGENCIES_KEY, "AGENCY"),
        (ext.OPERATIONS_KEY, "OPERATION"),
    ):
        for s in doc.spans.get(key, []):
            spans.append(Span(doc, s.start, s.end, label=label or s.label_))
    single = params().strong.single
    for tok in doc:
        if tok.lower_ in single:
            spans.append(Span(doc, tok.i, tok.i + 1, label="TRIGGER"))
    doc.spans["_show"] = spans
    out = displacy.render(doc, style="span", options={"spans_key": "_show", "colors": COLORS}, jupyter=False)
    del doc.spans["_show"]
    return out


def _event_rows(events: list[dict], marks: list[str] | None = None) -> str:
    if not events:
        return '<p class="none">No seizure events in this article.</p>'
    head = "<tr><th>drug</th><th>amount</th><th>kind</th><th>date</th><th>location</th><th>value (EUR)</th><th>agency</th><th>operation</th><th>confidence</th><th>evidence</th></tr>"
    rows = []
    for i, e in enumerate(events):
        a = e.get("amount") or {}
        amount = (
            f"{a.get('value'):,.3f}".rstrip("0").rstrip(".") + f" {a.get('unit')}"
            if a.get("value") is not None
            else ""
        )
        if not amount and e.get("amount_range"):
            r = e["amount_range"]
            amount = f"{r['low']:g}–{r['high']:g} {r['unit']}"
        d = e.get("date") or {}
        date = f"{d.get('start')} – {d.get('end')}" if d else ""
        loc = (
            (e.get("location") or {}).get("name")
            if isinstance(e.get("location"), dict)
            else ", ".join(e.get("location") or [])
        )
        ev = e.get("evidence") or {}
        sentence = ev.get("sentence") if isinstance(ev, dict) else ev
        cls = f' class="{marks[i]}"' if marks else ""
        value = f"{e['value_eur']:,.0f}" if e.get("value_eur") else ""
        rows.append(
            f"<tr{cls}><td>{html.escape(str(e.get('drug')))}</td><td>{html.escape(amount)}</td><td>{html.escape(str(e.get('kind', '')))}</td>"
            f"<td>{html.escape(date)}</td><td>{html.escape(loc or '')}</td><td>{value}</td>"
            f"<td>{html.escape(', '.join(e.get('agency') or []))}</td><td>{html.escape(e.get('operation') or '')}</td>"
            f"<td>{e.get('confidence', '')}</td><td>{_highlight(sentence or '', e)}</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _highlight(sentence: str, e: dict) -> str:
    """The evidence sentence with the drug and the amount marked."""
    marks = []
    for text, cls in ((e.get("drug_text"), "drug"), ((e.get("amount") or {}).get("text"), "amount")):
        if text:
            i = sentence.find(text)
            if i >= 0:
                marks.append((i, i + len(text), cls))
    marks.sort()
    out, pos = [], 0
    for a, b, cls in marks:
        if a < pos:
            continue
        out.append(html.escape(sentence[pos:a]))
        out.append(f'<mark class="{cls}">{html.escape(sentence[a:b])}</mark>')
        pos = b
    out.append(html.escape(sentence[pos:]))
    return "".join(out)


def write_show_html(inputs: list[str], output: str, model: str = "auto", per_page: int = 200) -> list[str]:
    """Highlighted articles with their events, ``per_page`` articles per file (output, output-2, ...)."""
    from .api import Extractor, RecordError
    from .io import read_records
    from .text import clean_record

    ex = Extractor(model=model)
    out = Path(output)
    pages: list[str] = []
    chunk: list[str] = []

    def flush():
        n = len(pages) + 1
        path = out if n == 1 else out.with_name(f"{out.stem}-{n}{out.suffix}")
        nav = (
            f'<nav><a href="{out.stem}-{n + 1}{out.suffix}">next page</a></nav>'
            if len(chunk) == per_page
            else ""
        )
        path.write_text(
            _page(f"Seizure events — articles (page {n})", "\n".join(chunk) + nav), encoding="utf-8"
        )
        pages.append(str(path))
        chunk.clear()

    for rec in read_records(inputs):
        rec = clean_record(rec)
        rid = html.escape(str(rec.get("id")))
        if rec.get("error"):
            chunk.append(
                f'<div class="article"><h2>{rid}</h2><p class="miss">{html.escape(rec["error"]["message"])}</p></div>'
            )
        else:
            try:
                doc = ex.nlp(ex.make_doc(rec.get("text"), rec.get("published"), rec.get("title")))
                events = [e.to_dict() for e in doc._.get(ext.SEIZURE_EVENTS) or []]
                chunk.append(
                    f'<div class="article"><h2>{rid} <small>({html.escape(str(doc._.get(ext.PUBLISHED)))})</small></h2>'
                    f"{render_doc(doc)}{_event_rows(events)}</div>"
                )
            except RecordError as e:
                chunk.append(
                    f'<div class="article"><h2>{rid}</h2><p class="miss">{html.escape(str(e))}</p></div>'
                )
        if len(chunk) >= per_page:
            flush()
    if chunk or not pages:
        flush()
    return pages


# ---------------------------------------------------------------- report: a run summary with charts


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg") :]  # drop the XML prologue and doctype: the SVG is inline


def _bar_chart(title: str, counts: dict, xlabel: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    items = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:15]
    fig, ax = plt.subplots(figsize=(5.5, 0.22 * max(4, len(items)) + 1.2))
    if items:
        labels, values = zip(*items, strict=True)
        ax.barh(list(reversed(labels)), list(reversed(values)), color=CHART_COLOR)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return _svg(fig)


def _month_chart(kg_by_month_drug: dict) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    months = sorted({m for m, _ in kg_by_month_drug})
    drugs = sorted({d for _, d in kg_by_month_drug})
    fig, ax = plt.subplots(figsize=(5.5, 3.2))
    bottom = [0.0] * len(months)
    for i, drug in enumerate(drugs):
        vals = [kg_by_month_drug.get((m, drug), 0.0) for m in months]
        ax.bar(months, vals, bottom=bottom, label=drug, color=CHART_COLOR if i == 0 else None)
        bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    ax.set_title("Kilograms seized per month (single seizures, by drug)")
    ax.set_ylabel("kg")
    if drugs:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    return _svg(fig)


def write_report_html(events_path: str, output: str, top: int = 25, max_errors: int = 100) -> None:
    """A self-contained summary of a run (article records JSONL), streamed."""
    n = n_err = 0
    by_drug: Counter = Counter()
    kg_by_drug: Counter = Counter()
    by_place: Counter = Counter()
    kg_by_month: defaultdict = defaultdict(float)
    kinds: Counter = Counter()
    best: list = []
    errors: list = []
    for rec in output_records(events_path):
        if rec is None:  # a torn last line
            continue
        n += 1
        if rec.get("error"):
            n_err += 1
            if len(errors) < max_errors:
                errors.append(rec)
            continue
        for e in rec.get("events") or []:
            by_drug[e["drug"]] += 1
            kinds[e["kind"]] += 1
            loc = (e.get("location") or {}).get("name")
            if loc:
                by_place[loc] += 1
            a = e.get("amount") or {}
            if a.get("unit") == "kg" and a.get("value") is not None and e["kind"] == "seizure":
                kg_by_drug[e["drug"]] += a["value"]
                d = e.get("date") or {}
                if d.get("start"):
                    kg_by_month[(d["start"][:7], e["drug"])] += a["value"]
                item = (a["value"], rec.get("id"), json.dumps(e, ensure_ascii=False))
                if len(best) < top:
                    heapq.heappush(best, item)
                else:
                    heapq.heappushpop(best, item)
    charts = [
        _bar_chart("Events by drug", dict(by_drug), "events"),
        _bar_chart("Kilograms seized by drug (single seizures)", dict(kg_by_drug), "kg"),
        _bar_chart("Events by place (top 15)", dict(by_place), "events"),
        _month_chart(dict(kg_by_month)),
    ]
    top_events = [(rid, json.loads(e)) for _, rid, e in sorted(best, reverse=True)]
    top_html = "".join(
        f"<tr><td>{html.escape(str(rid))}</td><td>{html.escape(e['drug'])}</td><td>{e['amount']['value']:,.1f} kg</td>"
        f"<td>{html.escape((e.get('date') or {}).get('start') or '')}</td><td>{html.escape((e.get('location') or {}).get('name') or '')}</td>"
        f"<td>{_highlight((e.get('evidence') or {}).get('sentence') or '', e)}</td></tr>"
        for rid, e in top_events
    )
    err_html = "".join(
        f"<tr><td>{html.escape(str(r.get('id')))}</td><td>{html.escape(r['error'].get('type', ''))}</td><td>{html.escape(r['error'].get('message', ''))}</td></tr>"
        for r in errors
    )
    body = (
        f"<p>{n} articles, {sum(by_drug.values())} events ({kinds['seizure']} seizures, {kinds['aggregate']} totals), {n_err} errors. "
        f"{sum(kg_by_drug.values()):,.1f} kg in single seizures.</p>"
        f'<div class="charts">{"".join(charts)}</div>'
        f"<h2>Top seizures</h2><table><tr><th>article</th><th>drug</th><th>amount</th><th>date</th><th>place</th><th>evidence</th></tr>{top_html}</table>"
        f"<h2>Errors ({n_err})</h2>"
        + (
            f"<table><tr><th>article</th><th>type</th><th>message</th></tr>{err_html}</table>"
            if errors
            else '<p class="none">No error records.</p>'
        )
    )
    Path(output).write_text(_page("Seizure events — run report", body), encoding="utf-8")


# ---------------------------------------------------------------- evaluate --html


def write_evaluation_html(
    gold_rows: list[dict], preds: dict, texts: dict, output: str, model: str = "auto"
) -> None:
    """Each article highlighted, with gold and predicted events side by side; misses marked."""
    from .api import Extractor
    from .evaluate import match_events

    ex = Extractor(model=model)
    parts = []
    for g in gold_rows:
        rid = str(g["id"])
        rec = texts.get(rid)
        pred = (preds.get(rid) or {}).get("events") or []
        matched = match_events(g["events"], pred)
        gmarks = ["hit" if i is not None else "miss" for i in matched]
        used = {i for i in matched if i is not None}
        pmarks = ["hit" if i in used else "miss" for i in range(len(pred))]
        view = ""
        if rec is not None:
            doc = ex.nlp(ex.make_doc(rec.get("text") or "", rec.get("published"), rec.get("title")))
            view = render_doc(doc)
        parts.append(
            f'<div class="article"><h2>{html.escape(rid)}</h2>{view}'
            f"<h3>gold</h3>{_event_rows(g['events'], gmarks)}<h3>predicted</h3>{_event_rows(pred, pmarks)}</div>"
        )
    Path(output).write_text(_page("Seizure events — gold and predicted", "\n".join(parts)), encoding="utf-8")
