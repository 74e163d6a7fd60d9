"""Seizure events: one test per linking rule, each with sentences written for the test."""

from __future__ import annotations

import pytest


def _events(extractor, text, published=None, title=None):
    return [e.to_dict() for e in extractor.extract(text, published=published, title=title)]


def _key(e):
    a = e["amount"]
    return (e["drug"], a["value"] if a else None, a["unit"] if a else None)


def test_two_drugs_two_amounts(extractor):
    ev = _events(extractor, "Bij de inval vond de politie 5 kilo cocaïne en 2 kilo heroïne.", "2022-03-04")
    assert sorted(map(_key, ev)) == [("cocaine", 5.0, "kg"), ("heroin", 2.0, "kg")]


def test_amounts_across_sentences_take_the_earlier_drug_and_their_own_dates(extractor):
    text = "De douane onderschepte twee partijen heroïne. Op 12 maart ging het om 300 kilo, op 19 maart om 450 kilo."
    ev = _events(extractor, text, "2021-04-02")
    assert [(_key(e), e["date"]["start"]) for e in ev] == [
        (("heroin", 300.0, "kg"), "2021-03-12"),
        (("heroin", 450.0, "kg"), "2021-03-19"),
    ]


def test_amount_before_and_after_the_drug(extractor):
    ev = _events(
        extractor, "De politie vond een lading van 11 ton in een loods. Het ging om cocaïne.", "2022-01-05"
    )
    # the drug is named after the amount, in the next sentence: no drug known at the amount -> no event
    assert ev == [] or _key(ev[0]) == ("cocaine", 11000.0, "kg")
    ev = _events(extractor, "Cocaïne: 27,7 g\nHeroïne: 3 g", "2022-01-05", title="Inbeslagnames bij de actie")
    assert sorted(map(_key, ev)) == [("cocaine", 0.0277, "kg"), ("heroin", 0.003, "kg")]


def test_street_value_goes_to_the_event_before(extractor):
    text = "In de haven van Gent werd 800 kilo cocaïne gevonden. De straatwaarde wordt geschat op 60 miljoen euro."
    ev = _events(extractor, text, "2022-01-05")
    assert len(ev) == 1 and ev[0]["value_eur"] == 60e6 and ev[0]["location"]["name"] == "Gent"


def test_cash_is_not_a_street_value_nor_an_event(extractor):
    text = "Bij een huiszoeking in Mechelen nam de politie 45.000 euro cash in beslag."
    assert _events(extractor, text, "2022-01-05") == []


def test_joint_amount_gives_one_event_per_drug_without_amount(extractor):
    text = "In de auto vond de politie bijna twintig gram heroïne en cocaïne."
    ev = _events(extractor, text, "2022-01-05")
    assert sorted(map(_key, ev)) == [("cocaine", None, None), ("heroin", None, None)]


def test_total_over_a_year_is_an_aggregate(extractor):
    ev = _events(
        extractor,
        "Vorig jaar werd in de haven van Zeebrugge in totaal 20 ton cocaïne onderschept.",
        "2023-02-01",
    )
    assert ev[0]["kind"] == "aggregate" and ev[0]["date"]["start"] == "2022-01-01"


def test_running_total_to_a_day(extractor):
    ev = _events(
        extractor,
        "Op 15 mei 2022 had de douane in totaal 30.000 kilo cocaïne in beslag genomen.",
        "2022-06-01",
    )
    assert ev[0]["kind"] == "aggregate"
    assert (ev[0]["date"]["start"], ev[0]["date"]["end"]) == ("2022-01-01", "2022-05-15")


def test_total_in_one_find_is_a_seizure(extractor):
    ev = _events(
        extractor, "De douane vond donderdag in drie sporttassen in totaal 60 kilo cocaïne.", "2022-06-03"
    )
    assert ev[0]["kind"] == "seizure" and ev[0]["date"]["start"] == "2022-06-02"


def test_negated_find_is_no_event(extractor):
    assert _events(extractor, "Bij de controle werden geen drugs gevonden.", "2022-01-05") == []
    assert _events(extractor, "De agenten troffen geen cocaïne aan in de wagen.", "2022-01-05") == []


def test_hypothetical_find_is_no_event(extractor):
    text = "Als alle containers gescand zouden worden, zou er veel meer cocaïne onderschept worden."
    assert _events(extractor, text, "2022-01-05") == []


def test_wastewater_use_trade_and_production_are_no_events(extractor):
    for text in [
        "In het afvalwater van Brussel werd 900 milligram cocaïne per 1.000 inwoners aangetroffen.",
        "De bende smokkelde jaarlijks 3 ton cocaïne naar Europa.",
        "Volgens de politie werd in het lab wekelijks 50 kilo amfetamine geproduceerd.",
        "Een gram cocaïne kost op straat zo'n 50 euro.",
        "Hij werd veroordeeld voor de invoer van 200 kilo heroïne.",
    ]:
        assert _events(extractor, text, "2022-01-05") == [], text


def test_ratio_is_no_amount(extractor):
    text = "De douane heeft dit jaar drie keer zoveel cocaïne onderschept als vorig jaar."
    assert _events(extractor, text, "2022-01-05") == []


def test_plantation_without_count_and_lab_drug(extractor):
    ev = _events(
        extractor, "De politie heeft dinsdag een cannabisplantage opgerold in Hasselt.", "2022-03-10"
    )
    assert [(_key(e), e["location"]["name"], e["date"]["start"]) for e in ev] == [
        (("cannabis", None, None), "Hasselt", "2022-03-08")
    ]
    ev = _events(
        extractor, "Agenten ontdekten een lab voor de productie van amfetamine in een schuur.", "2022-03-10"
    )
    assert [_key(e) for e in ev] == [("amphetamine", None, None)]


def test_lab_and_its_amount_in_the_next_sentence_are_one_event(extractor):
    text = "In Weert werd gisteren een xtc-lab ontmanteld. Er werd 40 kilo MDMA aangetroffen."
    ev = _events(extractor, text, "2022-03-10")
    assert [_key(e) for e in ev] == [("mdma", 40.0, "kg")]
    assert ev[0]["date"]["start"] == "2022-03-09"


def test_title_restating_the_body_gives_one_event(extractor):
    ev = _events(
        extractor,
        "De douane heeft in Moerdijk 1.250 kilo cocaïne onderschept in een container met ananas.",
        "2022-03-10",
        title="Douane vindt ruim 1200 kilo cocaïne in Moerdijk",
    )
    assert [_key(e) for e in ev] == [("cocaine", 1250.0, "kg")]


def test_same_seizure_twice_gives_one_event(extractor):
    text = "In Kallo werd 2 ton cocaïne onderschept. De 2 ton cocaïne zat in een lading bananen."
    assert len(_events(extractor, text, "2022-03-10")) == 1


def test_parts_of_a_stated_total_are_dropped(extractor):
    text = "De politie rolde een kwekerij met 300 planten op. Op zolder stonden 120 planten, in de kelder 180 planten."
    ev = _events(extractor, text, "2022-03-10")
    assert [_key(e) for e in ev] == [("cannabis", 300.0, "plants")]


def test_generic_drugs_give_way_to_specific(extractor):
    text = "De agenten vonden een grote hoeveelheid drugs. Het ging om 3 kilo speed."
    ev = _events(extractor, text, "2022-03-10")
    assert [_key(e) for e in ev] == [("amphetamine", 3.0, "kg")]


def test_a_lab_gives_way_to_the_synthetic_drugs_it_made(extractor):
    text = "In Rijen vond de politie een drugslab. Het ging om een lab voor synthetische drugs."
    assert [_key(e) for e in _events(extractor, text, "2022-03-10")] == [("synthetic", None, None)]
    text = "In Rijen vond de politie drugs en een drugslab."  # nothing more specific named: one find stays
    assert [_key(e) for e in _events(extractor, text, "2022-03-10")] == [("unspecified", None, None)]


def test_a_substance_without_an_id_does_not_give_way(extractor):
    text = "In een woning in Zutphen vonden agenten cocaïne en paddo's."
    assert sorted(_key(e) for e in _events(extractor, text, "2022-03-10")) == [
        ("cocaine", None, None),
        ("unspecified", None, None),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Dinsdag hielden agenten in Venlo een bus aan. Er zat 300 kilo speed in, de grootste partij van de laatste vijf jaar.",
         ("2023-05-09", "2023-05-09")),  # years after a superlative: its domain, the context dates the find
        ("Er werd in Venlo 300 kilo speed gevonden, de grootste vondst van dit jaar.",
         ("2023-01-01", "2023-05-10")),  # a year or less still dates it
    ],
)  # fmt: skip
def test_superlative_scope_is_no_date(extractor, text, date):
    (e,) = _events(extractor, text, "2023-05-10")
    assert (e["date"]["start"], e["date"]["end"]) == date


@pytest.mark.parametrize(
    "text",
    [
        "In Duitsland is een xtc-lab opgerold. In Venlo vond de politie dinsdag 20 kilo xtc.",  # not inside
        "Op 2 mei werd in Limburg een xtc-lab opgerold. Op 20 mei vond de politie in Limburg 20 kilo xtc.",
        "In Duitsland zijn drie xtc-labs opgerold. In Aken lag 150 kilo MDMA.",  # several: not one of them
    ],
)
def test_lead_not_detailed_elsewhere(extractor, text):
    assert len(_events(extractor, text, "2023-05-25")) == 2


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("In Boxtel en Vught werden dinsdag plantages van 500 en 700 planten geruimd.",
         [(500.0, "Boxtel"), (700.0, "Vught")]),  # listed alike: in order
        ("In Boxtel, Vught en Oss vond de politie 30, 40 en 50 kilo hasj.",
         [(30.0, "Boxtel"), (40.0, "Vught"), (50.0, "Oss")]),
        # two places, one figure: the nearest place, no pairing
        ("De politie uit Boxtel vond in Vught 500 planten.", [(500.0, "Vught")]),
    ],
)  # fmt: skip
def test_places_and_figures_listed_alike_pair_up(extractor, text, places):
    got = [(e["amount"]["value"], e["location"]["name"]) for e in _events(extractor, text, "2023-06-06")]
    assert sorted(got) == places


@pytest.mark.parametrize(
    "text",
    [
        "De douane deed dit jaar deze vondsten:\n• 30 kilo coke (Terneuzen, 3 mei)\n• 45 kilo coke (Hulst, 9 juni)",
        "De vondsten van de douane dit jaar:\n1. Terneuzen: 30 kilo cocaïne\n2. Hulst: 45 kilo cocaïne",
        "De douane onderschepte dit jaar:\n- 3 mei – 30 kilo cocaïne – Terneuzen\n- 9 juni – 45 kilo cocaïne – Hulst",
    ],
)
def test_a_list_line_names_its_place_bare(extractor, text):
    got = [(e["amount"]["value"], e["location"]["name"]) for e in _events(extractor, text, "2023-11-10")]
    assert got == [(30.0, "Terneuzen"), (45.0, "Hulst")]


def test_a_border_is_not_in_the_country_it_names(extractor):
    text = "Aan de Belgische grens bij Baarle-Nassau vonden agenten zondag 9 kilo heroïne in een bestelbus."
    assert [e["location"]["name"] for e in _events(extractor, text, "2022-03-10")] == ["Baarle-Nassau"]


