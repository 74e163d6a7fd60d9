"""The Python API: ``extract()`` for one text, ``Extractor`` for many records."""

from __future__ import annotations

import bisect
import contextlib
import re
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions as ext
from .normalize.dates import published_bounds
from .pipeline import load
from .relevance import relevant
from .schema import SeizureEvent
from .text import make_doc_safely, strip_format


class _Article(NamedTuple):
    """An article read for the pipeline: the text as matched, the original, and what the Doc carries."""

    full: str  # title, a blank line, text; cut at --max-chars; format characters taken out
    original: str  # before the format characters were taken out
    offsets: list[int] | None  # where each character of ``full`` stands in ``original`` (None: same)
    title_end: int
    truncated: bool
    relevant: bool  # the relevance gate lets it through (or the gate is off)
    published: str | None


DEFAULT_MAX_CHARS = 1_000_000
# Documents an Extractor reads (``pipe`` or ``extract``) before it bounds spaCy's vocabulary (see
# ``Extractor._zone``): enough for the frequent words to be cached for good
WARM_DOCS = 5_000
TITLE_SHARE = 1_000  # characters of a title kept at least (a tenth of --max-chars when that is more)


def normalise_published(published) -> str | None:
    """ "2021-06-09", "2021-06", a date or None -> the ISO form the output carries ("YYYY-MM-DD" or "YYYY-MM")."""
    if published is None or published == "":
        return None
    if isinstance(published, date):
        return published.isoformat()[:10]
    if isinstance(published, str):
        bounds = published_bounds(published)
        if bounds is None:
            return None
        s = published.strip()
        if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ].*)?", s):
            return s[:10] if len(s) >= 10 else s
        lo, hi = bounds  # another written form: the ISO form of what it says
        return lo.isoformat() if lo == hi else lo.isoformat()[:7]
    return None


class RecordError(ValueError):
    """A record that cannot be processed; the message names the reason."""


class _ReadError(Exception):
    """A record the reader could not read (it carries the reader's error)."""

    def __init__(self, error: dict) -> None:
        super().__init__(error.get("message"))
        self.error = error


