# shellcheck shell=bash
# stop_postmaster DATA_DIR: stop the PostgreSQL that runs on DATA_DIR, by the pid it recorded in
# DATA_DIR/postmaster.pid (first line) and only if that pid is a postgres process. Never matches
# by command line: another checkout's server, or any process naming the path, is left alone.
stop_postmaster() {
  local pidfile="$1/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile")
  if [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = "postgres" ]; then
    kill -INT "$pid" 2>/dev/null || true
  fi
}
