#!/bin/sh
# Builds the libFuzzer targets in their own clang build (ASan + UBSan, core instrumented) and runs
# each one for a bounded time on its checked-in seed corpus. Exits non-zero on the first crash,
# leak, timeout or sanitizer report; the reproducer is left in the build folder.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET]     (default 20: about a minute for all three)
set -eu

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${PREFLIGHT_FUZZ_BUILD_DIR:-"$source_dir/build-fuzz"}
seconds=${1:-20}

cmake -S "$source_dir" -B "$build_dir" -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPREFLIGHT_FUZZ=ON -DPREFLIGHT_SANITIZE=ON >/dev/null
ninja -C "$build_dir" fuzz_markdown_reader fuzz_mojibake_repair fuzz_template_loader

# Qt's own (uninstrumented) start-up allocations are not ours to report; our code is checked.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

for target in markdown_reader mojibake_repair template_loader; do
    corpus="$source_dir/tests/fuzz/corpus/$target"
    work="$build_dir/fuzz-work/$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    echo "== fuzz_$target for ${seconds}s"
    # New inputs go to a scratch corpus in the build folder; the checked-in seeds stay as they are.
    # CI uses a fixed seed so a red run can be replayed; set PREFLIGHT_FUZZ_SEED=0 for a random one.
    "$build_dir/tests/fuzz/fuzz_$target" "$work/corpus" "$corpus" \
        -max_total_time="$seconds" -seed="${PREFLIGHT_FUZZ_SEED:-1}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -artifact_prefix="$work/artifacts/" -print_final_stats=1
done
