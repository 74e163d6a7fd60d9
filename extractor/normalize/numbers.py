"""Dutch numerals as written in news: "54,5", "19.501", "1 353,18", "achthonderd", "anderhalf".

Pure functions, no spaCy. Digit strings follow Dutch conventions: the comma is the
decimal mark, the dot (or a space or apostrophe between groups) separates thousands.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_json

MAX_DIGITS = 15  # more digits than this is not a quantity anyone seized

_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})++(?:,\d++)?")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}+")  # 1,228,000 (English style, two groups or more)
_DECIMAL_COMMA = re.compile(r"\d++,\d++")
_DECIMAL_DOT = re.compile(r"\d++\.\d{1,2}")  # 1.5 (an English decimal; "1.500" is thousands)
_INT = re.compile(r"\d++")
_APOSTROPHE_GROUPS = re.compile(r"\d{1,3}(?:['’]\d{3})++")

# longest alternatives first: the group is possessive, so "negentig" must be tried before "negen"
_NUMBER_WORD = re.compile(
    r"(?:zeventien|zeventig|negentien|negentig|achttien|dertien|dertig|veertien|veertig|vijftien|vijftig"
    r"|zestien|zestig|tachtig|twintig|twaalf|honderd|duizend|zeven|negen|twee|drie|vier|vijf|acht|tien"
    r"|elf|zes|één|een|en|ën)++"
)


def parse_digits(s: str) -> float | None:
    """A digit string in Dutch notation: "19.501" -> 19501, "54,5" -> 54.5, "3.4.2021" -> None."""
    if not s or len(s) > MAX_DIGITS + 6:
        return None
    if _APOSTROPHE_GROUPS.fullmatch(s):  # Swiss-style 1'200
        s = s.replace("'", "").replace("’", "")
    if _INT.fullmatch(s):
        return float(s) if len(s) <= MAX_DIGITS else None
    if _THOUSANDS_DOT.fullmatch(s):
        whole, _, frac = s.partition(",")
        return float(whole.replace(".", "") + ("." + frac if frac else ""))
    if _DECIMAL_COMMA.fullmatch(s):
        return float(s.replace(",", "."))
    if _THOUSANDS_COMMA.fullmatch(s):
        return float(s.replace(",", ""))
    if _DECIMAL_DOT.fullmatch(s):
        return float(s)
    return None


_AND_A_HALF = re.compile(r"(.+?)[eë]n(?:half|halve)")


@lru_cache(maxsize=4096)
def parse_number_word(word: str) -> float | None:
    """A Dutch number word: "achthonderd" -> 800, "eenenveertig" -> 41, "anderhalf" -> 1.5,
    "tweeënhalve" -> 2.5."""
    w = word.lower()
    if len(w) > 60:
        return None
    data = load_json("amounts.json")
    if w in data["fractions"]:
        return float(data["fractions"][w])
    if w in ("een", "één"):
        return 1.0
    half = _AND_A_HALF.fullmatch(w)  # "tweeënhalve ton", "vijfenhalf jaar": the number and a half
    if half:
        whole = parse_number_word(half.group(1))
        return whole + 0.5 if whole is not None and whole == int(whole) and whole >= 1 else None
    if not _NUMBER_WORD.fullmatch(w) or w in ("en", "ën"):
        return None
    try:
        from text_to_num import text2num

        return float(text2num(w.replace("één", "een"), "nl"))
    except (ValueError, AssertionError, IndexError, KeyError):
        try:
            return float(text2num(w.replace("ë", "e").replace("één", "een"), "nl"))
        except (ValueError, AssertionError, IndexError, KeyError):
            return None


def parse_multiplier(word: str) -> float | None:
    """ "miljoen" -> 1e6, "mld" -> 1e9; None for anything else."""
    v = load_json("amounts.json")["multipliers"].get(word.lower().rstrip("."))
    return float(v) if v else None
