#!/usr/bin/env bash
# Roster import benchmark: wall time of a 100,000-row CSV roster from upload to SUCCEEDED.
#
# Usage: bench/roster_import.sh [--build] [--help]
#   --build   rebuild the app (./mvnw -B -q package -DskipTests) even if target/quarkus-app exists
#
# What it does: builds the app if needed; drops and recreates the database $BENCH_DB; starts the
# packaged app in production mode (bench-only RSA key as its OIDC public key, throwaway personal-data
# keys) so that Flyway creates the schema; loads the demo hierarchy (src/main/resources/db/demo); mints
# a grassroots-admin token for 河阳保安工会 (41030611) with openssl; generates $ROWS valid rows with awk
# (unique GB 11643 ID numbers with check characters, mobile numbers, Chinese names, employers, key
# groups, flags, join dates); uploads the file once as a dry run (JVM warm-up, reported as "cold") and
# once for real, each time polling rosterImport(id) every 0.1 s until the job ends; checks that every
# row was written (members, memberships, history) and prints the times and rows/s. The app is stopped
# on exit, on failure too. Results also go to bench/results/roster-<timestamp>.txt (git-ignored).
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1]  PGPORT [5432]  PostgreSQL with trust auth for user postgres
#   BENCH_DB [gonghui_bench_roster]         database to DROP and recreate: never point it at real data
#   BENCH_HTTP_PORT [18082]            port of the benchmarked app (bound to 127.0.0.1)
#   ROWS [100000]                      rows of the generated roster
#   JAVA [java]                        Java 17+ to run the app with (-Xmx1g)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
JAR="$REPO_DIR/target/quarkus-app/quarkus-run.jar"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
BENCH_DB="${BENCH_DB:-gonghui_bench_roster}"
HTTP_PORT="${BENCH_HTTP_PORT:-18082}"
ROWS="${ROWS:-100000}"
JAVA="${JAVA:-java}"
BASE_URL="http://127.0.0.1:$HTTP_PORT"
UNION_ID=41030611

BUILD=false
for arg in "$@"; do
    case "$arg" in
        --build) BUILD=true ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

