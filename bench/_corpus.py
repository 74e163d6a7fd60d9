"""Articles for the benchmarks: the project's corpus (and the shared dev corpus when it is beside the checkout)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def full_text(r: dict) -> str:
    """The text the extractor reads of a record: its title, a blank line and its text (the text alone
    without a title)."""
    return ((r.get("title") or "") + "\n\n" + r["text"]) if r.get("title") else r["text"]


def articles() -> list[dict]:
    from extractor.io import read_records

    recs = [r for r in read_records([str(ROOT / "corpus")]) if not r.get("error")]
    dev = ROOT.parent / "shared" / "corpus-dev" / "articles.jsonl"
    if dev.exists():
        recs += [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return recs


def gold_amount_texts() -> list[tuple[str, float, str]]:
    """(surface text, gold value, gold unit) for every gold amount of the corpora: the gold gives the
    value, the surface is the expression in the article that states it."""
    from extractor import find_amounts

    golds = [ROOT / "corpus" / "gold.jsonl", ROOT.parent / "shared" / "corpus-dev" / "gold.jsonl"]
    by_id = {str(r["id"]): r for r in articles()}
    out = []
    for path in golds:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            rec = by_id.get(str(g["id"]))
            if rec is None:
                continue
            text = full_text(rec)
            found = find_amounts(text)
            for e in g["events"]:
                a = e.get("amount")
                if not a:
                    continue
                for m in found:
                    if m.amount.value is not None and abs(m.amount.value - a["value"]) <= 0.02 * a["value"]:
                        out.append((m.amount.text, float(a["value"]), a["unit"]))
                        break
    return out
