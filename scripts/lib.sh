# shellcheck shell=bash
# Medha shell helpers, sourced by scripts/demo, scripts/test and scripts/install-deps.
#
#   source "$(dirname "$0")/lib.sh"
#   medha_make_run_dir            # temp dir in $MEDHA_RUN_DIR + EXIT/INT/TERM trap → medha_stop_all
#   medha_start_nats "$MEDHA_RUN_DIR"   # authorization on: service user + alice, bob
#   medha_start_postgres "$MEDHA_RUN_DIR"
#   medha_load_sample_data
#   medha_write_config "$MEDHA_RUN_DIR/medhad.json"
#   medha_start_worker "$MEDHA_RUN_DIR/medhad.json"
#
# Servers listen on 127.0.0.1 only, on free ports, with all state inside the run dir;
# medha_stop_all stops everything this shell started and removes the run dir.

MEDHA_ROOT="${MEDHA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
MEDHA_BUILD_DIR="${MEDHA_BUILD_DIR:-$MEDHA_ROOT/build}"

MEDHA_DEPS=(
  build-essential cmake ninja-build ccache pkg-config
  libcaf-dev libnats-dev nats-server libpqxx-dev libpq-dev libpg-query-dev libprotobuf-c-dev
  libboost-json1.81-dev librocksdb-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-contrib
  # the web chat page's JavaScript (npm ci, below) and its browser test
  nodejs chromium
)

# State of what this shell started (read by medha_stop_all).
MEDHA_RUN_DIR="${MEDHA_RUN_DIR:-}"
MEDHA_RUN_DIR_OWNED=0
MEDHA_NATS_PID=""
MEDHA_PG_DATA=""
MEDHA_CHILD_PIDS=()
MEDHA_CLEANUP_FILES=() # removed by medha_stop_all (files outside the run dir)
MEDHA_STOPPED=0

medha_log() { printf '\033[1;34m[medha]\033[0m %s\n' "$*" >&2; }
medha_warn() { printf '\033[1;33m[medha] warning:\033[0m %s\n' "$*" >&2; }
medha_die() { printf '\033[1;31m[medha] error:\033[0m %s\n' "$*" >&2; exit 1; }

medha_is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command with root rights (directly when root, else through sudo).
medha_as_root() {
  if medha_is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    medha_die "need root rights for: $* (run as root or install sudo)"
  fi
}

# ---------------------------------------------------------------------------------------
# Dependencies and build

# Installs the Debian packages Medha needs; only the missing ones, apt-get update at most once.
medha_install_deps() {
  local missing=() pkg
  for pkg in "${MEDHA_DEPS[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  # A nodejs that bundles npm (not Debian's) conflicts with Debian's npm package.
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ "${#missing[@]}" -eq 0 ]; then
    medha_log "dependencies: all ${#MEDHA_DEPS[@]} packages installed"
    return 0
  fi
  medha_log "dependencies: installing ${missing[*]}"
  medha_as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  medha_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Configures and builds the project into $MEDHA_BUILD_DIR (build/medha, build/medhad).
medha_build() {
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  medha_log "building in $MEDHA_BUILD_DIR"
  # Paths relative to the checkout, so ccache reuses objects across clones.
  export CCACHE_BASEDIR="$MEDHA_ROOT"
  export CCACHE_NOHASHDIR=1
  medha_npm_ci
  cmake -S "$MEDHA_ROOT" -B "$MEDHA_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$MEDHA_BUILD_DIR" -j"$jobs"
}

# Installs the chat page's JavaScript libraries and the browser test's driver
# from runtime/http/web/package-lock.json into $MEDHA_BUILD_DIR/npm (npm ci);
# again only when the lockfile changed. The build copies them into build/web.
medha_npm_ci() {
  local src="$MEDHA_ROOT/runtime/http/web" dir="$MEDHA_BUILD_DIR/npm"
  command -v npm >/dev/null 2>&1 || medha_die "npm not installed (scripts/install-deps)"
  mkdir -p "$dir"
  if [ -d "$dir/node_modules" ] && cmp -s "$src/package-lock.json" "$dir/installed.lock"; then
    return 0
  fi
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  medha_log "npm ci: the chat page's libraries (vega, vega-lite, vega-embed) and playwright-core"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || medha_die "npm ci failed in $dir"
  cp "$src/package-lock.json" "$dir/installed.lock"
}

