#!/bin/sh
# Times the models of this EdgeSmith device kit with ONNX Runtime's own benchmark tool,
# onnxruntime_perf_test (built with ONNX Runtime, or shipped in its Android / Linux
# packages), where Python is not available on the device, and writes results.csv.
# The tool does its own warm-up and many runs; this script has no rounds or stability
# check (every row says stable=yes), and the tool reports no p10 (the median stands in).
# Prefer run_onnxruntime.py where Python runs.
#   ./run_perf_test.sh [PERF_TEST] [THREADS] [RUNS] [DEVICE]
# On a phone: adb push the kit folder and the tool to /data/local/tmp, then
#   adb shell "cd /data/local/tmp/kit && ./run_perf_test.sh ../onnxruntime_perf_test 1 60 'Pixel 7'"
set -eu
tool=${1:-onnxruntime_perf_test}
threads=${2:-1}
runs=${3:-60}
device=${4:-$(uname -n) $(uname -m)}
here=$(cd "$(dirname "$0")" && pwd)
out="$here/results.csv"
echo "kind,genotype,median_ms,p10_ms,p90_ms,runs,threads,device,stable" > "$out"
# The manifest lists one model per line as "genotype file": read without a JSON parser.
sed -n 's/.*"genotype": "\([^"]*\)".*/\1/p' "$here/manifest.json" > "$here/.genotypes"
sed -n 's/.*"file": "\(models\/[^"]*\)".*/\1/p' "$here/manifest.json" > "$here/.files"
paste -d' ' "$here/.genotypes" "$here/.files" | while read -r genotype file; do
  # -x threads, -r runs, -I no real inputs needed; the tool prints percentiles in ms.
  report=$("$tool" -e cpu -x "$threads" -y 1 -r "$runs" -I "$here/$file" 2>&1) || { printf '%s\n' "$report" >&2; echo "$tool failed on $file" >&2; exit 1; }
  median=$(printf '%s\n' "$report" | sed -n 's/.*P50 Latency: \([0-9.e-]*\) s.*/\1/p' | head -n 1)
  p10=$(printf '%s\n' "$report" | sed -n 's/.*P10 Latency: \([0-9.e-]*\) s.*/\1/p' | head -n 1)
  p90=$(printf '%s\n' "$report" | sed -n 's/.*P90 Latency: \([0-9.e-]*\) s.*/\1/p' | head -n 1)
  if [ -z "$median" ]; then echo "no latency in the output of $tool for $file" >&2; exit 1; fi
  ms() { awk "BEGIN { printf \"%.5f\", $1 * 1000 }"; }
  echo "model,$genotype,$(ms "$median"),$(ms "${p10:-$median}"),$(ms "${p90:-$median}"),$runs,$threads,\"$device | onnxruntime_perf_test\",yes" >> "$out"
  echo "$genotype: $(ms "$median") ms"
done
rm -f "$here/.genotypes" "$here/.files"
echo "wrote $out; import with: edgesmith-cli device-import PROFILE $out"
