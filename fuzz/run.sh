#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), two at a time, then prints each
# target's executions and whether it found a crash (artifacts/<target>/).
#   bash fuzz/run.sh [SECONDS]
set -u
cd "$(dirname "$0")"
seconds=${1:-600}
# cargo-fuzz passes nightly-only compiler flags; the stable toolchain accepts them this way.
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O || exit 1
mkdir -p logs
targets=$(cargo fuzz list)
run_one() {
    target=$1
    mkdir -p "corpus/$target"
    cargo fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$2" -print_final_stats=1 -rss_limit_mb=2048 > "logs/$target.log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$')
    if [ "$status" -eq 0 ]; then verdict="no crash"; else verdict="CRASH (exit $status, see fuzz/logs/$target.log)"; fi
    echo "$target: ${runs:-?} executions in $2 s: $verdict"
}
export -f run_one
printf '%s\n' $targets | xargs -P 2 -I{} bash -c "run_one {} $seconds"
