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
    (
        "Lab met 70 kilo ketamine in Kwakelbroek ontmanteld",
        "Kwakelbroek",
        None,
        "locative",
    ),  # in no gazetteer
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
    ("In Lage Mierde, gemeente Reusel-De Mierden, werd een lab gevonden.", "Lage Mierde", "NL", "locative"),
    ("In de gemeente Nederweert werd een kwekerij opgerold.", "Nederweert", "NL", "locative"),
    # a place in its district is where; the district only locates it
    (
        "De DOS vond in het ressort Groot Henar in het district Nickerie 80 kilo.",
        "Groot Henar",
        None,
        "locative",
    ),
    ("in Bergen op Zoom", "Bergen op Zoom", "NL", "locative"),
    ("in Den Haag", "Den Haag", "NL", "locative"),
    ("in Sint-Gillis-Waas", "Sint-Gillis-Waas", "BE", "locative"),
    ("te Ooltgensplaat", "Ooltgensplaat", "NL", "locative"),
    ("de 63-jarige Amsterdammer Eric", "Amsterdam", "NL", "weak"),
    ("een 52-jarige Eindhovenaar", "Eindhoven", "NL", "weak"),
    ("twee jonge Bruggeling", "Brugge", "BE", "weak"),
    ("in Duitsland", "Duitsland", "DE", "locative"),
    # "in het district X", "in het dorp X": a name the gazetteer need not know
    ("De politie vond de drugs in het district Tapanahony.", "Tapanahony", None, "locative"),
    ("De kwekerij lag in het gehucht Kleine Meers.", "Kleine Meers", None, "locative"),
    # a superlative's domain is not where the find was
    ("het was het grootste lab ooit in Nederland", "Nederland", "NL", "scope"),
    ("zo'n vangst was nooit eerder in België gedaan", "België", "BE", "scope"),
    ("de grootste hennepkwekerij van Drenthe", "Drenthe", "NL", "scope"),
    ("Niet eerder werd in België zoveel heroïne in beslag genomen.", "België", "BE", "scope"),
    # a municipality put after its village only locates the village
    (
        "In Lage Mierde, gemeente Reusel-De Mierden, werd een lab gevonden.",
        "Reusel-De Mierden",
        "NL",
        "scope",
    ),
    ("Een kwekerij in Ospel (gemeente Nederweert) is opgerold.", "Nederweert", "NL", "scope"),
]

NEGATIVE = [
    "Dat schrijft De Morgen woensdag.",
    "In totaal werden 20 mensen aangehouden.",
    "In januari werd 900 kilo gevonden.",
    "De Officier van Justitie gaf toestemming.",
    "in Sky ECC",
    "Volgens het Openbaar Ministerie.",
    "twee Amsterdamse hoofdverdachten",
    "het grootste lab ooit in Nederland",  # a scope, not a place of the find
    "De drugs lagen in het district van de politie.",  # "district" without a name
    "Agenten vielen binnen in een flat in de Haagse Schilderswijk.",  # "de": a town takes "het"
    "Die stof wordt omgezet in PMK, een grondstof voor xtc.",  # a drug after "in", no place
]
SCOPE = [  # a municipality, province or district after the place of the find only locates it
    ("in Kerkrade in de provincie Limburg", "Limburg"),
    ("in het ressort Wageningen in het district Nickerie", "Nickerie"),
]


@pytest.mark.parametrize("text,name", SCOPE)
def test_a_region_after_the_place_is_its_scope(text, name):
    assert (name, "scope") in [(m.place.name, m.place.kind) for m in find_places(text)]


SCOPE_NEGATIVE = [  # the same words with a real place after them
    ("Voor het eerst werd in Zeebrugge zo'n partij gevonden.", "Zeebrugge", "locative"),
    ("Het grootste deel lag in een loods in Venlo.", "Venlo", "locative"),
]


@pytest.mark.parametrize("text,name,kind", SCOPE_NEGATIVE)
def test_not_a_scope(text, name, kind):
    assert (name, kind) in [(m.place.name, m.place.kind) for m in find_places(text)]


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
     ("in het West-Vlaamse Tielt", "Tielt"), ("in het Zeeuwse Kruiningen", "Kruiningen"),
     ("in de Brabantse gemeente Sprundel", "Sprundel")],
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