def test_origin_is_not_the_place(extractor):
    text = "In de haven van Rotterdam werd 400 kilo cocaïne gevonden in een container uit Ecuador."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["location"]["name"] == "Rotterdam" and ev[0]["location"]["country"] == "NL"


@pytest.mark.parametrize(
    "text,place",
    [  # a find in someone's home is where they live
        ("Een 27-jarige man uit Harderwijk is opgepakt. In zijn woning lag 3 kilo hasj.", "Harderwijk"),
        ("De rechter veroordeelde een Tilburger. In zijn huis vond de politie 2 kilo coke.", "Tilburg"),
        # not a home, or the find's own place: the home town is not the place
        ("Een 27-jarige man uit Harderwijk is in Zwolle opgepakt. In zijn auto lag 3 kilo hasj.", "Zwolle"),
        ("Een man uit Harderwijk is opgepakt. In zijn woning in Ermelo lag 3 kilo hasj.", "Ermelo"),
        ("Een lading uit Ecuador is onderschept. In zijn woning in Ermelo lag 3 kilo hasj.", "Ermelo"),
        # a country's adjective is no residence
        (
            "Een man uit Tilburg werd door de Belgische douane aangehouden. In zijn woning vond de politie 2 kilo hasj.",
            "Tilburg",
        ),
    ],
)
def test_a_find_at_home_is_where_its_owner_lives(extractor, text, place):
    assert [e["location"]["name"] for e in _events(extractor, text, "2022-03-10")] == [place]


def test_an_agencys_town_in_the_title_places_a_find_nothing_else_places(extractor):
    text = "Agenten troffen dinsdag een kwekerij met 500 planten aan in een woning."
    ev = _events(extractor, text, "2022-03-10", title="Politie Roermond rolt hennepkwekerij op")
    assert [e["location"]["name"] for e in ev] == ["Roermond"]


def test_weighed_drugs_identified_as_several_drugs_stay_drugs(extractor):
    ev = _events(
        extractor, "De douane onderschepte 80 kilo drugs. Het ging om heroïne en cocaïne.", "2023-05-10"
    )
    assert [(e["drug"], e["amount"]["value"]) for e in ev if e["amount"]] == [("unspecified", 80.0)]


def test_packing_passes_its_value_to_the_find(extractor):
    text = "In Zeebrugge werd 2.000 kilo cocaïne onderschept, verdeeld over 1.800 blokken met een straatwaarde van 150 miljoen euro."
    ev = _events(extractor, text, "2023-05-10")
    assert [(e["amount"]["value"], e["value_eur"]) for e in ev] == [(2000.0, 150000000.0)]


def test_a_courts_seat_named_before_is_not_the_place(extractor):
    text = "De rechtbank in Gent sprak vrijdag een vonnis uit. Bij de verdachte werd 2 kilo hasj in beslag genomen."
    assert [e["location"] for e in _events(extractor, text, "2022-03-10")] == [None]


def test_a_find_at_home_takes_no_origin(extractor):
    text = "Een lading uit Ecuador is in Antwerpen onderschept. Bij hem thuis lag 3 kilo hasj."
    assert [e["location"]["name"] for e in _events(extractor, text, "2022-03-10")][-1] == "Antwerpen"


def test_place_and_date_from_earlier_context(extractor):
    text = "De FIOD deed maandag een inval in een loods in Venray. Daar lag 75 kilo heroïne."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["location"]["name"] == "Venray" and ev[0]["date"]["start"] == "2022-03-07"
    assert "FIOD" in ev[0]["agency"]


def test_weight_of_counted_blocks(extractor):
    text = "De douane vond 40 blokken cocaïne in een vrachtwagen. De blokken wogen samen 44 kilo."
    ev = _events(extractor, text, "2022-03-10")
    assert [_key(e) for e in ev] == [("cocaine", 44.0, "kg")]


def test_vague_amount_is_an_event_without_amount(extractor):
    text = "In Deurne vond de politie 3 kilo cocaïne. Ook werden tientallen kilo's hasj gevonden."
    ev = _events(extractor, text, "2022-03-10")
    assert sorted(map(_key, ev), key=str) == sorted(
        [("cocaine", 3.0, "kg"), ("cannabis", None, None)], key=str
    )


def test_range_gives_amount_range(extractor):
    ev = _events(
        extractor,
        "In de loods stonden tussen de 1700 en 2000 hennepplanten, die werden vernietigd.",
        "2022-03-10",
    )
    assert ev[0]["amount"] is None and ev[0]["amount_range"] == {
        "low": 1700.0,
        "high": 2000.0,
        "unit": "plants",
        "text": "tussen de 1700 en 2000 hennepplanten",
    }


def test_operation_and_agencies(extractor):
    text = "Dankzij het kraken van Sky ECC kon de federale gerechtelijke politie 2 ton cocaïne onderscheppen in Antwerpen."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["operation"] == "Sky ECC" and "FGP" in ev[0]["agency"]


