#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium for the end-to-end tests
# (Playwright's own browser download is not used, and cannot run on our machines), poppler-utils,
# whose pdftotext and pdftoppm read back the certificate PDF, and nginx, Apache and Caddy, which the
# deploy tests (tests/e2e/webServers.spec.ts) start on loopback to serve dist/ with the shipped
# configurations.
# Quick and silent when everything is already there.
set -euo pipefail
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || packages+=(poppler-utils)
# Debian's plain nginx package (the binary and nginx-common); the tests start their own copy on a
# free port, so the system service it brings is never needed.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || packages+=(nginx)
[ -x /usr/sbin/apache2 ] || command -v apache2 >/dev/null || packages+=(apache2)
[ -x /usr/bin/caddy ] || command -v caddy >/dev/null || packages+=(caddy)
[ ${#packages[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# The servers' packages would start system services on port 80 (and two of them would collide):
# Debian's policy-rc.d mechanism says no service may start while they are installed.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