# the GeoNames gazetteer (resources/nl/gazetteer.tsv): villages, border towns, exonyms, ambiguity
GAZETTEER = [
    ("Er werd een lab opgerold in Nijverdal.", "Nijverdal", "NL"),
    ("De politiezone Middenkust nam 3 kilo hasj in beslag.", "Middenkust", "BE"),  # a coastal region and zone
    ("De vondst gebeurde in Heijen.", "Heijen", "NL"),
    ("De politie viel binnen in Nettetal.", "Nettetal", "DE"),
    ("Het schip werd onderschept bij Tanger.", "Tanger", "MA"),
    ("De vrachtwagen werd in Keulen tegengehouden.", "Keulen", "DE"),
    ("De douane in Köln greep in.", "Keulen", "DE"),  # the local name answers to the Dutch one
    ("De lading werd gevonden in Frankfurt an der Oder.", "Frankfurt an der Oder", "DE"),
    ("In Lille werd 40 kilo gevonden.", "Rijsel", "FR"),  # ambiguous: the larger place wins
    # regions GeoNames' populated places lack (places.json "regions")
    ("Agenten doorzochten een woning in Wanica.", "Wanica", "SR"),
    ("Op Sint Eustatius werd een boot gecontroleerd.", "Sint Eustatius", "BQ"),
    ("De vrachtwagen kwam uit Nedersaksen.", "Nedersaksen", "DE"),
]
GAZETTEER_NEGATIVE = [  # names that are not places here
    "Op de Albert Cuijpstraat stond de auto.",  # a first name that is also a French town, inside a street name
    "Best is dat de politie snel was.",  # a Dutch word at the start of a sentence
    "Goes het niet goed, dan stopt de actie.",
    "Van de drugs werd niets teruggevonden.",  # a Turkish city, and a Dutch word
]


@pytest.mark.parametrize("text,name,country", GAZETTEER)
def test_gazetteer(text, name, country):
    assert (name, country) in [(m.place.name, m.place.country) for m in find_places(text)]


@pytest.mark.parametrize("text", GAZETTEER_NEGATIVE)
def test_gazetteer_negative(text):
    assert [m.place.name for m in find_places(text) if m.place.kind != "street"] == []


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("Op een boerderij in Nettetal, vlak over de grens bij Venlo, lag 100 kilo.", "Venlo", "near"),
        ("Op een boerderij in Nettetal, vlak over de grens bij Venlo, lag 100 kilo.", "Nettetal", "locative"),
        ("In een Gents postsorteercentrum werden pillen gevonden.", "Gent", "locative"),
        ("De rechtbank in Breda hoorde de getuigen.", "Breda", "court"),  # where the case is heard
        ("Het hof van Antwerpen bevestigde het vonnis.", "Antwerpen", "court"),
        ("Het parket van Antwerpen meldt de vangst.", "Antwerpen", "agency"),
    ],
)
def test_place_roles(text, name, kind):
    assert (name, kind) in [(m.place.name, m.place.kind) for m in find_places(text)]


def test_dateline_must_be_a_known_place_or_capitals():
    assert find_places("Hennepvangst: 6.000 planten en 7 aanhoudingen") == []
    assert [(m.place.name, m.place.kind) for m in find_places("GORINCHEM - De politie vond 3 kilo.")] == [
        ("Gorinchem", "dateline")
    ]


def test_a_round_up_item_opens_with_its_dateline():
    text = "Politie in de regio.\n\nBoxmeer - Agenten vonden 2 kilo hasj.\nCuijk - Er lag 30 gram coke."
    assert [(m.place.name, m.place.kind) for m in find_places(text)] == [
        ("Boxmeer", "dateline"),
        ("Cuijk", "dateline"),
    ]
    # a colon after a paragraph's first word is a table's label, and an unknown word no place
    text = "De vangsten:\nTholen: 22 kilo\nGrote vangst - 40 kilo"
    assert [(m.place.name, m.place.kind) for m in find_places(text)] == [("Tholen", "weak")]


