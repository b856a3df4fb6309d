#!/usr/bin/env bash
# Runs the mutation fuzzer of Tests/StanceKitTests/FuzzTests.swift for SECONDS (default 600),
# in JOBS parallel processes (default 1), each with its own seed. Every input that crashes the
# process, hangs, or breaks an analysis invariant is copied to Tests/StanceKitTests/Data/fuzz/,
# where `swift test` replays it from then on; crash logs (with the backtrace) stay in the log folder.
#
#   scripts/fuzz.sh 600            ten minutes, one process
#   scripts/fuzz.sh 1800 2         half an hour on two cores
#   FUZZ_SEED=7 scripts/fuzz.sh 60 a different sequence of mutants
set -u
cd "$(dirname "$0")/.."

seconds=${1:-600}
jobs=${2:-1}
first_seed=${FUZZ_SEED:-$(date +%s)}
kept=Tests/StanceKitTests/Data/fuzz
logs=${FUZZ_LOGS:-.build/fuzz}
mkdir -p "$kept" "$logs"

echo "building the tests…" >&2
swift build --build-tests >"$logs/build.log" 2>&1 || { tail -30 "$logs/build.log" >&2; exit 1; }
# The test bundle is run directly: `swift test` holds the build folder's lock for its whole run, so
# parallel workers started through it ran one at a time.
tests="$(swift build --show-bin-path)/StanceBenchPackageTests.xctest"

# Copies a finding into the regression folder under a name made from its content.
keep() {  # keep FILE KIND EXT
    local hash
    hash=$(sha256sum "$1" | cut -c1-12)
    cp "$1" "$kept/$2-$hash.$3"
    echo "kept $kept/$2-$hash.$3" >&2
}

# One worker: runs the fuzz test until the time is up, restarting with a new seed after a crash.
worker() {  # worker INDEX
    local index=$1 seed=$((first_seed + $1 * 1000003)) end=$(( $(date +%s) + seconds ))
    local out="$logs/worker-$index"
    mkdir -p "$out"
    while [ "$(date +%s)" -lt "$end" ]; do
        local left=$(( end - $(date +%s) ))
        rm -f "$out/current-input" "$out/current-input.ext"
        STANCEBENCH_FUZZ_SECONDS=$left STANCEBENCH_FUZZ_SEED=$seed STANCEBENCH_FUZZ_OUT="$out" \
            SWIFT_BACKTRACE=enable=yes,interactive=no \
            "$tests" --testing-library swift-testing --filter 'FuzzTests/mutantsKeepTheInvariants' >"$out/run-$seed.log" 2>&1
        local status=$?
        for found in "$out"/hang-* "$out"/invariant-*; do
            [ -e "$found" ] || continue
            local name=${found##*/}
            keep "$found" "${name%%-*}" "${name##*.}"
            rm -f "$found"
        done
        if [ $status -ne 0 ] && ! grep -q "passed after\|failed after" "$out/run-$seed.log"; then
            # The process died mid-run: the input being analysed is the culprit.
            if [ -s "$out/current-input" ]; then
                keep "$out/current-input" crash "$(cat "$out/current-input.ext")"
                echo "worker $index: crash with seed $seed, log $out/run-$seed.log" >&2
            fi
        fi
        seed=$((seed + 1))
    done
}

for index in $(seq 0 $((jobs - 1))); do worker "$index" & done
wait

total=$(cat "$logs"/worker-*/iterations-* 2>/dev/null | awk '{ s += $1 } END { print s + 0 }')
echo "fuzzed for ${seconds}s in $jobs process(es): $total inputs (counts of runs that finished cleanly); findings in $kept" >&2
