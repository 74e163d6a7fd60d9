"""A small, linear-time tokenizer for the pure normalisers (no spaCy).

Possessive quantifiers keep every pattern linear: "1." repeated 50,000 times
or 200,000 digits are one pass, never a backtracking blow-up.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

# digits with separators | a word (letters, inner apostrophes and hyphens) | any other visible char
_TOKEN_RE = re.compile(r"\d++(?:[.,]\d++|['’]\d{3}(?!\d))*+|[^\W\d_]++(?:['’\-][^\W\d_]++)*+|\S")


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    lower: str  # the text lower-cased, once: the normalisers compare it many times


_new = tuple.__new__  # a NamedTuple's own constructor is a Python function: thousands of calls per article
_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def lowers_by_word(text: str, low: str) -> bool:
    """Whether lower-casing ``text`` piece by piece gives its lower case ``low``: not where a character
    lower-cases to two ("İ") or by what follows it ("Σ" ends a word as "ς")."""
    return len(low) == len(text) and "Σ" not in text


def tokenize(text: str) -> list[Tok]:
    """Split text into tokens with character offsets: "5kg" -> ["5", "kg"]."""
    low = text.lower()
    if not lowers_by_word(text, low):  # a token lower-cases as in the text, or alone where that is longer
        whole = len(low) == len(text)
        return [
            _new(
                Tok, (m.group(), m.start(), m.end(), low[m.start() : m.end()] if whole else m.group().lower())
            )
            for m in _TOKEN_RE.finditer(text)
        ]
    # built by C functions mapped over the matches: no Python loop per token
    found = list(_TOKEN_RE.finditer(text))
    words = list(map(_GROUP, found))
    return list(
        map(
            _new,
            repeat(Tok),
            zip(words, map(_START, found), map(_END, found), map(str.lower, words), strict=True),
        )
    )
