"""HTML views: highlighted articles (``show``), a run summary with charts (``report``), and
gold vs predicted side by side (``evaluate --html``).

Pages are self-contained: styles inline, charts rendered by matplotlib to inline SVG, no
scripts and no external URLs. Inputs are streamed; ``show`` writes pages of ``per_page``
articles, ``report`` (``run_report``) keeps only running totals, the largest seizures and the
first errors, so 10,000 articles never reach the browser at once.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from . import extensions as ext
from .run_report import interval_text

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
_STYLE = f"""
body {{ font-family: sans-serif; margin: 1em auto; padding: 0 1.2em; color: #222; max-width: 1500px; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.25em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; margin: .6em 0 1.2em; font-size: .9em; }}
th, td {{ border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }}
th {{ background: #f2f2f2; }}
.article {{ border-top: 3px solid #ddd; padding-top: 1em; margin-top: 2em; }}
.none {{ color: #888; font-style: italic; }}
.miss {{ background: #ffd7d7; }} .hit {{ background: #e1f5e1; }}
mark {{ padding: 0 .15em; border-radius: .2em; }}
.headline {{ font-weight: bold; font-size: 1.1em; margin-bottom: .4em; }}
.sides {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 1em; }}
.index a {{ display: inline-block; margin: .1em .4em .1em 0; padding: 0 .3em; border-radius: .2em; }}
.legend span {{ padding: 0 .3em; }}
mark.drug {{ background: {COLORS["DRUG"]}; }} mark.amount {{ background: {COLORS["QUANTITY"]}; }}
.charts {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 1em; align-items: start; }}
.charts svg {{ max-width: 100%; height: auto; }} figure {{ margin: 0; }} figcaption {{ font-size: .85em; color: #555; }}
.scroll {{ overflow-x: auto; }} .swatch {{ display: inline-block; width: .9em; height: .9em; margin-right: .4em; vertical-align: -.1em; border-radius: .15em; }}
nav a {{ margin-right: 1em; }}
.count > input {{ position: absolute; opacity: 0; }}
.count > label {{ display: inline-block; padding: .3em .8em; margin: .8em .4em 0 0; border: 1px solid #999; border-radius: .3em; cursor: pointer; }}
.count > input:checked + label {{ background: #1f5fbf; color: #fff; border-color: #1f5fbf; }}
.count > input:focus-visible + label {{ outline: 2px solid #222; }}
#count-events:checked ~ .by-incidents, #count-incidents:checked ~ .by-events {{ display: none; }}
#count-incidents:target ~ .by-events {{ display: none; }} #count-incidents:target ~ .by-incidents {{ display: block; }}
#count-incidents:target + label {{ background: #1f5fbf; color: #fff; }}
.count .by-events svg, .count .by-incidents svg {{ max-width: min(100%, 640px); height: auto; }}
"""


# no script runs on a generated page, whatever a file holds: only inline styles, data: images
_CSP = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
)


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">{_CSP}<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n"
    )


# ---------------------------------------------------------------- show: highlighted articles


_MARK_END = re.compile(r"\s*</mark>\n?")


def render_doc(doc) -> str:
    """The article as written (its headline above it), with drugs, amounts, dates, places, agencies,
    operations and find words highlighted: displaCy's entity style over character offsets, so the
    text keeps its own spacing and line breaks."""
    from spacy import displacy

    from .linking.params import params

    text = ext.doc_text(doc)
    title_end = doc._.get(ext.TITLE_END) or 0
    marks = []
    for key, label in (
        (ext.DRUGS_KEY, "DRUG"),
        (ext.AMOUNTS_KEY, None),
        (ext.DATES_KEY, "DATE"),
        (ext.PLACES_KEY, "PLACE"),
        (ext.AGENCIES_KEY, "AGENCY"),
        (ext.OPERATIONS_KEY, "OPERATION"),
    ):
        marks += [(s.start_char, s.end_char, label or s.label_) for s in doc.spans.get(key, [])]
    single = params().strong.single
    marks += [(t.idx, t.idx + len(t), "TRIGGER") for t in doc if t.lower_ in single]
    kept, end = [], -1
    for a, b, label in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):  # no overlaps: the longer first
        if a >= end:
            kept.append((a, b, label))
            end = b
    body_start = title_end + len(text[title_end:]) - len(text[title_end:].lstrip()) if title_end else 0
    parts = []
    for lo, hi, is_title in ((0, title_end, True), (body_start, len(text), False)):
        if hi <= lo:
            continue
        ents = [
            {"start": a - lo, "end": b - lo, "label": label} for a, b, label in kept if lo <= a and b <= hi
        ]
        rendered = displacy.render(
            {"text": text[lo:hi], "ents": ents, "title": None},
            style="ent", manual=True, options={"colors": COLORS}, jupyter=False,
        )  # fmt: skip
        rendered = _MARK_END.sub("</mark>", rendered)  # displaCy's template puts a space after each mark
        parts.append(f'<div class="headline">{rendered}</div>' if is_title else rendered)
    return "".join(parts)


def _event_rows(events: list[dict], marks: list[str] | None = None, compact: bool = False) -> str:
    """The events as a table; ``compact`` (side by side with gold) leaves out agency, operation and confidence."""
    if not events:
        return '<p class="none">No seizure events in this article.</p>'
    cols = ["drug", "amount", "kind", "date", "location", "value (EUR)"]
    cols += [] if compact else ["agency", "operation", "confidence"]
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in [*cols, "evidence"]) + "</tr>"
    rows = []
    for i, e in enumerate(events):
        a, r = e.get("amount") or {}, e.get("amount_range") or {}
        amount = (
            f"{_num(a.get('value'), '{:,.3f}').rstrip('0').rstrip('.')} {_text(a.get('unit'))}"
            if a.get("value") is not None
            else ""
        )
        if not amount and r:
            amount = f"{_num(r.get('low'), '{:g}')}–{_num(r.get('high'), '{:g}')} {_text(r.get('unit'))}"
        loc = e.get("location")
        loc = (
            loc.get("name")
            if isinstance(loc, dict)
            else ", ".join(map(_text, loc))
            if isinstance(loc, list)
            else loc
        )
        ev = e.get("evidence") or {}
        sentence = ev.get("sentence") if isinstance(ev, dict) else ev
        cells = [e.get("drug"), amount, e.get("kind", ""), interval_text(e.get("date")) if isinstance(e.get("date"), dict) else e.get("date"),
                 loc, _num(e.get("value_eur"), "{:,.0f}") if e.get("value_eur") else ""]  # fmt: skip
        if not compact:
            agency = e.get("agency") or []
            cells += [
                ", ".join(map(_text, agency)) if isinstance(agency, list) else agency,
                e.get("operation"),
                e.get("confidence", ""),
            ]
        cls = f' class="{marks[i]}"' if marks else ""
        tds = "".join(f"<td>{html.escape(_text(c))}</td>" for c in cells)  # every value escaped, one helper
        rows.append(f"<tr{cls}>{tds}<td>{_highlight(_text(sentence), e)}</td></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _text(v) -> str:
    """Any value as text for a page (escaped where it is placed): None is empty."""
    return "" if v is None else v if isinstance(v, str) else str(v)


def _num(v, fmt: str) -> str:
    """A number formatted, anything else as its text: a file may hold a string where a number belongs."""
    return fmt.format(v) if isinstance(v, int | float) and not isinstance(v, bool) else _text(v)


def _highlight(sentence: str, e: dict) -> str:
    """The evidence sentence with the drug and the amount marked."""
    marks = []
    for text, cls in ((e.get("drug_text"), "drug"), ((e.get("amount") or {}).get("text"), "amount")):
        if text and isinstance(text, str):
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


def page_name(out: Path, n: int) -> str:
    return out.name if n == 1 else f"{out.stem}-{n}{out.suffix}"


def write_show_html(
    inputs: list[str], output: str, model: str = "auto", per_page: int = 200, keys=None
) -> list[str]:
    """Highlighted articles with their events, ``per_page`` articles per file (output, output-2, ...),
    each page linked to the one before and after it."""
    from .api import Extractor, RecordError
    from .io import Keys, read_records
    from .text import clean_record

    ex = Extractor(model=model)
    out = Path(output)
    pages: list[str] = []
    chunk: list[str] = []

    def flush(last: bool):
        n = len(pages) + 1
        prev = f'<a href="{page_name(out, n - 1)}">previous page</a>' if n > 1 else ""
        nxt = "" if last else f'<a href="{page_name(out, n + 1)}">next page</a>'
        nav = f"<nav>{prev}{nxt}</nav>" if prev or nxt else ""
        path = out.with_name(page_name(out, n))
        path.write_text(
            _page(f"Seizure events — articles (page {n})", nav + "\n".join(chunk) + nav), encoding="utf-8"
        )
        pages.append(str(path))
        chunk.clear()

    pending = None  # a full page is written when the next article shows there is one after it
    for rec in read_records(inputs, keys or Keys()):
        if pending is not None:
            chunk[:] = pending
            flush(last=False)
            pending = None
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
            pending, chunk[:] = list(chunk), []
    if pending is not None:
        chunk[:] = pending
    flush(last=True)
    return pages


# ---------------------------------------------------------------- report: a run summary with charts


# ---------------------------------------------------------------- evaluate --html


def write_evaluation_html(
    gold_rows: list[dict],
    preds: dict,
    texts: dict,
    output: str,
    model: str = "auto",
    result: dict | None = None,
) -> None:
    """The scores, an index of the articles with misses, then each article highlighted with its gold
    and predicted events side by side (matched green, missed red)."""
    from .api import Extractor
    from .evaluate import match_events, score

    r = result if result is not None else score(gold_rows, preds)
    ex = Extractor(model=model)
    parts, index = [], []
    for g in gold_rows:
        rid = str(g["id"])
        rec = texts.get(rid)
        pred = (preds.get(rid) or {}).get("events") or []
        matched = match_events(g["events"], pred)
        gmarks = ["hit" if i is not None else "miss" for i in matched]
        used = {i for i in matched if i is not None}
        pmarks = ["hit" if i in used else "miss" for i in range(len(pred))]
        misses = gmarks.count("miss") + pmarks.count("miss")
        anchor = "a-" + re.sub(r"[^\w-]", "_", rid)
        index.append(
            f'<a href="#{anchor}" class="{"miss" if misses else "hit"}">{html.escape(rid)}'
            + (f" ({misses})" if misses else "")
            + "</a>"
        )
        view = ""
        if rec is not None:
            doc = ex.nlp(ex.make_doc(rec.get("text") or "", rec.get("published"), rec.get("title")))
            view = render_doc(doc)
        parts.append(
            f'<div class="article" id="{anchor}"><h2>{html.escape(rid)}</h2>{view}'
            f'<div class="sides"><div><h3>gold</h3>{_event_rows(g["events"], gmarks, compact=True)}</div>'
            f"<div><h3>predicted</h3>{_event_rows(pred, pmarks, compact=True)}</div></div></div>"
        )
    fields = "".join(
        f"<tr><td>{html.escape(f)}</td><td>{'' if acc is None else f'{acc:.3f}'}</td><td>{n}</td></tr>"
        for f, (acc, n) in r["fields"].items()
    )
    head = (
        f"<p><b>Events: P {r['precision']:.3f}, R {r['recall']:.3f}, F1 {r['f1']:.3f}</b> "
        f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}; {r['articles']} articles)</p>"
        f"<table><tr><th>field (matched events)</th><th>accuracy</th><th>n</th></tr>{fields}</table>"
        '<p class="legend"><span class="hit">matched</span> <span class="miss">missed: a gold event not '
        "predicted, or a predicted event not in the gold</span> — numbers in the index count the misses.</p>"
        f'<nav class="index">{" ".join(index)}</nav>'
    )
    Path(output).write_text(
        _page("Seizure events — gold and predicted", head + "\n".join(parts)), encoding="utf-8"
    )
