#!/usr/bin/env bash
# Local single-node OpenSearch for the Wagtail search backends.
#
#   scripts/search_node.sh install [DIR]   download OpenSearch + modules with Maven into DIR
#   scripts/search_node.sh start   [DIR]   start a node on 127.0.0.1:$SEARCH_NODE_PORT (installs first if needed)
#   scripts/search_node.sh stop    [DIR]   stop it
#   scripts/search_node.sh status  [DIR]   print whether it is running
#
# DIR defaults to .cache/opensearch under the repository root.
# Environment:
#   SEARCH_NODE_PORT     HTTP port (default 9201)
#   OPENSEARCH_VERSION   default 2.19.6 (runs on Java 11-23); 3.x needs Java 21+
#   SEARCH_NODE_HEAP     max heap (default 512m; initial heap is 256m)
#   SEARCH_NODE_TIMEOUT  seconds to wait for the cluster to become healthy (default 120)
#   JAVA_HOME            used when it is a suitable JDK; otherwise one is picked from /usr/lib/jvm
#
# The node is the OpenSearch "integ-test-zip" distribution from Maven Central (no security
# plugin, plain HTTP) plus the analysis-common module (ngram/edge_ngram, asciifolding,
# stemmers), which that distribution lacks in 2.x.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=${OPENSEARCH_VERSION:-2.19.6}
PORT=${SEARCH_NODE_PORT:-9201}
HEAP=${SEARCH_NODE_HEAP:-512m}
TIMEOUT=${SEARCH_NODE_TIMEOUT:-120}
RUN_USER=opensearch
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

log() { printf '==> %s\n' "$*"; }
die() {
  printf 'search_node: %s\n' "$*" >&2
  exit 1
}

resolve_dir() {
  local dir=${1:-$ROOT/.cache/opensearch}
  mkdir -p "$dir"
  (cd "$dir" && pwd)
}

home_of() { printf '%s/opensearch-%s\n' "$1" "$VERSION"; }

