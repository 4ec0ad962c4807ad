#!/usr/bin/env bash
# End-to-end test of `make install` and `make uninstall`: installs BINARY into a fresh temporary
# prefix, runs the installed convtutor from an unrelated folder (by its path and through PATH, the
# way a learner starts it) and checks it finds its lessons and exercises and needs no Swift
# runtime; then uninstalls and checks that exactly the installed files went, and that a file of
# the learner's beside them stayed. Exits non-zero naming the first failed check.
# Usage: scripts/test-install.sh BINARY
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/test-install.sh BINARY" >&2; exit 2; }
binary=$1
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix" elsewhere="$work/elsewhere" data="$work/data"
mkdir -p "$prefix/bin" "$elsewhere"
touch "$prefix/bin/another-tool"
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }

make --no-print-directory install PREFIX="$prefix" > "$work/install.log" || { cat "$work/install.log"; fail "make install"; }
[ -x "$prefix/bin/convtutor" ] || fail "no $prefix/bin/convtutor"
cmp -s "$binary" "$prefix/bin/convtutor" || fail "the installed binary is not the release build"
bundled=$(find Lessons -type f -name '*.md' | wc -l)
installed=$(find "$prefix/share/convtutor/Lessons" -type f -name '*.md' | wc -l)
[ "$bundled" -eq "$installed" ] || fail "$installed lesson files installed, $bundled bundled"

# The Swift runtime is linked in: no libswiftCore or libFoundation to find at start.
if ldd "$prefix/bin/convtutor" | grep -E 'libswift|libFoundation' >/dev/null; then
  fail "the installed binary needs the Swift runtime: $(ldd "$prefix/bin/convtutor" | grep -E 'libswift|libFoundation' | head -1)"
fi

lessons=$(find Lessons/en -maxdepth 1 -name '[0-9]*.md' | wc -l)
cd "$elsewhere"
listed=$(env -u CONVTUTOR_LESSONS "$prefix/bin/convtutor" lessons --data-dir "$data" | wc -l)
[ "$listed" -eq "$lessons" ] || fail "by path, 'convtutor lessons' listed $listed lessons, not $lessons"
listed=$(env -u CONVTUTOR_LESSONS PATH="$prefix/bin:$PATH" convtutor lessons --lang zh --data-dir "$data" | wc -l)
[ "$listed" -eq "$lessons" ] || fail "from PATH, 'convtutor lessons --lang zh' listed $listed lessons, not $lessons"
env -u CONVTUTOR_LESSONS PATH="$prefix/bin:$PATH" convtutor practice list --data-dir "$data" | grep -q "conv-forward" \
  || fail "from PATH, 'convtutor practice list' does not list conv-forward"
cd - >/dev/null

touch "$prefix/share/convtutor/Lessons/my-notes.md"
make --no-print-directory uninstall PREFIX="$prefix" > "$work/uninstall.log" || { cat "$work/uninstall.log"; fail "make uninstall"; }
[ ! -e "$prefix/bin/convtutor" ] || fail "uninstall left $prefix/bin/convtutor"
[ -e "$prefix/bin/another-tool" ] || fail "uninstall removed a file it did not install"
[ -e "$prefix/share/convtutor/Lessons/my-notes.md" ] || fail "uninstall removed the learner's own file"
left=$(find "$prefix" -type f | sort | tr '\n' ' ')
[ "$left" = "$prefix/bin/another-tool $prefix/share/convtutor/Lessons/my-notes.md " ] || fail "uninstall left: $left"
echo "test-install: install, run from elsewhere (path and PATH), uninstall: passed"
