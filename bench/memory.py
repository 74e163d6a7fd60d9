"""Peak memory over a stream of articles that keep bringing new words, with and without spaCy
memory zones (``Extractor.pipe`` opens one per window after ``api.WARM_DOCS`` documents).

    python bench/memory.py [--sizes 5000 50000]

The stream is general news written for the bench (``_general.py``: every article different, new
names and compounds throughout, as in a real archive), generated as it is read, with the relevance
gate off so every article is tokenised: the worst case for spaCy's vocabulary, which keeps the
lexeme and string of every word it has seen. Each configuration runs in a fresh process; prints
its peak resident set, the strings the vocabulary holds at the end and the rate. Asserts nothing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

CHILD = """
import resource, sys, time
sys.path[:0] = [{bench!r}, {root!r}]
from _general import general_news
from extractor import api
n, zones = int(sys.argv[1]), sys.argv[2] == "on"
if not zones:
    api.WARM_DOCS = 10**12
ex = api.Extractor(model="blank", gate=False)
def stream():
    for k in range(0, n, 1000):
        yield from general_news(min(1000, n - k), seed=1000 + k)
t = time.perf_counter()
for _ in ex.pipe(stream(), batch_size=64):
    pass
rate = n / (time.perf_counter() - t)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, len(ex.nlp.vocab.strings), round(rate))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 50000])
    a = ap.parse_args()
    here = Path(__file__).resolve().parent
    code = CHILD.format(bench=str(here), root=str(here.parent))
    from extractor.api import WARM_DOCS

    print(f"general news, gate off (every article tokenised); zones after {WARM_DOCS} documents")
    print(f"{'articles':>9} {'zones':>6} {'peak MB':>8} {'strings':>9} {'art/s':>7}")
    for n in a.sizes:
        for zones in ("off", "on"):
            out = subprocess.run([sys.executable, "-c", code, str(n), zones], capture_output=True, text=True)
            if out.returncode:
                raise SystemExit(out.stderr[-2000:])
            mb, strings, rate = out.stdout.split()
            print(f"{n:>9} {zones:>6} {mb:>8} {strings:>9} {rate:>7}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
