#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium for the end-to-end tests
# (Playwright's own browser download is not used, and cannot run on our machines) and
# poppler-utils, whose pdftotext and pdftoppm read back the certificate PDF.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || packages+=(poppler-utils)
[ ${#packages[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
