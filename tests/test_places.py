"""find_places: names, roles (where it happened vs where it came from), adjectival forms, datelines."""

from __future__ import annotations

import pytest

from extractor.normalize.places import find_places

POSITIVE = [
    ("De douane heeft in de haven van Vlissingen 542 kilo gevonden.", "Vlissingen", "NL", "locative"),
    ("De douane in Antwerpen vond coke.", "Antwerpen", "BE", "locative"),
    ("Er werd een partij onderschept in de Rotterdamse haven.", "Rotterdam", "NL", "locative"),
    ("Opnieuw een vangst in de Antwerpse haven.", "Antwerpen", "BE", "locative"),
    ("De drugs lagen in de Waaslandhaven.", "Waaslandhaven", "BE", "locative"),
    ("Lab met 70 kilo ketamine in Oost ontmanteld", "Oost", None, "locative"),
    ("Een inval in Westzaan, even noordelijk van Amsterdam.", "Westzaan", "NL", "locative"),
    ("In de regio van Bilzen werden planten gevonden.", "Bilzen", "BE", "locative"),
    ("DRACHTEN - De politie heeft een kwekerij opgerold.", "Drachten", "NL", "dateline"),
    ("Voeren: Internationale drugsactie werpt vruchten af", "Voeren", "BE", "dateline"),
    ("De plantage in de wijk Hollandse Molen werd ontmanteld.", "Hollandse Molen", None, "locative"),
    ("bij een villa in de Frank Baurstraat", "Frank Baurstraat", None, "street"),
    ("De container kwam uit Brazilië.", "Brazilië", "BR", "origin"),
    ("een schip dat vertrokken was vanuit Ecuador", "Ecuador", "EC", "origin"),
    ("volgens het parket van Antwerpen", "Antwerpen", "BE", "agency"),
    ("op Schiphol onderschept", "Schiphol", "NL", "locative"),
    ("in Bergen op Zoom", "Bergen op Zoom", "NL", "locative"),
    ("in Den Haag", "Den Haag", "NL", "locative"),
    ("in Sint-Gillis-Waas", "Sint-Gillis-Waas", "BE", "locative"),
    ("te Ooltgensplaat", "Ooltgensplaat", "NL", "locative"),
    ("de 63-jarige Amsterdammer Eric", "Amsterdam", "NL", "weak"),
    ("in Duitsland", "Duitsland", "DE", "locative"),
]

NEGATIVE = [
    "Dat schrijft De Morgen woensdag.",
    "In totaal werden 20 mensen aangehouden.",
    "In januari werd 900 kilo gevonden.",
    "De Officier van Justitie gaf toestemming.",
    "in Sky ECC",
    "Volgens het Openbaar Ministerie.",
    "twee Amsterdamse hoofdverdachten",
]


@pytest.mark.parametrize("text,name,country,kind", POSITIVE)
def test_positive(text, name, country, kind):
    found = [(m.place.name, m.place.country, m.place.kind) for m in find_places(text)]
    assert (name, country, kind) in found, found


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_locative_place(text):
    found = [m.place for m in find_places(text)]
    assert not [p for p in found if p.kind in ("locative", "dateline", "street")], found


def test_list_keeps_role():
    found = [(m.place.name, m.place.kind) for m in find_places("invallen in Zeewolde, Emmen en Kampen")]
    assert found == [("Zeewolde", "locative"), ("Emmen", "locative"), ("Kampen", "locative")]


@pytest.mark.parametrize(
    "text,name",
    [("De politie vond in het Limburgse Bree 3 kilo cocaïne.", "Bree"), ("in het Brabantse Oss", "Oss"),
     ("in het West-Vlaamse Tielt", "Tielt"), ("in het Zeeuwse Kruiningen", "Kruiningen")],
)  # fmt: skip
def test_regional_adjective_before_the_place(text, name):
    found = [(m.place.name, m.place.kind) for m in find_places(text)]
    assert (name, "locative") in found, found


@pytest.mark.parametrize(
    "text,name,kind",
    [("in een Antwerpse woning", "Antwerpen", "locative"), ("een Rotterdamse loods", "Rotterdam", "locative"),
     ("de Belgische douane", "België", "weak"), ("in de Gentse haven", "Gent", "locative")],
)  # fmt: skip
def test_adjectival_place_with_a_head(text, name, kind):
    assert (name, kind) in [(m.place.name, m.place.kind) for m in find_places(text)]


def test_adjectival_origin():
    found = [
        (m.place.name, m.place.kind) for m in find_places("Een man uit het Utrechtse dorp is aangehouden.")
    ]
    assert found == [("Utrecht", "origin")]


def test_a_place_whose_name_starts_like_a_month():
    """ "Meise" is not "mei": an unknown name after "in" is kept even when it begins like a stop word."""
    assert ("Meise", "locative") in [
        (m.place.name, m.place.kind) for m in find_places("De politie vond de drugs in Meise.")
    ]
