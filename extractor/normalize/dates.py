"""Dutch temporal expressions resolved against the publication date.

``find_dates(text, published)`` finds date expressions with our own Dutch rules
(bounded regular expressions, linear time) and resolves each to a ``DateInterval``;
``parse_date(text, published)`` returns the first. Absolute days ("31 mei 2020",
"23-09-2019") are read from the day, month and year the rule matched: a dateparser call
cost about a millisecond each (as much as tokenising an article), and
``tests/test_dates.py`` checks that dateparser reads every such day the same way. The
rules also handle what dateparser does not ("vorige week dinsdag", "afgelopen vrijdag",
"maandagavond", "begin maart", "de nacht van 2 op 3 april", "dit jaar").

``published`` is a ``date``, an ISO string "YYYY-MM-DD", a month "YYYY-MM", a year
"YYYY", or None. With a month-only publication date a relative expression resolves
to the widest interval the known part allows (granularity "period"); with none it
resolves to None. Absolute dates always resolve.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache

from dateutil.easter import easter

from ..resources import load_json
from ..schema import DateInterval
from .scan import RuleScan

_DATA = load_json("dates.json")
MONTHS: dict[str, int] = _DATA["months"]
MONTHS_ANY: dict[str, int] = {**MONTHS, **_DATA["month_abbreviations"]}
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
SMALL_NUMBERS: dict[str, int | None] = _DATA["small_numbers"]


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MON = rf"(?:{_alt(MONTHS)})"
_MONANY = rf"(?:{_alt(MONTHS_ANY)})\.?"
_WD = rf"(?:{_alt(WEEKDAYS)})"
_PART = rf"(?:{_alt(_DATA['day_parts'])})"
_D = r"(?:[12]\d|3[01]|0?[1-9])"
_Y = r"(?:1[89]\d\d|20\d\d)"
_NUMW = r"(?:\d{1,3}|" + _alt(SMALL_NUMBERS) + r"|een\s+paar)"
_RELYEAR = r"(?P<rel>dit|vorig|vorige|verleden|afgelopen|voorbije|volgend)\s+jaar"
_B = r"(?<![\w])"  # a word start that also works before digits
_E = r"(?![\w])"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    interval: DateInterval


# ---------------------------------------------------------------- publication date


def published_bounds(published) -> tuple[date, date] | None:
    """The interval a publication date stands for: "2021-06" -> (2021-06-01, 2021-06-30)."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date(), published.date()
    if isinstance(published, date):
        return published, published
    if not isinstance(published, str):
        return None
    s = published.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", s):
            d = date.fromisoformat(s[:10])
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}", s):
            y, m = int(s[:4]), int(s[5:7])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        if re.fullmatch(r"\d{4}", s):
            y = int(s)
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    # other absolute forms: "09/06/2021", "9 juni 2021", "woensdag 9 juni 2021"
    if len(s) <= 40:
        found = find_dates(s, None)
        if (
            len(found) == 1
            and not found[0].interval.relative
            and found[0].interval.granularity in ("day", "month")
        ):
            return found[0].interval.start, found[0].interval.end
    return None


# ---------------------------------------------------------------- calendar helpers


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, _last_day(y, m))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_of(m: int, d: int, ref: date | None, year: int | None) -> int | None:
    """The year of "3 juni": given, else the publication year, preferring the past."""
    if year is not None:
        return year
    if ref is None:
        return None
    cand = _safe_date(ref.year, m, min(d, _last_day(ref.year, m)))
    if cand is not None and cand > ref + timedelta(days=1):
        return ref.year - 1
    return ref.year


def _rel_year(word: str, ref: date | None) -> int | None:
    if ref is None:
        return None
    w = word.lower()
    if w == "dit":
        return ref.year
    if w == "volgend":
        return ref.year + 1
    if w in ("afgelopen", "voorbije") and ref.month >= 11:
        return ref.year  # "het afgelopen jaar" in a year-end review is the year ending now
    return ref.year - 1  # vorig, vorige, verleden, afgelopen


