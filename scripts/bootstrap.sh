#!/usr/bin/env bash
# Prepares a fresh machine to run the site and its tests. Idempotent and quiet when
# everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
need_apt=()
command -v msgfmt >/dev/null || need_apt+=(gettext)
# Redis, Varnish and wrk for the tests (rate limits, deployment, the site benchmark; they
# start their own): not needed to run the demo site.
if [[ "${SKIP_BROWSER:-}" != "1" ]]; then
  command -v redis-server >/dev/null || need_apt+=(redis-server)
  command -v varnishd >/dev/null || [[ -x /usr/sbin/varnishd ]] || need_apt+=(varnish)
  command -v wrk >/dev/null || need_apt+=(wrk)
fi
if [[ "${SKIP_BROWSER:-}" != "1" ]] && ! command -v chromium >/dev/null && [[ -z "${CHROMIUM_PATH:-}" ]]; then
  need_apt+=(chromium fonts-noto-core)
fi
if ((${#need_apt[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "==> Installing system packages: ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "Missing system packages: ${need_apt[*]} (install them with apt-get, or run as root)" >&2
    exit 1
  fi
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "==> Creating virtualenv in $VENV"
  python3 -m venv "$VENV"
fi
stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [[ ! -f "$stamp" ]]; then
  echo "==> Installing Python dependencies"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q ".[test]"
  touch "$stamp"
fi

lock_stamp="node_modules/.installed-$(sha1sum package-lock.json | cut -c1-12)"
if [[ ! -f "$lock_stamp" ]]; then
  echo "==> Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$lock_stamp"
fi
if [[ -f scripts/build_assets.sh ]]; then
  bash scripts/build_assets.sh
fi

echo "==> Compiling translations"
"$VENV/bin/python" manage.py compilemessages --ignore="$VENV" --ignore=node_modules -v0