# ---------------------------------------------------------------------------------------
# Ports, run dir, cleanup

medha_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints "LOW HIGH": where to draw server ports. Outside the kernel's ephemeral
# range (/proc/sys/net/ipv4/ip_local_port_range), which outgoing connections
# take ports from at any moment: a port drawn there may be gone by the time the
# server binds it. Below the range's start (above 10000) when there is room,
# else above its end; with no room either side, anywhere above 10000.
medha_port_range() {
  local lo=32768 hi=60999
  if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
    read -r lo hi </proc/sys/net/ipv4/ip_local_port_range || true
  fi
  if [ "$lo" -gt 11000 ]; then
    echo "10000 $(( lo - 1 ))"
  elif [ "$hi" -lt 64000 ]; then
    echo "$(( hi + 1 )) 65535"
  else
    echo "10000 65535"
  fi
}

# Prints a free loopback TCP port outside the ephemeral range. Free now only:
# callers retry the server start on a collision.
medha_free_port() {
  local _ port lo hi
  read -r lo hi <<<"$(medha_port_range)"
  for _ in $(seq 1 200); do
    port=$(( lo + (RANDOM * 32768 + RANDOM) % (hi - lo + 1) ))
    if ! medha_port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  medha_die "no free TCP port found in $lo-$hi"
}

# Waits until LOG holds PATTERN while PID runs, at most TENTHS tenths of a
# second; true when it does (a server's own "ready" line).
medha_wait_log() {
  local pid="$1" log="$2" pattern="$3" tenths="${4:-100}" _
  for _ in $(seq 1 "$tenths"); do
    grep -q "$pattern" "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && grep -q "$pattern" "$log" 2>/dev/null
}

# True when a server log says its listening port was taken.
medha_port_collision() {
  grep -qiE 'address already in use|could not create listen socket|could not bind' "$1" 2>/dev/null
}

# Runs a command in the background and waits for it. Bash runs a trap only
# between foreground commands, so a long foreground child (medha chat, ctest)
# would delay the EXIT/INT/TERM trap until it ends; `wait` is interrupted at
# once. The child keeps this shell's stdin (background jobs get /dev/null
# otherwise) and is stopped by medha_stop_all. Returns the child's status.
medha_run_child() {
  local in pid status=0
  exec {in}<&0
  "$@" <&"$in" &
  pid=$!
  exec {in}<&-
  medha_track_pid "$pid"
  wait "$pid" || status=$?
  return "$status"
}

# Waits until something accepts TCP connections on 127.0.0.1:$1 (at most $2 seconds).
medha_wait_port() {
  local port="$1" timeout="${2:-30}" pid="${3:-}" _
  for _ in $(seq 1 $(( timeout * 10 ))); do
    medha_port_in_use "$port" && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.1
  done
  return 1
}

# Creates a private temp dir ($MEDHA_RUN_DIR) and installs medha_stop_all as trap.
medha_make_run_dir() {
  MEDHA_RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/medha.XXXXXX")"
  chmod 755 "$MEDHA_RUN_DIR"
  MEDHA_RUN_DIR_OWNED=1
  export MEDHA_RUN_DIR
  medha_install_trap
}

medha_install_trap() {
  trap 'medha_stop_all' EXIT
  trap 'medha_stop_all; trap - INT; kill -INT $$' INT
  trap 'medha_stop_all; exit 143' TERM
}

# Remembers a background process so medha_stop_all stops it.
medha_track_pid() { MEDHA_CHILD_PIDS+=("$1"); }

