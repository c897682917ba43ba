#!/usr/bin/env python3
"""Regenerate the offline map outlines in Sources/TourPlannerDomain/Resources/Maps/.

    python3 -m venv .venv-data && .venv-data/bin/pip install pyshp shapely
    mkdir -p wheels && .venv-data/bin/pip download --no-deps -d wheels geopandas==0.14.4 plotly-geo==1.0.0
    .venv-data/bin/python Scripts/build_map_outlines.py wheels

The wheels are read as zip archives (never installed). Outputs, as compact JSON
[{"name": ..., "rings": [[lon, lat, lon, lat, ...], ...]}, ...] with 2-decimal coordinates:
  world.json      Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4
  us-states.json  US Census cb_2016_us_state_500k (public domain), via plotly-geo 1.0.0,
                  simplified with shapely (0.02 degrees), islets under 0.05 square degrees dropped
"""
import io
import json
import os
import sys
import zipfile

import shapefile
from shapely.geometry import shape

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "TourPlannerDomain", "Resources", "Maps")


def read(archive, base):
    with zipfile.ZipFile(archive) as z:
        return shapefile.Reader(shp=io.BytesIO(z.read(base + ".shp")), dbf=io.BytesIO(z.read(base + ".dbf")),
                                shx=io.BytesIO(z.read(base + ".shx")), encoding="latin-1")


def rings(geometry, tolerance, min_area):
    geom = geometry.simplify(tolerance, preserve_topology=True) if tolerance else geometry
    polys = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
    out = []
    for p in polys:
        if p.area < min_area:
            continue
        coords = []
        for x, y in p.exterior.coords:
            coords += [round(x, 2), round(y, 2)]
        out.append(coords)
    return out


def main():
    wheels = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    world = read(os.path.join(wheels, "geopandas-0.14.4-py3-none-any.whl"), "geopandas/datasets/naturalearth_lowres/naturalearth_lowres")
    fields = [f[0] for f in world.fields[1:]]
    features = []
    for record, shp in zip(world.records(), world.shapes()):
        props = dict(zip(fields, record))
        features.append({"name": props["name"], "rings": rings(shape(shp.__geo_interface__), 0, 0)})
    with open(os.path.join(OUT, "world.json"), "w") as f:
        json.dump(features, f, separators=(",", ":"))
    states = read(os.path.join(wheels, "plotly_geo-1.0.0-py3-none-any.whl"), "_plotly_geo/package_data/cb_2016_us_state_500k")
    fields = [f[0] for f in states.fields[1:]]
    features = []
    for record, shp in zip(states.records(), states.shapes()):
        props = dict(zip(fields, record))
        features.append({"name": props["NAME"], "rings": rings(shape(shp.__geo_interface__), 0.02, 0.05)})
    with open(os.path.join(OUT, "us-states.json"), "w") as f:
        json.dump(features, f, separators=(",", ":"))
    print("wrote", os.listdir(OUT))


if __name__ == "__main__":
    main()
