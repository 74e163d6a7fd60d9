"""Every benchmark of ``make bench`` runs to its end on a small input and prints its figures.

A benchmark is only read by hand, so nothing else notices when a change breaks one. These tests
assert that each still runs and prints what it measures; they never assert on a time or a rate.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

QUICK = [  # (script and its arguments for a small run, a line its report always holds)
    (["parsers.py"], "parse_amount:"),
    (["budget.py", "--rounds", "1"], "seizure_events"),
    (["relevance.py", "--drug", "12"], "extractor, gate off"),
    (["incidents.py", "--sizes", "300"], "300"),
    (["hostile.py", "--size", "4000"], "peak"),
    (["memory.py", "--sizes", "60", "120"], "120"),
    (["throughput.py", "--articles", "120", "--big", "0", "--no-dask"], "tokenizer"),
    (["instructions.py", "--drug", "3"], "of which the rest"),
]
NEEDS = {"instructions.py": "valgrind"}  # a benchmark that counts with a tool beside Python


@pytest.mark.parametrize(
    "args,expected",
    [
        pytest.param(
            *q,
            marks=pytest.mark.skipif(
                q[0][0] in NEEDS and not shutil.which(NEEDS[q[0][0]]), reason=f"needs {NEEDS.get(q[0][0])}"
            ),
        )
        for q in QUICK
    ],
    ids=[q[0][0] for q in QUICK],
)
def test_the_benchmark_runs_and_reports(args, expected):
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / args[0]), *args[1:]],
        cwd=ROOT / "bench",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert expected in run.stdout, run.stdout[-2000:]


def test_make_bench_runs_every_benchmark_tested_here():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = {line.split("bench/")[1].split()[0] for line in makefile.splitlines() if "python bench/" in line}
    assert listed == {args[0] for args, _ in QUICK}