# Stops a process and its direct children (a backgrounded pipeline's
# subshell leaves its commands behind otherwise): SIGTERM, then SIGKILL after
# $2 seconds.
medha_kill_wait() {
  local pid="$1" grace="${2:-5}" _ child
  kill -0 "$pid" 2>/dev/null || return 0
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill -TERM "$child" 2>/dev/null || true; done
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $(( grace * 10 ))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

# Stops everything this shell started and removes the run dir. Safe to call twice.
medha_stop_all() {
  [ "$MEDHA_STOPPED" = 1 ] && return 0
  MEDHA_STOPPED=1
  set +e
  local pid
  for pid in "${MEDHA_CHILD_PIDS[@]}"; do medha_kill_wait "$pid" 10; done
  if [ -n "$MEDHA_PG_DATA" ] && [ -f "$MEDHA_PG_DATA/postmaster.pid" ]; then
    medha_pg_run "$MEDHA_PG_BIN/pg_ctl" -D "$MEDHA_PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || medha_warn "pg_ctl stop failed"
  fi
  [ -n "$MEDHA_NATS_PID" ] && medha_kill_wait "$MEDHA_NATS_PID" 5
  local file
  for file in "${MEDHA_CLEANUP_FILES[@]}"; do rm -f "$file"; done
  if [ "$MEDHA_RUN_DIR_OWNED" = 1 ] && [ -n "$MEDHA_RUN_DIR" ] && [ -d "$MEDHA_RUN_DIR" ]; then
    if [ "${MEDHA_KEEP_RUN_DIR:-0}" = 1 ]; then
      medha_log "kept $MEDHA_RUN_DIR"
    else
      rm -rf "$MEDHA_RUN_DIR"
    fi
  fi
  set -e
}

# ---------------------------------------------------------------------------------------
# NATS

# The workers' NATS user; end users are confined to their own subjects.
MEDHA_NATS_SERVICE_USER="${MEDHA_NATS_SERVICE_USER:-medha-service}"

medha_random_password() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }

# Writes nats-server's authorization block to FILE: the service user may use
# every subject; each end user may publish only medha.turn.<self>.> and
# medha.api.<self>.> and subscribe only medha.events.<self>.> and their own
# inbox _INBOX.<self>.> (the client sets that prefix). No user, no connection.
# Exports MEDHA_NATS_SERVICE_USER/PASSWORD and MEDHA_DEMO_USERS=user:pw,...
medha_write_nats_auth() {
  local file="$1" user pw sep=""; shift
  MEDHA_NATS_SERVICE_PASSWORD="$(medha_random_password)"
  MEDHA_DEMO_USERS=""
  {
    printf 'authorization {\n  users = [\n'
    printf '    {user: "%s", password: "%s"}\n' "$MEDHA_NATS_SERVICE_USER" "$MEDHA_NATS_SERVICE_PASSWORD"
    for user in "$@"; do
      pw="$(medha_random_password)"
      MEDHA_DEMO_USERS+="$sep$user:$pw"
      sep=","
      printf '    {user: "%s", password: "%s", permissions: {' "$user" "$pw"
      printf 'publish: {allow: ["medha.turn.%s.>", "medha.api.%s.>"]}, ' "$user" "$user"
      printf 'subscribe: {allow: ["medha.events.%s.>", "_INBOX.%s.>"]}}}\n' "$user" "$user"
    done
    printf '  ]\n}\n'
  } >"$file"
  chmod 600 "$file"
  export MEDHA_NATS_SERVICE_USER MEDHA_NATS_SERVICE_PASSWORD MEDHA_DEMO_USERS
}

# The value of NAME in a list "name:value,name:value": medha_value_of LIST NAME.
medha_value_of() {
  local entry entries
  IFS=, read -r -a entries <<<"$1"
  for entry in "${entries[@]}"; do
    [ "${entry%%:*}" = "$2" ] && { printf '%s' "${entry#*:}"; return 0; }
  done
  return 1
}

# The password of an end user written by medha_write_nats_auth.
medha_password_of() { medha_value_of "$MEDHA_DEMO_USERS" "$1"; }

