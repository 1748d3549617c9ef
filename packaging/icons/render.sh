#!/usr/bin/env bash
# Renders the hicolor PNG sizes of trailscope.svg (committed, so the build needs no SVG renderer).
# Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" trailscope.svg -o "trailscope-$size.png"
done
