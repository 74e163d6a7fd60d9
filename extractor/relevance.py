"""The relevance gate: one scan of the raw text decides whether an article can state a seizure.

Every event needs a drug: a drug word (its name, slang or the stem of a compound such as
"cocaïnevangst"), or a unit that implies one ("planten", "pillen", "stekken"). A text without
any of them cannot yield an event, so it gets its output record without a Doc being made
(``Extractor``) or without the components doing any work (``doc._.relevant`` is False). One pass
over the words of the lower-cased text; a word counts when it begins with a drug word (so
compounds such as "wietplantage" count, but "weed" inside "tweede" does not): a false alarm
only costs time, a miss would cost an event, so the pattern errs wide. A test runs the full
pipeline with and without the gate over both corpora and compares the output.
"""

from __future__ import annotations

import re
from functools import cache

from .resources import load_json

_WORD = re.compile(r"[^\W_][\w'’-]*")  # digits may start a drug name: "3-MMC", "2C-B"


@cache
def _package_words() -> frozenset[str]:
    """The package's drug words: names, compound stems, lab words, and units that imply a drug."""
    drugs, amounts = load_json("drugs.json"), load_json("amounts.json")
    words: set[str] = set()
    for group in ("names", "stems"):
        for forms in drugs[group].values():
            words.update(f.lower() for f in forms)
    words.update(w.lower() for w in drugs["lab_words"])
    words.update(u for u, spec in amounts["units"].items() if spec["unit"] in ("pills", "plants"))
    return frozenset(words)


def vocabulary(extra=()) -> dict[str, tuple[str, ...]]:
    """The drug words by their first three letters (a word matches when it begins with one of them);
    ``extra`` adds words (a pipeline's own drug patterns, a user lexicon's)."""
    words = set(_package_words()) | {w.lower() for w in extra if w and w.strip()}
    by_prefix: dict[str, set[str]] = {}
    for w in {w.split()[0] for w in words}:  # "crystal meth": its first word is evidence enough
        by_prefix.setdefault(w[:3], set()).add(w)
    return {k: tuple(sorted(v)) for k, v in by_prefix.items()}


_DEFAULT = cache(vocabulary)


def relevant(text: str, vocab: dict | None = None) -> bool:
    """Whether ``text`` can state a seizure (it names a drug or a unit that implies one).

    ``vocab`` is a ``vocabulary()``; the package's own by default.

    >>> relevant("De douane vond 40 kilo cocaïne."), relevant("Ajax won met 3-1.")
    (True, False)
    """
    vocab = _DEFAULT() if vocab is None else vocab
    for word in _WORD.findall(text.lower()):
        candidates = vocab.get(word[:3])
        if candidates and word.startswith(candidates):
            return True
    return False
