#!/usr/bin/env bash
# Installs the Debian packages coursebook's tests need, when they are missing:
# chromium (browser tests), poppler-utils (PDF pages as PNG) and fonts with the
# glyphs the print stylesheet uses. Needs root or sudo; prints what it does.
set -euo pipefail

packages=(chromium poppler-utils fonts-dejavu-core fonts-liberation2)
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
