#!/usr/bin/env python3
"""How far the stand-alone reference of bench_ranking can be trusted: for every training
setup kept in docs/data/ranking-reference.json (epochs, images, device), one seed's ranking
of the subnets against another's, by validation accuracy and by validation loss, and each
setup's mean against every other's on the subnets both hold. An estimator ranked against
a reference cannot be expected to agree with it better than a second training of the same
networks does; a noise-free estimator does better, and the script estimates how much by
simulating a reference with the measured seed-to-seed agreement.

With --scores FILE (written by `bench_ranking --scores`), it also ranks one benchmark run's
estimators against the mean of every reference setup, so a costly estimator is run once
and compared with the 1-epoch and the 5-epoch reference alike (section "ranking-scores",
or the one --section names, so several runs keep a table each).

Usage: tests/benchmarks/reference_agreement.py [--reference FILE] [--scores FILE [--section NAME]] [--write docs/benchmarks.md]
"""
import argparse
import itertools
import json
import math
import pathlib
import random
import sys

from markdown_section import has_section, replace_section

ROOT = pathlib.Path(__file__).resolve().parents[2]


def kendall_tau(first, second):
    """Tau-b: ties in either list count as neither agreeing nor disagreeing."""
    concordant = discordant = ties_first = ties_second = 0
    for i, j in itertools.combinations(range(len(first)), 2):
        a, b = first[i] - first[j], second[i] - second[j]
        if a * b > 0:
            concordant += 1
        elif a * b < 0:
            discordant += 1
        elif a == 0 and b != 0:
            ties_first += 1
        elif b == 0 and a != 0:
            ties_second += 1
    denominator = ((concordant + discordant + ties_first) * (concordant + discordant + ties_second)) ** 0.5
    return (concordant - discordant) / denominator if denominator else float("nan")


def setups(runs):
    """{setup label: {genotype: {seed: entry}}}"""
    grouped = {}
    for run in runs:
        setup = run["setup"]
        # Every field of the setup is in the label, so references that differ in any of them
        # stay apart.
        label = (f"{setup['epochs']} epoch{'s' if setup['epochs'] != 1 else ''} on {setup['training_images']} images, "
                 f"learning rate {setup['learning_rate']:g}, {setup['device']}")
        extra = {key: value for key, value in setup.items()
                 if key not in ("epochs", "training_images", "learning_rate", "device", "subset", "validation_images")}
        if extra:
            label += ", " + ", ".join(f"{key} {value}" for key, value in sorted(extra.items()))
        grouped.setdefault(label, {}).setdefault(run["genotype"], {})[run["seed"]] = run
    return grouped


def seed_rows(label, subnets):
    rows = []
    seeds = sorted({seed for per_seed in subnets.values() for seed in per_seed})
    for first, second in itertools.combinations(seeds, 2):
        both = [per_seed for per_seed in subnets.values() if first in per_seed and second in per_seed]
        if len(both) < 3:
            continue
        accuracy = kendall_tau([s[first]["top1"] for s in both], [s[second]["top1"] for s in both])
        loss = kendall_tau([-s[first]["loss"] for s in both], [-s[second]["loss"] for s in both])
        tops = [(s[first]["top1"] + s[second]["top1"]) / 2 for s in both]
        seconds = sum(s[seed]["seconds"] for s in both for seed in (first, second)) / (2 * len(both))
        rows.append(f"| {label} | seed {second} against seed {first} | {len(both)} | {accuracy:.3f} | {loss:.3f} | "
                    f"{min(tops):.2f}–{max(tops):.2f} % | {seconds:.1f} s |")
        bounds = [noise_free_bounds(tau, len(both)) for tau in (accuracy, loss)]
        rows.append(f"| {label} | a noise-free estimator against one seed (simulated) | {len(both)} | {bounds[0][0]:.2f} | "
                    f"{bounds[1][0]:.2f} | | |")
        rows.append(f"| {label} | a noise-free estimator against the mean of two seeds (simulated) | {len(both)} | "
                    f"{bounds[0][1]:.2f} | {bounds[1][1]:.2f} | | |")
    return rows


