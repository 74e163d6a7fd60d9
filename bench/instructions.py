"""Where a drug article's cost goes, counted in machine instructions instead of seconds.

This machine's wall clock scatters (the bare tokenizer's own rate moves by 10-50% between runs), so
``budget.py``'s seconds cannot tell a 5% change from noise. ``valgrind --tool=callgrind`` counts the
instructions a process executes: the same count for the same code, inputs and environment,
whatever else the machine is doing. Each part runs in a process of its own under callgrind, with
``PYTHONHASHSEED=0``, after the same imports and set-up; callgrind counts only while the part runs
(``--instr-atstart=no``, then ``callgrind_control`` turns counting on when the process has made
ready and off when the part is done), less the same handshake with no part:

- ``tokenizer``: a fresh ``blank("nl")`` tokenizer over the drug articles (the unit, as in
  ``budget.py``: the issue's targets are ratios to it);
- ``make_doc``: ``Extractor.make_doc`` over the same articles (a fresh extractor, warmed up on two
  texts outside the set, as in ``relevance.py``): the relevance gate's scan, then spaCy's Doc, or
  an empty Doc for an article the gate rejects;
- ``spaCy's components``: those Docs through the sentencizer and the three span rulers;
- ``the extractor``: ``Extractor.pipe`` over the records, the whole of it (the relevance gate,
  the pipeline, the output records).

``callgrind_annotate`` splits each count by C function, which gives the share of Python's
regular-expression engine (``sre``): ours is the extractor's minus that of spaCy's part.

    python bench/instructions.py [--drug N] [--jobs 2]

Prints a table; asserts nothing. A few minutes on two cores for the 173 drug articles.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # the bench's helpers and the package, in both processes
PARTS = ("none", "tokenizer", "make_doc", "spacy", "extractor")


def _child(part: str, drug: int | None) -> None:
    """The measured process: the same imports and set-up for every part, then the part."""
    import spacy
    from _corpus import articles, full_text
    from relevance import WARM

    from extractor import Extractor
    from extractor.pipeline import LEXICON_RULERS

    recs = articles()[:drug]
    ex = Extractor(model="blank")
    list(ex.pipe(WARM))
    tok = spacy.blank("nl").tokenizer
    texts = [full_text(r) for r in recs]
    print("ready", flush=True)  # the parent turns counting on, then answers
    sys.stdin.readline()
    if part == "tokenizer":
        for t in texts:
            tok(t)
    elif part in ("make_doc", "spacy"):
        docs = [ex.make_doc(r["text"], r.get("published"), r.get("title")) for r in recs]
        if part == "spacy":
            for name in ("sentencizer", *LEXICON_RULERS):
                proc = ex.nlp.get_pipe(name)
                docs = [proc(d) for d in docs]
    elif part == "extractor":
        list(ex.pipe(recs))
    print("done", flush=True)  # the parent turns counting off: the interpreter's exit is not counted
    sys.stdin.readline()


def _by_function(path: Path) -> Counter:
    """Instructions per C function of one callgrind output (its own, not its callees')."""
    out = subprocess.run(
        ["callgrind_annotate", "--threshold=100", str(path)], capture_output=True, text=True, check=True
    ).stdout
    counts: Counter = Counter()
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?)(?: \[.*)?$", line)
        if m and "PROGRAM TOTALS" not in line:
            counts[m.group(2).split(":")[-1]] += int(m.group(1).replace(",", ""))
    return counts


def _regex(counts: Counter) -> int:
    """The instructions of Python's regular-expression engine (module ``_sre``)."""
    return sum(v for k, v in counts.items() if k.startswith(("sre_", "_sre_", "pattern_")))


def _measure(part: str, drug: int | None, tmp: Path) -> Counter:
    out, log = tmp / f"callgrind.{part}", tmp / f"valgrind.{part}.log"
    cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}"]
    cmd += [f"--log-file={log}", sys.executable, __file__, "--child", part]
    cmd += [] if drug is None else ["--drug", str(drug)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    with subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as p:
        for said, switch in (("ready", "on"), ("done", "off")):
            line = p.stdout.readline().strip()
            if line != said:
                raise RuntimeError(f"{part}: expected {said!r} from the measured process, got {line!r}")
            subprocess.run(["callgrind_control", "-i", switch, str(p.pid)], check=True, capture_output=True)
            p.stdin.write("\n")
            p.stdin.flush()
    if p.returncode:
        raise RuntimeError(f"{part}: the measured process failed, see {log}")
    return _by_function(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drug", type=int, default=None, help="only the first N drug articles (a quick run)")
    ap.add_argument("--jobs", type=int, default=2, help="callgrind processes at a time")
    ap.add_argument("--child", choices=PARTS, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(a.child, a.drug)
        return
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        sys.exit("bench/instructions.py needs valgrind (Debian: apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(a.jobs) as pool:
        runs = dict(zip(PARTS, pool.map(lambda p: _measure(p, a.drug, Path(tmp)), PARTS), strict=True))
    base = runs["none"]

    def total(part: str) -> int:
        return sum(runs[part].values()) - sum(base.values())

    def regex(part: str) -> int:
        return _regex(runs[part]) - _regex(base)

    from _corpus import articles

    n = len(articles()[: a.drug])
    unit = total("tokenizer")
    ours, ours_rx = total("extractor") - total("spacy"), regex("extractor") - regex("spacy")
    rows = [
        ("bare tokenizer (the unit)", unit, regex("tokenizer")),
        ("make_doc (the gate's scan included)", total("make_doc"), regex("make_doc")),
        (
            "sentencizer and span rulers",
            total("spacy") - total("make_doc"),
            regex("spacy") - regex("make_doc"),
        ),
        ("our components and linking", ours, ours_rx),
        ("  of which regular expressions", ours_rx, ours_rx),
        ("  of which the rest", ours - ours_rx, 0),
        ("the extractor, in all", total("extractor"), regex("extractor")),
    ]
    print(f"{n} drug articles, instructions per article (callgrind, PYTHONHASHSEED=0)")
    print(f"{'part':38s} {'instructions':>14s} {'x tokenizer':>12s} {'of it regex':>12s}")
    for name, count, rx in rows:
        print(f"{name:38s} {count / n:14,.0f} {count / unit:12.2f} {rx / unit:12.2f}")
    spacy_part = total("spacy") / unit
    print(
        f"target: the extractor at 2.0 x tokenizer (half its rate); now {total('extractor') / unit:.2f}."
        f" spaCy's part (the gate's scan included) is {spacy_part:.2f} and our regular expressions {ours_rx / unit:.2f}, which"
        f" leaves {2.0 - spacy_part - ours_rx / unit:.2f} for the rest of our code (now {(ours - ours_rx) / unit:.2f})"
    )


if __name__ == "__main__":
    main()