class Extractor:
    """Seizure-event extraction over records ``{"id", "published", "title", "text"}``.

    >>> ex = Extractor(model="blank")
    >>> [e.amount.value for e in ex.extract("De douane vond 542 kilo cocaïne.", published="2023-08")]
    [542.0]
    """

    def __init__(
        self,
        model="auto",
        max_chars: int = DEFAULT_MAX_CHARS,
        nlp: Language | None = None,
        explain: bool = False,
        gate: bool = True,
        lexicons=(),
    ) -> None:
        self.nlp = nlp if nlp is not None else load(model, lexicons=lexicons)
        self.max_chars = max_chars
        # spaCy refuses texts longer than nlp.max_length (E088): the limit is ours (--max-chars)
        self.nlp.max_length = max(self.nlp.max_length, max_chars + max_chars // 100 + 1000)
        self.explain = explain  # output records carry each event's provenance (field -> rule id)
        self.gate = gate  # an article that names no drug gets its record without tokenisation
        self._errors = _ComponentErrors()
        self.nlp.set_error_handler(self._errors)
        self._vocab = ext.relevance_vocabulary(self.nlp)
        self._docs_read = 0  # documents pipe and extract ran through the pipeline

    # -- one text
    def make_doc(self, text: str, published=None, title: str | None = None) -> Doc:
        """The Doc of an article (title, a blank line, text), with its publication date and flags;
        an article the relevance gate rejects gets an empty Doc (``doc._.relevant`` False)."""
        return self._doc_of(self._prepare(text, published, title))

    def _doc_of(self, a: _Article) -> Doc:
        if not a.relevant:  # no drug named: no event possible, no Doc worth making
            doc = self.nlp.make_doc("")
            ext.remember_text(doc, "")
            ext.put(doc, ext.RELEVANT, False)
        else:
            doc = make_doc_safely(self.nlp, a.full)
            ext.remember_text(doc, a.full)
            # asked already (or the gate is off): the components must not ask again, nor gate an
            # article an ungated extractor was given
            ext.put(doc, ext.RELEVANT, True)
            if a.offsets is not None:
                ext.put(doc, ext.ORIGINAL, (a.original, a.offsets))
        ext.put(doc, ext.PUBLISHED, a.published)
        ext.put(doc, ext.TITLE_END, a.title_end)
        ext.put(doc, ext.TRUNCATED, a.truncated)
        return doc

    def _prepare(self, text: str, published=None, title: str | None = None) -> _Article:
        if not isinstance(text, str):
            raise RecordError(f"text must be a string, not {type(text).__name__}")
        if title is not None and not isinstance(title, str):
            raise RecordError(f"title must be a string or null, not {type(title).__name__}")
        if "\x00" in text or (title and "\x00" in title):
            raise RecordError("text contains NUL bytes (binary data, not an article)")
        title_cut = False
        if title and title.strip():
            # a title never crowds out the text: a tenth of --max-chars, at least TITLE_SHARE
            # characters, but never more than half
            share = max(min(TITLE_SHARE, self.max_chars // 2), self.max_chars // 10)
            title_cut = len(title.strip()) > share
            title = title.strip()[:share]
            full, title_end = f"{title}\n\n{text}", len(title)
        else:
            full, title_end = text, headline_length(text)
        truncated = len(full) > self.max_chars or title_cut
        if len(full) > self.max_chars:
            full = full[: self.max_chars]
        original, (full, offsets) = full, strip_format(full)  # "5\u200b kilo": matched as "5 kilo"
        if offsets is not None:
            title_end = bisect.bisect_left(offsets, title_end)
        return _Article(
            full, original, offsets, min(title_end, len(full)), truncated,
            not self.gate or relevant(full, self._vocab), normalise_published(published),
        )  # fmt: skip

    def extract(self, text: str, published=None, title: str | None = None) -> list[SeizureEvent]:
        """The seizure events of one article (read in a memory zone after ``WARM_DOCS``, as ``pipe``)."""
        with self._zone():
            doc = self.nlp(self.make_doc(text, published, title))
            events = list(ext.get(doc, ext.SEIZURE_EVENTS) or [])
        self._docs_read += 1
        return events

    # -- many records
    def pipe(self, records: Iterable[dict], n_process: int = 1, batch_size: int = 32) -> Iterator[dict]:
        """One output record (the output contract) per input record, in input order, streaming.

        A record that cannot be read or processed yields ``{"id", "published", "events": [],
        "error": {"type", "message"}}``; the records around it are unaffected. In one process, an
        article the relevance gate rejects (and a record in error) gets its output record without
        passing through the pipeline: records are read in windows of ``batch_size`` and only the
        window's relevant articles go through ``nlp.pipe``.
        """
        contexts = (self._context(seq, rec) for seq, rec in enumerate(records))
        if n_process != 1:  # the worker processes need a Doc for every record
            docs = ((doc if doc is not None else self._rejected(ctx), ctx) for doc, ctx in contexts)
            yield from (out for _ctx, out in self._run(docs, n_process, batch_size))
            return
        while True:
            with self._zone():  # the window's Docs are made, read and dropped inside it
                window = list(islice(contexts, batch_size))
                work = [(doc, ctx) for doc, ctx in window if doc is not None and "error" not in ctx]
                done = {ctx["seq"]: out for ctx, out in self._run(iter(work), 1, batch_size)}
                outs = [
                    done[ctx["seq"]] if ctx["seq"] in done else self._record(doc, ctx) for doc, ctx in window
                ]
                self._docs_read += len(work)
            if not window:
                return
            yield from outs

    def _zone(self):
        """A spaCy memory zone for the next window (or text) once ``WARM_DOCS`` documents were read, else none.

        spaCy keeps the lexeme and string of every new word for good: over an archive, with its
        endless names, memory grows without bound. What a window adds inside a zone is freed when
        it ends (spaCy 3.8). The tokenizer caches nothing inside a zone, so the first documents are
        read outside one: the frequent words stay cached, and reading costs what it did."""
        if self._docs_read < WARM_DOCS or not hasattr(self.nlp, "memory_zone"):
            return contextlib.nullcontext()
        return self.nlp.memory_zone()

    def _context(self, seq: int, rec) -> tuple[Doc | None, dict]:
        """The Doc of a record and its context (the record, its number, its error if it has one);
        no Doc for an article the gate rejects."""
        ctx = {"rec": rec, "seq": seq}
        try:
            if isinstance(rec, dict) and isinstance(rec.get("error"), dict) and "_source" in rec:
                raise _ReadError(rec["error"])  # the reader's own record of what went wrong
            doc = self._doc_for(rec, ctx)
            if doc is None:  # the gate rejected it: its record needs no Doc
                ctx["published"] = ctx["article"].published
                return None, ctx
        except _ReadError as e:
            msg = str(e.error.get("message") or "unreadable record")
            src = rec["_source"].rsplit(":", 1)[0]
            ctx["error"] = {
                "type": e.error.get("type") or "RecordError",
                "message": msg if msg.startswith(src) else _where(rec) + msg,
            }
            doc = self.nlp.make_doc("")
        except RecordError as e:
            ctx["error"] = {"type": "RecordError", "message": _where(rec) + str(e)}
            doc = self.nlp.make_doc("")
        except Exception as e:  # anything else about this record: report it, go on
            ctx["error"] = {"type": type(e).__name__, "message": _where(rec) + str(e)}
            doc = self.nlp.make_doc("")
        ctx["published"] = None if "error" in ctx else ext.get(doc, ext.PUBLISHED)
        ext.put(doc, ext.RECORD, seq)
        return doc, ctx

    def _rejected(self, ctx: dict) -> Doc:
        """The empty Doc ``make_doc`` gives an article the gate rejected, for worker processes."""
        doc = self._doc_of(ctx["article"])
        ext.put(doc, ext.RECORD, ctx["seq"])
        return doc

    def _run(
        self, pairs: Iterator[tuple[Doc, dict]], n_process: int, batch_size: int
    ) -> Iterator[tuple[dict, dict]]:
        """``nlp.pipe`` over (Doc, context) pairs: (context, output record) for each, in order; a Doc
        a component failed on (spaCy's error handler drops it) gets its error record."""
        pending: deque[dict] = deque()

        def docs() -> Iterator[tuple[Doc, dict]]:
            for doc, ctx in pairs:
                pending.append(ctx)
                yield doc, ctx

        for doc, ctx in self.nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
            while pending and pending[0]["seq"] != ctx["seq"]:
                failed = pending.popleft()
                yield failed, self._failed(failed)
            if pending:
                pending.popleft()
            yield ctx, self._record(doc, ctx)
        while pending:
            failed = pending.popleft()
            yield failed, self._failed(failed)

    def _failed(self, ctx: dict) -> dict:
        rec = ctx["rec"]
        if "error" in ctx:
            err = ctx["error"]  # already names the record
        else:
            cause = self._errors.pop(ctx["seq"], None) or {
                "type": "ProcessingError",
                "message": "a pipeline component failed",
            }
            err = {"type": cause["type"], "message": _where(rec) + cause["message"]}
        rid = rec.get("id") if isinstance(rec, dict) else None
        return {
            "id": None if rid is None else str(rid),
            "published": _safe_published(rec),
            "events": [],
            "error": err,
        }

    def _doc_for(self, rec, ctx: dict | None = None) -> Doc | None:
        """The Doc of a record; None when ``ctx`` is given and the gate rejects the article (the
        article read for the pipeline then goes into ``ctx["article"]``)."""
        if not isinstance(rec, dict):
            raise RecordError(f"a record must be a JSON object, not {type(rec).__name__}")
        if rec.get("error"):
            raise RecordError(rec["error"].get("message", "unreadable record"))
        if "text" not in rec:
            raise RecordError("no text (missing key 'text')")
        a = self._prepare(rec.get("text"), rec.get("published"), rec.get("title"))
        if not a.relevant and ctx is not None:
            ctx["article"] = a
            return None
        return self._doc_of(a)

    def _record(self, doc: Doc | None, ctx: dict) -> dict:
        rec = ctx["rec"]
        rid = rec.get("id") if isinstance(rec, dict) else None
        published = ctx["published"] if "error" not in ctx else _safe_published(rec)
        out = {
            "id": None if rid is None else str(rid),
            # the contract has a day, a month or null; a bare year still served to resolve dates
            "published": published if published is None or len(published) >= 7 else None,
            "events": [],
            "error": ctx.get("error"),
        }
        if doc is None:  # rejected by the gate before a Doc was made
            if ctx["article"].truncated:
                out["truncated"] = True
        elif "error" not in ctx:
            out["events"] = [e.to_dict(self.explain) for e in (ext.get(doc, ext.SEIZURE_EVENTS) or [])]
            if ext.get(doc, ext.ORIGINAL) is not None:
                _evidence_in_original(out["events"], *ext.get(doc, ext.ORIGINAL))
            if ext.get(doc, ext.TRUNCATED):
                out["truncated"] = True
        return out


def _evidence_in_original(events: list[dict], original: str, offsets: list[int]) -> None:
    """Evidence offsets (found in the text without format characters) mapped to the original text."""
    for e in events:
        ev = e.get("evidence")
        if ev:
            start, end = offsets[ev["start"]], offsets[ev["end"] - 1] + 1 if ev["end"] > 0 else offsets[0]
            ev.update(start=start, end=end, sentence=original[start:end])


def headline_length(text: str) -> int:
    """Where a headline ends when the text opens with one and no title was given (0 otherwise).

    A headline is a first line of at most 160 characters that does not end like a sentence
    ("Douane onderschept 542 kilo cocaïne in haven Vlissingen"), followed by a line break.
    """
    end = text.find("\n", 0, 200)
    if end <= 0:
        return 0
    line = text[:end].rstrip()
    stripped = line.strip()
    if not 8 <= len(stripped) <= 160:
        return 0
    if stripped[-1] in ".!?:;,)\"'’”" or len(stripped.split()) < 3 or stripped.isupper():
        return 0
    return len(line)


class _ComponentErrors(dict):
    """spaCy error handler: the failing document is dropped; this notes why, by record position
    (``doc._.record``), for ``Extractor.pipe`` to report. In worker processes the note stays there
    and the record gets the generic message."""

    def __call__(self, name, proc, docs, e) -> None:
        for doc in docs:
            seq = ext.get(doc, ext.RECORD)
            if seq is None:
                raise e  # not a record of Extractor.pipe (a single extract() call): the caller sees the error
            self[seq] = {"type": type(e).__name__, "message": f"{name}: {e}"}


def _safe_published(rec) -> str | None:
    try:
        return normalise_published(rec.get("published")) if isinstance(rec, dict) else None
    except Exception:
        return None


def _where(rec) -> str:
    src = rec.get("_source") if isinstance(rec, dict) else None
    return f"{src}: " if src else ""


_DEFAULT: Extractor | None = None


def extract(text: str, published=None, title: str | None = None) -> list[SeizureEvent]:
    """The seizure events stated in one Dutch news text.

    >>> [(e.drug, e.amount.value) for e in extract("In de haven werd 11 ton cocaïne onderschept.")]
    [('cocaine', 11000.0)]
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, published=published, title=title)
