"""The article index: sentences, clauses, paragraphs, the title and every mention by sentence.

Built once per article; every look-up the stages make is a query on it (a list by sentence,
a bisection, or an array of the nearest earlier sentence holding a kind of mention), so
linking grows linearly with the text and long texts are linked whole.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..normalize.tokens import lowers_by_word
from .params import params

WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CLAUSE_SPLIT = re.compile(r"[;()–—]|,\s|:\s|\s-\s")
_PARAGRAPH = re.compile(r"\n\s*\n")
KINDS = ("amounts", "dates", "drugs", "places", "agencies", "operations")
QUANTITY_UNITS = ("kg", "l", "pills", "plants", "units")  # what can be seized (money is not)


@dataclass(frozen=True)
class Mention:
    """A span a component found, as character offsets, with its value (Amount, DateInterval, Place, id)."""

    start: int
    end: int
    text: str
    value: object = None


@dataclass(frozen=True, eq=False)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    is_title: bool
    paragraph: int
    lower: str = field(init=False)
    words: frozenset | None = None  # the WORDs of the lower-cased text; read from the text when not given

    def __post_init__(self):
        lower = self.text.lower()
        object.__setattr__(self, "lower", lower)
        if self.words is None:
            object.__setattr__(self, "words", frozenset(WORD.findall(lower)))

    def holds(self, m: Mention) -> bool:
        return self.start <= m.start and m.end <= self.end


def _words_in(words: tuple[list[int], list[int], list[str]], s: int, e: int) -> frozenset | None:
    """The words (``ArticleIndex._words``: starts, ends, lower-cased) from ``s`` to ``e``; None where
    a word runs over ``s`` or ``e`` (a sentence split inside a word): that sentence reads its own."""
    starts, ends, lows = words
    i, j = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
    if (i > 0 and ends[i - 1] > s) or (j > i and ends[j - 1] > e):
        return None
    return frozenset(lows[i:j])


_NON_SPACE = re.compile(r"\S+")
_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


class ArticleIndex:
    """Sentences (lines linking to other articles left out) and mentions grouped by sentence."""

    def __init__(self, text: str, bounds, mentions: dict[str, list[Mention]], title_end: int = 0) -> None:
        self.text = text
        self.title_end = title_end
        self.links_elsewhere: list[tuple[int, int]] = []
        self._memo: dict = {}  # what is computed once per article: nearest-sentence arrays, facts (once)
        self.sentences = self._sentences(bounds)
        self.starts = [s.start for s in self.sentences]
        self.title = [s for s in self.sentences if s.is_title]
        self.mentions = {k: sorted(mentions.get(k, ()), key=lambda m: m.start) for k in KINDS}
        self._starts = {k: [m.start for m in v] for k, v in self.mentions.items()}
        self._by_sentence = {k: self._group(v) for k, v in self.mentions.items()}

    def _sentences(self, bounds) -> list[Sentence]:
        cross, line_is_link, out = params().cross_reference, {}, []
        paragraphs = [m.end() for m in _PARAGRAPH.finditer(self.text)]
        # the sentences' words from the article's one reading of its words, where that reads the same
        words = self.once("words", self._words) if lowers_by_word(self.text, self.text.lower()) else None
        for s, e in bounds:
            line = self.text.rfind("\n", 0, s) + 1
            if line not in line_is_link:  # once per line: a line can hold many sentences
                line_is_link[line] = bool(cross.match(self.text, line))
            if line_is_link[line]:  # gate.link_line: "LEES OOK. Douane onderschept 3 ton ..."
                self.links_elsewhere.append((s, e))
                continue
            is_title = self.title_end > 0 and e <= self.title_end
            para = bisect.bisect_right(paragraphs, s)
            own = _words_in(words, s, e) if words is not None else None
            out.append(Sentence(len(out), s, e, self.text[s:e], is_title, para, own))
        return out

    def _group(self, ms: list[Mention]) -> list[list[Mention]]:
        groups: list[list[Mention]] = [[] for _ in self.sentences]
        for m in ms:
            s = self.sentence_at(m.start)
            if s is not None and m.end <= s.end:
                groups[s.index].append(m)
        return groups

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    def at(self, kind: str, i: int) -> list[Mention]:
        """The mentions of a kind inside sentence ``i``, in text order."""
        return self._by_sentence[kind][i]

    def quantities(self, i: int) -> list[Mention]:
        """The amounts inside sentence ``i`` that are quantities, not money, in text order."""
        return [a for a in self._by_sentence["amounts"][i] if a.value.unit in QUANTITY_UNITS]

    def in_title(self, kind: str) -> list[Mention]:
        return [m for s in self.title for m in self.at(kind, s.index)]

    def body_before(self, s: Sentence, n: int) -> list[Sentence]:
        """The ``n`` body sentences right before ``s`` (nearest last)."""
        out: list[Sentence] = []
        i = s.index - 1
        while i >= 0 and len(out) < n and not self.sentences[i].is_title:
            out.append(self.sentences[i])
            i -= 1
        return out[::-1]

    def nearest_before(self, key: str, kind: str, keep, s: Sentence) -> Sentence | None:
        """The nearest body sentence before ``s`` holding a mention of ``kind`` that ``keep`` accepts.

        ``keep(sentence, mention)`` is fixed per ``key``: the answer for every sentence is one array,
        computed on first use in one pass over the article.
        """
        i = self.once(key, lambda: self._nearest_array(kind, keep))[s.index]
        return None if i is None else self.sentences[i]

    def _nearest_array(self, kind: str, keep) -> list[int | None]:
        arr, last = [], None
        for x in self.sentences:
            arr.append(last)
            if not x.is_title and any(keep(x, m) for m in self.at(kind, x.index)):
                last = x.index
        return arr

    def once(self, key, compute):
        """``compute()`` the first time ``key`` is asked for in this article, the stored value after:
        for facts of one mention or sentence that several rules read ("is this date a report's?")."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def first_named(self, kind: str) -> dict:
        """The index of the first sentence naming each value of ``kind`` ("Tilburg" -> 2), computed once."""
        return self.once(("first_named", kind), lambda: self._first_named(kind))

    def _first_named(self, kind: str) -> dict:
        first: dict = {}
        for x in self.sentences:
            for m in self.at(kind, x.index):
                first.setdefault(m.value.name, x.index)
        return first

    def first_after(self, kind: str, pos: int, keep) -> Mention | None:
        """The first mention of ``kind`` starting at or after ``pos`` that ``keep`` accepts."""
        ms = self.mentions[kind]
        for m in ms[bisect.bisect_left(self._starts[kind], pos) :]:
            if keep(m):
                return m
        return None

    def clause(self, s: Sentence, pos: int) -> tuple[int, int]:
        """The clause of ``s`` around ``pos`` (split at ; ( ) dashes, commas and colons)."""
        rel = pos - s.start
        start, end = 0, len(s.text)
        splits = self.once(
            ("splits", s.start, s.end), lambda: [m.span() for m in _CLAUSE_SPLIT.finditer(s.text)]
        )
        for a, b in splits:  # read once per sentence: several mentions ask
            if b <= rel:
                start = b
            elif a >= rel:
                end = a
                break
        return s.start + start, s.start + end

    def words_before(self, pos: int, n: int) -> list[str]:
        """The last ``n`` words before ``pos``, lower-cased: those ``WORD`` finds in the window of
        ``16 * n + 16`` characters before ``pos`` (a word running into ``pos`` cut there)."""
        lo = max(0, pos - 16 * n - 16)
        starts, ends, lows = self.once("words", self._words)
        k = bisect.bisect_left(starts, pos)  # the words that begin before pos
        if k - bisect.bisect_left(starts, lo, 0, k) < n or n <= 0:  # the window's first word may be cut
            return list(map(str.lower, WORD.findall(self.text, lo, pos)[-n:]))
        out = lows[k - n : k]
        if ends[k - 1] > pos:  # the last word runs on past pos
            out[-1] = self.text[starts[k - 1] : pos].lower()
        return out

    def _words(self) -> tuple[list[int], list[int], list[str]]:
        """Every ``WORD`` of the text: starts, ends and the words lower-cased (read once)."""
        found = list(WORD.finditer(self.text))
        return list(map(_START, found)), list(map(_END, found)), list(map(str.lower, map(_GROUP, found)))

    def tail(self, pos: int, n: int) -> str:
        """The text from the ``n``-th word before ``pos`` up to ``pos`` (words split at spaces, in
        the window of ``16 * n + 16`` characters before ``pos``; the whole window if it holds fewer)."""
        lo = max(0, pos - 16 * n - 16)
        runs = self.once("runs", lambda: list(map(_START, _NON_SPACE.finditer(self.text))))
        k = bisect.bisect_left(runs, pos)  # the runs of non-space that begin before pos
        if n > 0 and k - bisect.bisect_left(runs, lo, 0, k) >= n:
            return self.text[runs[k - n] : pos]
        window = self.text[lo:pos]  # fewer runs begin in the window: read it as it is
        starts = list(map(_START, _NON_SPACE.finditer(window)))
        return window[starts[-n] :] if len(starts) >= n else window
