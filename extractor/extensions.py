"""Every Doc/Span extension the extractor uses, declared in one place and registered at import.

Values are frozen dataclasses from ``schema`` (picklable), so they survive
``nlp.pipe(n_process=N)`` and ``Doc.to_bytes``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# Doc
PUBLISHED = "published"  # the publication date as given: "2021-06-09", "2021-06" or None
TITLE_END = "title_end"  # character offset where the title ends in doc.text (0 when there is no title)
SEIZURE_EVENTS = "seizure_events"  # list[SeizureEvent] set by the events component
TRUNCATED = "truncated"  # True when the text was cut at the length limit

# Span
AMOUNT = "amount"  # Amount on spans in doc.spans["amounts"]
DATE = "date_interval"  # DateInterval on spans in doc.spans["dates"]
PLACE = "place"  # Place on spans in doc.spans["places"]

# doc.spans keys
AMOUNTS_KEY = "amounts"
DATES_KEY = "dates"
DRUGS_KEY = "drugs"
PLACES_KEY = "places"
AGENCIES_KEY = "agencies"
OPERATIONS_KEY = "operations"
TRIGGERS_KEY = "triggers"


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name, default in ((PUBLISHED, None), (TITLE_END, 0), (SEIZURE_EVENTS, None), (TRUNCATED, False)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in (AMOUNT, DATE, PLACE):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
