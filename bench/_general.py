"""General news for the archive benchmarks: articles we write from templates, each one different.

The archive a user runs the extractor over is mostly sport, politics, weather, economy, culture and
crime that is not about drugs. Recombining a handful of fixed sentences would let spaCy's tokenizer
cache whole texts' worth of tokens and flatter it; here every article draws 8-18 sentences from
templates whose slots (names, clubs, towns, numbers, days) vary, so texts differ as real ones do
while common words repeat as they do in real news. One article in twenty holds a sentence with a word
that also names a drug or its unit ("plant", "lab"), as general news does now and then, so the
relevance gate is not flattered either.
"""

from __future__ import annotations

import random

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
FIRST = ["Sanne", "Pieter", "Lotte", "Jan", "Eva", "Tom", "Fatima", "Mohamed", "Els", "Koen", "Noor", "Bram"]
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
    "{club} heeft {day} met {g1}-{g2} gewonnen van {club2}.",
    "{first} {name} scoorde in de {n}e minuut het openingsdoelpunt.",
    "De trainer van {club} sprak na afloop van een verdiende overwinning.",
    "In het stadion van {town} zaten {big} toeschouwers.",
    "{club2} staat na {n} speelrondes op de {g1}e plaats in de competitie.",
    "De wielrenner {first} {name} won de rit naar {town} met {n} seconden voorsprong.",
    "In de sprint was {first} {name} de snelste, voor twee Belgen.",
    "Het KNMI verwacht {day} tot {n} millimeter regen in de regio {town}.",
    "De temperatuur loopt {day} op tot {t} graden, in het zuiden mogelijk meer.",
    "Het KMI waarschuwt voor onweer en windstoten tot {w} kilometer per uur.",
    "De gemeenteraad van {town} stemde {day} in met het plan voor {topic}.",
    "Wethouder {first} {name} ({party}) verdedigde de keuze in een lang debat.",
    "De oppositie vindt dat het college te weinig doet aan {topic}.",
    "Volgens minister {name} kost de maatregel {n} miljoen euro per jaar.",
    "De {party} wil dat er meer geld gaat naar {topic}.",
    "Het aantal werklozen daalde vorige maand met {n} procent.",
    "De beurs in Amsterdam sloot {day} {g1},{g2} procent hoger.",
    "Het bedrijf uit {town} maakte een omzet van {big} miljoen euro bekend.",
    "Bij de fabriek in {town} verdwijnen {n}0 banen, meldt de vakbond.",
    "De huizenprijzen stegen in het afgelopen kwartaal met {g1},{g2} procent.",
    "In {town} opende {day} een nieuwe bibliotheek met een leeszaal voor kinderen.",
    "Het museum in {town} trok vorig jaar {big} bezoekers.",
    "De voorstelling van {first} {name} is in {town} uitverkocht.",
    "Op de A{n} bij {town} stond {day} een file van {t} kilometer na een ongeval.",
    "De brandweer rukte {day}avond uit voor een brand in een loods in {town}.",
    "Bij de brand raakte niemand gewond, de schade is groot.",
    "De politie zoekt getuigen van een overval op een tankstation in {town}.",
    "Een {age}-jarige man uit {town} is aangehouden voor een reeks inbraken.",
    "Bij een verkeerscontrole in {town} kregen {n} automobilisten een boete.",
    "De rechtbank in {town} veroordeelde een {age}-jarige vrouw voor fraude.",
    "De school in {town} krijgt een nieuw gebouw dat in {year} klaar moet zijn.",
    "Volgens onderzoekers van de universiteit in {town} groeit het aantal studenten.",
    "De trein tussen {town} en {town2} rijdt {day} niet door werkzaamheden.",
    "Reizigers moeten rekening houden met {n} minuten extra reistijd.",
    "De dierentuin in {town} verwelkomde een jong olifantje.",
    "In {town} werd {day} het nieuwe zwembad geopend.",
    "De vissers brachten {day} {n} ton tong aan land in de haven van {town}.",
    "Het festival in {town} trok dit weekend {big} bezoekers.",
]
# words that also name a drug or its unit, in a sentence about something else: in one article in 20
RARE = [
    "De gemeente {town} plant {big} nieuwe bomen langs de ringweg.",  # "plant": a verb, not a unit
    "In het lab van het ziekenhuis in {town} werd een nieuwe test ontwikkeld.",  # a lab that is no drug lab
]


def _fill(tpl: str, rng: random.Random) -> str:
    town, town2 = rng.sample(TOWNS, 2)
    club, club2 = rng.sample(CLUBS, 2)
    return tpl.format(
        club=club, club2=club2, town=town, town2=town2, day=rng.choice(DAYS), first=rng.choice(FIRST),
        name=rng.choice(NAMES), party=rng.choice(PARTIES), topic=rng.choice(TOPICS), g1=rng.randint(0, 5),
        g2=rng.randint(0, 9), n=rng.randint(2, 89), big=f"{rng.randint(2, 90)}.{rng.randint(100, 999)}",
        t=rng.randint(3, 35), w=rng.randint(60, 120), age=rng.randint(18, 80), year=rng.randint(2025, 2030),
    )  # fmt: skip


def general_news(n: int, seed: int = 11, published: str = "2023-06-14") -> list[dict]:
    """``n`` general-news articles, each of 8-18 sentences, every one a different text."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        k = rng.randint(8, 18)
        sentences = [_fill(t, rng) for t in rng.sample(TEMPLATES, k)]
        if rng.random() < 0.05:
            sentences.insert(rng.randrange(k), _fill(rng.choice(RARE), rng))
        text = " ".join(sentences)
        title = _fill(rng.choice(TEMPLATES), rng).rstrip(".")
        out.append({"id": f"general-{i}", "published": published, "title": title, "text": text})
    return out
