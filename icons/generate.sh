#!/usr/bin/env bash
# Renders every icon from the master icons/hooklab.svg (run it after editing the SVG, commit the results):
#   hooklab-<size>.png  16..512 px: the window (resources /dev/hooklab/icons/), the .deb, jpackage on Linux
#   hooklab.ico         16..256 px: jpackage on Windows (.msi, .exe)
#   hooklab.icns        16..512 px: jpackage on macOS (.dmg, .pkg)
# Debian tools: apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done

sizes=(16 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" hooklab.svg --output "hooklab-$s.png"
done

# Windows: one .ico with the sizes Explorer and the taskbar ask for (256 is stored as PNG inside)
convert hooklab-16.png hooklab-24.png hooklab-32.png hooklab-48.png hooklab-64.png hooklab-128.png \
  hooklab-256.png hooklab.ico

# macOS: png2icns picks the icns slot from each PNG's size (it has no 24 or 64 slot)
png2icns hooklab.icns hooklab-16.png hooklab-32.png hooklab-48.png hooklab-128.png hooklab-256.png \
  hooklab-512.png >/dev/null

ls -l hooklab.svg hooklab-*.png hooklab.ico hooklab.icns
