"""Readers and writers: JSONL, .txt with a ``date`` header, directories, globs, stdin, compressed files.

Every input record comes out as exactly one dict: a good one carries ``id``,
``published``, ``title``, ``text`` and ``_source`` ("file:line"); a bad one (broken
JSON, not an object, invalid UTF-8) carries ``error`` naming the file and line.
"""

from __future__ import annotations

import bz2
import csv
import glob
import gzip
import io
import lzma
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

INPUT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".txt")
COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
_DATE_HEADER = re.compile(r"\s*date:?\s+(\d{4}-\d{2}(?:-\d{2})?)\s*$", re.IGNORECASE)
# the seed file as given: " date 2021-06 In vergelijking met ..." (the header and the first sentence on one line)
_DATE_HEADER_INLINE = re.compile(r"\s*date:?\s+(\d{4}-\d{2}(?:-\d{2})?)\s+(?=\S)", re.IGNORECASE)
_TITLE_HEADER = re.compile(r"\s*title:?\s+(.+?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Keys:
    """Input field names (``--text-key`` and friends)."""

    id: str = "id"
    text: str = "text"
    published: str = "published"
    title: str = "title"


def _base_suffix(p: Path) -> tuple[str, object]:
    """(".jsonl", opener) for "x.jsonl.gz"."""
    opener = COMPRESSED.get(p.suffix.lower())
    if opener:
        return Path(p.stem).suffix.lower(), opener
    return p.suffix.lower(), open


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files from paths, directories (recursively, sorted) and globs; "-" is stdin.

    In a directory, files whose name starts with "gold" are gold annotations, not input.
    """
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append("-")
            continue
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (
                    f.is_file()
                    and _base_suffix(f)[0] in INPUT_SUFFIXES
                    and not f.name.startswith(("gold", "."))
                ):
                    out.append(str(f))
        elif p.exists():
            out.append(str(p))
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no such file, directory or glob match: {item}")
            out.extend(m for m in matches if Path(m).is_file())
    return out


def read_records(inputs: Iterable[str], keys: Keys = Keys()) -> Iterator[dict]:
    """One dict per input record, in order (streaming: one line at a time)."""
    for path in expand_inputs(inputs):
        if path == "-":
            yield from read_stdin(sys.stdin.buffer, keys)
            continue
        p = Path(path)
        suffix, opener = _base_suffix(p)
        stem = p.name.split(".")[0]
        if suffix == ".txt":
            yield _read_txt(p, opener)
        else:
            yield from _read_jsonl_file(p, opener, stem, keys)


def _read_jsonl_file(p: Path, opener, stem: str, keys: Keys) -> Iterator[dict]:
    """The records of one JSONL file; a file that cannot be read or decompressed to its end gives one
    error record naming it, after the records read before the failure, and the run goes on."""
    n = 0
    try:
        with opener(p, "rb") as fh:
            for rec in _read_jsonl_stream(fh, str(p), stem, keys):
                n += 1
                yield rec
    except (OSError, EOFError, ValueError) as e:  # gzip/bz2/lzma errors are OSError, EOFError or ValueError
        yield {
            "id": f"{stem}:{n + 1}",
            "_source": str(p),
            "error": {"type": type(e).__name__, "message": f"unreadable after {n} records ({e})"},
        }


_MAGIC = (  # compressed stdin, by its first bytes
    (b"\x1f\x8b", lambda f: gzip.GzipFile(fileobj=f)),
    (b"BZh", bz2.BZ2File),
    (b"\xfd7zXZ\x00", lzma.LZMAFile),
)


def read_stdin(buf, keys: Keys = Keys()) -> Iterator[dict]:
    """Records piped in: JSONL, or one plain-text article (with its optional date header); gzip,
    bzip2 or xz is recognised by its first bytes and read as it is."""
    head = buf.peek(8)[:8] if hasattr(buf, "peek") else b""
    for magic, opener in _MAGIC:
        if head.startswith(magic):
            buf = io.BufferedReader(opener(buf))
            head = buf.peek(8)[:8]
            break
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] or buf.peek(256).lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if first in (b"{", b"[", b""):
        yield from _read_jsonl_stream(buf, "<stdin>", "stdin", keys)
    else:
        yield _txt_record(lambda: buf.read(), "stdin", "<stdin>:1")


def _read_txt(p: Path, opener) -> dict:
    def read() -> bytes:
        with opener(p, "rb") as fh:
            return fh.read()

    return _txt_record(read, p.name.split(".")[0], f"{p}:1")


def _txt_record(read, rid: str, src: str) -> dict:
    """One article from a plain-text file: an optional "date YYYY-MM[-DD]" (and "title ...") header, then the text."""
    try:
        raw = read()
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as e:
        return {
            "id": rid,
            "_source": src,
            "error": {
                "type": "UnicodeDecodeError",
                "message": f"{src}: invalid UTF-8 ({e.reason} at byte {e.start})",
            },
        }
    except (OSError, EOFError, ValueError) as e:
        return {"id": rid, "_source": src, "error": {"type": type(e).__name__, "message": f"{src}: {e}"}}
    published = title = None
    text = text.removeprefix("\ufeff")  # a byte-order mark would hide the header
    inline = _DATE_HEADER_INLINE.match(text)
    if inline and not _DATE_HEADER.fullmatch(text.split("\n", 1)[0]):
        published, text = inline.group(1), text[inline.end() :]
    lines = text.split("\n")
    # headers: "date 2021-06" and optionally "title ..." before the first blank line
    while lines:
        m = _DATE_HEADER.fullmatch(lines[0])
        t = _TITLE_HEADER.fullmatch(lines[0]) if not m else None
        if m:
            published = m.group(1)
        elif t and published is not None:
            title = t.group(1)
        else:
            break
        lines.pop(0)
    body = "\n".join(lines).strip("\n")
    return {"id": rid, "published": published, "title": title, "text": body, "_source": src}


def _lines(fh) -> Iterator[bytes]:
    """The lines of a byte stream, as UTF-8: a UTF-16 file (by its byte-order mark) is recoded, and
    a line break is \\n, \\r\\n or a lone \\r (old Mac files). JSON strings hold no raw \\r."""
    head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
    if head in (b"\xff\xfe", b"\xfe\xff"):
        for line in io.TextIOWrapper(fh, encoding="utf-16", newline=None):
            yield line.encode("utf-8")
        return
    for raw in fh:
        if b"\r" in raw.rstrip(b"\r\n"):
            yield from (part + b"\n" for part in raw.rstrip(b"\r\n").split(b"\r"))
        else:
            yield raw


def _read_jsonl_stream(fh, name: str, stem: str, keys: Keys) -> Iterator[dict]:
    for lineno, raw in enumerate(_lines(fh), 1):
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark (files saved by Excel or Notepad)
        if not raw.strip():
            continue
        src = f"{name}:{lineno}"
        derived = f"{stem}:{lineno}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield {
                "id": derived,
                "_source": src,
                "error": {
                    "type": "UnicodeDecodeError",
                    "message": f"{src}: invalid UTF-8 ({e.reason} at byte {e.start})",
                },
            }
            continue
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            yield {
                "id": derived,
                "_source": src,
                "error": {"type": "JSONDecodeError", "message": f"{src}: not valid JSON ({e})"},
            }
            continue
        if not isinstance(obj, dict):
            yield {
                "id": derived,
                "_source": src,
                "error": {
                    "type": "RecordError",
                    "message": f"{src}: a record must be a JSON object, not {type(obj).__name__}",
                },
            }
            continue
        yield _rename(obj, keys, derived, src)


def _rename(obj: dict, keys: Keys, derived: str, src: str) -> dict:
    rid = obj.get(keys.id)
    rec = {
        "id": derived
        if rid is None or rid == ""
        else rid
        if isinstance(rid, str | int | float)
        else str(rid),
        "published": obj.get(keys.published),
        "title": obj.get(keys.title),
        "_source": src,
    }
    if keys.text in obj:
        rec["text"] = obj[keys.text]
    return rec


# ---------------------------------------------------------------- writers


def dumps(obj) -> bytes:
    return orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_SERIALIZE_NUMPY)


class OutputBusy(RuntimeError):
    """Another run holds the output."""


def hold_output(path: str) -> int:
    """An advisory lock (``flock``) on the output for this run: a second run, ``--force`` or
    ``--resume``, on the same file is refused instead of interleaving its lines. The lock goes with
    the process; the returned descriptor keeps it until then."""
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputBusy(
            f"{path} is being written by another run; wait for it or choose another output"
        ) from None
    return fd


class LineWriter:
    """Writes whole lines with one ``write`` call each (a kill leaves only whole lines)."""

    def __init__(self, path: str | None, append: bool = False) -> None:
        self.path = path
        if path is None:
            self._fd = None
            self._out = sys.stdout.buffer
        else:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self._fd = os.open(path, flags, 0o644)
            self._out = None

    def write(self, data: bytes) -> None:
        if self._fd is not None:
            start = os.lseek(self._fd, 0, os.SEEK_END)
            view = memoryview(data)
            try:
                while view:
                    n = os.write(self._fd, view)
                    view = view[n:]
            except (
                OSError
            ) as e:  # a full disk: cut the partial record back off, so the file ends on a whole line
                try:
                    os.ftruncate(self._fd, start)
                except OSError:
                    pass
                raise OSError(
                    e.errno, f"{e.strerror} (the file ends on its last whole record)", self.path
                ) from None
        else:
            self._out.write(data)
            self._out.flush()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def is_article_record(obj) -> bool:
    """An output record of ``extractor extract`` (article records, not --per-event rows or inputs)."""
    return (
        isinstance(obj, dict)
        and {"id", "events", "error"} <= obj.keys()
        and isinstance(obj["events"], list | None)
    )


def output_records(path: str) -> Iterator[dict | None]:
    """The article records of an output file (``-``: stdin), in order; None for a torn line (a kill mid-write).

    Raises ValueError naming the file and line at the first line that is JSON but no article
    record: an input file, a --per-event file or a gold file given where an output belongs.
    """
    if path == "-":  # stdin: "extractor extract ... | extractor summary -"
        yield from _output_lines(sys.stdin.buffer, "stdin")
        return
    with open(path, "rb") as fh:
        yield from _output_lines(fh, path)


def _output_lines(fh, name: str) -> Iterator[dict | None]:
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError:
            yield None
            continue
        if not is_article_record(obj):
            raise ValueError(f"{name}: not article records of 'extractor extract' (line {n})")
        yield obj


class NotOurOutput(ValueError):
    """``--resume`` was pointed at a file this tool did not write."""


def completed_ids(path: str) -> tuple[list[str], int]:
    """Ids already written to an output (for ``--resume``) and the byte length of its whole lines.

    A partial last line (a kill in the middle of a write) is not counted; the caller cuts it off.
    A file whose first whole line is not an article record (``id`` and ``events``) is not ours:
    ``NotOurOutput`` is raised and nothing is cut.
    """
    ids: list[str] = []
    good = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError:
                obj = None
            if not is_article_record(obj):
                if not ids:
                    raise NotOurOutput(f"{path}: its first line is not an article record of this tool")
                break
            ids.append(str(obj["id"]))
            good += len(raw)
    return ids, good


def sidecar(output: str) -> Path:
    """Where the run that writes ``output`` records itself: ``OUT.jsonl.run.json``."""
    return Path(output + ".run.json")


def write_fingerprint(output: str, fingerprint: dict) -> None:
    """Record the inputs and options of the run writing ``output`` (for a later ``--resume``)."""
    path = sidecar(output)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(orjson.dumps(fingerprint, option=orjson.OPT_INDENT_2))
    os.replace(tmp, path)


def fingerprint_mismatch(output: str, fingerprint: dict) -> str | None:
    """Why ``--resume`` must not continue ``output`` with this run, or None. Without a record of the
    run that wrote it (an older output) only the record shape is checked."""
    path = sidecar(output)
    if not path.exists():
        return None
    try:
        before = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return f"{path} cannot be read"
    differ = [k for k in fingerprint if k != "version" and before.get(k) != fingerprint[k]]
    if differ:
        return f"it was written with other {', '.join(differ)} ({path})"
    return None


CSV_FIELDS = [
    "article_id", "published", "drug", "drug_text", "amount_value", "amount_low", "amount_high", "amount_unit",
    "amount_approximate", "amount_text", "kind", "date_start", "date_end", "date_text", "location", "country",
    "municipality", "lat", "lon", "origin", "value_eur", "agency", "operation", "confidence", "evidence",
    "evidence_start", "evidence_end", "error",
]  # fmt: skip


def flat_events(record: dict) -> list[dict]:
    """One flat row per event of an article record; an article without events, or with an error,
    gives one row of its own (event columns empty), so every article is in the table."""
    base = {"article_id": record.get("id"), "published": record.get("published")}
    if record.get("error"):
        return [{**base, "error": record["error"]}]
    if not record.get("events"):
        return [base]
    rows = []
    for e in record["events"]:
        a, d, loc, ev = (
            e.get("amount") or {},
            e.get("date") or {},
            e.get("location") or {},
            e.get("evidence") or {},
        )
        rng = e.get("amount_range") or {}
        rows.append(
            {
                **base,
                "drug": e["drug"],
                "drug_text": e.get("drug_text"),
                "amount_value": a.get("value"),
                "amount_low": rng.get("low"),
                "amount_high": rng.get("high"),
                "amount_unit": a.get("unit") or rng.get("unit"),
                "amount_approximate": a.get("approximate"),
                "amount_text": a.get("text") or rng.get("text"),
                "kind": e["kind"],
                "date_start": d.get("start"),
                "date_end": d.get("end"),
                "date_text": d.get("text"),
                "location": loc.get("name"),
                "country": loc.get("country"),
                "municipality": loc.get("municipality"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "origin": (e.get("origin") or {}).get("name"),
                "value_eur": e.get("value_eur"),
                "agency": "; ".join(e.get("agency") or []),
                "operation": e.get("operation"),
                "confidence": e.get("confidence"),
                "evidence": ev.get("sentence"),
                "evidence_start": ev.get("start"),
                "evidence_end": ev.get("end"),
                "error": None,
            }
        )
    return rows


PARQUET_TYPES = {  # the flat table's columns as Arrow types (everything else is a string)
    "amount_value": "float64", "amount_low": "float64", "amount_high": "float64", "amount_approximate": "bool",
    "lat": "float64", "lon": "float64", "value_eur": "float64", "confidence": "float64",
    "evidence_start": "int64", "evidence_end": "int64",
}  # fmt: skip


class ParquetSink:
    """The flat table (the CSV's columns, typed) written to Parquet in row groups as rows arrive."""

    def __init__(self, path: str, rows_per_group: int = 2048) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as e:
            raise RuntimeError("--format parquet needs pyarrow: pip install 'extractor[parquet]'") from e
        self.pa = pa
        types = {"float64": pa.float64, "int64": pa.int64, "bool": pa.bool_, "string": pa.string}
        self.schema = pa.schema([(f, types[PARQUET_TYPES.get(f, "string")]()) for f in CSV_FIELDS])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict] = []
        self.per_group = rows_per_group

    def add(self, rows: list[dict]) -> None:
        for r in rows:
            r = dict(r)
            if isinstance(r.get("error"), dict):
                r["error"] = f"{r['error'].get('type')}: {r['error'].get('message')}"
            self.rows.append(r)
        if len(self.rows) >= self.per_group:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            cols = {f: [r.get(f) for r in self.rows] for f in CSV_FIELDS}
            self.writer.write_table(self.pa.table(cols, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        if self.writer is not None:
            self.flush()
            self.writer.close()
            self.writer = None


def csv_line(row: dict, header: bool = False) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    if header:
        w.writeheader()
    else:
        r = dict(row)
        if isinstance(r.get("error"), dict):
            r["error"] = f"{r['error'].get('type')}: {r['error'].get('message')}"
        w.writerow(r)
    return buf.getvalue().encode("utf-8")