@pytest.mark.parametrize(
    "name,lat,municipality",
    [
        ("Antwerpen", 51.22, None),
        ("Maasvlakte", 51.92, "Rotterdam"),
        ("Heijen", 51.68, None),
        ("Keulen", 50.93, None),
    ],
)
def test_locate_adds_coordinates_and_municipality(name, lat, municipality):
    from extractor.lexicon import locate
    from extractor.schema import Place

    p = locate(Place(name, None, name))
    assert p.lat is not None and abs(p.lat - lat) < 0.01 and p.municipality == municipality
    assert {"lat", "lon"} <= set(p.to_dict())


@pytest.mark.parametrize(("country", "lat"), [("SR", 5.80), ("NL", 53.22), (None, 53.22)])
def test_locate_takes_the_coordinates_of_the_places_country(country, lat):
    from extractor.lexicon import locate
    from extractor.schema import Place

    assert abs(locate(Place("Groningen", country, "Groningen")).lat - lat) < 0.01


def test_locate_leaves_unknown_places_alone():
    from extractor.lexicon import locate
    from extractor.schema import Place

    p = Place("Kwakelbroek", None, "Kwakelbroek")
    assert locate(p) == p and set(p.to_dict()) == {"name", "country", "text"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("In Duitsland is een lab ontdekt. De douane in Essen nam 80 kilo in beslag.", "Essen", "DE"),
        ("PARAMARIBO – De politie vond in Groningen een kwekerij.", "Groningen", "SR"),  # the dateline's
        ("Op Sint Eustatius vond de kustwacht in Oranjestad 12 kilo coke.", "Oranjestad", "BQ"),
        ("In België rolde de politie in Zwijndrecht een lab op.", "Zwijndrecht", "BE"),
        # no country named: the place the gazetteer prefers
        ("De douane vond in Essen 20 kilo speed.", "Essen", "BE"),
        ("De politie vond in Groningen een kwekerij.", "Groningen", "NL"),
        ("Op het eiland vond de kustwacht in Oranjestad 12 kilo coke.", "Oranjestad", "AW"),
    ],
)
def test_a_name_of_several_countries_is_the_named_countrys(text, name, country):
    assert (name, country) in [(m.place.name, m.place.country) for m in find_places(text)]


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("De lading was bestemd voor een groothandel in Kortrijk.", "Kortrijk", "origin"),  # a destination
        ("De vrachtwagen was onderweg naar een loods in Oss.", "Oss", "origin"),
        ("De container, die onderweg was naar een importeur in Gent, werd geopend.", "Gent", "origin"),
        ("De bananen moesten naar een fruitbedrijf in Venray.", "Venray", "origin"),
        ("De auto werd gestopt ter hoogte van Nieuwegein.", "Nieuwegein", "locative"),
        (
            "De bus werd gestopt ter hoogte van Kwakelbroek.",
            "Kwakelbroek",
            "locative",
        ),  # unknown name, still a place
        # a compass bearing or a coast from a place: where a boat was stopped
        ("De kustwacht hield ten zuiden van Bonaire een boot aan.", "Bonaire", "locative"),
        ("Het schip werd voor de kust van Nickerie onderschept.", "Nickerie", "locative"),
        ("De marine greep in op 30 zeemijl ten noordwesten van Aruba.", "Aruba", "locative"),
        # a name after a type of place after a preposition of place
        ("Op de luchthaven Hato werd een koerier aangehouden.", "Hato", "locative"),
        ("Er lag een partij in de haven Eemshaven.", "Eemshaven", "locative"),
        ("Op luchthaven Zaventem viel een koffer op.", "Zaventem", "locative"),
        # a region's adjective before a type of place: the name after it is the place
        ("In de Brabantse plaats Haaren werd een lab gevonden.", "Haaren", "locative"),
        ("In het Zeeuwse dorp Kapelle stond een loods.", "Kapelle", "locative"),
        ("Op het strand van Cadzand spoelden pakketten aan.", "Cadzand", "locative"),
        ("In het centrum van Tilburg vond de politie drugs.", "Tilburg", "locative"),
        ("In het Drentse gehucht Ellertshaar werd een lab opgerold.", "Ellertshaar", "locative"),  # unknown
        ("In het Limburgse kerkdorp Ittervoort lag een kwekerij.", "Ittervoort", "locative"),
        ("Ter hoogte van Meerle werd een bestelbus gestopt.", "Meerle", "locative"),  # at a sentence start
    ],
)
def test_destination_and_position_roles(text, name, kind):
    assert (name, kind) in [(m.place.name, m.place.kind) for m in find_places(text)]


