"""User lexicons: drugs, agencies, operations and places a user adds without editing the package.

A lexicon is a JSONL file in spaCy's pattern format, one entry per line::

    {"drug": "nitazene", "parent": "synthetic"}          declares a new drug id
    {"label": "DRUG", "pattern": "isotonitazeen", "id": "nitazene"}
    {"label": "DRUG", "pattern": [{"LOWER": "n"}, {"LOWER": "-"}, {"LOWER": "pyrrolidino"}], "id": "nitazene"}
    {"label": "AGENCY", "pattern": "havenpolitie", "id": "politie"}
    {"label": "OPERATION", "pattern": "Operatie Zeester", "id": "zeester"}
    {"label": "PLACE", "pattern": "Kallo", "id": "BE"}      a place, with its country code

A DRUG entry's id must be a drug id the project knows or one the file declares; anything else,
and any malformed line, is a ``LexiconError`` naming the file, the line and the reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .resources import load_json

LABELS = ("DRUG", "AGENCY", "OPERATION", "PLACE")
# the drug ids of the output contract (ANNOTATION.md), beside those the lexicon names
CONTRACT_DRUGS = frozenset(
    "cocaine cannabis heroin mdma amphetamine methamphetamine ketamine ghb lsd fentanyl opium khat cathinone "
    "synthetic precursor unspecified".split()
)


class LexiconError(ValueError):
    """A user lexicon line that cannot be used; the message names file, line and reason."""


@dataclass
class UserLexicon:
    patterns: dict[str, list[dict]] = field(default_factory=lambda: {label: [] for label in LABELS})
    drugs: dict[str, str] = field(default_factory=dict)  # declared drug id -> parent id

    def of(self, label: str) -> list[dict]:
        return self.patterns[label]


@cache
def known_drugs() -> frozenset[str]:
    return CONTRACT_DRUGS | frozenset(load_json("drugs.json")["names"])


def _valid_pattern(p) -> bool:
    if isinstance(p, str):
        return bool(p.strip())
    return isinstance(p, list) and bool(p) and all(isinstance(t, dict) and t for t in p)


def read_lexicons(paths) -> UserLexicon:
    """All entries of the files, validated; declarations hold across files."""
    lex = UserLexicon()
    entries = []
    for path in paths or ():
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise LexiconError(f"{path}: cannot read the lexicon ({e.__class__.__name__}: {e})") from None
        for n, line in enumerate(lines, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path}:{n}"
            try:
                entry = json.loads(line)
            except ValueError as e:
                raise LexiconError(f"{where}: not a JSON line ({e.msg})") from None
            if not isinstance(entry, dict):
                raise LexiconError(f"{where}: an entry must be a JSON object")
            if "drug" in entry:
                drug, parent = entry.get("drug"), entry.get("parent", "unspecified")
                if not isinstance(drug, str) or not drug.strip() or drug != drug.strip().lower():
                    raise LexiconError(f"{where}: a declared drug id must be a lower-case word, not {drug!r}")
                if parent not in known_drugs():
                    raise LexiconError(f"{where}: parent {parent!r} of {drug!r} is not a known drug id")
                lex.drugs[drug] = parent
                continue
            entries.append((where, entry))
    for where, entry in entries:
        label, pattern, pid = entry.get("label"), entry.get("pattern"), entry.get("id")
        if label not in LABELS:
            raise LexiconError(f"{where}: label must be one of {', '.join(LABELS)}, not {label!r}")
        if not _valid_pattern(pattern):
            raise LexiconError(f"{where}: pattern must be a non-empty string or a list of token objects")
        if not isinstance(pid, str) or not pid.strip():
            raise LexiconError(
                f"{where}: every entry needs an id (the drug, agency, operation or country code)"
            )
        if label == "DRUG" and pid not in known_drugs() and pid not in lex.drugs:
            raise LexiconError(
                f'{where}: drug id {pid!r} is neither known nor declared (declare it: {{"drug": "{pid}", "parent": "synthetic"}})'
            )
        if label == "PLACE" and not isinstance(pattern, str):
            raise LexiconError(f"{where}: a PLACE pattern is the place's name as a string")
        lex.patterns[label].append({"label": label, "pattern": pattern, "id": pid})
    return lex
