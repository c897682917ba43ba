#!/usr/bin/env python3
"""Check that an HTML page is well-formed (every element closed in order, void elements aside)
and that its SVG map parses as XML and draws legs and stops.

Prints {"wellFormed": bool, "errors": [...], "legs": N, "stops": N, "paths": N}.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "rect", "circle", "path", "line"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()


text = open(sys.argv[1], encoding="utf-8").read()
checker = Checker()
checker.feed(text)
if checker.stack:
    checker.errors.append(f"unclosed: {checker.stack}")
legs = stops = paths = 0
match = re.search(r"<svg.*?</svg>", text, re.S)
if not match:
    checker.errors.append("no <svg> map")
else:
    svg = ET.fromstring(match.group(0))
    ns = "{http://www.w3.org/2000/svg}"
    legs = len([e for e in svg.iter(ns + "line") if e.get("class") == "leg"])
    stops = len([e for e in svg.iter(ns + "circle") if e.get("class") == "stop"])
    paths = len(list(svg.iter(ns + "path")))
print(json.dumps({"wellFormed": not checker.errors, "errors": checker.errors, "legs": legs, "stops": stops, "paths": paths}))
