"""The records the extractor produces: frozen dataclasses with ``to_dict()``.

Field names and meanings follow the output contract in the README (and
``shared/DESIGN.md``); extra fields are additions, never renames.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CURRENCIES = ("EUR", "USD")


@dataclass(frozen=True)
class Amount:
    """A normalised quantity: "bijna 54,5 ton" -> Amount(54500.0, "kg", approximate=True).

    ``value`` is in the canonical unit (kg, l, pills, plants, units, EUR, USD).
    A range ("tussen 5 en 10 kilo") has ``value`` None and ``low``/``high`` set.
    """

    value: float | None
    unit: str
    approximate: bool = False
    text: str = ""
    low: float | None = None
    high: float | None = None

    @property
    def is_money(self) -> bool:
        return self.unit in CURRENCIES

    @property
    def is_range(self) -> bool:
        return self.value is None and self.low is not None

    def to_dict(self) -> dict:
        d = {"value": self.value, "unit": self.unit, "approximate": self.approximate, "text": self.text}
        if self.is_range:
            d["low"], d["high"] = self.low, self.high
        return d

    def to_quantity(self):
        """The amount as a quantulum3 ``Quantity`` (its Unit/Entity model), for interop."""
        from .normalize.units import to_quantity

        return to_quantity(self)


@dataclass(frozen=True)
class DateInterval:
    """A resolved date: "in de nacht van 2 op 3 april" -> 2021-04-02..2021-04-03 (period).

    ``granularity`` is one of day, week, month, quarter, season, year, period.
    ``relative`` is True when the publication date was needed to resolve it.
    ``anchor`` says what the expression names, set by the date rule that matched: a "moment"
    (a night, a weekday, "gisteren", "vorige week"), however wide its interval, or a "span"
    ("dit jaar", "de eerste vijf maanden", "tussen 1 maart en 30 april"). ``calendar`` is True when
    a day is named by its date ("3 juni", "23-09-2019"), not by a weekday or a word like "gisteren".
    """

    start: date
    end: date
    granularity: str
    text: str = ""
    relative: bool = False
    anchor: str = "moment"
    calendar: bool = False

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "text": self.text,
            "granularity": self.granularity,
            "relative": self.relative,
            "anchor": self.anchor,
            "calendar": self.calendar,
        }


@dataclass(frozen=True)
class Place:
    """A place of seizure: "de Antwerpse haven" -> Place("Antwerpen", "BE")."""

    name: str
    country: str | None = None
    text: str = ""
    kind: str = "place"
    lat: float | None = None  # from the gazetteer, when it knows the place
    lon: float | None = None
    municipality: str | None = (
        None  # the municipality a part of a town belongs to ("Maasvlakte" -> Rotterdam)
    )

    def to_dict(self) -> dict:
        d = {"name": self.name, "country": self.country, "text": self.text}
        if self.lat is not None:
            d["lat"], d["lon"] = self.lat, self.lon
        if self.municipality:
            d["municipality"] = self.municipality
        return d


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class SeizureEvent:
    """One seizure (or one total over a period, place or investigation) stated in an article."""

    drug: str
    drug_text: str
    amount: Amount | None
    kind: str
    date: DateInterval | None
    location: Place | None
    value_eur: float | None
    agency: tuple[str, ...] = ()
    operation: str | None = None
    evidence: Evidence | None = None
    confidence: float = 0.0
    amount_range: Amount | None = None
    origin: Place | None = None
    # field -> (id of the rule that decided it, the text it used); output only behind --explain
    provenance: tuple[tuple[str, str, str], ...] = ()

    def to_dict(self, explain: bool = False) -> dict:
        amount = None
        if self.amount is not None:
            amount = {
                "value": self.amount.value,
                "unit": self.amount.unit,
                "approximate": self.amount.approximate,
                "text": self.amount.text,
            }
        d = {
            "drug": self.drug,
            "drug_text": self.drug_text,
            "amount": amount,
            "kind": self.kind,
            "date": None,
            "location": self.location.to_dict() if self.location else None,
            "value_eur": self.value_eur,
            "agency": list(self.agency),
            "operation": self.operation,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "confidence": round(self.confidence, 3),
        }
        if self.date is not None:
            d["date"] = {
                "start": self.date.start.isoformat(),
                "end": self.date.end.isoformat(),
                "text": self.date.text,
            }
        if self.amount_range is not None:
            r = self.amount_range
            d["amount_range"] = {"low": r.low, "high": r.high, "unit": r.unit, "text": r.text}
        d["origin"] = self.origin.to_dict() if self.origin else None
        if explain:
            d["provenance"] = {f: rule for f, rule, _text in self.provenance}
        return d
