"""quantulum3's role: its Quantity/Unit/Entity model and unit catalogue for our normalised amounts.

quantulum3 has no Dutch (only en_US: ``parse(lang="nl")`` raises, and in English mode
"19.501 kilo" becomes 19.5 kg and "54,5 ton" two quantities), so the Dutch numbers
and units are parsed by ``normalize.amounts``. Each canonical unit is then tied to a
unit of quantulum3's catalogue (kg -> kilogram/mass, l -> litre/volume, EUR -> euro/currency,
counts -> dimensionless), and ``Amount.to_quantity()`` hands a quantulum3 ``Quantity`` to
users who work with that model. ``bench/parsers.py`` measures quantulum3 on the gold amounts.
"""

from __future__ import annotations

import warnings
from functools import cache

# canonical unit -> quantulum3 unit name (en_US catalogue)
QUANTULUM_UNITS = {
    "kg": "kilogram",
    "l": "litre",
    "EUR": "euro",
    "USD": "united states dollar",
    "pills": "dimensionless",
    "plants": "dimensionless",
    "units": "dimensionless",
}


@cache
def _catalogue():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is missing
        from quantulum3 import load

        return load.units("en_US")


def quantulum_unit(unit: str):
    """The quantulum3 ``Unit`` for a canonical unit: "kg" -> Unit(name="kilogram", entity=mass)."""
    return _catalogue().names[QUANTULUM_UNITS[unit]]


def to_quantity(amount):
    """A quantulum3 ``Quantity`` for an ``Amount`` (a range gives its upper bound and the spread as uncertainty)."""
    from quantulum3.classes import Quantity

    value = amount.value if amount.value is not None else amount.high
    uncertainty = None if amount.value is not None else (amount.high - amount.low) / 2
    return Quantity(
        value, quantulum_unit(amount.unit), surface=amount.text, uncertainty=uncertainty, lang="en_US"
    )
