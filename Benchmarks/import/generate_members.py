#!/usr/bin/env python3
"""Generate N synthetic members in the organization's CSV and XML export formats.

Usage: generate_members.py N OUT_PREFIX [--places K] [--seed S]
Writes OUT_PREFIX.csv and OUT_PREFIX.xml (same members). Names, e-mails (example.org) and
phones (555-01xx) are fictional. K distinct (city, region, country) strings are drawn from a
small list of real cities with typing variations (case, spacing, region written out).
"""
import argparse
import random
from xml.sax.saxutils import escape

CITIES = [
    ("Boston", "MA", "US"), ("Cambridge", "MA", "US"), ("Baltimore", "MD", "US"), ("Philadelphia", "PA", "US"),
    ("Washington", "DC", "US"), ("Chicago", "IL", "US"), ("Denver", "CO", "US"), ("Boulder", "CO", "US"),
    ("Austin", "TX", "US"), ("Houston", "TX", "US"), ("San Francisco", "CA", "US"), ("Oakland", "CA", "US"),
    ("Berkeley", "CA", "US"), ("San Diego", "CA", "US"), ("Cincinnati", "OH", "US"), ("Ann Arbor", "MI", "US"),
    ("Oslo", "", "NO"), ("Bergen", "", "Norway"), ("Wien", "", "AT"), ("Graz", "", "Austria"),
    ("Melbourne", "VIC", "AU"), ("Sydney", "NSW", "Australia"), ("London", "", "UK"), ("Manchester", "", "GB"),
    ("München", "BY", "DE"), ("Genève", "", "CH"), ("Toronto", "ON", "CA"), ("Montréal", "QC", "Canada"),
]
FIRST = ["Ada", "Bea", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lu", "Mo", "Nia", "Oz", "Pia"]
LAST = ["Example", "Sample", "Test", "Demo", "Placeholder", "Fictional", "Madeup", "Specimen"]
HEADER = ("id,first_name,last_name,email,phone,city,region,country,chapter,gender,joined,willing_to_host,"
          "organizer_interest,languages,notes")


def real_places(rng, count, gazetteer):
    """Distinct (city, region, country) strings of real places (population > 20,000), typed with
    variations of case and spacing, region codes, and country codes or empty countries."""
    rows = []
    with open(gazetteer, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if int(parts[6] or 0) > 20000:
                rows.append((parts[1], parts[3], parts[2]))
    out, seen = [], set()
    while len(out) < count:
        city, admin1, cc = rng.choice(rows)
        style = rng.randrange(4)
        typed = city.lower() if style == 1 else city.upper() if style == 2 else city
        key = (typed, admin1 if rng.random() < 0.5 else "", cc if rng.random() < 0.7 else "")
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def variants(rng, count):
    out = []
    for i in range(count):
        city, region, country = CITIES[i % len(CITIES)]
        k = i // len(CITIES)
        if k == 0:
            out.append((city, region, country))
            continue
        # Typing variations: case, trailing spaces, a suffix number so strings stay distinct.
        style = k % 4
        c = city.lower() if style == 1 else city.upper() if style == 2 else city
        out.append((f"{c} {k}" if style != 3 else f" {c}  #{k} ", region, country))
    return out


def csv_field(value):
    if any(ch in value for ch in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--places", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gazetteer", help="draw real place names from Cities/gazetteer.tsv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    places = real_places(rng, args.places, args.gazetteer) if args.gazetteer else variants(rng, args.places)
    with open(args.out + ".csv", "w", encoding="utf-8", newline="") as csv, \
            open(args.out + ".xml", "w", encoding="utf-8") as xml:
        csv.write(HEADER + "\n")
        xml.write('<?xml version="1.0" encoding="UTF-8"?>\n<members count="%d">\n' % args.n)
        for i in range(1, args.n + 1):
            city, region, country = places[rng.randrange(len(places))]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first.lower()}.{last.lower()}{i}@example.org"
            phone = f"(617) 555-01{rng.randrange(100):02d}" if rng.random() < 0.7 else ""
            chapter = "Boston Chapter" if rng.random() < 0.1 else ""
            gender = rng.choice(["woman", "man", "non-binary", "", "woman"])
            joined = f"20{rng.randrange(8, 15):02d}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            host = rng.choice(["yes", "no", ""])
            organizer = rng.choice(["yes", "no", "", ""])
            languages = rng.choice(["English", "English,Spanish", "Norwegian", ""])
            notes = rng.choice(["", "", "prefers evenings, not weekends", 'said "maybe"'])
            row = [str(i), first, last, email, phone, city, region, country, chapter, gender, joined, host,
                   organizer, languages, notes]
            csv.write(",".join(csv_field(v) for v in row) + "\n")
            langs = "".join(f"<language>{escape(l)}</language>" for l in languages.split(",") if l)
            xml.write(
                f'  <member id="{i}"><name><first>{first}</first><last>{last}</last></name>'
                f"<email>{email}</email><phone>{phone}</phone>"
                f"<location><city>{escape(city)}</city><region>{region}</region><country>{country}</country></location>"
                f"<chapter>{chapter}</chapter><gender>{gender}</gender><joined>{joined}</joined>"
                f'<preferences willing-to-host="{host}" organizer-interest="{organizer}"/>'
                f"<languages>{langs}</languages><notes>{escape(notes)}</notes></member>\n")
        xml.write("</members>\n")


if __name__ == "__main__":
    main()
