#!/usr/bin/python3
"""Optuna's side of tests/benchmarks/bench_strategies.cpp.

Searches the tabular benchmark that the C++ side generated with Optuna's RandomSampler,
TPESampler (multivariate=True) and NSGAIISampler (population_size=20), each as one
two-objective study (accuracy max, MACs min), under the same counting rule as EdgeSmith's
engine: a run ends after `budget` distinct architectures that keep the latency budget;
trials that break it, and repeats of an architecture already looked up, are free. TPE and
NSGA-II learn the latency budget through constraints_func (latency - budget <= 0).

Every decision is one categorical parameter (Optuna's flat view of the space); decisions
of blocks beyond the chosen depth are suggested too and then set to 0, EdgeSmith's
canonical form, so that equal architectures share one key and one table row.

Prints one JSON line per (sampler, budget, seed):
{"sampler", "budget", "seed", "keys": feasible distinct keys in order, "distinct": architectures
looked up, "trials": trials asked (repeats included), "seconds"}.
"""
import argparse
import json
import logging
import time
import warnings

import optuna


def canonical(raw, decisions):
    genotype = list(raw)
    for index, decision in enumerate(decisions):
        rule = decision["active_when"]
        if rule is not None and raw[rule["decision"]] not in rule["options"]:
            genotype[index] = 0
    return "-".join(str(value) for value in genotype)


def make_sampler(name, seed, constraints):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True, constraints_func=constraints)
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed, population_size=20, constraints_func=constraints)
    raise ValueError(name)


def search(name, budget, seed, table, decisions, latency_max):
    constraints = lambda trial: trial.user_attrs["constraint"]
    study = optuna.create_study(directions=["maximize", "minimize"], sampler=make_sampler(name, seed, constraints))
    seen = set()
    keys = []

    def objective(trial):
        raw = [trial.suggest_categorical("d%02d" % index, list(range(decision["options"]))) for index, decision in enumerate(decisions)]
        key = canonical(raw, decisions)
        row = table[key]
        trial.set_user_attr("constraint", [row["lat"] - latency_max])
        if key not in seen:
            seen.add(key)
            if row["lat"] <= latency_max:
                keys.append(key)
        return row["acc"], row["macs"]

    def stop_at_budget(study, trial):
        if len(keys) >= budget:
            study.stop()

    start = time.perf_counter()
    # The cap only guards against a sampler that repeats itself forever.
    study.optimize(objective, n_trials=50 * budget, callbacks=[stop_at_budget])
    return {"sampler": name, "budget": budget, "seed": seed, "keys": keys, "distinct": len(seen),
            "trials": len(study.trials), "seconds": time.perf_counter() - start}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", required=True)
    parser.add_argument("--space", required=True)
    parser.add_argument("--latency-max", type=float, required=True)
    parser.add_argument("--budgets", default="100,300")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--samplers", default="random,tpe,nsga2")
    arguments = parser.parse_args()
    optuna.logging.set_verbosity(logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    with open(arguments.table) as file:
        table = json.load(file)
    with open(arguments.space) as file:
        decisions = json.load(file)["decisions"]
    for name in arguments.samplers.split(","):
        for budget in [int(text) for text in arguments.budgets.split(",") if text]:
            for seed in range(arguments.first_seed, arguments.first_seed + arguments.seeds):
                result = search(name, budget, seed, table, decisions, arguments.latency_max)
                print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
