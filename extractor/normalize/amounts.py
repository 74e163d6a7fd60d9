"""Dutch quantities and money: "bijna 54,5 ton" -> 54500 kg, "1,4 miljard euro" -> 1.4e9 EUR.

``find_amounts(text)`` scans a text once (linear time) and returns every amount with
its character offsets; ``parse_amount(text)`` returns the first. No spaCy here: the
amounts component only maps these offsets onto spans.

What is *not* an amount: a number without a unit ("2,5 keer", "49 jaar", "2020",
"14.30 uur"), a rate ("800 milligram per 1.000 inwoners"), a vague plural
("honderden kilo's", "tonnen"), a bare multiplier without currency or money context
("7,5 miljard").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from ..lexicon import drug_stems
from ..resources import load_json
from ..schema import Amount
from .numbers import parse_digits, parse_multiplier, parse_number_word
from .tokens import Tok, tokenize

_LOWER = itemgetter(3)  # Tok.lower
_GROUP_SEPARATORS = (" ", "\u00a0", "\u202f", "'", "’")
_RANGE_WORDS = {"tot", "à", "a", "-", "–", "—", "tot/met"}
_MONEY_TON = 100_000.0  # "acht ton cash": in a money context a "ton" is 100,000 euro
# "een straatwaarde van een kleine vier ton": a value right before the number makes "ton" money
_VALUE_BEFORE = re.compile(
    r"(?:waarde|goed\s+voor|geschat\s+op|waard)\s+(?:van\s+)?(?:[^\W\d][\w'’]*\s+){0,2}$", re.IGNORECASE
)


@dataclass(frozen=True)
class AmountMatch:
    start: int
    end: int
    amount: Amount


@lru_cache(maxsize=1)
def _lexicon():
    data = load_json("amounts.json")
    approx = sorted((tuple(t.lower for t in tokenize(q)) for q in data["approximate"]), key=len, reverse=True)
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in approx:
        by_last.setdefault(phrase[-1], []).append(phrase)
    return {
        "units": data["units"],
        "approx": by_last,
        "money_context": tuple(data["money_context"]),
        "money_after": {w for w in data["money_after"] if " " not in w},
        "counted": data["counted_numbers"],
        "currency_prefix": set(data["currency_prefixes"]),
        "packages": frozenset(data["packages"]),
        "each": frozenset(data["each"]),
        "not_contents": frozenset(data["not_contents"]),
        "occasion_blockers": frozenset(data["occasion_blockers"]),
        "single_count_words": frozenset(data["single_count_words"]),
        "consignments": frozenset(data["consignments"]),
        "some": frozenset(data["vague_multiples"]["some"]),
        "some_of": frozenset(data["vague_multiples"]["of"]),
        "about_one": {w: frozenset(units) for w, units in data["about_one"].items() if w != "_comment"},
    }


@dataclass
class _Num:
    value: float
    start: int  # token index of first token
    end: int  # token index after the last token
    approximate: bool = False
    has_multiplier: bool = False


def _read_number(text: str, toks: list[Tok], i: int) -> _Num | None:
    """Read a number (digits, words, fractions, with a multiplier) starting at token i."""
    n = len(toks)
    lex = _lexicon()
    t = toks[i].lower
    value: float | None = None
    j = i + 1
    approx = False
    if t[0].isdigit():
        if i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].text[-1:].isdigit():
            return None
        value = parse_digits(toks[i].text)
        if value is None:
            return None
        # thousands separated by a space or apostrophe: "1 353,18", "12'500"
        first_len = len(toks[i].text)
        while (
            first_len <= 3
            and "," not in toks[j - 1].text
            and j < n
            and toks[j].text[:3].isdigit()
            and (len(toks[j].text) == 3 or (len(toks[j].text) > 4 and toks[j].text[3] == ","))
            and toks[j].start - toks[j - 1].end == 1
            and text[toks[j - 1].end] in _GROUP_SEPARATORS
            and "." not in toks[j].text
        ):
            v2 = parse_digits(toks[j].text)
            if v2 is None:
                break
            value = value * 1000 + v2
            j += 1
            first_len = 0  # further groups are always three digits
        # Flemish "een 200-tal planten": about 200
        if (
            j + 1 < n
            and toks[j].text == "-"
            and toks[j + 1].lower == "tal"
            and toks[j].start == toks[j - 1].end
        ):
            approx, j = True, j + 2
    elif t in ("een", "één") and j < n and toks[j].lower in ("half", "halve"):
        value, j = 0.5, j + 1
    elif t in lex["about_one"] and j < n and toks[j].lower in lex["about_one"][t]:
        value, approx = 1.0, True  # "zo'n kilo": about one kilo (not "zo'n kilo's", many)
    elif t in lex["counted"]:
        value, approx = float(lex["counted"][t]), True
    elif t in ("een", "één") and j < n and toks[j].lower in lex["counted"]:
        value, approx, j = float(lex["counted"][toks[j].lower]), True, j + 1
    else:
        value = parse_number_word(t)
        if value is None:
            return None
        if j < n and toks[j].lower == "kwart" and value in (1, 3):  # "drie kwart kilo" is driekwart
            value, j = value / 4, j + 1
        # "vierduizend vijfhonderd": a number written as two words, the second smaller
        if j < n and value >= 100 and toks[j].lower not in ("een", "één"):
            nxt = parse_number_word(toks[j].lower)
            if nxt is not None and nxt < value and nxt >= 1 and float(nxt).is_integer():
                value += nxt
                j += 1
    has_mult = False
    if j < n:
        m = parse_multiplier(toks[j].text)
        if m is not None:
            value *= m
            has_mult = True
            j += 1
            if j < n and toks[j].text == "." and toks[j - 1].lower in ("mln", "mld", "mrd", "mio"):
                j += 1
    return _Num(value, i, j, approx, has_mult)


@lru_cache(maxsize=65536)
def may_start_number(word: str) -> bool:
    """Can this word begin a number ("een", "anderhalf", "tiental", "achthonderd")?"""
    lex = _lexicon()
    return word in ("een", "één") or word in lex["counted"] or parse_number_word(word) is not None


@lru_cache(maxsize=65536)
def _may_start(word: str) -> bool:
    """Can a token begin anything ``find_amounts`` reads: a number, a currency sign, "tussen" (a
    range), "van" (a change) or "respectievelijk" (a list)?"""
    if word[0].isdigit() or word in ("respectievelijk", "van", "tussen"):
        return True
    return (
        word in _lexicon()["currency_prefix"]
        or word in _lexicon()["about_one"]
        or (word.isalpha() and may_start_number(word))
    )


def _unit_at(toks: list[Tok], j: int):
    if j >= len(toks):
        return None
    word = toks[j].lower.replace("’", "'")  # "kilo’s"
    return _lexicon()["units"].get(word) or _compound_unit(word)


@lru_cache(maxsize=4096)
def _compound_unit(word: str):
    """A drug word compounded with a counted unit counts in that unit: "cocaïnebolletjes",
    "marihuanaplanten", "hasj-blokken" (drug stems from ``drugs.json``)."""
    m = _compound_units().fullmatch(word)
    return _lexicon()["units"].get(m.group(1), _COUNTED) if m else None


_COUNTED = {"unit": "units", "factor": 1.0, "q": "dimensionless"}  # "lsd-trips": counted, a head of its own


@lru_cache(maxsize=1)
def _compound_units() -> re.Pattern:
    heads = load_json("amounts.json")["compound_heads"]
    stems = drug_stems()

    def alt(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(rf"(?:{alt(stems)})-?({alt(heads)})")


def _approx_before(toks: list[Tok], i: int) -> int | None:
    """Token index where an approximating qualifier ending right before token i starts."""
    if i == 0:
        return None
    for phrase in _lexicon()["approx"].get(toks[i - 1].lower, ()):
        k = len(phrase)
        if i - k < 0:
            continue
        if all(toks[i - k + x].lower == phrase[x] for x in range(k)):
            return i - k
    # "zo'n" is often tokenised as "zo" + "'n"
    if i >= 2 and toks[i - 2].lower == "zo" and toks[i - 1].lower in ("'n", "’n", "'", "’"):
        return i - 2
    if i >= 3 and toks[i - 3].lower == "zo" and toks[i - 2].text in ("'", "’") and toks[i - 1].lower == "n":
        return i - 3
    return None


def _money_context(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start].lower()
    return any(w in window for w in _lexicon()["money_context"])


def _exact(value: float) -> float:
    """Drop the binary noise of a unit conversion: 0.3 l, not 0.30000000000000004."""
    return round(value, 9)


def find_amounts(text: str) -> list[AmountMatch]:
    """Every amount in ``text`` with its offsets, in order.

    >>> [m.amount.value for m in find_amounts("Dit jaar is al bijna 54,5 ton gevonden")]
    [54500.0]
    """
    if not text:
        return []
    toks = tokenize(text)
    out: list[AmountMatch] = []
    n = len(toks)
    some, some_of = _lexicon()["some"], _lexicon()["some_of"]
    # the tokens that can begin something, found by C functions mapped over all of them: most
    # words begin nothing and are never visited
    openers = list(compress(count(), map(_may_start, map(_LOWER, toks))))
    i = k = 0
    while True:
        k = bisect.bisect_left(openers, i, k)
        if k == len(openers):
            break
        i = openers[k]
        if toks[i].lower == "respectievelijk" and i + 1 < n:
            listed = _respectively(text, toks, i + 1)
            if listed:
                matches, i = listed
                out.extend(matches)
                continue
        if toks[i].text[0].isdigit() and "tussen" not in (t.lower for t in toks[max(0, i - 2) : i]):
            listed = _respectively(text, toks, i, need_and=True)
            if listed:  # "60 en 30 kilo", "40, 25 en 80 kilo": each number in the unit at the end
                matches, i = listed
                out.extend(matches)
                continue
        if toks[i].lower == "van" and i + 3 < n:
            changed = _change(text, toks, i + 1)
            if changed:  # "van 4.000 naar 40.000 kilo": two figures, both in the unit at the end
                matches, i = changed
                out.extend(matches)
                continue
        if i > 0 and toks[i].lower in some_of and toks[i - 1].lower in some:
            i += 1  # "een paar honderd gram", "enkele duizenden planten": a vague quantity, no figure
            continue
        m = _match_at(text, toks, i)
        if m is None:
            i += 1
            continue
        match, i = m
        out.append(match)
    return _unit_weights(text, toks, out)


def _unit_weights(text: str, toks: list[Tok], found: list[AmountMatch]) -> list[AmountMatch]:
    """ "zestien pakken van (elk) één kilo": the count times the unit weight, as one amount (16 kg).

    Only weights multiply: "drie vaten van 200 liter" states a capacity, which stays as it is.
    """
    lex, out = _lexicon(), []
    starts = [t.start for t in toks]
    for m in found:
        t = bisect.bisect_left(starts, m.start)
        combined = _count_before(text, toks, t, lex) if m.amount.unit == "kg" and m.amount.value else None
        if combined is None:
            out.append(m)
            continue
        num, first = combined
        start, approx = toks[first].start, num.approximate or m.amount.approximate
        while out and out[-1].end > start:  # "zo'n 80 blokken" read as a count of its own
            count = out.pop()
            start, approx = min(start, count.start), approx or count.amount.approximate
        value = _exact(num.value * m.amount.value)
        out.append(AmountMatch(start, m.end, Amount(value, "kg", approx, text[start : m.end])))
    return out


def _count_before(text: str, toks: list[Tok], t: int, lex) -> tuple[_Num, int] | None:
    """(the count, its first token) of "<count> <packages> [<what>] van [elk]" ending right before
    token ``t``: "twintig pakken van elk een kilo", "zes blokken hasj van een kilo", "vier pakketten met
    elk 250 gram"."""
    j = t - 1
    each = j >= 0 and toks[j].lower in lex["each"]
    if each:
        j -= 1
    if j < 1 or not (toks[j].lower == "van" or (each and toks[j].lower == "met")):
        return None  # "van een kilo", "van elk", "met elk"; "met een kilo" is what they held together
    noun = j - 1
    if toks[noun].lower not in lex["packages"] and noun >= 1 and toks[noun].lower.isalpha():
        if toks[noun].lower in lex["not_contents"]:
            return None
        noun -= 1  # the contents named between: "blokken hasj van"
    if toks[noun].lower not in lex["packages"]:
        return None
    for k in (noun - 1, noun - 2, noun - 3):
        if k >= 0:
            num = _read_number(text, toks, k)
            if num is not None and num.end == noun and num.value and num.value > 1:
                return num, (_approx_before(toks, k) or k)
    return None


