"""General news for the archive benchmarks: articles we write from templates, each one different.

The archive a user runs the extractor over is mostly sport, politics, weather, economy, culture and
crime that is not about drugs. Recombining a handful of fixed sentences would let spaCy's tokenizer
cache whole texts' worth of tokens and flatter it; here every article draws 7-15 sentences from
templates whose slots (names, clubs, towns, numbers, days) vary, so texts differ as real ones do
while common words repeat as they do in real news. The slots draw from pools as wide as a real
archive's vocabulary (the gazetteer's Dutch and Belgian places, first and family names, compound nouns
built from stems, inflected adjectives), so the share of words the tokenizer has not seen before is
that of real news (``vocabulary_report`` compares it with the drug articles at equal length); a
template vocabulary alone would let spaCy's tokenizer cache nearly every word and run six times as
fast per word as on real text. One article in twenty holds a sentence with a word
that also names a drug or its unit ("plant", "lab"), as general news does now and then, so the
relevance gate is not flattered either.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path

TOWNS = [
    "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Zwolle", "Arnhem", "Leiden", "Gent",
    "Brugge", "Leuven", "Hasselt", "Mechelen", "Kortrijk", "Deventer", "Almere", "Breda", "Tilburg",
    "Maastricht", "Nijmegen", "Enschede", "Apeldoorn", "Haarlem", "Delft", "Oostende", "Aalst", "Genk",
]  # fmt: skip
CLUBS = [
    "Ajax", "PSV", "Feyenoord", "AZ", "FC Twente", "FC Utrecht", "Club Brugge", "Anderlecht", "KRC Genk",
    "AA Gent", "Standard", "Sparta", "Heracles", "Vitesse", "NEC", "Go Ahead Eagles", "Antwerp", "Cercle",
]  # fmt: skip
NAMES = [
    "De Vries", "Janssens", "Peeters", "Bakker", "Visser", "Maes", "Jacobs", "Smit", "Mertens", "Meijer",
    "Willems", "De Boer", "Claes", "Mulder", "Goossens", "Bos", "Wouters", "Vos", "Dubois", "Hendriks",
]  # fmt: skip
FIRST = [
    "Sanne", "Pieter", "Lotte", "Jan", "Eva", "Tom", "Fatima", "Mohamed", "Els", "Koen", "Noor", "Bram",
    "Anouk", "Bart", "Chantal", "Daan", "Emma", "Floor", "Gert", "Hanna", "Ilse", "Joris", "Kim", "Lars",
    "Marieke", "Niels", "Olga", "Pim", "Rik", "Sofie", "Thijs", "Ursula", "Vincent", "Wendy", "Youssef",
    "Zeynep", "Annelies", "Bert", "Carla", "Dirk", "Eline", "Frank", "Greet", "Hans", "Inge", "Jeroen",
    "Karin", "Luc", "Mieke", "Nadia", "Otto", "Patrick", "Renske", "Stijn", "Tineke", "Wim", "Yara", "Ahmed",
]  # fmt: skip
NAMES += [
    "Van Dijk", "Jansen", "De Jong", "Van den Berg", "Dekker", "Brouwer", "De Graaf", "Van Leeuwen",
    "Kok", "Prins", "Huisman", "Peters", "Van der Linden", "Verhoeven", "Kuipers", "Schouten", "Hermans",
    "Lambrechts", "Vermeulen", "Desmet", "Verstraete", "Claeys", "Lemmens", "Aerts", "Coppens", "Michiels",
    "Van Damme", "Segers", "Pauwels", "Van Acker", "Hoekstra", "Postma", "Bosman", "Veenstra", "Timmermans",
    "Evers", "Wijnands", "Steenbergen", "Koster", "Van Rooij", "Bogaert", "Smets", "Martens", "Verbeke",
    "Yilmaz", "El Amrani", "Bouzid", "Nguyen", "Kowalski", "Rossi", "Schmidt", "Novak", "Demir", "Bakkali",
]  # fmt: skip
# stems of compound nouns ("gemeente" + "plan" is "gemeenteplan"); no word here names a drug or a find
STEMS = [
    "woning", "school", "gemeente", "verkeer", "fiets", "water", "station", "park", "markt", "winkel",
    "sport", "kinder", "zorg", "ziekenhuis", "energie", "belasting", "dorp", "feest", "muziek", "theater",
    "film", "boek", "kunst", "museum", "cultuur", "natuur", "bos", "dieren", "tuin", "boeren", "bedrijfs",
    "jeugd", "ouder", "studenten", "personeels", "klimaat", "zonne", "wind", "dijk", "rivier", "storm",
    "vakantie", "hotel", "strand", "kust", "zee", "haven", "spoor", "bus", "auto", "parkeer", "straat",
    "buurt", "wijk", "bewoners", "senioren", "huur", "koop", "grond", "stads", "provincie", "rijks", "bouw",
    "veiligheids", "onderwijs", "taal", "reken", "computer", "internet", "data", "software", "netwerk",
    "winter", "zomer", "lente", "herfst", "ochtend", "avond", "nacht", "weekend", "kermis", "carnavals",
    "voetbal", "hockey", "tennis", "wieler", "schaats", "zwem", "atletiek", "basketbal", "volleybal",
    "kerk", "moskee", "bibliotheek", "wandel", "kano", "zeil", "molen", "brug", "tunnel", "rotonde",
]  # fmt: skip
HEADS = [
    "plan", "raad", "gebouw", "project", "debat", "bezoek", "wedstrijd", "seizoen", "bestuur", "regeling",
    "kosten", "terrein", "vereniging", "dienst", "centrum", "beleid", "verbod", "tarief", "fonds", "budget",
    "commissie", "onderzoek", "rapport", "route", "vergunning", "subsidie", "wet", "week", "dag", "avond",
    "markt", "prijs", "programma", "club", "team", "zaal", "straat", "plein", "park", "school", "huis",
    "museum", "festival", "toernooi", "competitie", "uitbreiding", "renovatie", "visie", "akkoord", "tekort",
]  # fmt: skip
ADJECTIVES = [
    "nieuw", "groot", "klein", "oud", "jong", "snel", "lang", "breed", "hoog", "laag", "duur", "goedkoop",
    "druk", "stil", "mooi", "zwaar", "licht", "warm", "koud", "nat", "droog", "modern", "historisch",
    "lokaal", "regionaal", "landelijk", "stedelijk", "sociaal", "financieel", "openbaar", "tijdelijk",
    "definitief", "uniek", "bekend", "populair", "omstreden", "ambitieus", "duurzaam", "groen", "helder",
    "somber", "hevig", "zacht", "sterk", "zwak", "eerlijk", "vreemd", "gewoon", "bijzonder", "flink",
]  # fmt: skip

DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
PARTIES = ["VVD", "PvdA", "CDA", "D66", "GroenLinks", "N-VA", "Vooruit", "CD&V", "Open Vld", "SP"]
TOPICS = [
    "de woningbouw",
    "het openbaar vervoer",
    "de zorg",
    "het onderwijs",
    "de energieprijzen",
    "het klimaat",
]

TEMPLATES = [
    "Het {adj} {thing} in {place} kost volgens de gemeente {big} euro.",
    "{first} {name} uit {place} wil dat het {thing} {adv} wordt uitgevoerd.",
    "Bewoners van {place} zijn {adv} over het {adj} {thing} van de provincie.",
    "Het {thing} van {place} en {place2} gaat {day} van start.",
    "Volgens {first} {name} is een {adj} {thing} in {place} hard nodig.",
    "De kosten van het {thing} lopen op tot {big} euro, blijkt uit een {adj} rapport.",
    "In {place} kwamen {day} {n}0 mensen af op het {thing}.",
    "Het {thing} wordt {adv} besproken in de raad van {place}.",
    "De {adj}e zomer zorgde in {place} voor een {adj2} {thing}.",
    "{first} {name} ({age}) uit {place} won het {thing} met {n} punten voorsprong.",
    "Het {thing} in {place} is na {n} maanden {adv} afgerond.",
    "Na klachten over het {thing} in {place} komt er een {adj} onderzoek.",
    "{club} heeft {day} met {g1}-{g2} gewonnen van {club2}.",
    "{first} {name} scoorde in de {n}e minuut het openingsdoelpunt.",
    "De trainer van {club} sprak na afloop over het {adj} {thing} in {place}.",
    "In het stadion van {place} zaten {big} toeschouwers bij het {thing}.",
    "{club2} staat na {n} speelrondes op de {g1}e plaats in de competitie.",
    "De wielrenner {first} {name} won de rit naar {town} met {n} seconden voorsprong.",
    "In de sprint was {first} {name} uit {place} de snelste, voor {first2} {name2}.",
    "Het KNMI verwacht {day} tot {n} millimeter regen in de regio {town}.",
    "De temperatuur loopt {day} op tot {t} graden, in het zuiden mogelijk meer.",
    "Het KMI waarschuwt voor onweer en windstoten tot {w} kilometer per uur.",
    "De gemeenteraad van {town} stemde {day} in met het plan voor {topic}.",
    "Wethouder {first} {name} ({party}) verdedigde de keuze in een lang debat.",
    "De oppositie in {place} vindt dat het college te weinig doet aan het {thing}.",
    "Volgens minister {name} kost de maatregel {n} miljoen euro per jaar.",
    "De {party} in {place} wil dat er meer geld gaat naar het {thing}.",
    "Het aantal werklozen daalde vorige maand met {n} procent.",
    "De beurs in Amsterdam sloot {day} {g1},{g2} procent hoger.",
    "Het bedrijf {name2} uit {place} maakte een omzet van {big} miljoen euro bekend met het {thing}.",
    "Bij de fabriek in {town} verdwijnen {n}0 banen, meldt de vakbond.",
    "De huizenprijzen stegen in het afgelopen kwartaal met {g1},{g2} procent.",
    "In {place} opende {day} een nieuwe bibliotheek met een {thing} voor kinderen.",
    "Het museum in {place} trok vorig jaar {big} bezoekers met het {thing}.",
    "De voorstelling van {first} {name} is in {town} uitverkocht.",
    "Op de A{n} bij {town} stond {day} een file van {t} kilometer na een ongeval.",
    "De brandweer rukte {day}avond uit voor een brand bij het {thing} in {place}.",
    "Bij de brand raakte niemand gewond, de schade is groot.",
    "De politie zoekt getuigen van een overval op een tankstation aan de {first}straat in {place}.",
    "Een {age}-jarige man uit {place} is aangehouden voor een reeks inbraken bij het {thing}.",
    "Bij een verkeerscontrole in {town} kregen {n} automobilisten een boete.",
    "De rechtbank in {town} veroordeelde een {age}-jarige vrouw voor fraude.",
    "De school in {place} krijgt een {adj} {thing} dat in {year} klaar moet zijn.",
    "Volgens onderzoekers van de universiteit in {town} groeit het aantal studenten.",
    "De trein tussen {town} en {town2} rijdt {day} niet door werkzaamheden.",
    "Reizigers moeten rekening houden met {n} minuten extra reistijd.",
    "De dierentuin in {place} verwelkomde een jong olifantje, meldt {first} {name}.",
    "In {place} werd {day} het nieuwe {thing} geopend.",
    "De vissers brachten {day} {n} ton tong aan land in de haven van {town}.",
    "Het festival in {town} trok dit weekend {big} bezoekers.",
]
# a clause that real sentences carry: who says so, where, since when
CLAUSES = [
    ", zegt {first} {name} van het {thing}",
    ", meldt de {thing} in {place}",
    ", volgens het {adj} {thing}",
    " na het {thing} in {place}",
    ", ondanks het {adj} {thing}",
    ", net als in {place} en {place2}",
    ", goed voor {big} euro",
    " met {n}{n2} deelnemers uit {place}",
    " tijdens het {thing} van {first} {name}",
]
# words that also name a drug or its unit, in a sentence about something else: in one article in 20
RARE = [
    "De gemeente {town} plant {big} nieuwe bomen langs de ringweg.",  # "plant": a verb, not a unit
    "In het lab van het ziekenhuis in {town} werd een nieuwe test ontwikkeld.",  # a lab that is no drug lab
]


ADVERBS = [
    "snel", "later", "opnieuw", "eindelijk", "alsnog", "voorlopig", "tijdelijk", "blij", "boos", "kritisch",
    "tevreden", "verdeeld", "uitgebreid", "kort", "grondig", "volgend jaar", "deze zomer", "na de zomer",
]  # fmt: skip


@cache
def _places() -> tuple[str, ...]:
    """The Dutch and Belgian places of our gazetteer: the towns and villages an archive names."""
    path = Path(__file__).resolve().parents[1] / "extractor" / "resources" / "nl" / "gazetteer.tsv"
    rows = (
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    )
    return tuple(sorted({r[1] for r in rows if len(r) > 2 and r[2] in ("NL", "BE")}))


def _thing(rng: random.Random) -> str:
    """A compound noun: "gemeenteplan", "zwembadrenovatie", "wijkbudget", now and then of three parts
    ("jeugdvoetbaltoernooi"), as Dutch news coins them."""
    stems = rng.choice(STEMS) + (rng.choice(STEMS) if rng.random() < 0.4 else "")
    return stems + rng.choice(HEADS)


def _adjective(rng: random.Random) -> str:
    """An adjective as it stands before a neuter noun, or compared: "nieuw", "groter", "langste"."""
    a = rng.choice(ADJECTIVES)
    return rng.choice((a, a, a + "er", a + "ste"))


def _fill(tpl: str, rng: random.Random) -> str:
    town, town2 = rng.sample(TOWNS, 2)
    club, club2 = rng.sample(CLUBS, 2)
    place, place2 = rng.sample(_places(), 2)
    return tpl.format(
        thing=_thing(rng), adj=_adjective(rng), adj2=_adjective(rng), adv=rng.choice(ADVERBS), place=place,
        place2=place2, first2=rng.choice(FIRST), name2=rng.choice(NAMES), n2=rng.randint(0, 9),
        club=club, club2=club2, town=town, town2=town2, day=rng.choice(DAYS), first=rng.choice(FIRST),
        name=rng.choice(NAMES), party=rng.choice(PARTIES), topic=rng.choice(TOPICS), g1=rng.randint(0, 5),
        g2=rng.randint(0, 9), n=rng.randint(2, 89), big=f"{rng.randint(2, 90)}.{rng.randint(100, 999)}",
        t=rng.randint(3, 35), w=rng.randint(60, 120), age=rng.randint(18, 80), year=rng.randint(2025, 2030),
    )  # fmt: skip


def _clause(sentence: str, rng: random.Random) -> str:
    """The sentence, half the time with a clause before its full stop."""
    if rng.random() < 0.5 and sentence.endswith("."):
        return sentence[:-1] + _fill(rng.choice(CLAUSES), rng) + "."
    return sentence


def general_news(n: int, seed: int = 11, published: str = "2023-06-14") -> list[dict]:
    """``n`` general-news articles, each of 7-15 sentences, every one a different text."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randint(7, 15)
        sentences = [_clause(_fill(t, rng), rng) for t in rng.sample(TEMPLATES, k)]
        if rng.random() < 0.05:
            sentences.insert(rng.randrange(k), _fill(rng.choice(RARE), rng))
        text = " ".join(sentences)
        title = _fill(rng.choice(TEMPLATES), rng).rstrip(".")
        out.append({"id": f"general-{i}", "published": published, "title": title, "text": text})
    return out


def vocabulary_report(drug_texts: list[str], general_texts: list[str]) -> str:
    """The words (space-separated chunks, the unit spaCy's tokenizer caches) first seen per article,
    in the drug articles and in as many general-news articles: equal shares mean the tokenizer's cache
    helps both alike."""

    def new_per_article(texts: list[str]) -> float:
        seen: set[str] = set()
        new = 0
        for t in texts:
            chunks = t.split()
            new += sum(1 for c in chunks if c not in seen)
            seen.update(chunks)
        return new / max(1, len(texts))

    k = len(drug_texts)
    return (
        f"words first seen, per article ({k} of each): drug articles {new_per_article(drug_texts):.1f}, "
        f"general news {new_per_article(general_texts[:k]):.1f}"
    )
