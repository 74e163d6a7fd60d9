"""General news (written for this test) states no drug seizure: the extractor must stay silent.

Sport, weather, politics, and seizures of things that are not drugs (cigarettes, fireworks,
weapons, cash, counterfeit goods): thirty short texts in the styles of Dutch and Flemish news.
"""

from __future__ import annotations

import pytest

GENERAL_NEWS = [
    "Ajax heeft zondag met 3-1 gewonnen van PSV. Bergwijn scoorde twee keer in de tweede helft.",
    "Club Brugge verloor in Gent met 2-0. De trainer sprak van een zwakke wedstrijd.",
    "Het KNMI waarschuwt voor gladheid. Woensdagochtend kan het in het noorden tot min vijf graden vriezen.",
    "In Ukkel viel gisteren 40 liter regen per vierkante meter, een record voor de maand juni.",
    "De Tweede Kamer stemde dinsdag in met de nieuwe woningwet. De oppositie stemde tegen.",
    "Het Vlaams Parlement debatteerde over de begroting van 2024. De minister verdedigde de besparingen.",
    "De douane heeft in de haven van Rotterdam 12 miljoen illegale sigaretten onderschept.",
    "Bij een controle in Venlo vond de politie 300 kilo illegaal vuurwerk in een bestelbus.",
    "Agenten troffen bij een huiszoeking in Gent drie vuurwapens en munitie aan.",
    "De douane nam op Schiphol 250.000 euro aan contant geld in beslag bij een reiziger.",
    "In Antwerpen werden 4.000 namaakhorloges en nagemaakte handtassen in beslag genomen.",
    "De inspectie vond in een slachthuis 2 ton vlees dat over de datum was en liet het vernietigen.",
    "Bij een actie tegen zwartwerk werden op bouwplaatsen in Limburg 45 werknemers gecontroleerd.",
    "De burgemeester van Eindhoven opende zaterdag het vernieuwde stadhuis.",
    "Het aantal verkeersdoden steeg vorig jaar met 8 procent tot 737.",
    "Remco Evenepoel won de tijdrit in de Ronde van Zwitserland met 12 seconden voorsprong.",
    "Max Verstappen pakte in Zandvoort de pole position voor de Grote Prijs van Nederland.",
    "De prijs van een liter benzine daalde deze week tot 1,89 euro.",
    "In Maastricht werd een nieuwe brug over de Maas geopend voor fietsers en voetgangers.",
    "De politie zoekt getuigen van een inbraak in een juwelierszaak in Hasselt, waarbij voor 80.000 euro aan sieraden werd buitgemaakt.",
    "Bij een grote brand in een loods in Tilburg ging een voorraad van 20 ton papier verloren.",
    "De kustwacht redde voor de kust van Oostende drie zeilers van wie de boot was omgeslagen.",
    "De gemeente Rotterdam plant 500 nieuwe bomen in de wijk Feijenoord.",
    "In het ziekenhuis van Leuven werd een nieuwe vleugel voor kinderen in gebruik genomen.",
    "De brandweer vond in de kelder van een woning in Breda een lek in een gasleiding.",
    "Op de A12 bij Utrecht ontstond een file van 15 kilometer na een ongeval met drie auto's.",
    "Het Rijksmuseum ontving vorig jaar 2,7 miljoen bezoekers, meer dan ooit.",
    "De NMBS schrapt vanaf december enkele vroege treinen tussen Gent en Brussel.",
    "Bij de verkiezingen in Zeeland haalde de grootste partij 11 van de 39 zetels.",
    "De vissers van Urk brachten deze week 80 ton tong aan land, meer dan verwacht.",
    "In het lab van de universiteit in Leuven ontdekten onderzoekers een nieuw antibioticum.",
    "Het laboratorium van het ziekenhuis vond sporen van het virus in 40 monsters.",
]


def test_thirty_texts():
    assert len(GENERAL_NEWS) >= 30 and len(set(GENERAL_NEWS)) == len(GENERAL_NEWS)


@pytest.mark.parametrize("text", GENERAL_NEWS, ids=[t[:35] for t in GENERAL_NEWS])
def test_general_news_states_no_seizure(extractor, text):
    assert extractor.extract(text, published="2023-06-14") == []
