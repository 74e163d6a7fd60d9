"""Incidents: pairwise precision and recall on our multi-outlet set, and the time and memory of
grouping synthetic archives of growing size at a constant density (about 27 events a day over 6
towns and 5 drugs, each find reported 1-4 times, rounded). One run; prints, never asserts.

    python bench/incidents.py [--sizes 10000 50000 100000]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import Extractor  # noqa: E402
from extractor import incident as inc  # noqa: E402
from tests.test_incidents import SET, _gold, synthetic_records  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    a = ap.parse_args()

    rows = [json.loads(x) for x in SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    out = list(Extractor(model="blank").pipe(rows))
    s = inc.pairwise(_gold(rows, out), inc.incidents(out))
    print(f"our set ({len(rows)} articles): pairwise P {s['precision']:.3f} R {s['recall']:.3f} "
          f"F1 {s['f1']:.3f} over {s['pairs']} gold pairs")  # fmt: skip
    print(f"\n{'events':>8} {'incidents':>9} {'seconds':>8} {'events/s':>9} {'peak MB':>8}")
    for n in a.sizes:
        recs = synthetic_records(n, seed=1, days=max(30, n * 730 // 20_000))
        t0 = time.perf_counter()
        found = inc.incidents(recs)
        dt = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n:>8} {len(found):>9} {dt:>8.1f} {n / dt:>9.0f} {peak:>8.0f}")


if __name__ == "__main__":
    main()