def test_evidence_offsets_point_into_the_text(extractor):
    title = "Douane vindt cocaïne"
    text = "Eerste zin zonder iets. De douane heeft in Gent 12 kilo cocaïne gevonden."
    ev = extractor.extract(text, published="2022-03-10", title=title)
    full = f"{title}\n\n{text}"
    for e in ev:
        assert full[e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert 0 < e.confidence < 1


def test_confidence_higher_when_fields_agree(extractor):
    rich = extractor.extract(
        "De douane heeft dinsdag in Gent 12 kilo cocaïne onderschept.", published="2022-03-10"
    )[0]
    poor = extractor.extract("Een lading cocaïne werd onderschept.", published=None)[0]
    assert rich.confidence > poor.confidence


@pytest.mark.parametrize(
    "text",
    [
        "De gemeenteraad debatteert over de aanpak van drugsoverlast in de binnenstad.",
        "De havenbedrijf meldt dat de overslag vorig jaar met 2 procent steeg tot 440 miljoen ton.",
        "De rechtbank veroordeelde de man tot zes jaar cel voor drugshandel.",
        "Steeds meer jongeren gebruiken ketamine op feestjes, blijkt uit onderzoek.",
    ],
)
def test_articles_without_seizures(extractor, text):
    assert _events(extractor, text, "2022-03-10") == []


def test_agency_seat_is_the_last_resort_place(extractor):
    text = "Rechercheurs van de politiezone Brugge hebben 30 kilo speed in beslag genomen."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["location"]["name"] == "Brugge"


def test_a_later_place_when_the_sentence_has_none(extractor):
    text = "De douane onderschepte 600 kilo cocaïne. De container stond op een kade in Vlissingen."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["location"]["name"] == "Vlissingen"


def test_second_item_of_the_same_drug_in_one_sentence(extractor):
    text = "De politie vond 300 liter BMK-olie en een partij PMK in een schuur in Bree."
    ev = _events(extractor, text, "2022-03-10")
    assert sorted(map(_key, ev), key=str) == sorted(
        [("precursor", 300.0, "l"), ("precursor", None, None)], key=str
    )
    text = "In de loods lagen een halve ton amfetamine en honderden kilo's speed, zo ontdekte de politie."
    ev = _events(extractor, text, "2022-03-10")
    assert sorted(map(_key, ev), key=str) == sorted(
        [("amphetamine", 500.0, "kg"), ("amphetamine", None, None)], key=str
    )


def test_separable_verb_trigger(extractor):
    text = "Een drugshond sloeg vrijdag aan bij een auto in Lanaken. Onder de achterbank lag 4 kilo heroïne."
    ev = _events(extractor, text, "2022-03-10")
    assert [_key(e) for e in ev] == [("heroin", 4.0, "kg")] and ev[0]["date"]["start"] == "2022-03-04"


def test_drugs_fished_from_the_water(extractor):
    ev = _events(extractor, "De kustwacht viste woensdag 90 kilo cocaïne uit zee bij Oostende.", "2022-03-10")
    assert [_key(e) for e in ev] == [("cocaine", 90.0, "kg")]


def test_reported_date_inside_the_reported_clause(extractor):
    text = "De politie meldt dat bij een inval in Almelo maandag drie mannen zijn opgepakt. In de woning lag 7 kilo speed."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["date"]["start"] == "2022-03-07"
    text = "Dat schrijft de krant woensdag. In de haven van Gent werd 2 ton cocaïne onderschept."
    assert _events(extractor, text, "2022-03-10")[0]["date"] is None
    # a separable reporting verb with its particle: "maakte ... bekend", "liet ... weten"
    text = "Dat maakte de douane woensdag bekend. In de haven van Gent werd 2 ton cocaïne onderschept."
    assert _events(extractor, text, "2022-03-10")[0]["date"] is None
    text = "Dat liet de politie woensdag weten. In Gent werd 2 ton cocaïne onderschept."
    assert _events(extractor, text, "2022-03-10")[0]["date"] is None
    text = "De politie maakte woensdag een inval in Gent. Ze vond 2 ton cocaïne."  # no particle: no report
    assert _events(extractor, text, "2022-03-10")[0]["date"]["start"] == "2022-03-09"


def test_compared_figure_keeps_its_own_date(extractor):
    text = "In Antwerpen werd dit jaar 90 ton cocaïne onderschept, tegen 70 ton in heel 2021."
    ev = _events(extractor, text, "2022-12-20")
    dates = {e["amount"]["value"]: (e["date"]["start"], e["date"]["end"]) for e in ev}
    assert dates == {90000.0: ("2022-01-01", "2022-12-20"), 70000.0: ("2021-01-01", "2021-12-31")}
    text = (
        "In 2023 werd in Gent 40 ton cocaïne onderschept. Dat is meer dan in 2022, toen het om 31 ton ging."
    )
    ev = _events(extractor, text, "2024-01-20")
    got = {e["amount"]["value"]: (e["kind"], e["date"]["start"], e["date"]["end"]) for e in ev}
    assert got == {
        40000.0: ("aggregate", "2023-01-01", "2023-12-31"),
        31000.0: ("aggregate", "2022-01-01", "2022-12-31"),
    }


def test_police_action_makes_drugs_found_after_it_a_seizure(extractor):
    text = "Na een achtervolging werd de auto bij Venlo klemgereden. In de kofferbak lagen 3 kilo heroïne."
    assert [_key(e) for e in _events(extractor, text, "2022-03-10")] == [("heroin", 3.0, "kg")]
    text = (
        "De agent controleerde de man in Venlo. Hij vertelde dat hij vorig jaar 2 kilo cocaïne had verkocht."
    )
    assert _events(extractor, text, "2022-03-10") == []


def test_washed_ashore_is_a_find(extractor):
    text = "Bij Zoutelande spoelden zondag 14 pakketten cocaïne aan."
    assert [_key(e) for e in _events(extractor, text, "2024-03-12")] == [("cocaine", 14.0, "units")]
    assert _events(extractor, "Bij Zoutelande spoelde zondag een dode bruinvis aan.", "2024-03-12") == []


@pytest.mark.parametrize(
    ("verb", "events"),
    [("hielden de bus bij Venlo aan", 1), ("vielen in de bus bij Venlo binnen", 1),
     ("hielden de bus bij Venlo in de gaten", 0), ("vielen op in Venlo", 0)],
)  # fmt: skip
def test_separable_police_action_needs_its_particle(extractor, verb, events):
    text = f"Agenten {verb}. In de laadruimte lagen 25 kilo hasj."
    assert len(_events(extractor, text, "2022-03-10")) == events


@pytest.mark.parametrize(
    ("text", "drugs"),
    [
        ("Agenten rolden in Emmen een hennepkwekerij op. Achter de schuur lagen twee jerrycans met PMK.",
         ["cannabis", "precursor"]),
        # no find stated: what stands somewhere is not seized
        ("In de garage in Emmen stonden tientallen vaten met chemicaliën. Het bedrijf laat ze ophalen.", []),
        # before the find it is not yet part of it
        ("In het magazijn stonden vaten met chemicaliën. In Assen vond de politie later 4 kilo speed.",
         ["amphetamine"]),
        # a definite mention after the find refers back to it
        ("Agenten vonden in Emmen 200 liter BMK. De BMK stond in een schuur.", ["precursor"]),
        # a bare drug where the find just stated was made: part of it
        ("In Moerdijk werd een lading kokosnoten onderschept. Tussen de noten zat heroïne.", ["heroin"]),
        ("De politie vond in Tiel 3 kilo hasj. In de kelder lag ook speed.", ["amphetamine", "cannabis"]),
        # not after a stated find: an arrest is none
        ("De man werd in Tiel aangehouden. In zijn bloed zat cocaïne.", []),
        # a drug identified in the sentence after a find that named none
        ("Agenten vonden in Tiel een zakje poeder. Het ging vermoedelijk om speed.", ["amphetamine"]),
        ("Agenten vonden in Tiel 3 kilo hasj. Het ging om een grote partij.", ["cannabis"]),
        ("Agenten vonden in Tiel niets. Volgens de tipgever ging het om cocaïne.", []),  # nothing found
    ],
)  # fmt: skip
def test_what_stood_where_a_find_was_made_is_part_of_it(extractor, text, drugs):
    assert sorted(e["drug"] for e in _events(extractor, text, "2023-09-15")) == drugs


def test_a_generic_finds_value_goes_to_the_named_find(extractor):
    text = "Drugs met een straatwaarde van 2 miljoen euro zijn in Venlo in beslag genomen. Het ging om 300 kilo hasj."
    assert [(e["drug"], e["value_eur"]) for e in _events(extractor, text, "2023-05-10")] == [
        ("cannabis", 2e6)
    ]
    text = "In Venlo werd 300 kilo hasj (buurt Venlo-Oost) in beslag genomen."  # brackets without a sum
    assert [e["value_eur"] for e in _events(extractor, text, "2023-05-10")] == [None]


def test_value_of_drugs_without_amount(extractor):
    text = "Bij huiszoekingen in Aalst heeft de politie voor 1,5 miljoen euro aan cocaïne in beslag genomen."
    ev = _events(extractor, text, "2022-03-10")
    assert [(_key(e), e["value_eur"]) for e in ev] == [(("cocaine", None, None), 1.5e6)]


def test_links_to_other_articles_are_not_events(extractor):
    text = (
        "In de haven van Gent werd dinsdag 300 kilo cocaïne onderschept.\n\n"
        "LEES OOK. Douane onderschept 3 ton cocaïne in Antwerpen (+)\n\n"
        "Lees ook: Politie vindt 50 kilo speed in Breda"
    )
    ev = _events(extractor, text, "2022-03-10")
    assert [_key(e) for e in ev] == [("cocaine", 300.0, "kg")]


@pytest.mark.parametrize(
    "text,length",
    [
        ("Douane onderschept 542 kilo cocaïne in haven Vlissingen\n\nDe douane heeft ...", 55),
        ("De douane heeft 542 kilo cocaïne gevonden.\nMeer tekst.", 0),
        ("DRACHTEN - De politie heeft dinsdag een kwekerij opgerold.\n", 0),
        ("Kort\n\nTekst", 0),
        ("Een tekst zonder regeleinde", 0),
    ],
)
def test_headline_in_the_text(text, length):
    from extractor.api import headline_length

    assert headline_length(text) == length


def test_headline_in_the_text_reads_like_a_title(extractor):
    title = "Hennepkwekerij met 420 plantjes opgerold"
    body = "De politie heeft dinsdag een hennepkwekerij opgerold in Sneek. In de eerste kamer stonden 200 plantjes, in de tweede 220 plantjes."
    as_title = _events(extractor, body, "2021-09-22", title=title)
    in_text = _events(extractor, f"{title}\n\n{body}", "2021-09-22")
    assert [_key(e) for e in in_text] == [_key(e) for e in as_title] == [("cannabis", 420.0, "plants")]
    assert in_text[0]["date"]["start"] == "2021-09-21"


def test_origin_country(extractor):
    text = "De douane vond in Antwerpen 2 ton cocaïne in een container uit Ecuador."
    ev = _events(extractor, text, "2022-03-10")
    assert ev[0]["origin"]["name"] == "Ecuador" and ev[0]["origin"]["country"] == "EC"
    assert ev[0]["location"]["name"] == "Antwerpen"
    text = "De douane vond in Antwerpen 2 ton cocaïne. Een man uit Amsterdam werd opgepakt."
    assert _events(extractor, text, "2022-03-10")[0]["origin"] is None


def test_arrest_for_possession_is_a_seizure_but_trade_and_averages_are_not(extractor):
    text = (
        "Een 40-jarige man is dinsdag in Breda aangehouden voor het bezit van 3 kilo hasj en 200 gram speed."
    )
    assert sorted(map(_key, _events(extractor, text, "2022-01-10")), key=str) == sorted(
        [("cannabis", 3.0, "kg"), ("amphetamine", 0.2, "kg")], key=str
    )
    assert (
        _events(extractor, "Een man is aangehouden op verdenking van handel in 3 kilo cocaïne.", "2022-01-10")
        == []
    )
    assert (
        _events(
            extractor, "De douane onderschept gemiddeld 1 ton cocaïne per week in de haven.", "2022-01-10"
        )
        == []
    )


def test_a_year_date_on_one_find_is_a_seizure(extractor):
    ev = _events(
        extractor, "Het hof veroordeelde de man. Bij hem werd in 2020 50 kilo speed gevonden.", "2022-05-10"
    )
    assert [(_key(e), e["kind"]) for e in ev] == [(("amphetamine", 50.0, "kg"), "seizure")]
    ev = _events(
        extractor,
        "Sinds het begin van het jaar werd in Antwerpen al 45 ton cocaïne onderschept.",
        "2022-05-10",
    )
    assert ev[0]["kind"] == "aggregate" and (ev[0]["date"]["start"], ev[0]["date"]["end"]) == (
        "2022-01-01",
        "2022-05-10",
    )


def test_respectively_gives_one_event_per_amount(extractor):
    ev = _events(
        extractor, "In Brugge en Gent werd respectievelijk 5 en 7 kilo cocaïne gevonden.", "2022-01-10"
    )
    assert [_key(e) for e in ev] == [("cocaine", 5.0, "kg"), ("cocaine", 7.0, "kg")]


def test_drug_named_in_the_next_sentence(extractor):
    text = "De douane heeft in de haven van Gent 11 ton onderschept. Het ging om cocaïne uit Colombia."
    assert [_key(e) for e in _events(extractor, text, "2022-01-10")] == [("cocaine", 11000.0, "kg")]


def test_total_on_a_weekday_is_one_find_and_airports_are_places(extractor):
    text = "Douaniers op Brussels Airport hebben dinsdag bij twee reizigers in totaal twintig kilo cocaïne in beslag genomen. Ze werden voorgeleid bij de onderzoeksrechter in Brussel."
    ev = _events(extractor, text, "2023-06-28")
    assert ev[0]["kind"] == "seizure" and ev[0]["date"]["start"] == "2023-06-27"
    assert ev[0]["location"]["name"] == "Brussels Airport"


def test_long_text_is_linked_whole_without_repeating_title_events(extractor):
    filler = "De gemeenteraad vergaderde over het budget. " * 300
    text = filler + "In de haven van Gent werd 300 kilo cocaïne onderschept."
    ev = _events(extractor, text, "2022-03-10", title="Politie vindt 20 kilo heroïne in Venlo")
    assert sorted(map(_key, ev), key=str) == sorted(
        [("heroin", 20.0, "kg"), ("cocaine", 300.0, "kg")], key=str
    )


_ARTICLE = (
    "Dinsdag heeft de douane in de haven van Antwerpen 1.200 kilo cocaïne onderschept. "
    "De drugs zaten verstopt tussen bananen uit Ecuador. "
    "In een loods in Oss vond de politie vorige week 80 kilo hasj en 3.000 xtc-pillen. "
    "Bij een inval in Venlo werd een cannabisplantage met 600 planten opgerold. "
)


def test_repeated_text_gives_the_same_events_whole_as_once(extractor):
    """Linking is not cut into windows: the finds of a text repeated merge into those of one copy."""
    once = sorted(map(_key, _events(extractor, _ARTICLE, "2022-05-12")), key=str)
    whole = sorted(map(_key, _events(extractor, _ARTICLE * 40, "2022-05-12")), key=str)
    assert once == whole and len(once) == 4


def test_linking_work_grows_linearly(extractor):
    """An article of 480 sentences costs the linker at most 9x the Python calls of one of 60.

    Calls, not seconds: a count is the same on every machine and run, so the test cannot flake,
    and a loop over all sentences per sentence shows as 64x. Time is measured in bench/."""
    import sys

    from extractor import extensions as ext
    from extractor.components.events import _mentions, sentence_bounds
    from extractor.linking import link

    def prepared(text):
        doc = extractor.make_doc(text, "2022-05-12")
        for _name, proc in extractor.nlp.pipeline[:-1]:
            doc = proc(doc)
        keys = {"amounts": ext.AMOUNT, "dates": ext.DATE, "places": ext.PLACE}
        kinds = ("amounts", "dates", "drugs", "places", "agencies", "operations")
        mentions = {k: _mentions(doc, k, keys.get(k), use_id=k not in keys) for k in kinds}
        return ext.doc_text(doc), sentence_bounds(doc), mentions

    def calls(args):
        n = 0

        def count(frame, event, arg):
            nonlocal n
            n += event in ("call", "c_call")

        link(*args)  # warm the caches first: they are paid once per process
        sys.setprofile(count)
        try:
            link(*args)
        finally:
            sys.setprofile(None)
        return n

    small, large = prepared(_ARTICLE * 15), prepared(_ARTICLE * 120)
    assert len(large[1]) == 8 * len(small[1]) == 480
    big, few = calls(large), calls(small)
    assert big <= 9 * few, (big, few)


# kind: what makes a figure a total, and what keeps a find one find (sentences written for these tables)
KIND_CASES = [
    (
        "Bij een festivalcontrole in Werchter werden 15 joints, 30 xtc-pillen en 4 gram speed in beslag genomen.",
        "aggregate",
    ),
    ("Er werd dit voorjaar 9 ton cocaïne onderschept in Rotterdam, een stijging van een derde.", "aggregate"),
    ("De douane onderschepte 51 ton cocaïne, tegenover 34 ton in de vorige periode.", "aggregate"),
    ("Samen waren de vijf vondsten in Vlissingen goed voor 2.100 kilo cocaïne.", "aggregate"),
    ("Eind vorig jaar onderschepte de douane in Moerdijk 130 kilo cocaïne.", "seizure"),
    ("Vorig jaar werd in een loods in Oss 200 kilo speed gevonden.", "seizure"),
    ("In 2021 werd bij een inval in Breda een partij van 600 kilo hasj gevonden.", "seizure"),
    ("De in beslag genomen hoeveelheid heroïne nam af van 700 naar 450 kilo in twee jaar.", "aggregate"),
    ("In het derde kwartaal onderschepte de douane in Zeebrugge 6.100 kilo cocaïne.", "aggregate"),
    ("De in beslag genomen hoeveelheid hasj is in twee jaar verdubbeld: van 300 naar 600 kilo.", "aggregate"),
    # the largest of a year's finds is one find, though the sentence counts the year's finds
    ("Dit jaar werd in Moerdijk al vaak heroïne gevonden; de grootste vangst was 700 kilo.", "seizure"),
]
KIND_NEGATIVE = [  # the same words that must not make a total
    ("In 2020 werd de man in Lelystad al eens opgepakt met 800 gram heroïne.", "seizure"),  # one occasion
    (
        "Drie jaar geleden vond de politie in Maaseik al eens 900 plantjes.",
        "seizure",
    ),  # "al eens": once before
    ("Eerder dit jaar werd in Moerdijk ook al 900 kilo cocaïne gevonden.", "seizure"),
    (
        "Gisteren vond de politie in een woning in Hasselt 4 kilo cocaïne, 2 kilo heroïne en 300 xtc-pillen.",
        "seizure",
    ),
    ("De douane vond 40 kilo cocaïne; de recherche werkte samen met de Belgische politie.", "seizure"),
    ("In de strijd tegen drugs vond de politie dinsdag in Venlo 3 kilo heroïne.", "seizure"),
    ("In 2020 onderschepte de douane in Antwerpen 65 ton cocaïne.", "aggregate"),
    ("De man steeg uit zijn auto, waarna agenten 3 kilo cocaïne in de kofferbak vonden.", "seizure"),
    # a superlative of an amount, not of a find, leaves a yearly figure a total
    ("In 2021 onderschepte de douane in Gent 40 ton cocaïne, de grootste hoeveelheid ooit.", "aggregate"),
]


@pytest.mark.parametrize(
    "text,kind", KIND_CASES + KIND_NEGATIVE, ids=[t[:40] for t, _ in KIND_CASES + KIND_NEGATIVE]
)
def test_kind_table(extractor, text, kind):
    ev = _events(extractor, text, "2022-05-12")
    assert ev and {e["kind"] for e in ev} == {kind}, ev


@pytest.mark.parametrize(
    "text,kinds",
    [  # a figure for another place beside a yearly total, in the total's period, is that place's total
        ("Vorig jaar werd in Rotterdam 46 ton cocaïne onderschept. In Antwerpen werd 110 ton onderschept.",
         {46000.0: "aggregate", 110000.0: "aggregate"}),
        # ... but one find there, or a find of its own day, stays a find
        ("Vorig jaar werd in Rotterdam 46 ton cocaïne onderschept. In Antwerpen werd een lading van 2 ton gevonden.",
         {46000.0: "aggregate", 2000.0: "seizure"}),
        ("Vorig jaar werd in Rotterdam 46 ton cocaïne onderschept. In Antwerpen werd dinsdag 2 ton gevonden.",
         {46000.0: "aggregate", 2000.0: "seizure"}),
        ("Vorig jaar werd in Rotterdam 46 ton cocaïne onderschept. In Antwerpen lag 2 ton in een container.",
         {46000.0: "aggregate", 2000.0: "seizure"}),
    ],
)  # fmt: skip
def test_a_parallel_figure_beside_a_total(extractor, text, kinds):
    ev = _events(extractor, text, "2023-05-12")
    assert {e["amount"]["value"]: e["kind"] for e in ev} == kinds, ev


def test_a_compared_figures_date_is_not_the_next_sentences(extractor):
    """ "minder dan het jaar ervoor, toen het om 72 ton ging" dates the compared figure only."""
    text = (
        "De douane onderschepte vorig jaar 60 ton cocaïne in Rotterdam. Dat is minder dan het jaar ervoor, "
        "toen het om 72 ton ging. In Antwerpen werd 116 ton onderschept."
    )
    ev = _events(extractor, text, "2023-05-12")
    assert {e["amount"]["value"]: e["date"]["start"] for e in ev} == {
        60000.0: "2022-01-01",
        72000.0: "2021-01-01",
        116000.0: "2022-01-01",
    }


@pytest.mark.parametrize(
    "text,figures",
    [  # two exact figures that differ are two figures; a figure and its rounding one
        ("Bij de eerste controle in Vlissingen werd 1.212 kilo cocaïne gevonden. Bij een tweede controle in "
         "Vlissingen werd 1.236 kilo cocaïne gevonden.", {1212.0, 1236.0}),
        ("Vorig jaar onderschepte de douane in Gent 31,48 ton cocaïne. Die 31,5 ton is een record.", {31480.0}),
    ],
)  # fmt: skip
def test_close_exact_figures_stay_two(extractor, text, figures):
    assert {e["amount"]["value"] for e in _events(extractor, text, "2023-05-12")} == figures


def test_a_figure_added_to_a_total_with_er_is_ook(extractor):
    text = "Vorig jaar werd in Gent 30 ton cocaïne onderschept. Er is ook 4 ton hasj in beslag genomen."
    assert {e["kind"] for e in _events(extractor, text, "2023-05-12")} == {"aggregate"}


def test_total_of_one_day_keeps_its_day(extractor):
    """Only a running total dated to a day runs from 1 January; a total of one day's finds is that day."""
    day = _events(
        extractor, "Bij twee acties in Maaseik werd zondag samen 800 gram speed gevonden.", "2023-03-08"
    )
    assert [(e["kind"], e["date"]["start"], e["date"]["end"]) for e in day] == [
        ("aggregate", "2023-03-05", "2023-03-05")
    ]
    running = _events(extractor, "Op 5 maart stond de teller in Zeebrugge al op 6 ton cocaïne.", "2023-03-08")
    assert [(e["kind"], e["date"]["start"], e["date"]["end"]) for e in running] == [
        ("aggregate", "2023-01-01", "2023-03-05")
    ]


def test_the_date_of_a_later_figure_is_not_the_finds(extractor):
    """A date after the find belongs to a figure beside it, not to the find: "als de 1 ton van vorige maand"."""
    text = "De douane vond in Gent 3 ton cocaïne. Dat is meer dan de 2 ton van vorige maand."
    ev = {e["amount"]["value"]: e["date"] for e in _events(extractor, text, "2023-03-08")}
    assert ev[3000.0] is None and ev[2000.0]["start"] == "2023-02-01"
    text = "De douane vond in Gent 3 ton cocaïne. Dat gebeurde vorige week, in de haven."
    assert [e["date"]["start"] for e in _events(extractor, text, "2023-03-08")] == ["2023-02-27"]


def test_packages_the_next_sentence_identifies_are_its_drug(extractor):
    """Counted packages of "drugs" (the title's word) that the next sentence identifies: one find of that drug."""
    text = "Bij een controle in Boxtel vonden agenten acht pakketten in de bus. Na onderzoek bleek het om heroïne te gaan, in totaal 8 kilo."
    ev = _events(extractor, text, "2023-05-10", title="Drugs in bestelbus")
    assert [_key(e) for e in ev] == [("heroin", 8.0, "kg")]


def test_a_round_up_places_each_item_by_its_dateline(extractor):
    """Short items of a regional round-up each open with their town: "Roermond - ..."."""
    text = (
        "Boxmeer - Agenten rolden zaterdag een hennepkwekerij met 200 planten op.\n\n"
        "Cuijk - Op de A73 werd een man aangehouden. In zijn auto lag 300 gram cocaïne."
    )
    ev = _events(extractor, text, "2024-04-15")
    assert [(e["drug"], e["location"]["name"]) for e in ev] == [("cannabis", "Boxmeer"), ("cocaine", "Cuijk")]


def test_a_street_is_in_a_town_not_in_a_district(extractor):
    """A street alone resolves to the town named before it, not to a district ("de wijk X")."""
    text = "In de wijk Kruidenbuurt werd een man aangehouden. In de Tulpstraat vond de politie 30 kilo hasj."
    assert {e["location"]["name"] for e in _events(extractor, text, "2023-05-10")} == {"Tulpstraat"}
    text = "In Waalwijk werd een man aangehouden. In de Tulpstraat vond de politie 30 kilo hasj."
    assert {e["location"]["name"] for e in _events(extractor, text, "2023-05-10")} == {"Waalwijk"}


def test_a_report_of_the_find_dates_the_report_not_the_find(extractor):
    """ "Het parket bevestigt dinsdag de vangst": the find noun is the report's object; the find is dated before."""
    text = (
        "Douaniers vonden vorige week in Zeebrugge een partij heroïne. Het parket bevestigt dinsdag de vangst. "
        "Het gaat om 40 kilo."
    )
    ev = _events(extractor, text, "2023-11-14")
    assert [(e["amount"]["value"], e["date"]["start"], e["date"]["end"]) for e in ev] == [
        (40.0, "2023-11-06", "2023-11-12")
    ]


def test_a_find_made_again_does_not_take_the_earlier_finds_date(extractor):
    """ "Vorige maand ... 500 kilo. Opnieuw werd 300 kilo gevonden": the 300 kilo is not of last month."""
    text = "Vorige maand vond de douane in Terneuzen 500 kilo cocaïne. Nu werd er opnieuw 300 kilo cocaïne gevonden."
    ev = {e["amount"]["value"]: e["date"] for e in _events(extractor, text, "2024-05-20")}
    assert ev[500.0]["start"] == "2024-04-01" and ev[300.0] is None
    text = "Vorige maand vond de douane in Terneuzen 500 kilo cocaïne. Ook werd er 300 kilo hasj gevonden."
    ev = {e["amount"]["value"]: e["date"] for e in _events(extractor, text, "2024-05-20")}
    assert ev[300.0]["start"] == "2024-04-01"


# real-news phenomena (sentences written for these tables): (text, expected (drug, amount, unit, kind) set)
PHENOMENA = [
    # one figure for several counted finds is their total; one figure each, single finds
    ("Bij drie vondsten in de haven van Moerdijk werd vorige week 900 kilo cocaïne onderschept.",
     {("cocaine", 900.0, "kg", "aggregate")}),
    ("Bij twee vondsten in Moerdijk werd vorige week 500 en 400 kilo cocaïne onderschept.",
     {("cocaine", 500.0, "kg", "seizure"), ("cocaine", 400.0, "kg", "seizure")}),
    # "al" with a closed past period recalls an earlier find; with a period running to now it sums
    ("De douane vond dinsdag in Vlissingen 80 kilo cocaïne. Vorige maand werd daar al 60 kilo gevonden.",
     {("cocaine", 80.0, "kg", "seizure"), ("cocaine", 60.0, "kg", "seizure")}),
    ("Dit jaar werd in de haven van Vlissingen al 9 ton cocaïne onderschept.", {("cocaine", 9000.0, "kg", "aggregate")}),
    # a part of one find is no total: "het grootste deel" after a seizure
    ("De politie vond dinsdag in Tiel 50 kilo drugs. Het grootste deel, 40 kilo, was hasj.",
     {("unspecified", 50.0, "kg", "seizure"), ("cannabis", 40.0, "kg", "seizure")}),
    # a substance found for making a drug is a precursor, also when the next sentence says so
    ("Rechercheurs troffen in een loods in Deurne twintig jerrycans aan met een vloeistof voor de aanmaak van xtc.",
     {("precursor", None, None, "seizure")}),
    ("In een schuur in Someren vond de politie vaten met zuren. Die waren vermoedelijk bedoeld voor de productie van speed.",
     {("precursor", None, None, "seizure")}),
    # the weight of counted packages stated later, by a noun: "het gewicht was"
    ("In de koffer vonden douaniers 6 pakketten met wit poeder. Het bleek om heroïne te gaan. Het totale gewicht "
     "bedroeg 3,1 kilo.",
     {("heroin", 3.1, "kg", "seizure")}),
    # "niet alleen ... gevonden": the negation does not reach the find word
    ("In de loods in Oss werd niet alleen cocaïne gevonden, maar ook 30 kilo hasj.",
     {("cocaine", None, None, "seizure"), ("cannabis", 30.0, "kg", "seizure")}),
    # one drug per bulleted line after a house search is one find each, as in one sentence
    ("Bij de huiszoeking in Lokeren werd het volgende in beslag genomen:\n- 2 kilo hasj\n- 400 gram cocaïne\n"
     "- 50 xtc-pillen", {("cannabis", 2.0, "kg", "seizure"), ("cocaine", 0.4, "kg", "seizure"),
                        ("mdma", 50.0, "pills", "seizure")}),
    # "daarnaast" after one find of last year is another find, not a total
    ("Vorig jaar vond de politie in een loods in Uden 200 kilo speed. Daarnaast werd er 40 kilo hasj gevonden.",
     {("amphetamine", 200.0, "kg", "seizure"), ("cannabis", 40.0, "kg", "seizure")}),
    # a generic find stays beside raw materials: they are not the drug it names
    ("Bij de inval in Budel werden synthetische drugs en grondstoffen in beslag genomen.",
     {("synthetic", None, None, "seizure"), ("precursor", None, None, "seizure")}),
    # a production site is a lab, and takes the drug it made
    ("In een boerderij in Hooghalen werd een productieplaats voor crystal meth ontdekt.",
     {("methamphetamine", None, None, "seizure")}),
    # a find and a count of such finds are two events; "labs" is a lab word
    ("Agenten ontdekten dinsdag in Coevorden een crystal-methlab. Vorig jaar werden in Drenthe meerdere van "
     "zulke labs opgerold.", {("methamphetamine", None, None, "seizure"), ("methamphetamine", None, None, "aggregate")}),
    # a figure without a drug that differs from the earlier ones takes the context's drug
    ("Agenten vonden in Sittard 3 kilo speed. Later werd in de kelder nog 2 kilo gevonden.",
     {("amphetamine", 3.0, "kg", "seizure"), ("amphetamine", 2.0, "kg", "seizure")}),
    # "al" of an earlier clause does not make a later figure a running total
    ("De douane vond dinsdag in Terneuzen 5 ton cocaïne. Eerder dit jaar werd daar al 3 ton cocaïne gevonden, en in "
     "maart nog eens 900 kilo.", {("cocaine", 5000.0, "kg", "seizure"), ("cocaine", 3000.0, "kg", "seizure"),
                                  ("cocaine", 900.0, "kg", "seizure")}),
    # what a lab made, in a clause after it, is the lab's drug and no find of its own
    ("In een boerderij in Liessel werd dinsdag een lab opgerold waar speed werd gemaakt.",
     {("amphetamine", None, None, "seizure")}),
    # ... but one "al" before figures joined without a comma counts for all of them
    ("Het onderzoek loopt sinds begin dit jaar. Daarin werden al 200 kilo hasj en 30 kilo heroïne onderschept.",
     {("cannabis", 200.0, "kg", "aggregate"), ("heroin", 30.0, "kg", "aggregate")}),
    # small quantities added to a festival's haul: one amount-less total per drug, also of a drug listed before
    ("Op het festival in Lichtenvoorde werden zaterdag 30 joints, 45 xtc-pillen en 20 gram speed in beslag genomen. "
     "Daarnaast werden kleine hoeveelheden hasj en ketamine aangetroffen.",
     {("cannabis", 30.0, "units", "aggregate"), ("mdma", 45.0, "pills", "aggregate"),
      ("amphetamine", 0.02, "kg", "aggregate"), ("cannabis", None, None, "aggregate"),
      ("ketamine", None, None, "aggregate")}),
    # labs counted beside plantations are finds of their own, not the plantations' drug restated
    ("Dit jaar rolde de politie in Breda al 12 hennepkwekerijen en 2 drugslabs op.",
     {("cannabis", None, None, "aggregate"), ("unspecified", None, None, "aggregate")}),
    # a drug in apposition to what was found names it
    ("Agenten troffen in de kelder een emmer aan met een wit poeder, vermoedelijk amfetamine.",
     {("amphetamine", None, None, "seizure")}),
    # a lab of last year beside this week's find is another find, one seizure
    ("In een schuur in Lierop werd dinsdag een drugslab opgerold. Er lag 40 liter amfetamine-olie. Vorig jaar werd "
     "in het dorp ook al een drugslab ontdekt.",
     {("amphetamine", 40.0, "l", "seizure"), ("unspecified", None, None, "seizure")}),
    # a village whose name holds a drug word still places a real find
    ("In Wouwse Plantage rolde de politie dinsdag een hennepplantage op.", {("cannabis", None, None, "seizure")}),
    # a generic find in a town of its own does not give way to a named find elsewhere
    ("In Gemert werd maandag een drugslab opgerold. In Helmond vond de politie dinsdag 3 kilo speed.",
     {("unspecified", None, None, "seizure"), ("amphetamine", 3.0, "kg", "seizure")}),
    ("In Gemert werd maandag een drugslab opgerold. In het lab vond de politie 3 kilo speed.",
     {("amphetamine", 3.0, "kg", "seizure")}),
    # figures seized together by the next sentence: "beide partijen"
    ("Op 3 maart ging het om 200 kilo cocaïne en twee dagen later om 300 kilo. Beide partijen werden in Vlissingen "
     "onderschept.", {("cocaine", 200.0, "kg", "seizure"), ("cocaine", 300.0, "kg", "seizure")}),
    # what lay somewhere is a find when the next sentence seizes it by a back reference
    ("In de kelder van de woning in Kerkrade stonden twee dozen met xtc. De politie nam alles in beslag.",
     {("mdma", None, None, "seizure")}),
    ("In het dashboardkastje lagen 25 bolletjes cocaïne. De bolletjes zijn door de douane in beslag genomen.",
     {("cocaine", 25.0, "units", "seizure")}),
    # other goods, also after a describing word, are not the drug named next
    ("In een loods in Sneek lag 500 kilo illegaal vuurwerk. Ook vonden agenten drugs, waaronder 30 gram hasj.",
     {("cannabis", 0.03, "kg", "seizure")}),
    # a count of consignments is a total in units
    ("De douane onderschepte vorig jaar op Schiphol 6.500 zendingen met drugs.", {("unspecified", 6500.0, "units", "aggregate")}),
    ("Bij Bpost onderschepte de douane 75 postpakketten met xtc-pillen.", {("mdma", 75.0, "units", "aggregate")}),
    # a sum of weight in a sentence stating its own find is that find's, not the packages'
    ("In Westkapelle spoelden negen pakketten cocaïne aan. In Vlissingen vond de politie in totaal 10 kilo cocaïne.",
     {("cocaine", 9.0, "units", "seizure"), ("cocaine", 10.0, "kg", "seizure")}),
    # a sum after one find is that find's amount, not a total of several
    ("Agenten rolden in Almelo een hennepkwekerij op. In totaal ging het om 800 planten.",
     {("cannabis", 800.0, "plants", "seizure")}),
    # goods seized beside the drugs: their amounts are not the drug's
    ("In de haven van Gent werd 1 ton cocaïne onderschept. Ook 4 kilo goudstaven werden in beslag genomen.",
     {("cocaine", 1000.0, "kg", "seizure")}),
    # "al" after the figure counts the finds, not the kilos: an earlier find, one seizure
    ("De politie vond dinsdag in Venlo 30 kilo speed. Het is na de 50 kilo die in april in Weert werd gevonden al de derde vondst.",
     {("amphetamine", 30.0, "kg", "seizure"), ("amphetamine", 50.0, "kg", "seizure")}),
    ("De douane onderschepte vorig jaar 4.200 keer drugs in brievenpost.", {("unspecified", 4200.0, "units", "aggregate")}),
    # "waarvan 300 kilo cocaïne bevatte": 300 kilos of the coal held cocaine (the gold's reading), so no amount
    ("In Vlissingen werd 2.000 kilo steenkool onderschept, waarvan 300 kilo cocaïne bevatte.", {("cocaine", None, None, "seizure")}),
    ("In Vlissingen werd 2.000 kilo steenkool onderschept, met daarin 300 kilo cocaïne.", {("cocaine", 300.0, "kg", "seizure")}),
    ("In de bus lagen achttien pakken van elk een kilo cocaïne, die de politie in beslag nam.", {("cocaine", 18.0, "kg", "seizure")}),
    ("Tijdens de festivalcontroles werden 30 joints, 12 xtc-pillen en 8 eenheden GHB en ketamine in beslag genomen.",
     {("cannabis", 30.0, "units", "aggregate"), ("mdma", 12.0, "pills", "aggregate"), ("ghb", None, None, "aggregate"), ("ketamine", None, None, "aggregate")}),
    ("De reiziger had 250 gram cocaïne bij zich, verdeeld over 30 bolletjes, die de douane in beslag nam.", {("cocaine", 0.25, "kg", "seizure")}),
    # the find, a sentence about the containers, then its amount: one event
    ("Agenten troffen in een schuur in Uden BMK-olie aan. Er stonden jerrycans van 25 liter. Samen ging het om 600 liter BMK-olie.",
     {("precursor", 600.0, "l", "seizure")}),
    # a street price after the find is no second find
    ("In Gouda nam de politie 2 kilo heroïne in beslag. Op straat kost een gram ongeveer 40 euro.", {("heroin", 2.0, "kg", "seizure")}),
    ("Bij de inval in de coffeeshop nam de politie 75 spacecakes in beslag.", {("cannabis", 75.0, "units", "seizure")}),
    # an earlier harvest named beside the plants does not make the find production
    ("In de schuur in Deurne trof de politie 800 hennepplanten en een eerdere oogst aan.", {("cannabis", 800.0, "plants", "seizure")}),
    # a total, its predicate, then its breakdown: the total has no single drug
    ("Bij de acties werd in totaal 2.400 kilo in beslag genomen, waarvan 1.900 kilo hasj.",
     {("unspecified", 2400.0, "kg", "seizure"), ("cannabis", 1900.0, "kg", "seizure")}),
    ("In de loods troffen agenten 640 kilo aan, waarvan 500 kilo amfetamine.",
     {("unspecified", 640.0, "kg", "seizure"), ("amphetamine", 500.0, "kg", "seizure")}),
    # a noun between the amount and "waarvan" is what "waarvan" refers to, not the amount
    ("In de haven werd 500 kilo cocaïne gevonden in 4.000 kilo koffie, waarvan de helft bedorven was.",
     {("cocaine", 500.0, "kg", "seizure")}),
    # a cover load weighed after the drug is no second find; before the amount it weighs nothing
    ("In de container werd 900 kilo cocaïne aangetroffen tussen 3.000 kilo bananen.", {("cocaine", 900.0, "kg", "seizure")}),
    ("Tussen de ananassen vond de douane in Moerdijk 117 kilo cocaïne.", {("cocaine", 117.0, "kg", "seizure")}),
    # an amount-less find detailed by the next sentence's dated amounts: those are the finds
    ("De douane in Antwerpen onderschepte opnieuw heroïne. Op 4 maart ging het om 45 kilo heroïne en een week later om 80 kilo.",
     {("heroin", 45.0, "kg", "seizure"), ("heroin", 80.0, "kg", "seizure")}),
    # ... but a next sentence that states a find of its own is another find
    ("De politie vond in Breda heroïne. Op 4 maart vond de douane in Moerdijk 45 kilo heroïne.",
     {("heroin", None, None, "seizure"), ("heroin", 45.0, "kg", "seizure")}),
    # a drug right after a later amount labels that amount, not the earlier one; pills whose drug
    # is not named beside named drugs are of an unnamed drug (as the gold has it)
    ("Bij de festivalcontrole werden 60 pillen, 10 gram speed en 5 gram ketamine in beslag genomen.",
     {("unspecified", 60.0, "pills", "aggregate"), ("amphetamine", 0.01, "kg", "aggregate"),
      ("ketamine", 0.005, "kg", "aggregate")}),
    # ... and alone they are xtc; after a named drug's weight they are not its
    ("Bij de festivalcontrole werden 60 pillen in beslag genomen.", {("mdma", 60.0, "pills", "seizure")}),
    ("In het huis lagen 3 liter GHB en 200 pillen. De politie nam alles in beslag.",
     {("ghb", 3.0, "l", "seizure"), ("unspecified", 200.0, "pills", "seizure")}),
    # ... but a drug after several amounts and a comma is all of theirs
    ("In de kofferbak vond de politie 12 kilo en 8 kilo, allemaal heroïne.",
     {("heroin", 12.0, "kg", "seizure"), ("heroin", 8.0, "kg", "seizure")}),
    # possession found on a person
    ("Bij een verkeerscontrole in Hasselt bleek de passagier drugs op zak te hebben.", {("unspecified", None, None, "seizure")}),
    ("De fietser bleek 12 gram speed bij zich te hebben.", {("amphetamine", 0.012, "kg", "seizure")}),
    ("Op het schoolplein werden twee scholieren betrapt met een beetje hasj.", {("cannabis", None, None, "seizure")}),
    # packages of a drug named apart are a find of their own, beside pills
    ("De douane vond 2.500 xtc-pillen en vijf pakketjes hasj.",
     {("mdma", 2500.0, "pills", "seizure"), ("cannabis", 5.0, "units", "seizure")}),
    # "de in beslag genomen X" names a find stated elsewhere, here the next sentence's
    ("De waarde van de in beslag genomen heroïne is 90.000 euro. Agenten vonden vrijdag 3 kilo heroïne in Oss.",
     {("heroin", 3.0, "kg", "seizure")}),
    # after a weighed find of its drug, a find in a town not named before is another find
    ("Agenten vonden in Emmen 5 kilo speed. In Coevorden rolde de politie een lab voor speed op.",
     {("amphetamine", 5.0, "kg", "seizure"), ("amphetamine", None, None, "seizure")}),
    ("Agenten vonden in Emmen 5 kilo speed. In de kelder van het pand lag ook speed.", {("amphetamine", 5.0, "kg", "seizure")}),
    ("Agenten vonden in Emmen 5 kilo speed. Dat is veel voor Nederland, waar vaker speed wordt gevonden.",
     {("amphetamine", 5.0, "kg", "seizure")}),
    # after a weighed find, a lab near a town not named before is another find
    ("In Emmen vond de politie 5 kilo crystal meth. Bij Ter Apel werd ook een crystal methlab ontmanteld.",
     {("methamphetamine", 5.0, "kg", "seizure"), ("methamphetamine", None, None, "seizure")}),
    # a drug listed with a later find's drugs is one of them, though weighed before
    ("Bij een dealer in Aalst vond de politie 200 gram hasj. Bij zijn broer werden 30 gram speed, xtc-pillen en hasj aangetroffen.",
     {("cannabis", 0.2, "kg", "seizure"), ("amphetamine", 0.03, "kg", "seizure"), ("mdma", None, None, "seizure"),
      ("cannabis", None, None, "seizure")}),
    # a drug listed after the weighed finds is found with them; not in a sentence that finds nothing
    ("Rechercheurs vonden 12 kilo speed, 900 gram cocaïne en wat ketamine.",
     {("amphetamine", 12.0, "kg", "seizure"), ("cocaine", 0.9, "kg", "seizure"), ("ketamine", None, None, "seizure")}),
    ("De man handelde in 12 kilo speed, 900 gram cocaïne en ketamine.", set()),
    # a lab named first and what many searches found later are two finds; a lab and what lay in it one
    ("In Lanaken werd een cocaïnewasserij opgerold. Er werden vijf verdachten opgepakt. Bij 14 huiszoekingen vond de "
     "politie 20 kilo cocaïne.", {("cocaine", None, None, "seizure"), ("cocaine", 20.0, "kg", "seizure")}),
    ("In Lanaken werd een cocaïnewasserij opgerold. Er werden vijf verdachten opgepakt. In het lab vond de "
     "politie 20 kilo cocaïne.", {("cocaine", 20.0, "kg", "seizure")}),
    # a figure of a trend and a find of the same size are two
    ("De in beslag genomen hoeveelheid cocaïne is verdubbeld: van 2.000 naar 4.000 kilo. Gisteren werd in "
     "Moerdijk 2.000 kilo onderschept.", {("cocaine", 2000.0, "kg", "aggregate"), ("cocaine", 4000.0, "kg", "aggregate"),
                                         ("cocaine", 2000.0, "kg", "seizure")}),
    # what is usual after a find is no find; a dated figure is
    ("Douaniers vonden dinsdag in Vlissingen 80 kilo cocaïne. In zo'n sporttas zit vaak 30 kilo.",
     {("cocaine", 80.0, "kg", "seizure")}),
    # packages counted after a weighed find are its packing, unless they add a find ("nog") or lie elsewhere
    ("De douane vond 600 kilo cocaïne in een container. Het ging om 520 blokken.", {("cocaine", 600.0, "kg", "seizure")}),
    ("De politie vond 3 kilo heroïne in een auto. In de woning lagen nog 40 bolletjes heroïne.",
     {("heroin", 3.0, "kg", "seizure"), ("heroin", 40.0, "units", "seizure")}),
    ("De politie vond 3 kilo heroïne in Tiel. In Culemborg vond ze 40 bolletjes heroïne.",
     {("heroin", 3.0, "kg", "seizure"), ("heroin", 40.0, "units", "seizure")}),
    # what was made there names a lab only after it, not a drug made anywhere before it
    ("In Boxtel is een drugslab opgerold. Er werd vermoedelijk amfetamine geproduceerd.", {("amphetamine", None, None, "seizure")}),
    ("Er wordt in Brabant veel amfetamine gemaakt. De politie rolde in Boxtel een drugslab op.",
     {("unspecified", None, None, "seizure")}),
    ("De bijrijder was in het bezit van heroïne en een boksbeugel.", {("heroin", None, None, "seizure")}),
    ("Tijdens de fouillering bleek dat de jongen drugs bij zich had.", {("unspecified", None, None, "seizure")}),
    # what the next sentence seizes by a back reference
    ("Onder de achterbank zaten zes blokken hasj van een kilo. Agenten namen de drugs en 800 euro in beslag.",
     {("cannabis", 6.0, "kg", "seizure")}),
]  # fmt: skip
PHENOMENA_NEGATIVE = [  # no find, or not this one
    "Agenten hielden de man aan bij het lab van de universiteit, waar hij werkte.",  # "bij het lab": no raid in it
    "Bij de controle bleek de bestuurder onder invloed van drugs te rijden.",  # a check, no find
    "Bij de controle bleek dat er geen drugs in de auto lagen.",  # nothing turned up
    "De douane vond niets. Een koerier vervoert volgens de douane meestal 2 kilo per reis.",  # what is usual
    "In de schuur vond de politie 300 kilo van een poeder waarmee je speed kunt versnijden.",  # a cutting agent
    "De burgemeester vindt het zorgwekkend dat jongeren cocaïne gebruiken.",  # "vindt ... dat": an opinion
    "Onderzoekers hebben gevonden dat studenten vaker xtc gebruiken.",  # "gevonden dat": a finding
    "Volgens het OM vervoerde de koerier jarenlang cocaïne naar Engeland, tot hij in 2021 stopte.",  # never caught
    "De man verhandelde volgens het OM, samen met zijn broer, 30 kilo cocaïne.",  # trade before the figure
    "Hij kreeg drie jaar cel voor 30 kilo cocaïne, die hij had gesmokkeld.",  # a sentence, then the smuggling
    "In de garage lagen 12 kilo amfetamine, zei de buurman. Agenten hebben ze niet gevonden.",  # negated
    "Het meisje had op het festival een xtc-pil geslikt en werd onwel.",  # swallowed to use, no arrest
    "De bijrijder was in het bezit van een boksbeugel en een valse identiteitskaart.",  # possession, no drug
    "De twee jongens werden betrapt op het verkopen van drugs aan scholieren.",  # caught dealing, no find
    # a bare lab that is no drug lab gives no drug to a later figure, even after a police check
    "In het lab van het ziekenhuis in Zwolle werd een test ontwikkeld. Bij een verkeerscontrole in Ede kregen "
    "80 automobilisten een boete. De vissers brachten 42 ton tong aan land.",
    "In de loods lag 12 kilo heroïne, zegt een buurman. Het goedje is nooit gevonden.",  # a negated find
    "Ongeveer 30 procent van de gevonden cocaïne blijkt versneden met 2 kilo cafeïne.",  # a share, no change to a figure
    "Hij werd veroordeeld voor de handel in 30 kilo cocaïne die hij in Spanje had gekocht.",  # a relative clause without a find
    "De man die in Venlo werd aangehouden, smokkelde 20 kilo heroïne.",  # the find verb is the man's arrest
    "De rechter veroordeelde de mannen, die bij een inval in Venlo werden opgepakt, voor de handel in 20 kilo heroïne.",  # a raid, no find
    "De politie viel drie keer binnen bij de verdachte, maar vond niets.",
    "Er werd dit jaar 2,5 keer zoveel cocaïne onderschept als in 2019.",
    "In de loods stonden vaten van 200 liter; er werd niets verdachts aangetroffen.",
    "Een xtc-pil kost in de stad zo'n 4 euro, een gram cocaïne 50 euro.",
    "Volgens de buren lag er 200 kilo hasj in de loods. De politie vond er drie wapens.",  # no back reference
    "Per oogst leverde de kwekerij in Venray zo'n 20 kilo wiet op.",
    "De verdachte ontkende drugs bij zich te hebben.",  # denied, not found
    # a drug after "vermoedelijk" in a sentence that finds nothing
    "De man verkocht op straat een wit poeder, vermoedelijk cocaïne.",
    # what was said to lie somewhere before an arrest
    "Volgens de buren zou er 20 kilo hasj in de schuur liggen. De eigenaar werd later aangehouden.",
    # a find word negated right before it
    "Er moet nog 200 kilo cocaïne in de container in Gent hebben gezeten die niet werd onderschept.",
    # an eviction or a stop of something else beside a drug word
    "De gemeente Tiel heeft de woning ontruimd; volgens buren werd er in cocaïne gehandeld.",
    # labs of a university in an article naming no drug
    "In de labs van de universiteit in Twente werd een nieuwe batterij ontdekt.",
    # what is made where no find is made
    "In de fabriek in Weert, waar vroeger xtc werd gemaakt, is nu een museum gevestigd.",
    # a drug word inside a village's name
    "De politie vond in Wouwse Plantage een gestolen fiets terug.",
    # a counter of something else beside a drug word
    "De teller van de kermis in Hasselt staat op 30.000 bezoekers. Cocaïne blijft er een probleem.",
    # what lay somewhere without being seized, or before a seizure of something else
    "In de kelder van de woning in Kerkrade stonden twee dozen met xtc, zei de buurman. De politie vond niets.",
    "Op tafel lag een zakje wiet. De politie nam een vuurwapen in beslag.",
    # what is left of making a drug, or added to it, is no precursor
    "Agenten vonden in Budel een vloeistof. Volgens het NFI is deze vloeistof afval van de productie van speed.",
    "In een garage in Asten lag een zak met vulmiddel voor de aanmaak van xtc-pillen. De politie nam die mee.",
]


@pytest.mark.parametrize("text,expected", PHENOMENA, ids=[t[:40] for t, _ in PHENOMENA])
def test_real_news_phenomena(extractor, text, expected):
    ev = _events(extractor, text, "2023-05-10")
    got = {
        (
            e["drug"],
            e["amount"]["value"] if e["amount"] else None,
            e["amount"]["unit"] if e["amount"] else None,
            e["kind"],
        )
        for e in ev
    }
    assert got == expected, ev


@pytest.mark.parametrize("text", PHENOMENA_NEGATIVE, ids=[t[:40] for t in PHENOMENA_NEGATIVE])
def test_real_news_phenomena_negative(extractor, text):
    assert _events(extractor, text, "2023-05-10") == []


# lexicon and number reading in context (sentences written for these tables)
LEXICON_CASES = [
    # separable find verbs joined in a subordinate clause
    (
        "De 300 kilo hasj, die agenten in juni in een loods aantroffen, lag onder dekzeilen.",
        ("cannabis", 300.0, "kg"),
    ),
    ("Het bleek om 4 kilo heroïne te gaan, die de douane in Venlo inbeslagnam.", ("heroin", 4.0, "kg")),
    ("In Bilzen ontdekten speurders een cocaïnewasserij.", ("cocaine", None, None)),  # a cocaine lab
    # edibles, "tussi" (pink cocaine, a synthetic mix), PCP, ephedrine (a precursor of meth)
    ("Op het festival werd 400 gram wietsnoepjes in beslag genomen.", ("cannabis", 0.4, "kg")),
    ("In de club vond de politie 60 gram tussi.", ("synthetic", 0.06, "kg")),
    ("De douane onderschepte 25 kilo efedrine uit India.", ("precursor", 25.0, "kg")),
    # find verbs of news headlines and Flemish press
    ("Vrouw gepakt met 800 gram heroïne in Roermond.", ("heroin", 0.8, "kg")),
    ("In de kofferbak vond de douane 4 kilo hashish.", ("cannabis", 4.0, "kg")),  # the English spelling
    ("In Dilsen-Stokkem werd een plantage met 600 cannabisplanten opgedoekt.", ("cannabis", 600.0, "plants")),
    ("Twee koeriers liepen bij Venray tegen de lamp met 15 kilo hasj.", ("cannabis", 15.0, "kg")),
    ("Douaniers legden in Zeebrugge de hand op 300 kilo cocaïne.", ("cocaine", 300.0, "kg")),
    ("Bij de fouillering kwam 12 gram cocaïne tevoorschijn.", ("cocaine", 0.012, "kg")),
    ("Agenten hebben in Assen een kwekerij met 250 hennepplanten ontruimd.", ("cannabis", 250.0, "plants")),
    ("In de woning vond de politie drie deciliter GHB.", ("ghb", 0.3, "l")),
    ("Bij de verdachte werd in april 2019 driehonderd gram heroïne gevonden.", ("heroin", 0.3, "kg")),
    ("De plysje hat yn Snits 12 kilo hasj fûn.", ("cannabis", 12.0, "kg")),  # Frisian
    ("Yn in skuorre yn Grou is in hennepkwekerij mei 300 planten oprôle.", ("cannabis", 300.0, "plants")),
    ("Agenten vonden 3 gram 3-MMC in zijn jaszak.", ("cathinone", 0.003, "kg")),
    ("In een pakket uit Polen vond de douane 2 kilo van de drug 4-CMC.", ("cathinone", 2.0, "kg")),
    ("De douane vond in Hasselt 500 gram alfa-PVP.", ("cathinone", 0.5, "kg")),
    ("Bij de man thuis vond de politie 40 gram heroïnebase.", ("heroin", 0.04, "kg")),
    ("In de loods vond de douane 2 kilo captagon.", ("amphetamine", 2.0, "kg")),
    ("Agenten vonden in Zwolle 30 ml THC-olie.", ("cannabis", 0.03, "l")),
    ("De douane vond in het pakket 3 kilo 2C-B.", ("synthetic", 3.0, "kg")),  # the full stop kept apart
    (
        "In de vrachtwagen vond de douane 40 kilo cannabishars.",
        ("cannabis", 40.0, "kg"),
    ),  # Flemish for hashish
    (
        "Speurders hebben in Maasmechelen een drugslabo opgerold.",
        ("unspecified", None, None),
    ),  # Flemish "labo"
    ("In een loods in Genk werd een labo voor amfetamine ontmanteld.", ("amphetamine", None, None)),
    ("In Tongeren vond de politie een xtc-labo.", ("mdma", None, None)),
    ("In de kelder vonden agenten 8 kilo speedpasta.", ("amphetamine", 8.0, "kg")),
    ("Bij de man werden 60 cocaïnebolletjes aangetroffen.", ("cocaine", 60.0, "units")),
    ("De douane onderschepte een envelop met 150 lsd-blotters.", ("lsd", 150.0, "units")),
    (
        "De douane vond 2 kilo 2C-B in het pakket.",
        ("synthetic", 2.0, "kg"),
    ),
    ("Drugskoerier gevat met 4 kilo heroïne in Zaventem.", ("heroin", 4.0, "kg")),  # Flemish "gevat": caught
]
FRISIAN_PLACES = [
    ("Yn Ljouwert hat de plysje 5 kilo hasj yn beslach naam.", "Ljouwert", "Leeuwarden"),
    ("De plysje fûn yn It Hearrenfean in hennepkwekerij mei 250 planten.", "It Hearrenfean", "Heerenveen"),
]
LEXICON_NEGATIVE = [
    "Bij de inbraak werden een tablet, een laptop en een telefoon gevonden.",  # a device, not a pill
    "In de tuin vond de politie een plant en een emmer.",
]


@pytest.mark.parametrize("text,key", LEXICON_CASES, ids=[t[:40] for t, _ in LEXICON_CASES])
def test_lexicon_and_numbers_in_context(extractor, text, key):
    assert [_key(e) for e in _events(extractor, text, "2023-05-10")] == [key]


@pytest.mark.parametrize("text", LEXICON_NEGATIVE, ids=[t[:40] for t in LEXICON_NEGATIVE])
def test_lexicon_and_numbers_in_context_negative(extractor, text):
    assert _events(extractor, text, "2023-05-10") == []


def test_a_vague_find_stays_beside_a_figure_of_another_time(extractor):
    text = "In Moerdijk vond de douane tientallen kilo's heroïne. In 2019 werd er 64 kilo heroïne gevonden."
    assert sorted((_key(e) for e in _events(extractor, text, "2022-05-12")), key=str) == sorted(
        [("heroin", None, None), ("heroin", 64.0, "kg")], key=str
    )


@pytest.mark.parametrize(
    ("words", "drugs"),
    [
        ("ook andere drugs", ["mdma", "unspecified"]),
        ("nog overige drugs", ["mdma", "unspecified"]),
        ("drugs", ["mdma"]),
    ],
)
def test_other_drugs_are_not_the_named_ones(extractor, words, drugs):
    text = f"Agenten vonden in de woning in Lier 200 xtc-pillen en {words}."
    assert sorted(e["drug"] for e in _events(extractor, text, "2022-05-12")) == drugs


def test_the_value_of_equipment_is_no_street_value(extractor):
    text = "In het lab in Someren vond de politie 20 liter amfetamine-olie. Er stonden twee ketels ter waarde van 40.000 euro."
    assert [e["value_eur"] for e in _events(extractor, text, "2022-05-12")] == [None]


def test_a_court_seat_is_never_the_place(extractor):
    text = "De rechtbank in Zwolle hoorde dat in een loods 200 kilo speed was gevonden."
    assert [e["location"] for e in _events(extractor, text, "2022-05-12")] == [None]
    text = "Het parket van Gent meldt dat er 2 ton cocaïne werd onderschept."  # an agency's seat, the last resort
    assert [e["location"]["name"] for e in _events(extractor, text, "2022-05-12")] == ["Gent"]


def test_a_bulleted_table_line_is_a_total(extractor):
    text = "De douane gaf de cijfers van 2022.\n\nInbeslagnames:\n- Cocaïne: 110 ton\n- Heroïne: 300 kilo"
    ev = _events(extractor, text, "2023-01-20")
    assert sorted((e["drug"], e["kind"]) for e in ev) == [("cocaine", "aggregate"), ("heroin", "aggregate")]


def test_a_headline_with_a_colon_is_no_table_line(extractor):
    ev = _events(extractor, "Amfetamine gevonden in garagebox: 40 kilo.", "2022-05-12")
    assert [(_key(e), e["kind"]) for e in ev] == [(("amphetamine", 40.0, "kg"), "seizure")]
    ev = _events(extractor, "De vangsten van het jaar:\nAmfetamine: 40 kilo.", "2022-05-12")
    assert [e["kind"] for e in ev] == ["aggregate"]


def test_a_lab_and_its_raw_materials_are_two_finds(extractor):
    text = "In een loods in Budel werd een drugslab ontmanteld. Ook werden twintig jerrycans met chemicaliën aangetroffen."
    assert sorted(_key(e) for e in _events(extractor, text, "2023-05-10")) == [
        ("precursor", None, None), ("unspecified", None, None)
    ]  # fmt: skip
    text = "In een loods in Budel werd een drugslab ontmanteld. Ook werd er 30 kilo speed aangetroffen."
    assert [_key(e) for e in _events(extractor, text, "2023-05-10")] == [("amphetamine", 30.0, "kg")]


BARE_OBJECTS = [
    ("Bij een doorzoeking in Hoorn is ketamine in beslag genomen.", "ketamine"),
    ("De douaniers vonden in de vrachtwagen hasj tussen de paprika's.", "cannabis"),
    # the subject between verb and object: "de politie" is no adjective of the drug
    ("In de schuur vond de politie amfetamine.", "amphetamine"),
    ("Op de boot trof de kustwacht cocaïne aan.", "cocaine"),
    ("Agenten troffen in de bestelbus een zak met hasj aan.", "cannabis"),  # a container, singular
]
BARE_OBJECTS_NEGATIVE = [
    "In de strijd tegen heroïne werden vorig jaar veel woningen doorzocht en drugs gevonden bij dealers.",
    "Het onderzoek naar de handel in ketamine werd na de ontdekking uitgebreid.",
    "In Gent, waar deze drug zelden wordt aangetroffen, sloeg de burgemeester alarm.",
    "In de loods vonden ze de illegale heroïne terug die eerder was gemeld.",  # "de illegale": points back
]


@pytest.mark.parametrize("text,drug", BARE_OBJECTS, ids=[t[:40] for t, _ in BARE_OBJECTS])
def test_a_bare_drug_found_is_a_find(extractor, text, drug):
    assert [(e["drug"], e["amount"]) for e in _events(extractor, text, "2023-05-10")] == [(drug, None)]


@pytest.mark.parametrize("text", BARE_OBJECTS_NEGATIVE, ids=[t[:40] for t in BARE_OBJECTS_NEGATIVE])
def test_a_bare_drug_found_is_a_find_negative(extractor, text):
    assert [
        e["drug"] for e in _events(extractor, text, "2023-05-10") if e["drug"] not in ("unspecified",)
    ] == []


def test_headline_does_not_override_the_bodys_qualifier(extractor):
    ev = _events(
        extractor,
        "De douane heeft in Vlissingen ruim 1.200 kilo cocaïne onderschept.",
        "2023-05-10",
        title="Douane vindt 1.200 kilo coke",
    )
    assert (
        len(ev) == 1
        and ev[0]["amount"]["approximate"] is True
        and ev[0]["amount"]["text"] == "ruim 1.200 kilo"
    )


def test_an_exact_restatement_in_the_body_still_refines_a_rounded_figure(extractor):
    text = "De douane onderschepte ruim 1.200 kilo cocaïne. Het ging precies om 1.200 kilo cocaïne in dozen."
    ev = _events(extractor, text, "2023-05-10")
    assert len(ev) == 1 and ev[0]["amount"]["approximate"] is False


# dates anchored to another date (sentences written for this table): (text, {amount: (start, end) or None})
ANCHORED_DATES = [
    (
        "De douane onderschepte 120 kilo cocaïne op 4 juni en 95 kilo op 9 juni.",
        {120.0: ("2023-06-04", "2023-06-04"), 95.0: ("2023-06-09", "2023-06-09")},
    ),
    (
        "De in beslag genomen hoeveelheid heroïne steeg van 300 kilo in 2020 naar 900 kilo in 2022.",
        {300.0: ("2020-01-01", "2020-12-31"), 900.0: ("2022-01-01", "2022-12-31")},
    ),
    (
        "Op 2 mei vond de politie in Gouda 11 kilo hasj. Drie dagen later werd er nog 4 kilo hasj gevonden.",
        {11.0: ("2023-05-02", "2023-05-02"), 4.0: ("2023-05-05", "2023-05-05")},
    ),
    (
        "Het parket meldt dat de douane in het eerste halfjaar 7.300 kilo cocaïne onderschepte.",
        {7300.0: ("2023-01-01", "2023-06-30")},
    ),
    (  # "Vaals hebben" is no comparison ("als"): the date is the find's
        "In een loods in Vaals hebben agenten dinsdag drugs gevonden. Er was veel politie. Het ging om 7 kilo hasj.",
        {7.0: ("2023-07-04", "2023-07-04")},
    ),
]
ANCHORED_DATES_NEGATIVE = [  # a date of what came next, or a date that is not this figure's
    (  # "het verschil met 2022" compares; the total is the year before's
        "In 2023 onderschepte de douane in Gent meer cocaïne. Het verschil met 2022 is groot. Samen ging het om 9 ton cocaïne.",
        {9000.0: ("2023-01-01", "2023-12-31")},
    ),
    (  # a find made once before the story has no date from it
        "Agenten vonden vrijdag 40 kilo hasj in Best. Het is niet de eerste keer. Er werd al eens 90 kilo hasj gevonden.",
        {40.0: ("2023-07-07", "2023-07-07"), 90.0: None},
    ),
    (
        "De douane vond in een koelcontainer 2.080 kilo cocaïne. Eerder dit jaar werd er ook al 900 kilo cocaïne gevonden.",
        {2080.0: None, 900.0: ("2023-01-01", "2023-07-10")},
    ),
    (
        "De politie nam in Gouda 11 kilo hasj in beslag. Een week later, op 19 april, volgde nog een inval.",
        {11.0: None},
    ),
    (
        "Op 2 mei vond de politie 8 kilo cocaïne en 3 kilo heroïne in een loods die in januari was gehuurd.",
        {8.0: ("2023-05-02", "2023-05-02"), 3.0: ("2023-05-02", "2023-05-02")},
    ),
]


@pytest.mark.parametrize(
    "text,dates",
    ANCHORED_DATES + ANCHORED_DATES_NEGATIVE,
    ids=[t[:40] for t, _ in ANCHORED_DATES + ANCHORED_DATES_NEGATIVE],
)
def test_dates_anchored_to_another_date(extractor, text, dates):
    ev = _events(extractor, text, "2023-07-10")
    got = {
        e["amount"]["value"]: (e["date"]["start"], e["date"]["end"]) if e["date"] else None
        for e in ev
        if e["amount"]
    }
    assert got == dates, ev


@pytest.mark.parametrize("text,name,municipality", FRISIAN_PLACES, ids=[t[:40] for t, _, _ in FRISIAN_PLACES])
def test_frisian_place_names_and_their_municipality(extractor, text, name, municipality):
    ev = _events(extractor, text, "2023-05-10")
    assert [(e["location"]["name"], e["location"]["municipality"]) for e in ev] == [(name, municipality)]
    assert ev[0]["date"] is None  # "mei" is Frisian for "met", not May


@pytest.mark.parametrize(
    "text,places",
    [
        (
            "In Weert werd een hennepkwekerij opgerold. Ook in Nederweert trof de politie een hennepkwekerij aan.",
            ["Weert", "Nederweert"],
        ),
        (
            "In de woning in Tiel werd hasj gevonden. Ook in de garage in Tiel lag hasj.",
            ["Tiel"],
        ),  # one place: one find
        (
            "Agenten rolden in Hoogeveen een xtc-lab op. In de loods werd ook een laboratorium gevonden.",
            ["Hoogeveen"],
        ),
    ],
)
def test_amount_less_finds_in_different_places_are_different_finds(extractor, text, places):
    ev = _events(extractor, text, "2023-05-10")
    assert [e["location"]["name"] for e in ev] == places, ev


@pytest.mark.parametrize(
    "text,place",
    [
        # a superlative's domain gives way to where the find was, in the sentence or before it
        (
            "In een loods in Tilburg vond de politie 900 kilo hasj, de grootste vangst ooit in Nederland.",
            "Tilburg",
        ),
        (
            "De politie viel binnen in een schuur in Erp. Nooit eerder werd in Nederland zoveel gevonden: 700 kilo speed.",
            "Erp",
        ),
        # ... but with no other place it is the best there is
        ("Het is de grootste hoeveelheid heroïne die ooit in België werd gevonden: 1.200 kilo.", "België"),
    ],
)
def test_a_superlatives_domain_is_a_fallback_place(extractor, text, place):
    ev = _events(extractor, text, "2023-05-10")
    assert ev and ev[0]["location"]["name"] == place, ev


INDEX_TEXTS = [
    "De douane vond 12abc kilo's co-caïne en ab12cd bij ’s-Hertogenbosch; --- x-y '' z",
    "Hennepkwekerijopruimingswerkzaamheden in Kerkrade-West: 3 ton.\n\nNieuwe alinea, hier.",
    "a",
    "",
    "   veel   spaties   tussen   de   woorden   ",
    "een " + "superlangsamengesteldwoordzonderspaties" * 3 + " en nog wat",
]


def _plain_words_before(text: str, pos: int, n: int) -> list[str]:
    import re

    words = re.findall(r"[^\W\d_][\w'’-]*", text[:pos][max(0, pos - 16 * n - 16) :])
    return [w.lower() for w in words][-n:] if n else [w.lower() for w in words]


def _plain_tail(text: str, pos: int, n: int) -> str:
    import re

    window = text[max(0, pos - 16 * n - 16) : pos]
    starts = [m.start() for m in re.finditer(r"\S+", window)]
    return window[starts[-n] :] if len(starts) >= n else window


def test_words_before_and_tail_read_what_the_window_holds():
    """The article index answers from one reading of the text what a search of the window before
    a position finds: words cut by the window's edges, long words, runs of spaces."""
    from extractor.linking.index import ArticleIndex

    from .test_scan import corpus_texts

    texts = INDEX_TEXTS + corpus_texts()[:25]
    for text in texts:
        ix = ArticleIndex(text, [(0, len(text))] if text else [], {})
        for pos in range(len(text) + 1):
            for n in range(1, 7):
                assert ix.words_before(pos, n) == _plain_words_before(text, pos, n), (text[:40], pos, n)
                assert ix.tail(pos, n) == _plain_tail(text, pos, n), (text[:40], pos, n)


def test_sentence_words_read_from_the_article_are_the_sentence_s_own():
    """A sentence's words come from one reading of the article's words: the same set as reading the
    sentence alone, also where a bound cuts a word, and where "Σ" or "İ" lower-case by context."""
    import re

    from extractor.linking.index import WORD, ArticleIndex

    from .test_scan import corpus_texts

    texts = INDEX_TEXTS + ["ΟΔΟΣ.Β en 3 kilo", "İstanbul: 3 kilo", "abc-def ghi"] + corpus_texts()[:40]
    for text in texts:
        cuts = sorted({0, len(text)} | {m.end() for m in re.finditer(r"[.!?]\s+", text)})
        for bounds in (
            list(zip(cuts, cuts[1:], strict=False)),
            [(0, len(text) // 2), (len(text) // 2, len(text))],
        ):
            bounds = [(s, e) for s, e in bounds if e > s]
            ix = ArticleIndex(text, bounds, {})
            for s in ix.sentences:
                assert s.words == frozenset(WORD.findall(s.text.lower())), (text[:40], s.start, s.end)