@pytest.mark.parametrize(
    "text",
    [
        "De drugs zaten in een Belgische vrachtwagen.",  # a country's adjective describes, it does not place
        "Hij reed in een Duitse auto.",
    ],
)
def test_country_adjective_is_not_a_place_negative(text):
    assert find_places(text) == []


@pytest.mark.parametrize(
    "text,name",
    [
        ("De lading was op weg naar de kust van Nickerie.", "Nickerie"),  # a destination, not a bearing
        (
            "De burgemeester van de gemeente Venlo reageerde.",
            "Venlo",
        ),  # a type of place without a preposition of place
        ("Een man uit de kust van Nickerie werd aangehouden.", "Nickerie"),  # "uit": where he is from
        ("De drugs lagen in de Antwerpse haven. Rotterdam volgt.", "Rotterdam"),  # the sentence ended
        ("Een vrouw uit het Drentse gehucht Ellertshaar werd opgepakt.", "Ellertshaar"),  # where she lives
        ("Aan de Poolse grens hield de Duitse politie een bus aan.", "Polen"),  # a border, not in Poland
    ],
)
def test_bearing_and_place_type_need_their_words_negative(text, name):
    assert (name, "locative") not in [(m.place.name, m.place.kind) for m in find_places(text)]


# a gazetteer a user lexicon extends: its names are found from any of their words on, as the package's
EXTRA_PLACES = {"Hoog Wolfsveen": ("Hoog Wolfsveen", "NL"), "Bruggeveld-Noord": ("Bruggeveld-Noord", "BE")}


@pytest.mark.parametrize(
    "text,name",
    [
        ("De agenten vonden de kwekerij in Hoog Wolfsveen.", "Hoog Wolfsveen"),
        ("Agenten uit Hoog Wolfsveen vonden een kwekerij.", "Hoog Wolfsveen"),
        ("In Bruggeveld-Noord lag een lab.", "Bruggeveld-Noord"),
        ("HOOG WOLFSVEEN - Een inval leverde hasj op.", "Hoog Wolfsveen"),
    ],
)
def test_user_gazetteer_names(text, name):
    from extractor.lexicon import gazetteer

    assert name in [m.place.name for m in find_places(text, gaz={**gazetteer(), **EXTRA_PLACES})]


@pytest.mark.parametrize(
    "text,name",
    [
        ("In Bruggeveld-Zuid lag een lab.", "Bruggeveld-Noord"),  # another name with the same first word
        ("De kwekerij lag in Hoogwolfsveen.", "Hoog Wolfsveen"),  # written as one word: another name
        ("Hoog in de flat lag een lab.", "Hoog Wolfsveen"),  # the first word alone
    ],
)
def test_user_gazetteer_names_negative(text, name):
    from extractor.lexicon import gazetteer

    assert name not in [m.place.name for m in find_places(text, gaz={**gazetteer(), **EXTRA_PLACES})]


