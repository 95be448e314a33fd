#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: `docker compose config` (plugin) or
# `docker-compose config` (Debian's docker-compose package, installed here when missing and apt
# is usable). Used by CI; the compose file is otherwise only exercised where an engine runs.
set -euo pipefail
cd "$(dirname "$0")/.."
if docker compose version >/dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q
elif command -v docker-compose >/dev/null 2>&1; then
  docker-compose -f docker-compose.yml config -q
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
  docker-compose -f docker-compose.yml config -q
else
  echo "validate-compose: no docker compose available; skipping" >&2
  exit 0
fi
echo "docker-compose.yml: valid"
