#!/usr/bin/env bash
# Gonghui GraphQL benchmark: the packaged app (prod mode) over a generated hierarchy of ~103,000 unions
# and (unless MEMBERS=0) a million generated members (or more: MEMBERS=5000000).
#
# Usage: bench/run.sh [--build] [--help]
#   --build   rebuild the app (./mvnw -B -q package -DskipTests) even if target/quarkus-app exists
#
# What it does: installs wrk if missing; builds the app if needed; drops and recreates the database
# $BENCH_DB; starts the app once so Flyway creates the schema; disables the statistics triggers (the
# row triggers that write the statistics ledger); loads bench/generate_hierarchy.sql;
# loads $MEMBERS members with bench/GenerateMembers.java (encrypted and hashed by the app's own
# PersonalData under bench-only keys made for this load, which the app is started with), then
# bench/generate_services.sql (100,000 service sites, a program per grassroots union with members,
# ~1,000,000 beneficiaries); enables the triggers again and rebuilds the statistics from the rows
# (select gonghui_stat_rebuild()), timing each step;
# restarts the app with a bench-only RSA key as its OIDC public key and mints one national-admin
# token with openssl; takes a phone, ID number and name of a generated member (the phone and ID number
# through the app's own revealMemberPersonalData, as the official of the member's union);
# checks each query once with curl; warms the JVM up; then per query runs a wrk
# warm-up (not reported) and a measured run; prints a table (also written to
# bench/results/<timestamp>.txt) and the app's RSS. The app is stopped on exit, on failure too.
# Unless RIGHTS_CASES=0, bench/generate_rights_cases.sql then adds 1,000,000 rights cases over the hierarchy.
# With the joincost phase, bench/join_cost.sh then measures the statistics triggers' cost on joins
# (pgbench, 32 concurrent joiners into one grassroots union, triggers off and on).
#
# Phases (PHASES, comma-separated; BASE is always measured):
#   core      Q1, Q2 (hierarchy reads)
#   members   M1-M4 (member searches)                                  needs MEMBERS > 0
#   services  S1, S2, S3, U1, P1, P2 (nearest sites, card check, findUnions, programs) needs MEMBERS > 0
#   stats     ST1-ST5 (subtree statistics, as of a year back, monthly trend)
#   rights    R1 (a county's open-case queue), R2 (a province's rightsCaseStatistics for a year), each also as
#             a ratio to ST1 (measured in the same run, also when the stats phase is not)
#   joincost  bench/join_cost.sh after the HTTP measurements (the app stopped)
#   all       all of these (the default)
# e.g. PHASES=stats MEMBERS=5000000 bench/run.sh, then PHASES=stats,joincost REUSE_DB=1 bench/run.sh
# to measure again on the same data without loading it again.
#
# Why the JVM warm-up: a fresh JVM on 2 cores needs one to two minutes of load before the JIT has
# compiled the request path (BASE alone went 265 -> 930 -> 1,190 -> 1,720 -> 3,360 req/s in
# consecutive 10 s runs). With only the 5 s warm-ups BASE measured 700 req/s; after 20 s per query
# 2,100-2,800; after 40 s 3,600. Cold numbers are not comparable between runs, and the ratios
# depend on how far each query happened to be compiled.
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1]  PGPORT [5432]  PostgreSQL with trust auth for user postgres
#   BENCH_DB [gonghui_bench]           database to DROP and recreate: never point it at real data
#   BENCH_HTTP_PORT [18081]            port of the benchmarked app (bound to 127.0.0.1)
#   DURATION [15]  WARMUP [5]          seconds of each measured run and of the warm-up just before it
#   JIT_WARMUP [40]                    seconds of load per query before any measurement (JVM warm-up)
#   CONNECTIONS [32]  THREADS [2]      wrk -c and -t
#   CONNECTIONS_<QUERY>                wrk -c of one query only, e.g. CONNECTIONS_ST4=4 (the table says so)
#   WRK_TIMEOUT [30]                   seconds after which wrk counts a response as a socket error (fails the run)
#   JAVA [java]                        Java 17+ to run the app with (-Xmx1g) and the member generator
#   MEMBERS [1000000]                  members to generate over the grassroots unions; 0 skips the member
#                                      and services phases (and M1-M4, S1, S2, S3, U1, P1, P2)
#   MEMBER_SEED [20251231]             seed of the member generator (the same seed gives the same people)
#   MEMBER_AS_OF [today, Asia/Shanghai] the day the members are dated to: they joined in the 24 months before
#   MEMBER_HEAP [1g]                   -Xmx of the member generator (its memory is bounded: 5,000,000 fit in 1g)
#   PHASES [all]                       see above
#   RIGHTS_CASES [1000000]             rights cases to generate (bench/generate_rights_cases.sql); 0: none
#   REUSE_DB [0]                       1: measure on $BENCH_DB as an earlier run loaded it (no drop, no load);
#                                      its personal-data keys were kept in bench/results/$BENCH_DB.keys
#   JOIN_SECONDS [30]  JOIN_ROUNDS [2]  JOIN_RATE  JOIN_KEEP ...   settings of bench/join_cost.sh, passed through
#   COMPARE                            "LABEL:DIR LABEL:DIR": compare builds instead of measuring one. Each DIR is a
#                                      quarkus-app directory (a copy of target/quarkus-app of each commit). Needs
#                                      REUSE_DB=1. For each of ROUNDS rounds, each build in turn is started, warmed up
#                                      (JIT_WARMUP per query), measured (every query of PHASES), and stopped: the
#                                      builds interleave, in the given order in odd rounds and reversed in even ones. The report gives per query the median req/s of each build
#                                      over the rounds and the ratio of the last build to the first, then the app process's
#                                      CPU per request (utime+stime around each measured run / requests), which other load
#                                      on the machine moves far less than req/s, also without the JIT compiler threads.
#   ROUNDS [3]                         rounds of COMPARE (an even number puts each build in each position equally)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR="$REPO_DIR/target/quarkus-app/quarkus-run.jar"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
BENCH_DB="${BENCH_DB:-gonghui_bench}"
HTTP_PORT="${BENCH_HTTP_PORT:-18081}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
JIT_WARMUP="${JIT_WARMUP:-40}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WRK_TIMEOUT="${WRK_TIMEOUT:-30}"
JAVA="${JAVA:-java}"
MEMBERS="${MEMBERS:-1000000}"
MEMBER_SEED="${MEMBER_SEED:-20251231}"
MEMBER_AS_OF="${MEMBER_AS_OF:-$(TZ=Asia/Shanghai date +%F)}"
MEMBER_HEAP="${MEMBER_HEAP:-1g}"
PHASES="${PHASES:-all}"
RIGHTS_CASES="${RIGHTS_CASES:-1000000}"
REUSE_DB="${REUSE_DB:-0}"
COMPARE="${COMPARE:-}"
ROUNDS="${ROUNDS:-3}"
BASE_URL="http://127.0.0.1:$HTTP_PORT"
GRAPHQL_URL="$BASE_URL/graphql"

BUILD=false
for arg in "$@"; do
    case "$arg" in
        --build) BUILD=true ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
seconds_since() { awk -v ns=$(( $(date +%s%N) - $1 )) 'BEGIN { printf "%.1f", ns / 1e9 }'; }

# --- Phases.
[ "$PHASES" = all ] && PHASES=core,members,services,stats,rights,joincost
phase() { case ",$PHASES," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
for p in ${PHASES//,/ }; do
    case "$p" in core|members|services|stats|rights|joincost) ;; *) echo "unknown phase: $p (see --help)" >&2; exit 2 ;; esac
done
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -U postgres "$@"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Taken before this script loads the machine: how busy it was with other work (the report shows it).
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Tools. wrk is the only one commonly missing; the others are named so a failure is clear.
if ! command -v wrk >/dev/null; then
    log "installing wrk"
    # A fresh machine may have empty package lists: update only when the first attempt fails.
    as_root apt-get install -y wrk >/dev/null || { as_root apt-get update >/dev/null && as_root apt-get install -y wrk >/dev/null; }
fi
for tool in psql openssl curl "$JAVA"; do
    command -v "$tool" >/dev/null || die "$tool is required (psql: apt-get install -y postgresql-client)"
done
psql_bench -d postgres -Atc 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as postgres"

# --- Compare mode: the builds are given; the first one checks the queries.
if [ -n "$COMPARE" ]; then
    [ "$REUSE_DB" = 1 ] || die "COMPARE needs REUSE_DB=1 (load the data once with a run without it)"
    for spec in $COMPARE; do
        [ -f "${spec#*:}/quarkus-run.jar" ] || die "COMPARE: no quarkus-run.jar in ${spec#*:} (give LABEL:DIR of a quarkus-app directory)"
    done
    BUILD=false
    FIRST_SPEC=${COMPARE%% *}
    JAR="${FIRST_SPEC#*:}/quarkus-run.jar"
fi

# --- Build.
if $BUILD || [ ! -f "$JAR" ]; then
    log "building the app (./mvnw -B -q package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
fi
[ -f "$JAR" ] || die "no $JAR after the build"

# --- Work directory (key pair, token, request bodies, app logs) and cleanup.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gonghui-bench.XXXXXX")
APP_PID=""
APP_LOG=""

stop_app() {
    [ -n "$APP_PID" ] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
}

