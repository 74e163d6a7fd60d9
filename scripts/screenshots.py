"""The screenshots in docs/: the run report (events and incidents), the highlighted articles and the
evaluation page of corpus/, drawn by headless Chromium at a laptop's width (``make screenshots``).

    python scripts/screenshots.py [--out docs]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = Path(sys.executable).parent / "extractor"


def shoot(chromium: str, page: Path, png: Path, size: str, profile: Path) -> None:
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}", f"file://{page}"],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    if not png.exists():
        raise SystemExit(f"Chromium wrote no screenshot of {page}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "docs"))
    a = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("headless Chromium is not installed (apt-get install chromium)")
    out = Path(a.out)
    out.mkdir(exist_ok=True)
    corpus = ROOT / "corpus"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)

        def cli(*args):
            subprocess.run([str(EXE), *args], check=True, capture_output=True)

        cli("extract", str(corpus), "-o", str(t / "events.jsonl"), "-q", "--model", "blank")
        cli("report", str(t / "events.jsonl"), "-o", str(t / "report.html"))
        incidents = (t / "report.html").read_text(encoding="utf-8")
        incidents = incidents.replace('id="count-events" checked', 'id="count-events"')
        (t / "incidents.html").write_text(
            incidents.replace('id="count-incidents"', 'id="count-incidents" checked')
        )
        cli("show", str(corpus), "-o", str(t / "show.html"), "--model", "blank", "--limit", "20")
        cli("evaluate", str(corpus / "gold.jsonl"), str(t / "events.jsonl"), "--articles",
            str(corpus / "articles" / "articles.jsonl"), "--html", str(t / "eval.html"), "--model", "blank")  # fmt: skip
        for page, png, size in (
            ("report.html", "report.png", "1366,1400"),
            ("incidents.html", "report-incidents.png", "1366,1100"),
            ("show.html", "show.png", "1366,1100"),
            ("eval.html", "evaluate.png", "1366,1100"),
        ):
            shoot(chromium, t / page, out / png, size, t / "profile")
            print(f"wrote {out / png}")


if __name__ == "__main__":
    main()
