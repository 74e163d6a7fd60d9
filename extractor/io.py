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
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import orjson

INPUT_SUFFIXES = (".jsonl", ".ndjson", ".json", ".txt")
# what reading or decompressing one file raises: gzip, bz2 and lzma give OSError, EOFError or
# ValueError, and zlib.error for a gzip whose header is fine and whose data is not
READ_ERRORS = (OSError, EOFError, ValueError, zlib.error)
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
    return [path for path, _name in named_inputs(inputs)]


def file_id(rel: str) -> str:
    """The id a file gives its records: its path (relative to the directory named as input, else its
    name) without the input and compression suffixes: "a/x.txt" -> "a/x", "x.v2.txt" -> "x.v2"."""
    p = Path(rel)
    if p.suffix.lower() in COMPRESSED:
        p = p.with_suffix("")
    if p.suffix.lower() in INPUT_SUFFIXES:
        p = p.with_suffix("")
    return p.as_posix()


def _unresolvable(p: Path) -> bool:
    """A symbolic link that loops or points nowhere (reading it gives the error record)."""
    return p.is_symlink() and not p.exists()


def named_inputs(inputs: Iterable[str]) -> list[tuple[str, str]]:
    """(file, the id its records derive from) for each input file, in order; ("-", "stdin") for stdin.

    Files in a directory are named by their path relative to it, so "a/x.txt" and "b/x.txt" stay
    apart; a file named directly (or by a glob) by its own name.
    """
    out: list[tuple[str, str]] = []
    for item in inputs:
        if item == "-":
            out.append(("-", "stdin"))
            continue
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if (
                    (f.is_file() or _unresolvable(f))  # a link that loops or dangles: its error record
                    and _base_suffix(f)[0] in INPUT_SUFFIXES
                    and not f.name.startswith(("gold", "."))
                ):
                    out.append((str(f), file_id(f.relative_to(p).as_posix())))
        elif p.exists() or _unresolvable(p):
            out.append((str(p), file_id(p.name)))
        else:
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise FileNotFoundError(f"no such file, directory or glob match: {item}")
            out.extend((m, file_id(Path(m).name)) for m in matches if Path(m).is_file())
    return out


def read_records(inputs: Iterable[str], keys: Keys = Keys(), max_line: int | None = None) -> Iterator[dict]:
    """One dict per input record, in order (streaming: one line at a time).

    ``max_line`` bounds what one record may take before it is parsed: a longer JSONL line is an
    error record (read in pieces, never held whole), a longer .txt file is read up to it.
    """
    for path, name in named_inputs(inputs):
        if path == "-":
            yield from read_stdin(sys.stdin.buffer, keys, max_line)
            continue
        p = Path(path)
        suffix, opener = _base_suffix(p)
        if suffix == ".txt":
            yield _read_txt(p, opener, name, max_line)
        else:
            yield from _read_jsonl_file(p, opener, name, keys, max_line)


def _read_jsonl_file(p: Path, opener, stem: str, keys: Keys, max_line: int | None = None) -> Iterator[dict]:
    """The records of one JSONL file; a file that cannot be read or decompressed to its end gives one
    error record naming it, after the records read before the failure, and the run goes on."""
    n = 0
    try:
        with opener(p, "rb") as fh:
            for rec in _read_jsonl_stream(fh, str(p), stem, keys, max_line):
                n += 1
                yield rec
    except READ_ERRORS as e:
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


def read_stdin(buf, keys: Keys = Keys(), max_line: int | None = None) -> Iterator[dict]:
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
        yield from _read_jsonl_stream(buf, "<stdin>", "stdin", keys, max_line)
    else:
        yield _txt_record(
            lambda: _utf8_prefix(buf.read(-1 if max_line is None else max_line)), "stdin", "<stdin>:1"
        )


def _read_txt(p: Path, opener, name: str, max_line: int | None = None) -> dict:
    def read() -> bytes:
        with opener(p, "rb") as fh:
            return _read_upto(fh, max_line)

    return _txt_record(read, name, f"{p}:1")


