#!/usr/bin/env bash
# Tests of scripts/lib.sh, scripts/demo and scripts/chaos (run by ctest as "scripts"):
# ports outside the kernel's ephemeral range, server starts retried when the
# drawn port is taken, and a demo that stops everything it started when its
# input ends or when it gets SIGTERM while `medha chat` runs; a short chaos run.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export MEDHA_BUILD_DIR="${MEDHA_BUILD_DIR:-$root/build}"
failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { printf 'ok: %s\n' "$*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/medha-scripts-test.XXXXXX")"
chmod 755 "$work"
holders=()
cleanup() {
  local pid
  for pid in "${holders[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# Occupies a loopback port (as another program would); sets $taken.
occupy_port() {
  taken="$(cd "$root" && bash -c 'source scripts/lib.sh; medha_free_port')"
  python3 -c 'import socket,sys,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); time.sleep(600)' "$taken" </dev/null >/dev/null 2>&1 &
  holders+=($!)
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$taken") 2>/dev/null && break; sleep 0.1; done
}

# -- 1. ports are drawn outside the ephemeral range ---------------------------------------
(
  source "$root/scripts/lib.sh"
  read -r eph_lo eph_hi </proc/sys/net/ipv4/ip_local_port_range
  for _ in $(seq 1 200); do
    p="$(medha_free_port)"
    if [ "$p" -le 1024 ] || [ "$p" -lt 10000 ] || { [ "$p" -ge "$eph_lo" ] && [ "$p" -le "$eph_hi" ]; }; then
      echo "port $p is inside the ephemeral range $eph_lo-$eph_hi or below 10000" >&2
      exit 1
    fi
  done
) && pass "ports outside the ephemeral range" || fail "a port was drawn inside the ephemeral range"

# -- 2. a taken port makes the server start retry on another ------------------------------
# The first draw returns a port another program holds, as happens when the
# port is taken between the draw and the server's bind.
occupy_port
for server in nats postgres; do
  (
    source "$root/scripts/lib.sh"
    medha_make_run_dir
    real_free_port="$(declare -f medha_free_port | sed '1s/medha_free_port/medha_real_free_port/')"
    eval "$real_free_port"
    medha_free_port() {
      if [ ! -e "$MEDHA_RUN_DIR/drawn" ]; then
        touch "$MEDHA_RUN_DIR/drawn"
        echo "$taken"
      else
        medha_real_free_port
      fi
    }
    if [ "$server" = nats ]; then
      medha_start_nats "$MEDHA_RUN_DIR" >/dev/null 2>&1 || exit 1
      [ "$MEDHA_NATS_PORT" != "$taken" ] && kill -0 "$MEDHA_NATS_PID" 2>/dev/null || exit 1
    else
      medha_start_postgres "$MEDHA_RUN_DIR" >/dev/null 2>&1 || exit 1
      [ "$MEDHA_PG_PORT" != "$taken" ] || exit 1
      medha_psql postgres -c 'SELECT 1' >/dev/null || exit 1
    fi
  ) && pass "$server start retried past a taken port" || fail "$server did not start when its first port was taken"
done

# -- 3. scripts/demo --chat stops everything ---------------------------------------------
if [ ! -x "$MEDHA_BUILD_DIR/medhad" ] || [ ! -x "$MEDHA_BUILD_DIR/medha" ]; then
  fail "build/medhad and build/medha are needed for the demo tests"
else
  # Runs the demo in chat mode with stdin from $1 ("fifo": kept open, so chat
  # waits for input; anything else is a file), in the background; prints its pid.
  start_demo() {
    local input="$1" log="$2"
    MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" \
      "$root/scripts/demo" --chat <"$input" >"$log" 2>&1 &
    echo $!
  }
  run_dir_of() { sed -n 's/.*worker config written to \(.*\)\/medhad.json.*/\1/p' "$1" | head -n1; }
  leftovers() { [ -n "$1" ] && pgrep -f -- "$1/" 2>/dev/null; }
  wait_gone() { # pid seconds
    local _
    for _ in $(seq 1 $(( $2 * 10 ))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    return 1
  }
  check_demo() { # name log pid
    local name="$1" log="$2" pid="$3" dir left
    if ! wait_gone "$pid" 90; then
      fail "$name: the demo script still runs"
      kill -KILL "$pid" 2>/dev/null
    fi
    sleep 1
    dir="$(run_dir_of "$log")"
    left="$(leftovers "$dir")"
    if [ -z "$dir" ]; then
      fail "$name: the demo never started its stack:"; tail -n 20 "$log" >&2
    elif [ -n "$left" ]; then
      fail "$name: left running: $(for p in $left; do tr '\0' ' ' </proc/$p/cmdline; echo; done)"
      for p in $left; do kill -KILL "$p" 2>/dev/null; done
    else
      pass "$name: nothing left running"
    fi
  }

  # Input ends at once.
  log="$work/demo-eof.log"
  pid="$(start_demo /dev/null "$log")"
  check_demo "demo --chat, input ends" "$log" "$pid"

  # SIGTERM to the script while medha chat waits for input.
  mkfifo "$work/input"
  sleep 600 >"$work/input" &
  holders+=($!)
  log="$work/demo-term.log"
  pid="$(start_demo "$work/input" "$log")"
  for _ in $(seq 1 1200); do
    grep -q "chatting as user" "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep 1
  kill -TERM "$pid" 2>/dev/null
  check_demo "demo --chat, SIGTERM while chatting" "$log" "$pid"
fi

# -- 4. scripts/chaos: a short run with kills ----------------------------------------------
if [ -x "$MEDHA_BUILD_DIR/medhad" ] && [ -x "$MEDHA_BUILD_DIR/medha" ]; then
  log="$work/chaos.log"
  MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" "$root/scripts/chaos" --conversations 20 \
    --turns 5 --kill-every 1 --timeout 90 --report "$work/chaos.json" >"$log" 2>&1
  status=$?
  report="$(cat "$work/chaos.json" 2>/dev/null)"
  kills="$(sed -n 's/.*"kills":\([0-9]*\).*/\1/p' <<<"$report")"
  if [ "$status" -ne 0 ] || ! grep -q '"turns":100,"answered":100,"lost":0,"duplicated":0,"out_of_order":0' <<<"$report"; then
    fail "chaos: exit $status, report: $report"; tail -n 20 "$log" >&2
  elif [ "${kills:-0}" -lt 1 ]; then
    fail "chaos: no worker was killed: $report"
  else
    pass "chaos: 100 turns, $kills kills, none lost, duplicated or out of order"
  fi
  left="$(leftovers "$(run_dir_of "$log")")"
  if [ -n "$left" ]; then
    fail "chaos: left running: $left"
    for p in $left; do kill -KILL "$p" 2>/dev/null; done
  fi
fi

[ "$failures" -eq 0 ] && echo "all script tests passed"
exit "$failures"