log() { printf '[roster-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -U postgres "$@"; }
now_ns() { date +%s%N; }
seconds_since() { awk -v ns=$(( $(now_ns) - $1 )) 'BEGIN { printf "%.2f", ns / 1e9 }'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for tool in psql openssl curl awk "$JAVA"; do
    command -v "$tool" >/dev/null || die "$tool is required (psql: apt-get install -y postgresql-client)"
done
psql_bench -d postgres -Atc 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as postgres"

if $BUILD || [ ! -f "$JAR" ]; then
    log "building the app (./mvnw -B -q package -DskipTests)"
    (cd "$REPO_DIR" && ./mvnw -B -q package -DskipTests)
fi
[ -f "$JAR" ] || die "no $JAR after the build"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gonghui-roster-bench.XXXXXX")
APP_PID=""
APP_LOG="$WORK/app.log"

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
    if [ "$status" -ne 0 ] && [ -f "$APP_LOG" ]; then
        log "last lines of the app log:"
        tail -n 40 "$APP_LOG" >&2 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Bench-only keys: an RSA key for tokens, AES and HMAC keys for personal data.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/bench-key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$WORK/bench-key.pem" -pubout -outform DER | openssl base64 -A)
NOW=$(date +%s)
JWT_HEADER=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url)
JWT_PAYLOAD=$(printf '{"iss":"gonghui-bench","aud":"gonghui-api","sub":"bench-heyang-baoan","preferred_username":"heyang-baoan","realm_access":{"roles":["grassroots-admin"]},"union_id":%d,"iat":%d,"exp":%d}' \
    "$UNION_ID" "$NOW" "$((NOW + 7200))" | b64url)
JWT_SIGNATURE=$(printf '%s.%s' "$JWT_HEADER" "$JWT_PAYLOAD" | openssl dgst -sha256 -sign "$WORK/bench-key.pem" -binary | b64url)
TOKEN="$JWT_HEADER.$JWT_PAYLOAD.$JWT_SIGNATURE"
ENCRYPTION_KEY="bench-1:$(openssl rand -base64 32)"
HASH_KEY=$(openssl rand -base64 32)
CARD_KEYS="{\"keys\":[$("$BENCH_DIR/../docs/new-card-key.sh" bench-card-1)]}"

start_app() {
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
        GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS="$ENCRYPTION_KEY" \
        GONGHUI_PERSONAL_DATA_ACTIVE_KEY=bench-1 \
        GONGHUI_PERSONAL_DATA_HASH_KEY="$HASH_KEY" \
        GONGHUI_CARD_KEYS="$CARD_KEYS" \
        GONGHUI_CARD_ACTIVE_KEY=bench-card-1 \
        GONGHUI_SMS_ENABLED=false \
        "$JAVA" -Xmx1g -jar "$JAR" >>"$APP_LOG" 2>&1 &
    APP_PID=$!
    local started=$SECONDS
    until curl -sf -o /dev/null --max-time 2 "$BASE_URL/q/health/ready"; do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
        [ $((SECONDS - started)) -lt 120 ] || die "the app was not ready within 120 s"
        sleep 0.5
    done
    log "app ready (pid $APP_PID, $((SECONDS - started)) s)"
}

log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
psql_bench -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
start_app
psql_bench -d "$BENCH_DB" -f "$REPO_DIR/src/main/resources/db/demo/R__demo_hierarchy.sql" >/dev/null

# --- The roster: unique valid ID numbers (8 Luoyang district codes × 14,000 birth days × 1,000
# sequence numbers), distinct mobile numbers, names from common surnames and given-name characters.
log "generating $ROWS rows"
awk -v rows="$ROWS" 'BEGIN {
    split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
    check = "10X98765432"
    split("410302 410303 410304 410305 410306 410307 410308 410311", region, " ")
    split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈", surname, " ")
    split("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 娥 玲 芬 建 国 文 辉 力 鹏 宇 浩 凯 丹 婷 雪 琳 晨 欣 悦 博 瑞 轩 怡", given, " ")
    split("洛阳河阳保安服务有限公司 洛阳顺达商贸有限公司 吉利区顺通货运 吉利区快递驿站 洛阳小玲家政服务有限公司", employer, " ")
    split("保安员 营业员 货车司机 快递员 家政服务员 护理员 网约送餐员 仓管员", occupation, " ")
    split("SECURITY_GUARD|保安员||TRUCK_DRIVER|快递员;网约送餐员|家政服务员|||", groups, "|")
    # Birth dates from 1966-01-01, one per day.
    y = 1966; m = 1; d = 1
    split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
    for (i = 0; i < 14000; i++) {
        date[i] = sprintf("%04d%02d%02d", y, m, d)
        leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        if (++d > mdays[m] + (m == 2 && leap)) { d = 1; if (++m > 12) { m = 1; y++ } }
    }
    print "姓名,身份证号,手机号,工作单位,统一社会信用代码,职业,重点群体,新就业形态,农民工,入会日期\r"
    for (n = 0; n < rows; n++) {
        id = sprintf("%s%s%03d", region[int(n / 14000) % 8 + 1], date[n % 14000], int(n / 112000) % 1000)
        sum = 0
        for (k = 1; k <= 17; k++) sum += substr(id, k, 1) * w[k]
        id = id substr(check, sum % 11 + 1, 1)
        name = surname[n % 50 + 1] given[int(n / 50) % 50 + 1] (n % 3 ? given[int(n / 2500) % 50 + 1] : "")
        phone = sprintf("1%d%09d", 3 + n % 7, n)
        printf "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\r\n", name, id, phone, employer[n % 5 + 1], (n % 5 == 0 ? "91410306MA44X1B2CC" : ""),
            occupation[n % 8 + 1], groups[n % 9 + 1], (n % 4 == 0 ? "是" : "否"), (n % 3 == 0 ? "是" : "否"),
            sprintf("%d-%02d-%02d", 2020 + n % 4, 1 + n % 12, 1 + n % 28)
    }
}' >"$WORK/roster.csv"
BYTES=$(wc -c <"$WORK/roster.csv")
log "roster: $ROWS rows, $BYTES bytes"

# Uploads the roster and polls until the job ends; prints "seconds job-id state".
import_roster() { # query-string
    local started response id state job
    started=$(now_ns)
    response=$(curl -sS -X POST --max-time 120 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
        --data-binary @"$WORK/roster.csv" "$BASE_URL/imports/roster?unionId=$UNION_ID&$1")
    id=$(sed -n 's/.*"id":"\([0-9]*\)".*/\1/p' <<<"$response")
    [ -n "$id" ] || die "upload refused: $response"
    while true; do
        job=$(curl -sS -X POST --max-time 30 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            --data "{\"query\":\"{ rosterImport(id: \\\"$id\\\") { state processedRows writtenRows message } }\"}" "$BASE_URL/graphql")
        state=$(sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p' <<<"$job")
        case "$state" in
            SUCCEEDED) break ;;
            FAILED) die "job $id failed: $job" ;;
            QUEUED|VALIDATING|WRITING) ;;
            *) die "unexpected answer: $job" ;;
        esac
        [ $(( ($(now_ns) - started) / 1000000000 )) -lt 300 ] || die "job $id did not end within 300 s"
        sleep 0.1
    done
    printf '%s %s %s\n' "$(seconds_since "$started")" "$id" "$job"
}

