"""The linker's language data and parameters, read once from ``resources/nl/`` and validated.

``linking.json`` holds scopes, cascades and rule order; ``cues.json`` (its ``linking`` part
among others) and ``drugs.json`` hold the words. The files' top-level keys are checked by
``resources.load_json``; the nested scopes and linking cues here. Unknown keys are rejected and
every key is read, so a typo in a data file fails at load instead of silently changing nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..normalize.scan import at_word_start
from ..resources import DataError, load_json

_SCOPE_KEYS = {
    "_comment", "negation_words", "determiner_words", "purpose_words", "lab_purpose_words", "lab_drug_words",
    "counted_words", "comparison_words", "reporting_words", "value_cue_words", "context_sentences",
    "weighs_sentences", "announced_count_sentences", "parts_of_total_sentences", "campaign_sentences",
    "list_min_items", "not_drug_words", "later_date_sentences", "superlative_words",
    "production_substance_words",
}  # fmt: skip
_CUE_KEYS = {
    "_comment", "cross_reference", "find_participles", "weigh_verbs", "one_find_context", "comparison",
    "determiners", "definite_determiners", "vague_quantity", "count_words", "plural_find_suffixes",
    "plural_containers", "seizable_nouns", "drug_adjectives", "worth_of_adjectives", "joint_conjunctions",
    "label_links", "pill_labels", "plant_labels", "running_total", "takes_place", "single_find_nouns",
    "plural_find_nouns", "sum_words", "campaign", "trend_words", "figure_comparison", "vessels", "difference_words", "not_drugs", "approximate_above", "counted_occasions", "possession", "turned_out", "relative_pronouns", "passive_auxiliaries", "added_find", "wastewater", "habitual", "once", "caught", "carrying", "swallowing", "possession_before", "home_phrases", "residents", "contain_verbs", "object_blockers", "conditional", "sequence_words", "back_reference", "earlier_find", "predicate_fillers", "cover_goods", "superlatives", "weight_phrases", "valued_goods", "searches", "dismantle_verbs", "other_words", "investigation_words", "presence_verbs", "describing", "reporting_particles", "part_words", "closed_past",
    "production_substances", "production_back_reference", "several_words", "operation_nouns",
}  # fmt: skip


def _check(name: str, data: dict, keys: set[str]) -> None:
    if set(data) != keys:
        unknown, missing = sorted(set(data) - keys), sorted(keys - set(data))
        raise DataError(f"{name}: unknown keys {unknown}, missing keys {missing}")


def phrases(words) -> re.Pattern | None:
    """One pattern matching any of the phrases as whole words, the longest where several begin
    (None for no phrases)."""
    words = list(words)
    if not words:
        return None
    return re.compile(rf"(?:{at_word_start(words)})(?!\w)")


@dataclass(frozen=True)
class Cue:
    """A cue list: single words as a set, the multi-word cues as one compiled pattern, and word
    beginnings ("festival*" stands for any word it begins)."""

    single: frozenset
    multi: re.Pattern | None
    prefixes: tuple = ()

    @classmethod
    def of(cls, words) -> Cue:
        words = list(words)
        return cls(
            frozenset(w for w in words if " " not in w and not w.endswith("*")),
            phrases(w for w in words if " " in w),
            tuple(w[:-1] for w in words if w.endswith("*")),
        )

    def found(self, lower: str, words: frozenset) -> bool:
        if not self.single.isdisjoint(words) or (self.multi and self.multi.search(lower)):
            return True
        return bool(self.prefixes) and any(w.startswith(self.prefixes) for w in words)


@dataclass(frozen=True)
class Params:
    scopes: dict
    place_ranks: dict
    place_rank_limit: dict
    anchor_order: tuple
    slots: dict
    kind_order: tuple
    merge_order: tuple
    strong: Cue
    hard_negative: Cue
    reporting: Cue
    action: Cue
    negation: frozenset
    aggregate: re.Pattern
    aggregate_plural: frozenset
    value_cues: tuple
    particles: dict
    action_particles: dict
    words: dict  # the "linking" cue lists, each a frozenset (count_words stays a dict)
    comparison: re.Pattern
    cross_reference: re.Pattern
    containers: frozenset
    lab_words: frozenset
    named_substances: frozenset  # "paddo's": unspecified, but a substance of its own, never subsumed
    generic: frozenset
    purpose: tuple
    suffixes: tuple


@cache
def _packages() -> frozenset[str]:
    return frozenset(load_json("amounts.json")["packages"])


def package_count(text: str, unit: str) -> bool:
    """An amount that counts packages: "28 pakketten", "200 bolletjes" (not joints or times)."""
    return unit == "units" and text.lower().split()[-1] in _packages()


def occasion_count(text: str) -> bool:
    """An amount that counts times: "9.000 keer", not "9.000 pakketten"."""
    words = text.lower().split()
    return bool(words) and words[-1] in params().words["counted_occasions"]


@cache
def cue(key: str) -> Cue:
    """The ``linking`` cue list ``key`` as a Cue: ``cue("earlier_find").found(s.lower, s.words)``."""
    return Cue.of(params().words[key])


def count_of(word: str) -> int:
    """ "twee" or "2" as a number; 0 when it is neither."""
    return params().words["count_words"].get(word.lower()) or (int(word) if word.isdigit() else 0)


def _counted(counts, nouns, digits: int) -> re.Pattern:
    """A count (a word of ``counts`` or up to ``digits`` digits), at most one word, then one of
    ``nouns``; group 1 is the count."""
    return re.compile(
        rf"(?<!\w)(\d{{1,{digits}}}|{alternation(counts)})\s+(?:\w+\s+)?(?:{alternation(nouns)})(?!\w)",
        re.IGNORECASE,
    )


@cache
def counted_finds() -> re.Pattern:
    """ "twee vondsten", "3 grote vangsten": a count of finds (group 1 is the count)."""
    w = params().words
    return _counted(w["count_words"], w["plural_find_nouns"], 2)


@cache
def several_operations() -> re.Pattern:
    """ "bij verschillende acties", "drie invallen": operations counted or said to be several."""
    w = params().words
    return _counted(set(w["several_words"]) | set(w["count_words"]), w["operation_nouns"], 3)


@cache
def counted_searches() -> re.Pattern:
    """ "27 huiszoekingen", "drie invallen": searches counted (group 1 is the count)."""
    w = params().words
    plural = [x for x in w["searches"] if x.endswith(("en", "s"))]
    return _counted(w["count_words"], plural, 3)


def alternation(words) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def params() -> Params:
    """The linker's parameters (cached; read-only)."""
    link, cues, drugs = load_json("linking.json"), load_json("cues.json"), load_json("drugs.json")
    _check("linking.json: scopes", link["scopes"], _SCOPE_KEYS)
    _check("cues.json: linking", cues["linking"], _CUE_KEYS)
    words = {
        k: (v if isinstance(v, dict) else frozenset(v)) for k, v in cues["linking"].items() if k != "_comment"
    }
    comparison, cross = (
        alternation(cues["linking"]["comparison"]),
        alternation(cues["linking"]["cross_reference"]),
    )
    return Params(
        scopes={k: v for k, v in link["scopes"].items() if k != "_comment"},
        place_ranks=link["place_ranks"],
        place_rank_limit=link["place_rank_limit"],
        anchor_order=tuple(link["anchor"]),
        slots=link["slots"],
        kind_order=tuple(link["kind"]),
        merge_order=tuple(link["merge"]),
        strong=Cue.of(cues["strong_triggers"]),
        hard_negative=Cue.of(cues["hard_negative"]),
        reporting=Cue.of(cues["reporting"]),
        action=Cue.of(cues["action_context"]),
        negation=frozenset(cues["negation"]),
        aggregate=phrases(cues["aggregate"]),
        aggregate_plural=frozenset(cues["aggregate_plural_nouns"]),
        value_cues=tuple(cues["value_cues"]),
        particles=cues["particle_triggers"],
        action_particles=cues["action_particles"],
        words=words,
        comparison=re.compile(rf"(?<!\w)(?:{comparison})\s+(?:\S+\s+){{0,3}}$", re.IGNORECASE),
        cross_reference=re.compile(rf"\s*+(?:{cross})(?![\w'])\s*[.:!]", re.IGNORECASE),
        containers=frozenset(drugs["containers"]),
        lab_words=frozenset(drugs["lab_words"]),
        named_substances=frozenset(drugs["named_substances"]),
        generic=frozenset(drugs["generic"]),
        purpose=tuple(drugs["purpose_cues"]),
        suffixes=tuple(drugs["compound_suffixes"]),
    )
