#!/usr/bin/env bash
# Cost of the statistics upkeep on joins, measured at the database with pgbench.
#
# Usage: bench/join_cost.sh [--help]        (standalone on a loaded bench database, or PHASES=joincost bench/run.sh)
#
# The target (issue): "with 32 concurrent joiners into the same grassroots union, a join costs at most
# 2 ms more at p99 than without statistics upkeep, and no deadlock occurs."
#
# A join is what the API does for an application that an official approves, in SQL, as two transactions
# per pgbench script (bench/join_cost.sql; MembershipWorkflows.apply, then approve and
# MemberService.setStatus): look the person up by ID hash, insert the person, the PENDING membership
# (courier, new employment form, migrant worker: the most ledger metrics a member touches), its first
# history record and an audit record; then read the membership, take a card number from member_card_seq,
# update it to ACTIVE with the card and joined_on, insert the history record and the audit record.
# Unique ID hashes come from a sequence (bench_join_seq, created here and dropped at the end).
# Every client joins the same grassroots union (UNION_ID, default the grassroots union with the most members).
#
# Modes, each run JOIN_SECONDS long, after a JOIN_WARMUP run:
#   (a) without statistics upkeep: membership's trigger membership_tally disabled, no fold;
#   (b) with it: the trigger enabled (each join writes 3 ledger rows and 3 pending rows) while one session
#       calls select gonghui_stat_fold(FOLD_BATCH) every FOLD_INTERVAL seconds (psql \watch), as the app's
#       fold job does; the rows still pending when (b) ends are folded after it (the drain time is reported).
# Loads, each JOIN_ROUNDS times (a) then (b):
#   saturated: the 32 clients join as fast as they can (closed loop). On a small machine this measures
#       throughput: with every client always busy, latency = clients / throughput, so any extra CPU per join
#       shows as queueing (32 x the extra service time), not as the cost of one join;
#   paced: the 32 clients together start JOIN_RATE joins per second (pgbench -R, Poisson arrivals; latency
#       counted from the scheduled start, so waiting for a free client counts too). Default: half the
#       saturated throughput of (b), so that neither mode saturates and the difference is the upkeep's.
# p50/p99 come from pgbench's per-transaction logs (-l: one line per script, latency in microseconds), per
# run and pooled per load and mode. Deadlocks and errors: pgbench's failed transactions and aborted clients, and the
# PostgreSQL log lines written meanwhile (PG_LOG) containing "deadlock" or, for this database, ERROR.
# The trigger is enabled again on exit, also on failure. Unless JOIN_KEEP=1, the rows the run inserted are
# deleted at the end with the trigger disabled and the ledger rows the run wrote are cancelled (written
# again with the opposite sign, then folded), so the statistics are as before the run, monthly new-member
# figures included; then the touched tables are vacuumed.
#
# Connect as a superuser (ALTER TABLE ... DISABLE TRIGGER); nothing else may hold locks on membership
# while the trigger is switched (stop the app first, as bench/run.sh does).
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1]  PGPORT [5432]  user postgres, trust auth
#   BENCH_DB [gonghui_bench]       a database loaded by bench/run.sh (never real data: rows are inserted)
#   UNION_ID                       the grassroots union to join (default: the one with the most members)
#   JOIN_CLIENTS [32]  JOIN_THREADS [2]  JOIN_SECONDS [30]  JOIN_WARMUP [10]  JOIN_ROUNDS [2]
#   JOIN_RATE [half of (b)'s saturated throughput]   joins/s of the paced runs; 0 skips them
#   FOLD_INTERVAL [1]  FOLD_BATCH [20000]   as the app (gonghui.statistics.fold-every, fold-batch)
#   JOIN_KEEP [0]                  1: keep the inserted members
#   PG_LOG [/var/log/postgresql/postgresql-15-main.log]   server log to search for deadlocks and errors
#   JOIN_REPORT                    file to append the report to (it is printed on stdout too)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
BENCH_DB="${BENCH_DB:-gonghui_bench}"
UNION_ID="${UNION_ID:-}"
JOIN_CLIENTS="${JOIN_CLIENTS:-32}"
JOIN_THREADS="${JOIN_THREADS:-2}"
JOIN_SECONDS="${JOIN_SECONDS:-30}"
JOIN_WARMUP="${JOIN_WARMUP:-10}"
JOIN_ROUNDS="${JOIN_ROUNDS:-2}"
JOIN_RATE="${JOIN_RATE:-}"
FOLD_INTERVAL="${FOLD_INTERVAL:-1}"
FOLD_BATCH="${FOLD_BATCH:-20000}"
JOIN_KEEP="${JOIN_KEEP:-0}"
PG_LOG="${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}"
JOIN_REPORT="${JOIN_REPORT:-}"

