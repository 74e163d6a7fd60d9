"""Batch throughput: articles/s and words/s for 1 and N workers, in-process and on Dask, with
peak memory, next to the bare spaCy tokenizer and the naive approach, all in one run.

    python bench/throughput.py [--articles 5000] [--big 50000] [--workers 2] [--no-dask]

The corpus (corpus/ and, when present, ../shared/corpus-dev) is replicated to --articles
records. Each configuration runs the real command line (`extractor extract`) in a subprocess;
its start-up time (loading the pipeline, starting workers) is measured on an empty input and
reported apart. Peak memory is the largest resident set of any process of the run (the parent
or a worker). Prints a table; asserts nothing. Ratios are what to quote: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from _corpus import articles

EXE = Path(sys.executable).parent / "extractor"


def replicate(recs: list[dict], n: int, path: Path) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            r = recs[i % len(recs)]
            rec = {
                "id": f"{r['id']}#{i}",
                "published": r.get("published"),
                "title": r.get("title"),
                "text": r["text"],
            }
            words += len(((rec["title"] or "") + " " + rec["text"]).split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


def run_cli(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB of the largest process of the run) of one CLI run."""
    code = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "wall = time.perf_counter() - t\n"
        "assert p.returncode in (0, 1), p.stderr.decode()[-2000:]\n"
        "print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(EXE), *args], capture_output=True, text=True, check=True
    )
    wall, rss = out.stdout.split()
    return float(wall), float(rss)


def bare_tokenizer(texts: list[str]) -> float:
    """articles/s of a fresh ``blank("nl")`` tokenizer over ``texts`` (its cache starts empty)."""
    import spacy

    nlp = spacy.blank("nl")
    t0 = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=256):
        pass
    return len(texts) / (time.perf_counter() - t0)


def naive(texts: list[str], sample: int = 60) -> float:
    """quantulum3.parse + dateparser.search_dates on each article (articles/s, on a sample)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates
        from quantulum3 import parser

        part = texts[:sample]
        t0 = time.perf_counter()
        for t in part:
            parser.parse(t)
            search_dates(t, languages=["nl"])
        return len(part) / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument(
        "--big", type=int, default=0, help="also run 1 worker on this many articles (memory flatness)"
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--no-dask", action="store_true")
    a = ap.parse_args()

    recs = articles()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "in.jsonl"
        words = replicate(recs, a.articles, src)
        empty = tmp / "empty.jsonl"
        empty.write_text("")
        texts = [
            ((r.get("title") or "") + "\n\n" + r["text"])
            for r in (json.loads(x) for x in src.read_text(encoding="utf-8").splitlines())
        ]
        print(
            f"{a.articles} articles, {words} words ({words / a.articles:.0f} per article), {os.cpu_count()} cores\n"
        )

        rows = []
        distinct = list(dict.fromkeys(texts))
        tok_once = bare_tokenizer(distinct)  # each text once: the honest baseline
        tok = bare_tokenizer(texts)  # the replicated input: its cache makes repeats nearly free
        rows.append((f"spaCy tokenizer, {len(distinct)} distinct texts once", tok_once, None, None))
        rows.append(("spaCy tokenizer, the replicated input", tok, None, None))
        nv = naive(texts)
        rows.append(("naive: quantulum3 + dateparser.search_dates", nv, None, None))
        configs = [
            ("in-process, 1 worker", ["-j", "1"]),
            (f"in-process, {a.workers} workers", ["-j", str(a.workers)]),
        ]
        if not a.no_dask:
            configs += [
                ("dask, 1 worker", ["--engine", "dask", "-j", "1"]),
                (f"dask, {a.workers} workers", ["--engine", "dask", "-j", str(a.workers)]),
            ]
        for name, extra in configs:
            start, _ = run_cli(
                [
                    "extract",
                    str(empty),
                    "-q",
                    "-o",
                    str(tmp / "o0.jsonl"),
                    "--force",
                    "--model",
                    "blank",
                    *extra,
                ]
            )
            wall, rss = run_cli(
                ["extract", str(src), "-q", "-o", str(tmp / "o.jsonl"), "--force", "--model", "blank", *extra]
            )
            rows.append((name, a.articles / max(wall - start, 1e-9), start, rss))
        print(f"{'configuration':<46} {'articles/s':>11} {'words/s':>10} {'start-up s':>10} {'peak MB':>8}")
        for name, rate, start, rss in rows:
            print(
                f"{name:<46} {rate:>11.1f} {rate * words / a.articles:>10.0f} {'' if start is None else f'{start:.1f}':>10} {'' if rss is None else f'{rss:.0f}':>8}"
            )
        one = rows[3][1]
        print(
            f"\n1 worker vs the tokenizer on distinct texts: {one / tok_once:.2f}x, on the replicated input: "
            f"{one / tok:.2f}x (bench/relevance.py compares on varied texts only)   vs naive: {one / nv:.1f}x   "
            f"{a.workers} workers vs 1: {rows[4][1] / one:.2f}x"
        )

        if a.big:
            print("\nmemory flatness (1 worker, in-process):")
            for n in (a.articles, a.big):
                replicate(recs, n, src)
                wall, rss = run_cli(
                    [
                        "extract",
                        str(src),
                        "-q",
                        "-o",
                        str(tmp / "o.jsonl"),
                        "--force",
                        "--model",
                        "blank",
                        "-j",
                        "1",
                    ]
                )
                print(f"  {n:>7} articles: peak {rss:.0f} MB, {wall:.0f} s")


if __name__ == "__main__":
    main()
