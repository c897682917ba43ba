#!/usr/bin/env python3
"""Parse a CSV file with Python's csv module (strict mode) and print its records as JSON.

Usage: check_csv.py FILE.csv  ->  {"rows": [[cell, ...], ...], "endsWithCRLF": true}
Exits non-zero (with the parser's message) when the file is not valid CSV, or when a record's
field count differs from the header's.
"""
import csv
import io
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    text = f.read()
rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
short = [str(number + 1) for number, row in enumerate(rows) if len(row) != len(rows[0])]
if short:
    sys.exit("records whose field count differs from the header's: " + ", ".join(short))
print(json.dumps({"rows": rows, "endsWithCRLF": text.endswith("\r\n")}))
