"""The pipeline: built-in default, registered factories, a saved model path, multiprocessing."""

from __future__ import annotations

import random
from importlib.metadata import entry_points

import spacy
from spacy.training import Example

from extractor import Extractor, load
from extractor.pipeline import COMPONENTS

TEXT = "De douane heeft dinsdag in Antwerpen 2 ton cocaïne onderschept."


def test_blank_pipeline_has_our_components():
    nlp = load("blank")
    assert nlp.pipe_names == ["sentencizer", *COMPONENTS]
    doc = nlp(TEXT)
    assert [s.text for s in doc.spans["amounts"]] == ["2 ton"]
    assert [s.id_ for s in doc.spans["drugs"]] == ["cocaine"]
    assert [s._.place.name for s in doc.spans["places"]] == ["Antwerpen"]
    assert [s.id_ for s in doc.spans["agencies"]] == ["douane"]
    assert [e.drug for e in doc._.seizure_events] == ["cocaine"]


def test_factories_are_registered_as_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    factories = {load("blank").get_pipe_meta(n).factory for n in COMPONENTS}
    assert factories == {
        "seizure_lexicon",
        "seizure_amounts",
        "seizure_dates",
        "seizure_actors",
        "seizure_events",
    }
    assert factories <= names


def test_components_in_a_users_own_pipeline():
    import extractor  # noqa: F401  (registers the factories)

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("seizure_amounts")
    nlp.add_pipe("seizure_dates")
    doc = nlp("Op 3 juni werd 5 kilo gevonden.")
    assert [s.text for s in doc.spans["amounts"]] == ["5 kilo"]
    assert [s.text for s in doc.spans["dates"]] == []  # no publication date: "3 juni" has no year
    doc = nlp.make_doc("Op 3 juni werd 5 kilo gevonden.")
    doc._.published = "2022-06-10"
    doc = nlp(doc)
    assert [(s.text, s._.date_interval.start.isoformat()) for s in doc.spans["dates"]] == [
        ("3 juni", "2022-06-03")
    ]


def _train_tiny_ner(path):
    """A tiny statistical pipeline (NER for GPE), trained here in seconds: nothing is downloaded."""
    nlp = spacy.blank("nl")
    ner = nlp.add_pipe("ner")
    ner.add_label("GPE")
    data = [
        ("De vangst gebeurde in Moerdijk vorige week.", [(22, 30, "GPE")]),
        ("Agenten vonden de drugs in Moerdijk.", [(27, 35, "GPE")]),
        ("In Moerdijk werd een lab gevonden.", [(3, 11, "GPE")]),
        ("De politie van Moerdijk meldt een inval.", [(15, 23, "GPE")]),
    ]
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": ents}) for t, ents in data]
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    nlp.to_disk(path)


def test_model_path_loads_a_saved_pipeline(tmp_path):
    _train_tiny_ner(tmp_path / "tiny")
    nlp = load(str(tmp_path / "tiny"))
    assert nlp.pipe_names[0] == "ner" and nlp.pipe_names[-1] == "seizure_events"
    doc = nlp("In Moerdijk werd 300 kilo cocaïne gevonden.")
    assert [e.drug for e in doc._.seizure_events] == ["cocaine"]
    assert doc._.seizure_events[0].location.name == "Moerdijk"


def test_saved_pipeline_with_our_components_round_trips(tmp_path):
    nlp = load("blank")
    nlp.to_disk(tmp_path / "ours")
    again = spacy.load(tmp_path / "ours")
    assert again.pipe_names == nlp.pipe_names
    assert [e.drug for e in again(TEXT)._.seizure_events] == ["cocaine"]


def test_two_processes_give_identical_output(extractor):
    records = [{"id": str(i), "published": "2022-03-10", "title": None, "text": TEXT} for i in range(12)]
    one = list(extractor.pipe(records, n_process=1))
    two = list(extractor.pipe(records, n_process=2, batch_size=3))
    assert one == two and len(one[0]["events"]) == 1


def test_extract_function_default_pipeline():
    from extractor import extract

    assert [e.amount.value for e in extract(TEXT, published="2022-03-10")] == [2000.0]


def test_extractor_rejects_wrong_types_per_record():
    ex = Extractor(model="blank")
    out = list(ex.pipe([{"id": 1, "text": None}, {"id": 2, "text": TEXT}, "not a dict", {"id": 4}]))
    assert [o["error"] is None for o in out] == [False, True, False, False]
    assert "string" in out[0]["error"]["message"]


def test_extract_raises_a_component_error_instead_of_hiding_it():
    from spacy.language import Language

    @Language.component("always_fails")
    def always_fails(doc):
        raise RuntimeError("component bug")

    ex = Extractor(model="blank")
    ex.nlp.add_pipe("always_fails", before="seizure_events")
    import pytest

    with pytest.raises(RuntimeError, match="component bug"):
        ex.extract(TEXT, published="2022-03-10")


def test_publication_date_forms():
    from extractor.api import normalise_published

    cases = {
        "2021-06-09": "2021-06-09", "2021-06": "2021-06", "2021-06-09T10:00:00Z": "2021-06-09", "09/06/2021": "2021-06-09",
        "9 juni 2021": "2021-06-09", "woensdag 9 juni 2021": "2021-06-09", "juni 2021": "2021-06", "gisteren": None,
        "nonsense": None, "": None, None: None,
    }  # fmt: skip
    for given, expected in cases.items():
        assert normalise_published(given) == expected, given
    ex = Extractor(model="blank")
    rec = next(
        ex.pipe(
            [{"id": "y", "published": "2021", "text": "Vorig jaar werd in Gent 3 ton cocaïne onderschept."}]
        )
    )
    assert rec["published"] is None  # the contract has no bare year ...
    assert rec["events"][0]["date"]["start"] == "2020-01-01"  # ... but it still resolves "vorig jaar"


def test_taggers_without_the_events_component_are_not_gated():
    """Amounts alone are a general tagger: no drug word needed. With the events component the gate applies."""
    import extractor  # noqa: F401

    nlp = spacy.blank("nl")
    nlp.add_pipe("seizure_amounts")
    doc = nlp("De bakker verkocht 5 kilo brood.")
    assert [s.text for s in doc.spans["amounts"]] == ["5 kilo"]
    full = extractor.load("blank")
    doc = full("De bakker verkocht 5 kilo brood.")
    assert list(doc.spans["amounts"]) == [] and doc._.relevant is False
