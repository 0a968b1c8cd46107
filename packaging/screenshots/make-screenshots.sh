#!/bin/sh
# Regenerates the screenshots in this folder from a freshly populated database:
#   packaging/screenshots/make-screenshots.sh [build/src/app/preflight]
# Needs xvfb-run and faketime (setup.sh installs both), which spreads the review's history over
# three weeks; without it every change is dated today.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
preflight=$(realpath "${1:-$here/../../build/src/app/preflight}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/populate.py" "$preflight" "$work/review.db"
# A private settings folder: no saved layout may leak in, and none is left behind.
# A desktop's screen in light and dark, and a laptop's (1024x700 left beside a docked panel) in light.
for variant in light dark laptop; do
  flag="" size=1920x1080
  [ "$variant" = dark ] && flag="--dark"
  [ "$variant" = laptop ] && size=1024x700
  XDG_CONFIG_HOME="$work/config-$variant" PREFLIGHT_SCREENSHOT_IMPORT="$here/../../tests/data/appendix-a-seed.md" \
    PREFLIGHT_SCREENSHOT_SIZE=$size PREFLIGHT_SCREENSHOT_VARIANT=$variant xvfb-run -a -s "-screen 0 ${size}x24" \
    "$preflight" --db "$work/review.db" --project "Checkout Service v2" --screenshots "$here" $flag
done
# The status bar and the connect dialog on a team server: the same review copied to a throwaway
# PostgreSQL (tests/with-server.sh, which sets PGHOST, PGPORT, PGUSER and PGPASSWORD).
if command -v pg_virtualenv >/dev/null; then
  XDG_CONFIG_HOME="$work/config-server" "$here/../../tests/with-server.sh" sh -c '
    set -eu
    psql -qc "CREATE DATABASE reviews" dbname=postgres
    "$1" server init dbname=reviews >/dev/null
    "$1" db copy "$2" dbname=reviews >/dev/null
    PREFLIGHT_SCREENSHOT_SIZE=1440x900 PREFLIGHT_SCREENSHOT_VARIANT=server xvfb-run -a -s "-screen 0 1440x900x24" \
      "$1" --db "postgresql://$PGUSER@$PGHOST:$PGPORT/reviews" --project "Checkout Service v2" --screenshots "$3"
  ' sh "$preflight" "$work/review.db" "$here"
else
  echo "make-screenshots.sh: no pg_virtualenv: the team-server shots are left as they are" >&2
fi
ls -l "$here"/*.png
