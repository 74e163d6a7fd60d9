"""What every component of ours shares with spaCy's own: ``score`` calls the configured scorer."""

from __future__ import annotations


class Scored:
    scorer = None

    def score(self, examples, **kwargs) -> dict:
        """The scores of the component's scorer (``nlp.evaluate`` calls this), {} without one."""
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}
