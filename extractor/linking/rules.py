"""The rule registry, the frozen candidate and the trace every stage writes to.

Every rule is a function registered with ``@rule("stage.name")``; its docstring's first line
says what it decides, with a Dutch example. A candidate records, per field, the id of the rule
that set it and the text it used (``Candidate.why``), which becomes ``SeizureEvent.provenance``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..schema import Amount, DateInterval, Place
from .index import Sentence

STAGES = ("gate", "anchor", "mentions", "slot", "kind", "value", "merge")


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str
    doc: str
    fn: object


RULES: dict[str, Rule] = {}


def rule(rule_id: str):
    """Register a rule function under ``rule_id`` (its stage is the part before the first dot)."""
    stage = rule_id.split(".", 1)[0]
    if stage not in STAGES:
        raise ValueError(f"rule {rule_id}: unknown stage {stage!r}")

    def deco(fn):
        doc = (fn.__doc__ or "").strip().splitlines()
        if not doc:
            raise ValueError(f"rule {rule_id} has no docstring")
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        RULES[rule_id] = Rule(rule_id, stage, doc[0], fn)
        fn.rule_id = rule_id
        return fn

    return deco


@dataclass(frozen=True)
class Candidate:
    """A possible event; frozen: each stage returns new candidates with ``decide``."""

    drug: str
    drug_text: str
    amount: Amount | None
    amount_range: Amount | None
    sent: Sentence
    anchor: int  # character offset the fields are looked up from
    kind: str = "seizure"
    date: DateInterval | None = None
    date_src: str | None = None  # own | context | title: how close the date was
    place: Place | None = None
    place_src: str | None = None
    value_eur: float | None = None
    agency: tuple[str, ...] = ()
    operation: str | None = None
    origin: Place | None = None
    own_trigger: bool = False
    adjacent_drug: bool = False
    list_line: bool = False
    mention_only: bool = False  # made from a drug mention without an amount
    vague: bool = False
    count: int | None = None  # "twee partijen heroïne": the number of finds announced
    weighs: bool = False  # "De blokken wogen samen 104 kilo": the weight of an earlier find
    plural: bool = False  # "drie plantages": several finds named at once
    why: tuple[tuple[str, str, str], ...] = ()  # (field, rule id, text used)

    def decide(self, field_name: str, rule_fn, text: str = "", **changes) -> Candidate:
        """A copy with ``changes`` applied and ``field_name`` recorded as decided by ``rule_fn``."""
        why = tuple(w for w in self.why if w[0] != field_name) + ((field_name, rule_fn.rule_id, text),)
        return self.but(why=why, **changes)

    def but(self, **changes) -> Candidate:
        """A copy with ``changes``: ``dataclasses.replace`` without its per-call introspection, which
        the linker calls thousands of times per hundred articles."""
        unknown = changes.keys() - _CANDIDATE_FIELDS
        if unknown:
            raise TypeError(f"Candidate has no field {sorted(unknown)[0]!r}")
        new = object.__new__(Candidate)
        new.__dict__.update(self.__dict__, **changes)
        return new


_CANDIDATE_FIELDS = frozenset(f.name for f in fields(Candidate))


@dataclass(frozen=True)
class Trace:
    """A decision that made no field: a sentence gated out, a candidate dropped, a mention skipped."""

    rule: str
    text: str
    detail: str = ""


@dataclass
class Log:
    """What the stages decided besides the fields: read by ``extractor explain`` and the rule tests."""

    traces: list[Trace] = field(default_factory=list)

    def note(self, rule_fn, text: str, detail: str = "") -> None:
        self.traces.append(Trace(rule_fn.rule_id, text, detail))

    def dropped(self, rule_fn, c: Candidate, into: Candidate | None = None) -> None:
        what = f"{c.drug} {c.amount.text if c.amount else ''}".strip()
        self.note(rule_fn, what, f"merged into {into.drug} at {into.anchor}" if into else "dropped")
