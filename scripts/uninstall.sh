#!/usr/bin/env bash
# Removes exactly what scripts/install.sh wrote under PREFIX: the files its list names, then
# the folders of PREFIX/share/convtutor left empty; PREFIX/bin and anything else stay.
# Usage: scripts/uninstall.sh PREFIX
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/uninstall.sh PREFIX" >&2; exit 2; }
prefix=$1
manifest="$prefix/share/convtutor/installed-files"
[ -f "$manifest" ] || { echo "uninstall: nothing installed in $prefix ($manifest not found)" >&2; exit 1; }

mapfile -t files < "$manifest"
for file in "${files[@]}"; do
  case "$file" in
    "$prefix"/*) rm -f -- "$file" ;;
    *) echo "uninstall: skipping $file, outside $prefix" >&2 ;;
  esac
done
# The folders, deepest first; rmdir leaves any that still hold something of the learner's.
share="$prefix/share/convtutor"
for file in "${files[@]}"; do
  dir=$(dirname -- "$file")
  while [ "$dir" = "$share" ] || [ "${dir#"$share"/}" != "$dir" ]; do
    rmdir -- "$dir" 2>/dev/null || break
    dir=$(dirname -- "$dir")
  done
done
echo "removed convtutor from $prefix (${#files[@]} files)"
