#!/usr/bin/env bash
# Copies the front-end libraries the site serves itself (no CDN) from node_modules into
# static_build/, which settings add to STATICFILES_DIRS. Run by bootstrap.sh after `npm ci`,
# and by the README's deployment steps before `collectstatic` (which needs the source map
# leaflet.js names: the manifest storage rewrites and checks every sourceMappingURL).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f node_modules/leaflet/dist/leaflet.js ]]; then
  echo "node_modules/leaflet is missing: run npm ci first" >&2
  exit 1
fi
dest=static_build/vendor/leaflet
mkdir -p "$dest"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map \
  node_modules/leaflet/dist/leaflet.css "$dest/"
cp node_modules/leaflet/LICENSE "$dest/LICENSE"
rm -rf "$dest/images"
cp -R node_modules/leaflet/dist/images "$dest/images"
