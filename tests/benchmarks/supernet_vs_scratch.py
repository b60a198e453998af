#!/usr/bin/env python3
"""Issue 9's search goal, end to end through edgesmith-cli: a weight-sharing supernet
search of the Fashion-MNIST MBConv template in at most 30 minutes against a 2-hour search
that trains every candidate from scratch, both on (accuracy, latency); the best candidate
of each is then retrained with one protocol and several seeds, and the retrained test
accuracies are compared (the goal: the supernet's within 1 point).

On this 2-core machine the whole comparison takes about 3.5 hours, longer than one
working session, so every stage keeps its state in --out (state.json, the two projects
and their databases) and a call with --chunk SECONDS stops cleanly when its time is up:
the scratch search is resumed with `search --continue` (only its own running time counts
toward the 2 hours), retrainings already done are kept. Call it again until it prints the
report; --write FILE then refreshes the "supernet-search" section of docs/benchmarks.md.

Usage: tests/benchmarks/supernet_vs_scratch.py [--out DIR] [--chunk SECONDS] [--write FILE]
"""
import argparse
import copy
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

from markdown_section import replace_section

ROOT = pathlib.Path(__file__).resolve().parents[2]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", default=str(ROOT / "build/app/cli/edgesmith-cli"))
    parser.add_argument("--out", default=str(ROOT / "docs/data/supernet-vs-scratch"))
    parser.add_argument("--chunk", type=float, default=0, help="seconds this call may run (0: until the report)")
    parser.add_argument("--scratch-seconds", type=float, default=7200)
    parser.add_argument("--supernet-seconds", type=float, default=1800)
    parser.add_argument("--supernet-epochs", type=int, default=4)
    parser.add_argument("--retrain-epochs", type=int, default=3)
    parser.add_argument("--retrain-subset", type=float, default=0.5)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--data-subset", type=float, default=1.0, help="fraction of Fashion-MNIST loaded (a smoke run)")
    parser.add_argument("--write", default="")
    return parser.parse_args()


class Budget:
    """The seconds left to this call; None when it has no limit."""

    def __init__(self, chunk):
        self.deadline = time.monotonic() + chunk if chunk > 0 else None

    def left(self):
        return None if self.deadline is None else self.deadline - time.monotonic()

    def spent(self):
        left = self.left()
        return left is not None and left <= 5


def load_state(out):
    file = out / "state.json"
    return json.loads(file.read_text()) if file.exists() else {"scratch_seconds": 0.0, "retrained": {}}


def save_state(out, state):
    file = out / "state.json"
    partial = file.with_suffix(".json.partial")
    partial.write_text(json.dumps(state, indent=1) + "\n")
    os.replace(partial, file)


def write_projects(out, options):
    """Both searches start from the default project: same data, space, objectives,
    constraints, strategy and latency measurement; only the estimator differs."""
    base = json.loads((ROOT / "projects/default.edgesmith.json").read_text())
    base["dataset"]["subset"] = options.data_subset
    base["strategy"] = {"name": "nsga2", "params": {"population": 16, "generations": 1000, "crossover_probability": 0.9,
                                                    "mutation_probability": 0.15, "seed": 1}}
    scratch = copy.deepcopy(base)
    scratch["name"] = "Fashion-MNIST MBConv, trained from scratch"
    scratch["database"] = "scratch.edgesmith.db"
    supernet = copy.deepcopy(base)
    supernet["name"] = "Fashion-MNIST MBConv, supernet"
    supernet["database"] = "supernet.edgesmith.db"
    supernet["estimator"] = {"name": "supernet", "params": {"sampling": "sandwich", "epochs": options.supernet_epochs, "subset": 0.2,
                                                            "learning_rate": 0.005, "seed": 1, "recalibration_batches": 20}}
    for name, project in (("scratch", scratch), ("supernet", supernet)):
        file = out / f"{name}.edgesmith.json"
        if not file.exists():
            file.write_text(json.dumps(project, indent=2) + "\n")
    return out / "scratch.edgesmith.json", out / "supernet.edgesmith.json"


