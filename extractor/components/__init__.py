"""spaCy components, one per module; each only finds spans and calls the pure normalisers."""

from . import actors, amounts, dates, events, lexicon  # noqa: F401  (registers the factories)