# Starts nats-server with JetStream (store in DIR/js) on a free loopback port,
# with authorization for the service user and the end users named after DIR
# (default: alice bob). Exports MEDHA_NATS_URL, MEDHA_NATS_PORT, MEDHA_NATS_PID.
medha_start_nats() {
  local dir="$1" port pid log attempt _
  shift
  [ "$#" -gt 0 ] || set -- alice bob
  command -v nats-server >/dev/null || medha_die "nats-server not installed (scripts/install-deps)"
  mkdir -p "$dir/js"
  medha_write_nats_auth "$dir/nats-auth.conf" "$@"
  for attempt in 1 2 3 4 5; do
    port="$(medha_free_port)"
    log="$dir/nats-$attempt.log"
    # Flags override the file, which holds only the users.
    nats-server -c "$dir/nats-auth.conf" -a 127.0.0.1 -p "$port" -js -sd "$dir/js" >"$log" 2>&1 &
    pid=$!
    # Its own "ready" line, not just an open port: another process may have
    # taken the port in the meantime (then nats-server exits).
    if medha_wait_log "$pid" "$log" 'Server is ready' 150; then
      MEDHA_NATS_PID="$pid"
      MEDHA_NATS_PORT="$port"
      MEDHA_NATS_URL="nats://127.0.0.1:$port"
      export MEDHA_NATS_URL MEDHA_NATS_PORT MEDHA_NATS_PID
      medha_log "nats-server running at $MEDHA_NATS_URL (pid $pid)"
      return 0
    fi
    medha_kill_wait "$pid" 2
    if medha_port_collision "$log"; then
      medha_warn "port $port was taken; nats-server tries another"
      continue
    fi
    break
  done
  tail -n 20 "$log" >&2 || true
  medha_die "nats-server did not start (log: $log)"
}

# ---------------------------------------------------------------------------------------
# PostgreSQL

medha_find_pg_bin() {
  if [ -n "${MEDHA_PG_BIN:-}" ]; then echo "$MEDHA_PG_BIN"; return; fi
  local d
  # newest installed major version first
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -n -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  d="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
  [ -x "$d/initdb" ] || medha_die "PostgreSQL server binaries not found (scripts/install-deps)"
  echo "$d"
}

