#!/usr/bin/env bash
# Heavy fields at their limits: as a national official over the data bench/run.sh loaded (1,000,000
# members by default), every field that reads a whole subtree (support/FieldCosts) is asked for as
# often and with pages as large as the request limits accept, and the slowest accepted document is
# reported (target: under 2 s). Then a probe of `{ __typename }` at a fixed rate (20 requests a
# second) measures the latency of a trivial request, first on an idle server and then beside 4 copies
# of that slowest document running concurrently (target: p99 <= max(5 x the idle p99, 100 ms)).
#
# Usage: bench/heavy_fields.sh [--help]
#   Load the data first, e.g. MEMBERS=1000000 PHASES=core bench/run.sh (this script never loads or
#   drops anything; it reads $BENCH_DB and the personal-data keys run.sh kept in bench/results/).
#
# What it does: starts the packaged app (prod mode, -Xmx1g, production limits: nothing is raised)
# trusting a bench-only RSA key; for each heavy-field template and each page size (100, 20, 1 where the
# field has a page) finds the largest number of aliased copies (30 down to 1) that the request guard
# accepts (refusals are 400 LIMIT_EXCEEDED before anything runs, so the search is cheap), then runs the
# accepted document ROUNDS times and keeps its slowest time. Every request carries a token of a new
# subject, so the per-caller budget of heavy work (600 units a minute) never refuses a measured
# document, while the per-document limits stay those of production. An accepted document that a
# statement timeout cut (LIMIT_EXCEEDED `timeout:` in a 200) is reported as such. Writes a table to
# stdout and bench/results/heavy-<timestamp>.txt. Localhost only; every loop is bounded.
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1]  PGPORT [5432]  BENCH_DB [gonghui_bench]   the database bench/run.sh loaded
#   BENCH_HTTP_PORT [18082]            port of the app (bound to 127.0.0.1)
#   JAVA [java]                        Java 17+ to run the app
#   ROUNDS [3]                         runs of each accepted document (the slowest is kept)
#   PAGE_SIZES ["100 20 1"]            page sizes tried for fields with a page
#   MAX_COPIES [30]                    most aliased copies tried (gonghui.limits.max-aliases)
#   PROBE_RATE [20]  PROBE_SECONDS [30]   the `{ __typename }` probe: requests a second, and for how long
#   CONCURRENT [4]                     copies of the slowest document running beside the probe
#   REQUEST_TIMEOUT [60]               curl --max-time of one request, seconds
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR="$REPO_DIR/target/quarkus-app/quarkus-run.jar"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
BENCH_DB="${BENCH_DB:-gonghui_bench}"
HTTP_PORT="${BENCH_HTTP_PORT:-18082}"
JAVA="${JAVA:-java}"
ROUNDS="${ROUNDS:-3}"
PAGE_SIZES="${PAGE_SIZES:-100 20 1}"
MAX_COPIES="${MAX_COPIES:-30}"
PROBE_RATE="${PROBE_RATE:-20}"
PROBE_SECONDS="${PROBE_SECONDS:-30}"
CONCURRENT="${CONCURRENT:-4}"
REQUEST_TIMEOUT="${REQUEST_TIMEOUT:-60}"
BASE_URL="http://127.0.0.1:$HTTP_PORT"
GRAPHQL_URL="$BASE_URL/graphql"

for arg in "$@"; do
    case "$arg" in
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

log() { printf '[heavy %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ns() { date +%s%N; }

for tool in psql openssl curl awk "$JAVA"; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
[ -f "$JAR" ] || die "no $JAR: build it (./mvnw -B -q package -DskipTests) or run bench/run.sh first"
KEYS_FILE="$BENCH_DIR/results/$BENCH_DB.keys"
[ -f "$KEYS_FILE" ] || die "no $KEYS_FILE: load $BENCH_DB with bench/run.sh first (e.g. MEMBERS=1000000 PHASES=core bench/run.sh)"
# shellcheck disable=SC1090
. "$KEYS_FILE"
export GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS GONGHUI_PERSONAL_DATA_ACTIVE_KEY GONGHUI_PERSONAL_DATA_HASH_KEY
GONGHUI_CARD_KEYS="{\"keys\":[$("$BENCH_DIR/../docs/new-card-key.sh" bench-card-1)]}" || die "docs/new-card-key.sh failed"
export GONGHUI_CARD_KEYS GONGHUI_CARD_ACTIVE_KEY=bench-card-1
# the benchmark sends no texts: a production build refuses to start with texts enabled and no SMS gateway settings
export GONGHUI_SMS_ENABLED=false
MEMBERS=$(psql -X -q -U postgres -d "$BENCH_DB" -Atc 'select count(*) from membership') \
    || die "cannot read $BENCH_DB at $PGHOST:$PGPORT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gonghui-heavy.XXXXXX")