def _number_after(text: str, toks: list[Tok], k: int) -> tuple[_Num, int] | None:
    """(the number, its first token with its qualifier) at token ``k``, after at most two qualifier words."""
    for x in range(k, min(k + 3, len(toks))):
        num = _read_number(text, toks, x)
        if num is not None and (x == k or _approx_before(toks, x) == k):
            return num, k
    return None


def _change(text: str, toks: list[Tok], k: int):
    """ "(steeg) van ongeveer 4.000 naar bijna 40.000 kilo": the figure before and after a change,
    the first in the unit of the second. A figure with its own unit is read as usual."""
    first = _number_after(text, toks, k)
    if first is None or first[0].end >= len(toks) or toks[first[0].end].lower != "naar":
        return None
    num, start = first
    if _unit_at(toks, num.end) is not None:
        return None
    second = _number_after(text, toks, num.end + 1)
    if second is None:
        return None
    m = _match_at(text, toks, second[0].start)
    if m is None or m[0].amount.is_money or m[0].amount.value is None:
        return None
    match, nxt = m
    factor = _unit_factor(toks, second[0].end)
    approx = num.approximate or start != num.start
    before = Amount(
        _exact(num.value * factor), match.amount.unit, approx, text[toks[start].start : toks[num.end - 1].end]
    )
    return [AmountMatch(toks[start].start, toks[num.end - 1].end, before), match], nxt


