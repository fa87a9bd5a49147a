#!/usr/bin/python3
"""bench-import-gpxpy.py: gpxpy (Debian's python3-gpxpy) on the same file, timed
the same way: read and parse the file, then the figures the importer gives
(2D length over each segment, points); best wall time of REPEATS, one JSON line.

   /usr/bin/python3 build-aux/bench-import-gpxpy.py FILE [REPEATS]
"""
import json
import os
import sys
import time

import gpxpy

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
best = float("inf")
for _ in range(max(repeats, 1)):
    begin = time.monotonic()
    with open(path, encoding="utf-8") as f:
        gpx = gpxpy.parse(f)
    points = 0
    distance = 0.0
    for track in gpx.tracks:
        distance += track.length_2d()
        for segment in track.segments:
            points += len(segment.points)
    best = min(best, time.monotonic() - begin)

print(json.dumps({"seconds": round(best, 4), "bytes": os.path.getsize(path), "activities": len(gpx.tracks),
                  "points": points, "distance_m": round(distance, 1)}))