APP_PID=""
APP_LOG="$WORK/app.log"
stop_app() {
    [ -n "$APP_PID" ] || return 0
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}
cleanup() {
    local status=$?
    # background load loops and probe requests of this script only
    jobs -p | xargs -r kill 2>/dev/null || true
    stop_app
    if [ "$status" -ne 0 ] && [ -f "$APP_LOG" ]; then
        log "last lines of the app log:"
        tail -n 40 "$APP_LOG" >&2 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Bench-only signing key; a token per request, each of its own subject (see above).
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER | openssl base64 -A)
mint_token() { # subject; a national-admin of union 1, valid 2 hours
    local now header payload signature
    now=$(date +%s)
    header=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url)
    payload=$(printf '{"iss":"gonghui-bench","aud":"gonghui-api","sub":"%s","preferred_username":"%s","realm_access":{"roles":["national-admin"]},"union_id":1,"iat":%d,"exp":%d}' \
        "$1" "$1" "$now" "$((now + 7200))" | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
    printf '%s.%s.%s' "$header" "$payload" "$signature"
}
# unique without shared state: post runs it in a command substitution and in background loops
fresh_token() { mint_token "bench-heavy-$$-$(date +%s%N)-$RANDOM-$1"; }

if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
    die "something already listens on port $HTTP_PORT; stop it or set BENCH_HTTP_PORT"
fi
env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$HTTP_PORT" \
    QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
    QUARKUS_OIDC_TOKEN_ISSUER=gonghui-bench \
    "$JAVA" -Xmx1g -jar "$JAR" >"$APP_LOG" 2>&1 &
APP_PID=$!
STARTED=$SECONDS
until curl -sf -o /dev/null --max-time 2 "$BASE_URL/q/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
    [ $((SECONDS - STARTED)) -lt 120 ] || die "the app was not ready within 120 s"
    sleep 0.5
done
log "app ready (pid $APP_PID) over $BENCH_DB: $MEMBERS members"

# --- The heavy fields (support/FieldCosts), one template each: {FIRST} is the page size where the field
# has one; months are the longest allowed (120) and the past day a year back.
TO=$(TZ=Asia/Shanghai date +%Y-%m)
FROM=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -119 months" +%Y-%m)
AS_OF=$(TZ=Asia/Shanghai date -d '1 year ago' +%F)
PERIOD="period: {from: \\\"$FROM\\\", to: \\\"$TO\\\"}"
declare -A TEMPLATE
TEMPLATE[member_search]="members(first: {FIRST}, filter: {nameContains: \\\"工\\\"}) { edges { node { id name } } }"
TEMPLATE[member_search_count]="members(first: {FIRST}, filter: {nameContains: \\\"王\\\"}) { totalCount edges { node { id name } } }"
TEMPLATE[member_count]="members(first: {FIRST}) { totalCount edges { node { id name } } }"
TEMPLATE[union_search_count]="unions(first: {FIRST}, filter: {nameContains: \\\"工会\\\"}) { totalCount edges { node { id name } } }"
TEMPLATE[union_count]="unions(first: {FIRST}) { totalCount edges { node { id name } } }"
TEMPLATE[funds_totals]="fundsRemittances(first: {FIRST}) { totalCount totals { payrollYuan amountDueYuan amountPaidYuan shortfallYuan } edges { node { id } } }"
TEMPLATE[shell_unions]="shellUnions(first: {FIRST}) { totalCount edges { node { union { id } reasons activeMembers } } }"
TEMPLATE[member_trend]="memberTrend(unionId: 1, from: \\\"$FROM\\\", to: \\\"$TO\\\") { month newMembers newEmploymentFormNewMembers withdrawals }"
TEMPLATE[statistics]="statistics(unionId: 1) { members unions newMembers withdrawals }"
TEMPLATE[statistics_as_of]="statistics(unionId: 1, asOf: \\\"$AS_OF\\\", $PERIOD) { members unions newMembers withdrawals }"
TEMPLATE[drill_down]="union(id: 1) { children(first: {FIRST}) { totalCount edges { node { id statistics { members newMembers } } } } }"
TEMPLATE[drill_down_as_of]="unions(first: {FIRST}) { edges { node { id statistics(asOf: \\\"$AS_OF\\\", $PERIOD) { members newMembers } } } }"
TEMPLATE[program_totals]="programTotals(unionId: 1) { total { programs budgetYuan spentYuan beneficiaries } byKind { kind programs } }"
TEMPLATE[key_group_enrolment]="keyGroupEnrolment(unionId: 1) { keyGroup members registeredWorkers enrolmentRate }"
TEMPLATE[target_progress]="enrolmentTargets(first: {FIRST}) { edges { node { id progress { achieved progress met } } } }"
FIELDS="member_search member_search_count member_count union_search_count union_count funds_totals shell_unions member_trend
statistics statistics_as_of drill_down drill_down_as_of program_totals key_group_enrolment target_progress"

