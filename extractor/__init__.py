"""Drug seizure events from Dutch-language news, as structured records.

>>> from extractor import extract
>>> [e.amount.value for e in extract("Dit jaar is al bijna 54,5 ton cocaïne gevonden.", published="2021-06")]
[54500.0]
"""

from __future__ import annotations

from .api import Extractor, extract
from .incident import Incident, incidents
from .normalize.amounts import find_amounts, parse_amount
from .normalize.dates import find_dates, parse_date
from .pipeline import load
from .schema import Amount, DateInterval, Evidence, Place, SeizureEvent

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "DateInterval",
    "Evidence",
    "Extractor",
    "Incident",
    "Place",
    "SeizureEvent",
    "extract",
    "find_amounts",
    "find_dates",
    "incidents",
    "load",
    "parse_amount",
    "parse_date",
    "__version__",
]
