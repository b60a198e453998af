#!/usr/bin/env python3
"""Times the models of this EdgeSmith device kit with ONNX Runtime and writes results.csv.

Run it on the device itself (a phone through Termux or adb shell, a Raspberry Pi, a
Jetson), with `pip install onnxruntime numpy`:

    python3 run_onnxruntime.py --threads 1 --device "Pixel 7, big cores"

Measurement hygiene: each model is warmed up, then timed in several rounds of many runs on
a fixed number of threads; the median of all runs is reported with p10 and p90. A model
whose round medians disagree by more than --stability (default 5 %) is marked unstable,
and the first model is timed again at the end: if it moved by more than the threshold the
device changed speed while measuring (frequency scaling, thermal throttling) and the whole
file is flagged. Then import the file: edgesmith-cli device-import PROFILE results.csv
"""
import argparse
import csv
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import onnxruntime as ort


def session(path, threads):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def time_model(path, shape, threads, warmup, runs, rounds):
    model = session(path, threads)
    name = model.get_inputs()[0].name
    feed = {name: np.random.default_rng(0).random(shape, dtype=np.float32)}
    for _ in range(warmup):
        model.run(None, feed)
    times, medians = [], []
    per_round = max(1, runs // rounds)
    for _ in range(rounds):
        chunk = []
        for _ in range(per_round):
            start = time.perf_counter()
            model.run(None, feed)
            chunk.append((time.perf_counter() - start) * 1000.0)
        medians.append(statistics.median(chunk))
        times.extend(chunk)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * (len(times) - 1) + 0.5))]
    spread = (max(medians) - min(medians)) / max(1e-9, statistics.median(medians))
    return statistics.median(times), pick(0.1), pick(0.9), len(times), spread


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=1, help="intra-op threads (fixed for every model)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--runs", type=int, default=60, help="timed runs per model, over all rounds")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stability", type=float, default=0.05, help="largest spread of round medians (fraction)")
    parser.add_argument("--layers", action="store_true", help="also time the per-layer models (layers/)")
    parser.add_argument("--device", default=f"{platform.node()} {platform.machine()} {platform.processor()}".strip())
    parser.add_argument("--out", default=os.path.join(here, "results.csv"))
    args = parser.parse_args()
    with open(os.path.join(here, "manifest.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    device = f"{args.device} | onnxruntime {ort.__version__} | {args.threads} thread(s)"
    jobs = [("model", entry["genotype"], entry) for entry in manifest["models"]]
    if args.layers:
        jobs += [("layer", entry["configuration"], entry) for entry in manifest.get("layers", [])]
    rows, unstable = [], 0
    for index, (kind, key, entry) in enumerate(jobs):
        median, p10, p90, runs, spread = time_model(os.path.join(here, entry["file"]), entry["input"], args.threads, args.warmup, args.runs, args.rounds)
        stable = spread <= args.stability
        unstable += not stable
        rows.append({"kind": kind, "genotype": key, "median_ms": f"{median:.5f}", "p10_ms": f"{p10:.5f}", "p90_ms": f"{p90:.5f}",
                     "runs": runs, "threads": args.threads, "device": device, "stable": "yes" if stable else "no"})
        print(f"[{index + 1}/{len(jobs)}] {kind} {key}: {median:.3f} ms (p10 {p10:.3f}, p90 {p90:.3f}){'' if stable else '  UNSTABLE'}", flush=True)
    first = jobs[0]
    again = time_model(os.path.join(here, first[2]["file"]), first[2]["input"], args.threads, args.warmup, args.runs, args.rounds)[0]
    drift = abs(again - float(rows[0]["median_ms"])) / max(1e-9, float(rows[0]["median_ms"]))
    if drift > args.stability:
        print(f"warning: the first model now takes {again:.3f} ms against {rows[0]['median_ms']} ms at the start ({drift:.0%}): "
              "the device changed speed while measuring (frequency scaling, heat). Let it cool, fix its clocks, measure again.", file=sys.stderr)
        for row in rows:
            row["stable"] = "no"
    with open(args.out, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=["kind", "genotype", "median_ms", "p10_ms", "p90_ms", "runs", "threads", "device", "stable"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.out}: {len(rows)} rows, {unstable} unstable; import with: edgesmith-cli device-import PROFILE {args.out}")


if __name__ == "__main__":
    main()
