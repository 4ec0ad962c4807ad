#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that convtutor builds against, if any is missing.
# Runs apt-get as root, or through sudo for other users; does nothing when all are present.
set -euo pipefail

missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "convtutor needs these libraries: ${missing[*]}; install them with your package manager." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "convtutor needs ${missing[*]}: run as root, or install sudo." >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "Installing ${missing[*]} ..."
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
