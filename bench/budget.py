"""Where a drug article's time goes: each pipeline component, and each linking stage, in multiples
of spaCy's bare tokenizer's time on the same texts.

The issue's target (half the tokenizer's rate on drug articles) means a total of at most 2.0 here.
Each round uses a fresh ``blank("nl")`` tokenizer and a fresh extractor (warmed up on two texts
outside the measured set), so neither side reads the measured texts from a cache; the components
run one after the other over all the Docs, as ``nlp.pipe`` runs them. Prints the median of the
rounds (one process, one run). Never asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402
from _corpus import articles, full_text  # noqa: E402
from relevance import WARM  # noqa: E402

import extractor.linking as linking  # noqa: E402
from extractor import Extractor  # noqa: E402

STAGES = (
    "ArticleIndex",
    "gate",
    "Drugs",
    "anchor",
    "find_mentions",
    "fill",
    "classify",
    "attach_values",
    "merge",
)


def _round(recs: list[dict]) -> dict[str, float]:
    """Seconds per article: the tokenizer, make_doc, each component and each linking stage."""
    tok = spacy.blank("nl").tokenizer
    t0 = time.perf_counter()
    for r in recs:
        tok(full_text(r))
    out = {"tokenizer": (time.perf_counter() - t0) / len(recs)}
    ex = Extractor(model="blank")
    list(ex.pipe(WARM))
    t0 = time.perf_counter()
    docs = [ex.make_doc(r["text"], r.get("published"), r.get("title")) for r in recs]
    out["make_doc"] = (time.perf_counter() - t0) / len(recs)
    spent: Counter = Counter()
    originals = {name: getattr(linking, name) for name in STAGES}

    def timed(name, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t

        return run

    try:
        for name, fn in originals.items():  # the stages as link() calls them, timed
            setattr(linking, name, timed(name, fn))
        for name, proc in ex.nlp.pipeline:
            t0 = time.perf_counter()
            docs = [proc(d) for d in docs]
            out[name] = (time.perf_counter() - t0) / len(recs)
    finally:
        for name, fn in originals.items():
            setattr(linking, name, fn)
    for name in STAGES:
        out["  " + name] = spent[name] / len(recs)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    recs = articles()
    rounds = [_round(recs) for _ in range(args.rounds)]
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    ratio = {k: statistics.median(r[k] / r["tokenizer"] for r in rounds) for k in rounds[0]}
    total = statistics.median(
        sum(v for k, v in r.items() if not k.startswith(" ")) / r["tokenizer"] for r in rounds
    )
    total -= 1.0  # the tokenizer is the unit, not a part of the extractor (make_doc is)
    print(f"{len(recs)} drug articles, median of {args.rounds} rounds (one process)")
    print(f"{'part':24s} {'ms/article':>10s} {'x tokenizer':>12s}")
    for k in med:
        print(f"{k:24s} {1000 * med[k]:10.3f} {ratio[k]:12.2f}")
    print(
        f"{'total, tokenizer excluded':24s} {'':10s} {total:12.2f}   -> {1 / total:.2f}x the tokenizer's rate"
    )
    print(
        "(indented rows are the linking stages inside seizure_events; its remainder is building the mentions)"
    )


if __name__ == "__main__":
    main()
