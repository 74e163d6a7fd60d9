"""The second hostile fixture: a directory of broken, odd and malicious input files, built at test
time (symlink loops and corrupt archives do not belong in git). ``build(root)`` writes it and
returns what a run must give: every record, in order, by id, and which ones are errors."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

GOOD = "De politie vond {n} kilo hasj in Gent."


def _jsonl(*recs) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in recs)


def build(root: Path) -> tuple[list[str], dict[str, str]]:
    """Write the tree under ``root/in``; return (the ids of every record a run must give, {id: the
    file its error must name} for the records that must be errors)."""
    d = root / "in"
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    ids: list[str] = []
    errors: dict[str, str] = {}

    # two files of one name in two folders, and a name with a dot: three ids
    (d / "a" / "x.txt").write_text(GOOD.format(n=1), encoding="utf-8")
    (d / "b" / "x.txt").write_text(GOOD.format(n=2), encoding="utf-8")
    ids += ["a/x", "b/x"]
    # a byte-order mark before JSON and before a .txt date header
    (d / "bom.jsonl").write_bytes(
        b"\xef\xbb\xbf" + _jsonl({"id": "bom-1", "text": GOOD.format(n=3)}).encode()
    )
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbfdate 2024-05-01\n\n" + GOOD.format(n=4).encode())
    ids += ["bom-1", "bom"]
    # broken records among good ones, each named by its line
    (d / "broken.jsonl").write_bytes(
        _jsonl(
            {"id": "br-good", "text": GOOD.format(n=5)},
            "{not json",
            "[1, 2]",
            {"id": "br-notext"},
            {"id": "br-nul", "text": "De politie vond 5 kilo\x00 hasj."},
            {"id": "br-markup", "text": "<![foo <p>De politie vond 6 kilo hasj.</p>"},
            {"id": "br-zw", "text": "De politie vond 7\u200b kilo coca\u00adïne in Gent."},
            {"id": "br-title", "title": "Kop " * 60_000, "text": GOOD.format(n=8)},
            {"id": "br-payload", "text": GOOD.format(n=9), "confidence": "<script>alert(1)</script>"},
        ).encode()
        + b'{"id": "br-utf8", "text": "\xff\xfe kilo"}\n'
    )
    ids += [
        "br-good",
        "broken:2",
        "broken:3",
        "br-notext",
        "br-nul",
        "br-markup",
        "br-zw",
        "br-title",
        "br-payload",
        "broken:10",
    ]  # fmt: skip  (invalid UTF-8: no id can be read from line 10)
    for rid in ("broken:2", "broken:3", "br-notext", "br-nul", "broken:10"):
        errors[rid] = "broken.jsonl"
    # blank lines are no records; CR-only line ends; UTF-16 with its byte-order mark
    (d / "blank.jsonl").write_text("\n\n" + _jsonl({"id": "bl-1", "text": "x"}) + "\n   \n", encoding="utf-8")
    (d / "cr.jsonl").write_bytes(
        _jsonl({"id": "cr-1", "text": "x"}, {"id": "cr-2", "text": "y"}).replace("\n", "\r").encode()
    )
    (d / "utf16.jsonl").write_bytes(_jsonl({"id": "u16-1", "text": GOOD.format(n=10)}).encode("utf-16"))
    ids += ["bl-1", "cr-1", "cr-2", "u16-1"]
    # numbers as ids: kept as written
    (d / "numeric.jsonl").write_text(
        '{"id": 100000000000000000000000, "text": "x"}\n{"id": 12.50, "text": "x"}\n', encoding="utf-8"
    )
    ids += ["100000000000000000000000", "12.50"]
    # archives: a corrupt gzip, a plain file named .gz, a truncated bzip2 (two records before the cut)
    (d / "corrupt.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4)
    (d / "plain.jsonl.gz").write_text(_jsonl({"id": "pl-1", "text": "x"}), encoding="utf-8")
    whole = bz2.compress(
        _jsonl(*({"id": f"tr-{i}", "text": GOOD.format(n=i)} for i in range(1, 400))).encode()
    )
    (d / "trunc.jsonl.bz2").write_bytes(whole[: len(whole) // 2])
    ids += ["corrupt:1", "plain:1", "trunc:1"]  # the cut falls inside the first block: no record before it
    errors.update(
        {"corrupt:1": "corrupt.jsonl.gz", "plain:1": "plain.jsonl.gz", "trunc:1": "trunc.jsonl.bz2"}
    )
    # a line far longer than --max-chars 1000 allows: an error, never parsed
    (d / "huge.jsonl").write_text(
        _jsonl({"id": "hu-1", "text": "x"}, {"id": "hu-2", "text": "De politie vond 5 kilo hasj. " * 80_000},
               {"id": "hu-3", "text": "x"}),
        encoding="utf-8",
    )  # fmt: skip
    ids += ["hu-1", "huge:2", "hu-3"]
    errors["huge:2"] = "huge.jsonl"
    # gzip that is fine, and the last file: the run must reach it
    with gzip.open(d / "ok.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(_jsonl({"id": "gz-1", "text": GOOD.format(n=11)}))
    (d / "x.v2.txt").write_text(GOOD.format(n=12), encoding="utf-8")
    (d / "zz-last.txt").write_text(GOOD.format(n=13), encoding="utf-8")
    ids += ["gz-1", "x.v2", "zz-last"]
    # a symlink loop and a link to nowhere inside the tree
    (d / "loop.jsonl").symlink_to(d / "loop.jsonl")
    (d / "gone.jsonl").symlink_to(root / "nowhere.jsonl")
    ids += ["loop:1", "gone:1"]
    errors.update({"loop:1": "loop.jsonl", "gone:1": "gone.jsonl"})
    return ids, errors
