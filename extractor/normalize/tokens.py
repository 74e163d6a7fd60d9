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


def tokenize(text: str) -> list[Tok]:
    """Split text into tokens with character offsets: "5kg" -> ["5", "kg"]."""
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:  # "İ" lower-cases to two characters; "Σ" by its context
        return [
            _new(Tok, (m.group(), m.start(), m.end(), _low_token(m, low))) for m in _TOKEN_RE.finditer(text)
        ]
    # built by C functions mapped over the matches: no Python loop per token (a token lower-cases as
    # it does inside the text, but for the two characters above)
    found = list(_TOKEN_RE.finditer(text))
    words = list(map(_GROUP, found))
    return list(
        map(
            _new,
            repeat(Tok),
            zip(words, map(_START, found), map(_END, found), map(str.lower, words), strict=True),
        )
    )


def _low_token(m: re.Match, low: str) -> str:
    """A token lower-cased as in the whole text ("Σ" ends a word as "ς"), or on its own where the
    text's lower case is longer ("İ")."""
    return low[m.start() : m.end()] if len(low) == len(m.string) else m.group().lower()