# Runs a PostgreSQL server program as the cluster owner (user postgres when we are root).
# From /: the postgres user may not enter the caller's directory (a mktemp -d
# checkout), and the programs complain when they cannot. Paths given are absolute.
medha_pg_run() {
  if medha_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Creates a cluster in DIR/pgdata (trust auth, 127.0.0.1 only, socket in DIR/pgsock) and starts it.
# Exports MEDHA_PG_HOST, MEDHA_PG_PORT, MEDHA_PG_USER, MEDHA_PG_DATA.
medha_start_postgres() {
  local dir="$1" port
  MEDHA_PG_BIN="$(medha_find_pg_bin)"
  if medha_is_root; then
    id postgres >/dev/null 2>&1 || medha_die "user postgres missing (install the postgresql package)"
    MEDHA_PG_USER=postgres
    chown postgres: "$dir"
  else
    MEDHA_PG_USER="$(id -un)"
  fi
  mkdir -p "$dir/pgsock"
  medha_is_root && chown postgres: "$dir/pgsock"
  MEDHA_PG_DATA="$dir/pgdata"
  medha_pg_run "$MEDHA_PG_BIN/initdb" -D "$MEDHA_PG_DATA" -U "$MEDHA_PG_USER" -A trust -E UTF8 \
    --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { tail -n 20 "$dir/initdb.log" >&2; medha_die "initdb failed (log: $dir/initdb.log)"; }
  cat >>"$MEDHA_PG_DATA/postgresql.conf" <<EOF

# --- medha throwaway cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/pgsock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
include_if_exists = 'medha_port.conf'
EOF
  local attempt log started=0
  for attempt in 1 2 3 4 5; do
    port="$(medha_free_port)"
    echo "port = $port" >"$MEDHA_PG_DATA/medha_port.conf"
    log="$dir/postgres-$attempt.log"
    if medha_is_root; then
      chown postgres: "$MEDHA_PG_DATA/medha_port.conf"
      : >"$log"
      chown postgres: "$log"
    fi
    if medha_pg_run "$MEDHA_PG_BIN/pg_ctl" -D "$MEDHA_PG_DATA" -l "$log" -w -t 60 start >/dev/null; then
      started=1
      break
    fi
    # Taken between the draw and the bind: draw again.
    if medha_port_collision "$log"; then
      medha_warn "port $port was taken; PostgreSQL tries another"
      continue
    fi
    break
  done
  [ "$started" = 1 ] || { tail -n 20 "$log" >&2; medha_die "PostgreSQL did not start (log: $log)"; }
  local _
  for _ in $(seq 1 100); do
    "$MEDHA_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.1
  done
  "$MEDHA_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" || medha_die "PostgreSQL not ready on port $port"
  MEDHA_PG_HOST=127.0.0.1
  MEDHA_PG_PORT="$port"
  export MEDHA_PG_HOST MEDHA_PG_PORT MEDHA_PG_USER MEDHA_PG_DATA MEDHA_PG_BIN
  medha_log "PostgreSQL running at $MEDHA_PG_HOST:$MEDHA_PG_PORT (user $MEDHA_PG_USER)"
}

# psql against the throwaway cluster: medha_psql DB [psql args...]
medha_psql() {
  local db="$1"; shift
  "${MEDHA_PG_BIN:-$(medha_find_pg_bin)}/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$MEDHA_PG_HOST" -p "$MEDHA_PG_PORT" -U "$MEDHA_PG_USER" -d "$db" "$@"
}

# Creates the databases sales, support and hr (dropping old ones) and loads scripts/sample-data.
medha_load_sample_data() {
  local db start
  for db in sales support hr; do
    start=$SECONDS
    # (warnings only: "does not exist, skipping" on a fresh cluster is no news)
    PGOPTIONS="-c client_min_messages=warning" \
      medha_psql postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    medha_psql "$db" -f "$MEDHA_ROOT/scripts/sample-data/$db.sql" >/dev/null \
      || medha_die "loading sample database $db failed"
    medha_log "sample database $db loaded ($(( SECONDS - start )) s)"
  done
}

# ---------------------------------------------------------------------------------------
# A language model for the workers (scripts/demo, scripts/eval)

MEDHA_LLM_PROVIDER_ARG="" MEDHA_LLM_URL_ARG="" MEDHA_LLM_MODEL_ARG=""
MEDHA_LLM_WORKER_FLAGS=()

# Takes one flag and its value: medha_llm_arg --llm-url URL.
medha_llm_arg() {
  [ -n "${2:-}" ] || medha_die "$1 needs a value"
  case "$1" in
    --llm-url) MEDHA_LLM_URL_ARG="$2" ;;
    --llm-model) MEDHA_LLM_MODEL_ARG="$2" ;;
    --llm-provider) MEDHA_LLM_PROVIDER_ARG="$2" ;;
  esac
}

