#!/usr/bin/env bash
# Installs every Debian package scanfix needs to build, run and test (Debian 12, as root).
# Usage: scripts/install-deps.sh [--tests]   (--tests adds what only the test suite needs)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libopencv-dev libopencv-contrib-dev
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-rus tesseract-ocr-eng
  libicu-dev libcli11-dev nlohmann-json3-dev libfmt-dev libyaml-cpp-dev
  libhunspell-dev hunspell-ru hunspell-de-de hunspell-da hunspell-cs hunspell-sk hunspell-en-us hunspell-fr
  libpugixml-dev libpoppler-cpp-dev libjpeg-dev zlib1g-dev libtiff-dev libcpp-httplib-dev
  fonts-freefont-ttf fonts-urw-base35 fonts-dejavu-core
)
if [[ "${1:-}" == "--tests" ]]; then
  # ccache: CI's sample build and test build (scripts/build.sh) share their compiled objects.
  packages+=(catch2 tesseract-ocr-deu tesseract-ocr-dan tesseract-ocr-ces tesseract-ocr-slk
    libxml2-utils w3c-sgml-lib parallel fonts-liberation2 fonts-cmu
    chromium ccache)
  # The review browser test runs node with puppeteer-core from npm (tests/review); a node
  # installed otherwise (with its own npm) is used as it is.
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "scanfix: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
