#!/usr/bin/env bash
# Installs what Stitch needs on Debian 12, or prints the exact commands when not root.
# Also fetches mimalloc's Debian source package into .deps/: Debian's libmimalloc.so replaces
# the host's malloc once linked, and an embedded runtime must not do that (ARCHITECTURE.md §4),
# so the build compiles mimalloc from source as a static, non-overriding library.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)

packages=(clang-19 llvm-19-dev libclang-rt-19-dev lld-19 cmake ninja-build
          libgtest-dev libgmock-dev libbenchmark-dev libtbb-dev liburcu-dev libgmp-dev
          pypy3 python3-matplotlib dpkg-dev valgrind)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

src_list=/etc/apt/sources.list.d/stitch-deb-src.sources
mimalloc_dir="$top/.deps/mimalloc"

need_src=0
[ -f "$mimalloc_dir/CMakeLists.txt" ] || need_src=1

if [ ${#missing[@]} -eq 0 ] && [ $need_src -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Stitch needs these steps (run them as root, then re-run this script):" >&2
  [ ${#missing[@]} -gt 0 ] && echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  if [ $need_src -eq 1 ]; then
    echo "  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > $src_list && apt-get update" >&2
    echo "  (then, as any user) cd $top/.deps && apt-get source --download-only mimalloc" >&2
  fi
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ $need_src -eq 1 ] && ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > "$src_list"
fi
apt-get update -qq
[ ${#missing[@]} -gt 0 ] && apt-get install -y -qq "${missing[@]}" >/dev/null

if [ $need_src -eq 1 ]; then
  mkdir -p "$top/.deps/download"
  (cd "$top/.deps/download" && apt-get source --download-only mimalloc >/dev/null 2>&1)
  orig=$(ls "$top"/.deps/download/mimalloc_*.orig.tar.* | head -n 1)
  rm -rf "$mimalloc_dir" && mkdir -p "$mimalloc_dir"
  tar -xf "$orig" -C "$mimalloc_dir" --strip-components=1
  [ -f "$mimalloc_dir/CMakeLists.txt" ] || { echo "install-deps: mimalloc source unpacked without CMakeLists.txt" >&2; exit 1; }
fi
