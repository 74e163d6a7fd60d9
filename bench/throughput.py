"""Batch throughput: articles/s and words/s for 1 and N workers, in-process and on Dask, with
peak memory, next to the bare spaCy tokenizer on the same texts and the naive approach, all in one run.

    python bench/throughput.py [--articles 5000] [--big 50000] [--workers 2] [--no-dask]

Two inputs of --articles records each:
- the archive mix a user runs us over: one drug article in eleven (the corpora's, repeated as
  needed), the rest general news written for the bench (``_general.py``, every text different);
- drug articles only: the corpora's articles, repeated to the count (173 distinct).
Each configuration runs the real command line (`extractor extract`) in a subprocess; its
start-up time (loading the pipeline, starting workers) is measured on an empty input and
reported apart. The tokenizer baseline is a fresh ``blank("nl")`` tokenizer over the same
records in the same run (its cache fills as it reads, as ours does). Peak memory is the largest
resident set of any process of the run (the parent or a worker); --big also runs 1 worker on
that many records of each input, for flat memory. Prints a table; asserts nothing. Ratios are
what to quote: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from _corpus import articles, full_text
from _general import general_news

EXE = Path(sys.executable).parent / "extractor"


def write(recs: list[dict], path: Path) -> int:
    """Write the records as JSONL (ids made unique); returns their word count."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(recs):
            rec = {
                "id": f"{r['id']}#{i}",
                "published": r.get("published"),
                "title": r.get("title"),
                "text": r["text"],
            }
            words += len(((rec["title"] or "") + " " + rec["text"]).split())
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return words


def drug_input(drug: list[dict], n: int) -> list[dict]:
    """The drug articles repeated to ``n`` records."""
    return [drug[i % len(drug)] for i in range(n)]


def archive_input(drug: list[dict], n: int, seed: int = 7) -> list[dict]:
    """``n`` records, one in eleven a drug article, the rest general news (every text different), shuffled."""
    k = n // 11
    recs = drug_input(drug, k) + general_news(n - k, seed=seed)
    random.Random(seed).shuffle(recs)
    return recs


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


def _extract(src: Path, out: Path, extra: list[str]) -> list[str]:
    return ["extract", str(src), "-q", "-o", str(out), "--force", "--model", "blank", *extra]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument(
        "--big",
        type=int,
        default=0,
        help="also run 1 worker on this many records of each input (memory flatness)",
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--no-dask", action="store_true")
    a = ap.parse_args()

    drug = articles()
    inputs = {"archive mix, 1 in 11 about drugs": archive_input, "drug articles": drug_input}
    configs = [
        ("in-process, 1 worker", ["-j", "1"]),
        (f"in-process, {a.workers} workers", ["-j", str(a.workers)]),
    ]
    if not a.no_dask:
        configs += [
            ("dask, 1 worker", ["--engine", "dask", "-j", "1"]),
            (f"dask, {a.workers} workers", ["--engine", "dask", "-j", str(a.workers)]),
        ]
    print(f"{a.articles} records per input, {len(drug)} distinct drug articles, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src, empty = tmp / "in.jsonl", tmp / "empty.jsonl"
        empty.write_text("")
        summary = []
        for label, make in inputs.items():
            recs = make(drug, a.articles)
            words = write(recs, src)
            texts = [full_text(r) for r in recs]
            print(
                f"\n{label}: {len(recs)} records, {words / len(recs):.0f} words each, {len(set(texts))} distinct"
            )
            tok = bare_tokenizer(texts)
            rows = [("spaCy blank('nl') tokenizer, the same records", tok, None, None)]
            if make is drug_input:  # repeats are nearly free to a tokenizer's cache: quote the distinct texts
                tok = bare_tokenizer(list(dict.fromkeys(texts)))
                rows.insert(
                    0, (f"spaCy tokenizer, the {len(set(texts))} distinct texts once", tok, None, None)
                )
                rows.append(("naive: quantulum3 + dateparser.search_dates", naive(texts), None, None))
            for name, extra in configs:
                start, _ = run_cli(_extract(empty, tmp / "o0.jsonl", extra))
                wall, rss = run_cli(_extract(src, tmp / "o.jsonl", extra))
                rows.append((name, len(recs) / max(wall - start, 1e-9), start, rss))
            print(
                f"{'configuration':<46} {'articles/s':>11} {'words/s':>10} {'start-up s':>10} {'peak MB':>8}"
            )
            for name, rate, start, rss in rows:
                print(
                    f"{name:<46} {rate:>11.1f} {rate * words / len(recs):>10.0f} "
                    f"{'' if start is None else f'{start:.1f}':>10} {'' if rss is None else f'{rss:.0f}':>8}"
                )
            one, many = (r[1] for r in rows if r[0].startswith("in-process"))
            summary.append(
                f"{label}: 1 worker {one / tok:.2f}x the tokenizer, {a.workers} workers {many / one:.2f}x 1 worker"
            )
            if make is drug_input:
                nv = rows[2][1]
                summary[-1] += f", 1 worker {one / nv:.0f}x naive"
            if a.big:
                for n in (a.articles, a.big):
                    write(make(drug, n), src)
                    wall, rss = run_cli(_extract(src, tmp / "o.jsonl", ["-j", "1"]))
                    summary.append(
                        f"  {label}, 1 worker, {n:>6} records: peak {rss:.0f} MB, {n / wall:.0f} art/s"
                    )
        print("\n" + "\n".join(summary))
        print("(bench/relevance.py compares with the tokenizer on distinct texts only, each read once)")


if __name__ == "__main__":
    main()