def run_search(cli, project, extra, limit):
    """Runs one search call; SIGTERM (a clean cancel, resumable) when `limit` seconds pass.
    Returns (wall seconds, the finished event or None)."""
    start = time.monotonic()
    process = subprocess.Popen([cli, "search", str(project), "--json"] + extra, stdout=subprocess.PIPE, text=True)
    finished = None
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGTERM)
        process.wait()
    for line in process.stdout.read().splitlines():
        event = json.loads(line) if line.startswith("{") else {}
        if event.get("event") == "finished":
            finished = event
    if process.returncode not in (0, 1, 130, 143, -signal.SIGTERM):
        sys.exit(f"{project}: search exited {process.returncode}")
    return time.monotonic() - start, finished


def scratch_stage(cli, project, state, options, budget):
    while state["scratch_seconds"] < options.scratch_seconds - 1 and not state.get("scratch_done"):
        remaining = options.scratch_seconds - state["scratch_seconds"]
        limit = remaining + 120 if budget.left() is None else min(remaining + 120, budget.left())
        if limit <= 10:
            return False
        print(f"scratch search: {state['scratch_seconds']:.0f} of {options.scratch_seconds:.0f} s done, running up to {limit:.0f} s", flush=True)
        wall, finished = run_search(cli, project, ["--continue", "--time-limit", str(int(remaining))], limit)
        if finished:
            # The search's own running time: start-up and a cancel's wind-down are not search.
            state["scratch_seconds"] += min(finished["seconds"], remaining)
            state["scratch_run"] = finished["run"]
            state["scratch_done"] = finished["status"] == "finished" or state["scratch_seconds"] >= options.scratch_seconds - 1
        else:
            print(f"scratch search: no finished event after {wall:.0f} s; call again", flush=True)
        save_state(project.parent, state)
        if budget.spent():
            break
    return bool(state.get("scratch_done"))


def supernet_stage(cli, project, state, options, budget):
    """Two calls, both counted: the first trains the supernet and scores one candidate (the
    supernet is kept beside the project), the second searches for the time that is left."""
    if state.get("supernet_done"):
        return True
    needed = options.supernet_seconds + 300
    if budget.left() is not None and budget.left() < needed:
        print(f"supernet search: needs about {needed:.0f} s in one call; {budget.left():.0f} s left to this one", flush=True)
        return False
    training, first = run_search(cli, project, ["--budget", "1"], None)
    # A minute kept back for the second call's start-up and the wind-down of the candidates
    # in flight when its time limit ends it.
    searching, finished = run_search(cli, project, ["--time-limit", str(int(max(60, options.supernet_seconds - training - 60)))], None)
    state.update(supernet_done=True, supernet_run=finished["run"], supernet_first_run=first["run"],
                 supernet_seconds=training + searching, supernet_training_seconds=training)
    save_state(project.parent, state)
    return True


def best(cli, project, run):
    shown = json.loads(subprocess.run([cli, "show", str(run), str(project), "--json"], check=True, capture_output=True, text=True).stdout)
    evaluated = [c for c in shown["candidates"] if c["status"] == "evaluated" and "accuracy" in c["metrics"]]
    if not evaluated:
        sys.exit(f"{project}: run {run} evaluated no candidate; give its search more time")
    top = max(evaluated, key=lambda candidate: candidate["metrics"]["accuracy"])
    return {"genotype": top["genotype"], "accuracy": top["metrics"]["accuracy"], "latency_ms": top["metrics"].get("latency_ms"),
            "evaluated": len(evaluated), "front": len(shown["front"])}


