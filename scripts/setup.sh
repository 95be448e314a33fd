#!/usr/bin/env bash
# One-command set-up for a fresh machine: npm dependencies from the lock file, then the two system
# programs tinwatch drives — redis-server (embedded default when REDIS_URL is unset) and Debian's
# chromium (PlaywrightCrawler for sources with render: 'browser'; Playwright's own browser
# download does not work offline). System packages are installed only where missing and only
# where apt-get is available and we may use it (root or passwordless sudo); otherwise we say what
# to install and carry on, because the HTTP-only pipeline still works without a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
# The compiled JavaScript bin/tinwatch.js runs (npm's prepare step builds it too; incremental).
npm run build

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: redis-server and chromium already present"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      echo "setup: missing ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
      exit 0
    fi
  fi
  echo "setup: installing ${missing[*]} from Debian's packages"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: missing ${missing[*]}; install them with your package manager" >&2
  echo "       (macOS: brew install redis chromium; or: docker compose up -d redis)" >&2
fi
