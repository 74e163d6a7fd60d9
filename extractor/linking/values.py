"""Values: a street value in euro goes to the find it prices."""

from __future__ import annotations

import bisect
import re
from functools import cache

from .anchor import Drugs
from .index import ArticleIndex, Mention, Sentence
from .params import alternation, params
from .rules import Candidate, Log, rule


@cache
def _worth_of() -> re.Pattern:
    adjectives = alternation(params().words["worth_of_adjectives"])
    return re.compile(rf"\s+aan\s+(?:(?:{adjectives})\s+)?", re.IGNORECASE)


@rule("value.street_value_cue")
def value_cue(ix: ArticleIndex, a: Mention) -> bool:
    """A sum after a value word is a street value: "met een straatwaarde van 16 miljoen euro"."""
    window = ix.tail(a.start, params().scopes["value_cue_words"]).lower()
    return any(k in window for k in params().value_cues)


_VALUE_SUBJECT = re.compile(  # the sum's own qualifier ("zo'n", "ruim") is part of the amount already
    r"(?<!\w)(?:straat|handels|markt|totale\s+|geschatte\s+)?waarde\s+van\s+(?:de|het|deze|die|dit|dat|alle)\s[^.;:]{0,60}?"
    r"(?<!\w)(?:bedraagt|bedroeg|is|was|ligt\s+op|lag\s+op|komt\s+op|kwam\s+op)\s+$",
    re.IGNORECASE,
)


@rule("value.value_subject")
def value_subject(ix: ArticleIndex, a: Mention) -> bool:
    """A sum the value of a find amounts to: "De totale waarde van de in beslag genomen hasj bedraagt 2,5 miljoen euro"."""
    s = ix.sentence_at(a.start)
    return s is not None and _VALUE_SUBJECT.search(ix.text, s.start, a.start) is not None


@rule("value.other_goods")
def other_goods(ix: ArticleIndex, a: Mention) -> bool:
    """A value given for goods that are not drugs is no street value: "twee auto's ter waarde van 80.000 euro".

    Also in apposition: "De auto, ter waarde van 60.000 euro, werd ook in beslag genomen".
    """
    lo = a.start - len(ix.tail(a.start, params().scopes["value_cue_words"] + 4))
    s = ix.sentence_at(a.start)
    if (
        s is not None
    ):  # only the words after the last drug or quantity: "in de auto 3 kilo heroïne ter waarde van"
        ends = [m.end for m in (*ix.at("drugs", s.index), *ix.quantities(s.index)) if m.end <= a.start]
        lo = max([lo, *ends])
    window = ix.text[lo : a.start]
    cut = max(window.rfind(","), window.rfind(";"))
    words = {w.lower() for w in re.findall(r"[^\W\d]+(?:'s)?", window[cut + 1 :])}
    head = re.findall(r"[^\W\d]+(?:'s)?", window[:cut]) if cut >= 0 else []
    if head:  # "De auto, ter waarde van 60.000 euro": the goods the apposition follows
        words.add(head[-1].lower())
    return "straatwaarde" not in words and bool(words & params().words["valued_goods"])


@rule("value.worth_after")
def worth_after(ix: ArticleIndex, a: Mention) -> bool:
    """A sum followed by "waard" is what the find is worth: "De lading zou zo'n 72 miljoen euro waard zijn"."""
    return bool(re.match(r"\s+(?:\w+\s+)?waard\b", ix.text[a.end : a.end + 20], re.IGNORECASE))


@rule("value.in_brackets")
def in_brackets(ix: ArticleIndex, a: Mention) -> bool:
    """A sum in brackets right after a find prices it: "300 kilo hasj (2 miljoen euro) en 50 kilo coke (3 miljoen euro)"."""
    before = re.search(r"\(\s*$", ix.text[max(0, a.start - 4) : a.start])  # "ruim" is part of the amount
    if before is None or not re.match(r"\s*\)", ix.text[a.end : a.end + 3]):
        return False
    s = ix.sentence_at(a.start)
    opening = a.start - len(before.group(0))
    found = [m.end for m in (*ix.at("drugs", s.index), *ix.quantities(s.index))] if s is not None else []
    return any(0 <= opening - end <= 2 for end in found)


@rule("value.worth_of_drugs")
def worth_of_drugs(ix: ArticleIndex, a: Mention, drugs: Drugs) -> bool:
    """ "voor X euro aan drugs" prices the find: "Ze vonden voor 2,7 miljoen euro aan cocaïne"."""
    worth = _worth_of().match(ix.text, a.end)
    s = ix.sentence_at(a.start)
    return (
        worth is not None
        and s is not None
        and any(d.start == worth.end() for d in drugs.by_sentence[s.index])
    )


@rule("value.same_sentence")
def same_sentence(cands: list[Candidate], in_sentence: list[int], a: Mention) -> int:
    """The value goes to the find of its sentence it follows: "Er lag 2 ton coke, goed voor 80 miljoen euro"."""
    prev = [i for i in in_sentence if cands[i].anchor <= a.start]
    return prev[-1] if prev else in_sentence[0]


@rule("value.earlier_event")
def earlier_event(cands: list[Candidate], anchors: list[int], a: Mention) -> int | None:
    """No find in its sentence: the one before: "Er lag 2 ton coke. De straatwaarde is 80 miljoen euro"."""
    i = bisect.bisect_left(anchors, a.start) - 1
    return i if i >= 0 else None


@rule("value.named_drug")
def named_drug(cands: list[Candidate], anchors: list[int], a: Mention, named: set[str]) -> int | None:
    """No find in its sentence but a drug named: that drug's last find: "... en 40 kilo hasj. De hasj is 200.000 euro waard"."""
    i = bisect.bisect_left(anchors, a.start) - 1
    while i >= 0 and cands[i].drug not in named:
        i -= 1
    return i if i >= 0 else None


@rule("value.named_drug_next")
def named_drug_next(
    cands: list[Candidate], anchors: list[int], a: Mention, named: set[str], s: Sentence
) -> int | None:
    """A value of a named drug before its find: "De waarde van de hasj is 2 miljoen euro. Het ging om 500 kilo hasj"."""
    i = bisect.bisect_left(anchors, a.start)
    while i < len(cands) and cands[i].sent.index <= s.index + 1:
        if cands[i].drug in named and cands[i].sent.index == s.index + 1:
            return i
        i += 1
    return None


def attach_values(ix: ArticleIndex, cands: list[Candidate], drugs: Drugs, log: Log) -> list[Candidate]:
    """The candidates (sorted by anchor) with the street values the text gives them."""
    out = list(cands)
    anchors = [c.anchor for c in out]
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        by_sentence.setdefault(c.sent.index, []).append(i)
    for a in ix.mentions["amounts"]:
        if not a.value.is_money or a.value.unit != "EUR" or a.value.value is None:
            continue
        cue = next((f for f in (value_cue, worth_after, in_brackets, value_subject) if f(ix, a)), None)
        cue = cue or (worth_of_drugs if worth_of_drugs(ix, a, drugs) else None)
        s = ix.sentence_at(a.start)
        if cue is None or s is None:
            continue
        if cue is not worth_of_drugs and other_goods(ix, a):
            log.note(other_goods, a.text)
            continue
        log.note(cue, a.text)
        here = by_sentence.get(s.index)
        named = {d.value for d in drugs.by_sentence[s.index]} - set(params().generic)
        if here:
            how, i = same_sentence, same_sentence(out, here, a)
        else:
            how, i = named_drug, (named_drug(out, anchors, a, named) if named else None)
            if i is None and named:
                how, i = named_drug_next, named_drug_next(out, anchors, a, named, s)
            if i is None:
                how, i = earlier_event, earlier_event(out, anchors, a)
        if i is not None and out[i].value_eur is None:
            out[i] = out[i].decide("value_eur", how, a.text, value_eur=a.value.value)
    return out