document() { # template copies first -> request body (JSON)
    local field=${1//\{FIRST\}/$3} query="{" i
    for ((i = 0; i < $2; i++)); do query+=" a$i: $field"; done
    printf '{"query":"%s }"}' "$query"
}
# POSTs a body file; prints "<http status> <seconds>"; the response goes to $2.
post() { # body-file response-file [token]
    local token=${3:-$(fresh_token doc)}
    curl -sS -o "$2" -w '%{http_code} %{time_total}\n' -X POST --max-time "$REQUEST_TIMEOUT" \
        -H 'Content-Type: application/json' -H 'Accept: application/graphql-response+json' \
        -H "Authorization: Bearer $token" --data-binary @"$1" "$GRAPHQL_URL" || true # curl prints "000 <s>" itself when it fails
}

# --- Phase 1: every field x page size, the most copies accepted, timed.
RESULTS="$WORK/results.txt"
: >"$RESULTS"
SLOWEST_SECONDS=0
SLOWEST_NAME=""
SLOWEST_BODY="$WORK/slowest.json"
for name in $FIELDS; do
    template=${TEMPLATE[$name]}
    sizes=$PAGE_SIZES
    case "$template" in *"{FIRST}"*) ;; *) sizes="-" ;; esac
    for first in $sizes; do
        body="$WORK/$name-$first.json"
        accepted=0
        for ((copies = MAX_COPIES; copies >= 1; copies--)); do
            document "$template" "$copies" "$first" >"$body"
            read -r status _ < <(post "$body" "$WORK/response.json")
            if [ "$status" = 400 ] && grep -q '"LIMIT_EXCEEDED"' "$WORK/response.json"; then
                continue # refused before execution: try fewer copies
            fi
            accepted=$copies
            break
        done
        if [ "$accepted" -eq 0 ]; then
            printf '%-22s %5s %6s  %-10s %8s  %s\n' "$name" "$first" 0 refused - "even one copy is refused: $(head -c 200 "$WORK/response.json")" >>"$RESULTS"
            continue
        fi
        worst=0
        outcome=ok
        for ((round = 1; round <= ROUNDS; round++)); do
            read -r status seconds < <(post "$body" "$WORK/response.json")
            worst=$(awk -v a="$worst" -v b="$seconds" 'BEGIN { print (b > a ? b : a) }')
            if [ "$status" != 200 ]; then
                outcome="http-$status"
            elif grep -q '"timeout:' "$WORK/response.json"; then
                outcome=timeout
            elif grep -q '"errors"' "$WORK/response.json"; then
                outcome="errors"
            fi
        done
        printf '%-22s %5s %6s  %-10s %8.3f  %s\n' "$name" "$first" "$accepted" "$outcome" "$worst" \
            "$(grep -o '"code":"[A-Z_]*"' "$WORK/response.json" | sort | uniq -c | tr -s ' \n' ' ')" >>"$RESULTS"
        log "$name first=$first: $accepted copies accepted, slowest of $ROUNDS runs ${worst} s ($outcome)"
        if awk -v a="$worst" -v b="$SLOWEST_SECONDS" 'BEGIN { exit !(a > b) }'; then
            SLOWEST_SECONDS=$worst
            SLOWEST_NAME="$name (first $first, $accepted copies, $outcome)"
            cp "$body" "$SLOWEST_BODY"
        fi
    done
done
[ -n "$SLOWEST_NAME" ] || die "no document was accepted"

