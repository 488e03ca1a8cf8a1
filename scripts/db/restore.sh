#!/usr/bin/env bash
# Restore a backup made by backup.sh into a named database, after checking the file.
#
#   npm run db:restore -- --file backups/kitchen-20261201T230000Z.dump --target kitchen_restored
#   npm run db:restore -- --latest --target kitchen_restored
#   npm run db:restore -- --latest --target kitchen --replace     # drops and recreates kitchen
#
# Env: DATABASE_URL (or --url): any database on the server; used to create the target.
# BACKUP_DIR (./backups) for --latest. Refuses a target that already has tables unless --replace.
set -euo pipefail

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

url="${DATABASE_URL:-}"
dir="${BACKUP_DIR:-./backups}"
file=""
target=""
replace=false
latest=false
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="${2:?--url needs a value}"; shift 2 ;;
    --file) file="${2:?--file needs a value}"; shift 2 ;;
    --target) target="${2:?--target needs a value}"; shift 2 ;;
    --dir) dir="${2:?--dir needs a value}"; shift 2 ;;
    --latest) latest=true; shift ;;
    --replace) replace=true; shift ;;
    -h|--help) usage 0 ;;
    *) echo "restore: unknown argument $1" >&2; usage 2 ;;
  esac
done

fail() { echo "restore: $*" >&2; exit 1; }
[ -n "$url" ] || fail "no server: set DATABASE_URL or pass --url"
[[ "$url" =~ ^postgres(ql)?:// ]] || fail "the database URL must start with postgresql://"
[ -n "$target" ] || fail "--target <database name> is required"
[[ "$target" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || fail "--target must be a plain lower-case name (a-z, 0-9, _)"
for tool in psql pg_restore sha256sum node; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done

if $latest; then
  file=$(find "$dir" -maxdepth 1 -type f -name '*.dump' -printf '%f\n' | sort | tail -1)
  [ -n "$file" ] || fail "no backups in $dir"
  file="$dir/$file"
fi
[ -n "$file" ] || fail "--file <backup> or --latest is required"
[ -f "$file" ] || fail "$file does not exist"

# Checks before touching any database: checksum (when the .sha256 is there) and a readable dump.
if [ -f "$file.sha256" ]; then
  (cd "$(dirname "$file")" && sha256sum --check --status "$(basename "$file").sha256") ||
    fail "checksum mismatch: $file is not the file that was backed up"
  echo "restore: checksum ok"
else
  echo "restore: warning: no $file.sha256, checksum not verified" >&2
fi
tables=$(pg_restore --list "$file" | grep -c ' TABLE DATA ' || true)
[ "$tables" -gt 0 ] || fail "$file is not a pg_dump custom-format backup with table data"

# The same server and credentials, another database (URL rewriting left to a real URL parser).
target_url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$url" "$target")
admin=(psql "$url" -v ON_ERROR_STOP=1 -Atq)

exists=$("${admin[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$target'")
if [ "$exists" = "1" ]; then
  if $replace; then
    echo "restore: dropping existing database $target (--replace)"
    "${admin[@]}" -c "DROP DATABASE \"$target\" WITH (FORCE)"
  else
    count=$(psql "$target_url" -Atq -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    [ "$count" = "0" ] || fail "database $target already has $count tables; pick another name or pass --replace"
  fi
fi
# An existing, empty target is restored into as it is; otherwise it is (re)created.
if [ "$exists" != "1" ] || $replace; then "${admin[@]}" -c "CREATE DATABASE \"$target\""; fi

started=$SECONDS
# One transaction: a failed restore leaves an empty database, never half of one.
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target_url" "$file" ||
  fail "pg_restore failed; $target is left empty"

migrations=$(psql "$target_url" -Atq -c 'SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL' 2>/dev/null || echo "?")
echo "restore: $file → $target ($tables tables, $migrations migrations, $((SECONDS - started)) s)"
