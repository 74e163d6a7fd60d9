"""Many patterns over one text in one pass: each pattern is tried only where its first characters are.

Scanning a text once per rule costs a full pass per rule (24 date rules: 24 passes, most of the
dates finder's time). ``RuleScan`` reads from each compiled pattern the strings of up to six
characters a match can begin with (lower-cased, any digit as "0", any space as " "), finds with a
trie of those strings (one for letters, one for digits) the runs of letters or digits that begin
with one, and tries a rule only there. It yields exactly what ``pattern.finditer`` would for each
pattern: a pattern is not tried again inside its own previous match. A pattern whose first characters cannot be read
(a wildcard, a negated class, a start that need not be at a run of letters or digits) is scanned
as before, and a text whose lower-casing changes its length is scanned rule by rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

K = 6  # characters read at a candidate position (fewer for a pattern with too many starts)
_LIMIT = 5000  # first-strings per pattern beyond which it is scanned as before
_DIGIT, _SPACE = re.compile(r"\d"), re.compile(r"\s")
# the same classes less what is canonical already ("0", " "): half the replacements on a whole text
_TO_ZERO, _TO_SPACE = re.compile(r"[^\D0]"), re.compile(r"[^\S ]")
# a leading lookbehind that rules out a letter or digit before the match: it starts at a run start
_AT_RUN_START = ("(?<![\\w", "(?<![\\d")


class _Unreadable(Exception):
    pass


@cache
def _canon(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        raise _Unreadable(ch)
    return "0" if _DIGIT.match(low) else " " if _SPACE.match(low) else low


def _chars(items) -> set[str]:
    """The canonical characters an ``IN`` class accepts."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(_canon(chr(av)))
        elif op is _c.RANGE and av[1] - av[0] < 256:
            out.update(_canon(chr(i)) for i in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            out.add("0")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            out.add(" ")
        else:
            raise _Unreadable(op)
    return out


def _extend(prefixes: set[str], item, k: int) -> set[str]:
    """Every prefix continued by what ``item`` can match, up to k characters."""
    done = {s for s in prefixes if len(s) >= k}
    open_ = prefixes - done
    if not open_:
        return prefixes
    firsts = _first(item, k)
    out = done | {s + t for s in open_ for t in firsts}
    out = {s[:k] for s in out}
    if len(out) > _LIMIT:
        raise _Unreadable("too many")
    return out


def _seq(items, k: int, prefixes: set[str] | None = None) -> set[str]:
    cur = {""} if prefixes is None else prefixes
    for item in items:
        cur = _extend(cur, item, k)
    return cur


_FIRST: dict[tuple[int, int], set[str]] = {}  # _first by (id(item), k), within one first_strings call


def _first(item, k: int) -> set[str]:
    """The strings (up to k characters) one parsed item can begin a match with (read once per
    item and width: a repeat reads its body once per repetition)."""
    key = (id(item), k)
    if key not in _FIRST:
        _FIRST[key] = _read_first(item, k)
    return _FIRST[key]


def _read_first(item, k: int) -> set[str]:
    op, av = item
    if op is _c.LITERAL:
        return {_canon(chr(av))}
    if op is _c.IN:
        return _chars(av)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {""}
    if op is _c.SUBPATTERN:
        return _seq(av[-1], k)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(av, k)
    if op is _c.BRANCH:
        return set().union(*(_seq(alt, k) for alt in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, body = av
        acc, cur = set(), {""}
        for n in range(min(hi, k) + 1):
            if n >= lo:
                acc |= cur
            cur = _seq(body, k, cur)
        return acc | cur if hi > k else acc  # more than k repetitions: read k characters of them
    raise _Unreadable(op)


def first_strings(rx: re.Pattern, k: int = K) -> frozenset[str] | None:
    """The strings of up to ``k`` characters (canonical) a match of ``rx`` can start with, or None
    when they cannot be read; a string shorter than ``k`` is a whole match. Fewer characters are
    read when ``k`` gives too many strings or reaches something unreadable (a back-reference)."""
    if not rx.pattern.startswith(_AT_RUN_START):
        return None
    tree = _p.parse(rx.pattern, rx.flags)
    for width in range(k, 0, -1):
        try:
            out = _seq(tree, width)
        except _Unreadable:  # too many strings, or something unreadable within them: read fewer
            continue
        except RecursionError:
            return None
        finally:
            _FIRST.clear()  # keyed by id: valid only while this tree lives
        if "" in out or not all(s[:1].isalnum() for s in out):
            return None  # a match that does not start with a letter or digit
        return frozenset(out)
    return None


def trie(words, prefix: bool = False, after_first: str = "") -> str:
    """One regular expression for a set of strings, as a trie ("coca(?:ine|ïne)"): the engine follows
    one branch per character instead of trying every string at every position. It matches the
    longest string present; with ``prefix``, a string that another begins with ends its branch.
    ``after_first`` goes right after each first character (see ``at_word_start``)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, lead: str = "") -> str:
        alts = [re.escape(ch) + lead + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts or (prefix and "" in node):
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a whole string ends here; a longer one may go on
            return f"(?:{body})?"
        return body

    return emit(root, after_first)


_FEW_FIRSTS = 6  # beyond this many first characters the engine stops at most letters anyway


def at_word_start(words) -> str:
    r"""``(?<!\w)`` and the longest of the strings. When they begin with a few characters only,
    each first character is read before the lookbehind ("a(?<!\w.)an" matches what "(?<!\w)aan"
    matches), so the regex engine skips to those characters instead of trying the pattern at every
    character of the text (two to five times as fast); with many first characters ("hele jaar",
    "vorig jaar", "deze week"...) it would stop at most letters anyway, and the lookbehind stays
    in front, which is then faster."""
    words = list(words)
    if len({w[:1] for w in words}) > _FEW_FIRSTS:
        return r"(?<!\w)(?:" + trie(words) + ")"
    return trie(words, after_first=r"(?<!\w.)")


class RuleScan:
    """``finditer`` of many patterns at once: ``(match, payload)`` for every pattern's matches."""

    def __init__(self, rules: Sequence[tuple[re.Pattern, object]]) -> None:
        self.rules = list(rules)
        self.always: list[int] = []
        starts: dict[str, set[int]] = {}
        for i, (rx, _payload) in enumerate(self.rules):
            firsts = first_strings(rx)
            if firsts is None:
                self.always.append(i)
                continue
            for s in firsts:
                starts.setdefault(s, set()).add(i)
        # a hit is the longest start present: its rules and those of every shorter start it begins with
        self.index: dict[str, tuple[int, ...]] = {
            s: tuple(sorted(set().union(*(starts.get(s[:n], ()) for n in range(1, len(s) + 1)))))
            for s in starts
        }
        self.finders = _finders(starts)

    def finditer(self, text: str) -> Iterator[tuple[re.Match, object]]:
        low = text.lower()
        if len(low) != len(text):  # "İ" lower-cases to two characters: positions would shift
            for rx, payload in self.rules:
                for m in rx.finditer(text):
                    yield m, payload
            return
        for i in self.always:
            rx, payload = self.rules[i]
            for m in rx.finditer(text):
                yield m, payload
        if not self.finders:
            return
        canon = _TO_SPACE.sub(" ", _TO_ZERO.sub("0", low))  # every digit "0", every space " "
        free = [0] * len(self.rules)  # where each pattern may match next (finditer resumes at the end)
        index, rules = self.index, self.rules
        for p, start in _hits(self.finders, canon):
            for i in index[start]:
                if p < free[i]:
                    continue
                rx, payload = rules[i]
                m = rx.match(text, p)
                if m is not None and m.end() > p:
                    free[i] = m.end()
                    yield m, payload


def _finders(starts) -> list[tuple[re.Pattern, re.Pattern | None]]:
    """Patterns that find every position where one of ``starts`` begins a run of letters or digits,
    each as (scan, pattern for the text's first character or None), group 1 the longest start.

    Every position must be looked at, so a start inside another's reach is found too; a pattern
    that begins with a lookbehind makes the engine try itself at each character. Instead each
    scan begins with a character the engine can skip to: a letter run's start is read after the
    character before it (anything but a letter; the text's first character is read apart), a
    digit run's start at its first digit, and the start itself in a lookahead, so the scan moves
    on by one character and overlapping starts are all found.
    """
    letters = trie(s for s in starts if not s[0].isdigit())
    digits = [s for s in starts if s[0].isdigit()]
    out = []
    if letters:
        out.append((re.compile(rf"[\W\d_](?=({letters}))"), re.compile(rf"(?=({letters}))")))
    if digits:
        firsts = "".join(sorted({re.escape(s[0]) for s in digits}))
        out.append((re.compile(rf"[{firsts}](?<=(?=(?<!\d)({trie(digits)})).)"), None))
    return out


def _hits(finders, canon: str) -> list[tuple[int, str]]:
    """(position, longest start there) for every start in ``canon``, in text order."""
    hits = []
    for scan, first in finders:
        m = first.match(canon) if first is not None else None
        if m is not None:
            hits.append((0, m.group(1)))
        hits += [(m.start(1), m.group(1)) for m in scan.finditer(canon)]
    return sorted(hits) if len(finders) > 1 else hits
