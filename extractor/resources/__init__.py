"""Language data as files; loaded through importlib.resources so they travel with the wheel."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def load_json(name: str, lang: str = "nl"):
    """Load ``resources/<lang>/<name>`` (JSON); cached, so treat the result as read-only."""
    return json.loads(resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8"))
