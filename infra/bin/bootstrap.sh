# shellcheck shell=bash
# Shared first-run setup, sourced by infra/bin/pasar: checks Node, installs pnpm 10 locally into
# .pasar/tools, installs the workspace dependencies and provisions the local engines (Kafka jars,
# FerretDB, stripe-mock) into .pasar/. Every step is idempotent and quick when already done.

PASAR_ROOT="${PASAR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
PASAR_HOME="${PASAR_HOME:-$PASAR_ROOT/.pasar}"
mkdir -p "$PASAR_HOME"
PASAR_HOME="$(cd "$PASAR_HOME" && pwd)"
export PASAR_ROOT PASAR_HOME
# No telemetry from our tools (turbo otherwise prints its notice on every run of an offline machine).
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PASAR_PNPM_VERSION="10.34.9"
PASAR_NODE_MIN_MAJOR=20

pasar_log() { printf '[pasar] %s\n' "$*"; }
pasar_die() {
  printf '[pasar] error: %s\n' "$*" >&2
  exit 1
}

pasar_check_node() {
  command -v node >/dev/null 2>&1 ||
    pasar_die "node is not on PATH. Install Node.js 20 LTS (20.19 or newer): https://nodejs.org/en/download (or \`nvm install 20\`)."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if ((major < PASAR_NODE_MIN_MAJOR)); then
    pasar_die "Node.js $(node -v) is too old: Pasar needs Node.js >= ${PASAR_NODE_MIN_MAJOR} (20.19+ recommended). Install it from https://nodejs.org/en/download (or \`nvm install 20\`)."
  fi
}

pasar_ensure_pnpm() {
  local tools="$PASAR_HOME/tools"
  if [[ ! -x "$tools/node_modules/.bin/pnpm" ]]; then
    command -v npm >/dev/null 2>&1 || pasar_die "npm is not on PATH (it ships with Node.js); it is needed once to install pnpm."
    pasar_log "installing pnpm ${PASAR_PNPM_VERSION} into ${tools}"
    mkdir -p "$tools"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$tools" "pnpm@${PASAR_PNPM_VERSION}" ||
      pasar_die "could not install pnpm with npm (is the npm registry reachable?)"
  fi
  export PATH="$tools/node_modules/.bin:$PATH"
}

pasar_install_deps() {
  pasar_log "installing workspace dependencies (pnpm install --frozen-lockfile)"
  (cd "$PASAR_ROOT" && pnpm install --frozen-lockfile) || pasar_die "pnpm install failed (see above)"
}

pasar_provision() {
  pasar_log "provisioning the local engines (Kafka, FerretDB, stripe-mock) into ${PASAR_HOME}"
  (cd "$PASAR_ROOT" && pnpm exec tsx infra/stack/src/cli.ts provision) || pasar_die "provisioning failed (see above)"
}

# Everything a first run needs; cheap to repeat.
pasar_bootstrap() {
  pasar_check_node
  pasar_ensure_pnpm
  pasar_install_deps
  pasar_provision
}
