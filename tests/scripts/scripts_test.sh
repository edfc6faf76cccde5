#!/usr/bin/env bash
# Tests of scripts/lib.sh, scripts/demo, scripts/bench and scripts/chaos (run
# by ctest as "scripts"): ports outside the kernel's ephemeral range, server
# starts retried when the drawn port is taken, a demo that stops everything it
# started when its input ends or when it gets SIGTERM while `medha chat` runs,
# `demo --serve` serving another shell through its env file until SIGTERM,
# `--llm-url` reaching the workers of demo --serve and eval (the oracle model
# on loopback), and a short chaos run.
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
if [ ! -x "$MEDHA_BUILD_DIR/medhad" ] || [ ! -x "$MEDHA_BUILD_DIR/medha" ] \
   || [ ! -x "$MEDHA_BUILD_DIR/medha-http" ]; then
  fail "build/medhad, build/medha and build/medha-http are needed for the demo tests"
else
  # Runs the demo in chat mode with stdin from $1 ("fifo": kept open, so chat
  # waits for input; anything else is a file), in the background; prints its pid.
  start_demo() {
    local input="$1" log="$2" mode="${3:---chat}"
    MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" \
      "$root/scripts/demo" "$mode" <"$input" >"$log" 2>&1 &
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

  # -- 4. scripts/demo --web: the page answers with the printed token; SIGTERM stops all --
  log="$work/demo-web.log"
  pid="$(start_demo /dev/null "$log" --web)"
  for _ in $(seq 1 1200); do
    grep -q "^MEDHA_DEMO_TOKENS=" "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  url="$(sed -n 's/^MEDHA_HTTP_URL=//p' "$log")"
  token="$(sed -n 's/^MEDHA_DEMO_TOKENS=alice:\([^,]*\).*/\1/p' "$log")"
  if [ -z "$url" ] || [ -z "$token" ]; then
    fail "demo --web printed no URL or token:"; tail -n 20 "$log" >&2
  else
    page="$(curl -sf --noproxy '*' "$url/" || true)"
    sources="$(curl -sf --noproxy '*' -H "Authorization: Bearer $token" "$url/api/v1/data-sources" || true)"
    refused="$(curl -s -o /dev/null -w '%{http_code}' --noproxy '*' -H "Authorization: Bearer x$token" "$url/api/v1/data-sources" || true)"
    case "$page|$sources|$refused" in
      *"<title>Medha"*"|"*'"sales"'*"|401") pass "demo --web serves the page and the API with the printed token" ;;
      *) fail "demo --web: page, data sources or refusal wrong: ${page:0:80} | $sources | $refused" ;;
    esac
  fi
  kill -TERM "$pid" 2>/dev/null
  check_demo "demo --web, SIGTERM" "$log" "$pid"
fi

# The model for the --llm-* flags: build/medha-llm-oracle on loopback, which
# answers a suite's questions with their gold SQL. The suite's question is
# one the engine abstains on (it names nothing in sales).
oracle_question="which customers are likely to churn next quarter based on sentiment"
oracle_sql="SELECT name FROM customers ORDER BY name LIMIT 5"
printf '{"id":"o1","db":"sales","turns":[{"q":"total revenue","gold":"SELECT SUM(quantity * unit_price) FROM order_items"},{"q":"%s","gold":"%s"}]}\n' \
  "$oracle_question" "$oracle_sql" >"$work/oracle-suite.jsonl"
oracle_url=""
start_oracle() { # log; sets oracle_url ("" when it did not start)
  "$MEDHA_BUILD_DIR/medha-llm-oracle" --suite "$work/oracle-suite.jsonl" --max-seconds 900 \
    </dev/null >"$1" 2>&1 &
  holders+=($!)
  for _ in $(seq 1 100); do grep -qs '^listening on ' "$1" && break; sleep 0.1; done
  oracle_url="$(sed -n 's/^listening on //p' "$1")"
}