log "cold run: dry run (validation only, warms the JVM up)"
RESULT=$(import_roster "dryRun=true")
read -r COLD_SECONDS COLD_ID _ <<<"$RESULT"
log "dry run ended after $COLD_SECONDS s"
# CPU time (user + system, in clock ticks) of the app and of this database's backends, so that the
# report can say what the import costs independently of what else the machine is doing.
TICK=$(getconf CLK_TCK)
ticks_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
backend_ticks() { # prints "pid ticks" for every backend connected to $BENCH_DB
    local pid
    for pid in $(psql_bench -d postgres -Atc "select pid from pg_stat_activity where datname = '$BENCH_DB' and pid <> pg_backend_pid()"); do
        printf '%s %s\n' "$pid" "$(ticks_of "$pid")"
    done
}
APP_TICKS_BEFORE=$(ticks_of "$APP_PID")
backend_ticks >"$WORK/backends-before.txt"

log "measured run: validate and write"
RESULT=$(import_roster "dryRun=false")
read -r SECONDS_TAKEN JOB_ID JOB <<<"$RESULT"
APP_CPU=$(awk -v a="$(ticks_of "$APP_PID")" -v b="$APP_TICKS_BEFORE" -v t="$TICK" 'BEGIN { printf "%.1f", (a - b) / t }')
backend_ticks >"$WORK/backends-after.txt"
# Backends that appeared during the import started from zero.
DB_CPU=$(awk -v t="$TICK" 'NR == FNR { before[$1] = $2; next } { total += $2 - before[$1] } END { printf "%.1f", total / t }' \
    "$WORK/backends-before.txt" "$WORK/backends-after.txt")
log "import ended after $SECONDS_TAKEN s: $JOB"

WRITTEN=$(psql_bench -d "$BENCH_DB" -Atc "select count(*) from membership where union_id = $UNION_ID and status_reason = '花名册导入 (roster import #$JOB_ID)'")
EVENTS=$(psql_bench -d "$BENCH_DB" -Atc "select count(*) from membership_event where reason = '花名册导入 (roster import #$JOB_ID)'")
PERSONS=$(psql_bench -d "$BENCH_DB" -Atc "select count(*) from person")
[ "$WRITTEN" -eq "$ROWS" ] && [ "$EVENTS" -eq "$ROWS" ] && [ "$PERSONS" -eq "$ROWS" ] \
    || die "expected $ROWS memberships, history records and persons, found $WRITTEN, $EVENTS, $PERSONS"
SERVER=$(psql_bench -d "$BENCH_DB" -Atc "select round(extract(epoch from (finished_at - created_at))::numeric, 2) from roster_import where id = $JOB_ID")
COLD_SERVER=$(psql_bench -d "$BENCH_DB" -Atc "select round(extract(epoch from (finished_at - created_at))::numeric, 2) from roster_import where id = $COLD_ID")
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
stop_app
APP_PROBLEMS=$(grep -E '^[0-9-]+ [0-9:,.]+ +(ERROR|WARN) ' "$APP_LOG" || true)
# The worker's own account of each job: validation total and the write's steps.
JOB_LINES=$(grep -E 'Roster import [0-9]+(:| ended)' "$APP_LOG" | sed 's/^.*\] ([^)]*) //' || true)

STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$BENCH_DIR/results"
{
    echo "Gonghui roster import benchmark $(date -Iseconds) on $(hostname) ($(nproc) cores, load average before the run $LOAD_BEFORE)"
    echo "commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown); $("$JAVA" -version 2>&1 | head -n 1)"
    echo "roster: $ROWS rows, $BYTES bytes, UTF-8; union $UNION_ID"
    echo
    printf '%-34s %9s %12s %10s\n' run 'wall s' 'server s' 'rows/s'
    printf '%-34s %9s %12s %10s\n' "cold: dry run (validation only)" "$COLD_SECONDS" "$COLD_SERVER" \
        "$(awk -v r="$ROWS" -v s="$COLD_SECONDS" 'BEGIN { printf "%.0f", r / s }')"
    printf '%-34s %9s %12s %10s\n' "import: validated and written" "$SECONDS_TAKEN" "$SERVER" \
        "$(awk -v r="$ROWS" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%.0f", r / s }')"
    echo
    echo "wall: from the start of the upload to the poll that saw SUCCEEDED; server: roster_import.created_at to finished_at"
    echo "CPU of the import (upload to end, including the polls): app $APP_CPU s, database backends $DB_CPU s"
    printf '%s\n' "$JOB_LINES"
    echo "written: $WRITTEN memberships, $EVENTS history records, $PERSONS persons; app RSS after the run $((RSS_KB / 1024)) MiB (-Xmx1g)"
    if [ -n "$APP_PROBLEMS" ]; then
        echo "app log: $(grep -c . <<<"$APP_PROBLEMS") ERROR/WARN lines, the first ones:"
        head -n 5 <<<"$APP_PROBLEMS" | cut -c1-300
    else
        echo "app log: no ERROR or WARN lines"
    fi
} | tee "$BENCH_DIR/results/roster-$STAMP.txt"
