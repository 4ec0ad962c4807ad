#!/usr/bin/env bash
# Installs a built convtutor under a prefix: the binary in PREFIX/bin, the bundled lessons and
# exercises in PREFIX/share/convtutor/Lessons (where the binary looks for them), and a list of
# every file written, PREFIX/share/convtutor/installed-files, which `make uninstall` reads.
# Usage: scripts/install.sh PREFIX BINARY
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/install.sh PREFIX BINARY" >&2; exit 2; }
prefix=$1 binary=$2
cd "$(dirname "$0")/.."
[ -x "$binary" ] || { echo "install: no built binary at $binary" >&2; exit 1; }

share="$prefix/share/convtutor"
manifest="$share/installed-files"
# An earlier install's files go first, so that a lesson removed since is not left behind.
[ -f "$manifest" ] && scripts/uninstall.sh "$prefix"

mkdir -p "$prefix/bin" "$share"
files=("$prefix/bin/convtutor")
install -m 755 "$binary" "$prefix/bin/convtutor"
while IFS= read -r -d '' lesson; do
  target="$share/$lesson"
  install -D -m 644 "$lesson" "$target"
  files+=("$target")
done < <(find Lessons -type f -name '*.md' -print0 | sort -z)

printf '%s\n' "${files[@]}" "$manifest" > "$manifest"
echo "installed convtutor in $prefix/bin and ${#files[@]} files in all (listed in $manifest)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it to run convtutor from anywhere" ;;
esac
