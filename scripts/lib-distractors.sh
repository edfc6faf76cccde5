# shellcheck shell=bash
# Synthetic distractor data sources for discovery evaluation, sourced after lib.sh:
#
#   source "$(dirname "$0")/lib-distractors.sh"
#   medha_load_distractors 10000 >"$MEDHA_RUN_DIR/distractors.tsv"
#
# medha_load_distractors N generates N empty tables with plausible business names, columns,
# comments and foreign keys (`medha distractors`, fixed seed, 1,000 tables per data source)
# into $MEDHA_RUN_DIR/distractors, creates one database per file in the running throwaway
# PostgreSQL (medha_start_postgres) and loads it. It prints one data source per line,
# tab-separated: name, conninfo, description; progress goes to stderr.
#
# MEDHA_DISTRACTOR_SEED (default 42) and MEDHA_DISTRACTOR_PER_SOURCE (default 1000) change
# the generator's seed and tables per data source.

medha_load_distractors() {
  local count="${1:?medha_load_distractors needs a table count}"
  local dir="${MEDHA_RUN_DIR:?medha_make_run_dir first}/distractors"
  local seed="${MEDHA_DISTRACTOR_SEED:-42}" per_source="${MEDHA_DISTRACTOR_PER_SOURCE:-1000}"
  local base="host=$MEDHA_PG_HOST port=$MEDHA_PG_PORT user=$MEDHA_PG_USER"
  local listing name file description start
  [ -x "$MEDHA_BUILD_DIR/medha" ] || medha_die "$MEDHA_BUILD_DIR/medha not built"
  [ "$count" -gt 0 ] 2>/dev/null || return 0
  start=$SECONDS
  listing="$("$MEDHA_BUILD_DIR/medha" distractors --tables "$count" --out "$dir" \
    --per-source "$per_source" --seed "$seed")" || medha_die "medha distractors failed"
  while IFS=$'\t' read -r name file description; do
    [ -n "$name" ] || continue
    medha_psql postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
      -c "CREATE DATABASE \"$name\"" >/dev/null 2>&1 \
      || medha_die "creating distractor database $name failed"
    medha_psql "$name" -f "$file" >"$dir/load-$name.log" 2>&1 \
      || { tail -n 20 "$dir/load-$name.log" >&2; medha_die "loading $file failed"; }
    printf '%s\t%s\t%s\n' "$name" "$base dbname=$name" "$description"
  done <<<"$listing"
  medha_log "$count distractor tables loaded ($(( SECONDS - start )) s)"
}
