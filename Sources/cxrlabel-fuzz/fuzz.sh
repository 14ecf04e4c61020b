#!/usr/bin/env bash
# Fuzzes one target of cxrlabel's input parsers with libFuzzer, from the seed corpus beside this script.
#
#   Sources/cxrlabel-fuzz/fuzz.sh TARGET [SECONDS] [extra libFuzzer options...]
#   targets: csv sections sentences phrases rules lexicon judge
#
# Builds once into .build-fuzz (release, -sanitize=fuzzer,address: crashes, leaks and hangs are reported), then
# runs for SECONDS (default 300) with the corpus in .build-fuzz/corpus/TARGET (grown from seeds/TARGET).
# Anything that crashes is written to .build-fuzz/artifacts/TARGET/; fix the bug, then copy the input into seeds/TARGET
# (it is replayed by the FuzzReplayTests). CI does not run this (it takes minutes per target).
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:?usage: $0 TARGET [SECONDS] [libFuzzer options...]}"
seconds="${2:-300}"
shift $(( $# >= 2 ? 2 : 1 ))
swift build -c release --product cxrlabel-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING >&2
corpus=".build-fuzz/corpus/$target"
artifacts=".build-fuzz/artifacts/$target/"
mkdir -p "$corpus" "$artifacts"
cp -n "Sources/cxrlabel-fuzz/seeds/$target/"* "$corpus/" 2>/dev/null || true
CXRLABEL_FUZZ_TARGET="$target" ASAN_OPTIONS="detect_leaks=1" \
  .build-fuzz/release/cxrlabel-fuzz "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=16384 -artifact_prefix="$artifacts" -print_final_stats=1 "$@"
