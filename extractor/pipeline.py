"""The one place that chooses the base model and assembles the components from the shipped config."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config, load_model_from_config, registry
from thinc.api import Config

from . import (
    components,  # noqa: F401  (registers the factories)
    extensions,  # noqa: F401
)

CONFIG = Path(__file__).parent / "configs" / "nl_news.cfg"
COMPONENTS = (
    "seizure_drugs", "seizure_agencies", "seizure_agencies_case", "seizure_amounts", "seizure_dates",
    "seizure_actors", "seizure_events",
)  # fmt: skip
LEXICON_RULERS = ("seizure_drugs", "seizure_agencies", "seizure_agencies_case")
PREFERRED_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")


def installed_model() -> str | None:
    """The best installed statistical Dutch pipeline, or None."""
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def config(lexicons=()) -> Config:
    """The shipped pipeline config, with the user lexicon files filled in."""
    cfg = load_config(CONFIG)
    files = [str(p) for p in lexicons]
    for name in LEXICON_RULERS:
        cfg["initialize"]["components"][name]["patterns"]["lexicons"] = files
    cfg["components"]["seizure_actors"]["lexicons"] = files
    return cfg


def load(model: str | Path | None = "auto", lexicons=()) -> Language:
    """A spaCy pipeline with the extractor's components, assembled from ``configs/nl_news.cfg``.

    ``model="auto"`` takes the best installed nl_core_news_lg/md/sm, else the config's own
    pipeline on ``spacy.blank("nl")`` with a sentencizer; ``model="blank"`` (or None) forces the
    latter; a package name or a path loads that pipeline and adds the components to it.
    ``lexicons`` are user lexicon files (``extractor.user_lexicon``).

    >>> nlp = load("blank"); [e.drug for e in nlp("Douane vindt 5 kilo cocaïne.")._.seizure_events]
    ['cocaine']
    """
    cfg = config(lexicons)
    if model == "auto":
        model = installed_model()
    if model in (None, "blank"):
        nlp = load_model_from_config(cfg, auto_fill=True)
    else:
        nlp = spacy.load(model, exclude=list(COMPONENTS))
        if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
            nlp.add_pipe("sentencizer")
        for name in COMPONENTS:
            if name not in nlp.pipe_names:
                settings = {k: v for k, v in cfg["components"][name].items() if k != "factory"}
                nlp.add_pipe(cfg["components"][name]["factory"], name=name, config=settings)
    _split_drug_initials(nlp)
    for name in LEXICON_RULERS:  # the rulers only: initialising a statistical model would reset it
        init = cfg["initialize"]["components"][name]
        patterns = registry.resolve({"p": init["patterns"]})["p"]
        nlp.get_pipe(name).initialize(lambda: [], nlp=nlp, patterns=patterns)
        nlp.config["initialize"]["components"][name] = init
    return nlp


def _split_drug_initials(nlp: Language) -> None:
    """A drug name ending in a single letter keeps its sentence's full stop apart: spaCy's Dutch
    exceptions read "2C-B." as an abbreviation, so the drug ruler never saw "2C-B"."""
    from spacy.symbols import ORTH

    from .lexicon import drug_names

    for name in drug_names():
        head, _, last = name.rpartition("-")
        if head and len(last) == 1 and last.isalpha():
            for form in {name, name.upper(), head.upper() + "-" + last, head + "-" + last.upper()}:
                nlp.tokenizer.add_special_case(form + ".", [{ORTH: form}, {ORTH: "."}])
