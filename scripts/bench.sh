#!/usr/bin/env bash
# Builds stancebench-bench in release and runs it, printing the table docs/PERFORMANCE.md records.
# Arguments go to the benchmark (e.g. --articles 2000 --only search). With a terminal on both
# stdin and stdout it also times frames flushed through ncurses; `script` provides one when run
# from a pipe:   script -qec "scripts/bench.sh" /dev/null
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product stancebench-bench >&2
exec "$(swift build -c release --show-bin-path)/stancebench-bench" "$@"
