"""The lexicon components: spaCy's span_ruler for drugs, agencies and operations.

``seizure_lexicon`` is the stock ``span_ruler`` with one change: phrase patterns matched on
LOWER or ORTH are only tokenised when they are added. The stock ruler runs every component
before it over each pattern text (a statistical model, if one is installed), which costs time
and, with our own finders earlier in a pipeline, runs them on pattern strings.

The patterns are handed over at ``initialize`` from registered functions
(``extractor.drug_patterns.v1``, ``extractor.agency_patterns.v1``), so ``nlp.to_disk`` writes
them as ``patterns.jsonl`` and ``spacy.load`` reads them back; user lexicons
(``extractor.user_lexicon``) add to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import registry

from ..lexicon import agency_patterns, drug_patterns
from ..relevance import Vocabulary, vocabulary
from ..user_lexicon import read_lexicons


class LexiconRuler(SpanRuler):
    """A span_ruler whose phrase patterns are tokenised, never run through the pipeline."""

    def add_patterns(self, patterns) -> None:
        self.__dict__.pop("relevance_vocabulary", None)
        with self.nlp.select_pipes(disable=self.nlp.pipe_names):
            super().add_patterns(patterns)

    def clear(self) -> None:
        self.__dict__.pop("relevance_vocabulary", None)
        super().clear()

    def __call__(self, doc: Doc) -> Doc:
        """An empty Doc (one the relevance gate rejected before tokenising) has nothing to match:
        its span group is set empty without running the matchers (a third of the time such a Doc
        cost on an archive)."""
        if len(doc) == 0:
            if self.key and (self.overwrite or self.key not in doc.spans):
                doc.spans[self.key] = []  # what matching nothing would leave
            return doc
        return super().__call__(doc)

    @cached_property
    def relevance_vocabulary(self) -> Vocabulary:
        """The relevance gate's words: the package's drug words and this ruler's phrase patterns."""
        return vocabulary(p["pattern"] for p in self.patterns if isinstance(p["pattern"], str))


@Language.factory(
    "seizure_lexicon",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "drugs",
        "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": "LOWER",
        "overwrite": True,
        "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "drugs"},
    },
)
def make_lexicon(
    nlp: Language,
    name: str,
    *,
    spans_key: str,
    spans_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]] | None,
    phrase_matcher_attr: str,
    overwrite: bool,
    scorer: Callable | None,
) -> LexiconRuler:
    return LexiconRuler(
        nlp,
        name,
        spans_key=spans_key,
        spans_filter=spans_filter,
        phrase_matcher_attr=phrase_matcher_attr,
        overwrite=overwrite,
        scorer=scorer,
    )


@registry.misc("extractor.drug_patterns.v1")
def drug_patterns_v1(lexicons: list[str] = ()) -> list[dict]:  # noqa: B006  (a config default)
    """The drug lexicon (``resources/nl/drugs.json``) and the DRUG entries of the user lexicons."""
    return [*drug_patterns(), *read_lexicons(lexicons).of("DRUG")]


@registry.misc("extractor.agency_patterns.v1")
def agency_patterns_v1(case: bool = False, lexicons: list[str] = ()) -> list[dict]:  # noqa: B006
    """Agencies and operations whose case does not matter ("douane"), or does (``case``: "OM", "Sky")."""
    own = [
        {k: v for k, v in p.items() if k != "case"} for p in agency_patterns() if bool(p.get("case")) == case
    ]
    user = read_lexicons(lexicons)
    extra = [] if case else [*user.of("AGENCY"), *user.of("OPERATION")]
    return own + extra
