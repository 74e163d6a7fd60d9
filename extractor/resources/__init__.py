"""Language data as files; loaded through importlib.resources so they travel with the wheel.

``nl/`` holds what Dutch and Flemish news share; ``nl-NL/`` and ``nl-BE/`` hold what differs
(their own places, agencies such as the OM or the parket, "voormiddag"), in the way dateparser
and Duckling keep locale data. A file is the base merged with every locale's overlay of the same
name (dictionaries merged key by key, lists joined): news from both countries is read alike, so
both overlays are always on.

Each file's top-level keys are declared in ``KEYS``: a key nobody declared, or a declared key
missing, fails at load (``DataError``) instead of silently changing nothing. Keys beginning with
"_" are comments. ``unread()`` names the declared keys no code has read yet, which a test uses
to keep the files free of data nothing uses.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

KEYS: dict[str, frozenset[str]] = {
    "agencies.json": frozenset({"agencies", "operations"}),
    "amounts.json": frozenset({
        "units", "currency_prefixes", "multipliers", "fractions", "counted_numbers", "approximate",
        "money_context", "money_after", "packages", "not_contents", "each", "occasion_blockers",
        "single_count_words", "compound_heads", "consignments", "about_one", "vague_multiples",
    }),
    "cues.json": frozenset({
        "strong_triggers", "hard_negative", "negation", "aggregate", "aggregate_plural_nouns", "value_cues",
        "reporting", "particle_triggers", "action_context", "action_particles", "linking",
    }),
    "dates.json": frozenset({
        "months", "month_abbreviations", "month_homographs", "weekdays", "day_parts", "ordinals",
        "small_numbers", "seasons", "holidays", "movable_holidays",
    }),
    "drugs.json": frozenset({
        "names", "stems", "compound_suffixes", "lab_words", "containers", "generic", "purpose_cues", "gate_whole_stems",
        "named_substances",
    }),
    "report.json": frozenset({"drug_colors", "other_color", "outline"}),
    "linking.json": frozenset({"scopes", "place_ranks", "place_rank_limit", "anchor", "slots", "kind", "merge"}),
    "places.json": frozenset({
        "NL", "BE", "parts", "adjectives", "adjective_heads", "country_extra", "demonyms", "role_words",
        "exonyms", "regions", "word_like_names", "home",
    }),
}  # fmt: skip
_READ: dict[str, set[str]] = {}


class DataError(ValueError):
    """A language data file has a key nobody declared, or lacks one the code reads."""


class Data(dict):
    """A data file's top level; notes which keys are read."""

    def __init__(self, name: str, data: dict) -> None:
        super().__init__(data)
        self._seen = _READ.setdefault(name, set())

    def __getitem__(self, key):
        self._seen.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._seen.add(key)
        return super().get(key, default)


def check_keys(name: str, data: dict) -> None:
    keys = {k for k in data if not k.startswith("_")}
    declared = KEYS.get(name)
    if declared is not None and keys != declared:
        unknown, missing = sorted(keys - declared), sorted(declared - keys)
        raise DataError(f"{name}: unknown keys {unknown}, missing keys {missing}")


LOCALES = {"nl": ("nl-NL", "nl-BE")}


def merge(base, overlay):
    """An overlay on a base: dictionaries key by key, lists joined (without repeats), else the overlay."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        out = dict(base)
        for k, v in overlay.items():
            out[k] = merge(base[k], v) if k in base and not k.startswith("_") else v
        return out
    if isinstance(base, list) and isinstance(overlay, list):
        return base + [x for x in overlay if x not in base]
    return overlay


def _read(lang: str, name: str):
    path = resources.files(__package__).joinpath(lang, name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


@cache
def load_json(name: str, lang: str = "nl"):
    """``resources/<lang>/<name>`` with its locale overlays (JSON), keys checked; cached, so treat
    the result as read-only."""
    data = _read(lang, name)
    if not isinstance(data, dict):
        return data
    for loc in LOCALES.get(lang, ()):
        overlay = _read(loc, name)
        if overlay is not None:
            data = merge(data, overlay)
    check_keys(name, data)
    return Data(name, data)


def unread() -> dict[str, list[str]]:
    """The declared keys of the files loaded so far that nothing has read."""
    return {
        name: sorted(KEYS[name] - _READ.get(name, set()))
        for name in KEYS
        if name in _READ and KEYS[name] - _READ[name]
    }
