#!/bin/sh
# Regenerates the screenshots in this folder from a freshly populated database:
#   packaging/screenshots/make-screenshots.sh [build/src/app/preflight]
# Needs xvfb-run; faketime (optional) spreads the review's history over three weeks.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
preflight=$(realpath "${1:-$here/../../build/src/app/preflight}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/populate.py" "$preflight" "$work/review.db"
# A private settings folder: no saved layout may leak in, and none is left behind.
for variant in light dark; do
  flag=""
  [ "$variant" = dark ] && flag="--dark"
  XDG_CONFIG_HOME="$work/config" PREFLIGHT_SCREENSHOT_IMPORT="$here/../../tests/data/appendix-a-seed.md" xvfb-run -a -s "-screen 0 1440x900x24" \
    "$preflight" --db "$work/review.db" --project "Checkout Service v2" --screenshots "$here" $flag
done
ls -l "$here"/*.png
