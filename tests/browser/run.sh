#!/usr/bin/env bash
# The chat page in a real browser (ctest `browser`): starts nats-server,
# PostgreSQL with the sample data, a worker and medha-http on loopback, then
# drives the page with Debian's Chromium through playwright-core
# (chat_page.mjs). Screenshots and the exported CSV go to
# $MEDHA_SCREENSHOT_DIR (default build/browser-test). Exit 77 (skipped) only
# when chromium is not installed (scripts/install-deps installs it).
set -euo pipefail
# shellcheck source=../../scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

if [ ! -x /usr/bin/chromium ]; then
  echo "SKIPPED: /usr/bin/chromium is not installed (scripts/install-deps installs it)"
  exit 77
fi
[ -d "$MEDHA_BUILD_DIR/npm/node_modules/playwright-core" ] \
  || medha_die "playwright-core is missing: the build runs npm ci (scripts/test, or source scripts/lib.sh; medha_npm_ci)"
[ -f "$MEDHA_BUILD_DIR/web/vendor/vega-embed.min.js" ] || medha_die "build/web/vendor is missing: build the medha_web target"

export MEDHA_SCREENSHOT_DIR="${MEDHA_SCREENSHOT_DIR:-$MEDHA_BUILD_DIR/browser-test}"
mkdir -p "$MEDHA_SCREENSHOT_DIR"
rm -f "$MEDHA_SCREENSHOT_DIR"/*.png "$MEDHA_SCREENSHOT_DIR"/export.csv

medha_make_run_dir
medha_start_nats "$MEDHA_RUN_DIR"
medha_start_postgres "$MEDHA_RUN_DIR"
medha_load_sample_data
medha_write_config "$MEDHA_RUN_DIR/medhad.json"
medha_start_worker "$MEDHA_RUN_DIR/medhad.json" 60
medha_start_http "$MEDHA_RUN_DIR"

MEDHA_TOKEN="$(medha_value_of "$MEDHA_DEMO_TOKENS" alice)"
export MEDHA_TOKEN MEDHA_BUILD_DIR
status=0
medha_run_child node "$MEDHA_ROOT/tests/browser/chat_page.mjs" || status=$?
medha_log "screenshots in $MEDHA_SCREENSHOT_DIR"
exit "$status"
