#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need to run Dockyard in a real VS Code:
#   - Debian packages: the headers code-server's native modules build against and ripgrep (its
#     search); for the tests also Chromium (the browser they drive), Neovim 0.7 and Emacs with
#     eglot, yaml-mode and dockerfile-mode (the headless editor tests);
#   - code-server (VS Code served to a browser) from the npm registry;
#   - playwright-core (drives Chromium over CDP; ships no browser of its own; tests only).
# Everything goes into a cache folder OUTSIDE the repository (never into the .vsix):
#   ${DOCKYARD_E2E_HOME:-$HOME/.cache/dockyard-e2e}/{code-server,playwright}
# Idempotent: a second run only checks and returns in about a second. Works offline apart from
# the npm registry and Debian's package mirrors (the recipe is in shared/E2E.md).
#
# Prints, as its last line, `code-server: <path>` so scripts can pick it up.
# Options: --no-apt (skip the Debian packages), --quiet (less npm output),
#          --serve-only (what `npm start` needs: no Chromium, editors or playwright-core),
#          --missing-apt (print the Debian packages still missing, one line, and exit).
set -euo pipefail

CODE_SERVER_VERSION="${DOCKYARD_CODE_SERVER_VERSION:-4.100.3}"
PLAYWRIGHT_VERSION="${DOCKYARD_PLAYWRIGHT_VERSION:-1.65.1}"
# @vscode/ripgrep version that code-server 4.100.3 depends on, and the rg asset name it looks up.
RIPGREP_PKG_VERSION="1.15.11"
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
# code-server's native modules (kerberos, native-keymap, @vscode/spdlog …) build against these headers;
# ripgrep replaces the binary @vscode/ripgrep would download.
APT_SERVE=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep)
# Only the tests: the browser they drive and the editors of the headless editor suites.
# fonts-wqy-microhei: a CJK font, so the zh-cn suite's screenshots show Chinese instead of empty boxes.
APT_E2E=(chromium fonts-wqy-microhei neovim emacs-nox elpa-eglot elpa-yaml-mode elpa-dockerfile-mode)

E2E_HOME="${DOCKYARD_E2E_HOME:-${HOME:-/root}/.cache/dockyard-e2e}"
CS_DIR="$E2E_HOME/code-server"
PW_DIR="$E2E_HOME/playwright"

do_apt=1
quiet=0
serve_only=0
missing_only=0
for a in "$@"; do
  case "$a" in
    --no-apt) do_apt=0 ;;
    --quiet) quiet=1 ;;
    --serve-only) serve_only=1 ;;
    --missing-apt) missing_only=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "install-code-server: unknown option $a" >&2; exit 2 ;;
  esac
done

APT_PACKAGES=("${APT_SERVE[@]}")
[ "$serve_only" = 1 ] || APT_PACKAGES+=("${APT_E2E[@]}")
missing_packages() {
  for p in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s ' "$p"
    fi
  done
}
if [ "$missing_only" = 1 ]; then
  command -v dpkg-query >/dev/null || { echo "?"; exit 0; }
  missing_packages; echo
  exit 0
fi

mkdir -p "$E2E_HOME"
# One installer at a time per cache folder (npm start and a test run may start it together).
if command -v flock >/dev/null; then
  exec 9>"$E2E_HOME/.install.lock"
  flock 9
fi

