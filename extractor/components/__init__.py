"""spaCy components, one per module; each only finds spans and calls the pure normalisers."""

from . import actors, amounts, dates, drugs, events  # noqa: F401  (registers the factories)
