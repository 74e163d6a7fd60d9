"""A small, linear-time tokenizer for the pure normalisers (no spaCy).

Possessive quantifiers keep every pattern linear: "1." repeated 50,000 times
or 200,000 digits are one pass, never a backtracking blow-up.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# digits with separators | a word (letters, inner apostrophes and hyphens) | any other visible char
_TOKEN_RE = re.compile(r"\d++(?:[.,]\d++|['’]\d{3}(?!\d))*+|[^\W\d_]++(?:['’\-][^\W\d_]++)*+|\S")


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    lower: str  # the text lower-cased, once: the normalisers compare it many times


_new = tuple.__new__  # a NamedTuple's own constructor is a Python function: thousands of calls per article


def tokenize(text: str) -> list[Tok]:
    """Split text into tokens with character offsets: "5kg" -> ["5", "kg"]."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lower-cases to two characters: lower each token instead
        return [Tok(m.group(), m.start(), m.end(), m.group().lower()) for m in _TOKEN_RE.finditer(text)]
    out = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        out.append(_new(Tok, (m.group(), s, e, low[s:e])))
    return out
