"""Shared fixtures: the built-in pipeline (loaded once), paths to the corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED_DEV = ROOT.parent / "shared" / "corpus-dev"


@pytest.fixture(scope="session")
def extractor():
    from extractor import Extractor

    return Extractor(model="blank")


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp
