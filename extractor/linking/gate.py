"""Gate: which sentences state a seizure, which report police action, which are ruled out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .index import WORD, ArticleIndex, Sentence
from .params import alternation, cue, params
from .rules import Log, rule


@rule("gate.trigger")
def trigger(s: Sentence) -> bool:
    """A seizure word states a find: "De douane heeft 200 kilo cocaïne onderschept"."""
    return params().strong.found(s.lower, s.words)


@rule("gate.turned_out")
def turned_out(s: Sentence) -> bool:
    """What a check turned up is found: "Tijdens een controle bleek het voertuig volgeladen met vaten chemicaliën"."""
    p = params()
    return (
        bool(s.words & p.words["turned_out"])
        and p.action.found(s.lower, s.words)
        and not s.words & p.negation
    )


_NOT = frozenset({"niet", "nooit"})


@rule("gate.negated_trigger")
def negated_trigger(s: Sentence) -> bool:
    """A find word negated right before it states no find: "Er zou nog 300 kilo liggen die niet is gevonden"."""
    if not s.words & _NOT:
        return False  # no "niet" or "nooit": nothing negates (most sentences, read without a scan)
    strong = params().strong
    if strong.multi is not None and strong.multi.search(s.lower):
        return False  # "in beslag", "op zak te hebben": read as they stand
    words = WORD.findall(s.lower)
    hits = [k for k, w in enumerate(words) if w in strong.single or w.startswith(strong.prefixes)]
    return bool(hits) and all(_NOT & set(words[max(0, k - 2) : k]) for k in hits)


@rule("gate.find_compound")
def find_compound(ix: ArticleIndex, s: Sentence) -> bool:
    """A drug word compounded with a seizure word states a find: "Opnieuw drugsvondst in Vlissingen"."""
    finds = find_nouns()
    return any(m.text.lower().endswith(finds) for m in ix.at("drugs", s.index))


@cache
def find_nouns() -> tuple[str, ...]:
    """The compound endings that are seizure words ("vondst", "vangst")."""
    p = params()
    return tuple(w for w in p.suffixes if w in p.strong.single)


@rule("gate.separable_trigger")
def separable_trigger(s: Sentence) -> bool:
    """A separable verb with its particle: "De speurhond sloeg zondag aan op de lading"."""
    return _separable(s, params().particles)


def _separable(s: Sentence, particles: dict) -> bool:
    """The sentence holds one of the verbs with its particle."""
    return any(particles[w] in s.words for w in s.words & particles.keys())


@rule("gate.takes_place_is_not_a_find")
def takes_place(s: Sentence) -> bool:
    """ "plaats" after "vonden" is an event taking place: "Er vonden invallen plaats in Tilburg"."""
    w = params().words
    return bool(s.words & w["takes_place"]) and not (s.words & w["find_participles"])


@rule("gate.ruled_out")
def ruled_out(s: Sentence, swallowed: bool, caught: bool) -> bool:
    """Use, trade, production, prices, ratios or sentences rule a sentence out: "Hij werd veroordeeld voor 5 kilo".

    ``swallowed`` and ``caught`` are ``swallowed_to_smuggle(s)`` and ``caught_carrying(s)``, read once by ``gate``.
    """
    w = params().words
    words = s.words - w["swallowing"] if swallowed else s.words
    words = words - w["carrying"] if caught else words
    hard = params().hard_negative.found(s.lower, words)
    return hard and not (relative_find(s) or changed_to_figure(s) or negative_in_relative(s))


@rule("gate.caught_carrying")
def caught_carrying(s: Sentence) -> bool:
    """Drugs someone was caught carrying were intercepted: "Ze werden betrapt terwijl ze twee kilo cannabis vervoerden"."""
    w = params().words
    return bool(s.words & w["carrying"]) and cue("caught").found(s.lower, s.words)


def _hits(cue_, low: str) -> list[int]:
    """Where the words and phrases of a cue list stand in the lower-cased text."""
    out = [m.start() for m in WORD.finditer(low) if m.group() in cue_.single]
    return out + ([m.start() for m in cue_.multi.finditer(low)] if cue_.multi else [])


@cache
def _relative_pronoun() -> re.Pattern:
    """A relative pronoun; not "dat", which also opens "vindt het normaal dat"."""
    return re.compile(rf"(?<!\w)(?:{alternation(params().words['relative_pronouns'])})(?!\w)")


@rule("gate.negative_in_relative")
def negative_in_relative(s: Sentence) -> bool:
    """Use or trade said only of what was found, in a relative clause after the find, leaves the find: "In een kelder werden chemicaliën gevonden die gebruikt kunnen worden voor de productie van xtc"."""
    p, low = params(), s.lower
    finds = _hits(p.strong, low)
    if not finds:
        return False
    rel = _relative_pronoun().search(low, min(finds))
    hits = _hits(p.hard_negative, low)
    return rel is not None and bool(hits) and min(hits) > rel.start()


@rule("gate.trailing_negative")
def trailing_negative(ix: ArticleIndex, s: Sentence) -> bool:
    """Use or trade named only in a clause after every figure leaves the figures: "Goed voor 2.574 kilo, waarvan 382 kilo cocaïne, van de rest werden kleinere hoeveelheden gesmokkeld"."""
    figures = ix.quantities(s.index)
    if not figures:
        return False
    low = s.lower
    hits = _hits(params().hard_negative, low)
    last = figures[-1].end - s.start
    return bool(hits) and min(hits) > last and bool(re.search(r"[,;]", low[last : min(hits)]))


@rule("gate.swallowed_to_smuggle")
def swallowed_to_smuggle(s: Sentence) -> bool:
    """Drugs swallowed by someone arrested are smuggled, not used: "Ze werd op Schiphol aangehouden omdat ze bolletjes had geslikt"."""
    if not s.words & params().words["swallowing"]:
        return False
    return params().action.found(s.lower, s.words) or any("bolletje" in w for w in s.words)


_CHANGED_TO = re.compile(
    r"(?<!\w)(?:naar|tot)\s+(?:(?:ruim|bijna|meer\s+dan|zo'n|ongeveer|circa)\s+)?\d[\d.,]*\s*(?:kilo|kg|ton|gram|liter)(?!\w)"
)


@rule("gate.changed_to_figure")
def changed_to_figure(s: Sentence) -> bool:
    """A percentage of change keeps the figure it led to: "De onderschepte hoeveelheid steeg met 40 procent naar 89 ton"."""
    hard = params().hard_negative
    only_ratio = s.words & hard.single <= {"procent"} and not (hard.multi and hard.multi.search(s.lower))
    return only_ratio and bool(_CHANGED_TO.search(s.lower))


_RELATIVE = re.compile(r"(?<!\w)(?:die|dat|welke)\s+([^,;:()]{1,90})")


@rule("gate.relative_find")
def relative_find(s: Sentence) -> bool:
    """A relative clause that states the find keeps it: "veroordeeld voor de invoer van 800 kilo cocaïne die in Vlissingen werd onderschept"."""
    p = params()
    found = p.words["find_participles"]  # a find verb, not a raid ("die bij een inval werden aangehouden")
    for m in _RELATIVE.finditer(s.lower):
        clause = m.group(1)
        words = frozenset(WORD.findall(clause))
        if (words & found or "in beslag" in clause) and not p.hard_negative.found(clause, words):
            return True
    return False


@rule("gate.police_action")
def police_action(s: Sentence, out: bool):
    """Police action makes what is found after it a seizure: "Na een achtervolging werd hij aangehouden".

    Returns the rule that found it (this one or ``separable_action``), None when there is none.
    """
    if out:
        return None
    if params().action.found(s.lower, s.words):
        return police_action
    return separable_action if separable_action(s) else None


@rule("gate.separable_action")
def separable_action(s: Sentence) -> bool:
    """A separable verb of police action with its particle: "Agenten hielden de bestelbus bij Venlo aan"."""
    return _separable(s, params().action_particles)


@rule("gate.link_line")
def link_line(ix: ArticleIndex, log: Log) -> None:
    """A line linking to another article reports other seizures: "LEES OOK. Douane vindt 3 ton"."""
    for s, e in ix.links_elsewhere:
        log.note(link_line, ix.text[s:e])


def has_trigger(s: Sentence) -> bool:
    """The sentence states a find (a trigger word or a separable verb), not an event taking place."""
    return (trigger(s) or separable_trigger(s)) and not takes_place(s)


@dataclass(frozen=True)
class Gate:
    trigger: tuple[bool, ...]  # per sentence: states a seizure and nothing rules it out
    action: tuple[bool, ...]  # per sentence: police action
    out: tuple[bool, ...]  # per sentence: ruled out (use, trade, courts, ratios...)
    first: int | None  # the first sentence with either; None: the article states no seizure


def gate(ix: ArticleIndex, log: Log) -> Gate:
    """Per-sentence trigger and action flags; the sentences ruled out are noted in the log."""
    link_line(ix, log)
    trig, action, outs = [], [], []
    for s in ix.sentences:
        said = trigger(s)
        if not said and turned_out(s):
            log.note(turned_out, s.text)
            said = True
        word, particle = said or find_compound(ix, s), separable_trigger(s)
        if word and not particle and negated_trigger(s):
            log.note(negated_trigger, s.text)
            word = False
        found = (word or particle) and not takes_place(s)
        swallowed, caught = swallowed_to_smuggle(s), caught_carrying(s)
        out = ruled_out(s, swallowed, caught)
        if out and trailing_negative(ix, s):
            log.note(trailing_negative, s.text)
            out = False
        if not out and swallowed:
            log.note(swallowed_to_smuggle, s.text)
        if not out and caught:
            log.note(caught_carrying, s.text)
        if found and out:
            log.note(ruled_out, s.text)
        elif found:
            log.note((trigger if said else find_compound) if word else separable_trigger, s.text)
            if params().hard_negative.found(s.lower, s.words):  # kept by its relative clause or figure
                why = next(
                    (f for f in (relative_find, changed_to_figure, negative_in_relative) if f(s)), None
                )
                if why is not None:
                    log.note(why, s.text)
        elif word or particle:
            log.note(takes_place, s.text)
        acted = police_action(s, out)
        trig.append(found and not out)
        action.append(acted is not None)
        outs.append(out)
        if acted is not None and not trig[-1]:
            log.note(acted, s.text)
    first = next((i for i, (t, a) in enumerate(zip(trig, action, strict=True)) if t or a), None)
    return Gate(tuple(trig), tuple(action), tuple(outs), first)
