"""Many patterns over one text in one pass: each pattern is tried only where its first characters are.

Scanning a text once per rule costs a full pass per rule (24 date rules: 24 passes, most of the
dates finder's time). ``RuleScan`` reads from each compiled pattern the strings of three characters
a match can begin with (lower-cased, any digit as "0", any space as " "), walks the text's runs of
letters and of digits once, and tries a pattern only where the three characters at a run's start
are among its own. It yields exactly what ``pattern.finditer`` would for each pattern: a pattern
is not tried again inside its own previous match. A pattern whose first characters cannot be read
(a wildcard, a negated class, a start that need not be at a run of letters or digits) is scanned
as before, and a text whose lower-casing changes its length is scanned rule by rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

K = 3  # characters read at a candidate position
_LIMIT = 5000  # first-strings per pattern beyond which it is scanned as before
_RUN = re.compile(r"[^\W\d_]+|\d+")  # a match starts where a run of letters or of digits starts
_DIGIT, _SPACE = re.compile(r"\d"), re.compile(r"\s")
# a leading lookbehind that rules out a letter or digit before the match: it starts at a run start
_AT_RUN_START = ("(?<![\\w", "(?<![\\d")


class _Unreadable(Exception):
    pass


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


def _extend(prefixes: set[str], item) -> set[str]:
    """Every prefix continued by what ``item`` can match, up to K characters."""
    done = {s for s in prefixes if len(s) >= K}
    open_ = prefixes - done
    if not open_:
        return prefixes
    out = done | {s + t for s in open_ for t in _first(item)}
    out = {s[:K] for s in out}
    if len(out) > _LIMIT:
        raise _Unreadable("too many")
    return out


def _seq(items, prefixes: set[str] | None = None) -> set[str]:
    cur = {""} if prefixes is None else prefixes
    for item in items:
        cur = _extend(cur, item)
    return cur


def _first(item) -> set[str]:
    """The strings (up to K characters) one parsed item can begin a match with."""
    op, av = item
    if op is _c.LITERAL:
        return {_canon(chr(av))}
    if op is _c.IN:
        return _chars(av)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {""}
    if op is _c.SUBPATTERN:
        return _seq(av[-1])
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(av)
    if op is _c.BRANCH:
        return set().union(*(_seq(alt) for alt in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, body = av
        acc, cur = set(), {""}
        for n in range(min(hi, K) + 1):
            if n >= lo:
                acc |= cur
            cur = _seq(body, cur)
        return acc | cur if hi > K else acc  # more than K repetitions: read K characters of them
    raise _Unreadable(op)


def first_strings(rx: re.Pattern) -> frozenset[str] | None:
    """The K-character strings a match of ``rx`` can start with (canonical), or None when unknown."""
    if not rx.pattern.startswith(_AT_RUN_START):
        return None
    try:
        out = _seq(_p.parse(rx.pattern, rx.flags))
    except (_Unreadable, RecursionError):
        return None
    if any(len(s) < K for s in out) or not all(s[:1].isalnum() for s in out):
        return None  # a match shorter than K, or one that does not start with a letter or digit
    return frozenset(out)


class RuleScan:
    """``finditer`` of many patterns at once: ``(match, payload)`` for every pattern's matches."""

    def __init__(self, rules: Sequence[tuple[re.Pattern, object]]) -> None:
        self.rules = list(rules)
        self.index: dict[str, list[int]] = {}
        self.always: list[int] = []
        for i, (rx, _payload) in enumerate(self.rules):
            firsts = first_strings(rx)
            if firsts is None:
                self.always.append(i)
                continue
            for s in firsts:
                self.index.setdefault(s, []).append(i)

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
        canon = _SPACE.sub(" ", _DIGIT.sub("0", low))
        free = [0] * len(self.rules)  # where each pattern may match next (finditer resumes at the end)
        index, rules = self.index, self.rules
        for run in _RUN.finditer(canon):
            p = run.start()
            for i in index.get(canon[p : p + K], ()):
                if p < free[i]:
                    continue
                rx, payload = rules[i]
                m = rx.match(text, p)
                if m is not None and m.end() > p:
                    free[i] = m.end()
                    yield m, payload