def retrain_stage(cli, projects, state, options, budget):
    for name, project in projects.items():
        chosen = state.setdefault("best", {}).get(name) or best(cli, project, state[f"{name}_run"])
        state["best"][name] = chosen
        for seed in range(options.seeds):
            key = f"{name}:{seed}"
            if key in state["retrained"]:
                continue
            if budget.left() is not None and budget.left() < 1800:
                return False
            seeded = json.loads(project.read_text())
            seeded["estimator"] = {"name": "proxy-training", "params": {"epochs": options.retrain_epochs, "subset": options.retrain_subset,
                                                                          "learning_rate": 0.002, "batch_size": 128, "seed": seed}}
            seeded_file = project.parent / f"retrain-{name}-{seed}.edgesmith.json"
            seeded_file.write_text(json.dumps(seeded, indent=2) + "\n")
            print(f"retraining the {name} search's best {chosen['genotype']} (seed {seed})", flush=True)
            result = json.loads(subprocess.run([cli, "train", str(seeded_file), "--genotype", chosen["genotype"], "--json"], check=True,
                                               capture_output=True, text=True).stdout.splitlines()[-1])
            state["retrained"][key] = {"validation": result["validation"]["top1"], "test": result["test"]["top1"], "seconds": result["seconds"]}
            save_state(project.parent, state)
    return True


def report(state, options):
    rows, means = [], {}
    for name, label, seconds in (("scratch", "train from scratch (2 epochs on 20 %)", state["scratch_seconds"]),
                                 ("supernet", f"supernet ({options.supernet_epochs} epoch{'s' if options.supernet_epochs != 1 else ''}, sandwich), inherited weights", state["supernet_seconds"])):
        chosen = state["best"][name]
        tests = [state["retrained"][f"{name}:{seed}"]["test"] for seed in range(options.seeds)]
        means[name] = sum(tests) / len(tests)
        rows.append(f"| {label} | {seconds / 60:.0f} min | {chosen['evaluated']} | `{chosen['genotype']}` | {chosen['accuracy']:.2f} % | "
                    f"{chosen['latency_ms']:.3f} ms | {means[name]:.2f} % ({', '.join(f'{t:.2f}' for t in tests)}) |")
    gap = means["scratch"] - means["supernet"]
    # The gap as the table's rounded means show it (the goal is judged on the exact one).
    shown_gap = round(means["scratch"], 2) - round(means["supernet"], 2)
    in_time = state["supernet_seconds"] <= options.supernet_seconds
    text = (f"Retrained: {options.retrain_epochs} epoch{'s' if options.retrain_epochs != 1 else ''} on {options.retrain_subset * 100:.0f} % of the training split, "
            f"{options.seeds} seeds, test accuracy. Command: `tests/benchmarks/supernet_vs_scratch.py --write docs/benchmarks.md`.\n\n"
            "| search | time | candidates evaluated | best candidate | its search accuracy | latency | retrained test accuracy |\n"
            "|---|---:|---:|---|---:|---:|---:|\n" + "\n".join(rows) +
            f"\n\nThe supernet search's best is {shown_gap:.2f} points below the {options.scratch_seconds / 60:.0f}-minute search's best "
            f"({'within' if gap <= 1.0 else 'outside'} the 1-point goal); the supernet search took "
            f"{state['supernet_seconds'] / 60:.1f} minutes, supernet training included "
            f"({'within' if in_time else 'over'} the {options.supernet_seconds / 60:.0f}-minute goal).\n")
    return text, gap <= 1.0 and in_time


def main():
    options = arguments()
    out = pathlib.Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    state = load_state(out)
    budget = Budget(options.chunk)
    scratch, supernet = write_projects(out, options)
    if not scratch_stage(options.cli, scratch, state, options, budget):
        print(f"stopped: the scratch search has {state['scratch_seconds']:.0f} of {options.scratch_seconds:.0f} s; call again")
        return 3
    if not supernet_stage(options.cli, supernet, state, options, budget):
        return 3
    if not retrain_stage(options.cli, {"scratch": scratch, "supernet": supernet}, state, options, budget):
        print("stopped: retraining continues at the next call")
        return 3
    text, met = report(state, options)
    print(text)
    if options.write and not replace_section(options.write, "supernet-search", text):
        print(f"{options.write} has no supernet-search section markers", file=sys.stderr)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
