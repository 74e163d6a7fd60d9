"""Normaliser speed, next to the naive tools (one run). The cost of each component per article is
``bench/budget.py``.

Also measures the naive tools on the same text: quantulum3 (English only) on the amounts the
corpus states, and dateparser.search_dates over whole articles. Prints figures; asserts nothing.

    python bench/parsers.py
"""

from __future__ import annotations

import time
import warnings

from _corpus import articles, gold_amount_texts

from extractor import parse_amount, parse_date


def rate(fn, items, min_time=1.0):
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < min_time:
        for x in items:
            fn(x)
        n += len(items)
    return n / (time.perf_counter() - t0)


def main():
    recs = articles()
    texts = [((r.get("title") or "") + "\n\n" + r["text"]) for r in recs]
    amounts = [a for a, _, _ in gold_amount_texts()]
    dates = [
        "31 mei 2020",
        "vorige week dinsdag",
        "in de nacht van 2 op 3 april",
        "dit jaar",
        "eind juni",
        "maandagavond",
    ]
    print(f"{len(recs)} articles, {sum(len(t) for t in texts) / len(texts):.0f} characters on average")

    print(f"parse_amount: {rate(parse_amount, amounts):,.0f} calls/s over {len(amounts)} corpus amounts")
    print(f"parse_date:   {rate(lambda s: parse_date(s, '2021-06-09'), dates):,.0f} calls/s")

    # the cost of each component per article, against the tokenizer on the same texts read once
    # (the tokenizer's cache would flatter a repeated text): bench/budget.py
    # the naive tools, for reference
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q

        ok = 0
        for text, value, _unit in gold_amount_texts():
            qs = q.parse(text)
            canon = {"kilogram": 1.0, "gram": 0.001, "tonne": 1000.0, "litre": 1.0, "euro": 1.0}
            got = [x.value * canon.get(x.unit.name, float("nan")) for x in qs]
            ok += any(abs(g - value) <= 0.02 * value for g in got)
        gold = gold_amount_texts()
        ours = sum(
            1
            for text, value, _u in gold
            if (a := parse_amount(text)) and a.value is not None and abs(a.value - value) <= 0.02 * value
        )
        print(
            f"\non the {len(gold)} gold amounts of the corpora: quantulum3 (en_US) {ok}/{len(gold)} right, parse_amount {ours}/{len(gold)}"
        )
        from dateparser.search import search_dates

        t0 = time.perf_counter()
        found = [search_dates(t, languages=["nl"]) or [] for t in texts[:10]]
        took = (time.perf_counter() - t0) / 10
        seed = found[0] if found else []
        print(
            f"dateparser.search_dates: {1 / took:.1f} articles/s; on the first article it finds: {[s for s, _ in seed][:8]}"
        )


if __name__ == "__main__":
    main()