# Java major version of a JDK home, or nothing.
java_major() {
  local spec
  [[ -x "$1/bin/java" ]] || return 0
  spec=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p') || return 0
  spec=${spec#1.}
  printf '%s\n' "${spec%%.*}"
}

java_ok() {
  local major
  major=$(java_major "$1")
  [[ -n "$major" ]] || return 1
  if [[ "${VERSION%%.*}" -ge 3 ]]; then
    ((major >= 21))
  else
    # 2.x relies on the Java security manager, which JDK 24 removed.
    ((major >= 11 && major <= 23))
  fi
}

find_java() {
  local candidate java_bin
  local -a candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if java_bin=$(command -v java 2>/dev/null); then
    java_bin=$(readlink -f "$java_bin")
    candidates+=("${java_bin%/bin/java}")
  fi
  for candidate in /usr/lib/jvm/*; do
    [[ -L "$candidate" ]] || candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    if java_ok "$candidate"; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  die "no suitable JDK for OpenSearch $VERSION (2.x: Java 11-23, 3.x: Java 21+); set JAVA_HOME"
}

mvn_copy() {
  # $1 = groupId:artifactId:version:packaging, $2 = output directory
  local out
  command -v mvn >/dev/null || die "mvn is required to download OpenSearch"
  if ! out=$(mvn -q -B -Dstyle.color=never "$DEP_PLUGIN:copy" -Dartifact="$1" \
    -DoutputDirectory="$2" -Dmdep.overWriteIfNewer=true 2>&1); then
    printf '%s\n' "$out" >&2
    die "Maven could not download $1"
  fi
}

do_install() {
  local dir=$1 home downloads module zip jar
  home=$(home_of "$dir")
  if [[ -f "$home/.installed" ]]; then
    log "OpenSearch $VERSION already installed in $home"
    return 0
  fi
  command -v unzip >/dev/null || die "unzip is required"
  downloads="$dir/downloads"
  mkdir -p "$downloads"

  zip="$downloads/opensearch-$VERSION.zip"
  if [[ ! -s "$zip" ]]; then
    log "Downloading org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip"
    mvn_copy "org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip" "$downloads"
  fi
  log "Unpacking into $home"
  rm -rf "$home"
  unzip -q "$zip" -d "$dir"
  [[ -x "$home/bin/opensearch" ]] || die "unexpected archive layout in $zip"

  module="$home/modules/analysis-common"
  if [[ ! -f "$module/plugin-descriptor.properties" ]]; then
    jar="$downloads/analysis-common-$VERSION.jar"
    if [[ ! -s "$jar" ]]; then
      log "Downloading org.opensearch.plugin:analysis-common:$VERSION:jar"
      mvn_copy "org.opensearch.plugin:analysis-common:$VERSION:jar" "$downloads"
    fi
    log "Adding the analysis-common module"
    mkdir -p "$module"
    cp "$jar" "$module/"
    # The published jar carries no descriptor. extended.plugins is left empty: the only
    # thing lang-painless would add is the painless whitelist for analysis scripts.
    cat >"$module/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
  fi
  touch "$home/.installed"
  rm -f "$zip" # a copy stays in the local Maven repository
  log "Installed OpenSearch $VERSION in $home"
}

pid_file() { printf '%s/opensearch.pid\n' "$1"; }

running_pid() {
  local pidf pid
  pidf=$(pid_file "$1")
  [[ -s "$pidf" ]] || return 1
  pid=$(<"$pidf")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  printf '%s\n' "$pid"
}

health() {
  curl -fsS --max-time 5 "http://127.0.0.1:$PORT/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null
}

do_start() {
  local dir=$1 home java_home pid data logs tmp started elapsed status
  local -a cmd
  if pid=$(running_pid "$dir"); then
    log "OpenSearch already running (pid $pid) at http://127.0.0.1:$PORT"
    return 0
  fi
  command -v curl >/dev/null || die "curl is required"
  do_install "$dir"
  home=$(home_of "$dir")
  java_home=$(find_java)
  if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/" >/dev/null 2>&1; then
    die "port $PORT is already in use by another HTTP server"
  fi

  data="$dir/data/$VERSION"
  logs="$dir/logs"
  tmp="$dir/tmp"
  mkdir -p "$data" "$logs" "$tmp"
  rm -f "$(pid_file "$dir")"

  cmd=(env
    "JAVA_HOME=$java_home"
    "OPENSEARCH_JAVA_OPTS=-Xms256m -Xmx$HEAP"
    "OPENSEARCH_TMPDIR=$tmp"
    "$home/bin/opensearch" -d -p "$(pid_file "$dir")"
    -Ecluster.name=wagtail-search
    -Enode.name=search-node
    -Ediscovery.type=single-node
    -Enetwork.host=127.0.0.1
    -Ehttp.port="$PORT"
    -Etransport.port=9300-9400
    -Epath.data="$data"
    -Epath.logs="$logs"
    -Ecluster.routing.allocation.disk.threshold_enabled=false
    -Eaction.destructive_requires_name=false)

  if [[ $(id -u) -eq 0 ]]; then
    # OpenSearch refuses to run as root.
    if ! id -u "$RUN_USER" >/dev/null 2>&1; then
      log "Creating system user $RUN_USER"
      useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
    fi
    chown -R "$RUN_USER:" "$dir"
    cmd=(runuser -u "$RUN_USER" -- "${cmd[@]}")
  fi

  log "Starting OpenSearch $VERSION (Java $(java_major "$java_home") from $java_home) on 127.0.0.1:$PORT"
  started=$SECONDS
  # The daemon keeps its stdout/stderr open: send them to a file, never to the caller's pipe.
  (cd "$home" && "${cmd[@]}") >"$logs/console.log" 2>&1 </dev/null ||
    die "OpenSearch failed to start; see $logs/console.log"

  while true; do
    if status=$(health); then
      break
    fi
    elapsed=$((SECONDS - started))
    if ((elapsed >= TIMEOUT)); then
      tail -n 30 "$logs/wagtail-search.log" 2>/dev/null >&2 || tail -n 30 "$logs/console.log" >&2
      do_stop "$dir" >/dev/null 2>&1 || true
      die "OpenSearch did not become healthy within ${TIMEOUT}s"
    fi
    if ! running_pid "$dir" >/dev/null && ((elapsed > 10)); then
      tail -n 30 "$logs/console.log" >&2
      tail -n 30 "$logs/wagtail-search.log" 2>/dev/null >&2 || true
      die "OpenSearch exited during start-up; logs are in $logs"
    fi
    sleep 1
  done
  status=$(printf '%s' "$status" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
  log "OpenSearch is up ($status) after $((SECONDS - started))s, pid $(running_pid "$dir" || echo '?')"
  echo "http://127.0.0.1:$PORT"
}

do_stop() {
  local dir=$1 pid i
  if ! pid=$(running_pid "$dir"); then
    log "OpenSearch is not running"
    rm -f "$(pid_file "$dir")"
    return 0
  fi
  log "Stopping OpenSearch (pid $pid)"
  kill "$pid"
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "Still running after 60s, killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$dir")"
  log "Stopped"
}

do_status() {
  local dir=$1 pid
  if pid=$(running_pid "$dir"); then
    echo "running (pid $pid) at http://127.0.0.1:$PORT"
  else
    echo "not running"
    return 1
  fi
}

main() {
  local action=${1:-}
  [[ $# -gt 0 ]] && shift
  case "$action" in
    install) do_install "$(resolve_dir "${1:-}")" ;;
    start) do_start "$(resolve_dir "${1:-}")" ;;
    stop) do_stop "$(resolve_dir "${1:-}")" ;;
    status) do_status "$(resolve_dir "${1:-}")" ;;
    -h | --help | help) usage 0 ;;
    *) usage 2 >&2 ;;
  esac
}

main "$@"
