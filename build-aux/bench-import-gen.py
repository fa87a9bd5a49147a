#!/usr/bin/env python3
"""bench-import-gen.py: writes a Garmin-style GPX 1.1 of about SIZE_MB megabytes.

   build-aux/bench-import-gen.py OUT.gpx [SIZE_MB]

One running activity per <trk> of 10 000 points (about 2 h 47 min at one
point a second), each point with elevation, time and the Garmin
TrackPointExtension (hr, cad) under the gpxtpx: prefix, as Garmin Connect
exports them. Deterministic (fixed seed), so every run parses the same bytes.
"""
import datetime
import math
import random
import sys

out = sys.argv[1]
size = int(float(sys.argv[2]) if len(sys.argv) > 2 else 50) * 1024 * 1024
rng = random.Random(20261127)

start = datetime.datetime(2026, 1, 1, 6, 30, tzinfo=datetime.timezone.utc)
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx creator="Garmin Connect" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
            '  <metadata><time>2026-01-01T00:00:00.000Z</time></metadata>\n')
    day = 0
    while f.tell() < size:
        t = start + datetime.timedelta(days=day)
        lat, lon = 47.0 + rng.random() * 0.1, 8.0 + rng.random() * 0.1
        f.write(f'  <trk>\n    <name>Morning Run &amp; Drills {day + 1}</name>\n    <type>running</type>\n    <trkseg>\n')
        for i in range(10000):
            heading = i / 500.0
            lat += 0.00003 * math.cos(heading)
            lon += 0.00004 * math.sin(heading)
            ele = 400 + 20 * math.sin(i / 300.0)
            hr = 140 + int(15 * math.sin(i / 700.0)) + rng.randint(-3, 3)
            cad = 84 + rng.randint(-2, 2)
            f.write(f'      <trkpt lat="{lat:.7f}" lon="{lon:.7f}">\n'
                    f'        <ele>{ele:.1f}</ele>\n'
                    f'        <time>{(t + datetime.timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S")}.000Z</time>\n'
                    f'        <extensions>\n'
                    f'          <gpxtpx:TrackPointExtension>\n'
                    f'            <gpxtpx:hr>{hr}</gpxtpx:hr>\n'
                    f'            <gpxtpx:cad>{cad}</gpxtpx:cad>\n'
                    f'          </gpxtpx:TrackPointExtension>\n'
                    f'        </extensions>\n'
                    f'      </trkpt>\n')
        f.write('    </trkseg>\n  </trk>\n')
        day += 1
    f.write('</gpx>\n')