def _part_of(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """begin / medio / eind of an interval, as thirds: "eind juni" -> 21..30 June."""
    if not mod:
        return start, end
    mod = " ".join(mod.lower().split())
    days = (end - start).days + 1
    third = days // 3
    if mod in ("begin", "eerder in", "in het begin van"):
        return start, start + timedelta(days=third - 1)
    if mod in ("half", "medio", "midden", "halverwege", "in het midden van"):
        return start + timedelta(days=third), end - timedelta(days=third)
    if mod in ("eind", "einde", "later in", "eind van", "aan het eind van", "laat in"):
        return end - timedelta(days=days - 2 * third - 1), end
    return start, end


def _weekday_before(ref: date, wd: int, strict: bool = False) -> date:
    delta = (ref.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _clip(start: date, end: date, ref: date | None) -> tuple[date, date]:
    if ref is not None and start <= ref < end:
        end = ref
    return start, end


# ---------------------------------------------------------------- rules
# Each rule: (compiled pattern, handler(match, ref) -> (start, end, granularity, relative) | None).

_RULES: list[tuple[re.Pattern, object]] = []


def _rule(pattern: str):
    rx = re.compile(pattern, re.IGNORECASE)

    def deco(fn):
        _RULES.append((rx, fn))
        return fn

    return deco


def _num(word: str | None) -> int | None:
    if word is None:
        return None
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return SMALL_NUMBERS.get(w)


@_rule(
    _B
    + r"(?:in\s+)?de\s+nacht\s+van\s+(?:(?P<wd1>"
    + _WD
    + r")\s+)?(?P<d1>"
    + _D
    + r")(?:\s+(?P<m1>"
    + _MON
    + r"))?"
    r"\s+op\s+(?:(?P<wd2>"
    + _WD
    + r")\s+)?(?P<d2>"
    + _D
    + r")\s+(?P<m2>"
    + _MONANY
    + r")(?:\s+(?P<y>"
    + _Y
    + r"))?"
    + _E
)
def _night_dates(m, ref):
    m2 = MONTHS_ANY[m["m2"].lower().rstrip(".")]
    m1 = MONTHS[m["m1"].lower()] if m["m1"] else m2
    y = _year_of(m2, int(m["d2"]), ref, int(m["y"]) if m["y"] else None)
    if y is None:
        return None
    y1 = y - 1 if m1 == 12 and m2 == 1 else y
    a, b = _safe_date(y1, m1, int(m["d1"])), _safe_date(y, m2, int(m["d2"]))
    if not a or not b or a > b:
        return None
    return a, b, "period", not m["y"]


@_rule(_B + r"(?:in\s+)?de\s+nacht\s+van\s+(?P<wd1>" + _WD + r")\s+op\s+(?P<wd2>" + _WD + r")" + _E)
def _night_weekdays(m, ref):
    if ref is None:
        return None
    wd1, wd2 = WEEKDAYS[m["wd1"].lower()], WEEKDAYS[m["wd2"].lower()]
    if (wd1 + 1) % 7 != wd2:
        return None
    second = _weekday_before(ref, wd2)
    return second - timedelta(days=1), second, "period", True


@_rule(
    _B + r"(?:van|vanaf|tussen)\s+(?:(?:" + _WD + r")\s+)?(?P<d1>" + _D + r")(?:\s+(?P<m1>" + _MONANY + r"))?"
    r"(?:\s+(?P<y1>" + _Y + r"))?\s+(?:tot\s+en\s+met|t/m|tot|en|-|–)\s+(?:(?:" + _WD + r")\s+)?"
    r"(?P<d2>" + _D + r")\s+(?P<m2>" + _MONANY + r")(?:\s+(?P<y2>" + _Y + r"))?" + _E
)
def _day_range(m, ref):
    m2 = MONTHS_ANY[m["m2"].lower().rstrip(".")]
    m1 = MONTHS_ANY[m["m1"].lower().rstrip(".")] if m["m1"] else m2
    y2 = _year_of(m2, int(m["d2"]), ref, int(m["y2"]) if m["y2"] else None)
    if y2 is None:
        return None
    y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if m1 > m2 else y2)
    a, b = _safe_date(y1, m1, int(m["d1"])), _safe_date(y2, m2, int(m["d2"]))
    if not a or not b or a > b:
        return None
    return a, b, "period", not m["y2"]


@_rule(
    _B
    + r"(?P<d1>"
    + _D
    + r")(?:e|ste|de)?(?:\s+en\s+|\s*[-–]\s*)(?P<d2>"
    + _D
    + r")(?:e|ste|de)?\s+(?P<m>"
    + _MONANY
    + r")"
    r"(?:\s+(?P<y>" + _Y + r"))?" + _E
)
def _day_pair(m, ref):
    """ "op 29 en 30 september", "5-6 mei": two days of one month, the period from the first to the second."""
    mon = MONTHS_ANY[m["m"].lower().rstrip(".")]
    d1, d2 = int(m["d1"]), int(m["d2"])
    y = _year_of(mon, d2, ref, int(m["y"]) if m["y"] else None)
    if y is None or d1 >= d2:
        return None
    a, b = _safe_date(y, mon, d1), _safe_date(y, mon, d2)
    return (a, b, "period", not m["y"]) if a and b else None


@_rule(
    _B + r"(?:(?P<wd>" + _WD + r")\s+)?(?P<d>" + _D + r")(?:e|ste|de)?\s+(?P<m>" + _MONANY + r")"
    r"(?:\s+(?P<y>" + _Y + r")(?![\d.,]\d)|\s+(?:van\s+)?(?:" + _RELYEAR + r"))?" + _E
)
def _day(m, ref):
    mon = MONTHS_ANY[m["m"].lower().rstrip(".")]
    d = int(m["d"])
    if m["y"]:
        y = int(m["y"])
    elif m["rel"]:
        y = _rel_year(m["rel"], ref)
    else:
        y = _year_of(mon, d, ref, None)
    if y is None:
        return None
    dd = _safe_date(y, mon, d)
    if dd is None:
        return None
    return dd, dd, "day", not m["y"]


@_rule(
    _B + r"(?:in\s+|tijdens\s+)?de\s+week\s+van\s+(?P<d>" + _D + r")\s+(?P<m>" + _MONANY + r")(?:\s+(?P<y>" + _Y
    + r"))?" + _E
)  # fmt: skip
def _week_of(m, ref):
    """ "in de week van 2 oktober": Monday to Sunday of the week that day is in."""
    mon = MONTHS_ANY[m["m"].lower().rstrip(".")]
    y = int(m["y"]) if m["y"] else _year_of(mon, int(m["d"]), ref, None)
    day = _safe_date(y, mon, int(m["d"])) if y else None
    if day is None:
        return None
    return _monday(day), _monday(day) + timedelta(days=6), "week", not m["y"]


@_rule(
    r"(?<![\d.,/\-])(?P<d>"
    + _D
    + r")(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>"
    + _Y
    + r"|\d\d)(?![\d])(?![.,/\-]\d)"
)
def _numeric(m, ref):
    y = int(m["y"])
    if y < 100:
        y += 2000 if y < 70 else 1900
    dd = _safe_date(y, int(m["m"]), int(m["d"]))
    return (dd, dd, "day", False) if dd else None


@_rule(_B + r"(?:op|(?P<wd>" + _WD + r"))\s+(?P<d>" + _D + r")/(?P<m>0?[1-9]|1[0-2])(?![\d/.,]\d|\d)")
def _numeric_short(m, ref):
    """ "op 13/05", "zaterdag 13/5": a day and month written as figures after "op" or a weekday (Flemish)."""
    mon, d = int(m["m"]), int(m["d"])
    y = _year_of(mon, d, ref, None)
    dd = _safe_date(y, mon, d) if y is not None else None
    return (dd, dd, "day", True) if dd else None


@_rule(_B + r"(?P<y>" + _Y + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])" + _E)
def _iso(m, ref):
    dd = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (dd, dd, "day", False) if dd else None


_ORD: dict[str, int] = _DATA["ordinals"]