cleanup() {
    local status=$?
    stop_app
    if [ "$status" -ne 0 ] && [ -n "$APP_LOG" ] && [ -f "$APP_LOG" ]; then
        log "last lines of the app log ($APP_LOG):"
        tail -n 40 "$APP_LOG" >&2 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Bench-only signing key and one national-admin token (RS256, signed with openssl).
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/bench-key.pem" 2>/dev/null
# quarkus.oidc.public-key takes the base64 DER SubjectPublicKeyInfo without PEM armour.
PUBLIC_KEY=$(openssl pkey -in "$WORK/bench-key.pem" -pubout -outform DER | openssl base64 -A)
mint_token() { # subject tier-role union-id; valid 2 hours
    local now header payload signature
    now=$(date +%s)
    header=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url)
    payload=$(printf '{"iss":"gonghui-bench","aud":"gonghui-api","sub":"%s","preferred_username":"%s","realm_access":{"roles":["%s"]},"union_id":%s,"iat":%d,"exp":%d}' \
        "$1" "$1" "$2" "$3" "$now" "$((now + 7200))" | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/bench-key.pem" -binary | b64url)
    printf '%s.%s.%s' "$header" "$payload" "$signature"
}
TOKEN=$(mint_token bench national-admin 1)

# --- Bench-only personal-data keys, new for every load: the member generator encrypts and hashes with
# them, and the app (which refuses to start without keys in production) decrypts with them. Kept in
# bench/results/$BENCH_DB.keys (git-ignored, mode 600) so that REUSE_DB=1 can start the app on the same data.
KEYS_FILE="$BENCH_DIR/results/$BENCH_DB.keys"
if [ "$REUSE_DB" = 1 ]; then
    [ -f "$KEYS_FILE" ] || die "REUSE_DB=1 but no $KEYS_FILE: load $BENCH_DB with a run without REUSE_DB first"
    # shellcheck disable=SC1090
    . "$KEYS_FILE"
    export GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS GONGHUI_PERSONAL_DATA_ACTIVE_KEY GONGHUI_PERSONAL_DATA_HASH_KEY
else
    export GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS="bench-1:$(openssl rand -base64 32)"
    export GONGHUI_PERSONAL_DATA_ACTIVE_KEY=bench-1
    export GONGHUI_PERSONAL_DATA_HASH_KEY="$(openssl rand -base64 32)"
fi
# A bench-only member-card signing key, new for every run (the card payloads S3 checks are issued in the run),
# and payloads valid for the whole run instead of 5 minutes.
GONGHUI_CARD_KEYS="{\"keys\":[$("$BENCH_DIR/../docs/new-card-key.sh" bench-card-1)]}" || die "docs/new-card-key.sh failed"
export GONGHUI_CARD_KEYS GONGHUI_CARD_ACTIVE_KEY=bench-card-1 GONGHUI_CARD_TOKEN_VALIDITY=PT6H

# The benchmark sends no texts: a production build refuses to start with texts enabled and no SMS gateway settings.
export GONGHUI_SMS_ENABLED=false

# --- App lifecycle: prod mode against $BENCH_DB, trusting only the bench key.
start_app() {
    local name=$1
    if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
        die "something already listens on port $HTTP_PORT; stop it or set BENCH_HTTP_PORT"
    fi
    APP_LOG="$WORK/app-$name.log"
    env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
        QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_DATASOURCE_PASSWORD= \
        QUARKUS_HTTP_HOST=127.0.0.1 \
        QUARKUS_HTTP_PORT="$HTTP_PORT" \
        QUARKUS_OIDC_PUBLIC_KEY="$PUBLIC_KEY" \
        QUARKUS_OIDC_TOKEN_ISSUER=gonghui-bench \
        GONGHUI_RATE_LIMIT_PUBLIC_QUERIES_PER_MINUTE=100000000 \
        GONGHUI_LIMITS_HEAVY_WORK_PER_MINUTE=100000000 \
        GONGHUI_RATE_LIMIT_PUBLIC_QUERIES_BURST=50000000 \
        GONGHUI_RATE_LIMIT_PUBLIC_QUERIES_PER_ADDRESS_PER_MINUTE=100000000 \
        GONGHUI_RATE_LIMIT_PUBLIC_QUERIES_PER_ADDRESS_BURST=50000000 \
        "$JAVA" -Xmx1g -jar "$JAR" >"$APP_LOG" 2>&1 &
    APP_PID=$!
    local started=$SECONDS
    until curl -sf -o /dev/null --max-time 2 "$BASE_URL/q/health/ready"; do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up ($name)"
        [ $((SECONDS - started)) -lt 120 ] || die "the app was not ready within 120 s ($name)"
        sleep 0.5
    done
    log "app ready ($name, pid $APP_PID, $((SECONDS - started)) s)"
}

# Statistics triggers: the row triggers of V8 that write the statistics ledger (stat_change, stat_pending)
# for every union, membership, site and beneficiary row. Off while loading (millions of rows), then the
# ledger and rollup are rebuilt from the rows at once (gonghui_stat_rebuild).
STAT_TRIGGERS="trade_union:trade_union_tally membership:membership_tally service_site:service_site_tally program_beneficiary:program_beneficiary_tally"
stat_triggers() { # enable|disable
    local sql="" t
    for t in $STAT_TRIGGERS; do sql+="alter table ${t%%:*} $1 trigger ${t#*:}; "; done
    psql_bench -d "$BENCH_DB" -c "$sql"
}
# Sizes of the tables the queries read (and of the statistics) and of the database.
db_size() {
    psql_bench -d "$BENCH_DB" -P footer=off -c "
    select coalesce(c.relname, 'database') as relation, to_char(c.reltuples, 'FM999,999,999,990') as rows,
           pg_size_pretty(coalesce(pg_total_relation_size(c.oid), pg_database_size(current_database()))) as size
      from unnest(array['trade_union', 'person', 'membership', 'membership_event', 'service_site', 'service_program',
                        'program_beneficiary', 'stat_change', 'stat_pending', 'union_stat', 'rights_case', null]) with ordinality t (name, n)
      left join pg_class c on c.relname = t.name and c.relkind = 'r'
     order by t.n"
}

GEN_SECONDS=""
MEMBER_SECONDS=""
SERVICE_SECONDS=""
SERVICE_COUNTS=""
RIGHTS_SECONDS=""
STAT_SUMMARY=""
LOAD_SUMMARY=""
if [ "$REUSE_DB" = 1 ]; then
    psql_bench -d "$BENCH_DB" -Atc 'select 1 from union_stat limit 1' >/dev/null 2>&1 \
        || die "REUSE_DB=1 but $BENCH_DB has no statistics schema (load it with a run without REUSE_DB first)"
    MEMBERS=$(psql_bench -d "$BENCH_DB" -Atc 'select count(*) from membership')
    LOAD_SUMMARY="data: reused database $BENCH_DB (REUSE_DB=1, loaded by an earlier run; its report has the load times): $MEMBERS members"
    log "$LOAD_SUMMARY"
    stat_pending=$(psql_bench -d "$BENCH_DB" -Atc 'select count(*) from stat_pending')
    [ "$stat_pending" -eq 0 ] || log "note: $stat_pending statistics ledger rows still pending (the app folds them)"
else
# --- Database: fresh, schema by the app's own Flyway migrations, then the generated hierarchy.
log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
psql_bench -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
rm -f "$KEYS_FILE"
start_app schema
stop_app
mkdir -p "$BENCH_DIR/results"
(umask 077 && printf 'GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS=%q\nGONGHUI_PERSONAL_DATA_ACTIVE_KEY=%q\nGONGHUI_PERSONAL_DATA_HASH_KEY=%q\n' \
    "$GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS" "$GONGHUI_PERSONAL_DATA_ACTIVE_KEY" "$GONGHUI_PERSONAL_DATA_HASH_KEY" >"$KEYS_FILE")
log "statistics triggers off while loading"
stat_triggers disable

log "generating the hierarchy (bench/generate_hierarchy.sql)"
GEN_START=$(date +%s%N)
psql_bench -d "$BENCH_DB" -f "$BENCH_DIR/generate_hierarchy.sql" >/dev/null
GEN_SECONDS=$(seconds_since "$GEN_START")
log "generated in $GEN_SECONDS s (including VACUUM ANALYZE)"

# Members: persons, memberships and their first history records, written with the app's own classes
# (IdNumber, PhoneNumber, PersonalData) from the packaged app; the Java source launcher compiles the
# generator on the fly. Deterministic for a seed and an as-of day except the ciphertexts (random nonces).
if [ "$MEMBERS" -gt 0 ]; then
    log "generating $MEMBERS members (bench/GenerateMembers.java, seed $MEMBER_SEED, as of $MEMBER_AS_OF, -Xmx$MEMBER_HEAP; free space: $(df -h --output=avail "${TMPDIR:-/tmp}" | tail -n 1 | tr -d ' ') in ${TMPDIR:-/tmp}, where about 450 bytes per member are staged)"
    GEN_START=$(date +%s%N)
    "$JAVA" -Xmx"$MEMBER_HEAP" -cp "$REPO_DIR/target/quarkus-app/app/*:$REPO_DIR/target/quarkus-app/lib/main/*" \
        "$BENCH_DIR/GenerateMembers.java" "jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" postgres "$MEMBERS" "$MEMBER_SEED" "$MEMBER_AS_OF" \
        2> >(tee "$WORK/members.log" >&2) || die "the member generator failed"
    MEMBER_SECONDS=$(seconds_since "$GEN_START")
    log "members generated in $MEMBER_SECONDS s (including the compilation of the generator, the indexes and ANALYZE)"

    # Service sites, programs and beneficiaries (set-based SQL over the generated cities and members).
    log "generating service sites and programs (bench/generate_services.sql)"
    GEN_START=$(date +%s%N)
    # Per-statement times in the log: the script takes 8-12 s on a copy of the data, 78 s once in a run.
    psql_bench -d "$BENCH_DB" -c '\timing on' -f "$BENCH_DIR/generate_services.sql" >"$WORK/services.log"
    log "services statement times (ms): $(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$WORK/services.log" | tr '\n' ' ')"
    SERVICE_SECONDS=$(seconds_since "$GEN_START")
    SERVICE_COUNTS=$(psql_bench -d "$BENCH_DB" -Atc "
        select format('%s service sites (%s open), %s programs, %s beneficiaries (%s members, %s organisations)',
               (select count(*) from service_site), (select count(*) from service_site where status = 'OPEN'),
               (select count(*) from service_program), (select count(*) from program_beneficiary),
               (select count(membership_id) from program_beneficiary), (select count(organisation_name) from program_beneficiary))")
    log "services generated in $SERVICE_SECONDS s (including VACUUM ANALYZE): $SERVICE_COUNTS"
fi

# Rights cases (issue 16): set-based SQL over the generated unions and members (none of members with MEMBERS=0).
if [ "$RIGHTS_CASES" -gt 0 ]; then
    log "generating $RIGHTS_CASES rights cases (bench/generate_rights_cases.sql)"
    GEN_START=$(date +%s%N)
    psql_bench -d "$BENCH_DB" -v cases="$RIGHTS_CASES" -c '\timing on' -f "$BENCH_DIR/generate_rights_cases.sql" >"$WORK/rights.log"
    log "rights cases statement times (ms): $(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' "$WORK/rights.log" | tr '\n' ' ')"
    RIGHTS_SECONDS=$(seconds_since "$GEN_START")
    log "rights cases generated in $RIGHTS_SECONDS s (including VACUUM ANALYZE)"
fi

# Statistics: triggers back on, then the ledger and rollup rebuilt from the rows in one transaction
# (gonghui_stat_rebuild: one ledger row per union, membership, site and beneficiary, dated from the row's
# created_at, members from least(created_at, joined_on); then gonghui_stat_fold of all of them). The time
# of the fold inside it comes from pg_stat_user_functions (track_functions = pl for this session).
log "statistics triggers on; rebuilding the statistics (select gonghui_stat_rebuild())"
stat_triggers enable
GEN_START=$(date +%s%N)
FOLD_MS=$(psql_bench -d "$BENCH_DB" -At <<'SQL'
set track_functions = 'pl';
select coalesce((select total_time from pg_stat_user_functions where funcname = 'gonghui_stat_fold'), 0) as before \gset
select gonghui_stat_rebuild();
select pg_stat_force_next_flush();
select round((select total_time from pg_stat_user_functions where funcname = 'gonghui_stat_fold') - :before);
SQL
)
FOLD_MS=$(tail -n 1 <<<"$FOLD_MS")
REBUILD_SECONDS=$(seconds_since "$GEN_START")
GEN_START=$(date +%s%N)
psql_bench -d "$BENCH_DB" -c 'vacuum analyze stat_change' -c 'vacuum analyze stat_pending' -c 'vacuum analyze union_stat'
ANALYZE_SECONDS=$(seconds_since "$GEN_START")
LEDGER_ROWS=$(psql_bench -d "$BENCH_DB" -Atc 'select count(*) from stat_change')
STAT_SUMMARY="statistics: rebuilt in $REBUILD_SECONDS s (ledger of $LEDGER_ROWS rows, $(awk -v r="$LEDGER_ROWS" -v ms="$FOLD_MS" 'BEGIN { printf "folded in %.1f s: %.0f ledger rows/s", ms / 1000, r / (ms / 1000) }')), VACUUM ANALYZE of the statistics tables $ANALYZE_SECONDS s"
log "$STAT_SUMMARY"
LOAD_SUMMARY="data: hierarchy generated in $GEN_SECONDS s (VACUUM ANALYZE included)"
fi
ROW_COUNTS=$(psql_bench -d "$BENCH_DB" -P footer=off -c "
    select coalesce(level, 'total') as level, count(*) as unions from trade_union
     group by rollup (level) order by grouping(level), min(length(path))")
printf '%s\n' "$ROW_COUNTS" >&2
DB_SIZE=$(db_size)
printf '%s\n' "$DB_SIZE" >&2
if [ "$MEMBERS" -eq 0 ] && { phase members || phase services; }; then
    log "MEMBERS=0: no members, services or their queries (phases members and services skipped)"
fi

# Targets, fixed so that runs compare: 河南 (province 41, mid-sized: ~3,300 unions below it) for Q2
# and its first county in tree order for Q1.
PROVINCE_ID=41
COUNTY_ID=$(psql_bench -d "$BENCH_DB" -Atc "select id from trade_union where level = 'COUNTY' and path like '/1/$PROVINCE_ID/%' order by path limit 1")
[ -n "$COUNTY_ID" ] || die "the generated data has no county below province $PROVINCE_ID"

start_app bench

# The county with the most members (any status): M1-M4 and P1 search it, ST2 and ST4 take its statistics.
M_COUNTY=""
if [ "$MEMBERS" -gt 0 ] && { phase members || phase services || phase stats; }; then
    IFS='|' read -r M_COUNTY M_COUNTY_MEMBERS < <(psql_bench -d "$BENCH_DB" -Atc "
        select c.id, count(*) from trade_union c
          join trade_union u on u.path > c.path and u.path < left(c.path, -1) || '0'
          join membership m on m.union_id = u.id
         where c.level = 'COUNTY' group by c.id order by 2 desc, 1 limit 1")
    [ -n "$M_COUNTY" ] || die "no county has members"
    M_RANGE="u.path > (select path from trade_union where id = $M_COUNTY) and u.path < (select left(path, -1) || '0' from trade_union where id = $M_COUNTY)"
fi

# Member search targets, from the generated data: in that county, its first ACTIVE member (by id) with a
# phone, and the most common two-character name among its members (M4 searches by that name's surname).
# The full phone and ID number are revealed through the app itself, as the official of the member's own
# union would: this also proves the app decrypts what the generator wrote.
MEMBER_QUERIES=()
if [ "$MEMBERS" -gt 0 ] && phase members; then
    IFS='|' read -r M_MEMBER M_MEMBER_UNION M_ID_MASKED M_PHONE_MASKED < <(psql_bench -d "$BENCH_DB" -Atc "
        select m.id, m.union_id, p.id_masked, p.phone_masked from membership m
          join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
         where $M_RANGE and m.status = 'ACTIVE' and p.phone_hash is not null order by m.id limit 1")
    M_NAME=$(psql_bench -d "$BENCH_DB" -Atc "
        select p.name from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
         where $M_RANGE and char_length(p.name) = 2 group by p.name order by count(*) desc, 1 limit 1")
    M_NAME_COUNT=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
         where $M_RANGE and p.name like '%$M_NAME%'")
    M_SURNAME=${M_NAME:0:1}
    M_SURNAME_COUNT=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from membership m join person p on p.id = m.person_id join trade_union u on u.id = m.union_id
         where $M_RANGE and p.name like '$M_SURNAME%'")
    [ -n "$M_MEMBER" ] && [ -n "$M_NAME" ] || die "no member with a phone or no two-character name in county $M_COUNTY"

    GRASSROOTS_TOKEN=$(mint_token bench-grassroots grassroots-admin "$M_MEMBER_UNION")
    reveal() { # membership-id field
        local out="$WORK/reveal-$2.json" code value
        printf '{"query":"mutation R($id: ID!, $field: PersonalDataField!) { revealMemberPersonalData(input: {id: $id, field: $field, reason: \\"基准测试取样 (benchmark sample)\\"}) { value } }","variables":{"id":"%s","field":"%s"}}' \
            "$1" "$2" >"$WORK/reveal-$2.request.json"
        code=$(curl -sS -o "$out" -w '%{http_code}' -X POST --max-time 30 \
            -H 'Content-Type: application/json' -H 'Accept: application/graphql-response+json' \
            -H "Authorization: Bearer $GRASSROOTS_TOKEN" --data-binary @"$WORK/reveal-$2.request.json" "$GRAPHQL_URL")
        value=$(sed -n 's/.*"value":"\([^"]*\)".*/\1/p' "$out")
        if [ "$code" != 200 ] || grep -q '"errors"' "$out" || [ -z "$value" ]; then
            die "revealMemberPersonalData($1, $2) failed: HTTP $code, body: $(head -c 2000 "$out")"
        fi
        printf '%s' "$value"
    }
    M_PHONE=$(reveal "$M_MEMBER" PHONE)
    M_ID_NUMBER=$(reveal "$M_MEMBER" ID_NUMBER)
    # The revealed values must be the ones behind the stored masks.
    [ "${M_PHONE:0:3}****${M_PHONE:7}" = "$M_PHONE_MASKED" ] || die "revealed phone does not match its mask $M_PHONE_MASKED"
    [ "${M_ID_NUMBER:0:3}***********${M_ID_NUMBER:14}" = "$M_ID_MASKED" ] || die "revealed ID number does not match its mask $M_ID_MASKED"
    log "member targets: county $M_COUNTY ($M_COUNTY_MEMBERS members), member $M_MEMBER ($M_PHONE_MASKED, $M_ID_MASKED), name $M_NAME ($M_NAME_COUNT), surname $M_SURNAME ($M_SURNAME_COUNT)"
    MEMBER_QUERIES=(M1 M2 M3 M4)
fi

# Service targets. S1/S2: the average position of the sites of the city with the most sites (its
# centre, with sites all around it); the open sites within 5 and 50 km are counted as the app
# measures distance. S3: verifyMemberCard of a card issued to the first ACTIVE member (by id) of the
# county of M1-M4, whose person is linked in SQL to a bench member login that asks for its card.
# P1: the programs of the county of M1-M4; P2: the totals of province 41.
SERVICE_QUERIES=()
S_LAT=""
if [ "$MEMBERS" -gt 0 ] && phase services; then
    IFS='|' read -r S_CITY S_CITY_SITES S_LAT S_LON < <(psql_bench -d "$BENCH_DB" -Atc "
        select union_id, count(*), round(avg(latitude)::numeric, 6), round(avg(longitude)::numeric, 6)
          from service_site group by union_id order by 2 desc, 1 limit 1")
    [ -n "$S_CITY" ] || die "no service sites"
    sites_within() { # radius-km
        psql_bench -d "$BENCH_DB" -Atc "
            select count(*) from service_site s where s.status = 'OPEN'
               and 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(s.latitude - $S_LAT) / 2), 2)
                   + cos(radians($S_LAT)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - $S_LON) / 2), 2)))) <= $1"
    }
    S1_SITES=$(sites_within 5)
    S2_SITES=$(sites_within 50)
    [ "$S1_SITES" -gt 0 ] || die "no open site within 5 km of ($S_LAT, $S_LON)"
    # U1: the public grassroots unions with a location within 5 km of the same point (PublicUnionQuery.PUBLIC)
    U1_UNIONS=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from trade_union u
         where u.status = 'ACTIVE' and u.level = 'GRASSROOTS' and u.kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION')
           and 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(u.latitude - $S_LAT) / 2), 2)
               + cos(radians($S_LAT)) * cos(radians(u.latitude)) * power(sin(radians(u.longitude - $S_LON) / 2), 2)))) <= 5")
    [ "$U1_UNIONS" -gt 0 ] || die "no public union within 5 km of ($S_LAT, $S_LON)"
    P1_PROGRAMS=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from service_program p join trade_union u on u.id = p.union_id where $M_RANGE")
    P2_PROGRAMS=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from service_program p join trade_union u on u.id = p.union_id
         where u.path >= '/1/$PROVINCE_ID/' and u.path < '/1/${PROVINCE_ID}0'")
    [ "$P1_PROGRAMS" -gt 0 ] || die "county $M_COUNTY has no programs"
    IFS='|' read -r S3_MEMBER S3_PERSON S3_CARD < <(psql_bench -d "$BENCH_DB" -Atc "
        select m.id, m.person_id, m.card_number from membership m join trade_union u on u.id = m.union_id
         where $M_RANGE and m.status = 'ACTIVE' and m.card_number is not null order by m.id limit 1")
    [ -n "$S3_CARD" ] || die "no ACTIVE member with a card in county $M_COUNTY"
    psql_bench -d "$BENCH_DB" -c "update person set subject = null where subject = 'bench-card-holder'" \
        -c "update person set subject = 'bench-card-holder' where id = $S3_PERSON"
    printf '{"query":"{ me { membership { id card { number qrPayload } } } }"}' >"$WORK/card.request.json"
    code=$(curl -sS -o "$WORK/card.response.json" -w '%{http_code}' -X POST --max-time 30 \
        -H 'Content-Type: application/json' -H 'Accept: application/graphql-response+json' \
        -H "Authorization: Bearer $(mint_token bench-card-holder member null)" --data-binary @"$WORK/card.request.json" "$GRAPHQL_URL")
    S3_PAYLOAD=$(sed -n 's/.*"qrPayload":"\([^"]*\)".*/\1/p' "$WORK/card.response.json")
    if [ "$code" != 200 ] || grep -q '"errors"' "$WORK/card.response.json" || [ -z "$S3_PAYLOAD" ] || ! grep -qF "\"number\":\"$S3_CARD\"" "$WORK/card.response.json"; then
        die "the card of member $S3_MEMBER could not be fetched: HTTP $code, body: $(head -c 2000 "$WORK/card.response.json")"
    fi
    log "service targets: S1/S2 at ($S_LAT, $S_LON), centre of city $S_CITY ($S_CITY_SITES sites; $S1_SITES open within 5 km, $S2_SITES within 50 km)," \
        "S3 card $S3_CARD of member $S3_MEMBER (payload ${#S3_PAYLOAD} characters),"  \
        "U1 $U1_UNIONS public unions within 5 km, P1 county $M_COUNTY ($P1_PROGRAMS programs), P2 province $PROVINCE_ID ($P2_PROGRAMS programs)"
    SERVICE_QUERIES=(S1 S2 S3 U1 P1 P2)
fi

# Statistics targets. ST1: province 41; ST2: the county with the most members (with MEMBERS=0, the Q1
# county); ST3: the national union's first 20 children (provinces), each with its statistics (batched);
# ST4: ST2's county as of the same day a year ago; ST5: province 41's monthly joins and withdrawals over
# the last 24 months. Members in good standing are counted in SQL for the checks (ST1, ST2).
STAT_QUERIES=()
if phase stats; then
    ST_COUNTY=${M_COUNTY:-$COUNTY_ID}
    ST_AS_OF=$(TZ=Asia/Shanghai date -d '1 year ago' +%F)
    ST_FROM=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -24 months" +%Y-%m)
    ST_TO=$(TZ=Asia/Shanghai date +%Y-%m)
    ST_MONTHS=$(( ( ${ST_TO%-*} - ${ST_FROM%-*} ) * 12 + 10#${ST_TO#*-} - 10#${ST_FROM#*-} + 1 ))
    in_good_standing() { # union-id: members in good standing (PROVISIONAL, ACTIVE, TRANSFERRING, RETAINED) in its subtree
        psql_bench -d "$BENCH_DB" -Atc "
            select count(*) from membership m join trade_union u on u.id = m.union_id
             where u.path >= (select path from trade_union where id = $1) and u.path < (select left(path, -1) || '0' from trade_union where id = $1)
               and m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')"
    }
    ST1_MEMBERS=$(in_good_standing "$PROVINCE_ID")
    ST2_MEMBERS=$(in_good_standing "$ST_COUNTY")
    # As of the end of ST_AS_OF, after gonghui_stat_rebuild: the memberships in good standing now that were
    # created (or joined) before then; each counts from least(created_at, joined_on) (V8), no union moved.
    ST4_MEMBERS=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from membership m join trade_union u on u.id = m.union_id
         where u.path >= (select path from trade_union where id = $ST_COUNTY) and u.path < (select left(path, -1) || '0' from trade_union where id = $ST_COUNTY)
           and m.status in ('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')
           and least(m.created_at, m.joined_on::timestamp at time zone 'Asia/Shanghai') < (date '$ST_AS_OF' + 1)::timestamp at time zone 'Asia/Shanghai'")
    ST_MOVES=$(psql_bench -d "$BENCH_DB" -Atc "select count(*) from union_move")
    ST2_UNIONS=$(psql_bench -d "$BENCH_DB" -Atc "select descendant_count + 1 from trade_union where id = $ST_COUNTY")
    log "statistics targets: ST1 province $PROVINCE_ID ($ST1_MEMBERS members in good standing), ST2 county $ST_COUNTY" \
        "($ST2_MEMBERS members, $ST2_UNIONS unions), ST3 the first 20 children of union 1, ST4 county $ST_COUNTY as of $ST_AS_OF ($ST4_MEMBERS members then)," \
        "ST5 memberTrend of province $PROVINCE_ID from $ST_FROM to $ST_TO ($ST_MONTHS months)"
    STAT_QUERIES=(ST1 ST2 ST3 ST4 ST5)
fi

# Rights-case targets. R1: the county whose subtree handles the most open cases, its open-case queue (50 per
# page with totalCount; the query of the rights part, rightsCases); R2: province 41's rightsCaseStatistics
# over the last 12 months. Both are reported as ratios to ST1 (province 41's statistics) of the same run.
RIGHTS_QUERIES=()
RIGHTS_COUNTS=""
if phase rights; then
    RIGHTS_COUNTS=$(psql_bench -d "$BENCH_DB" -Atc "
        select format('%s rights cases (%s open, %s overdue for acceptance, %s referred, %s of members); rights_case %s',
               count(*), count(*) filter (where status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')),
               count(*) filter (where status = 'SUBMITTED' and accept_due < (now() at time zone 'Asia/Shanghai')::date),
               count(*) filter (where cardinality(referred_from_union_ids) > 0), count(membership_id),
               pg_size_pretty(pg_total_relation_size('rights_case'))) from rights_case")
    R_FROM=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-15) -11 months" +%Y-%m)
    R_TO=$(TZ=Asia/Shanghai date +%Y-%m)
    IFS='|' read -r R_COUNTY R_COUNTY_OPEN < <(psql_bench -d "$BENCH_DB" -Atc "
        select c.id, count(*) from trade_union c
          join trade_union u on u.path >= c.path and u.path < left(c.path, -1) || '0'
          join rights_case k on k.handling_union_id = u.id and k.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
         where c.level = 'COUNTY' group by c.id order by 2 desc, 1 limit 1")
    [ -n "$R_COUNTY" ] || die "no county handles an open rights case (RIGHTS_CASES=0, or a database loaded before issue 16: reload it)"
    # received in the province's subtree in the period: what R2's `received` must say
    R2_RECEIVED=$(psql_bench -d "$BENCH_DB" -Atc "
        select count(*) from rights_case k join trade_union u on u.id = k.received_union_id
         where u.path >= (select path from trade_union where id = $PROVINCE_ID) and u.path < (select left(path, -1) || '0' from trade_union where id = $PROVINCE_ID)
           and k.submitted_at >= date '$R_FROM-01'::timestamp at time zone 'Asia/Shanghai'
           and k.submitted_at < (date '$R_TO-01' + interval '1 month')::timestamp at time zone 'Asia/Shanghai'")
    log "rights targets: $RIGHTS_COUNTS; R1 county $R_COUNTY ($R_COUNTY_OPEN open cases handled in its subtree)," \
        "R2 province $PROVINCE_ID from $R_FROM to $R_TO ($R2_RECEIVED cases received)"
    # the ratios need ST1 in the same run
    if [ ${#STAT_QUERIES[@]} -eq 0 ]; then RIGHTS_QUERIES=(ST1); fi
    RIGHTS_QUERIES+=(R1 R2)
fi

# --- Request bodies: bench/queries/*.graphql (comment lines dropped, whitespace collapsed, JSON-escaped)
# plus variables; curl and wrk send the same file.
render_body() { # query-file variables-json output-file
    local query
    query=$(sed '/^[[:space:]]*#/d' "$1" | tr -s ' \t\n' ' ' | sed 's/^ //; s/ $//; s/\\/\\\\/g; s/"/\\"/g')
    printf '{"query":"%s","variables":%s}' "$query" "$2" >"$3"
}
render_body "$BENCH_DIR/queries/base.graphql" '{}' "$WORK/base.json"
render_body "$BENCH_DIR/queries/q1.graphql" "{\"id\":\"$COUNTY_ID\"}" "$WORK/q1.json"
render_body "$BENCH_DIR/queries/q2.graphql" "{\"under\":\"$PROVINCE_ID\"}" "$WORK/q2.json"
printf '{"query":"{ me { tier } }"}' >"$WORK/me.json"
if [ ${#MEMBER_QUERIES[@]} -gt 0 ]; then
    render_body "$BENCH_DIR/queries/m1.graphql" "{\"union\":\"$M_COUNTY\",\"phone\":\"$M_PHONE\"}" "$WORK/m1.json"
    render_body "$BENCH_DIR/queries/m2.graphql" "{\"union\":\"$M_COUNTY\",\"idNumber\":\"$M_ID_NUMBER\"}" "$WORK/m2.json"
    render_body "$BENCH_DIR/queries/m3.graphql" "{\"union\":\"$M_COUNTY\",\"name\":\"$M_NAME\"}" "$WORK/m3.json"
    render_body "$BENCH_DIR/queries/m4.graphql" "{\"union\":\"$M_COUNTY\",\"surname\":\"$M_SURNAME\"}" "$WORK/m4.json"
fi
if [ ${#SERVICE_QUERIES[@]} -gt 0 ]; then
    render_body "$BENCH_DIR/queries/s1.graphql" "{\"lat\":$S_LAT,\"lon\":$S_LON}" "$WORK/s1.json"
    render_body "$BENCH_DIR/queries/s2.graphql" "{\"lat\":$S_LAT,\"lon\":$S_LON}" "$WORK/s2.json"
    render_body "$BENCH_DIR/queries/u1.graphql" "{\"lat\":$S_LAT,\"lon\":$S_LON}" "$WORK/u1.json"
    render_body "$BENCH_DIR/queries/s3.graphql" "{\"payload\":\"$S3_PAYLOAD\"}" "$WORK/s3.json"
    render_body "$BENCH_DIR/queries/p1.graphql" "{\"union\":\"$M_COUNTY\"}" "$WORK/p1.json"
    render_body "$BENCH_DIR/queries/p2.graphql" "{\"union\":\"$PROVINCE_ID\"}" "$WORK/p2.json"
fi
if [ ${#STAT_QUERIES[@]} -gt 0 ]; then
    # ST1 and ST2 send the same query (st1.graphql) for a province and for a county.
    render_body "$BENCH_DIR/queries/st1.graphql" "{\"union\":\"$PROVINCE_ID\"}" "$WORK/st1.json"
    render_body "$BENCH_DIR/queries/st1.graphql" "{\"union\":\"$ST_COUNTY\"}" "$WORK/st2.json"
    render_body "$BENCH_DIR/queries/st3.graphql" '{"id":"1"}' "$WORK/st3.json"
    render_body "$BENCH_DIR/queries/st4.graphql" "{\"union\":\"$ST_COUNTY\",\"asOf\":\"$ST_AS_OF\"}" "$WORK/st4.json"
    render_body "$BENCH_DIR/queries/st5.graphql" "{\"union\":\"$PROVINCE_ID\",\"from\":\"$ST_FROM\",\"to\":\"$ST_TO\"}" "$WORK/st5.json"
fi
if [ ${#RIGHTS_QUERIES[@]} -gt 0 ]; then
    [ -f "$WORK/st1.json" ] || render_body "$BENCH_DIR/queries/st1.graphql" "{\"union\":\"$PROVINCE_ID\"}" "$WORK/st1.json"
    render_body "$BENCH_DIR/queries/r1.graphql" "{\"county\":\"$R_COUNTY\"}" "$WORK/r1.json"
    render_body "$BENCH_DIR/queries/r2.graphql" "{\"union\":\"$PROVINCE_ID\",\"from\":\"$R_FROM\",\"to\":\"$R_TO\"}" "$WORK/r2.json"
fi

declare -A SIZE
# One request with curl; fails unless HTTP 200 with data, no "errors" and the expected fragment.
# Public queries (S1, S2: nearestSites; S3: verifyMemberCard; U1: findUnions; no login) are sent without an Authorization header, by curl and wrk.
PUBLIC_QUERIES=" S1 S2 S3 U1 "
token_of() { case "$PUBLIC_QUERIES" in *" $1 "*) printf '' ;; *) printf '%s' "$TOKEN" ;; esac; }
check_once() { # name body-file expected-fixed-string
    local out="$WORK/$1.response.json" code auth=()
    [ -z "$(token_of "$1")" ] || auth=(-H "Authorization: Bearer $TOKEN")
    code=$(curl -sS -o "$out" -w '%{http_code}' -X POST --max-time 30 \
        -H 'Content-Type: application/json' -H 'Accept: application/graphql-response+json' \
        "${auth[@]}" --data-binary @"$2" "$GRAPHQL_URL")
    if [ "$code" != 200 ] || grep -q '"errors"' "$out" || ! grep -q '"data":{' "$out" || ! grep -qF "$3" "$out"; then
        die "$1 check failed: HTTP $code, body: $(head -c 2000 "$out")"
    fi
    SIZE[$1]=$(wc -c <"$out")
    log "$1 check ok (${SIZE[$1]} bytes)"
}
occurrences() { grep -o "$1" "$2" | wc -l; } # fixed-ish pattern, file
check_once me "$WORK/me.json" '"tier":"NATIONAL"'
check_once BASE "$WORK/base.json" '"__typename":"Query"'
CORE_QUERIES=()
if phase core; then
    check_once Q1 "$WORK/q1.json" "\"id\":\"$COUNTY_ID\""
    check_once Q2 "$WORK/q2.json" '"descendantCount"'
    Q2_NODES=$(occurrences '"descendantCount"' "$WORK/Q2.response.json")
    [ "$Q2_NODES" -eq 50 ] || die "Q2 returned $Q2_NODES unions, expected a full page of 50"
    CORE_QUERIES=(Q1 Q2)
fi
if [ ${#MEMBER_QUERIES[@]} -gt 0 ]; then
    check_once M1 "$WORK/m1.json" "\"id\":\"$M_MEMBER\""
    check_once M2 "$WORK/m2.json" "\"id\":\"$M_MEMBER\""
    check_once M3 "$WORK/m3.json" "\"totalCount\":$M_NAME_COUNT,"
    check_once M4 "$WORK/m4.json" "\"totalCount\":$M_SURNAME_COUNT,"
fi
if [ ${#SERVICE_QUERIES[@]} -gt 0 ]; then
    check_once S1 "$WORK/s1.json" '"distanceKm"'
    S1_EDGES=$(occurrences '"distanceKm"' "$WORK/S1.response.json")
    [ "$S1_EDGES" -eq $((S1_SITES < 20 ? S1_SITES : 20)) ] || die "S1 returned $S1_EDGES sites, SQL counts $S1_SITES within 5 km"
    check_once S2 "$WORK/s2.json" '"distanceKm"'
    S2_EDGES=$(occurrences '"distanceKm"' "$WORK/S2.response.json")
    [ "$S2_EDGES" -eq $((S2_SITES < 20 ? S2_SITES : 20)) ] || die "S2 returned $S2_EDGES sites, SQL counts $S2_SITES within 50 km"
    check_once U1 "$WORK/u1.json" '"distanceKm"'
    U1_EDGES=$(occurrences '"distanceKm"' "$WORK/U1.response.json")
    [ "$U1_EDGES" -eq $((U1_UNIONS < 20 ? U1_UNIONS : 20)) ] || die "U1 returned $U1_EDGES unions, SQL counts $U1_UNIONS within 5 km"
    check_once S3 "$WORK/s3.json" "\"valid\":true,\"reason\":null,\"cardNumber\":\"$S3_CARD\""
    check_once P1 "$WORK/p1.json" '"beneficiaryCount"'
    P1_EDGES=$(occurrences '"beneficiaryCount"' "$WORK/P1.response.json")
    [ "$P1_EDGES" -eq $((P1_PROGRAMS < 20 ? P1_PROGRAMS : 20)) ] || die "P1 returned $P1_EDGES programs, SQL counts $P1_PROGRAMS in county $M_COUNTY"
    check_once P2 "$WORK/p2.json" "\"total\":{\"programs\":$P2_PROGRAMS,"
fi
if [ ${#STAT_QUERIES[@]} -gt 0 ]; then
    # The current figures must equal a recount of the rows (the ledger and rollup are exact).
    check_once ST1 "$WORK/st1.json" "\"members\":$ST1_MEMBERS,"
    check_once ST2 "$WORK/st2.json" "\"members\":$ST2_MEMBERS,"
    check_once ST3 "$WORK/st3.json" '"membersByStatus"'
    ST3_NODES=$(occurrences '"membersByStatus"' "$WORK/ST3.response.json")
    [ "$ST3_NODES" -eq 20 ] || die "ST3 returned $ST3_NODES unions with statistics, expected 20"
    if [ "$ST_MOVES" -eq 0 ] && [ "$REUSE_DB" != 1 ]; then
        check_once ST4 "$WORK/st4.json" "\"members\":$ST4_MEMBERS,"
    else # moved unions or earlier writes (REUSE_DB): the simple recount above no longer applies
        check_once ST4 "$WORK/st4.json" '"members":'
    fi
    check_once ST5 "$WORK/st5.json" '"newMembers"'
    ST5_MONTHS=$(occurrences '"month"' "$WORK/ST5.response.json")
    [ "$ST5_MONTHS" -eq "$ST_MONTHS" ] || die "ST5 returned $ST5_MONTHS months, expected $ST_MONTHS ($ST_FROM to $ST_TO)"
fi
if [ ${#RIGHTS_QUERIES[@]} -gt 0 ]; then
    [ ${#STAT_QUERIES[@]} -gt 0 ] || check_once ST1 "$WORK/st1.json" '"members":'
    check_once R1 "$WORK/r1.json" '"totalCount":'
    R1_TOTAL=$(sed -n 's/.*"totalCount":\([0-9]*\).*/\1/p' "$WORK/R1.response.json")
    R1_EDGES=$(occurrences '"acceptDue"' "$WORK/R1.response.json")
    [ "$R1_EDGES" -eq $((R1_TOTAL < 50 ? R1_TOTAL : 50)) ] || die "R1 returned $R1_EDGES cases of a totalCount of $R1_TOTAL"
    log "R1 totalCount $R1_TOTAL (open cases handled in the county's subtree, counted in SQL: $R_COUNTY_OPEN; the queue may add escalated ones)"
    check_once R2 "$WORK/r2.json" "\"received\":$R2_RECEIVED,"
fi

# --- Measurements.
WRK_LOG="$WORK/wrk.log"
declare -A RPS P50 P99
# --timeout 30s (WRK_TIMEOUT): wrk's default of 2 s counts slow responses (a cold JVM's, or a loaded machine's) as
# socket errors and drops them from the latency distribution; the Lua script fails the run on any. 30 s, not
# 10: ST4 (statistics as of a past day) took 5-10 s per request at 32 connections and 5,000,000 members.
connections_of() { local v="CONNECTIONS_$1"; printf '%s' "${!v:-$CONNECTIONS}"; }
run_wrk() { # name body-file seconds
    local out="$WORK/wrk-$1-$3s.txt"
    if ! BENCH_BODY_FILE="$2" BENCH_TOKEN="$(token_of "$1")" wrk -c"$(connections_of "$1")" -t"$THREADS" -d"$3"s --timeout "$WRK_TIMEOUT"s --latency \
            -s "$BENCH_DIR/wrk/graphql.lua" "$GRAPHQL_URL" >"$out" 2>&1; then
        cat "$out" >&2
        die "wrk reported failed requests for $1"
    fi
    { echo "### $1 (${3}s)"; cat "$out"; } >>"$WRK_LOG"
    grep '^BENCH_RESULT ' "$out"
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

body_of() { printf '%s/%s.json' "$WORK" "$(tr 'A-Z' 'a-z' <<<"$1")"; }
QUERIES=(BASE "${CORE_QUERIES[@]}" "${MEMBER_QUERIES[@]}" "${SERVICE_QUERIES[@]}" "${STAT_QUERIES[@]}" "${RIGHTS_QUERIES[@]}")
# Full scans of the member-scale tables while the app serves (its searches and its background jobs);
# none is expected. Counted per query over its JVM warm-up and its measurement (PostgreSQL publishes
# the counters within about 10 s, so a scan at the very end of one query's run may count for the next).
scan_counts() {
    psql_bench -d "$BENCH_DB" -Atc "
        select string_agg(relname || '=' || seq_scan || '/' || coalesce(seq_tup_read, 0), ' ' order by relname)
          from pg_stat_user_tables where relname in ('person', 'membership', 'membership_event', 'service_site', 'service_program', 'program_beneficiary',
                                                     'stat_change', 'union_stat', 'rights_case')"
}
declare -A SEQ_SCANS
count_scans() { # name command...: runs the command and adds the sequential scans seen meanwhile to the query's
    local name=$1 before after
    shift
    before=$(scan_counts)
    "$@"
    after=$(scan_counts)
    SEQ_SCANS[$name]="${SEQ_SCANS[$name]:-} $(awk -v before="$before" -v after="$after" 'BEGIN {
        n = split(before, b, " "); for (i = 1; i <= n; i++) { split(b[i], kv, "[=/]"); s[kv[1]] = kv[2]; r[kv[1]] = kv[3] }
        n = split(after, a, " "); for (i = 1; i <= n; i++) { split(a[i], kv, "[=/]");
            if (kv[2] > s[kv[1]]) printf "%s:%d:%d ", kv[1], kv[2] - s[kv[1]], kv[3] - r[kv[1]] } }')"
}
# --- Compare mode: every build in turn per round, each started afresh, warmed up and measured.
if [ -n "$COMPARE" ]; then
    stop_app
    declare -A CMP_RPS CMP_P50 CMP_P99 CMP_CPU CMP_WORK
    # CPU per request of the app process (utime + stime of /proc/PID/stat, in clock ticks, around the measured
    # run, divided by the requests wrk completed): it moves far less than req/s when other processes share the
    # machine, though inside a VM CPU time still grows with contention. "work" leaves out the JIT compiler
    # threads, whose share says how far the JVM is still from warm.
    CLK_TCK=$(getconf CLK_TCK)
    app_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
    jit_ticks() {
        local t=0 f
        for f in /proc/"$APP_PID"/task/*/stat; do
            case "$(cat "$f" 2>/dev/null)" in *"(C1 CompilerThre)"*|*"(C2 CompilerThre)"*) t=$((t + $(awk '{ print $14 + $15 }' "$f"))) ;; esac
        done
        echo "$t"
    }
    us_per_request() { awk -v t="$1" -v hz="$CLK_TCK" -v n="$2" 'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else printf "0" }'; }
    LABELS=()
    for spec in $COMPARE; do LABELS+=("${spec%%:*}"); done
    REVERSED=$(tr ' ' '\n' <<<"$COMPARE" | sed '/^$/d' | tac | tr '\n' ' ')
    for round in $(seq 1 "$ROUNDS"); do
        # Even rounds run the builds in reverse order (A B, B A, A B, ...): whatever favours a
        # position in the round (page cache, heat, the other build's leftovers) falls on each build alike.
        ORDER=$COMPARE
        [ $((round % 2)) -eq 0 ] && ORDER=$REVERSED
        for spec in $ORDER; do
            label=${spec%%:*}
            JAR="${spec#*:}/quarkus-run.jar"
            start_app "$label-round$round"
            for name in "${QUERIES[@]}"; do
                log "round $round, $label: JVM warm-up $name ${JIT_WARMUP}s"
                run_wrk "$name" "$(body_of "$name")" "$JIT_WARMUP" >/dev/null
            done
            for name in "${QUERIES[@]}"; do
                run_wrk "$name" "$(body_of "$name")" "$WARMUP" >/dev/null
                log "round $round, $label: measuring $name ${DURATION}s"
                cpu0=$(app_ticks); jit0=$(jit_ticks)
                result=$(run_wrk "$name" "$(body_of "$name")" "$DURATION")
                cpu1=$(app_ticks); jit1=$(jit_ticks)
                CMP_CPU[$label,$name]="${CMP_CPU[$label,$name]:-} $(us_per_request $((cpu1 - cpu0)) "$(field requests "$result")")"
                CMP_WORK[$label,$name]="${CMP_WORK[$label,$name]:-} $(us_per_request $((cpu1 - cpu0 - jit1 + jit0)) "$(field requests "$result")")"
                CMP_RPS[$label,$name]="${CMP_RPS[$label,$name]:-} $(field rps "$result")"
                CMP_P50[$label,$name]="${CMP_P50[$label,$name]:-} $(field p50_ms "$result")"
                CMP_P99[$label,$name]="${CMP_P99[$label,$name]:-} $(field p99_ms "$result")"
            done
            stop_app
        done
    done
    median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
    FIRST=${LABELS[0]}
    LAST=${LABELS[${#LABELS[@]}-1]}
    STAMP=$(date +%Y%m%d-%H%M%S)
    RESULT_FILE="$BENCH_DIR/results/compare-$STAMP.txt"
    mkdir -p "$BENCH_DIR/results"
    {
        echo "Gonghui benchmark, builds compared $(date -Iseconds) on $(hostname) ($(nproc) cores, load average before the run $LOAD_BEFORE)"
        echo "builds: $COMPARE"
        echo "$ROUNDS rounds, builds interleaved (each started afresh per round, order reversed in even rounds); wrk -c$CONNECTIONS -t$THREADS -d${DURATION}s after a ${WARMUP}s warm-up, ${JIT_WARMUP}s of JVM warm-up per query"
        echo "phases: $PHASES; $LOAD_SUMMARY"
        echo
        printf '%-6s' query
        for label in "${LABELS[@]}"; do printf ' %22s' "$label req/s (p99 ms)"; done
        printf ' %10s   %s\n' "$LAST/$FIRST" "req/s per round"
        for name in "${QUERIES[@]}"; do
            printf '%-6s' "$name"
            for label in "${LABELS[@]}"; do
                printf ' %22s' "$(median "${CMP_RPS[$label,$name]}") ($(median "${CMP_P99[$label,$name]}"))"
            done
            printf ' %10s  ' "$(awk -v a="$(median "${CMP_RPS[$LAST,$name]}")" -v b="$(median "${CMP_RPS[$FIRST,$name]}")" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "-" }')"
            for label in "${LABELS[@]}"; do printf ' %s:%s' "$label" "$(tr -s ' ' ',' <<<"${CMP_RPS[$label,$name]# }")"; done
            echo
        done
        echo
        echo "CPU per request of the app process, median over the rounds (us; in brackets without the JIT compiler threads);"
        echo "$FIRST/$LAST: the ratio of the process CPU, >= 1 when the last build is as cheap per request as the first"
        printf '%-6s' query
        for label in "${LABELS[@]}"; do printf ' %22s' "$label us/req (no JIT)"; done
        printf ' %10s   %s\n' "$FIRST/$LAST" "us/req per round"
        for name in "${QUERIES[@]}"; do
            printf '%-6s' "$name"
            for label in "${LABELS[@]}"; do
                printf ' %22s' "$(median "${CMP_CPU[$label,$name]}") ($(median "${CMP_WORK[$label,$name]}"))"
            done
            printf ' %10s  ' "$(awk -v a="$(median "${CMP_CPU[$FIRST,$name]}")" -v b="$(median "${CMP_CPU[$LAST,$name]}")" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "-" }')"
            for label in "${LABELS[@]}"; do printf ' %s:%s' "$label" "$(tr -s ' ' ',' <<<"${CMP_CPU[$label,$name]# }")"; done
            echo
        done
    } | tee "$RESULT_FILE"
    { echo; echo "--- raw wrk output"; cat "$WRK_LOG"; } >>"$RESULT_FILE"
    log "results written to ${RESULT_FILE#"$REPO_DIR"/}"
    exit 0
fi

for name in "${QUERIES[@]}"; do
    log "JVM warm-up: $name ${JIT_WARMUP}s"
    count_scans "$name" run_wrk "$name" "$(body_of "$name")" "$JIT_WARMUP" >/dev/null
done
for name in "${QUERIES[@]}"; do
    body=$(body_of "$name")
    log "$name: warm-up ${WARMUP}s"
    count_scans "$name" run_wrk "$name" "$body" "$WARMUP" >/dev/null
    log "$name: measuring ${DURATION}s (-c$(connections_of "$name") -t$THREADS)"
    count_scans "$name" run_wrk "$name" "$body" "$DURATION" >"$WORK/result.txt"
    result=$(<"$WORK/result.txt")
    RPS[$name]=$(field rps "$result")
    P50[$name]=$(field p50_ms "$result")
    P99[$name]=$(field p99_ms "$result")
done
# "person:3:1000000 person:1:1000000" per query -> "M4: person 4 (2000000 rows)"
SEQ_SUMMARY=$(for name in "${QUERIES[@]}"; do printf '%s %s\n' "$name" "${SEQ_SCANS[$name]:-}"; done | awk '{
    delete n; delete r; out = ""
    for (i = 2; i <= NF; i++) { split($i, kv, ":"); n[kv[1]] += kv[2]; r[kv[1]] += kv[3] }
    for (t in n) out = out (out == "" ? "" : ", ") t " " n[t] " (" r[t] " rows)"
    if (out != "") printf "%s%s: %s", (done++ ? "; " : ""), $1, out }')

RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
stop_app
# Problems the app logged while serving (responses can succeed while the log fills with warnings).
APP_PROBLEMS=$(grep -E '^[0-9-]+ [0-9:,.]+ +(ERROR|WARN) ' "$APP_LOG" || true)

# The plans are explained with the session settings the app's connections get (PGOPTIONS from
# quarkus.datasource.jdbc.additional-jdbc-properties.options, e.g. "-c jit=off"), so that they are the app's.
APP_PG_OPTIONS=$(sed -n 's/^quarkus\.datasource\.jdbc\.additional-jdbc-properties\.options=//p' "$REPO_DIR/src/main/resources/application.properties" | tail -n 1)
psql_explain() { PGOPTIONS="$APP_PG_OPTIONS" psql_bench "$@"; }

# Plans of the member searches (custom and generic), with the app stopped; one summary line each.
PLANS_FILE="$WORK/plans.txt"
PLAN_SUMMARY=""
if [ ${#MEMBER_QUERIES[@]} -gt 0 ]; then
    log "explaining the member searches (bench/explain_members.sql)"
    psql_explain -d "$BENCH_DB" -v county="$M_COUNTY" -v member="$M_MEMBER" -v name="$M_NAME" -v surname="$M_SURNAME" \
        -f "$BENCH_DIR/explain_members.sql" >"$PLANS_FILE" 2>&1 || die "explain_members.sql failed: $(tail -n 5 "$PLANS_FILE")"
    PLAN_SUMMARY=$(awk '
        function flush() {
            if (stmt != "") printf "  %-8s %-34s %9s ms  %s%s\n", mode, stmt, ms, (idx == "" ? "no index of person or membership" : idx), (full == "" ? "" : "; FULL SCAN: " full)
            stmt = ""; ms = ""; idx = ""; full = ""
        }
        /^=+ custom plans/ { flush(); mode = "custom" }
        /^=+ generic plans/ { flush(); mode = "generic" }
        /^--- / { flush(); stmt = substr($0, 5) }
        /Execution Time:/ { ms = $3 }
        /(using|Bitmap Index Scan on) (person|membership)_[a-z_]+/ {
            match($0, /(using|Bitmap Index Scan on) (person|membership)_[a-z_]+/); i = substr($0, RSTART, RLENGTH); sub(/.* /, "", i)
            if (index(idx, i) == 0) idx = (idx == "" ? i : idx " " i)
        }
        /Seq Scan on (person|membership)|Index (Only )?Scan using (membership_pkey|person_pkey) on [a-z]+ [a-z]+ \(actual[^)]*rows=[0-9]{5,}/ {
            full = (full == "" ? "" : full ",") $0; sub(/^ *(->)? */, "", full)
        }
        END { flush() }' "$PLANS_FILE")
fi

# Plans of the nearest-site search (S1, S2): custom and generic, one summary line each.
SITE_PLANS_FILE="$WORK/site-plans.txt"
SITE_PLAN_SUMMARY=""
if [ -n "${S_LAT:-}" ]; then
    log "explaining the nearest-site search (bench/explain_sites.sql)"
    psql_explain -d "$BENCH_DB" -v lat="$S_LAT" -v lon="$S_LON" -f "$BENCH_DIR/explain_sites.sql" >"$SITE_PLANS_FILE" 2>&1 \
        || die "explain_sites.sql failed: $(tail -n 5 "$SITE_PLANS_FILE")"
    SITE_PLAN_SUMMARY=$(awk '
        function flush() {
            if (stmt != "") printf "  %-8s %-20s %9s ms  %s rows from the index, %s within the radius; %s%s\n", mode, stmt, ms, idxrows, heaprows,
                (idx == "" ? "service_site_location_idx NOT USED" : idx), (seq == "" ? "" : "; SEQ SCAN on service_site")
            stmt = ""; ms = ""; idx = ""; seq = ""; idxrows = ""; heaprows = ""
        }
        /^=+ custom plans/ { flush(); mode = "custom" }
        /^=+ generic plans/ { flush(); mode = "generic" }
        /^--- / { flush(); stmt = substr($0, 5) }
        /Execution Time:/ { ms = $3 }
        /Index Scan on service_site_location_idx|Index Scan using service_site_location_idx/ {
            idx = "service_site_location_idx"; if (match($0, /rows=[0-9]+/)) idxrows = substr($0, RSTART + 5, RLENGTH - 5)
        }
        /(Heap|Index) Scan (on|using [a-z_]+ on) service_site s / { if (match($0, /rows=[0-9]+/)) heaprows = substr($0, RSTART + 5, RLENGTH - 5) }
        /Seq Scan on service_site/ { seq = "yes" }
        END { flush() }' "$SITE_PLANS_FILE")
fi

# Plans of the public union directory (findUnions: U1 and the other filters); one summary line each.
UNION_PLANS_FILE="$WORK/union-plans.txt"
UNION_PLAN_SUMMARY=""
if [ -n "${S_LAT:-}" ]; then
    log "explaining the union directory (bench/explain_unions.sql)"
    psql_explain -d "$BENCH_DB" -v lat="$S_LAT" -v lon="$S_LON" -f "$BENCH_DIR/explain_unions.sql" >"$UNION_PLANS_FILE" 2>&1 \
        || die "explain_unions.sql failed: $(tail -n 5 "$UNION_PLANS_FILE")"
    UNION_PLAN_SUMMARY=$(awk '
        function flush() {
            if (stmt != "") printf "  %-8s %-18s %9s ms  %s%s\n", mode, stmt, ms, (idx == "" ? "no trade_union_public index" : idx),
                (seq == "" ? "" : "; SEQ SCAN on trade_union")
            stmt = ""; ms = ""; idx = ""; seq = ""
        }
        /^=+ custom plans/ { flush(); mode = "custom" }
        /^=+ generic plans/ { flush(); mode = "generic" }
        /^--- / { flush(); stmt = substr($0, 5) }
        /Execution Time:/ { ms = $3 }
        /trade_union_public_[a-z_]+/ { if (match($0, /trade_union_public_[a-z_]+/) && index(idx, substr($0, RSTART, RLENGTH)) == 0)
            idx = idx (idx == "" ? "" : ", ") substr($0, RSTART, RLENGTH) }
        /Seq Scan on trade_union/ { seq = "yes" }
        END { flush() }' "$UNION_PLANS_FILE")
fi

# Plans of the statistics statements (StatisticsService.CURRENT and AS_OF, taken from the source), with
# the app stopped; one summary line each.
STAT_PLANS_FILE="$WORK/stat-plans.txt"
STAT_PLAN_SUMMARY=""
java_text_block() { # java-file constant: the SQL of `static final String <constant> = """...""";`, named parameters as $1, $2
    awk -v name="$2" '
        index($0, "static final String " name " = \"\"\"") { on = 1; next }
        on && index($0, "\"\"\"") { sub(/""".*/, ""); print; exit }
        on { print }' "$1" | sed 's/:ids\b/$1/g; s/:end\b/$2/g'
}
# StatisticsService's statements end in `""".formatted(...)`: its arguments filled in, in order.
stat_statement() { # constant
    local sql
    sql=$(java_text_block "$STAT_SOURCE" "$1")
    case "$1" in
        CURRENT) sql=${sql/'%s'/path}; sql=${sql/'%s'/"starts_with(u.path, t.path)"} ;;
        AS_OF) sql=${sql/'%s'/"u.path >= r.path and u.path < left(r.path, -1) || '0'"} ;;
    esac
    printf '%s\n' "$sql"
}
if [ ${#STAT_QUERIES[@]} -gt 0 ]; then
    log "explaining the statistics statements (bench/explain_statistics.sql)"
    STAT_SOURCE="$REPO_DIR/src/main/java/org/gonghui/statistics/StatisticsService.java"
    ST_CHILDREN="{$(grep -o '"node":{"id":"[0-9]*"' "$WORK/ST3.response.json" | grep -o '[0-9]*' | paste -sd, -)}"
    psql_explain -d "$BENCH_DB" -v current_sql="$(stat_statement CURRENT)" -v as_of_sql="$(stat_statement AS_OF)" \
        -v province="$PROVINCE_ID" -v county="$ST_COUNTY" -v children="$ST_CHILDREN" -v as_of="$ST_AS_OF" \
        -f "$BENCH_DIR/explain_statistics.sql" >"$STAT_PLANS_FILE" 2>&1 || die "explain_statistics.sql failed: $(tail -n 5 "$STAT_PLANS_FILE")"
    STAT_PLAN_SUMMARY=$(awk '
        function flush() {
            if (stmt != "") printf "  %-8s %-26s %9s ms (planning %s ms%s)  estimated cost %s; buffers hit %s read %s%s\n", mode, stmt, ms, plan,
                (jit == "" ? "" : ", JIT " jit " ms of it"), cost, hit, read, (seq == "" ? "" : "; Seq Scan on " seq)
            stmt = ""; ms = ""; plan = ""; hit = 0; read = 0; seq = ""; top = 0; jit = ""; cost = ""
        }
        stmt != "" && cost == "" && /cost=[0-9.]+\.\.[0-9.]+/ { match($0, /\.\.[0-9]+/); cost = substr($0, RSTART + 2, RLENGTH - 2) }
        /^ +Timing: Generation .* Total [0-9.]+ ms/ { match($0, /Total [0-9.]+/); jit = substr($0, RSTART + 6, RLENGTH - 6) }
        /^=+ custom plans/ { flush(); mode = "custom" }
        /^=+ generic plans/ { flush(); mode = "generic" }
        /^--- / { flush(); stmt = substr($0, 5); top = 1; next }
        stmt != "" && top && /Buffers:/ { if (match($0, /hit=[0-9]+/)) hit = substr($0, RSTART + 4, RLENGTH - 4); if (match($0, /read=[0-9]+/)) read = substr($0, RSTART + 5, RLENGTH - 5); top = 0 }
        /Planning Time:/ { plan = $3 }
        /Execution Time:/ { ms = $3 }
        /Seq Scan on (stat_change|union_stat|trade_union|stat_pending|union_move)/ {
            match($0, /Seq Scan on [a-z_]+/); t = substr($0, RSTART + 12, RLENGTH - 12); if (index(seq, t) == 0) seq = (seq == "" ? t : seq "," t)
        }
        END { flush() }' "$STAT_PLANS_FILE")
fi

# Plans of the rights-case statements (R1's queue, hand-written as the rights part's list reads it; R2's figures and
# the headline counts of statistics, taken from RightsCaseStatisticsService.java with their fragments filled
# in and the named parameters numbered), with the app stopped; one summary line each.
RIGHTS_PLANS_FILE="$WORK/rights-plans.txt"
RIGHTS_PLAN_SUMMARY=""
rights_statement() { # constant: the statement of RightsCaseStatisticsService as the app runs it, parameters $1..$5
    local source="$REPO_DIR/src/main/java/org/gonghui/rights/RightsCaseStatisticsService.java" sql
    sql=$(java_text_block "$source" "$1")
    fragment() { sed -n "s/.*static final String $1 = \"\(.*\)\";/\1/p" "$source"; }
    # the .formatted(...) arguments, in their order: Subtree.sqlWithinByRange("u", "t"), then the fragments
    sql=${sql//'%1$s'/"u.path >= t.path and u.path < left(t.path, -1) || '0'"}
    if [ "$1" = FIGURES ]; then
        sql=${sql//'%2$s'/$(fragment RESOLVED_IN)}; sql=${sql//'%3$s'/$(fragment OPEN)}; sql=${sql//'%4$s'/$(fragment OVERDUE)}
    else
        sql=${sql//'%2$s'/$(fragment OPEN)}; sql=${sql//'%3$s'/$(fragment OVERDUE)}
    fi
    # java_text_block numbered :ids and :end as StatisticsService's $1 and $2; these are $1..$5
    sed 's/\$2/$3/g; s/:end\b/$3/g; s/:start\b/$2/g; s/:dayEnd\b/$5/g; s/:day\b/$4/g' <<<"$sql"
}
if [ ${#RIGHTS_QUERIES[@]} -gt 0 ]; then
    log "explaining the rights-case statements (bench/explain_rights.sql)"
    psql_explain -d "$BENCH_DB" -v figures_sql="$(rights_statement FIGURES)" -v headlines_sql="$(rights_statement HEADLINES)" \
        -v province="$PROVINCE_ID" -v county="$R_COUNTY" -v from="$R_FROM" -v to="$R_TO" \
        -f "$BENCH_DIR/explain_rights.sql" >"$RIGHTS_PLANS_FILE" 2>&1 || die "explain_rights.sql failed: $(tail -n 5 "$RIGHTS_PLANS_FILE")"
    RIGHTS_PLAN_SUMMARY=$(awk '
        function flush() {
            if (stmt != "") printf "  %-8s %-34s %9s ms (planning %s ms)  buffers hit %s read %s; %s%s\n", mode, stmt, ms, plan, hit, read,
                (idx == "" ? "no rights_case index" : idx), (seq == "" ? "" : "; SEQ SCAN on rights_case")
            stmt = ""; ms = ""; plan = ""; hit = 0; read = 0; seq = ""; idx = ""; top = 0
        }
        /^=+ custom plans/ { flush(); mode = "custom" }
        /^=+ generic plans/ { flush(); mode = "generic" }
        /^--- / { flush(); stmt = substr($0, 5); top = 1; next }
        stmt != "" && top && /Buffers:/ { if (match($0, /hit=[0-9]+/)) hit = substr($0, RSTART + 4, RLENGTH - 4); if (match($0, /read=[0-9]+/)) read = substr($0, RSTART + 5, RLENGTH - 5); top = 0 }
        /Planning Time:/ { plan = $3 }
        /Execution Time:/ { ms = $3 }
        /rights_case_[a-z_]+_idx/ { if (match($0, /rights_case_[a-z_]+_idx/) && index(idx, substr($0, RSTART, RLENGTH)) == 0)
            idx = idx (idx == "" ? "" : ", ") substr($0, RSTART, RLENGTH) }
        /Seq Scan on rights_case / { seq = "yes" }
        END { flush() }' "$RIGHTS_PLANS_FILE")
fi

# The cost of the statistics upkeep on joins (pgbench; the app is stopped).
JOIN_COST_FILE="$WORK/join-cost.txt"
JOIN_COST_SUMMARY=""
if phase joincost; then
    log "join cost (bench/join_cost.sh)"
    BENCH_DB="$BENCH_DB" JOIN_REPORT="$JOIN_COST_FILE" "$BENCH_DIR/join_cost.sh" >"$WORK/join-cost.stdout" || die "bench/join_cost.sh failed"
    JOIN_COST_SUMMARY=$(<"$WORK/join-cost.stdout")
fi

# --- Report.
row() { # name [target-percent-of-BASE] [target-p99-ms]
    local pct target=""
    pct=$(awk -v a="${RPS[$1]}" -v b="${RPS[BASE]}" 'BEGIN { printf "%.1f", 100 * a / b }')
    if [ -n "${2:-}" ]; then
        target=$(awk -v p="$pct" -v t="$2" 'BEGIN { printf ">= %s%%  %s", t, (p >= t ? "met" : "MISSED") }')
    fi
    if [ -n "${3:-}" ]; then
        target=$(awk -v p="${P99[$1]}" -v t="$3" 'BEGIN { printf "p99 < %s ms  %s", t, (p < t ? "met" : "MISSED") }')
    fi
    [ "$(connections_of "$1")" = "$CONNECTIONS" ] || target="$target  (wrk -c$(connections_of "$1"))"
    printf '%-6s %10s %9s %9s %10s   %s\n' "$1" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" "$pct%" "$target"
}
# A rights query: its row, its target being a ratio of its req/s to ST1's in the same run.
row_st1() { # name target-ratio
    local ratio
    ratio=$(awk -v a="${RPS[$1]}" -v b="${RPS[ST1]}" 'BEGIN { printf "%.2f", a / b }')
    printf '%-6s %10s %9s %9s %10s   %s\n' "$1" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" \
        "$(awk -v a="${RPS[$1]}" -v b="${RPS[BASE]}" 'BEGIN { printf "%.1f", 100 * a / b }')%" \
        "$ratio x ST1  $(awk -v r="$ratio" -v t="$2" 'BEGIN { printf ">= %s x ST1  %s", t, (r >= t ? "met" : "MISSED") }')"
}
# p99 targets of the statistics queries (ms); ST5 has none.
declare -A ST_TARGET=([ST1]=20 [ST2]=5 [ST3]=30 [ST4]=200)
STAMP=$(date +%Y%m%d-%H%M%S)
RESULT_FILE="$BENCH_DIR/results/$STAMP.txt"
mkdir -p "$BENCH_DIR/results"
{
    echo "Gonghui benchmark $(date -Iseconds) on $(hostname) ($(nproc) cores, load average before the run $LOAD_BEFORE)"
    echo "commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown); $("$JAVA" -version 2>&1 | head -n 1)"
    echo "wrk -c$CONNECTIONS -t$THREADS -d${DURATION}s, each after a ${WARMUP}s warm-up; first ${JIT_WARMUP}s per query of JVM warm-up"
    echo "phases: $PHASES"
    echo "$LOAD_SUMMARY"
    [ ${#CORE_QUERIES[@]} -eq 0 ] || echo "Q1 county $COUNTY_ID (response ${SIZE[Q1]} bytes), Q2 under province $PROVINCE_ID (${SIZE[Q2]} bytes)"
    printf '%s\n' "$ROW_COUNTS"
    if [ -n "$MEMBER_SECONDS" ]; then
        echo "members: $MEMBERS generated in $MEMBER_SECONDS s (seed $MEMBER_SEED, as of $MEMBER_AS_OF, -Xmx$MEMBER_HEAP); the generator's steps:"
        sed -n 's/^\[members [0-9:]*\] /  /p' "$WORK/members.log"
        echo "services: generated in $SERVICE_SECONDS s: $SERVICE_COUNTS"
    fi
    [ -z "$STAT_SUMMARY" ] || echo "$STAT_SUMMARY"
    if [ ${#MEMBER_QUERIES[@]} -gt 0 ]; then
        echo "M1-M4 in county $M_COUNTY ($M_COUNTY_MEMBERS members):" \
            "M1/M2 member $M_MEMBER ($M_PHONE_MASKED, $M_ID_MASKED), M3 name $M_NAME ($M_NAME_COUNT names containing it in the county), M4 surname $M_SURNAME ($M_SURNAME_COUNT)"
    fi
    if [ ${#SERVICE_QUERIES[@]} -gt 0 ]; then
        echo "S1/S2/U1 (public, no token) at ($S_LAT, $S_LON), centre of city $S_CITY ($S_CITY_SITES sites): $S1_SITES open sites within 5 km, $S2_SITES within 50 km;" \
            "U1 findUnions: $U1_UNIONS public unions within 5 km;" \
            "S3 (public) verifyMemberCard of card $S3_CARD (member $S3_MEMBER; payload ${#S3_PAYLOAD} characters);" \
            "P1 programs of county $M_COUNTY ($P1_PROGRAMS), P2 totals of province $PROVINCE_ID ($P2_PROGRAMS programs)"
    fi
    if [ ${#STAT_QUERIES[@]} -gt 0 ]; then
        echo "ST1 statistics of province $PROVINCE_ID ($ST1_MEMBERS members, response ${SIZE[ST1]} bytes); ST2 of county $ST_COUNTY ($ST2_MEMBERS members," \
            "$ST2_UNIONS unions, ${SIZE[ST2]} bytes); ST3 union 1's first 20 children with statistics (${SIZE[ST3]} bytes);" \
            "ST4 county $ST_COUNTY as of $ST_AS_OF ($ST4_MEMBERS members then, ${SIZE[ST4]} bytes); ST5 memberTrend of province $PROVINCE_ID $ST_FROM to $ST_TO (${SIZE[ST5]} bytes)"
    fi
    if [ ${#RIGHTS_QUERIES[@]} -gt 0 ]; then
        [ -z "$RIGHTS_SECONDS" ] || echo "rights cases: $RIGHTS_CASES generated in $RIGHTS_SECONDS s"
        echo "$RIGHTS_COUNTS"
        echo "R1 rightsCases queue of county $R_COUNTY ($R_COUNTY_OPEN open cases handled in its subtree; totalCount $R1_TOTAL, ${SIZE[R1]} bytes);" \
            "R2 rightsCaseStatistics of province $PROVINCE_ID, $R_FROM to $R_TO ($R2_RECEIVED received, ${SIZE[R2]} bytes)"
    fi
    printf '%s\n' "$DB_SIZE"
    echo
    printf '%-6s %10s %9s %9s %10s   %s\n' query 'req/s' 'p50 ms' 'p99 ms' '% of BASE' target
    row BASE ""
    for name in "${CORE_QUERIES[@]}"; do
        case "$name" in
            Q1) row Q1 15 ;;
            Q2) row Q2 4 ;;
        esac
    done
    for name in "${MEMBER_QUERIES[@]}" "${SERVICE_QUERIES[@]}" "${STAT_QUERIES[@]}" "${RIGHTS_QUERIES[@]}"; do
        case "$name" in
            R1) row_st1 R1 1.0 ;;
            R2) row_st1 R2 0.5 ;;
            ST*) row "$name" "" "${ST_TARGET[$name]:-}" ;;
            S3) row S3 50 ;;
            M*|S*) row "$name" "" 10 ;;
            *) row "$name" ;;
        esac
    done
    echo
    if [ -n "$PLAN_SUMMARY" ]; then
        echo "member search plans (bench/explain_members.sql; EXPLAIN ANALYZE after the run, full plans below):"
        printf '%s\n' "$PLAN_SUMMARY"
        echo
    fi
    if [ -n "$SITE_PLAN_SUMMARY" ]; then
        echo "nearest-site plans (bench/explain_sites.sql, ServiceSite.findNearest at ($S_LAT, $S_LON); full plans below):"
        printf '%s\n' "$SITE_PLAN_SUMMARY"
        echo
    fi
    if [ -n "$UNION_PLAN_SUMMARY" ]; then
        echo "union directory plans (bench/explain_unions.sql, PublicUnionQuery at ($S_LAT, $S_LON); full plans below):"
        printf '%s\n' "$UNION_PLAN_SUMMARY"
        echo
    fi
    if [ -n "$STAT_PLAN_SUMMARY" ]; then
        echo "statistics plans (bench/explain_statistics.sql: StatisticsService.CURRENT and AS_OF; EXPLAIN ANALYZE after the run, session options as the app's: '${APP_PG_OPTIONS:-none}'; full plans below):"
        printf '%s\n' "$STAT_PLAN_SUMMARY"
        echo
    fi
    if [ -n "$RIGHTS_PLAN_SUMMARY" ]; then
        echo "rights-case plans (bench/explain_rights.sql: the queue's statements and RightsCaseStatisticsService.FIGURES and HEADLINES; EXPLAIN ANALYZE after the run, full plans below):"
        printf '%s\n' "$RIGHTS_PLAN_SUMMARY"
        echo
    fi
    if [ -n "$JOIN_COST_SUMMARY" ]; then
        printf '%s\n' "$JOIN_COST_SUMMARY"
        echo
    fi
    echo "app RSS after the run: $((RSS_KB / 1024)) MiB (-Xmx1g)"
    echo "sequential scans of person, membership, membership_event, service_site, service_program, program_beneficiary, stat_change, union_stat, rights_case while the app served (pg_stat_user_tables): ${SEQ_SUMMARY:-none}"
    if [ -n "$APP_PROBLEMS" ]; then
        echo "app log: $(grep -c . <<<"$APP_PROBLEMS") ERROR/WARN lines, the first ones:"
        head -n 5 <<<"$APP_PROBLEMS" | cut -c1-300
    else
        echo "app log: no ERROR or WARN lines"
    fi
} | tee "$RESULT_FILE"
{
    echo; echo "--- raw wrk output"; cat "$WRK_LOG"
    if [ -f "$PLANS_FILE" ]; then echo; echo "--- member search plans"; cat "$PLANS_FILE"; fi
    if [ -f "$SITE_PLANS_FILE" ]; then echo; echo "--- nearest-site plans"; cat "$SITE_PLANS_FILE"; fi
    if [ -f "$UNION_PLANS_FILE" ]; then echo; echo "--- union directory plans"; cat "$UNION_PLANS_FILE"; fi
    if [ -f "$STAT_PLANS_FILE" ]; then echo; echo "--- statistics plans"; cat "$STAT_PLANS_FILE"; fi
    if [ -f "$RIGHTS_PLANS_FILE" ]; then echo; echo "--- rights-case plans"; cat "$RIGHTS_PLANS_FILE"; fi
    if [ -f "$JOIN_COST_FILE" ]; then echo; echo "--- join cost"; sed -n '/^--- pgbench output/,$p' "$JOIN_COST_FILE"; fi
} >>"$RESULT_FILE"
log "results written to ${RESULT_FILE#"$REPO_DIR"/}"
