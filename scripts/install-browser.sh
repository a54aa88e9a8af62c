#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium for the end-to-end tests
# (Playwright's own browser download is not used, and cannot run on our machines), poppler-utils,
# whose pdftotext and pdftoppm read back the certificate PDF, and nginx, which the deploy tests
# (tests/e2e/nginx.spec.ts) start on loopback to serve dist/ with the shipped configuration.
# Quick and silent when everything is already there.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || packages+=(poppler-utils)
# Debian's plain nginx package (the binary and nginx-common); the tests start their own copy on a
# free port, so the system service it brings is never needed.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || packages+=(nginx)
[ ${#packages[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