# The phrase patterns read their first letter before checking what precedes it (so the regex
# engine skips to that letter); each must match exactly what its plain form, opening with the
# lookbehind, matches.
_PLAIN_HEADS = [
    (
        "_IN_NAME",
        r"[IiTtOo](?<![\w].)(?:(?<=[Ii])n|(?<=[Tt])e|(?<=[Tt])er\s+hoogte\s+van|(?<=[Oo])p\s+het\s+strand\s+van"
        r"|(?<=[Ii])n\s+het\s+centrum\s+van)",
        r"(?<![\w])(?:[Ii]n|[Tt]e|[Tt]er\s+hoogte\s+van|[Oo]p\s+het\s+strand\s+van|[Ii]n\s+het\s+centrum\s+van)",
    ),
    (
        "_IN_DE_STREET",
        r"[IiOoAa](?<![\w].)(?:(?<=[Ii])n|(?<=[Oo])p|(?<=[Aa])an)",
        r"(?<![\w])(?:[Ii]n|[Oo]p|[Aa]an)",
    ),
    ("_IN_DE_WIJK", r"in(?<![\w]in)", r"(?<![\w])in"),
]
_PHRASE_TEXTS = [
    "In Oost, te Westzaan, Ter hoogte van Bree en op het strand van Cadzand; in het centrum van Gent.",
    "Zin de Kade, Tin de wijk Oost, pin de buurt West, xin de Dorpsstraat, in de Frank Baurstraat.",
    "in de wijk Hollandse Molen",  # at the very start
    "Eerst in de buurt Kanaleneiland, toen in de wijk Oud Zuid; 3in de wijk Noord, _in de buurt Oost",
    "_in de Kerkstraat 3in de Markt ’in de Lange Nieuwstraat, Aan de Maas, Op de Dam",
]


@pytest.mark.parametrize("name,fast,plain", _PLAIN_HEADS)
def test_phrase_patterns_match_what_their_plain_form_matches(name, fast, plain):
    import re

    from extractor.normalize import places

    from .test_scan import corpus_texts

    rx = getattr(places, name)
    assert rx.pattern.startswith(fast)
    reference = re.compile(plain + rx.pattern[len(fast) :], rx.flags)
    texts = _PHRASE_TEXTS + corpus_texts()
    hits = 0
    for text in texts:
        got = [(m.span(), m.group("name")) for m in rx.finditer(text)]
        assert got == [(m.span(), m.group("name")) for m in reference.finditer(text)], text[:80]
        hits += len(got)
    assert hits >= 3  # the texts hold matches to compare


_ROLE_PHRASE_TEXTS = [
    "De lading was BESTEMD VOOR een bedrijf in Gent, onderweg   naar Italië, Op Weg Naar ",
    "het schip werd ter hoogte van Vlissingen onderschept, ten noordoosten van ",
    "xbestemd voor de klant in ",
]


@pytest.mark.parametrize("name,key,tail,width", [
    ("_DESTINATION", "destination_before", r"\s+(?:[^\s,.;:]+\s+){0,4}$", 60),
    ("_LOCATIVE_PHRASE", "locative_phrases", r"\s+$", 20),
])  # fmt: skip
def test_role_phrases_in_any_case_find_what_the_plain_pattern_finds(name, key, tail, width):
    import re

    from extractor.normalize import places
    from extractor.resources import load_json

    from .test_scan import corpus_texts

    words = load_json("places.json")["role_words"][key]
    plain = re.compile(r"(?:" + "|".join(p.replace(" ", r"\s+") for p in words) + ")" + tail, re.IGNORECASE)
    fast = getattr(places, name)
    found = 0
    for text in _ROLE_PHRASE_TEXTS + corpus_texts():
        for end in range(len(text) + 1):
            got = fast.search(text, max(0, end - width), end) is not None
            assert got == (plain.search(text, max(0, end - width), end) is not None), text[
                max(0, end - width) : end
            ]
            found += got
    assert found >= 3


@pytest.mark.parametrize("phrases", [["in de buurt van"], ["kort bij"], ["stipt op tijd"], ["één keer"]])
def test_any_case_leaves_letters_with_more_than_two_cases_to_the_engine(phrases):
    import re

    from extractor.normalize.places import any_case

    pattern = any_case(phrases)
    assert pattern.startswith("(?i:")
    for text in ("IN DE BUURT VAN", "ſtipt op tijd", "\u212aort bij", "ÉÉN KEER"):
        assert bool(re.search(pattern, text)) == bool(re.search("|".join(phrases), text, re.IGNORECASE))
