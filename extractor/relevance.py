"""The relevance gate: one scan of the raw text decides whether an article can state a seizure.

Every event needs a drug: a drug word (its name, slang or the stem of a compound such as
"cocaïnevangst"), or a unit that implies one ("planten", "pillen", "stekken") as the unit of an
amount ("1.400 planten"; "de gemeente plant bomen" is no amount). A text without any of them
cannot yield an event, so it gets its output record without a Doc being made
(``Extractor``) or without the components doing any work (``doc._.relevant`` is False). One pass
over the words of the lower-cased text; a word counts when it begins with a drug word (so
compounds such as "wietplantage" count, but "weed" inside "tweede" does not): a false alarm
only costs time, a miss would cost an event, so the pattern errs wide. A test runs the full
pipeline with and without the gate over both corpora and compares the output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .lexicon import drug_names, drug_stems
from .linking.params import Cue
from .normalize.amounts import may_start_number
from .normalize.scan import trie
from .resources import load_json


@cache
def _package_words() -> tuple[frozenset[str], frozenset[str]]:
    """The package's drug words: (stems that begin a word, words that count only whole).

    Stems ("cocaïne", "wiet", "xtc") match as the start of a word ("cocaïnevangst", "xtc-pillen");
    every other word (names, lab words, units that imply a drug) only as a whole word, so that "lab"
    does not pass "label", "pil" "piloot", "qat" "Qatar" or "meth" "methode".
    """
    drugs, amounts = load_json("drugs.json"), load_json("amounts.json")
    stems = set(drug_stems())
    words: set[str] = set(drug_names())
    words.update(w.lower() for w in drugs["lab_words"])
    words.update(u for u, spec in amounts["units"].items() if spec["unit"] in ("pills", "plants"))
    # stems that begin common words ("methode", "speedskaten") count whole or in the lexicon's compounds
    whole = set(drugs["gate_whole_stems"])
    tails = [*drugs["compound_suffixes"], *amounts["compound_heads"]]
    words.update(f"{s}{sep}{t}" for s in whole for t in tails for sep in ("", "-"))
    words.update(whole)
    return frozenset(stems - whole), frozenset(words - (stems - whole))


@cache
def _unit_words() -> frozenset[str]:
    """The units that imply a drug without naming one ("planten", "pillen", "tablet", "stekken"):
    the linker reads a drug into them only as the unit of an amount (``anchor.unit_plants``)."""
    stems, words = _package_words()
    named = set(drug_names()) | {w.lower() for w in load_json("drugs.json")["lab_words"]}
    units = {
        u for u, spec in load_json("amounts.json")["units"].items() if spec["unit"] in ("pills", "plants")
    }
    return frozenset(u for u in units & words if u not in named and not u.startswith(tuple(stems)))


@cache
def _vague_counts() -> frozenset[str]:
    """Round counts that begin no figure but a vague quantity: "honderden" ("enkele honderden planten")."""
    return frozenset(load_json("amounts.json")["vague_multiples"]["of"])


_WORDS_BEFORE = 4  # "1.400 nog jonge planten": the number may stand a few words before the unit
_LABEL = re.compile(r"\s*[:\t]")  # "Stekken: 350 stuks": a table's label names the unit


def counted_unit(low: str, start: int, end: int) -> bool:
    """Whether the unit word at ``low[start:end]`` can be an amount's unit: a number among the few
    words before it (digits, a number word, "honderden"), or it labels a table line.

    >>> counted_unit("er stonden 1.400 jonge planten", 23, 30), counted_unit("de gemeente plant bomen", 12, 17)
    (True, False)
    """
    if _LABEL.match(low, end):
        return True
    vague = _vague_counts()
    for w in low[max(0, start - 24 * _WORDS_BEFORE) : start].split()[-_WORDS_BEFORE:]:
        w = w.strip(".,;:()'\"")
        if w and (w[0].isdigit() or w in vague or may_start_number(w)):  # the amount finder's own test
            return True
    return False


# A word starts after a character that is no letter or digit. The gate's patterns read that
# character first, so the regex engine skips from one such character to the next; a pattern that
# opens with a lookbehind ("(?<![^\W_])...") is tried at every character (a rejected article's
# whole cost is this scan). The text's first word, with nothing before it, is read apart.
_BEFORE_WORD = r"[\W_]"
_NOT_WORD = re.compile(_BEFORE_WORD)


@dataclass(frozen=True)
class Vocabulary:
    """Words as patterns over lower-cased text, each at a word start: ``first`` at the text's start,
    ``scan`` after it (its match begins one character early, on the character before the word)."""

    first: re.Pattern
    scan: re.Pattern

    @classmethod
    def of(cls, body: str) -> Vocabulary:
        r"""``(?<![^\W_])`` and ``body``, as the two patterns."""
        return cls(re.compile(f"(?:{body})"), re.compile(f"{_BEFORE_WORD}(?:{body})"))

    def words(self, low: str) -> Iterator[tuple[int, int, bool]]:
        r"""(start, end, is a unit word) of each word in ``low``, in order: what ``finditer``
        of ``(?<![^\W_])`` and the body finds."""
        m = self.first.match(low)
        if m is not None:
            yield 0, m.end(), m.lastgroup == "unit"
        m = self.scan.search(low, _resume(low, m.end()) if m is not None else 0)
        while m is not None:
            yield m.start() + 1, m.end(), m.lastgroup == "unit"
            m = self.scan.search(low, _resume(low, m.end()))

    def search(self, low: str) -> bool:
        """Whether ``low`` holds one of the words."""
        return self.first.match(low) is not None or self.scan.search(low) is not None


def _resume(low: str, end: int) -> int:
    """Where the scan goes on after a word ending at ``end``: at its end, or on its last character
    when that is no letter or digit (a user's "zwartje."), which may stand before the next word (a
    user's "(blauwtje)" right after it)."""
    return end - 1 if _NOT_WORD.match(low, end - 1) else end


def vocabulary(extra=()) -> Vocabulary:
    """The drug words as patterns over lower-cased text: a stem at a word start, any other word
    whole; ``extra`` adds whole words (a pipeline's own drug patterns, a user lexicon's)."""
    stems, words = _package_words()
    units = _unit_words()
    words = (set(words) - units) | {w.lower().strip() for w in extra if w and w.strip()}
    firsts = {w.split()[0] for w in words}  # "crystal meth": its first word is evidence enough
    firsts = {w for w in firsts if not w.startswith(tuple(stems))}  # already found by its stem
    unit = r"|(?P<unit>" + trie(units - words) + r")(?![^\W_])" if units - words else ""
    # digits may start a word ("3-MMC"); a whole word ends at a non-letter
    return Vocabulary.of(trie(stems, prefix=True) + "|(?:" + trie(firsts) + r")(?![^\W_])" + unit)


_DEFAULT = cache(vocabulary)


@cache
def seizure_words() -> tuple[Vocabulary, tuple[re.Pattern, ...]]:
    """The words without which no sentence states a find or a police action (``cues.json``): the
    seizure triggers, police action, the verbs of their separable forms ("trof ... aan"), and the
    words that end in a find ("cocaïnevangst"). Errs wide like the drug words: a verb counts
    without its particle. Single words and word beginnings as a ``Vocabulary``; the phrases, and the
    find words compounds end in ("cocaïnevangst"), as patterns searched as they are (they begin with
    the characters they look for)."""
    cues, drugs = load_json("cues.json"), load_json("drugs.json")
    words = {w.lower() for key in ("strong_triggers", "action_context") for w in cues[key]}
    words |= {w.lower() for key in ("particle_triggers", "action_particles") for w in cues[key]}
    cue = Cue.of(words)  # single words, phrases and word beginnings, split as the linker splits them
    finds = {w for w in drugs["compound_suffixes"] if w in cue.single}
    body = r"(?:" + trie(cue.single) + r")(?![^\W_])"
    if cue.prefixes:
        body += r"|(?:" + trie(cue.prefixes, prefix=True) + ")"
    anywhere = [cue.multi] if cue.multi is not None else []  # the linker's phrases
    if finds:
        anywhere.append(re.compile(r"(?:" + trie(finds) + r")(?![^\W_])"))
    return Vocabulary.of(body), tuple(anywhere)


def names_a_find(low: str) -> bool:
    """Whether the lower-cased text holds one of the ``seizure_words``."""
    words, anywhere = seizure_words()
    return words.search(low) or any(p.search(low) for p in anywhere)


def relevant(text: str, vocab: Vocabulary | None = None) -> bool:
    """Whether ``text`` can state a seizure: it names a drug (or a unit that implies one) and a
    find or a police action (without one the linker states no event).

    ``vocab`` is a ``vocabulary()``; the package's own by default. Two scans of compiled patterns
    over the lower-cased text (a unit word's few words before it read where one stands).

    >>> relevant("De douane vond 40 kilo cocaïne."), relevant("Ajax won met 3-1.")
    (True, False)
    """
    vocab = _DEFAULT() if vocab is None else vocab
    low = text.lower()
    if not any(not unit or counted_unit(low, s, e) for s, e, unit in vocab.words(low)):
        return False  # a unit word counts as an amount's unit only: "de gemeente plant bomen" names no drug
    return names_a_find(low)
