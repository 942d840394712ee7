#!/usr/bin/env bash
# Fuzzes breachcheck's core with libFuzzer (docs/security.md, "Fuzzing and sanitizers").
#
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 600); TARGETs among dataset image text search assess answers
# (default: all, one after the other). For each target: build/fuzz is configured and built (preset fuzz,
# clang; skipped when BREACHCHECK_FUZZ_NO_BUILD=1, as in the CTest run, where the build is a
# fixture), every reproducer in tests/fuzz/regressions/<target>/ is replayed, then the target is
# fuzzed on a fresh copy of its seed corpus (build/fuzz/seeds/<target>/). A crash leaves its
# input in build/fuzz/work/<target>/artifacts/ and the full log in build/fuzz/work/<target>/fuzz.log
# (BREACHCHECK_FUZZ_WORK=DIR instead of build/fuzz/work); the exit status is non-zero if any
# target failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(dataset image text search assess answers)
build=build/fuzz

if [[ ${BREACHCHECK_FUZZ_NO_BUILD:-0} != 1 ]]; then
  if ! log=$(cmake --workflow --preset fuzz 2>&1); then
    printf '%s\n' "$log" >&2
    echo "fuzz: building build/fuzz failed" >&2
    exit 1
  fi
fi

# LeakSanitizer works here (it runs at exit and in libFuzzer's leak checks); see docs/security.md.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
for t in "${targets[@]}"; do
  bin=$build/bin/fuzz_$t
  if [[ ! -x $bin ]]; then
    echo "fuzz: no target $t ($bin missing)" >&2
    status=1
    continue
  fi
  case $t in
    dataset) dict=tests/fuzz/dict/dataset.dict ;;
    image) dict=tests/fuzz/dict/image.dict ;;
    answers) dict=tests/fuzz/dict/answers.dict ;;
    text | search) dict=tests/fuzz/dict/text.dict ;;
    *) dict= ;;
  esac
  limits=(-timeout=5 -rss_limit_mb=2048)

  # 1. Every saved reproducer, once.
  shopt -s nullglob
  regressions=(tests/fuzz/regressions/"$t"/*)
  shopt -u nullglob
  if ((${#regressions[@]})); then
    if ! out=$("$bin" "${limits[@]}" "${regressions[@]}" 2>&1); then
      printf '%s\n' "$out" | tail -n 60 >&2
      echo "fuzz.$t: a saved reproducer fails again" >&2
      status=1
      continue
    fi
    echo "fuzz.$t: ${#regressions[@]} reproducer(s) in tests/fuzz/regressions/$t pass"
  fi

  # 2. Bounded fuzzing on a fresh copy of the seeds (libFuzzer adds new inputs to the corpus).
  work=${BREACHCHECK_FUZZ_WORK:-$build/work}/$t
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp -R "$build/seeds/$t/." "$work/corpus/"
  seeds=$(find "$work/corpus" -type f | wc -l)
  start=$SECONDS
  "$bin" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" ${dict:+-dict=$dict} "$work/corpus" >"$work/fuzz.log" 2>&1
  rc=$?
  elapsed=$((SECONDS - start))
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/fuzz.log" | tail -n 1)
  [[ -n $done_line ]] || done_line=$(grep -E '^#[0-9]+' "$work/fuzz.log" | tail -n 1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz.log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/fuzz.log")
  summary="fuzz.$t: ${elapsed}s, ${runs:-?} runs, ${rate:-?} exec/s, peak ${rss:-?} MB, $seeds seeds → $(find "$work/corpus" -type f | wc -l) inputs | ${done_line:-no final line}"
  echo "$summary" | tee "$work/summary.txt"
  if ((rc != 0)); then
    grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|INITED|RELOAD)' "$work/fuzz.log" | tail -n 80 >&2
    echo "fuzz.$t: FAILED (exit $rc); input saved in $work/artifacts/:" >&2
    ls -1 "$work/artifacts" >&2
    status=1
  fi
done
exit $status