start=$(date +%s)
step() { printf '[e2e-install +%ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }
die() { printf '[e2e-install] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != "20" ]; then
  step "warning: code-server $CODE_SERVER_VERSION declares engines.node 20; this is Node $(node -v)"
fi

# ---------------------------------------------------------------------------------------------
# 1. Debian packages (only the missing ones; `apt-get update` once, only if something is missing)
# ---------------------------------------------------------------------------------------------
if [ "$do_apt" = 1 ]; then
  read -r -a missing <<<"$(missing_packages)"
  if [ "${#missing[@]}" -eq 0 ]; then
    step "Debian packages present: ${APT_PACKAGES[*]}"
  else
    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
    SUDO=()
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || die "missing packages (${missing[*]}): run as root or install them by hand"
      SUDO=(sudo)
    fi
    step "apt-get update (missing: ${missing[*]})"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    step "apt-get install ${missing[*]}"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
    step "Debian packages installed"
  fi
else
  step "skipping Debian packages (--no-apt)"
fi

npm_flags=(--no-audit --no-fund --no-save --no-package-lock --loglevel=error)
[ "$quiet" = 1 ] && npm_flags+=(--silent)

# A folder of its own with a package.json, so npm installs there and not into a parent project.
ensure_prefix() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$(basename "$1")-cache" >"$1/package.json"
}
installed_version() { # dir package
  node -e 'try { console.log(require(process.argv[1] + "/node_modules/" + process.argv[2] + "/package.json").version) } catch { console.log("") }' "$1" "$2"
}

# ---------------------------------------------------------------------------------------------
# 2. code-server
# ---------------------------------------------------------------------------------------------
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ "$(installed_version "$CS_DIR" code-server)" = "$CODE_SERVER_VERSION" ] && [ -f "$CS_DIR/.complete" ]; then
  step "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  ensure_prefix "$CS_DIR"
  rm -f "$CS_DIR/.complete"
  # @vscode/ripgrep's postinstall downloads rg unless its cache already has the asset: seed the
  # cache with Debian's rg (the file name is what it looks for; the content just has to be rg).
  rg_bin="$(command -v rg || true)"
  [ -n "$rg_bin" ] || die "ripgrep (rg) is not installed: run without --no-apt or apt-get install ripgrep"
  rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  if [ ! -s "$rg_cache/$RIPGREP_ASSET" ]; then
    step "seeding the @vscode/ripgrep cache with $rg_bin"
    mkdir -p "$rg_cache"
    tar -C "$(dirname "$rg_bin")" -czf "$rg_cache/$RIPGREP_ASSET" "$(basename "$rg_bin")"
  fi
  step "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules: several minutes)"
  # Its postinstall builds native modules and calls npx (hence npm_config_yes), as root it needs
  # --unsafe-perm.
  (cd "$CS_DIR" && npm_config_yes=true npm install --unsafe-perm "${npm_flags[@]}" "code-server@$CODE_SERVER_VERSION" </dev/null)
  [ -f "$CS_BIN" ] || die "code-server installed but $CS_BIN is missing"
  touch "$CS_DIR/.complete"
  step "code-server installed"
fi

# ---------------------------------------------------------------------------------------------
# 3. playwright-core (no browser download: the tests use Debian's /usr/bin/chromium)
# ---------------------------------------------------------------------------------------------
if [ "$serve_only" = 1 ]; then
  step "skipping playwright-core (--serve-only)"
elif [ "$(installed_version "$PW_DIR" playwright-core)" = "$PLAYWRIGHT_VERSION" ]; then
  step "playwright-core $PLAYWRIGHT_VERSION present in $PW_DIR"
else
  ensure_prefix "$PW_DIR"
  step "npm install playwright-core@$PLAYWRIGHT_VERSION into $PW_DIR"
  (cd "$PW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install "${npm_flags[@]}" "playwright-core@$PLAYWRIGHT_VERSION" </dev/null)
  step "playwright-core installed"
fi

# ---------------------------------------------------------------------------------------------
# 4. smoke check
# ---------------------------------------------------------------------------------------------
# (--config: keep code-server from writing a default config into the user's ~/.config)
cs_version="$(node "$CS_BIN" --config "$E2E_HOME/config.yaml" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true)"
case "$cs_version" in
  "$CODE_SERVER_VERSION"*) ;;
  *) die "code-server does not run: '$CS_BIN --version' printed '$cs_version'" ;;
esac
if [ "$serve_only" = 0 ] && { [ "$do_apt" = 1 ] || [ -x /usr/bin/chromium ]; }; then
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing"
  step "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
fi
step "done in $(( $(date +%s) - start ))s ($cs_version)"
echo "code-server: $CS_BIN"
