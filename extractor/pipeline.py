"""The one place that chooses the base model and orders the components."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy
from spacy.language import Language

from . import (
    components,  # noqa: F401  (registers the factories)
    extensions,  # noqa: F401
)

COMPONENTS = ("seizure_amounts", "seizure_dates", "seizure_drugs", "seizure_actors", "seizure_events")
PREFERRED_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")


def installed_model() -> str | None:
    """The best installed statistical Dutch pipeline, or None."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load(model: str | Path | None = "auto") -> Language:
    """A spaCy pipeline with the extractor's components.

    ``model="auto"`` takes the best installed nl_core_news_lg/md/sm, else ``spacy.blank("nl")``
    with a sentencizer; ``model="blank"`` (or None) forces the built-in pipeline; a package name
    or a path loads that pipeline.

    >>> nlp = load("blank"); [e.drug for e in nlp("Douane vindt 5 kilo cocaïne.")._.seizure_events]
    ['cocaine']
    """
    if model == "auto":
        model = installed_model()
    if model in (None, "blank"):
        nlp = spacy.blank("nl")
    else:
        nlp = spacy.load(model, exclude=list(COMPONENTS))
    if (
        "parser" not in nlp.pipe_names
        and "senter" not in nlp.pipe_names
        and "sentencizer" not in nlp.pipe_names
    ):
        nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
