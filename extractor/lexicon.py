"""Lexicons from ``resources/nl`` turned into span_ruler patterns ({"label", "pattern", "id"}).

Pure data handling: no pipeline state. A string pattern goes to the PhraseMatcher
(lower-cased), a token list to the Matcher.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

from .resources import load_json

_ACRONYM = re.compile(r"[a-z0-9]{2,5}")


@cache
def drug_patterns() -> tuple[dict, ...]:
    data = load_json("drugs.json")
    pats: list[dict] = []
    for drug, names in data["names"].items():
        for name in names:
            pats.append({"label": "DRUG", "pattern": name, "id": drug})
    # compounds, enumerated (a PhraseMatcher is much faster than a regex on every token):
    # cocaïnevangst, cocaïne-vangst, xtc-lab, wietplantage, drugslab, ...
    seen = {p["pattern"] for p in pats if isinstance(p["pattern"], str)}
    for drug, stems in data["stems"].items():
        for stem in stems:
            for suffix in data["compound_suffixes"]:
                for form in (stem + suffix, f"{stem}-{suffix}"):
                    if form not in seen:
                        seen.add(form)
                        pats.append({"label": "DRUG", "pattern": form, "id": drug})
    return tuple(pats)


@cache
def agency_patterns() -> tuple[dict, ...]:
    data = load_json("agencies.json")
    pats: list[dict] = []
    for canon, entry in data["agencies"].items():
        for form in entry["forms"]:
            if _ACRONYM.fullmatch(form) and form not in ("agent", "parket"):
                # case matters: "OM" is the prosecution, "om" a preposition
                pats.append({"label": "AGENCY", "pattern": form.upper(), "id": canon, "case": True})
                if form == "kmar":
                    pats.append({"label": "AGENCY", "pattern": "KMar", "id": canon, "case": True})
            else:
                pats.append({"label": "AGENCY", "pattern": form.lower(), "id": canon})
    for canon, forms in data["operations"].items():
        for form in forms:
            if form == "sky":  # the word is too common in lower case
                pats.append({"label": "OPERATION", "pattern": "Sky", "id": canon, "case": True})
            else:
                pats.append({"label": "OPERATION", "pattern": form, "id": canon})
    return tuple(pats)


@cache
def countries_nl() -> dict[str, str]:
    """Dutch country name -> ISO alpha-2, from pycountry's nl locale (plus a few common forms)."""
    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["nl"])
        t = tr.gettext
    except OSError:  # locale files missing: fall back to the English names

        def t(s):
            return s

    out: dict[str, str] = {}
    for c in pycountry.countries:
        name = t(c.name)
        out[name] = c.alpha_2
        if "," in name:  # "Korea, Republiek" -> "Korea"
            out.setdefault(name.split(",")[0], c.alpha_2)
        common = getattr(c, "common_name", None)
        if common:
            out.setdefault(t(common), c.alpha_2)
    for name, code in load_json("places.json")["country_extra"].items():
        if code:
            out[name] = code
    return out


@cache
def region_names() -> dict[str, str]:
    """name -> country code of ``places.json``'s regions (districts, islands, airports GeoNames lacks)."""
    regions = load_json("places.json")["regions"]
    return {name: code for code, names in regions.items() if code != "_comment" for name in names}


@cache
def drug_names() -> frozenset[str]:
    """Every drug surface form of ``drugs.json`` (lower case)."""
    return frozenset(n for names in load_json("drugs.json")["names"].values() for n in names)


@cache
def drug_stems() -> frozenset[str]:
    """The lower-cased stems compounds begin with ("cocaïne" of "cocaïnevangst"), from ``drugs.json``."""
    return frozenset(s.lower() for forms in load_json("drugs.json")["stems"].values() for s in forms)


@cache
def gazetteer() -> dict[str, tuple[str, str | None]]:
    """surface form -> (canonical name, country code) for places and countries."""
    data = load_json("places.json")
    out: dict[str, tuple[str, str | None]] = {}
    for name, code in countries_nl().items():
        out[name] = (name, code)
    for code in ("NL", "BE"):
        for name in data[code]:
            out.setdefault(name, (name, code))
    for name, code in region_names().items():
        out.setdefault(name, (name, code))
    for name, row in geonames().items():  # after our own lists: they win where both know a name
        out.setdefault(name, (row[0], row[1]))
    return out


def locate(place):
    """The place with its coordinates (GeoNames) and municipality (``places.json`` parts), when known."""
    from dataclasses import replace

    parts = load_json("places.json")["parts"]
    municipality = parts.get(place.name)
    row = alternates().get(place.name, {}).get(place.country) or geonames().get(place.name)
    row = row or (geonames().get(municipality) if municipality else None)
    if row is None and municipality is None:
        return place
    lat, lon = (row[4], row[5]) if row else (None, None)
    return replace(place, lat=lat, lon=lon, municipality=municipality)


@cache
def geonames() -> dict[str, tuple[str, str, str, int, float, float]]:
    """name -> (canonical Dutch name, country, kind, population, lat, lon), from ``gazetteer.tsv``.

    Generated from GeoNames (CC BY 4.0) by ``scripts/make_gazetteer.py`` (``make gazetteer``).
    """
    return _geonames()[0]


@cache
def alternates() -> dict[str, dict[str, tuple[str, str, str, int, float, float]]]:
    """name -> {country: row} for the names GeoNames also knows in other countries than the one
    ``geonames()`` gives ("Essen": the German city, also the Belgian town)."""
    return _geonames()[1]


@cache
def _geonames():
    from importlib import resources

    text = resources.files("extractor.resources").joinpath("nl", "gazetteer.tsv").read_text(encoding="utf-8")
    out, other = {}, {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, canon, country, kind, pop, lat, lon = line.split("\t")
            row = (canon, country, kind, int(pop), float(lat), float(lon))
            if name in out:  # the same name in another country, after the most likely one
                other.setdefault(name, {out[name][1]: out[name]})[country] = row
            else:
                out[name] = row
    return out, other


@cache
def place_country(name: str) -> str | None:
    hit = gazetteer().get(name)
    return hit[1] if hit else None
