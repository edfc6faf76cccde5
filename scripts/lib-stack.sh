# shellcheck shell=bash
# A whole Medha stack for scripts that serve or measure it (scripts/demo --serve,
# scripts/bench), sourced after lib.sh:
#
#   source "$(dirname "$0")/lib-stack.sh"
#   medha_make_run_dir
#   medha_start_stack 2 postgres     # nats-server, PostgreSQL + sample data, 2 workers
#   medha_write_env "$file"          # KEY=VALUE lines another shell can source
#
# Every worker gets its own Prometheus port (--metrics-port); MEDHA_METRICS_URLS
# lists them. Several workers share a PostgreSQL conversation store (database
# medha_store in the same throwaway cluster); the RocksDB store serves one worker.

MEDHA_METRICS_URLS=""
MEDHA_WORKER_PIDS=()

# Starts worker number $1 with CONFIG $2 and a metrics port of its own, drawn
# again when it turns out taken; more arguments are medhad flags.
medha_start_metered_worker() {
  local i="$1" cfg="$2" port attempt status
  shift 2
  for attempt in 1 2 3 4 5; do
    port="$(medha_free_port)"
    status=0
    medha_start_worker "$cfg" 60 "medhad-$i" --metrics-port "$port" "$@" || status=$?
    if [ "$status" = 0 ]; then
      MEDHA_WORKER_PIDS+=("$MEDHA_WORKER_PID")
      MEDHA_METRICS_URLS+="${MEDHA_METRICS_URLS:+,}http://127.0.0.1:$port/metrics"
      return 0
    fi
    medha_warn "worker $i: metrics port $port was taken; drawing another (attempt $attempt)"
    # Set aside, so the next attempt's log says only what happened to it.
    mv "$MEDHA_RUN_DIR/medhad-$i.log" "$MEDHA_RUN_DIR/medhad-$i.port-taken-$attempt.log"
  done
  medha_die "worker $i did not start: no free metrics port"
}

# Starts nats-server, PostgreSQL with the sample databases and $1 workers
# (default 1) on the $2 store (rocksdb, the default, or postgres), with the
# language model of MEDHA_LLM_WORKER_FLAGS (lib.sh) when one was given.
medha_start_stack() {
  local workers="${1:-1}" store="${2:-rocksdb}" i
  case "$store" in
    rocksdb) [ "$workers" -eq 1 ] \
               || medha_die "the RocksDB store serves one worker; use the postgres store for $workers" ;;
    postgres) ;;
    *) medha_die "unknown store '$store' (rocksdb or postgres)" ;;
  esac
  medha_start_nats "$MEDHA_RUN_DIR"
  medha_start_postgres "$MEDHA_RUN_DIR"
  medha_load_sample_data
  medha_write_config "$MEDHA_RUN_DIR/medhad.json"
  local -a store_flags=()
  if [ "$store" = postgres ]; then
    medha_psql postgres -c "CREATE DATABASE medha_store"
    store_flags=(--store-kind postgres
                 --store-conninfo "host=$MEDHA_PG_HOST port=$MEDHA_PG_PORT user=$MEDHA_PG_USER dbname=medha_store")
  fi
  for i in $(seq 1 "$workers"); do
    medha_start_metered_worker "$i" "$MEDHA_RUN_DIR/medhad.json" "${store_flags[@]}" \
      "${MEDHA_LLM_WORKER_FLAGS[@]}"
  done
  export MEDHA_METRICS_URLS
}

# One KEY=VALUE line; the value quoted only when the shell needs it, so that
# readers of plain env files (docker --env-file, systemd) take most lines too.
medha_env_line() {
  if [[ "$2" =~ ^[A-Za-z0-9_./:,@+=-]*$ ]]; then
    printf '%s=%s\n' "$1" "$2"
  else
    printf '%s=%q\n' "$1" "$2"
  fi
}

# Writes what a client needs to reach the running stack to FILE, as shell
# KEY=VALUE lines (`set -a; . FILE; set +a` exports them), atomically: a
# reader that sees the file sees all of it. medha talks as alice by default.
medha_write_env() {
  local file="$1" tmp
  tmp="$(mktemp "$(dirname "$file")/.medha-env.XXXXXX")"
  {
    medha_env_line MEDHA_NATS_URL "$MEDHA_NATS_URL"
    medha_env_line MEDHA_METRICS_URLS "$MEDHA_METRICS_URLS"
    medha_env_line MEDHA_DEMO_USERS "$MEDHA_DEMO_USERS"
    medha_env_line MEDHA_USER alice
    medha_env_line MEDHA_PASSWORD "$(medha_password_of alice)"
    medha_env_line MEDHA_PG_HOST "$MEDHA_PG_HOST"
    medha_env_line MEDHA_PG_PORT "$MEDHA_PG_PORT"
    medha_env_line MEDHA_PG_USER "$MEDHA_PG_USER"
    # The web chat and HTTP API, when the stack serves them.
    if [ -n "${MEDHA_HTTP_URL:-}" ]; then
      medha_env_line MEDHA_HTTP_URL "$MEDHA_HTTP_URL"
      medha_env_line MEDHA_DEMO_TOKENS "$MEDHA_DEMO_TOKENS"
    fi
  } >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$file"
}

# Prints "PPID OWN REAPED" for process $1 from /proc/$1/stat: its parent, the
# clock ticks (user + system) it used, and those of the children it reaped.
medha_proc_ticks() {
  local stat
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  # After "(comm) ": state ppid ...; utime stime cutime cstime are fields 12-15.
  # shellcheck disable=SC2086
  set -- ${stat##*) }
  echo "$2 $(( ${12} + ${13} )) $(( ${14} + ${15} ))"
}

# CPU time (user + system, clock ticks) process $1 has used so far; with
# $2 = tree, also that of its children, live or reaped (PostgreSQL's backends
# are children of the postmaster). 0 when the process is gone.
medha_cpu_ticks() {
  local pid="$1" tree="${2:-}" total line f child ppid own
  line="$(medha_proc_ticks "$pid")" || { echo 0; return 0; }
  read -r _ total child <<<"$line"
  [ "$tree" = tree ] || { echo "$total"; return 0; }
  total=$(( total + child ))
  for f in /proc/[0-9]*; do
    line="$(medha_proc_ticks "${f#/proc/}")" || continue
    read -r ppid own _ <<<"$line"
    [ "$ppid" = "$pid" ] && total=$(( total + own ))
  done
  echo "$total"
}