def _read_upto(fh, limit: int | None) -> bytes:
    """The whole stream, or its first ``limit`` bytes (cut back to a whole UTF-8 character)."""
    if limit is None:
        return fh.read()
    raw = fh.read(limit + 1)
    return _utf8_prefix(raw[:limit]) if len(raw) > limit else raw


def _utf8_prefix(raw: bytes) -> bytes:
    """``raw`` without a UTF-8 sequence cut at its end (a file read up to a limit)."""
    k = len(raw)
    while k > 0 and len(raw) - k < 3 and (raw[k - 1] & 0xC0) == 0x80:
        k -= 1
    if k > 0 and raw[k - 1] >= 0xC0:  # a lead byte whose sequence is cut
        need = 2 if raw[k - 1] < 0xE0 else 3 if raw[k - 1] < 0xF0 else 4
        if len(raw) - (k - 1) < need:
            return raw[: k - 1]
    return raw


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
    except READ_ERRORS as e:
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


class _Overlong(NamedTuple):
    """A line longer than the limit, by its size: read in pieces and dropped."""

    size: int


def _bounded(fh, limit: int | None) -> Iterator[bytes | _Overlong]:
    """The raw lines of ``fh``; a line longer than ``limit`` bytes is read on in pieces of a
    megabyte and given as its size only."""
    if limit is None:
        yield from fh
        return
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw
            continue
        size = len(raw)
        while not raw.endswith(b"\n"):
            raw = fh.readline(1 << 20)
            if not raw:
                break
            size += len(raw)
        yield _Overlong(size)


def _lines(fh, limit: int | None = None) -> Iterator[bytes | _Overlong]:
    """The lines of a byte stream, as UTF-8: a UTF-16 file (by its byte-order mark) is recoded, and
    a line break is \\n, \\r\\n or a lone \\r (old Mac files). JSON strings hold no raw \\r."""
    head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
    if head in (b"\xff\xfe", b"\xfe\xff"):
        for line in io.TextIOWrapper(fh, encoding="utf-16", newline=None):
            yield line.encode("utf-8")
        return
    for raw in _bounded(fh, limit):
        if isinstance(raw, _Overlong):
            yield raw
        elif b"\r" in raw.rstrip(b"\r\n"):
            yield from (part + b"\n" for part in raw.rstrip(b"\r\n").split(b"\r"))
        else:
            yield raw


def _read_jsonl_stream(fh, name: str, stem: str, keys: Keys, max_line: int | None = None) -> Iterator[dict]:
    for lineno, raw in enumerate(_lines(fh, max_line), 1):
        src = f"{name}:{lineno}"
        derived = f"{stem}:{lineno}"
        if isinstance(raw, _Overlong):  # never held whole, never parsed: memory stays bounded
            yield {
                "id": derived,
                "_source": src,
                "error": {
                    "type": "RecordError",
                    "message": f"{src}: a line of {raw.size:,} bytes, over the {max_line:,} that "
                    "--max-chars allows (8 bytes of HTML or JSON per character, twice)",
                },
            }
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark (files saved by Excel or Notepad)
        if not raw.strip():
            continue
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
        yield _rename(obj, keys, derived, src, line)


def _number_text(line: str, key: str) -> str | None:
    """The JSON text of a number under ``key`` ("12.50", "100000000000000000000000"): parsed, a
    float would print otherwise ("12.5", "1e+23")."""
    m = re.search(r'"' + re.escape(key) + r'"\s*:\s*(-?\d[\d.eE+-]*)', line)
    return m.group(1) if m else None


def _rename(obj: dict, keys: Keys, derived: str, src: str, line: str = "") -> dict:
    rid = obj.get(keys.id)
    if isinstance(rid, bool):
        rid = "true" if rid else "false"  # as JSON writes it
    elif isinstance(rid, int | float):
        rid = _number_text(line, keys.id) or rid  # an id is a name: kept as written
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