def _unit_factor(toks: list[Tok], j: int) -> float:
    unit = _unit_at(toks, j)
    return float(unit["factor"]) if unit else 1.0


def _respectively(text: str, toks: list[Tok], i: int, need_and: bool = False):
    """ "respectievelijk 5 en 7 kilo": one amount per number, all in the unit at the end.

    With ``need_and`` (a list without "respectievelijk"), the last two numbers must be joined by "en".
    """
    nums: list[_Num] = []
    seps: list[str] = []
    j = i
    while j < len(toks) and len(nums) < 12:
        num = _read_number(text, toks, j)
        if num is None:
            return None
        nums.append(num)
        j = num.end
        if j < len(toks) and toks[j].lower in (",", "en"):
            seps.append(toks[j].lower)
            j += 1
            continue
        break
    unit = _unit_at(toks, j)
    if len(nums) < 2 or unit is None or unit["unit"] in ("EUR", "USD"):
        return None
    if need_and and (
        seps[len(nums) - 2] != "en" or unit["unit"] not in ("kg", "l", "pills", "plants", "units")
    ):
        return None
    factor = float(unit["factor"])
    matches = [
        AmountMatch(
            toks[x.start].start,
            toks[x.end - 1].end,
            Amount(
                _exact(x.value * factor),
                unit["unit"],
                x.approximate,
                text[toks[x.start].start : toks[x.end - 1].end],
            ),
        )
        for x in nums
    ]
    return matches, j + 1


