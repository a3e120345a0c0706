#!/usr/bin/env bash
# Installs the Debian packages coursebook needs, when they are missing, and says
# which ones were already there. Two sets, chosen by an option (both may be given):
#
#   --build  what `make build` needs to write the site and the PDFs: Pango (which
#            WeasyPrint lays text out with; it pulls in HarfBuzz, fontconfig and
#            GLib), HarfBuzz-Subset (so WeasyPrint subsets the PDF fonts itself
#            rather than falling back to fontTools) and fonts for fontconfig.
#   --test   what only the tests add: chromium (browser tests) and poppler-utils
#            (PDF pages as PNG). `make test` installs --build too.
#
# Needs root or sudo only when something is missing. On a system without dpkg it
# installs nothing and names the packages to find for that system.
set -euo pipefail

build_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2)
test_packages=(chromium poppler-utils)

usage="usage: $0 [--build] [--test]"
packages=()
for option in "$@"; do
    case "$option" in
        --build) packages+=("${build_packages[@]}") ;;
        --test) packages+=("${test_packages[@]}") ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
done
if [ ${#packages[@]} -eq 0 ]; then
    echo "$usage" >&2
    exit 2
fi

if ! command -v dpkg-query >/dev/null; then
    echo "Not a Debian or Ubuntu system, so nothing was installed; make sure you have" \
        "this system's equivalents of: ${packages[*]}"
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "System packages already installed: ${packages[*]}"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