def noise_free_bounds(seed_tau, subnets):
    """What a noise-free estimator would reach against this reference. Model: each subnet
    has a true accuracy, each training adds independent noise (both Gaussian); the noise
    level is the one whose simulated seed-to-seed tau matches the measured one. Returns
    (tau against one training, tau against the mean of two)."""
    generator = random.Random(5)

    def simulate(ratio, trials):
        agreement = single = paired = 0.0
        for _ in range(trials):
            truth = [generator.gauss(0, 1) for _ in range(subnets)]
            first = [value + generator.gauss(0, ratio) for value in truth]
            second = [value + generator.gauss(0, ratio) for value in truth]
            agreement += kendall_tau(first, second)
            single += kendall_tau(truth, first)
            paired += kendall_tau(truth, [(a + b) / 2 for a, b in zip(first, second)])
        return agreement / trials, single / trials, paired / trials

    ratios = [0.2 + 0.05 * step for step in range(57)]
    ratio = min(ratios, key=lambda r: abs(simulate(r, 60)[0] - seed_tau))
    _, single, paired = simulate(ratio, 400)
    return single, paired


def spearman_rho(first, second):
    """Pearson correlation of the ranks; ties share their mean rank."""
    def ranks(values):
        order = sorted(range(len(values)), key=lambda index: values[index])
        result = [0.0] * len(values)
        start = 0
        while start < len(order):
            end = start
            while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
                end += 1
            for position in range(start, end + 1):
                result[order[position]] = (start + end) / 2
            start = end + 1
        return result

    a, b = ranks(first), ranks(second)
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    covariance = sum((x - mean_a) * (y - mean_b) for x, y in zip(a, b))
    spread = (sum((x - mean_a) ** 2 for x in a) * sum((y - mean_b) ** 2 for y in b)) ** 0.5
    return covariance / spread if spread else float("nan")


class ScoresError(Exception):
    pass


def checked_scores(scores):
    """The subnets' scores as {genotype: {estimator: number}}, every estimator present and
    finite for every subnet; ScoresError names what is not."""
    subnets = scores.get("subnets") if isinstance(scores, dict) else None
    if not isinstance(subnets, list) or not subnets:
        raise ScoresError("field 'subnets': a non-empty list is needed")
    if not all(isinstance(entry, dict) and isinstance(entry.get("scores"), dict) for entry in subnets):
        raise ScoresError("field 'subnets': every entry needs a 'genotype' and a 'scores' object")
    estimators = list(subnets[0]["scores"])
    if not estimators:
        raise ScoresError("subnets[0]: 'scores' names no estimator")
    table = {}
    for index, entry in enumerate(subnets):
        genotype, values = entry.get("genotype"), entry["scores"]
        for estimator in estimators:
            value = values.get(estimator)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ScoresError(f"subnets[{index}] ({genotype}): '{estimator}' is {value!r}, not a finite number")
        table[genotype] = values
    return estimators, table


def score_table(scores, grouped):
    """Each estimator of one bench_ranking run against each reference setup's mean accuracy,
    on the subnets both hold: one row per estimator, a Kendall tau and a Spearman rho column
    per reference. Returns (legend sentences, table lines)."""
    estimators, table = checked_scores(scores)
    references = []
    for label, subnets in grouped.items():
        common = [genotype for genotype in table if genotype in subnets]
        if len(common) >= 3:
            seeds = sorted({len(subnets[genotype]) for genotype in common})
            references.append((label, common, [mean(subnets[genotype], "top1") for genotype in common], seeds))
    if not references:
        raise ScoresError("no reference setup holds 3 or more of its subnets")
    estimators.sort(key=lambda name: (not name.startswith("supernet"), "fine-tuned" in name, name))
    lines = ["| estimator | " + " | ".join(f"tau, ref. {index + 1} | rho, ref. {index + 1}" for index in range(len(references))) + " |",
             "|---|" + "---:|---:|" * len(references)]
    for estimator in estimators:
        cells = []
        for _, common, truth, _ in references:
            values = [table[genotype][estimator] for genotype in common]
            cells.append(f"{kendall_tau(values, truth):.3f} | {spearman_rho(values, truth):.3f}")
        lines.append(f"| {estimator} | " + " | ".join(cells) + " |")
    legend = []
    for index, (label, common, _, seeds) in enumerate(references):
        counted = f"{seeds[0]}" if len(seeds) == 1 else f"{seeds[0]} to {seeds[-1]}"
        legend.append(f"Reference {index + 1}: {label}, the mean of {counted} seed{'s' if seeds[-1] != 1 else ''}, {len(common)} subnets.")
    return legend, lines


