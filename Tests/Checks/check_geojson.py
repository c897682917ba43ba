#!/usr/bin/env python3
"""Validate a GeoJSON file with the geojson library plus RFC 7946 rules it does not check.

Prints {"valid": true, "points": N, "lines": N} or {"valid": false, "errors": [...]}.
RFC 7946 checks: a FeatureCollection; positions are [longitude, latitude] within range;
LineStrings have at least two positions; no "crs" member.
"""
import json
import sys

import geojson

text = open(sys.argv[1], encoding="utf-8").read()
data = geojson.loads(text)
errors = []
if not data.is_valid:
    errors.append(str(data.errors()))
if data.get("type") != "FeatureCollection":
    errors.append("not a FeatureCollection")
if "crs" in data:
    errors.append("RFC 7946 forbids crs")
points = lines = 0
for feature in data.get("features", []):
    geometry = feature["geometry"]
    coords = [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
    if geometry["type"] == "Point":
        points += 1
    elif geometry["type"] == "LineString":
        lines += 1
        if len(coords) < 2:
            errors.append("LineString with fewer than 2 positions")
    for lon, lat in coords:
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            errors.append(f"position out of range (is it [lon, lat]?): {lon}, {lat}")
print(json.dumps({"valid": not errors, "errors": errors, "points": points, "lines": lines}))