@_rule(
    _B
    + r"(?:(?:in\s+)?(?:de|het)\s+)?(?P<ord>eerste|tweede|derde|vierde|laatste)\s+(?:(?P<n>"
    + _NUMW
    + r")\s+)?"
    r"(?P<u>maanden|maand|weken|helft|kwartaal|halfjaar|jaarhelft|half\s+jaar)\s+van\s+(?:het\s+jaar\s+)?"
    r"(?:(?P<y>" + _Y + r")|" + _RELYEAR + r"|het\s+jaar)" + _E
)
def _part_of_year(m, ref):
    y = int(m["y"]) if m["y"] else (_rel_year(m["rel"], ref) if m["rel"] else (ref.year if ref else None))
    if y is None:
        return None
    o = _ORD[m["ord"].lower()]
    u = " ".join(m["u"].lower().split())
    n = _num(m["n"]) if m["n"] else 1
    if n is None:
        return None
    if u in ("maanden", "maand"):
        if not 1 <= n <= 12:
            return None
        if o == -1:
            a, b = date(y, 13 - n, 1), date(y, 12, 31)
        else:
            a, b = date(y, 1, 1), date(y, n, _last_day(y, n))
        gran = "month" if n == 1 else "period"
    elif u == "weken":
        a = date(y, 1, 1) if o != -1 else date(y, 12, 31) - timedelta(days=7 * n - 1)
        b = a + timedelta(days=7 * n - 1) if o != -1 else date(y, 12, 31)
        gran = "period"
    elif u == "kwartaal":
        q = 4 if o == -1 else o
        a, b = date(y, 3 * q - 2, 1), date(y, 3 * q, _last_day(y, 3 * q))
        gran = "quarter"
    else:  # helft, halfjaar
        h = 2 if o == -1 else o
        if h > 2:
            return None
        a, b = (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        gran = "period"
    rel = not m["y"]
    if m["rel"] and m["rel"].lower() == "dit":
        a, b = _clip(a, b, ref)
    return a, b, gran, rel


@_rule(
    _B + r"(?:(?:in\s+)?(?:de|het)\s+)?(?P<ord>eerste|tweede|derde|vierde|laatste)\s+"
    r"(?P<u>kwartaal|halfjaar|jaarhelft|half\s+jaar)" + _E + r"(?!\s+(?:van|na|sinds|nadat)\b)"
)
def _bare_part_of_year(m, ref):
    """ "het eerste halfjaar", "in het derde kwartaal": a calendar part of the publication year,
    of the year before when that part has not begun yet ("het vierde kwartaal" in February).
    Only units that are calendar parts by themselves: "de eerste helft" and "de eerste twee
    weken" without a year are a match's half or an operation's weeks."""
    if ref is None:
        return None
    o = _ORD[m["ord"].lower()]
    if " ".join(m["u"].lower().split()) == "kwartaal":
        q = 4 if o == -1 else o
        months = (3 * q - 2, 3 * q)
        gran = "quarter"
    else:
        h = 2 if o == -1 else o
        if h > 2:
            return None
        months = (1, 6) if h == 1 else (7, 12)
        gran = "period"
    y = ref.year if date(ref.year, months[0], 1) <= ref else ref.year - 1
    a, b = _clip(date(y, months[0], 1), date(y, months[1], _last_day(y, months[1])), ref)
    return a, b, gran, True


@_rule(_B + r"Q(?P<q>[1-4])\s+(?P<y>" + _Y + r")" + _E)
def _quarter(m, ref):
    y, q = int(m["y"]), int(m["q"])
    return date(y, 3 * q - 2, 1), date(y, 3 * q, _last_day(y, 3 * q)), "quarter", False


_MONTH_HOMOGRAPHS: dict[str, frozenset] = {k: frozenset(v) for k, v in _DATA["month_homographs"].items()}


_MOD = r"(?P<mod>begin|eind|einde|half|medio|midden|halverwege|eerder\s+in|later\s+in|aan\s+het\s+eind\s+van|in\s+het\s+begin\s+van)"


@_rule(
    _B
    + r"(?:"
    + _MOD
    + r"\s+)?(?P<m>"
    + _MON
    + r")(?:\s+(?P<y>"
    + _Y
    + r")(?![\d.,]\d)|\s+(?:van\s+)?(?:"
    + _RELYEAR
    + r"))?"
    + _E
)
def _month_rule(m, ref):
    mon = MONTHS[m["m"].lower()]
    after = _MONTH_HOMOGRAPHS.get(m["m"])  # lower case only: "Mei 2020" at a sentence start is a month
    if after is not None and not (m["mod"] or m["y"] or m["rel"]):
        before = m.string[: m.start()].split()
        if not before or before[-1].lower() not in after:
            return None  # Frisian "mei 400 planten" (met), not May
    if m["y"]:
        y = int(m["y"])
    elif m["rel"]:
        y = _rel_year(m["rel"], ref)
    else:
        y = _year_of(mon, 1, ref, None)
    if y is None:
        return None
    a, b = _part_of(*_month(y, mon), m["mod"])
    gran = "month" if not m["mod"] else "period"
    return a, b, gran, not m["y"]


# begin / medio / eind of a year, by months: "eind 2018" is October to December
_YEAR_PARTS = {
    "begin": (1, 3),
    "medio": (6, 7),
    "midden": (6, 7),
    "halverwege": (6, 7),
    "eind": (10, 12),
    "einde": (10, 12),
}


@_rule(
    r"(?<![\w.,€$])(?:(?P<mod>begin|eind|einde|medio|midden|halverwege|het\s+hele\s+jaar|heel|in\s+het\s+jaar|"
    r"het\s+jaar|in|van|uit)\s+)?(?P<y>(?:19[5-9]|20[0-4])\d)(?![\w])(?![.,]\d)"
    r"(?!\s*(?:kilo|kg|ton|gram|g\b|liter|l\b|euro|eur\b|dollar|pillen|tabletten|planten|plantjes|stuks|procent|mensen|keer))"
)
def _year(m, ref):
    y = int(m["y"])
    mod = (m["mod"] or "").lower()
    a, b = date(y, 1, 1), date(y, 12, 31)
    if mod in _YEAR_PARTS:
        (m1, m2) = _YEAR_PARTS[mod]
        return date(y, m1, 1), date(y, m2, _last_day(y, m2)), "period", False
    return a, b, "year", False


@_rule(
    _B
    + r"(?:(?P<mod>begin|eind|einde|medio|midden|halverwege|in\s+de\s+loop\s+van|eerder)\s+)?(?:het\s+)?"
    + _RELYEAR
    + _E
)
def _relative_year(m, ref):
    y = _rel_year(m["rel"], ref)
    if y is None:
        return None
    a, b = date(y, 1, 1), date(y, 12, 31)
    mod = (m["mod"] or "").lower()
    if mod in _YEAR_PARTS:
        (m1, m2) = _YEAR_PARTS[mod]
        a, b = date(y, m1, 1), date(y, m2, _last_day(y, m2))
    gran = "year" if not mod or mod.startswith("in") or mod == "eerder" else "period"
    if m["rel"].lower() == "dit" or y == ref.year:
        if a > ref:
            return None
        a, b = _clip(a, b, ref)
        gran = "period" if b != date(y, 12, 31) else gran
    return a, b, gran, True


@_rule(
    _B
    + r"(?:het\s+)?(?P<mod>begin|eind|einde|midden)\s+van\s+(?P<rel>het|dit|vorig|afgelopen|voorbije|verleden)\s+jaar"
    + _E
)
def _part_of_named_year(m, ref):
    """ "het begin van het jaar", "eind van vorig jaar" ("het jaar" is the current one)."""
    if ref is None:
        return None
    rel = m["rel"].lower()
    y = ref.year if rel in ("het", "dit") else ref.year - 1
    m1, m2 = _YEAR_PARTS[m["mod"].lower()]
    a, b = date(y, m1, 1), date(y, m2, _last_day(y, m2))
    if a > ref:
        return None
    return a, min(b, ref), "period", True


@_rule(
    _B
    + r"(?:het\s+|de\s+)?(?P<rel>vorige|afgelopen|voorbije|verleden|deze|dit|komende|volgende|vorig)\s+(?P<u>week|maand|weekend)"
    r"(?:\s+(?P<wd>" + _WD + r"))?" + _E
)
def _relative_week(m, ref):
    if ref is None:
        return None
    rel, u = m["rel"].lower(), m["u"].lower()
    past = rel in ("vorige", "afgelopen", "voorbije", "verleden", "vorig")
    future = rel in ("komende", "volgende")
    if u == "week":
        mon = _monday(ref) + timedelta(days=-7 if past else 7 if future else 0)
        if m["wd"]:
            d = mon + timedelta(days=WEEKDAYS[m["wd"].lower()])
            return d, d, "day", True
        a, b = mon, mon + timedelta(days=6)
        if not past and not future:
            a, b = _clip(a, b, ref)
        return a, b, "week", True
    if m["wd"]:
        return None
    if u == "maand":
        y, mo = ref.year, ref.month
        if past:
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        elif future:
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        a, b = _month(y, mo)
        if not past and not future:
            a, b = _clip(a, b, ref)
        return a, b, "month", True
    # weekend
    if past:
        sat = _weekday_before(ref - timedelta(days=1), 5)
    elif future:
        sat = ref + timedelta(days=(5 - ref.weekday()) % 7 or 7)
    elif ref.weekday() <= 2:  # "dit weekend" in a report of Monday to Wednesday: the one just past
        sat = _monday(ref) - timedelta(days=2)
    else:
        sat = _monday(ref) + timedelta(days=5)
    return sat, sat + timedelta(days=1), "period", True


@_rule(
    _B + r"(?P<mod>begin|eind|einde|midden|halverwege|eerder|later)\s+(?:in\s+)?(?:de\s+|het\s+)?"
    r"(?P<rel>vorige|afgelopen|voorbije|verleden|deze|dit|vorig)\s+(?P<u>week|maand)(?P<wd>(?!x)x)?" + _E
)
def _part_of_relative(m, ref):
    """ "eerder deze week", "eind vorige maand", "begin deze maand"."""
    if ref is None:
        return None
    base = _relative_week(m, ref)
    if base is None:
        return None
    a, b, gran, rel = base
    mod = m["mod"].lower()
    if mod == "eerder":
        if m["rel"].lower() in ("deze", "dit"):
            b = max(a, ref - timedelta(days=1))
        return a, b, "period", True
    if mod == "later":
        return a, b, "period", True
    if m["u"].lower() == "week":
        a, b = _monday(a), _monday(a) + timedelta(days=6)
        parts = {"begin": (0, 2), "midden": (2, 4), "halverwege": (2, 4), "eind": (4, 6), "einde": (4, 6)}
        lo, hi = parts[mod]
        a, b = a + timedelta(days=lo), a + timedelta(days=hi)
    else:
        a, b = _part_of(*_month(a.year, a.month), mod)
    if ref < b and m["rel"].lower() in ("deze", "dit"):
        b = max(a, ref)
    return a, b, "period", True


# "(in) de afgelopen", "het voorbije", Flemish "de jongste": a span running up to publication
_RECENT = (
    _B
    + r"(?:(?:in|tijdens|gedurende|over)\s+)?(?:(?:het|de)\s+)?(?P<rel>afgelopen|voorbije|laatste|jongste)\s+"
)


@_rule(_RECENT + r"(?:(?P<n>" + _NUMW + r")\s+)?(?P<u>halfjaar|half\s+jaar|maanden|weken|jaren|dagen)" + _E)
def _recent_period(m, ref):
    """ "het afgelopen halfjaar", "de afgelopen drie maanden", "de voorbije weken", Flemish "de jongste
    maanden": up to publication."""
    if ref is None:
        return None
    u = " ".join(m["u"].lower().split())
    n = _num(m["n"]) if m["n"] else None
    if m["n"] and n is None:
        return None
    if u in ("halfjaar", "half jaar") and not m["n"]:
        # "het afgelopen halfjaar", like "het afgelopen jaar", is the calendar half just ended
        if ref.month >= 7:
            return date(ref.year, 1, 1), date(ref.year, 6, 30), "period", True
        return date(ref.year - 1, 7, 1), date(ref.year - 1, 12, 31), "period", True
    if u in ("halfjaar", "half jaar"):
        months = 6 * n
    elif u == "maanden":
        months = n or 3  # "de afgelopen maanden": a few months
    elif u == "jaren":
        months = 12 * (n or 3)
    else:
        days = (n or 3) * (7 if u == "weken" else 1)
        return ref - timedelta(days=days), ref, "period", True
    y, mo = divmod(ref.year * 12 + ref.month - 1 - months, 12)
    return date(y, mo + 1, min(ref.day, _last_day(y, mo + 1))), ref, "period", True


@_rule(_RECENT + r"(?P<n>" + _NUMW + r")\s+jaar" + _E)
def _recent_years(m, ref):
    """ "de afgelopen tien jaar", "de laatste vijf jaar": that many years up to publication."""
    n = _num(m["n"])
    if ref is None or not n:
        return None
    return (
        _safe_date(ref.year - n, ref.month, ref.day) or date(ref.year - n, ref.month, 28),
        ref,
        "period",
        True,
    )


@_rule(
    _B
    + r"(?:(?:in|tijdens|gedurende|over)\s+)?(?:het\s+)?(?P<rel>afgelopen|voorbije|vorige|vorig|dit|huidige)\s+"
    r"kwartaal" + _E
)
def _relative_quarter(m, ref):
    """ "het afgelopen kwartaal" is the calendar quarter before publication's, "dit kwartaal" this one up to it."""
    if ref is None:
        return None
    q = (ref.month - 1) // 3 + 1
    if m["rel"].lower() in ("dit", "huidige"):
        return date(ref.year, 3 * q - 2, 1), ref, "period", True
    y, q = (ref.year, q - 1) if q > 1 else (ref.year - 1, 4)
    return date(y, 3 * q - 2, 1), date(y, 3 * q, _last_day(y, 3 * q)), "quarter", True


@_rule(_B + r"(?:in|tijdens|gedurende)\s+het\s+(?:voorbije\s+|afgelopen\s+)?weekend" + _E)
def _the_weekend(m, ref):
    """ "in het weekend": the most recent Saturday and Sunday (this one when published on it)."""
    if ref is None:
        return None
    sat = _weekday_before(ref, 5)
    return sat, sat + timedelta(days=1), "period", True


@_rule(
    _B
    + r"(?P<wd>"
    + _WD
    + r")\s+(?:van\s+)?(?:de\s+)?(?P<rel>vorige|afgelopen|voorbije|verleden)\s+week"
    + _E
)
def _weekday_of_last_week(m, ref):
    if ref is None:
        return None
    d = _monday(ref) - timedelta(days=7) + timedelta(days=WEEKDAYS[m["wd"].lower()])
    return d, d, "day", True


@_rule(
    _B
    + r"(?P<n>"
    + _NUMW
    + r")\s+(?P<u>dagen|dag|weken|week|maanden|maand|jaar|jaren)\s+(?:geleden|terug)"
    + _E
)
def _ago(m, ref):
    if ref is None:
        return None
    n = _num(m["n"])
    u = m["u"].lower()
    vague = n is None
    lo_n, hi_n = (2, 5) if vague else (n, n)
    if u.startswith("dag"):
        a, b = ref - timedelta(days=hi_n), ref - timedelta(days=lo_n)
        return a, b, "period" if vague else "day", True
    if u.startswith("we"):
        a = _monday(ref - timedelta(days=7 * hi_n))
        b = _monday(ref - timedelta(days=7 * lo_n)) + timedelta(days=6)
        return a, b, "period" if vague else "week", True
    if u.startswith("maand"):
        y1, m1 = divmod(ref.year * 12 + ref.month - 1 - hi_n, 12)
        y2, m2 = divmod(ref.year * 12 + ref.month - 1 - lo_n, 12)
        return date(y1, m1 + 1, 1), _month(y2, m2 + 1)[1], "period" if vague else "month", True
    return date(ref.year - hi_n, 1, 1), date(ref.year - lo_n, 12, 31), "period" if vague else "year", True


@_rule(
    _B
    + r"(?:(?P<rel>vorige|afgelopen|voorbije|verleden|komende|aanstaande|volgende)\s+)?(?P<wd>"
    + _WD
    + r")"
    r"(?:\s*-?\s*(?P<part>" + _PART + r"))?" + _E
)
def _weekday(m, ref):
    if ref is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    if rel == "vorige" or rel == "verleden":
        d = _monday(ref) - timedelta(days=7) + timedelta(days=wd)
    elif rel in ("afgelopen", "voorbije"):
        d = _weekday_before(ref, wd, strict=True)
    elif rel in ("komende", "aanstaande", "volgende"):
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    else:
        d = _weekday_before(ref, wd)
    if (m["part"] or "").lower() == "nacht":
        return d, d + timedelta(days=1), "period", True
    return d, d, "day", True


@_rule(
    _B
    + r"(?P<w>eergisteren|eergister|gisteren|gister|juster|vandaag|hjoed|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|"
    r"(?:de\s+)?afgelopen\s+nacht|deze\s+(?:ochtend|morgen|middag|avond))(?P<part>" + _PART + r")?" + _E
)
def _deictic(m, ref):
    if ref is None:
        return None
    w = " ".join(m["w"].lower().split())
    part = (m["part"] or "").lower()
    if w in ("eergisteren", "eergister"):
        d = ref - timedelta(days=2)
    elif w in ("gisteren", "gister", "juster"):  # Frisian "juster": yesterday, "hjoed": today
        d = ref - timedelta(days=1)
    elif w in ("vannacht",) or w.endswith("afgelopen nacht"):
        return ref - timedelta(days=1), ref, "period", True
    else:
        d = ref
    if part == "nacht":
        return d, d + timedelta(days=1), "period", True
    return d, d, "day", True


_SEASONS = _DATA["seasons"]


@_rule(
    _B
    + r"(?:(?P<rel>dit|deze|vorig|vorige|afgelopen|voorbije|verleden|komend|komende|volgend|volgende)\s+|(?:in\s+)?(?:de|het)\s+)"
    r"(?P<s>voorjaar|lente|zomer|najaar|herfst|winter)(?:\s+(?:van\s+)?(?P<y>" + _Y + r"))?" + _E
)
def _season(m, ref):
    s = m["s"].lower()
    (m1, d1), (m2, d2) = _SEASONS[s]
    wraps = m1 > m2

    def bounds(y):  # the season that starts in year y
        return date(y, m1, d1), date(y + 1 if wraps else y, m2, d2)

    if m["y"]:
        a, b = bounds(int(m["y"]))
        return a, b, "season", False
    if ref is None:
        return None
    rel = (m["rel"] or "").lower()
    y = ref.year
    if rel in ("komend", "komende", "volgend", "volgende"):
        a, b = bounds(y)
        if a <= ref:
            a, b = bounds(y + 1)
        return a, b, "season", True
    # the most recent season of that name that has started by the publication date
    a, b = bounds(y)
    while a > ref:
        y -= 1
        a, b = bounds(y)
    if rel in ("vorig", "vorige", "verleden", "afgelopen", "voorbije") and b >= ref:
        a, b = bounds(y - 1)  # still going on: "vorige zomer" is the one before
    elif b >= ref:
        b = ref  # "dit voorjaar", still going on: up to the publication date
    return a, b, "season", True


_HOLIDAYS = _DATA["holidays"]
_MOVABLE = {k: v for k, v in _DATA["movable_holidays"].items() if k != "_comment"}


def _holiday_bounds(h: str, y: int) -> tuple[date, date]:
    """The days of holiday ``h`` (lower-cased) that begins in year ``y``."""
    if h in _MOVABLE:
        sunday, (first, last) = easter(y), _MOVABLE[h]
        return sunday + timedelta(days=first), sunday + timedelta(days=last)
    (m1, d1), (m2, d2) = _HOLIDAYS[h]
    return date(y, m1, d1), date(y + 1 if (m2, d2) < (m1, d1) else y, m2, d2)


@_rule(
    _B
    + r"(?:rond|met|tijdens|na|voor|sinds|in|op)\s+(?:de\s+)?(?P<h>"
    + "|".join(h.replace(" ", r"\s+") for h in sorted([*_HOLIDAYS, *_MOVABLE], key=len, reverse=True))
    + ")"
    r"(?:\s+(?P<y>" + _Y + r"))?" + _E
)
def _holiday(m, ref):
    """ "rond kerst", "op tweede paasdag", "met Pinksteren 2019": the holiday's days, of the year
    given or the latest that began by publication (Easter's feasts counted from Easter Sunday)."""
    h = " ".join(m["h"].lower().split())
    if m["y"]:
        y = int(m["y"])
    elif ref is not None:
        y = ref.year if _holiday_bounds(h, ref.year)[0] <= ref else ref.year - 1
    else:
        return None
    a, b = _holiday_bounds(h, y)
    return a, b, "period" if a != b else "day", not m["y"]


@_rule(_B + r"(?:in\s+)?week\s+(?P<n>[1-9]|[1-4]\d|5[0-3])(?:\s+(?:van\s+)?(?P<y>" + _Y + r"))?" + _E)
def _week_number(m, ref):
    """ "in week 32": that ISO week, of the year given or the latest one not after publication."""
    n = int(m["n"])
    if m["y"]:
        y = int(m["y"])
    elif ref is not None:
        y = ref.year
        try:
            if date.fromisocalendar(y, n, 1) > ref:
                y -= 1
        except ValueError:
            y -= 1
    else:
        return None
    try:
        monday = date.fromisocalendar(y, n, 1)
    except ValueError:  # week 53 of a year that has 52
        return None
    return monday, monday + timedelta(days=6), "week", not m["y"]


# rules that take no more than the year from the publication date ("3 juni", "eind juni")
_YEAR_ONLY = {_night_dates, _day_range, _day, _month_rule, _holiday}

# rules whose expressions name a span of time ("dit jaar", "de eerste vijf maanden", "in juni");
# every other rule names a moment ("in de nacht van", "dinsdag", "gisteren", "vorige week"),
# however wide the interval it resolves to (a weekday under a month-only publication date)
_SPAN_RULES = {
    _recent_period,
    _recent_years,
    _relative_quarter,
    _part_of_year,
    _bare_part_of_year,
    _quarter,
    _month_rule,
    _year,
    _relative_year,
    _part_of_named_year,
    _season,
    _day_range,
}
_UNIT_SPAN_RULES = {_relative_week, _part_of_relative}  # a span for "maand", a moment for "week"
_CALENDAR_RULES = {_day, _numeric, _numeric_short, _iso}  # a day named by its date: "3 juni", "23-09-2019"


_POINT_MODIFIERS = frozenset(["begin", "eind", "einde", "medio", "midden", "halverwege", "eerder", "later"])


def _anchor(fn, m) -> str:
    """ "span" or "moment": what the expression a rule matched names (see ``DateInterval.anchor``).

    A part of a period ("eind vorig jaar", "begin 2020") names a moment in it, however vague.
    """
    mod = m.groupdict().get("mod")
    if mod and " ".join(mod.lower().split()) in _POINT_MODIFIERS:
        return "moment"
    if fn in _SPAN_RULES:
        return "span"
    if fn in _UNIT_SPAN_RULES and m["u"].lower() == "maand":
        return "span"
    return "moment"


# ---------------------------------------------------------------- finding and resolving

_PREFIX_SINCE = re.compile(r"(?:sinds|vanaf|sedert)\s+$", re.IGNORECASE)
_SINCE_EVENT = re.compile(
    r"(?<!\w)(?:sinds|sedert)\s+(?:de|het)\s+(?:[^\W\d]+\s+){1,5}$", re.IGNORECASE
)  # "sinds de start van het onderzoek (in 2021)": since an event dated next
_IN_OR_OF = re.compile(r"(?<!\w)(?:in|van)\s+$", re.IGNORECASE)
_PREFIX_UNTIL = re.compile(r"(?:tot\s+en\s+met|t/m|tot|uiterlijk)\s+$", re.IGNORECASE)
_JOIN_UNTIL = re.compile(r"\s+(?:tot\s+en\s+met|t/m|tot|en)\s+$", re.IGNORECASE)
_PREFIX_FROM = re.compile(r"(?:vanaf|van|sinds|tussen)\s+$", re.IGNORECASE)


def _resolve(fn, m, bounds):
    """Run a rule at one or both ends of the publication interval; widen when they differ."""
    if bounds is None:
        return fn(m, None)
    lo, hi = bounds
    r_hi = fn(m, hi)
    if lo == hi or r_hi is None or fn in _YEAR_ONLY:
        return r_hi  # only the year was needed: the latest possible publication day decides it
    r_lo = fn(m, lo)
    if r_lo is None:
        return None
    if r_lo[:2] == r_hi[:2]:
        return r_hi
    return min(r_lo[0], r_hi[0]), max(r_lo[1], r_hi[1]), "period", True


# dates given relative to the date named before them: "vier dagen later", "het jaar daarvoor"
_ANAPHOR = re.compile(
    _B
    + r"(?:(?P<n>"
    + _NUMW
    + r"|een)\s+(?P<u>dagen|dag|weken|week|maanden|maand|jaren|jaar)\s+(?P<dir>later|daarna|nadien|erna|eerder|daarvoor|ervoor)"
    r"|(?:de\s+)?(?P<next>volgende\s+dag|dag\s+(?:erna|daarna|nadien))|daags\s+(?:nadien|daarna|erna)"
    r"|het\s+jaar\s+(?P<yr>daarvoor|ervoor|daarna|erna)"
    r"|(?P<same>(?:die|diezelfde|dezelfde)\s+(?:dag|avond|nacht|ochtend|middag|namiddag|voormiddag))"
    r"|(?P<wk>later|eerder)\s+(?:die|diezelfde|dezelfde)\s+week)" + _E,
    re.IGNORECASE,
)


_COMPARED = re.compile(
    r"(?<!\w)(?:als|dan|tegen)\s+(?:in\s+)?$", re.IGNORECASE
)  # "als in 2018": no antecedent


def _anaphoric(m, prev: DateInterval | None) -> DateInterval | None:
    """ "vier dagen later" after "23 september" -> 27 September; "het jaar daarvoor" after 2019 -> 2018."""
    if prev is None:
        return None
    text = m.group(0)
    if m["same"]:  # "diezelfde dag", "die avond": the day named before
        return (
            DateInterval(prev.start, prev.end, prev.granularity, text, True, "moment")
            if prev.start == prev.end
            else None
        )
    if m["wk"]:  # "later die week": the rest of the week of the day named before
        if prev.start != prev.end:
            return None
        mon = _monday(prev.start)
        if m["wk"].lower() == "later":
            a, b = prev.start + timedelta(days=1), mon + timedelta(days=6)
        else:
            a, b = mon, prev.start - timedelta(days=1)
        return DateInterval(a, b, "period", text, True, "moment") if a <= b else None
    back = (m["dir"] or m["yr"] or "").lower() in ("eerder", "daarvoor", "ervoor")
    n = 1 if m["n"] is None or m["n"].lower() == "een" else _num(m["n"])
    if n is None:
        return None
    sign = -1 if back else 1
    base = prev.start if back else prev.end
    unit = (m["u"] or ("jaar" if m["yr"] else "dag")).lower()
    if unit.startswith("dag"):
        d = base + timedelta(days=sign * n)
        return DateInterval(d, d, "day", text, True, "moment")
    if unit.startswith("we"):
        mon = _monday(base + timedelta(days=7 * sign * n))
        return DateInterval(mon, mon + timedelta(days=6), "week", text, True, "moment")
    if unit.startswith("maand"):
        y, mo = divmod(base.year * 12 + base.month - 1 + sign * n, 12)
        a, b = _month(y, mo + 1)
        return DateInterval(a, b, "month", text, True, "span")
    if (
        m["yr"] is None and prev.start.year == prev.end.year
    ):  # "een jaar later" after "de eerste helft van 2021"
        start = _safe_date(prev.start.year + sign * n, prev.start.month, prev.start.day)
        end = _safe_date(
            prev.end.year + sign * n, prev.end.month, min(prev.end.day, 28 if prev.end.month == 2 else 31)
        )
        if start and end:
            return DateInterval(start, end, prev.granularity, text, True, prev.anchor)
    y = base.year + sign * n
    return DateInterval(date(y, 1, 1), date(y, 12, 31), "year", text, True, "span")


@cache
def _scan() -> RuleScan:
    """The date rules (and the anaphors) as one scan of the text."""
    return RuleScan([*_RULES, (_ANAPHOR, _anaphoric)])


MAX_TEXT = 2_000_000  # characters scanned per call; longer text is cut (callers cap earlier)


def find_dates(text: str, published=None) -> list[DateMatch]:
    """Every date expression in ``text``, resolved against ``published``, in order.

    >>> [m.interval.start.isoformat() for m in find_dates("Op 3 juni van dit jaar", "2021-06")]
    ['2021-06-03']
    """
    if not isinstance(text, str) or not text:
        return []
    text = text[:MAX_TEXT]
    bounds = published_bounds(published)
    cands = []
    for m, fn in _scan().finditer(text):
        s, e = m.span()
        if e > s:
            cands.append((s, -(e - s), e, fn, m))
    cands.sort(key=lambda c: (c[0], c[1]))
    chosen = []
    last_end = -1
    for s, _neg, e, fn, m in cands:
        if s < last_end:
            continue
        if fn is _anaphoric:  # resolved against the date before it, in _combine
            chosen.append((s, e, m.group(0), ("anaphor", m)))
            last_end = e
            continue
        try:
            r = _resolve(fn, m, bounds)
        except (ValueError, OverflowError, KeyError):
            r = None
        # an unresolvable expression still occupies its text, so a shorter rule cannot misread it
        chosen.append((s, e, m.group(0), r if r is None else (*r, _anchor(fn, m), fn in _CALENDAR_RULES)))
        last_end = e
    return _combine(text, chosen, bounds)


_MONTH_JOIN = re.compile(r"\s*(?:-|–|t/m|tot\s+en\s+met|tot|(?P<en>en))\s*", re.IGNORECASE)


def _month_range(text: str, chosen, i: int, before: str) -> DateMatch | None:
    """Two months or years joined into one span: "van januari tot en met maart 2022", "mei en juni", "2019-2021".

    A month without its year takes the other's ("van januari tot juni 2022" is 2022); "en" joins
    only neighbouring months ("in januari en juli" names two months, not the half year).
    """
    if i + 1 >= len(chosen) or chosen[i][3][2] not in ("month", "year") or chosen[i + 1][3] is None:
        return None
    s, e, _t, (a1, _b1, gran, rel1, *_r) = chosen[i]
    s2, e2, _t2, r2 = chosen[i + 1]
    if r2[0] == "anaphor" or r2[2] != gran:
        return None
    join = _MONTH_JOIN.fullmatch(text, e, s2)
    if gran == "year":  # "in 2021 en 2022", "2019-2021": the years between
        y1, y2 = a1.year, r2[0].year
        if join is None or not y1 < y2 <= y1 + (1 if join["en"] else 20):
            return None
        ps = _from_start(before, s)
        return DateMatch(
            ps, e2, DateInterval(date(y1, 1, 1), date(y2, 12, 31), "period", text[ps:e2], False, "span")
        )
    m1, m2 = a1.month, r2[0].month
    if join is None or (join["en"] and m2 != m1 + 1 and not before.rstrip().lower().endswith("tussen")):
        return None
    rel2 = r2[3]
    if rel1 and not rel2 or rel1 and rel2:  # the first month's year is the one before the second
        y2 = r2[0].year
        y1 = y2 if m1 <= m2 else y2 - 1
    else:
        y1 = a1.year
        y2 = (y1 if m2 >= m1 else y1 + 1) if rel2 else r2[0].year
    if (y1, m1) >= (y2, m2):
        return None
    ps = _from_start(before, s)
    return DateMatch(ps, e2, DateInterval(date(y1, m1, 1), date(y2, m2, _last_day(y2, m2)), "period",
                                          text[ps:e2], rel1 and rel2, "span"))  # fmt: skip


def _from_start(before: str, s: int) -> int:
    """Where the span begins: at its "van", "vanaf", "sinds" or "tussen" when one stands before ``s``."""
    prefix = _PREFIX_FROM.search(before)
    return s - len(prefix.group(0)) if prefix else s


def _since_event(text: str, s: int) -> int | None:
    """Where "sinds de start van het onderzoek" begins, when it stands right before the date at ``s``."""
    m = _SINCE_EVENT.search(text, max(0, s - 60), s)
    return m.start() if m else None


def _combine(text: str, chosen, bounds) -> list[DateMatch]:
    """Apply "sinds X", "vanaf X tot Y" and "tot en met X" around the found expressions."""
    out: list[DateMatch] = []
    ref_hi = bounds[1] if bounds else None
    i = 0
    while i < len(chosen):
        s, e, t, r = chosen[i]
        if r is None:
            i += 1
            continue
        if r[0] == "anaphor":
            antecedent = next(
                (x for x in reversed(out) if not _COMPARED.search(text, max(0, x.start - 12), x.start)), None
            )
            iv = _anaphoric(r[1], antecedent.interval if antecedent else None)
            if iv is not None:
                out.append(DateMatch(s, e, iv))
            i += 1
            continue
        a, b, gran, rel, anchor, calendar = r
        before = text[max(0, s - 16) : s]
        joined = _month_range(text, chosen, i, before)
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        # "vanaf eind 2018 tot vorige maand"
        if i + 1 < len(chosen) and _PREFIX_FROM.search(before):
            s2, e2, t2, r2 = chosen[i + 1]
            between = text[e:s2]
            if r2 is not None and len(between) < 16 and _JOIN_UNTIL.search(between + " "):
                if r2[1] >= a:
                    ps = s - len(_PREFIX_FROM.search(before).group(0))
                    out.append(
                        DateMatch(ps, e2, DateInterval(a, r2[1], "period", text[ps:e2], rel or r2[3], "span"))
                    )
                    i += 2
                    continue
        m_since = _PREFIX_SINCE.search(before)
        m_until = _PREFIX_UNTIL.search(before)
        since_event = None
        if not m_since and (text[s:e].lower().startswith(("in ", "van ")) or _IN_OR_OF.search(before)):
            since_event = _since_event(text, s)  # "sinds de start van het onderzoek in 2021"
        if (m_since or since_event is not None) and ref_hi is not None and a <= ref_hi:
            ps = s - len(m_since.group(0)) if m_since else since_event
            out.append(DateMatch(ps, e, DateInterval(a, ref_hi, "period", text[ps:e], True, "span")))
        elif (
            m_until
            and gran in ("day", "month", "period")
            and not text[s:e].lower().startswith(("tot", "t/m"))
        ):
            # "tot en met 23 juni 2020": the year up to that day (a year-to-date total)
            ps = s - len(m_until.group(0))
            out.append(
                DateMatch(ps, e, DateInterval(date(b.year, 1, 1), b, "period", text[ps:e], rel, "span"))
            )
        else:
            out.append(DateMatch(s, e, DateInterval(a, b, gran, t, rel, anchor, calendar and gran == "day")))
        i += 1
    return out


def parse_date(text: str, published=None) -> DateInterval | None:
    """The first date expression in ``text`` resolved against ``published``; None when there is none.

    >>> parse_date("in de nacht van 2 op 3 april", "2021-06").end.isoformat()
    '2021-04-03'
    """
    found = find_dates(text, published)
    return found[0].interval if found else None


def year_to_date(interval: DateInterval) -> DateInterval:
    """A cumulative total "op 31 mei 2020" covers 1 January up to that day."""
    return replace(interval, start=date(interval.end.year, 1, 1), granularity="period", anchor="span")