# -- 4. scripts/demo --serve: another shell talks to it through the env file ---------------
# GET over bash's /dev/tcp; prints the body.
http_get() { # url
  local hostport="${1#http://}" path
  path="/${hostport#*/}"
  hostport="${hostport%%/*}"
  exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
  sed '1,/^\r$/d' <&3
  exec 3<&-
}
if [ -x "$MEDHA_BUILD_DIR/medhad" ] && [ -x "$MEDHA_BUILD_DIR/medha" ]; then
  env_file="$work/serve.env"
  log="$work/demo-serve.log"
  start_oracle "$work/oracle-serve.log"
  [ -n "$oracle_url" ] || fail "medha-llm-oracle did not start: $(tail -n 5 "$work/oracle-serve.log")"
  # The workers get the model through --llm-url / --llm-model.
  MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" \
    "$root/scripts/demo" --serve --workers 2 --env "$env_file" \
    --llm-url "$oracle_url" --llm-model gold-oracle </dev/null >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    [ -f "$env_file" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -f "$env_file" ]; then
    fail "demo --serve wrote no env file"; tail -n 20 "$log" >&2
  else
    # A conversation of two turns (the second a follow-up), as alice, from the file alone.
    out="$(set -a; . "$env_file"; set +a
           [ -n "$MEDHA_PASSWORD" ] && [[ "$MEDHA_DEMO_USERS" == *alice:"$MEDHA_PASSWORD"* ]] \
             || echo "alice's password is not in MEDHA_DEMO_USERS"
           printf 'What is the total revenue?\nby region\n' \
             | timeout 120 "$MEDHA_BUILD_DIR/medha" --json chat --data-source sales 2>&1)"
    answers="$(grep -c '"step":"answer"' <<<"$out")"
    [ "$answers" = 2 ] && pass "demo --serve: a two-turn conversation through the env file" \
      || { fail "demo --serve: $answers answers of 2:"; tail -c 2000 <<<"$out" >&2; }
    # Both workers' metrics answer; together they counted the two turns.
    urls="$(set -a; . "$env_file"; set +a; echo "$MEDHA_METRICS_URLS")"
    total=0 n=0
    for url in ${urls//,/ }; do
      turns="$(http_get "$url" | sed -n 's/^medha_turns_total \([0-9]*\).*/\1/p')"
      [ -n "$turns" ] && { total=$(( total + turns )); n=$(( n + 1 )); }
    done
    [ "$n" = 2 ] && [ "$total" = 2 ] && pass "demo --serve: 2 metrics endpoints, 2 turns counted" \
      || fail "demo --serve: metrics of $n workers counted $total turns (urls: $urls)"
    # What the engine abstains on goes to the model the flags named, on either worker.
    out="$(set -a; . "$env_file"; set +a
           printf '%s\n' "$oracle_question" \
             | timeout 120 "$MEDHA_BUILD_DIR/medha" --json chat --data-source sales 2>&1)"
    if grep -q '"step":"answer"' <<<"$out" && grep -q '"strategy":"llm"' <<<"$out" \
       && grep -q '"model":"gold-oracle"' <<<"$out" \
       && grep -q "^gold: $oracle_question" "$work/oracle-serve.log"; then
      pass "demo --serve --llm-url: the workers asked the model for what the engine abstained on"
    else
      fail "demo --serve --llm-url: no model answer:"; tail -c 1500 <<<"$out" >&2
    fi
    # The web page and API are served too, their URL and tokens in the file.
    web="$(set -a; . "$env_file"; set +a; echo "${MEDHA_HTTP_URL:-}|${MEDHA_DEMO_TOKENS:-}")"
    health="$( [ -n "${web%%|*}" ] && http_get "${web%%|*}/health" || true)"
    [[ "${web#*|}" == alice:* ]] && [[ "$health" == *ok* ]] \
      && pass "demo --serve: the web page's URL and tokens in the env file, /health answers" \
      || fail "demo --serve: web '$web', /health said '$health'"
  fi
  kill -TERM "$pid" 2>/dev/null
  check_demo "demo --serve, SIGTERM" "$log" "$pid"
  [ ! -e "$env_file" ] && pass "demo --serve: env file removed at exit" \
    || fail "demo --serve: the env file outlived the stack"
fi

