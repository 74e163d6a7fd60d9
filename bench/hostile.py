"""Pathological input against plain Dutch text of the same size, at two sizes, and the memory of a
100 MB line. One run; prints, never asserts (tests/test_hostile.py checks the growth).

For each text: seconds at size 1x and 2x, the growth per doubling (linear is 2.0), and the ratio
to plain Dutch news text of the same length. Then one 100 MB JSONL line through the command line
with --max-chars 1000: its peak resident memory.

    python bench/hostile.py [--size 250000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import Extractor  # noqa: E402
from extractor.text import html_to_text  # noqa: E402

PLAIN = (
    "De gemeenteraad vergaderde dinsdagavond over de nieuwe begroting. Volgens de wethouder is er "
    "geld voor drie extra fietspaden en een sporthal in de wijk Oost. De oppositie vond dat te weinig. "
)
TEXTS = {
    "plain Dutch text": PLAIN,
    "dates x amounts": "3 juni 5 kilo ",
    "amounts, drugs and verbs": "5 kilo cocaïne onderschept. ",
    "<br> HTML (reduced)": "tekst<br>",
    "<p> HTML (reduced)": "<p>De politie vond 5 kilo hasj in Gent.</p>",
}


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _seconds(ex: Extractor, name: str, text: str) -> float:
    """The best of three runs (the machine is shared)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        if "HTML" in name:
            html_to_text(text)
        else:
            ex.extract(text + " cocaïne", published="2024-06-10")  # a drug word: the gate lets it through
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=250_000, help="characters at 1x")
    a = ap.parse_args()
    ex = Extractor(model="blank", max_chars=4 * a.size)
    ex.extract(PLAIN, published="2024-06-10")  # warm-up
    plain = {k: _seconds(ex, "plain", _repeat(PLAIN, k * a.size)) for k in (1, 2)}
    print(f"{'text':<28} {'1x s':>7} {'2x s':>7} {'per doubling':>12} {'vs plain (2x)':>13}")
    for name, unit in TEXTS.items():
        t1 = _seconds(ex, name, _repeat(unit, a.size))
        t2 = _seconds(ex, name, _repeat(unit, 2 * a.size))
        print(f"{name:<28} {t1:>7.2f} {t2:>7.2f} {t2 / t1:>12.2f} {t2 / plain[2]:>13.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "huge.jsonl"
        with src.open("w", encoding="utf-8") as fh:  # written in pieces: this process stays small,
            fh.write('{"id": "huge", "text": "')  # or the forked child's peak would count its pages
            for _ in range(100_000_000 // len(PLAIN)):
                fh.write(PLAIN)
            fh.write('"}\n')
        exe = Path(sys.executable).parent / "extractor"
        t0 = time.perf_counter()
        # started from a small process: a child forked from this one would count its pages too
        runner = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=False); "
                  "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")  # fmt: skip
        cmd = [
            str(exe),
            "extract",
            str(src),
            "--max-chars",
            "1000",
            "-q",
            "-j",
            "1",
            "-o",
            str(Path(tmp) / "o.jsonl"),
        ]
        out = subprocess.run([sys.executable, "-c", runner, *cmd], capture_output=True, text=True, check=True)
        peak = int(out.stdout.split()[-1]) / 1024
        size = src.stat().st_size / 1e6
        print(
            f"\na {size:.0f} MB line, --max-chars 1000: peak {peak:.0f} MB, {time.perf_counter() - t0:.1f} s"
        )


if __name__ == "__main__":
    main()
