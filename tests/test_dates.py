"""parse_date: a table of Dutch expressions at fixed publication dates, and a negative table.

Reference dates: 2021-06-09 is a Wednesday; "2021-06" is a month-only publication date.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest

from extractor import parse_date
from extractor.normalize.dates import find_dates

W = "2021-06-09"  # a Wednesday
M = "2021-06"  # month only
T = "2023-10-24"  # a Tuesday
D = "2019-12-31"  # a Tuesday

# (text, published, start, end)
POSITIVE = [
    # two days of one month: the period from the first to the second
    ("op 29 en 30 september 2020", W, "2020-09-29", "2020-09-30"),
    ("Op 4 en 5 mei vielen agenten binnen", "2021-06-09", "2021-05-04", "2021-05-05"),
    ("op 4-5 mei", W, "2021-05-04", "2021-05-05"),
    # an ISO week number, of the year given or the latest not after publication
    ("in week 32", W, "2020-08-03", "2020-08-09"),
    ("in week 12", W, "2021-03-22", "2021-03-28"),
    ("week 2 van 2022", W, "2022-01-10", "2022-01-16"),
    # the turn of the year
    ("rond de jaarwisseling", W, "2020-12-31", "2021-01-01"),
    # absolute days
    ("31 mei 2020", W, "2020-05-31", "2020-05-31"),
    ("op 31 mei 2020", W, "2020-05-31", "2020-05-31"),
    ("31 mei 2020", None, "2020-05-31", "2020-05-31"),
    ("31 mei 2020", M, "2020-05-31", "2020-05-31"),
    ("3 juni", W, "2021-06-03", "2021-06-03"),
    ("3 juni", M, "2021-06-03", "2021-06-03"),
    ("op 3 juni van dit jaar", W, "2021-06-03", "2021-06-03"),
    ("3 juni van vorig jaar", W, "2020-06-03", "2020-06-03"),
    ("12 december", W, "2020-12-12", "2020-12-12"),
    ("22 januari", "2021-01-05", "2020-01-22", "2020-01-22"),
    ("31 mei", D, "2019-05-31", "2019-05-31"),
    ("2 december", "2020-12", "2020-12-02", "2020-12-02"),
    ("23-09-2019", W, "2019-09-23", "2019-09-23"),
    ("23/09/2019", W, "2019-09-23", "2019-09-23"),
    ("23.09.2019", W, "2019-09-23", "2019-09-23"),
    ("23-9-2019", None, "2019-09-23", "2019-09-23"),
    ("2019-09-23", None, "2019-09-23", "2019-09-23"),
    ("maandag 23 september 2019", W, "2019-09-23", "2019-09-23"),
    ("23 sept. 2019", W, "2019-09-23", "2019-09-23"),
    ("23 sep 2019", W, "2019-09-23", "2019-09-23"),
    ("1 jan 2020", W, "2020-01-01", "2020-01-01"),
    ("1 januari 2020", None, "2020-01-01", "2020-01-01"),
    ("12 oktober 2023", None, "2023-10-12", "2023-10-12"),
    ("op 12 oktober 2023", T, "2023-10-12", "2023-10-12"),
    ("dinsdag 1 december 2020", "2020-12", "2020-12-01", "2020-12-01"),
    ("zaterdag 5 juni", W, "2021-06-05", "2021-06-05"),
    ("1e januari 2020", None, "2020-01-01", "2020-01-01"),
    ("3 mrt. 2022", None, "2022-03-03", "2022-03-03"),
    ("17 okt 2022", None, "2022-10-17", "2022-10-17"),
    # months and years
    ("september 2019", W, "2019-09-01", "2019-09-30"),
    ("in september 2019", None, "2019-09-01", "2019-09-30"),
    ("in januari", W, "2021-01-01", "2021-01-31"),
    ("in juli", "2023-01-19", "2022-07-01", "2022-07-31"),
    ("februari", "2024-02-20", "2024-02-01", "2024-02-29"),
    ("mei vorig jaar", W, "2020-05-01", "2020-05-31"),
    ("juni van dit jaar", W, "2021-06-01", "2021-06-30"),
    ("in 2020", W, "2020-01-01", "2020-12-31"),
    ("in 2020", None, "2020-01-01", "2020-12-31"),
    ("het hele jaar 2020", W, "2020-01-01", "2020-12-31"),
    ("in het jaar 2020", W, "2020-01-01", "2020-12-31"),
    ("het record van 2020", W, "2020-01-01", "2020-12-31"),
    ("sinds 2011", None, "2011-01-01", "2011-12-31"),
    # parts of months and years
    ("begin maart", W, "2021-03-01", "2021-03-10"),
    ("eind maart", W, "2021-03-21", "2021-03-31"),
    ("half december", D, "2019-12-11", "2019-12-21"),
    ("Half december", "2019-12", "2019-12-11", "2019-12-21"),
    ("medio december", D, "2019-12-11", "2019-12-21"),
    ("eind juni", "2023-08", "2023-06-21", "2023-06-30"),
    ("Eind juni", "2023-08-15", "2023-06-21", "2023-06-30"),
    ("begin mei 2020", None, "2020-05-01", "2020-05-10"),
    ("eind november 2019", None, "2019-11-21", "2019-11-30"),
    ("begin dit jaar", W, "2021-01-01", "2021-03-31"),
    ("eind vorig jaar", W, "2020-10-01", "2020-12-31"),
    ("medio vorig jaar", W, "2020-06-01", "2020-07-31"),
    ("eind 2018", None, "2018-10-01", "2018-12-31"),
    ("begin 2020", None, "2020-01-01", "2020-03-31"),
    ("medio 2020", None, "2020-06-01", "2020-07-31"),
    # weekdays (W is a Wednesday)
    ("woensdag", W, "2021-06-09", "2021-06-09"),
    ("dinsdag", W, "2021-06-08", "2021-06-08"),
    ("maandag", W, "2021-06-07", "2021-06-07"),
    ("zondag", W, "2021-06-06", "2021-06-06"),
    ("zaterdag", W, "2021-06-05", "2021-06-05"),
    ("vrijdag", W, "2021-06-04", "2021-06-04"),
    ("donderdag", W, "2021-06-03", "2021-06-03"),
    ("Woensdag", W, "2021-06-09", "2021-06-09"),
    ("afgelopen vrijdag", W, "2021-06-04", "2021-06-04"),
    ("afgelopen woensdag", W, "2021-06-02", "2021-06-02"),
    ("vorige woensdag", W, "2021-06-02", "2021-06-02"),
    ("vorige vrijdag", W, "2021-06-04", "2021-06-04"),
    ("vorige week dinsdag", W, "2021-06-01", "2021-06-01"),
    ("dinsdag van vorige week", W, "2021-06-01", "2021-06-01"),
    ("vorige week vrijdag", W, "2021-06-04", "2021-06-04"),
    ("dinsdag", T, "2023-10-24", "2023-10-24"),
    ("maandag", T, "2023-10-23", "2023-10-23"),
    ("dinsdag", "2021-09-22", "2021-09-21", "2021-09-21"),
    # parts of days
    ("maandagavond", W, "2021-06-07", "2021-06-07"),
    ("dinsdagochtend", W, "2021-06-08", "2021-06-08"),
    ("donderdagmiddag", W, "2021-06-03", "2021-06-03"),
    ("maandagnamiddag", W, "2021-06-07", "2021-06-07"),
    ("Maandagnamiddag", "2022-10-18", "2022-10-17", "2022-10-17"),
    ("vrijdagochtend", W, "2021-06-04", "2021-06-04"),
    ("zondagavond", W, "2021-06-06", "2021-06-06"),
    ("woensdagmorgen", W, "2021-06-09", "2021-06-09"),
    ("zaterdagnacht", W, "2021-06-05", "2021-06-06"),
    ("vrijdagnacht", W, "2021-06-04", "2021-06-05"),
    ("zaterdagavond", W, "2021-06-05", "2021-06-05"),
    # deictic
    ("gisteren", W, "2021-06-08", "2021-06-08"),
    ("eergisteren", W, "2021-06-07", "2021-06-07"),
    ("vandaag", W, "2021-06-09", "2021-06-09"),
    ("vanochtend", W, "2021-06-09", "2021-06-09"),
    ("vanmorgen", W, "2021-06-09", "2021-06-09"),
    ("vanmiddag", W, "2021-06-09", "2021-06-09"),
    ("vanavond", W, "2021-06-09", "2021-06-09"),
    ("vannacht", W, "2021-06-08", "2021-06-09"),
    ("gisterenavond", W, "2021-06-08", "2021-06-08"),
    ("gisteravond", W, "2021-06-08", "2021-06-08"),
    ("gisterenochtend", W, "2021-06-08", "2021-06-08"),
    ("gistermiddag", W, "2021-06-08", "2021-06-08"),
    ("gisternacht", W, "2021-06-08", "2021-06-09"),
    ("gisterenochtend", "2018-05-29", "2018-05-28", "2018-05-28"),
    # weeks, months, years
    ("vorige week", W, "2021-05-31", "2021-06-06"),
    ("afgelopen week", W, "2021-05-31", "2021-06-06"),
    ("verleden week", W, "2021-05-31", "2021-06-06"),
    ("deze week", W, "2021-06-07", "2021-06-09"),
    ("vorige maand", W, "2021-05-01", "2021-05-31"),
    ("afgelopen maand", W, "2021-05-01", "2021-05-31"),
    ("deze maand", W, "2021-06-01", "2021-06-09"),
    ("vorige maand", "2021-01-15", "2020-12-01", "2020-12-31"),
    ("vorig jaar", W, "2020-01-01", "2020-12-31"),
    ("verleden jaar", W, "2020-01-01", "2020-12-31"),
    ("afgelopen jaar", W, "2020-01-01", "2020-12-31"),
    ("dit jaar", W, "2021-01-01", "2021-06-09"),
    ("Dit jaar", W, "2021-01-01", "2021-06-09"),
    ("vorig weekend", W, "2021-06-05", "2021-06-06"),
    ("afgelopen weekend", W, "2021-06-05", "2021-06-06"),
    ("vorig weekend", "2021-06-07", "2021-06-05", "2021-06-06"),
    ("twee weken geleden", W, "2021-05-24", "2021-05-30"),
    ("drie dagen geleden", W, "2021-06-06", "2021-06-06"),
    ("3 dagen geleden", W, "2021-06-06", "2021-06-06"),
    ("een week geleden", W, "2021-05-31", "2021-06-06"),
    ("een maand geleden", W, "2021-05-01", "2021-05-31"),
    ("twee maanden geleden", W, "2021-04-01", "2021-04-30"),
    ("vier jaar geleden", W, "2017-01-01", "2017-12-31"),
    ("Vier jaar terug", "2018-05-29", "2014-01-01", "2014-12-31"),
    ("tien jaar geleden", W, "2011-01-01", "2011-12-31"),
    ("eerder deze week", W, "2021-06-07", "2021-06-08"),
    ("voorbije vrijdag", W, "2021-06-04", "2021-06-04"),
    ("de voorbije week", W, "2021-05-31", "2021-06-06"),
    ("het voorbije weekend", W, "2021-06-05", "2021-06-06"),
    ("voorbije week dinsdag", W, "2021-06-01", "2021-06-01"),
    ("in het weekend", W, "2021-06-05", "2021-06-06"),
    ("tijdens het weekend", "2021-06-06", "2021-06-05", "2021-06-06"),
    ("sinds het begin van het jaar", W, "2021-01-01", "2021-06-09"),
    ("het begin van het jaar", W, "2021-01-01", "2021-03-31"),
    ("eind van vorig jaar", W, "2020-10-01", "2020-12-31"),
    ("begin deze week", W, "2021-06-07", "2021-06-09"),
    ("eind vorige week", W, "2021-06-04", "2021-06-06"),
    ("begin vorige maand", W, "2021-05-01", "2021-05-10"),
    ("eind vorige maand", W, "2021-05-21", "2021-05-31"),
    ("eerder deze maand", W, "2021-06-01", "2021-06-08"),
    # periods
    ("de eerste vijf maanden van vorig jaar", W, "2020-01-01", "2020-05-31"),
    ("de eerste vijf maanden van 2021", None, "2021-01-01", "2021-05-31"),
    ("in de eerste drie maanden van dit jaar", W, "2021-01-01", "2021-03-31"),
    ("de eerste helft van dit jaar", W, "2021-01-01", "2021-06-09"),
    ("de eerste helft van 2020", None, "2020-01-01", "2020-06-30"),
    ("de tweede helft van vorig jaar", W, "2020-07-01", "2020-12-31"),
    ("het eerste kwartaal van 2022", None, "2022-01-01", "2022-03-31"),
    ("het derde kwartaal van vorig jaar", W, "2020-07-01", "2020-09-30"),
    ("het laatste kwartaal van 2019", None, "2019-10-01", "2019-12-31"),
    ("Q1 2022", None, "2022-01-01", "2022-03-31"),
    # a calendar part without its year: the publication year's, or last year's if not begun yet
    ("in het eerste halfjaar", "2020-08-10", "2020-01-01", "2020-06-30"),
    ("het eerste halfjaar", "2020-03-10", "2020-01-01", "2020-03-10"),
    ("het tweede halfjaar", "2020-03-10", "2019-07-01", "2019-12-31"),
    ("in het derde kwartaal", "2020-11-02", "2020-07-01", "2020-09-30"),
    ("het vierde kwartaal", "2020-02-02", "2019-10-01", "2019-12-31"),
    ("het laatste kwartaal", "2021-01-06", "2020-10-01", "2020-12-31"),
    # Frisian "mei" is "met"; after a temporal word it is still May
    ("yn mei", W, "2021-05-01", "2021-05-31"),
    ("de maand mei", W, "2021-05-01", "2021-05-31"),
    ("de laatste drie maanden van 2020", None, "2020-10-01", "2020-12-31"),
    ("de nacht van 2 op 3 april", W, "2021-04-02", "2021-04-03"),
    ("In de nacht van 2 op 3 april", M, "2021-04-02", "2021-04-03"),
    ("in de nacht van 31 december op 1 januari", W, "2020-12-31", "2021-01-01"),
    ("de nacht van 14 op 15 maart 2020", None, "2020-03-14", "2020-03-15"),
    ("de nacht van zaterdag op zondag", W, "2021-06-05", "2021-06-06"),
    ("in de nacht van maandag op dinsdag", W, "2021-06-07", "2021-06-08"),
    ("van donderdag 23 maart 2017 tot zondag 26 maart 2017", "2017-03-27", "2017-03-23", "2017-03-26"),
    ("van donderdag 23 maart tot zondag 26 maart 2017", None, "2017-03-23", "2017-03-26"),
    ("van 23 tot 26 maart 2017", None, "2017-03-23", "2017-03-26"),
    ("tussen 1 en 5 maart", W, "2021-03-01", "2021-03-05"),
    ("van 1 tot en met 5 maart 2020", None, "2020-03-01", "2020-03-05"),
    ("tussen 28 februari en 3 maart 2020", None, "2020-02-28", "2020-03-03"),
    ("sinds medio december", "2021-03-15", "2020-12-11", "2021-03-15"),
    ("sinds begin dit jaar", W, "2021-01-01", "2021-06-09"),
    ("sinds 3 mei", W, "2021-05-03", "2021-06-09"),
    # Flemish: day and month in figures after "op" or a weekday; "de jongste" weeks, months, years
    ("op 13/05", W, "2021-05-13", "2021-05-13"),
    ("zaterdag 5/6", W, "2021-06-05", "2021-06-05"),
    ("de jongste weken", W, "2021-05-19", "2021-06-09"),
    ("de jongste vijf jaar", W, "2016-06-09", "2021-06-09"),
    # since an event dated right after it: up to publication; the event's date alone without "sinds"
    ("sinds de start van het onderzoek in 2019", W, "2019-01-01", "2021-06-09"),
    ("Sedert het begin van de operatie in maart", W, "2021-03-01", "2021-06-09"),
    ("bij de start van het onderzoek in 2019", W, "2019-01-01", "2019-12-31"),
    ("vanaf eind 2018 tot vorige maand", "2022-06-15", "2018-10-01", "2022-05-31"),
    ("Tot en met 23 juni 2020", None, "2020-01-01", "2020-06-23"),
    ("tot en met 23 juni 2020", "2020-07", "2020-01-01", "2020-06-23"),
    # seasons and holidays
    ("afgelopen zomer", W, "2020-06-21", "2020-09-22"),
    ("vorige zomer", W, "2020-06-21", "2020-09-22"),
    ("vorige winter", W, "2020-12-21", "2021-03-19"),
    ("dit voorjaar", W, "2021-03-20", "2021-06-09"),
    ("Dit voorjaar", "2022-10-10", "2022-03-20", "2022-06-20"),
    ("in de zomer van 2019", None, "2019-06-21", "2019-09-22"),
    ("het najaar van 2020", None, "2020-09-23", "2020-12-20"),
    ("rond kerst", W, "2020-12-24", "2020-12-26"),
    ("met kerst", D, "2019-12-24", "2019-12-26"),
    ("rond oud en nieuw", "2021-01-05", "2020-12-31", "2021-01-01"),
    ("rond kerst 2018", None, "2018-12-24", "2018-12-26"),
    # Frisian weekdays (Omrop Fryslân): "tiisdei" is Tuesday
    ("tiisdei", W, "2021-06-08", "2021-06-08"),
    ("snein", W, "2021-06-06", "2021-06-06"),
    # feasts counted from Easter Sunday (dateutil), the latest begun by publication
    ("rond Pasen", "2024-04-15", "2024-03-31", "2024-04-01"),
    ("rond Pasen", "2024-03-15", "2023-04-09", "2023-04-10"),
    ("op tweede paasdag", "2024-04-15", "2024-04-01", "2024-04-01"),
    ("met Pinksteren 2019", None, "2019-06-09", "2019-06-10"),
    ("tijdens carnaval", "2024-03-01", "2024-02-11", "2024-02-13"),
    ("op Hemelvaartsdag", "2023-06-01", "2023-05-18", "2023-05-18"),
    # fixed days, with "op"
    ("op oudejaarsavond", "2024-03-15", "2023-12-31", "2023-12-31"),
    ("op Koningsdag", "2024-05-01", "2024-04-27", "2024-04-27"),
    ("op tweede kerstdag", "2024-01-03", "2023-12-26", "2023-12-26"),
    # two months joined: one span; a month without a year takes the other's
    ("van januari tot en met maart", W, "2021-01-01", "2021-03-31"),
    ("van januari tot juni 2019", W, "2019-01-01", "2019-06-30"),
    ("januari-maart 2020", W, "2020-01-01", "2020-03-31"),
    ("van november tot en met februari", W, "2020-11-01", "2021-02-28"),
    ("van oktober 2019 t/m januari", W, "2019-10-01", "2020-01-31"),
    ("in april en mei", W, "2021-04-01", "2021-05-31"),
    ("tussen oktober en december vorig jaar", W, "2020-10-01", "2020-12-31"),
    ("in 2019 en 2020", W, "2019-01-01", "2020-12-31"),
    ("in de jaren 2016-2019", W, "2016-01-01", "2019-12-31"),
    ("van 2015 tot en met 2018", W, "2015-01-01", "2018-12-31"),
    # "dit weekend": in a report of Monday to Wednesday the one just past, later in the week the coming one
    ("dit weekend", W, "2021-06-05", "2021-06-06"),
    ("dit weekend", T, "2023-10-21", "2023-10-22"),
    ("dit weekend", "2021-06-11", "2021-06-12", "2021-06-13"),
    # the week a day is in, Monday to Sunday
    ("in de week van 2 juni", W, "2021-05-31", "2021-06-06"),
    ("de week van 30 december 2020", None, "2020-12-28", "2021-01-03"),
    ("eergisteravond", W, "2021-06-07", "2021-06-07"),
    ("juster", W, "2021-06-08", "2021-06-08"),  # Frisian
    ("hjoed", W, "2021-06-09", "2021-06-09"),
    ("deze ochtend", W, "2021-06-09", "2021-06-09"),
    ("tijdens de paasdagen", W, "2021-04-04", "2021-04-05"),
    # quarters named from publication
    ("het afgelopen kwartaal", W, "2021-01-01", "2021-03-31"),
    ("vorig kwartaal", "2021-02-10", "2020-10-01", "2020-12-31"),
    ("dit kwartaal", W, "2021-04-01", "2021-06-09"),
    # month-only publication: the widest interval the known part allows
    ("dit jaar", M, "2021-01-01", "2021-06-30"),
    ("vorig jaar", M, "2020-01-01", "2020-12-31"),
    ("vorige maand", M, "2021-05-01", "2021-05-31"),
    ("woensdag", M, "2021-05-26", "2021-06-30"),
    ("gisteren", M, "2021-05-31", "2021-06-29"),
    ("de eerste vijf maanden van vorig jaar", M, "2020-01-01", "2020-05-31"),
]

UNRESOLVABLE = [  # a date expression, but nothing to resolve it against
    ("woensdag", None), ("dit jaar", None), ("vorig jaar", None), ("3 juni", None), ("in januari", None),
    ("gisteren", None), ("vorige week", None), ("twee weken geleden", None), ("afgelopen zomer", None),
]  # fmt: skip

NEGATIVE = [
    "54,5", "2,5", "1,4", "19.501", "1.200 kilo", "54,5 ton", "bijna 54,5 ton", "2,5 keer zoveel", "1,4 miljard euro",
    "De Morgen", "Dat schrijft De Morgen", "zo", "Zo werd", "ma", "di", "wo", "do", "vr", "za", "morgen", "49 jaar", "man (49)",
    "vier jaar cel", "drie maanden", "acht jaar", "14.30 uur", "11.00 uur", "30 procent", "1 313", "Jan Peeters",
    "zondagsrust", "maandelijks", "wekelijks", "jaarlijks", "dagelijks", "het voorjaarsoverleg", "Kerstman",
    "paaseieren", "de paashaas", "op Pasenstraat 4", "het carnavalsbal", "Koningsdagen", "Q3-cijfers",
    "3-MMC", "2-1 overwinning", "06-12345678", "0471/23.45.67", "versie 2.1.3", "1950 kilo", "2000 planten", "2020 euro",
    "een op de vijf", "", "   ", "de zaak", "Sky ECC", "EncroChat",
    "in hennepkwekerij mei 400 planten", "in auto mei drugs", "de plysje kaam mei in hûnd", "de eerste helft",
    "het eerste kwartaal na de invoering", "het tweede halfjaar van de operatie", "de eerste twee weken",
    "12 en 13 kilo", "3 en 4 mensen",  # two numbers joined by "en" without a month
    "in 1/2 van de gevallen", "won met 3/1", "op 31/02", "de jongste agent",  # a fraction, a score, no such day
    "3-4 kilo", "in 2-3 weken", "per week", "week 54",  # no month; no number; no such week
    "kwartaalcijfers", "het kwartaal", "de week van de smaak", "de week van 40 uur", "deze", "de ochtend", "eergisterenavondje", "justerein", "het laatste kwartier", "de afgelopen tien", "tien jaar",
]  # fmt: skip


@pytest.mark.parametrize(
    "text,published,start,end", [pytest.param(*c, id=f"{c[0]}@{c[1]}") for c in POSITIVE]
)
def test_positive(text, published, start, end):
    d = parse_date(text, published)
    assert d is not None, text
    assert (d.start.isoformat(), d.end.isoformat()) == (start, end)
    assert d.start <= d.end


@pytest.mark.parametrize("text,published", UNRESOLVABLE)
def test_unresolvable_without_publication_date(text, published):
    assert parse_date(text, published) is None


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    for published in (W, M, None):
        assert parse_date(text, published) is None, (text, published)


def test_table_sizes():
    assert len(POSITIVE) >= 150, len(POSITIVE)
    assert len(NEGATIVE) >= 40, len(NEGATIVE)


def test_relative_flag_and_granularity():
    d = parse_date("vorige week dinsdag", W)
    assert d.relative and d.granularity == "day"
    a = parse_date("31 mei 2020", W)
    assert not a.relative and a.granularity == "day"
    assert parse_date("het eerste kwartaal van 2022").granularity == "quarter"
    assert parse_date("september 2019").granularity == "month"
    assert parse_date("in 2020").granularity == "year"
    assert parse_date("woensdag", M).granularity == "period"  # never a guess presented as a day


def test_published_as_date_object():
    assert parse_date("gisteren", date(2021, 6, 9)).start == date(2021, 6, 8)


def test_seed_sentence_dates():
    text = "Dit jaar is al bijna 54,5 ton gevonden, waarmee het erop lijkt dat het record van 2020 (65,5 ton in het hele jaar) zal sneuvelen. Dat schrijft De Morgen woensdag."
    found = [m.interval.text for m in find_dates(text, M)]
    assert found == ["Dit jaar", "van 2020", "woensdag"]


@pytest.mark.parametrize(
    "text",
    [
        "vorige week " * 20_000,
        "2" * 200_000,
        "3 juni " * 20_000,
        "1." * 50_000,
        "de nacht van 2 op 3 april " * 5_000,
        "x" * 1_000_000,
    ],
    ids=["phrase", "digits", "days", "dots", "nights", "nospace"],
)
def test_pathological_input_is_prompt(text):
    plain = ("De douane vond cocaïne in de haven van Antwerpen. " * (len(text) // 50 + 1))[: len(text)]
    t0 = time.perf_counter()
    find_dates(plain, W)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    find_dates(text, W)
    took = time.perf_counter() - t0
    assert took < 30 * base + 1.0, (took, base)


# dates given relative to the date before them (written for this table)
ANAPHORIC = [
    (
        "Op 12 maart vond de douane 40 kilo en drie dagen later nog 60 kilo.",
        "drie dagen later",
        "2022-03-15",
        "2022-03-15",
    ),
    (
        "Op 2 juni werd een lab opgerold; de volgende dag volgde een tweede.",
        "de volgende dag",
        "2022-06-03",
        "2022-06-03",
    ),
    (
        "In 2021 werd 70 ton onderschept, tegen 48 ton het jaar daarvoor.",
        "het jaar daarvoor",
        "2020-01-01",
        "2020-12-31",
    ),
    (
        "Op 10 mei begon de actie, twee weken later was die voorbij.",
        "twee weken later",
        "2022-05-23",
        "2022-05-29",
    ),
    (
        "Op dinsdag 7 juni viel de politie binnen; diezelfde dag werd een lab ontdekt.",
        "diezelfde dag",
        "2022-06-07",
        "2022-06-07",
    ),
    (
        "Op 7 juni ging de controle van start. Die avond werd 3 kilo gevonden.",
        "Die avond",
        "2022-06-07",
        "2022-06-07",
    ),
    (
        "Op dinsdag 7 juni begon de actie. Later die week vonden agenten 9 kilo.",
        "Later die week",
        "2022-06-08",
        "2022-06-12",
    ),
    (
        "Op vrijdag 10 juni werd de man opgepakt. Eerder die week was zijn auto doorzocht.",
        "Eerder die week",
        "2022-06-06",
        "2022-06-09",
    ),
]
ANAPHORIC_NEGATIVE = [  # no antecedent, or only a compared date: nothing to resolve against
    "Drie dagen later werd de man vrijgelaten.",
    "Het ging om meer dan in 2019; het jaar daarvoor was het minder.",
    "Die avond werd 3 kilo gevonden.",  # no day named before
    "In juni begon de actie. Later die week vonden agenten 9 kilo.",  # a month is no day to count a week from
]


@pytest.mark.parametrize("text,expr,start,end", ANAPHORIC)
def test_anaphoric_dates(text, expr, start, end):
    found = {m.interval.text.lower(): m.interval for m in find_dates(text, "2022-06-20")}
    iv = found[expr.lower()]
    assert (iv.start.isoformat(), iv.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ANAPHORIC_NEGATIVE)
def test_anaphoric_dates_negative(text):
    assert not [
        m
        for m in find_dates(text, "2022-06-20")
        if "later" in m.interval.text or "daarvoor" in m.interval.text
    ]


@pytest.mark.parametrize(
    "text,anchor",
    [
        ("dit jaar", "span"), ("de eerste vijf maanden van 2021", "span"), ("tussen maandag 1 maart en vrijdag 30 april", "span"),
        ("in de nacht van 2 op 3 april", "moment"), ("woensdag", "moment"), ("gisteren", "moment"),
        ("vorige week", "moment"), ("eind vorig jaar", "moment"), ("vorige maand", "span"),
        ("eerder dit jaar", "moment"), ("eerder deze maand", "moment"), ("het eerste halfjaar", "span"),
    ],
)  # fmt: skip
def test_date_anchor_moment_or_span(text, anchor):
    assert find_dates(text, "2021-06-09")[0].interval.anchor == anchor


@pytest.mark.parametrize(
    "text,published,start,end",
    [
        ("het afgelopen jaar", "2023-12-28", "2023-01-01", "2023-12-28"),  # a year-end review: this year
        ("het voorbije jaar", "2023-11-20", "2023-01-01", "2023-11-20"),
        (
            "het afgelopen jaar",
            "2024-01-04",
            "2023-01-01",
            "2023-12-31",
        ),  # early January: the year just ended
    ],
)
def test_the_past_year_at_the_turn_of_the_year(text, published, start, end):
    iv = find_dates(text, published)[0].interval
    assert (iv.start.isoformat(), iv.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text,published,year", [("vorig jaar", "2023-12-28", 2022), ("het afgelopen jaar", "2023-06-01", 2022)]
)
def test_the_past_year_at_the_turn_of_the_year_negative(text, published, year):
    iv = find_dates(text, published)[0].interval
    assert iv.start.year == iv.end.year == year


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("het afgelopen halfjaar", "2022-01-01", "2022-06-30"),  # the calendar half just ended
        ("in de afgelopen drie maanden", "2022-04-14", "2022-07-14"),
        ("de voorbije twee weken", "2022-06-30", "2022-07-14"),
        ("de laatste twee jaren", "2020-07-14", "2022-07-14"),
        ("de afgelopen tien jaar", "2012-07-14", "2022-07-14"),
        ("in de voorbije 3 jaar", "2019-07-14", "2022-07-14"),
    ],
)
def test_recent_periods_up_to_publication(text, start, end):
    iv = find_dates(text, "2022-07-14")[0].interval
    assert (iv.start.isoformat(), iv.end.isoformat(), iv.anchor) == (start, end, "span")


@pytest.mark.parametrize(
    ("text", "spans"),
    [("in januari en juli", ["januari", "juli"]),  # not neighbours: two months
     ("in mei en in juni", ["mei", "juni"]),  # each with its own preposition
     ("in 2016 en 2019", ["in 2016", "2019"]),  # years not neighbours: two years
     ("2.019 en 2.020", []),  # numbers, not years
     ("van juni 2019 tot maart 2019", ["juni 2019", "tot maart 2019"])],  # nothing runs backwards
)  # fmt: skip
def test_months_not_joined(text, spans):
    assert [m.interval.text for m in find_dates(text, "2021-06-09")][-2:] == spans


@pytest.mark.parametrize("text", ["de afgelopen drie maanden", "het afgelopen halfjaar"])
def test_recent_periods_need_a_publication_date(text):
    assert find_dates(text, None) == []


@pytest.mark.parametrize("text", ["de afgelopen weg", "het laatste nieuws", "de afgelopen wedstrijd"])
def test_recent_periods_negative(text):
    assert find_dates(text, "2022-07-14") == []


def _absolute_days() -> list[tuple[str, date]]:
    """Every absolute day (a day, a month and a year written out) our rules resolve in the tables
    above, the project's corpus and the shared dev corpus."""
    from extractor.io import read_records

    root = Path(__file__).resolve().parent.parent
    texts = [row[0] for row in POSITIVE]
    for d, mo, y in [(1, 1, 2020), (29, 2, 2024), (31, 3, 2019), (9, 10, 2021), (15, 12, 1999), (7, 5, 2023)]:
        month = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                 "oktober", "november", "december"][mo - 1]  # fmt: skip
        texts += [
            f"Op {d} {month} {y} vond de douane niets.",
            f"Op {d} {month[:3]}. {y} vond de douane niets.",
            f"Datum: {d:02d}-{mo:02d}-{y}, {d}/{mo}/{y} en {d:02d}.{mo:02d}.{y}.",
            f"Zaterdag {d}e {month} {y}.",
        ]
    texts += [r["text"] for r in read_records([str(root / "corpus")]) if isinstance(r.get("text"), str)]
    dev = root.parent / "shared" / "corpus-dev" / "articles.jsonl"
    if dev.exists():
        texts += [json.loads(x)["text"] for x in dev.read_text(encoding="utf-8").splitlines() if x]
    out = {}
    for text in texts:
        for m in find_dates(text, "2024-06-15"):
            iv = m.interval
            if iv.granularity == "day" and not iv.relative and re.search(r"(?:19|20)\d\d\b", iv.text):
                out[iv.text] = iv.start
    return sorted(out.items())


def test_absolute_days_read_as_dateparser_reads_them():
    """Our rules read "31 mei 2020" and "23-09-2019" without calling dateparser (a call costs
    about a millisecond); dateparser, the reference, reads every such day the same way."""
    import dateparser

    days = _absolute_days()
    assert len(days) >= 30
    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    differ, read = [], 0
    for text, day in days:
        parsed = dateparser.parse(text, languages=["nl"], settings=settings)
        if parsed is not None:
            read += 1
            if parsed.date() != day:
                differ.append((text, day, parsed.date()))
    assert not differ
    assert read >= 0.8 * len(days), f"dateparser read {read} of {len(days)}"