case "${1:-}" in
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    "") ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
esac

log() { printf '[join-cost %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -U postgres -d "$BENCH_DB" "$@"; }

command -v pgbench >/dev/null || die "pgbench is required (apt-get install -y postgresql-client-15 or postgresql-contrib)"
sql -Atc 'select 1' >/dev/null || die "cannot connect to $BENCH_DB at $PGHOST:$PGPORT as postgres"
[ "$(sql -Atc "select count(*) from pg_trigger where tgname = 'membership_tally' and tgrelid = 'membership'::regclass")" = 1 ] \
    || die "$BENCH_DB has no membership_tally trigger (schema V8 or later expected)"

if [ -z "$UNION_ID" ]; then
    UNION_ID=$(sql -Atc "
        select m.union_id from membership m join trade_union u on u.id = m.union_id
         where u.level = 'GRASSROOTS' and u.status = 'ACTIVE' group by 1 order by count(*) desc, 1 limit 1")
fi
IFS='|' read -r UNION_LEVEL UNION_STATUS UNION_DEPTH UNION_MEMBERS < <(sql -Atc "
    select level, status, cardinality(string_to_array(trim(both '/' from path), '/')),
           (select count(*) from membership where union_id = u.id) from trade_union u where id = ${UNION_ID:-0}")
[ "${UNION_LEVEL:-}" = GRASSROOTS ] && [ "$UNION_STATUS" = ACTIVE ] || die "union ${UNION_ID:-?} is not an ACTIVE grassroots union"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gonghui-join-cost.XXXXXX")
FOLD_PID=""
FOLD_APP="join-cost-fold-$$"
stop_fold_loop() { # stops the fold session and waits until its last fold, if one was running, has committed
    [ -n "$FOLD_PID" ] || return 0
    kill "$FOLD_PID" 2>/dev/null || true
    wait "$FOLD_PID" 2>/dev/null || true
    FOLD_PID=""
    while [ "$(sql -Atc "select count(*) from pg_stat_activity where application_name = '$FOLD_APP' and state <> 'idle'")" -gt 0 ]; do
        sleep 0.2
    done
}
cleanup() {
    local status=$?
    stop_fold_loop
    sql -c 'alter table membership enable trigger membership_tally' >/dev/null 2>&1 \
        || log "WARNING: could not enable membership_tally again: run 'alter table membership enable trigger membership_tally' on $BENCH_DB"
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

trigger() { sql -c "alter table membership $1 trigger membership_tally" >/dev/null; } # enable|disable
pending() { sql -Atc 'select count(*) from stat_pending'; }
drain() { # folds until nothing is pending; prints the seconds it took
    local start n
    start=$(date +%s%N)
    while :; do
        n=$(sql -Atc 'select gonghui_stat_fold(100000)')
        [ "$n" -gt 0 ] || break
    done
    awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }'
}
# The app's fold job, imitated: one session folding up to FOLD_BATCH rows, then waiting FOLD_INTERVAL
# seconds (psql \watch); psql prints each fold's row count and time, in pairs of lines.
start_fold_loop() { # output-file
    printf '\\timing on\nselect gonghui_stat_fold(%d)\n\\watch %s\n' "$FOLD_BATCH" "$FOLD_INTERVAL" \
        | PGAPPNAME="$FOLD_APP" stdbuf -oL psql -X -At -U postgres -d "$BENCH_DB" >>"$1" 2>&1 &
    FOLD_PID=$!
}

sql -c 'create sequence if not exists bench_join_seq'
# Anything pending from before (e.g. the app's last seconds) is folded first.
log "folding what was pending before the run ($(pending) ledger rows): $(drain) s"
LOG_OFFSET=$( [ -r "$PG_LOG" ] && stat -c %s "$PG_LOG" || echo "")
# The ledger rows written from here on in the joined union are this run's (the app is stopped): the
# clean-up below cancels them.
LEDGER_MARK=$(sql -Atc 'select coalesce(max(id), 0) from stat_change')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# pgbench: one script = one join (two transactions). --failures-detailed splits failures into
# serialization and deadlock failures (a failed transaction is counted and the client goes on).
run_pgbench() { # label mode(1=a, 2=b) seconds [rate]
    local out="$WORK/$1.out" status=0 rate=()
    [ -z "${4:-}" ] || rate=(-R "$4")
    pgbench -n -M prepared -c "$JOIN_CLIENTS" -j "$JOIN_THREADS" -T "$3" "${rate[@]}" -P 10 --failures-detailed \
        -l --log-prefix="$WORK/$1.log" -D union="$UNION_ID" -D mode="$2" -f "$BENCH_DIR/join_cost.sql" \
        -U postgres "$BENCH_DB" >"$out" 2>&1 || status=$?
    cat "$out" >>"$WORK/pgbench-output.txt"
    [ "$status" -eq 0 ] || { tail -n 30 "$out" >&2; die "pgbench failed ($1, exit $status): aborted clients or errors above"; }
}
# Latencies (µs, third field of pgbench's per-transaction log) -> "n p50_ms p99_ms mean_ms max_ms"
latencies() { # log-file-prefix...
    local f files=()
    for f in "$@"; do files+=("$f".*); done
    awk '{ print $3 }' "${files[@]}" | sort -n | awk '{ v[NR] = $1; s += $1 } END {
        if (NR == 0) { print "0 - - - -"; exit }
        i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999)
        printf "%d %.2f %.2f %.2f %.1f\n", NR, v[i50] / 1000, v[i99] / 1000, s / NR / 1000, v[NR] / 1000 }'
}
failed() { sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/$1.out"; }
deadlocks() { sed -n 's/^number of deadlock failures: \([0-9]*\).*/\1/p' "$WORK/$1.out"; }

log "union $UNION_ID (depth $UNION_DEPTH, $UNION_MEMBERS members), $JOIN_CLIENTS clients, $JOIN_ROUNDS rounds of ${JOIN_SECONDS}s per mode," \
    "fold of $FOLD_BATCH every ${FOLD_INTERVAL}s in (b); load average $LOAD_BEFORE"
log "warm-up ${JOIN_WARMUP}s (trigger enabled)"
trigger enable
run_pgbench warmup 2 "$JOIN_WARMUP"
log "warm-up: folded in $(drain) s"

declare -A RESULT
FOLD_LOG="$WORK/folds.txt"
: >"$FOLD_LOG"
run_mode() { # load(saturated|paced) round mode(a|b) [rate]
    local label="$1-$2$3" backlog drained
    if [ "$3" = a ]; then
        log "$1 round $2 (a): statistics trigger disabled, no fold, ${JOIN_SECONDS}s${4:+ at $4 joins/s}"
        trigger disable
        run_pgbench "$label" 1 "$JOIN_SECONDS" "${4:-}"
        trigger enable
        RESULT[$label]="$(latencies "$WORK/$label.log") $(failed "$label") $(deadlocks "$label") - -"
    else
        log "$1 round $2 (b): statistics trigger enabled, fold every ${FOLD_INTERVAL}s, ${JOIN_SECONDS}s${4:+ at $4 joins/s}"
        start_fold_loop "$FOLD_LOG"
        run_pgbench "$label" 2 "$JOIN_SECONDS" "${4:-}"
        stop_fold_loop
        backlog=$(pending)
        drained=$(drain)
        RESULT[$label]="$(latencies "$WORK/$label.log") $(failed "$label") $(deadlocks "$label") $backlog $drained"
    fi
    log "$label: n p50 p99 mean max failed deadlocks pending-after drain-s = ${RESULT[$label]}"
}
LOADS=(saturated)
for round in $(seq 1 "$JOIN_ROUNDS"); do
    run_mode saturated "$round" a
    run_mode saturated "$round" b
done
B_SATURATED=$(latencies $(for round in $(seq 1 "$JOIN_ROUNDS"); do printf '%s ' "$WORK/saturated-${round}b.log"; done) | cut -d' ' -f1)
if [ -z "$JOIN_RATE" ]; then
    JOIN_RATE=$(( B_SATURATED / (JOIN_SECONDS * JOIN_ROUNDS) / 2 / 10 * 10 ))
    [ "$JOIN_RATE" -ge 10 ] || JOIN_RATE=10
fi
if [ "$JOIN_RATE" -gt 0 ]; then
    LOADS+=(paced)
    for round in $(seq 1 "$JOIN_ROUNDS"); do
        run_mode paced "$round" a "$JOIN_RATE"
        run_mode paced "$round" b "$JOIN_RATE"
    done
fi
pooled() { # load mode
    latencies $(for round in $(seq 1 "$JOIN_ROUNDS"); do printf '%s ' "$WORK/$1-$round$2.log"; done)
}
# psql \watch output: the row count and "Time: x ms" of each fold, on alternate lines.
FOLDS=$(awk -v batch="$FOLD_BATCH" '/^[0-9]+$/ { rows = $1; next } /^Time: / { n++; total += rows; ms += $2; if ($2 > max) max = $2; if (rows >= batch) full++ }
    /ERROR/ { err++ }
    END { printf "%d folds, %d ledger rows, mean %.0f ms, max %.0f ms, %d at the batch limit, %d errors", n, total, (n ? ms / n : 0), max, full, err }' "$FOLD_LOG")

# Deadlocks and errors in the server log since the start (any database for deadlocks, this one for ERROR).
if [ -n "$LOG_OFFSET" ]; then
    tail -c +$((LOG_OFFSET + 1)) "$PG_LOG" >"$WORK/pg.log"
    PG_DEADLOCKS=$(grep -ci 'deadlock' "$WORK/pg.log" || true)
    PG_ERRORS=$(grep -c "@$BENCH_DB ERROR" "$WORK/pg.log" || true)
    PG_LOG_NOTE="PostgreSQL log ($PG_LOG) during the run: $PG_DEADLOCKS lines mentioning deadlock, $PG_ERRORS ERROR lines for $BENCH_DB"
else
    PG_LOG_NOTE="PostgreSQL log $PG_LOG not readable: only pgbench's own failure counts were checked"
    PG_DEADLOCKS=""
fi
FAILED_ALL=$(cat "$WORK"/*.out | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
DEADLOCK_ALL=$(cat "$WORK"/*.out | sed -n 's/^number of deadlock failures: \([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')

REPORT=$(
    echo "join cost (bench/join_cost.sh; pgbench $(pgbench --version | awk '{ print $3 }'), database $BENCH_DB, load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg)):"
    echo "  $JOIN_CLIENTS clients (-j$JOIN_THREADS, -M prepared) joining grassroots union $UNION_ID (depth $UNION_DEPTH: the fold adds to $UNION_DEPTH unions; $UNION_MEMBERS members before);"
    echo "  one join = apply + approve, two transactions (bench/join_cost.sql); per load $JOIN_ROUNDS rounds of ${JOIN_SECONDS}s per mode, (a) and (b) alternating;"
    echo "  (a) statistics trigger disabled, no fold; (b) trigger enabled and gonghui_stat_fold($FOLD_BATCH) every ${FOLD_INTERVAL}s"
    printf '  %-26s %8s %9s %8s %8s %8s %9s %7s %9s %9s\n' run joins 'joins/s' 'p50 ms' 'p99 ms' 'mean ms' 'max ms' failed deadlock 'pending'
    for load in "${LOADS[@]}"; do
        for round in $(seq 1 "$JOIN_ROUNDS"); do
            for mode in a b; do
                read -r n p50 p99 mean max fails dls backlog drained <<<"${RESULT[$load-$round$mode]}"
                printf '  %-26s %8s %9.0f %8s %8s %8s %9s %7s %9s %9s\n' "$load$( [ "$load" = paced ] && printf ' %s/s' "$JOIN_RATE") r$round ($mode)" \
                    "$n" "$(awk -v n="$n" -v s="$JOIN_SECONDS" 'BEGIN { print n / s }')" "$p50" "$p99" "$mean" "$max" "${fails:-?}" "${dls:-?}" \
                    "$( [ "$mode" = b ] && printf '%s' "$backlog" || printf -- '-')"
            done
        done
    done
    for load in "${LOADS[@]}"; do
        read -r an a50 a99 amean amax < <(pooled "$load" a)
        read -r bn b50 b99 bmean bmax < <(pooled "$load" b)
        awk -v what="$load$( [ "$load" = paced ] && printf ' at %s joins/s' "$JOIN_RATE")" -v a50="$a50" -v b50="$b50" -v a99="$a99" -v b99="$b99" \
            -v am="$amean" -v bm="$bmean" -v an="$an" -v bn="$bn" -v s="$((JOIN_SECONDS * JOIN_ROUNDS))" 'BEGIN {
            printf "  %s, pooled: (a) p50 %.2f p99 %.2f ms, (b) p50 %.2f p99 %.2f ms: upkeep %+.2f ms at p50, %+.2f ms at p99, %+.2f ms mean (target at most +2 ms at p99: %s); %.0f -> %.0f joins/s\n",
                what, a50, a99, b50, b99, b50 - a50, b99 - a99, bm - am, (b99 - a99 <= 2 ? "met" : "MISSED"), an / s, bn / s }'
    done
    echo "  fold session in (b): $FOLDS; drain after each (b): $(for load in "${LOADS[@]}"; do for round in $(seq 1 "$JOIN_ROUNDS"); do read -r _ _ _ _ _ _ _ backlog drained <<<"${RESULT[$load-${round}b]}"; printf '%s rows in %s s; ' "$backlog" "$drained"; done; done)"
    echo "  deadlocks: pgbench counted $DEADLOCK_ALL deadlock failures and $FAILED_ALL failed transactions in all runs; $PG_LOG_NOTE"
)

# Remove what the run inserted, with the trigger disabled, and cancel the ledger rows (b) and the
# warm-up wrote: each is written again with the opposite sign (the metrics are linear in n), then folded.
# A deletion with the trigger enabled would not do: it takes the members away but keeps their joins in
# the monthly new-member figures (a deletion is no withdrawal). So union_stat equals a recount again,
# monthly figures included, and the statistics as of any past day are unchanged.
if [ "$JOIN_KEEP" != 1 ]; then
    INSERTED=$(sql -Atc "select count(*) from membership where employer_name = 'bench-join-cost'")
    log "deleting the $INSERTED inserted members and cancelling their ledger rows (JOIN_KEEP=1 keeps them)"
    START=$(date +%s%N)
    sql -v mark="$LEDGER_MARK" -v union="$UNION_ID" <<'SQL'
begin;
delete from audit_event where actor_subject = 'bench-join-cost';
delete from membership_event where actor_subject = 'bench-join-cost';
alter table membership disable trigger membership_tally;
delete from membership where employer_name = 'bench-join-cost';
alter table membership enable trigger membership_tally;
delete from person where id_key = 'bench-join-cost';
with c as (
    insert into stat_change (union_id, subject, n, status, level, kind, key_groups, new_form, migrant, event, event_month, amount_fen)
    select union_id, subject, -n, status, level, kind, key_groups, new_form, migrant, event, event_month, amount_fen
      from stat_change where id > :mark and union_id = :union and subject = 'MEMBER'
    returning union_id, id)
insert into stat_pending (union_id, change_id) select union_id, id from c;
commit;
drop sequence if exists bench_join_seq;
SQL
    log "deleted in $(awk -v ns=$(( $(date +%s%N) - START )) 'BEGIN { printf "%.1f", ns / 1e9 }') s; folded in $(drain) s; vacuuming"
    sql -c 'vacuum analyze membership' -c 'vacuum analyze person' -c 'vacuum analyze membership_event' -c 'vacuum analyze audit_event' \
        -c 'vacuum analyze stat_change' -c 'vacuum analyze stat_pending' -c 'vacuum analyze union_stat'
    REPORT+=$'\n'"  the $INSERTED inserted members were deleted afterwards and their ledger rows cancelled (statistics as before the run) and the tables vacuumed"
else
    REPORT+=$'\n'"  the inserted members were kept (JOIN_KEEP=1)"
fi

printf '%s\n' "$REPORT"
if [ -n "$JOIN_REPORT" ]; then
    { printf '%s\n' "$REPORT"; echo; echo "--- pgbench output (join cost)"; cat "$WORK/pgbench-output.txt"; } >>"$JOIN_REPORT"
fi