# -- 5. scripts/eval --llm-url: the engine answers what it can, the model the rest ---------
if [ -x "$MEDHA_BUILD_DIR/medhad" ] && [ -x "$MEDHA_BUILD_DIR/medha-llm-oracle" ]; then
  start_oracle "$work/oracle-eval.log"
  report="$work/eval-llm.json"
  MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" timeout 300 "$root/scripts/eval" \
    --suite "$work/oracle-suite.jsonl" --databases "$root/scripts/sample-data" \
    --llm-url "$oracle_url" --llm-model gold-oracle --report "$report" --verbose \
    >"$work/eval-llm.log" 2>&1
  status=$?
  if [ "$status" = 0 ] && python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert (r["total"], r["correct"]) == (2, 2), r
paths = r["by_path"]
# "total revenue" by the engine (or a verified example of the sales model), the other by the model.
assert paths.pop("llm") == {"answered": 1, "correct": 1}, r["by_path"]
assert list(paths.values()) == [{"answered": 1, "correct": 1}], r["by_path"]
PY
  then
    grep -q "^gold: $oracle_question" "$work/oracle-eval.log" \
      && grep -q '^\[correct [0-9.]* llm\]' "$work/eval-llm.log" \
      && pass "eval --llm-url: one turn by the engine, one by the model, both right, the path shown" \
      || fail "eval --llm-url: the oracle or the verbose output lacks the model's turn"
  else
    fail "eval --llm-url: exit $status, report $(cat "$report" 2>/dev/null)"; tail -n 20 "$work/eval-llm.log" >&2
  fi
  # A wrong flag is refused before anything starts.
  out="$(MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" "$root/scripts/eval" \
           --suite "$work/oracle-suite.jsonl" --databases "$root/scripts/sample-data" \
           --llm-url "$oracle_url" --llm-model m --llm-provider gemini 2>&1)"
  [ $? != 0 ] && [[ "$out" == *"--llm-provider takes openai or anthropic"* ]] \
    && pass "eval --llm-provider gemini: refused with a clear message" \
    || fail "eval --llm-provider gemini was not refused: $out"
fi

# -- 6. scripts/bench in a tiny configuration writes a complete report ---------------------
if [ -x "$MEDHA_BUILD_DIR/medhad" ] && [ -x "$MEDHA_BUILD_DIR/medha" ]; then
  report="$work/bench.json"
  log="$work/bench.log"
  MEDHA_SKIP_DEPS=1 MEDHA_SKIP_BUILD=1 TMPDIR="$work" MEDHA_BENCH_TIMEOUT_S=60 \
    timeout 300 "$root/scripts/bench" --conversations 2 --turns 3 --report "$report" >"$log" 2>&1
  status=$?
  if python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
keys = ["turns", "tps", "p50_ms", "p95_ms", "p99_ms", "overhead_p50_ms", "overhead_p99_ms",
        "floor_ms", "steps"]
missing = [k for k in keys if k not in r]
assert not missing, f"missing {missing}"
assert r["turns"] == 6 and r["lost"] == 0 and r["answers"] == 6, r
assert r["tps"] > 0 and 0 < r["p50_ms"] <= r["p95_ms"] <= r["p99_ms"], r
assert 0 < r["floor_ms"] < r["p50_ms"], r
assert r["overhead_p50_ms"] < r["p50_ms"], r
for step in ("sql", "execute", "postgres", "turn"):
    assert r["steps"][step]["samples"] > 0, step
# The CPU of each process: one worker, and a per-turn total that adds them up.
cpu = r["cpu_s"]
assert len(cpu["workers"]) == 1, cpu
parts = cpu["workers"] + [cpu["nats"], cpu["postgres"], cpu["load_generator"]]
assert all(p >= 0 for p in parts), cpu
total = r["cpu_ms_per_turn"] * r["turns"] / 1000
assert abs(total - sum(parts)) <= 0.01 * len(parts) + 1e-9, (total, cpu)
PY
  then
    [ "$status" = 0 ] && pass "bench: 6 turns, a complete report" || fail "bench exited $status"
  else
    fail "bench: bad report (exit $status)"; tail -n 20 "$log" >&2
  fi
  left="$(pgrep -f -- "$work/medha\." 2>/dev/null)"
  [ -z "$left" ] && pass "bench: nothing left running" || fail "bench left $left running"
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
