"""One scan for many patterns (``normalize/scan.py``): the same matches as scanning with each pattern."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractor.io import read_records
from extractor.normalize import dates
from extractor.normalize.scan import RuleScan, first_strings, trie

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts() -> list[str]:
    """The project's corpus and, beside the checkout, the shared dev corpus."""
    texts = [r["text"] for r in read_records([str(ROOT / "corpus")]) if isinstance(r.get("text"), str)]
    dev = ROOT.parent / "shared" / "corpus-dev" / "articles.jsonl"
    if dev.exists():
        texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line]
    return texts


FIRSTS = [  # pattern, characters read -> the starts it allows (lower-cased, digits as 0, spaces as " ")
    (r"(?<![\w])vorige\s+week", 3, {"vor"}),
    (r"(?<![\w])vorige\s+week", 8, {"vorige w", "vorige  "}),  # "\s+" may be two spaces
    (r"(?<![\w])(?:in\s+)?de\s+nacht", 3, {"in ", "de "}),
    (r"(?<![\w])(?:in\s+)?de\s+n", 4, {"in d", "in  ", "de n", "de  "}),
    (r"(?<![\w])Q[1-4]\s+\d{4}", 5, {"q0 00", "q0  0", "q0   "}),
    (r"(?<![\d])\d(?P<s>[-/])\d(?P=s)\d", 6, {"0-0", "0/0"}),  # fewer: a back-reference at the 4th
    (r"(?<![\d])\d{1,2}-\d", 3, {"0-0", "00-"}),
    (r"(?<![\w])(?:maan|dins)dag", 3, {"maa", "din"}),
    (r"(?<![\w])mei", 6, {"mei"}),  # a whole match shorter than the characters read
    (r"(?<![\w])gister(?:en)?", 8, {"gister", "gisteren"}),
]
UNREADABLE = [  # patterns scanned as before
    r"vorige\s+week",  # no lookbehind: it may start inside a word
    r"(?<![\w]).{3}jaar",  # a wildcard first
    r"(?<![\w])[^a-z]jaar",  # a negated class first
    r"(?<![\w])(?:jaar)?",  # may match nothing
    r"(?<![\w])[-/]\d",  # starts with neither a letter nor a digit
]


@pytest.mark.parametrize(("pattern", "k", "expected"), FIRSTS)
def test_first_strings(pattern, k, expected):
    assert first_strings(re.compile(pattern, re.IGNORECASE), k) == expected


@pytest.mark.parametrize("pattern", UNREADABLE)
def test_first_strings_unreadable(pattern):
    assert first_strings(re.compile(pattern, re.IGNORECASE)) is None


@pytest.mark.parametrize(
    ("words", "present", "absent"),
    [
        (["abc", "abcdef", "abd"], ["abc", "abcdef", "abdx"], ["ab", "abx"]),
        (["mei", "mei 00"], ["mei", "mei 00"], ["me"]),
    ],
)
def test_trie(words, present, absent):
    rx = re.compile(trie(words))
    for w in present:
        m = rx.match(w)
        assert m is not None and m.group() in words
    for w in absent:
        assert rx.match(w) is None


def _each(rules, text):
    return sorted((m.span(), i) for i, (rx, _p) in enumerate(rules) for m in rx.finditer(text))


def _scanned(scan, text):
    ids = {id(p): i for i, (_rx, p) in enumerate(scan.rules)}
    return sorted((m.span(), ids[id(p)]) for m, p in scan.finditer(text))


HOSTILE = [
    "Op 3 JUNI 2020 en op 4\u00a0juni, in de nacht van 5 op 6 juni.",
    "İstanbul, 3 juni: vorige week vond de politie 20 kilo.",  # lower-casing changes the length
    "Op \u0663 juni (Arabic-Indic digit) en Q2 2021, het eerste kwartaal van 2020.",
    "x3-4-2020 a1.2.2021 12/05/2019 2019-05-12 vijf dagen geleden, diezelfde dag, die avond",
    "eind vorig jaar, begin deze maand, de afgelopen drie maanden, vanaf 2018 tot vorige maand",
    "",
    "3",
    "ma di wo",
    # starts right after a digit, an underscore, a tab, at the very start and at the very end
    "mei 12mei 2020_juni,3juni;vorige week\tgisteren 4\u00b2 juni x_vorige maand juni",
]


def test_date_rules_scanned_once_find_what_each_rule_finds():
    rules = [*dates._RULES, (dates._ANAPHOR, dates._anaphoric)]
    scan = RuleScan(rules)
    assert not scan.always, "every date rule is indexed"
    texts = HOSTILE + corpus_texts()
    assert len(texts) > 100
    for text in texts:
        assert _scanned(scan, text) == _each(rules, text), text[:80]


def test_unindexed_patterns_still_scanned():
    rules = [(re.compile(r"week"), "a"), (re.compile(r"(?<![\w])vorige\s+week", re.I), "b")]
    scan = RuleScan(rules)
    assert scan.always == [0]
    text = "Vorige week, deze week, weekend"
    assert _scanned(scan, text) == _each(rules, text)


PHRASE_TEXTS = [
    "in totaal werd in totaal bijna in totaalgewicht; xin totaal, _in totaal (in totaal)",
    "staande gehouden hield staande.hielden staande",
    "aan de kade, aan dek, aan",
    "",
]


def _phrase_lists() -> list[list[str]]:
    """Every phrase list of the linker's cues (``cues.json``) and two of our own."""
    from extractor.resources import load_json

    out = [["in totaal", "in totaal werd", "bij elkaar"], ["aan de", "aan de kade", "aan dek"]]
    for section in load_json("cues.json").values():
        for words in section.values() if isinstance(section, dict) else [section]:
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                phrases = [w.lower() for w in words if " " in w]
                if phrases:
                    out.append(phrases)
    return out


def test_phrases_at_word_start_match_what_the_plain_alternation_matches():
    """``at_word_start`` reads each first character before its lookbehind: the same matches as the
    plain alternation, longest first, behind ``(?<!\\w)``, for every phrase list of the linker."""
    from extractor.linking.params import phrases

    lists = _phrase_lists()
    assert len(lists) > 10
    texts = PHRASE_TEXTS + [t.lower() for t in corpus_texts()]
    for words in lists:
        fast = phrases(words)
        plain = re.compile(
            r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)"
        )
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text[
                :80
            ]
            assert fast.sub("|", text) == plain.sub("|", text)
