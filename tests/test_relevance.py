"""The relevance gate loses no event: the whole pipeline with and without it over both corpora."""

from __future__ import annotations

import pytest

from extractor import Extractor
from extractor.io import read_records
from extractor.relevance import relevant

from .conftest import CORPUS, SHARED_DEV
from .test_general_news import GENERAL_NEWS


def _records():
    recs = list(read_records([str(CORPUS)]))
    if (SHARED_DEV / "articles.jsonl").exists():
        recs += list(read_records([str(SHARED_DEV / "articles.jsonl")]))
    recs += [{"id": f"general-{i}", "published": "2023-06-14", "text": t} for i, t in enumerate(GENERAL_NEWS)]
    return recs


def test_an_ungated_extractor_runs_every_component_on_every_article(extractor):
    """Without the gate nothing is skipped: the components do not ask the gate themselves either,
    so the comparison below is with the whole pipeline."""
    text = "Op 3 juni won Ajax met 3-1 in Amsterdam en ving de club 40.000 euro aan prijzengeld."
    ungated = Extractor(nlp=extractor.nlp, gate=False)
    doc = ungated.nlp(ungated.make_doc(text, "2024-06-04"))
    assert doc.spans["dates"] and doc.spans["amounts"] and doc.spans["places"]
    assert not extractor.nlp(extractor.make_doc(text, "2024-06-04")).spans["dates"]


def test_the_gate_loses_no_event(extractor):
    recs = _records()
    ungated = Extractor(nlp=extractor.nlp, gate=False)
    assert list(extractor.pipe(recs)) == list(ungated.pipe(recs))
    assert sum(not relevant((r.get("title") or "") + " " + r["text"]) for r in recs if "text" in r) >= 25


@pytest.mark.parametrize(
    "text",
    [
        "De douane vond 40 kilo COCAÏNE.",
        "Een xtc-lab in Baarle opgerold.",
        "Er stonden 800 planten in de schuur die de politie ruimde.",
        "Agenten troffen 300 pillen aan.",
        "Agenten troffen ruim tweeduizend pillen aan.",  # a unit after a number word
        "De politie vond 1.400 nog jonge planten in een loods.",  # words between number and unit
        "Er stonden enkele honderden planten; de politie deed een inval.",  # a vague count
        "Na de inval in Weert.\nStekken: 350 stuks",  # a table line's label names the unit
        "Opnieuw cocaïnevangst in Vlissingen",  # a find compound
        "Agenten hielden de bestuurder staande; hij had hasj bij zich.",  # police action
    ],
)
def test_relevant(text):
    assert relevant(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ajax won met 3-1 van PSV.",
        "De douane vond 12 miljoen sigaretten.",  # a find, no drug
        "Steeds meer jongeren gebruiken ketamine op feestjes.",  # a drug, no find or police action
        "Een xtc-lab in Baarle.",
        "De gemeente plant nieuwe bomen; een fietser werd aangehouden.",  # "plant": a verb
        "Het tuincentrum verkocht planten aan een man die later werd aangehouden.",  # no amount
        "Wie de pil vergeet, moet naar de apotheek, zegt de politie na een inval.",
        "",
    ],
)
def test_relevant_negative(text):
    assert not relevant(text)


def test_a_unit_without_a_drug_word_still_yields_its_event(extractor):
    """Plants counted are cannabis without a drug word, so the gate lets them through."""
    rec = {
        "id": "u",
        "published": "2024-05-02",
        "text": "Agenten troffen dinsdag in een loods in Weert 1.400 planten aan.",
    }
    ungated = Extractor(nlp=extractor.nlp, gate=False)
    (out,), (ref,) = list(extractor.pipe([rec])), list(ungated.pipe([rec]))
    assert out == ref and [e["drug"] for e in out["events"]] == ["cannabis"]


def test_components_skip_a_doc_the_gate_rejects(nlp):
    """A spaCy user's own Doc: the components ask the gate themselves and do no work on a rejected one."""
    from extractor import extensions as ext

    doc = nlp.make_doc("Op 3 juni won Ajax met 3-1 in Amsterdam; 40.000 fans zagen het.")
    doc = nlp(doc)
    assert doc._.get(ext.RELEVANT) is False
    assert not doc.spans["dates"] and not doc.spans["amounts"] and not doc.spans["places"]
    doc = nlp(nlp.make_doc("Op 3 juni vond de politie in Amsterdam 40 kilo cocaïne."))
    assert doc._.get(ext.RELEVANT) is True and doc.spans["amounts"] and doc._.get(ext.SEIZURE_EVENTS)


# The gate reads the character before each word first (the regex engine skips to those); what it
# finds must be what the plain patterns, opening with a lookbehind, find.
_GATE_TEXTS = [
    "cocaïne aan het begin, wiet_plant, 3-mmc; x-xtc en (heroïne) _speed",
    "planten 1.400 nog jonge planten; de gemeente plant bomen. pillen: 20",
    "onderschept aan het begin, in beslag genomen, cocaïnevangst, trof aan, aangehouden_",
    "",
    "xtc.pillen zwartje.pillen; 2 zwartje.(blauwtje) en zwartje.zwartje.",  # a word right after a word
]


def _plain_seizure_words():
    import re

    from extractor.linking.params import Cue
    from extractor.normalize.scan import trie
    from extractor.resources import load_json

    cues, drugs = load_json("cues.json"), load_json("drugs.json")
    words = {w.lower() for key in ("strong_triggers", "action_context") for w in cues[key]}
    words |= {w.lower() for key in ("particle_triggers", "action_particles") for w in cues[key]}
    cue = Cue.of(words)
    finds = {w for w in drugs["compound_suffixes"] if w in cue.single}
    alts = [r"(?<![^\W_])(?:" + trie(cue.single) + r")(?![^\W_])", r"(?:" + trie(finds) + r")(?![^\W_])"]
    phrases = sorted((re.escape(w) for w in words if " " in w), key=len, reverse=True)
    alts.append(r"(?<!\w)(?:" + "|".join(phrases) + r")(?!\w)")
    if cue.prefixes:
        alts.append(r"(?<![^\W_])(?:" + trie(cue.prefixes, prefix=True) + ")")
    return re.compile("|".join(alts))


@pytest.mark.parametrize("extra", [(), ("xtc.", "crystal meth", "zwartje.", "(blauwtje)")])
def test_the_gate_scans_find_what_the_plain_patterns_find(extra):
    import re

    from extractor.relevance import names_a_find, vocabulary

    vocab = vocabulary(extra)
    plain = re.compile(r"(?<![^\W_])" + vocab.first.pattern)
    plain_finds = _plain_seizure_words()
    texts = [r["text"].lower() for r in _records() if isinstance(r.get("text"), str)]
    texts += [t.lower() for t in _GATE_TEXTS + GENERAL_NEWS]
    found = 0
    for low in texts:
        got = list(vocab.words(low))
        assert got == [(m.start(), m.end(), m.lastgroup == "unit") for m in plain.finditer(low)], low[:80]
        assert names_a_find(low) == (plain_finds.search(low) is not None), low[:80]
        found += len(got)
    assert found > len(texts)