def _match_at(text: str, toks: list[Tok], i: int):
    n = len(toks)
    lex = _lexicon()
    t = toks[i].lower
    currency_prefix = None
    first = i
    if t in lex["currency_prefix"] and i + 1 < n:
        currency_prefix = lex["units"][t]
        i += 1
        t = toks[i].lower
    # "tussen (de) 5 en 10 kilo"
    between = False
    if t == "tussen" and i + 1 < n:
        between = True
        i += 1
        if toks[i].lower == "de" and i + 1 < n:
            i += 1
    if not (t[0].isdigit() or between or t in lex["about_one"] or (t.isalpha() and may_start_number(t))):
        return None
    num = _read_number(text, toks, i)
    if num is None:
        return None
    j = num.end
    low = high = None
    # ranges: "5 à 10 kilo", "5 tot 10 kilo", "5-10 kilo", "tussen 5 en 10 kilo"
    if j + 1 < n and (toks[j].lower in _RANGE_WORDS or (between and toks[j].lower == "en")):
        if toks[j].lower == "tot" and j + 2 < n and toks[j + 1].lower == "en" and toks[j + 2].lower == "met":
            pass
        else:
            k = j + 1
            if toks[j].lower == "tot" and toks[k].lower == "wel" and k + 1 < n:
                k += 1
            second = _read_number(text, toks, k)
            if second is not None:
                lo, hi = num.value, second.value
                if second.has_multiplier and not num.has_multiplier and lo < hi:
                    lo = lo * (hi / _strip_mult(toks, second))
                if lo <= hi:
                    low, high = lo, hi
                    j = second.end
                    num = _Num(hi, num.start, second.end, num.approximate, second.has_multiplier)
    elif between:
        return None
    unit = _unit_at(toks, j)
    if unit is None and currency_prefix is None:
        # a bare multiplier is money only where the context says so: "een straatwaarde van 7,5 miljard"
        if num.has_multiplier and _money_context(text, toks[num.start].start):
            unit = lex["units"]["euro"]
            j -= 1  # no unit token consumed
        else:
            return None
    if currency_prefix is not None:
        if unit is not None and unit["unit"] in ("EUR", "USD"):
            j += 1  # "€ 5 miljoen euro": consume the doubled currency
        unit = currency_prefix
        j -= 1
    if unit is None:
        return None
    unit_tok = toks[j] if j < n else toks[-1]
    # "een kilo of tien": about ten kilos
    if (
        toks[num.start].lower in ("een", "één")
        and num.end == num.start + 1
        and j + 2 < n
        and toks[j + 1].lower == "of"
    ):
        about = _read_number(text, toks, j + 2)
        if about is not None and about.value > 1 and not about.has_multiplier:
            num = _Num(about.value, num.start, about.end, True, False)
            j = about.end - 1
    single = (
        toks[num.start].lower in lex["single_count_words"] and not num.has_multiplier
    )  # "een miljoen pillen" counts
    if unit["unit"] in ("pills", "plants") and single:
        return None  # "een tablet en een laptop", "een plant": a thing, not a count of pills or plants
    # "9.000 keer drugs" counts finds; "2,5 keer zoveel", "drie keer per week" do not
    if unit_tok.lower == "keer":
        nxt = toks[j + 1].lower if j + 1 < n else ""
        if num.value != int(num.value) or nxt in lex["occasion_blockers"] or low is not None:
            return None
    # "8.000 zendingen met drugs" counts consignments; "drie zendingen van 10, 15 en 20 kilo" names finds
    if unit_tok.lower in lex["consignments"] and (j + 1 >= n or toks[j + 1].lower != "met"):
        return None
    canonical, factor = unit["unit"], float(unit["factor"])
    end_tok = j
    # "een ton" is money where money is the context: "acht ton cash", "een ton aan contanten"
    if unit_tok.lower in ("ton", "tonnen") and currency_prefix is None:
        nxt = toks[j + 1].lower if j + 1 < n else ""
        nxt2 = toks[j + 2].lower if j + 2 < n else ""
        valued = _VALUE_BEFORE.search(text, max(0, toks[num.start].start - 40), toks[num.start].start)
        if (
            nxt in lex["money_after"]
            or (nxt == "aan" and nxt2 in lex["money_after"])
            or nxt == "euro"
            or valued
        ):
            canonical, factor = "EUR", _MONEY_TON
            if nxt == "euro":
                end_tok = j + 1
    # "een" alone is a number only before a unit; "een kilo" = 1 kg but "een" + noun is not an amount
    value = _exact(num.value * factor)
    low = _exact(low * factor) if low is not None else None
    high = _exact(high * factor) if high is not None else None
    # "5 ton en 438 kilo"
    if canonical == "kg" and low is None and end_tok + 2 < n and toks[end_tok + 1].lower == "en":
        second = _read_number(text, toks, end_tok + 2)
        if second is not None:
            u2 = _unit_at(toks, second.end)
            if u2 and u2["unit"] == "kg" and float(u2["factor"]) < factor:
                value += second.value * float(u2["factor"])
                end_tok = second.end
    # a rate or a price is not a quantity: "800 milligram per 1.000 inwoners", "€ 40 per gram"
    if end_tok + 1 < n and toks[end_tok + 1].lower in ("per", "/"):
        other = _unit_at(toks, end_tok + 2) if toks[end_tok + 1].lower == "/" else None
        if not (canonical == "l" and other and other["unit"] == "kg"):  # "mg/l" is a concentration
            return None
        end_tok += 2  # "5000 liter/kilo": a volume or a weight, the text cannot say which
    start_tok = first
    q = _approx_before(toks, first)
    approximate = num.approximate
    if q is not None:
        approximate = True
        start_tok = q
    elif first > 0 and toks[first - 1].lower in ("een", "één") and toks[first].lower in lex["counted"]:
        start_tok = first - 1
    start, end = toks[start_tok].start, toks[end_tok].end
    if low is not None:
        amount = Amount(None, canonical, approximate, text[start:end], low=low, high=high)
    else:
        amount = Amount(value, canonical, approximate, text[start:end])
    return AmountMatch(start, end, amount), end_tok + 1


def _strip_mult(toks: list[Tok], num: _Num) -> float:
    """The value of ``num`` without its multiplier ("6 miljoen" -> 6)."""
    v = parse_digits(toks[num.start].text)
    if v is None:
        v = parse_number_word(toks[num.start].text) or 1.0
    return v or 1.0


def parse_amount(text: str) -> Amount | None:
    """The first amount in ``text``, normalised; None when there is none.

    >>> parse_amount("goed voor een straatwaarde van bijna 1,4 miljard euro").value
    1400000000.0
    """
    if not isinstance(text, str):
        return None
    found = find_amounts(text)
    return found[0].amount if found else None
