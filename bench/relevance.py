"""Throughput with and without the relevance gate, against spaCy's bare tokenizer on the same texts.

Two inputs, each of varied texts (no text repeated within a pass, so the tokenizer's cache does not
flatter it): the drug articles of the corpora, and a news archive where one article in eleven is
about drugs and the rest is general news (``_general.py``: articles of 7-15 sentences from templates
whose slots draw on an archive-sized vocabulary; the words first seen per article are printed for
both, as the tokenizer's cache rewards a poor vocabulary).
One process, one run of two rounds (the second with the extractors' order swapped, as module-level
caches favour whoever runs second); prints the mean articles per second and the ratios. Never asserts.

Both sides start cold on the measured texts: the baseline is a fresh ``blank("nl")`` tokenizer, and
each extractor is warmed up on texts outside the measured set (rule tables, dateparser), so
neither benefits from the other's token cache.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402
from _corpus import articles, full_text  # noqa: E402
from _general import general_news, vocabulary_report  # noqa: E402

from extractor import Extractor  # noqa: E402


def _rate(fn, recs) -> float:
    t0 = time.perf_counter()
    fn(recs)
    return len(recs) / (time.perf_counter() - t0)


WARM = [  # outside every measured set: loads the rule tables and dateparser before timing
    {"id": "w1", "published": "2022-03-01", "title": None,
     "text": "Op 3 februari 2022 vond de douane in Vlissingen 120 kilo cocaïne tussen de bananen."},
    {"id": "w2", "published": "2022-03-01", "title": None,
     "text": "De politie rolde vorige week een hennepkwekerij met 450 planten op in Venlo."},
]  # fmt: skip


def _extractor(gate: bool) -> Extractor:
    ex = Extractor(model="blank", gate=gate)
    list(ex.pipe(WARM))
    return ex


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--drug", type=int, default=None, help="read only the first N drug articles (a quick run)"
    )
    args = ap.parse_args()
    rng = random.Random(7)
    drug = articles()[: args.drug]
    archive = general_news(10 * len(drug)) + drug
    rng.shuffle(archive)
    from extractor.relevance import relevant

    rejected = [r for r in archive if not relevant(full_text(r))]
    general = [r["text"] for r in archive if r["id"].startswith("general-")]
    print(vocabulary_report([r["text"] for r in drug], general))
    for name, recs in (
        ("drug articles", drug),
        ("news archive (1 in 11 about drugs)", archive),
        ("the archive's articles the gate rejects", rejected),
    ):
        rates: dict[str, list[float]] = {"tok": [], "on": [], "off": []}
        for order in (("on", "off"), ("off", "on")):  # two rounds, the order swapped: no side goes first
            tok = spacy.blank("nl").tokenizer  # fresh: its cache holds none of these texts

            def tokenize(recs, tok=tok):
                for r in recs:
                    tok(full_text(r))

            rates["tok"].append(_rate(tokenize, recs))
            for side in order:
                ex = _extractor(side == "on")  # fresh for each round, built untimed
                rates[side].append(_rate(lambda recs, ex=ex: list(ex.pipe(recs)), recs))
        t, g, u = (sum(rates[k]) / 2 for k in ("tok", "on", "off"))
        print(f"{name}: {len(recs)} articles (mean of two rounds)")
        print(f"  spaCy blank('nl') tokenizer  {t:8.1f} art/s")
        print(f"  extractor, gate on           {g:8.1f} art/s  ({g / t:.2f}x the tokenizer)")
        print(f"  extractor, gate off          {u:8.1f} art/s  ({u / t:.2f}x the tokenizer)")


if __name__ == "__main__":
    main()