# --- Phase 2: the { __typename } probe at a fixed rate (open loop: one request every 1/PROBE_RATE s,
# whether or not the previous one answered), idle and beside CONCURRENT copies of the slowest document.
PROBE_TOKEN=$(mint_token bench-heavy-probe)
printf '{"query":"{ __typename }"}' >"$WORK/probe.json"
probe() { # output-file: one latency in ms per line
    local n=$((PROBE_RATE * PROBE_SECONDS)) start i due wait_ns pid pids=()
    start=$(now_ns)
    for ((i = 0; i < n; i++)); do
        due=$((start + i * 1000000000 / PROBE_RATE))
        wait_ns=$((due - $(now_ns)))
        [ "$wait_ns" -le 0 ] || sleep "$(awk -v ns="$wait_ns" 'BEGIN { printf "%.4f", ns / 1e9 }')"
        curl -s -o /dev/null -w '%{time_total}\n' -X POST --max-time "$REQUEST_TIMEOUT" \
            -H 'Content-Type: application/json' -H "Authorization: Bearer $PROBE_TOKEN" \
            --data-binary @"$WORK/probe.json" "$GRAPHQL_URL" >>"$1.raw" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    awk '{ printf "%.1f\n", $1 * 1000 }' "$1.raw" | sort -n >"$1"
}
percentile() { # sorted-file p
    awk -v p="$2" '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; print v[i] }' "$1"
}

# warm the request path up before the idle measurement
for _ in $(seq 1 200); do post "$WORK/probe.json" /dev/null "$PROBE_TOKEN" >/dev/null; done
log "probe: idle, $PROBE_RATE requests a second for $PROBE_SECONDS s"
probe "$WORK/idle.ms"

log "probe: beside $CONCURRENT copies of the slowest document ($SLOWEST_NAME) running in a loop"
DEADLINE=$((SECONDS + PROBE_SECONDS + 5))
load_loop() { # loop until the deadline, one document at a time
    local runs=0
    while [ "$SECONDS" -lt "$DEADLINE" ]; do
        post "$SLOWEST_BODY" /dev/null >/dev/null
        runs=$((runs + 1))
    done
    echo "$runs" >>"$WORK/load.runs"
}
LOAD_PIDS=()
for ((c = 0; c < CONCURRENT; c++)); do
    load_loop &
    LOAD_PIDS+=($!)
done
sleep 2 # let the documents start
probe "$WORK/busy.ms"
for pid in "${LOAD_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
LOADS=$(awk '{ s += $1 } END { print s + 0 }' "$WORK/load.runs" 2>/dev/null || echo 0)

IDLE_P50=$(percentile "$WORK/idle.ms" 50); IDLE_P99=$(percentile "$WORK/idle.ms" 99)
BUSY_P50=$(percentile "$WORK/busy.ms" 50); BUSY_P99=$(percentile "$WORK/busy.ms" 99); BUSY_MAX=$(percentile "$WORK/busy.ms" 100)
PROBE_TARGET=$(awk -v p="$IDLE_P99" 'BEGIN { t = 5 * p; print (t > 100 ? t : 100) }')
SLOW_VERDICT=$(awk -v s="$SLOWEST_SECONDS" 'BEGIN { print (s < 2 ? "PASS" : "FAIL") }')
PROBE_VERDICT=$(awk -v b="$BUSY_P99" -v t="$PROBE_TARGET" 'BEGIN { print (b <= t ? "PASS" : "FAIL") }')

mkdir -p "$BENCH_DIR/results"
REPORT="$BENCH_DIR/results/heavy-$(date +%Y%m%d-%H%M%S).txt"
{
    echo "Heavy fields at their limits: $BENCH_DB, $MEMBERS members, national official (union 1), $(date -u '+%F %T') UTC, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "months $FROM..$TO, asOf $AS_OF; each accepted document run $ROUNDS times, slowest kept"
    echo
    printf '%-22s %5s %6s  %-10s %8s  %s\n' field first copies outcome seconds "error codes of the last run"
    cat "$RESULTS"
    echo
    echo "slowest accepted document: $SLOWEST_NAME, ${SLOWEST_SECONDS} s (target < 2 s): $SLOW_VERDICT"
    echo "{ __typename } at $PROBE_RATE/s for $PROBE_SECONDS s: idle p50 $IDLE_P50 ms, p99 $IDLE_P99 ms;" \
        "beside $CONCURRENT of the slowest document ($LOADS runs): p50 $BUSY_P50 ms, p99 $BUSY_P99 ms, max $BUSY_MAX ms" \
        "(target p99 <= $PROBE_TARGET ms): $PROBE_VERDICT"
} | tee "$REPORT"
log "report written to $REPORT"