# Turns the flags taken into medhad flags (MEDHA_LLM_WORKER_FLAGS): none when
# none was given; the API key comes from MEDHA_LLM_API_KEY when it is set
# (the worker reads it there, it never goes on a command line).
medha_llm_worker_flags() {
  MEDHA_LLM_WORKER_FLAGS=()
  [ -n "$MEDHA_LLM_URL_ARG$MEDHA_LLM_MODEL_ARG$MEDHA_LLM_PROVIDER_ARG" ] || return 0
  local provider="${MEDHA_LLM_PROVIDER_ARG:-openai}"
  case "$provider" in
    openai|anthropic) ;;
    *) medha_die "--llm-provider takes openai or anthropic, not '$provider'" ;;
  esac
  [ -n "$MEDHA_LLM_MODEL_ARG" ] || medha_die "--llm-model NAME is needed with a language model"
  [ -n "$MEDHA_LLM_URL_ARG" ] || [ "$provider" = anthropic ] \
    || medha_die "--llm-url URL is needed for the openai protocol (e.g. http://127.0.0.1:11434/v1)"
  MEDHA_LLM_WORKER_FLAGS=(--llm-provider "$provider" --llm-model "$MEDHA_LLM_MODEL_ARG")
  [ -n "$MEDHA_LLM_URL_ARG" ] && MEDHA_LLM_WORKER_FLAGS+=(--llm-url "$MEDHA_LLM_URL_ARG")
  [ -n "${MEDHA_LLM_API_KEY:-}" ] && MEDHA_LLM_WORKER_FLAGS+=(--llm-api-key-env MEDHA_LLM_API_KEY)
  medha_log "language model: $provider ${MEDHA_LLM_MODEL_ARG} at ${MEDHA_LLM_URL_ARG:-its default URL}"
}

# ---------------------------------------------------------------------------------------
# Worker

medha_json_escape() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '%s' "$s"
}

# Writes the worker configuration for the running NATS and PostgreSQL to FILE.
medha_write_config() {
  local file="$1" store="${MEDHA_STORE_PATH:-${MEDHA_RUN_DIR:-$(dirname "$1")}/store}"
  local base="host=$MEDHA_PG_HOST port=$MEDHA_PG_PORT user=$MEDHA_PG_USER"
  local -a names=(sales support hr)
  local -A desc=(
    [sales]="Orders, customers, products and revenue by region"
    [support]="Customer support tickets, agents, teams, resolution times and satisfaction ratings"
    [hr]="Employees, departments, titles, salaries, managers, locations and performance reviews"
  )
  local n sep="" model
  {
    printf '{\n  "nats_url": "%s",\n  "nats_user": "%s",\n  "nats_password": "%s",\n' \
      "$(medha_json_escape "$MEDHA_NATS_URL")" "$(medha_json_escape "$MEDHA_NATS_SERVICE_USER")" \
      "$(medha_json_escape "${MEDHA_NATS_SERVICE_PASSWORD:-}")"
    # The demo's grants: alice may use sales and support, bob hr.
    printf '  "grants": {"alice": ["sales", "support"], "bob": ["hr"]},\n'
    printf '  "store_path": "%s",\n  "data_sources": [\n' "$(medha_json_escape "$store")"
    for n in "${names[@]}"; do
      model="$MEDHA_ROOT/config/models/$n.json"
      printf '%s    {"name": "%s", "conninfo": "%s", "description": "%s"' "$sep" "$n" \
        "$(medha_json_escape "$base dbname=$n")" "$(medha_json_escape "${desc[$n]}")"
      [ -f "$model" ] && printf ', "model_file": "%s"' "$(medha_json_escape "$model")"
      # MEDHA_LLM_SEES_DATA=support,hr: a model may see those sources' rows.
      [[ ",${MEDHA_LLM_SEES_DATA:-}," == *",$n,"* ]] && printf ', "allow_llm_to_see_data": true'
      printf '}'
      sep=$',\n'
    done
    printf '\n  ]\n}\n'
  } >"$file"
  chmod 600 "$file"
  medha_log "worker config written to $file"
}

