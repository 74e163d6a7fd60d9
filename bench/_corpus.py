"""Articles for the benchmarks: the project's corpus (and the shared dev corpus when it is beside the checkout)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles() -> list[dict]:
    from extractor.io import read_records

    recs = [r for r in read_records([str(ROOT / "corpus")]) if not r.get("error")]
    dev = ROOT.parent / "shared" / "corpus-dev" / "articles.jsonl"
    if dev.exists():
        recs += [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return recs


def gold_amount_texts() -> list[tuple[str, float, str]]:
    """(surface text, value, unit) of every gold amount the project's own corpus states."""
    from extractor import find_amounts

    out = []
    for rec in articles():
        text = ((rec.get("title") or "") + "\n\n" + rec["text"]) if rec.get("title") else rec["text"]
        for m in find_amounts(text):
            if m.amount.value is not None:
                out.append((m.amount.text, m.amount.value, m.amount.unit))
    return out
