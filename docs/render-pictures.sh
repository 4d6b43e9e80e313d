#!/usr/bin/env bash
# Renders the README's pictures of the monthly reports:
#   docs/report-index.png  a month's index.html as headless Chromium shows it
#   docs/report-page.png   page 1 of the county's PDF (pdftoppm)
#
# Usage: docs/render-pictures.sh [MONTH_FOLDER]
#   MONTH_FOLDER  a month of reports, e.g. home/reports/2019-06 after a demo; without it, the hand-made
#                 sample month of the warehouse tests (SampleReport) is written first and rendered.
# Needs Debian's chromium and poppler-utils (apt-get install chromium poppler-utils) and, for the
# sample, Maven. CI does not run it: the pictures are checked in.
set -euo pipefail
cd "$(dirname "$0")/.."

month="${1:-}"
if [ -z "$month" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  mvn -B -q -pl warehouse -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test
  java -cp "warehouse/target/classes:warehouse/target/test-classes:$(cat "$work/classpath.txt")" \
    org.hhw.warehouse.report.forms.RenderSample "$work/reports" >/dev/null
  month="$work/reports/2019-06"
fi
month="$(cd "$month" && pwd)"
[ -f "$month/index.html" ] || { echo "no index.html in $month" >&2; exit 1; }

# The county's PDF has the shortest name of the month: a township's adds the township's name to it.
pdf="$(find "$month" -maxdepth 1 -name '*.pdf' -printf '%f\n' | awk '{ print length, $0 }' | sort -n | head -1 | cut -d' ' -f2-)"
[ -n "$pdf" ] || { echo "no PDF in $month" >&2; exit 1; }

# --no-sandbox: Chromium refuses to run as root with its sandbox; the page is our own file, offline.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1000,2200 --screenshot="$PWD/docs/report-index.png" "file://$month/index.html" 2>/dev/null
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$month/$pdf" docs/report-page
echo "docs/report-index.png and docs/report-page.png from $month"