# Starts build/medhad with CONFIG in the background and waits until `medha
# health` answers (at most $2 seconds, default 30). $3 names its log
# (default medhad: $MEDHA_RUN_DIR/medhad.log); more arguments are medhad flags
# (--metrics-port P, --store DIR). Exports MEDHA_WORKER_PID. Returns 2 when
# the worker stopped because a port it was given is taken (the caller may
# draw another), and dies on any other failure.
medha_start_worker() {
  local cfg="$1" timeout="${2:-30}" name="${3:-medhad}" _
  shift $(( $# < 3 ? $# : 3 ))
  local log="${MEDHA_RUN_DIR:-$(dirname "$cfg")}/$name.log"
  [ -x "$MEDHA_BUILD_DIR/medhad" ] || medha_die "$MEDHA_BUILD_DIR/medhad not built"
  "$MEDHA_BUILD_DIR/medhad" --config "$cfg" "$@" >>"$log" 2>&1 &
  MEDHA_WORKER_PID=$!
  export MEDHA_WORKER_PID
  medha_track_pid "$MEDHA_WORKER_PID"
  for _ in $(seq 1 $(( timeout * 5 ))); do
    if ! kill -0 "$MEDHA_WORKER_PID" 2>/dev/null; then
      medha_port_collision "$log" && return 2
      tail -n 30 "$log" >&2 || true
      medha_die "medhad exited during startup (MEDHA_KEEP_RUN_DIR=1 keeps $log)"
    fi
    # Its own "ready" line (logged once it takes turns): with several workers
    # another one may be the one answering health.
    if grep -q 'ready: ' "$log" 2>/dev/null \
       && "$MEDHA_BUILD_DIR/medha" --nats "$MEDHA_NATS_URL" --user "$MEDHA_NATS_SERVICE_USER" \
         --password "${MEDHA_NATS_SERVICE_PASSWORD:-}" health >/dev/null 2>&1; then
      medha_log "medhad ready (pid $MEDHA_WORKER_PID, log $log)"
      return 0
    fi
    sleep 0.2
  done
  tail -n 30 "$log" >&2 || true
  medha_die "medhad not healthy after ${timeout} s (MEDHA_KEEP_RUN_DIR=1 keeps $log)"
}

# ---------------------------------------------------------------------------------------
# HTTP gateway and web chat

# Gives every end user of MEDHA_DEMO_USERS a random bearer token (the users
# file DIR/http-users.json also holds their NATS passwords: the gateway talks
# to NATS as them) and starts build/medha-http on a free loopback port.
# Exports MEDHA_HTTP_URL and MEDHA_DEMO_TOKENS=alice:<token>,bob:<token>.
medha_start_http() {
  local dir="$1" file="$1/http-users.json" entry entries user token sep="" attempt port log pid
  [ -x "$MEDHA_BUILD_DIR/medha-http" ] || medha_die "$MEDHA_BUILD_DIR/medha-http not built"
  MEDHA_DEMO_TOKENS=""
  IFS=, read -r -a entries <<<"$MEDHA_DEMO_USERS"
  {
    printf '{"users": ['
    for entry in "${entries[@]}"; do
      user="${entry%%:*}"
      token="$(medha_random_password)"
      MEDHA_DEMO_TOKENS+="${MEDHA_DEMO_TOKENS:+,}$user:$token"
      printf '%s\n  {"user": "%s", "token": "%s", "nats_password": "%s"}' "$sep" "$user" "$token" \
        "$(medha_json_escape "${entry#*:}")"
      sep=","
    done
    printf '\n]}\n'
  } >"$file"
  chmod 600 "$file"
  for attempt in 1 2 3 4 5; do
    port="$(medha_free_port)"
    log="$dir/medha-http-$attempt.log"
    "$MEDHA_BUILD_DIR/medha-http" --listen "127.0.0.1:$port" --nats "$MEDHA_NATS_URL" \
      --users "$file" >"$log" 2>&1 &
    pid=$!
    if medha_wait_log "$pid" "$log" 'listening on' 100; then
      medha_track_pid "$pid"
      MEDHA_HTTP_PID="$pid"
      MEDHA_HTTP_URL="http://127.0.0.1:$port"
      export MEDHA_HTTP_URL MEDHA_HTTP_PID MEDHA_DEMO_TOKENS
      medha_log "medha-http serving the API and the chat page at $MEDHA_HTTP_URL (pid $pid)"
      return 0
    fi
    medha_kill_wait "$pid" 2
    medha_port_collision "$log" && { medha_warn "port $port was taken; medha-http tries another"; continue; }
    break
  done
  tail -n 20 "$log" >&2 || true
  medha_die "medha-http did not start (log: $log)"
}
