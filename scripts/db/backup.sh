#!/usr/bin/env bash
# Back up the app's database: pg_dump custom format, a timestamped file, a sha256 beside it,
# verified readable, older backups pruned to a retention count. docs/runbook.md, docs/adr/0040.
#
#   npm run db:backup                      # DATABASE_URL → ./backups, keep 14
#   npm run db:backup -- --dir /srv/backups --keep 30 --url postgresql://…/kitchen
#
# Env: DATABASE_URL (or --url), BACKUP_DIR (./backups), BACKUP_KEEP (14), BACKUP_PREFIX (kitchen).
# pg_dump must be the server's major version or newer.
set -euo pipefail

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

url="${DATABASE_URL:-}"
dir="${BACKUP_DIR:-./backups}"
keep="${BACKUP_KEEP:-14}"
prefix="${BACKUP_PREFIX:-kitchen}"
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="${2:?--url needs a value}"; shift 2 ;;
    --dir) dir="${2:?--dir needs a value}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a value}"; shift 2 ;;
    --prefix) prefix="${2:?--prefix needs a value}"; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "backup: unknown argument $1" >&2; usage 2 ;;
  esac
done

fail() { echo "backup: $*" >&2; exit 1; }
[ -n "$url" ] || fail "no database: set DATABASE_URL or pass --url"
[[ "$url" =~ ^postgres(ql)?:// ]] || fail "the database URL must start with postgresql://"
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || fail "--keep must be a positive number (got '$keep')"
[[ "$prefix" =~ ^[A-Za-z0-9_-]+$ ]] || fail "--prefix may hold letters, digits, - and _ only"
for tool in pg_dump pg_restore sha256sum; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$dir/$prefix-$stamp.dump"
# Two backups in the same second must not overwrite each other.
n=1
while [ -e "$file" ]; do file="$dir/$prefix-$stamp-$n.dump"; n=$((n + 1)); done
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

started=$SECONDS
# Custom format: compressed, restorable table by table. No owners or grants, so the dump
# restores under whichever role runs the restore.
pg_dump --format=custom --no-owner --no-privileges --file="$partial" "$url" || fail "pg_dump failed"
# A dump pg_restore cannot list is no backup.
tables=$(pg_restore --list "$partial" | grep -c ' TABLE DATA ' || true)
[ "$tables" -gt 0 ] || fail "the dump has no table data; not keeping it"
mv "$partial" "$file"
trap - EXIT
(cd "$(dirname "$file")" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")

size=$(wc -c < "$file" | tr -d ' ')
echo "backup: $file ($size bytes, $tables tables, $((SECONDS - started)) s)"

# Retention: the newest $keep backups of this prefix stay (names sort by time).
mapfile -t all < <(find "$dir" -maxdepth 1 -type f -name "$prefix-*.dump" -printf '%f\n' | sort)
excess=$((${#all[@]} - keep))
for ((i = 0; i < excess; i++)); do
  rm -f "$dir/${all[$i]}" "$dir/${all[$i]}.sha256"
  echo "backup: pruned ${all[$i]}"
done
