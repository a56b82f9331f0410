#!/usr/bin/env bash
# Builds the runtime harness for every target whose compiler is installed and runs it
# natively, under qemu-user or under wine; then checks its float formatting against node's
# String(x) / toFixed and python3's repr(x), and its float parsing against python3's float().
#   tests/translate/runtime/run-all.sh [SCALE]   (GC stress scale for native runs; default 1)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
rt="$root/translate/runtime"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
scale=${1:-1}
export WINEPREFIX=${WINEPREFIX:-/tmp/wineprefix} WINEDEBUG=-all LANG=C.UTF-8

# name cc runner... (the GC stress runs at a tenth of the scale under emulation)
targets=(
  "linux-x86_64|gcc|"
  "linux-aarch64|aarch64-linux-gnu-gcc|qemu-aarch64-static"
  "linux-s390x|s390x-linux-gnu-gcc|qemu-s390x-static"
  "linux-ppc64le|powerpc64le-linux-gnu-gcc|qemu-ppc64le-static"
  "windows-x86_64|x86_64-w64-mingw32-gcc|/usr/lib/wine/wine64"
)
cflags=(-std=gnu11 -O2 -fno-strict-aliasing -fwrapv -static -Wall -Wextra "-ffile-prefix-map=$root=.")
fail=0
for t in "${targets[@]}"; do
  IFS='|' read -r name cc runner <<<"$t"
  if ! command -v "$cc" >/dev/null || { [ -n "$runner" ] && ! command -v "$runner" >/dev/null; }; then
    echo "== $name: skipped ($cc or $runner not installed)"
    continue
  fi
  exe="$out/harness-$name"
  extra=()
  s=$scale
  [ -n "$runner" ] && s=$(awk "BEGIN{print $scale/10}")
  case $name in windows-*) exe="$exe.exe"; extra=(-Wl,--no-insert-timestamp) ;; esac
  echo "== $name"
  if ! "$cc" "${cflags[@]}" "${extra[@]}" -I"$rt" "$rt"/*.c "$here/harness.c" -o "$exe" -lm; then
    echo "$name: build failed"; fail=1; continue
  fi
  run=("$exe")
  [ -n "$runner" ] && run=("$runner" "$exe")
  (cd "$out" && /usr/bin/time -f "$name: %e s, max RSS %M KiB" "${run[@]}" all "$s") || { echo "$name: harness failed"; fail=1; }
  (cd "$out" && "${run[@]}" floats && "${run[@]}" parse) >"$out/floats-$name.txt"
  (cd "$root" && npx --no-install tsx "$here/check-floats.ts" "$out/floats-$name.txt") || fail=1
done
exit $fail
