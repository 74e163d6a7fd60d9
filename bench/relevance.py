"""Throughput with and without the relevance gate, against spaCy's bare tokenizer on the same texts.

Two inputs, each of varied texts (no text repeated within a pass, so the tokenizer's cache does not
flatter it): the drug articles of the corpora, and a news archive where one article in eleven is
about drugs and the rest is general news (articles of 6-12 sentences drawn from the thirty
general-news texts of tests/test_general_news.py, shuffled, each a different combination).
One process, one run; prints articles per second and the ratios. Never asserts.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import articles  # noqa: E402

from extractor import Extractor  # noqa: E402
from tests.test_general_news import GENERAL_NEWS  # noqa: E402


def _general(n: int, rng: random.Random) -> list[dict]:
    out = []
    for i in range(n):
        k = rng.randint(6, 12)
        out.append(
            {
                "id": f"g{i}",
                "published": "2023-06-14",
                "title": None,
                "text": " ".join(rng.sample(GENERAL_NEWS, k)),
            }
        )
    return out


def _rate(fn, recs) -> float:
    t0 = time.perf_counter()
    fn(recs)
    return len(recs) / (time.perf_counter() - t0)


def main() -> None:
    rng = random.Random(7)
    drug = articles()
    archive = _general(10 * len(drug), rng) + drug
    rng.shuffle(archive)
    gated, ungated = Extractor(model="blank"), Extractor(model="blank", gate=False)
    tok = gated.nlp.tokenizer

    def tokenize(recs):
        for r in recs:
            tok(((r.get("title") or "") + "\n\n" + r["text"]) if r.get("title") else r["text"])

    def extract(ex):
        return lambda recs: list(ex.pipe(recs))

    list(gated.pipe(drug[:5]))  # warm-up: lexicons, patterns
    from extractor.relevance import relevant

    rejected = [r for r in archive if not relevant(r["text"])]
    for name, recs in (
        ("drug articles", drug),
        ("news archive (1 in 11 about drugs)", archive),
        ("the archive's articles the gate rejects", rejected),
    ):
        t = _rate(tokenize, recs)
        g = _rate(extract(gated), recs)
        u = _rate(extract(ungated), recs)
        print(f"{name}: {len(recs)} articles")
        print(f"  spaCy blank('nl') tokenizer  {t:8.1f} art/s")
        print(f"  extractor, gate on           {g:8.1f} art/s  ({g / t:.2f}x the tokenizer)")
        print(f"  extractor, gate off          {u:8.1f} art/s  ({u / t:.2f}x the tokenizer)")


if __name__ == "__main__":
    main()