def scores_text(file, grouped, section="ranking-scores"):
    try:
        scores = json.loads(pathlib.Path(file).read_text())
        legend, lines = score_table(scores, grouped)
        supernet = scores["supernet"]
        # Older scores files predate where the supernet's scores were measured.
        images = (f"; its scores measured on {supernet['scoring_images']:,} images ({supernet['scored_on']})"
                  if "scoring_images" in supernet else "")
        option = f" --section {section}" if section != "ranking-scores" else ""
        return (f"Supernet: {supernet['sampling']} sampling, {supernet['epochs']} epochs, learning rate {float(supernet['learning_rate']):g}, "
                f"{supernet['origin']}; batch norm recalibrated on {supernet['recalibration_batches']} batches{images}; scored on {scores['device']}. "
                f"Command: `tests/benchmarks/reference_agreement.py --scores {shown(file)}{option} --write docs/benchmarks.md`. "
                + " ".join(legend) + "\n\n" + "\n".join(lines) + "\n")
    except (OSError, ValueError, KeyError, TypeError, ScoresError) as error:
        sys.exit(f"{file}: cannot rank the estimators' scores ({error})")


def mean(per_seed, key):
    return sum(entry[key] for entry in per_seed.values()) / len(per_seed)


def cross_rows(grouped):
    rows = []
    for (first, a), (second, b) in itertools.combinations(grouped.items(), 2):
        common = sorted(set(a) & set(b))
        if len(common) < 3:
            continue
        accuracy = kendall_tau([mean(a[g], "top1") for g in common], [mean(b[g], "top1") for g in common])
        loss = kendall_tau([-mean(a[g], "loss") for g in common], [-mean(b[g], "loss") for g in common])
        rows.append(f"| {first} (mean) | {second} (mean) | {len(common)} | {accuracy:.3f} | {loss:.3f} | | |")
    return rows


def shown(path):
    """A path as the docs name it: from the repository root when it lies inside."""
    resolved = pathlib.Path(path).resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", default=str(ROOT / "docs/data/ranking-reference.json"))
    parser.add_argument("--scores", default="", help="a bench_ranking --scores file to rank against every reference")
    parser.add_argument("--section", default="ranking-scores", help="the section of --write that the --scores table replaces")
    parser.add_argument("--write", default="")
    options = parser.parse_args()
    if options.section == "ranking-reference":
        parser.error("--section ranking-reference is the reference's own table")
    try:
        runs = json.loads(pathlib.Path(options.reference).read_text())["runs"]
    except (OSError, ValueError, KeyError) as error:
        sys.exit(f"{options.reference}: cannot read the reference's runs ({error})")
    grouped = setups(runs)
    rows = [row for label, subnets in grouped.items() for row in seed_rows(label, subnets)] + cross_rows(grouped)
    text = ("Command: `tests/benchmarks/reference_agreement.py --write docs/benchmarks.md`.\n\n"
            "| reference | against | subnets | Kendall tau, accuracy | Kendall tau, validation loss | mean accuracies | per training |\n"
            "|---|---|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n")
    # Both texts first, so a bad scores file leaves docs/benchmarks.md as it was.
    ranked = scores_text(options.scores, grouped, options.section) if options.scores else None
    print(text)
    if ranked:
        print(ranked)
    if options.write:
        # Every section's markers before the first write, so a wrong --section changes nothing.
        for name in ["ranking-reference"] + ([options.section] if ranked else []):
            if not has_section(options.write, name):
                sys.exit(f"{options.write}: no {name} section markers")
    if options.write and not replace_section(options.write, "ranking-reference", text):
        sys.exit(f"{options.write}: no ranking-reference section markers")
    if options.write and ranked and not replace_section(options.write, options.section, ranked):
        sys.exit(f"{options.write}: no {options.section} section markers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
