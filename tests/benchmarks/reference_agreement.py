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

With several --scores files, one table gathers every run's supernet scores (and the MACs
count once), each against every reference; --section is then required.

--seeds N ranks against the first N seeds that every subnet of a setup has (default: all
of them), so a table made before more seeds were trained can be made again.

With --bias and several --scores files, a table of where the supernets' rankings go wrong:
per decision of the genotype, how the rank error follows the option chosen.

With --effects, a table of what each reference's trainings favour: per decision, how the
mean accuracy follows the option chosen; with --scores files, beside it what their supernets'
inherited accuracies and the MACs count favour. A reference that misreads an option and a
supernet that misreads it show apart here, where --bias sees only their difference.

With --calibrate FILES and --scores RANKED, the supernet scores of RANKED corrected per
option by a ridge fitted on other subnets: FILES hold the same supernet's scores of them
(bench_ranking --scores-only --skip-subnets), the reference file their stand-alone
trainings. The ranked subnets' own trainings take no part in the fit.

--partial (with --seeds N) keeps, in every setup, the subnets trained with its first N seeds
and drops the others, so a setup whose seeds all stopped part-way (a lent GPU's time ran
out) still ranks on the subnets it finished.

Usage: tests/benchmarks/reference_agreement.py [--reference FILE] [--seeds N [--partial]] [--bias | --effects | --calibrate FILE... [--fit-counts N...]] [--scores FILE... [--section NAME]] [--write docs/benchmarks.md]
"""
import argparse
import itertools
import json
import math
import pathlib
import random
import sys

from markdown_section import replace_section
from score_calibration import calibrated

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


def partial_setups(grouped, count):
    """Every setup that has `count` seeds but not `count` whole ones, cut to the subnets trained
    with its `count` lowest seeds; a setup left with fewer than 3 subnets is dropped. Setups
    with `count` whole seeds, or fewer seeds than that, stay as --seeds alone leaves them."""
    cut = {}
    for label, subnets in grouped.items():
        first = sorted({seed for per_seed in subnets.values() for seed in per_seed})[:count]
        if len(first) < count or len(whole_seeds(subnets)) >= count:
            cut[label] = subnets
            continue
        kept = {genotype: per_seed for genotype, per_seed in subnets.items() if all(seed in per_seed for seed in first)}
        if len(kept) >= 3:
            cut[label] = kept
    return cut


def whole_seeds(subnets, limit=None):
    """The seeds that every subnet of a setup was trained with, the first `limit` of them: a
    mean over them weighs every subnet alike (a seed stopped part-way is left out)."""
    seeds = sorted(set.intersection(*(set(per_seed) for per_seed in subnets.values()))) if subnets else []
    return seeds[:limit] if limit else seeds


def seed_rows(label, subnets, limit=None):
    """One setup's seed-to-seed agreement, the mean over every pair of its whole seeds, and
    what a noise-free estimator would reach against one seed and against their mean."""
    seeds = whole_seeds(subnets, limit)
    if len(seeds) < 2 or len(subnets) < 3:
        return []
    pairs = list(itertools.combinations(seeds, 2))
    entries = list(subnets.values())
    accuracy = sum(kendall_tau([s[a]["top1"] for s in entries], [s[b]["top1"] for s in entries]) for a, b in pairs) / len(pairs)
    loss = sum(kendall_tau([-s[a]["loss"] for s in entries], [-s[b]["loss"] for s in entries]) for a, b in pairs) / len(pairs)
    means = [mean(per_seed, "top1", seeds) for per_seed in entries]
    seconds = sum(s[seed]["seconds"] for s in entries for seed in seeds) / (len(seeds) * len(entries))
    against = (f"seed {seeds[1]} against seed {seeds[0]}" if len(pairs) == 1
               else f"one seed against another (the mean of the {len(pairs)} pairs of seeds {seeds[0]}–{seeds[-1]})")
    bounds = [noise_free_bounds(tau, len(entries), len(seeds)) for tau in (accuracy, loss)]
    return [f"| {label} | {against} | {len(entries)} | {accuracy:.3f} | {loss:.3f} | {min(means):.2f}–{max(means):.2f} % | {seconds:.1f} s |",
            f"| {label} | a noise-free estimator against one seed (simulated) | {len(entries)} | {bounds[0][0]:.2f} | {bounds[1][0]:.2f} | | |",
            f"| {label} | a noise-free estimator against the mean of {len(seeds)} seeds (simulated) | {len(entries)} | "
            f"{bounds[0][1]:.2f} | {bounds[1][1]:.2f} | | |"]


def noise_free_bounds(seed_tau, subnets, seeds=2):
    """What a noise-free estimator would reach against this reference. Model: each subnet
    has a true accuracy, each training adds independent noise (both Gaussian); the noise
    level is the one whose simulated seed-to-seed tau matches the measured one. Returns
    (tau against one training, tau against the mean of `seeds` trainings)."""
    generator = random.Random(5)

    def simulate(ratio, trials):
        agreement = single = averaged = 0.0
        for _ in range(trials):
            truth = [generator.gauss(0, 1) for _ in range(subnets)]
            trainings = [[value + generator.gauss(0, ratio) for value in truth] for _ in range(max(2, seeds))]
            agreement += kendall_tau(trainings[0], trainings[1])
            single += kendall_tau(truth, trainings[0])
            averaged += kendall_tau(truth, [sum(values[:seeds]) / seeds for values in zip(*trainings)])
        return agreement / trials, single / trials, averaged / trials

    ratios = [0.2 + 0.05 * step for step in range(57)]
    ratio = min(ratios, key=lambda r: abs(simulate(r, 60)[0] - seed_tau))
    _, single, averaged = simulate(ratio, 400)
    return single, averaged


def mean_ranks(values):
    """Each value's rank in ascending order from 0; ties share their mean rank."""
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


def spearman_rho(first, second):
    """Pearson correlation of the ranks; ties share their mean rank."""
    a, b = mean_ranks(first), mean_ranks(second)
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


def ranked_scores(scores, grouped, limit=None):
    """Each estimator of one bench_ranking run against each reference setup's mean accuracy
    over its whole seeds (the first `limit`), on the subnets both hold. Returns (legend
    sentences, estimators in table order, {estimator: [(tau, rho) per reference]}, the
    checked scores {genotype: {estimator: number}})."""
    estimators, table = checked_scores(scores)
    references = reference_means(table, grouped, limit)
    estimators.sort(key=lambda name: (not name.startswith("supernet"), "fine-tuned" in name, name))
    correlations = {}
    for estimator in estimators:
        correlations[estimator] = []
        for _, common, truth, _ in references:
            values = [table[genotype][estimator] for genotype in common]
            correlations[estimator].append((kendall_tau(values, truth), spearman_rho(values, truth)))
    return legend_of(references), estimators, correlations, table


def reference_means(table, grouped, limit=None):
    """Per reference setup holding 3 or more of the scored subnets: (label, those subnets,
    their mean accuracies over the setup's whole seeds, the seeds); ScoresError when none does."""
    references = []
    for label, subnets in grouped.items():
        common = [genotype for genotype in table if genotype in subnets]
        seeds = whole_seeds({genotype: subnets[genotype] for genotype in common}, limit)
        if len(common) >= 3 and seeds:
            references.append((label, common, [mean(subnets[genotype], "top1", seeds) for genotype in common], seeds))
    if not references:
        raise ScoresError("no reference setup holds 3 or more of its subnets")
    return references


def legend_of(references):
    return [f"Reference {index + 1}: {label}, the mean of {len(seeds)} seed{'s' if len(seeds) != 1 else ''}, {len(common)} subnets."
            for index, (label, common, _, seeds) in enumerate(references)]


def score_table(scores, grouped, limit=None):
    """ranked_scores() as a table: a Kendall tau and a Spearman rho column per reference.
    Returns (legend sentences, table lines)."""
    legend, estimators, correlations, _ = ranked_scores(scores, grouped, limit)
    lines = ["| estimator | " + " | ".join(f"tau, ref. {index + 1} | rho, ref. {index + 1}" for index in range(len(legend))) + " |",
             "|---|" + "---:|---:|" * len(legend)]
    for estimator in estimators:
        lines.append(f"| {estimator} | " + " | ".join(f"{tau:.3f} | {rho:.3f}" for tau, rho in correlations[estimator]) + " |")
    return legend, lines


def scores_text(file, grouped, section="ranking-scores", limit=None, partial=False, references=""):
    """One run's table; `references`: the --reference flag of its command where it is not the default."""
    try:
        scores = json.loads(pathlib.Path(file).read_text())
        legend, lines = score_table(scores, grouped, limit)
        supernet = scores["supernet"]
        # Older scores files predate where the supernet's scores were measured.
        images = (f"; its scores measured on {supernet['scoring_images']:,} images ({supernet['scored_on']})"
                  if "scoring_images" in supernet else "")
        option = (references + (f" --seeds {limit}" if limit else "") + (" --partial" if partial else "")
                  + (f" --section {section}" if section != "ranking-scores" else ""))
        # A second training of one setting names its seed; the first (seed 0) reads as before.
        seed = f", seed {supernet['seed']}" if supernet.get("seed") else ""
        sharing = f", {sharing_of(supernet)}" if sharing_of(supernet) != "elastic" else ""
        return (f"Supernet: {supernet['sampling']} sampling, {supernet['epochs']} epochs{seed}{sharing}{split_text(supernet)}, "
                f"learning rate {float(supernet['learning_rate']):g}, "
                f"{supernet['origin']}; batch norm recalibrated on {supernet['recalibration_batches']} batches{images}; scored on {scores['device']}. "
                f"Command: `tests/benchmarks/reference_agreement.py --scores {shown(file)}{option} --write docs/benchmarks.md`. "
                + " ".join(legend) + "\n\n" + "\n".join(lines) + "\n")
    except (OSError, ValueError, KeyError, TypeError, ScoresError) as error:
        sys.exit(f"{file}: cannot rank the estimators' scores ({error})")


def sharing_of(supernet):
    """Which weights the supernet kept apart (bench_ranking --separate-...); runs from before
    the choice existed shared everything."""
    return supernet.get("sharing", "elastic")


def split_text(supernet):
    """A few-shot run's copies (bench_ranking --split), or nothing for a one-shot supernet."""
    split = supernet.get("split")
    if not split:
        return ""
    if split["decision"] == "none":
        return f", then trained {split['epochs']} more epoch{'s' if split['epochs'] != 1 else ''} as one copy (the few-shot split's control)"
    return (f", then one copy per option of {split['decision']} trained {split['epochs']} more "
            f"epoch{'s' if split['epochs'] != 1 else ''} with it pinned (few-shot)")


def mean(per_seed, key, seeds):
    # Rounded, so two subnets whose seeds sum alike tie however the sum was rounded (three
    # seeds' means otherwise break a true tie in one summation order and not in another).
    return round(sum(per_seed[seed][key] for seed in seeds) / len(seeds), 9)


def cross_rows(grouped, limit=None):
    rows = []
    for (first, a), (second, b) in itertools.combinations(grouped.items(), 2):
        common = sorted(set(a) & set(b))
        seeds_a, seeds_b = whole_seeds({g: a[g] for g in common}, limit), whole_seeds({g: b[g] for g in common}, limit)
        if len(common) < 3 or not seeds_a or not seeds_b:
            continue
        accuracy = kendall_tau([mean(a[g], "top1", seeds_a) for g in common], [mean(b[g], "top1", seeds_b) for g in common])
        loss = kendall_tau([-mean(a[g], "loss", seeds_a) for g in common], [-mean(b[g], "loss", seeds_b) for g in common])
        rows.append(f"| {first} (mean) | {second} (mean) | {len(common)} | {accuracy:.3f} | {loss:.3f} | | |")
    return rows


def shown(path):
    """A path as the docs name it: from the repository root when it lies inside."""
    resolved = pathlib.Path(path).resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else path


def summary_text(files, grouped, section, limit=None, partial=False, references=""):
    """Several bench_ranking runs in one table of Kendall taus: each run's supernet scores,
    then the MACs count of the first run that has it (the zero-cost proxies do not depend
    on the supernet), against every reference's mean over its whole seeds (the first
    `limit`). Every run must be ranked against the same references, or the columns would
    not line up."""
    rows, legends, seen, proxy, trainings = [], [], set(), [], {}
    for file in files:
        try:
            scores = json.loads(pathlib.Path(file).read_text())
            legend, estimators, correlations, table = ranked_scores(scores, grouped, limit)
            supernet = scores["supernet"]
            # Older files lack some keys (None), so they pair only with each other. The device the
            # supernet trained on is not recorded (a kept one may come from another machine):
            # name such runs apart.
            setting = tuple(json.dumps(supernet.get(key), sort_keys=True)
                            for key in ("sampling", "epochs", "learning_rate", "recalibration_batches", "scoring_images", "scored_on",
                                        "subset", "split", "progressive_shares")) + (sharing_of(supernet),)
        except (OSError, ValueError, KeyError, TypeError, ScoresError) as error:
            sys.exit(f"{file}: cannot rank the estimators' scores ({error})")
        if legends and legend != legends[0]:
            sys.exit(f"{file}: ranked against other references than {files[0]} ({' '.join(legend)}), so it cannot share its table")
        legends.append(legend)
        name = pathlib.Path(file).stem.removeprefix("ranking-scores-")
        # The first run of each seed of a setting: a fine-tune's run repeats its supernet, so
        # later runs of the same seed and setting are left out of the seed comparison.
        trainings.setdefault(setting, {}).setdefault(supernet.get("seed", 0), (name, table))
        for estimator in estimators:
            taus = " | ".join(f"{tau:.3f}" for tau, _ in correlations[estimator])
            # A run that repeats another's scores (the inherited ones beside a fine-tune) adds
            # only its new rows.
            values = (estimator, tuple((genotype, table[genotype][estimator]) for genotype in sorted(table)))
            if estimator.startswith("supernet") and values not in seen:
                seen.add(values)
                rows.append(f"| {name} | {estimator} | {taus} |")
            elif estimator == "zero-cost: macs" and not proxy:
                proxy.append(f"| any | {estimator} | {taus} |")
    option = references + (f" --seeds {limit}" if limit else "") + (" --partial" if partial else "") + f" --section {section}"
    return (f"Command: `tests/benchmarks/reference_agreement.py --scores {' '.join(shown(file) for file in files)}{option} "
            f"--write docs/benchmarks.md`. " + " ".join(legends[0]) + "\n\n"
            "| scores (docs/data/ranking-scores-NAME.json) | estimator | " + " | ".join(f"Kendall tau, ref. {n + 1}" for n in range(len(legends[0])))
            + " |\n|---|---|" + "---:|" * len(legends[0]) + "\n" + "\n".join(rows + proxy) + "\n" + seed_agreement(trainings))


def seed_agreement(trainings):
    """Kendall tau between the inherited scores of two trainings of one supernet setting that
    differ only in their seed: how far one training's ranking is its own luck. Empty when
    no setting was trained twice."""
    rows = []
    for seeds in trainings.values():
        for (_, (first, a)), (_, (second, b)) in itertools.combinations(sorted(seeds.items()), 2):
            common = sorted(set(a) & set(b))
            if len(common) < 3:
                continue
            estimators = [name for name in a[common[0]] if name.startswith("supernet, inherited") and name in b[common[0]]]
            for estimator in estimators:
                tau = kendall_tau([a[genotype][estimator] for genotype in common], [b[genotype][estimator] for genotype in common])
                rows.append(f"| {first} | {second} | {estimator} | {len(common)} | {tau:.3f} |")
    if not rows:
        return ""
    return ("\nTwo trainings of one setting, differing only in the supernet's seed, against each other:\n\n"
            "| scores | against | estimator | subnets | Kendall tau |\n|---|---|---|---:|---:|\n" + "\n".join(rows) + "\n")


def decision_names(names_file):
    """The decision names a scores file records, or None without a file."""
    if not names_file:
        return None
    try:
        return json.loads(pathlib.Path(names_file).read_text())["decisions"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        sys.exit(f"{names_file}: no decision names ({error})")


def decision_label(names, decision):
    """A decision as the tables name it: its recorded name, or its index in the genotype."""
    return names[decision] if names and decision < len(names) else f"decision {decision}"


def scores_with(file, estimator):
    """A scores file, its estimators and checked table; exits naming the file when it cannot
    be read or lacks `estimator`."""
    try:
        scores = json.loads(pathlib.Path(file).read_text())
        estimators, table = checked_scores(scores)
        if estimator not in estimators:
            raise ScoresError(f"no '{estimator}' scores")
    except (OSError, ValueError, KeyError, TypeError, ScoresError) as error:
        sys.exit(f"{file}: cannot rank the estimators' scores ({error})")
    return scores, estimators, table


def decision_bias(files, grouped, estimator="supernet, inherited weights (accuracy)", threshold=0.15, limit=None, names_file=None):
    """Where a supernet's ranking goes wrong: per decision of the genotype, the Kendall tau
    between its option index and the rank error (the subnet's rank by the supernet score minus
    its rank by the reference mean; ties share their mean rank). Positive: the supernet puts subnets with a later option
    higher than their stand-alone training does. Mean, lowest and highest over the runs, per
    reference; only decisions whose mean reaches `threshold` in some reference. Decision
    names come from `names_file` or the first run that records them (bench_ranking writes
    "decisions"; older runs of the same space lack them)."""
    names, per_reference, legend = decision_names(names_file), {}, None
    for file in files:
        scores, estimators, table = scores_with(file, estimator)
        try:
            references = reference_means(table, grouped, limit)
        except ScoresError as error:
            sys.exit(f"{file}: cannot rank the estimators' scores ({error})")
        run_legend = legend_of(references)
        if legend is not None and run_legend != legend:
            sys.exit(f"{file}: ranked against other references than {files[0]}, so it cannot share the table")
        legend = run_legend
        names = names or scores.get("decisions")
        if names and len(names) != len(next(iter(table)).split("-")):
            sys.exit(f"{file}: its genotypes have another count of decisions than the {len(names)} names")
        for label, common, truth, _ in references:
            error = [a - b for a, b in zip(mean_ranks([table[g][estimator] for g in common]), mean_ranks(truth))]
            options = [[int(part) for part in genotype.split("-")] for genotype in common]
            for decision in range(len(options[0])):
                column = [option[decision] for option in options]
                if len(set(column)) > 1:
                    per_reference.setdefault(label, {}).setdefault(decision, []).append(kendall_tau(column, error))
    labels = list(per_reference)
    shown_decisions = sorted({d for taus in per_reference.values() for d, values in taus.items()
                              if abs(sum(values) / len(values)) >= threshold})
    rows = []
    for decision in shown_decisions:
        name = decision_label(names, decision)
        cells = []
        for label in labels:
            values = per_reference[label].get(decision, [])
            cells.append(f"{sum(values) / len(values):+.2f} | {min(values):+.2f} to {max(values):+.2f}" if values else " | ")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    header = "| decision | " + " | ".join(f"mean, ref. {n + 1} | range, ref. {n + 1}" for n in range(len(labels))) + " |"
    return (" ".join(legend or []) + f" {len(files)} runs; decisions whose mean reaches ±{threshold:g} against a reference.\n\n"
            + header + "\n|---|" + "---:|---:|" * len(labels) + "\n" + "\n".join(rows) + "\n")


def option_taus(genotypes, values):
    """{decision index: Kendall tau between its option index and the values}, for every
    decision whose option varies among the genotypes."""
    options = [[int(part) for part in genotype.split("-")] for genotype in genotypes]
    taus = {}
    for decision in range(len(options[0])):
        column = [option[decision] for option in options]
        if len(set(column)) > 1:
            taus[decision] = kendall_tau(column, values)
    return taus


def decision_effects(grouped, files=(), estimator="supernet, inherited weights (accuracy)", threshold=0.15, limit=None, names_file=None):
    """What the trainings favour: per decision, the Kendall tau between its option index and
    each reference's mean accuracy over its whole seeds (the first `limit`), and with scores
    files the mean (and range) of the same tau over their supernets' scores (a run that
    repeats another's counts once), then the MACs count of the first file. Positive: a later option goes with a higher accuracy. Only
    decisions whose value reaches `threshold` somewhere are shown."""
    names = decision_names(names_file)
    columns, legend, counts = [], [], {}
    for label, subnets in grouped.items():
        seeds = whole_seeds(subnets, limit)
        if len(subnets) < 3 or not seeds:
            continue
        for genotype in subnets:
            counts.setdefault(len(genotype.split("-")), label)
        genotypes = sorted(subnets)
        columns.append(option_taus(genotypes, [mean(subnets[genotype], "top1", seeds) for genotype in genotypes]))
        legend.append(f"Reference {len(columns)}: {label}, the mean of {len(seeds)} seed{'s' if len(seeds) != 1 else ''}, {len(genotypes)} subnets.")
    if not columns:
        sys.exit("no reference setup holds 3 or more subnets with a whole seed")
    supernets, macs, seen = [], None, set()
    for file in files:
        scores, estimators, table = scores_with(file, estimator)
        names = names or scores.get("decisions")
        genotypes = sorted(table)
        for genotype in genotypes:
            counts.setdefault(len(genotype.split("-")), file)
        # A fine-tune's run repeats its supernet's inherited scores: they count once.
        values = tuple((genotype, table[genotype][estimator]) for genotype in genotypes)
        if values in seen:
            continue
        seen.add(values)
        supernets.append(option_taus(genotypes, [table[genotype][estimator] for genotype in genotypes]))
        if macs is None and "zero-cost: macs" in estimators:
            macs = option_taus(genotypes, [table[genotype]["zero-cost: macs"] for genotype in genotypes])
    # Option indices of spaces with other decisions would share rows: refuse the mix.
    if len(counts) > 1 or (names and set(counts) != {len(names)}):
        found = ", ".join(f"{count} in {where}" for count, where in sorted(counts.items()))
        sys.exit(f"genotypes with another count of decisions than the {len(names) if names else 'others'}"
                 f"{' names' if names else ''}: {found}")
    decisions = sorted({decision for column in columns + supernets + ([macs] if macs else []) for decision in column})

    def shows(decision):
        values = [column[decision] for column in columns if decision in column]
        runs = [column[decision] for column in supernets if decision in column]
        if runs:
            values.append(sum(runs) / len(runs))
        return any(abs(value) >= threshold for value in values)

    header = "| decision | " + " | ".join(f"ref. {index + 1}" for index in range(len(columns)))
    rule = "|---|" + "---:|" * len(columns)
    if supernets:
        header += f" | supernets, mean of {len(supernets)} | supernets, range"
        rule += "---:|---:|"
    if macs:
        header += " | MACs"
        rule += "---:|"
    rows = []
    for decision in filter(shows, decisions):
        cells = [f"{column[decision]:+.2f}" if decision in column else "" for column in columns]
        if supernets:
            values = [column[decision] for column in supernets if decision in column]
            cells += [f"{sum(values) / len(values):+.2f}", f"{min(values):+.2f} to {max(values):+.2f}"] if values else ["", ""]
        if macs:
            cells.append(f"{macs[decision]:+.2f}" if decision in macs else "")
        rows.append(f"| {decision_label(names, decision)} | " + " | ".join(cells) + " |")
    over = " The supernets' and the MACs columns are over each scores file's own subnets." if supernets else ""
    return (" ".join(legend) + over + f" Decisions whose Kendall tau between option index and accuracy reaches ±{threshold:g} in a reference"
            + (" or in the supernets' mean" if supernets else "") + ".\n\n" + header + " |\n" + rule + "\n" + "\n".join(rows) + "\n")


def same_supernet(first, second):
    """Two scores files' supernets are one training scored alike (where it was kept aside;
    files from before the sharing choice existed shared everything)."""
    return supernet_setting(first) == supernet_setting(second)


def supernet_setting(supernet):
    return {key: value for key, value in supernet.items() if key != "origin"} | {"sharing": sharing_of(supernet)}


def setting_difference(first, second):
    """The keys two supernets' settings differ in, for the message that refuses them."""
    a, b = supernet_setting(first), supernet_setting(second)
    return ", ".join(f"{key} {a.get(key)!r} / {b.get(key)!r}" for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key))


def learnt_terms(terms, names, count=4):
    """The fit's largest per-option corrections, named where the scores file names its decisions:
    what it learnt, to set beside the references' own effects (ranking-effects)."""
    shown_terms = ", ".join(f"{decision_label(names, decision)} option {option} {points:+.2f}" for decision, option, points in terms[:count])
    return f"Its largest option terms (points over the decision's first option): {shown_terms}. " if shown_terms else ""


def calibration_text(calibration_files, ranked_files, grouped, estimator="supernet, inherited weights (accuracy)", limit=None, counts=()):
    """Per reference setup holding 10 or more of the calibration subnets: the ridge fitted on
    them, and each ranked run's supernet scores and corrected scores against every reference.
    `counts`: also fits on the draw's first N of them (the calibration files' order), to show
    how far the corrected ranking moves with the calibration's size."""
    pooled, supernet, names = {}, None, None
    for file in calibration_files:
        scores, _, table = scores_with(file, estimator)
        names = names or scores.get("decisions")
        if supernet is not None and not same_supernet(supernet, scores["supernet"]):
            sys.exit(f"{file}: scores of another supernet than {calibration_files[0]} ({setting_difference(scores['supernet'], supernet)})")
        supernet = scores["supernet"]
        pooled.update({genotype: values[estimator] for genotype, values in table.items()})
    ranked = []
    for file in ranked_files:
        scores, _, table = scores_with(file, estimator)
        if not same_supernet(supernet, scores["supernet"]):
            sys.exit(f"{file}: scores of another supernet than the calibration files' ({setting_difference(scores['supernet'], supernet)})")
        if set(table) & set(pooled):
            sys.exit(f"{file}: subnets that the calibration files hold too; the fit must not see the ranked ones")
        ranked.append((file, table))
    fits = []
    for label, subnets in grouped.items():
        common = [genotype for genotype in pooled if genotype in subnets]  # in the draw's order
        seeds = whole_seeds({genotype: subnets[genotype] for genotype in common}, limit)
        if len(common) >= 10 and seeds:
            fits.append((label, [(genotype, pooled[genotype], mean(subnets[genotype], "top1", seeds)) for genotype in common], seeds))
    if not fits:
        sys.exit("no reference setup holds 10 or more of the calibration subnets with a whole seed")
    blocks = []
    for label, train, seeds in fits:
        lines, legend = [], None
        for file, table in ranked:
            genotypes = sorted(table)
            scored = [(genotype, table[genotype][estimator]) for genotype in genotypes]
            rows = [(estimator, estimator), (f"corrected per option (fit on {label})", "corrected")]
            try:
                corrected, penalty, error, alone, terms = calibrated(train, scored)
                corrected_table = {genotype: {estimator: table[genotype][estimator], "corrected": value}
                                   for genotype, value in zip(genotypes, corrected)}
                for count in sorted(set(count for count in counts if 10 <= count < len(train))):
                    for genotype, value in zip(genotypes, calibrated(train[:count], scored)[0]):
                        corrected_table[genotype][count] = value
                    rows.append((f"corrected per option, fit on the first {count} of them", count))
                references = reference_means(corrected_table, grouped, limit)
            except (ValueError, ScoresError) as error:
                sys.exit(f"{file}: cannot correct and rank its scores ({error})")
            if legend is not None and legend_of(references) != legend:
                sys.exit(f"{file}: ranked against other references than {ranked[0][0]}, so it cannot share the table")
            legend = legend_of(references)
            name = pathlib.Path(file).stem.removeprefix("ranking-scores-")
            for row, key in rows:
                taus = " | ".join(f"{kendall_tau([corrected_table[g][key] for g in common], truth):.3f}" for _, common, truth, _ in references)
                lines.append(f"| {name} | {row} | {taus} |")
        blocks.append(f"Fit on {len(train)} other subnets trained in \"{label}\" (the mean of {len(seeds)} seed{'s' if len(seeds) != 1 else ''}); "
                      f"ridge penalty {penalty:g}, chosen by leave-one-out error on them ({error:.2f} points; the supernet score alone "
                      f"{alone:.2f}). " + learnt_terms(terms, names) + " ".join(legend) + "\n\n| scores | estimator | " + " | ".join(f"Kendall tau, ref. {n + 1}" for n in range(len(legend)))
                      + " |\n|---|---|" + "---:|" * len(legend) + "\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_reference = str(ROOT / "docs/data/ranking-reference.json")
    parser.add_argument("--reference", nargs="+", default=[default_reference],
                        help="stand-alone trainings (bench_ranking --reference); several files are read as one")
    parser.add_argument("--scores", nargs="+", default=[],
                        help="bench_ranking --scores files to rank against every reference (several: one summary table)")
    parser.add_argument("--section", default="ranking-scores", help="the section of --write that the --scores table replaces")
    parser.add_argument("--seeds", type=int, default=0, help="the first N whole seeds of each reference (default: all)")
    parser.add_argument("--bias", action="store_true",
                        help="with --scores: per decision, how the supernet's rank error follows its option (decision_bias)")
    parser.add_argument("--effects", action="store_true",
                        help="per decision, how each reference's accuracy (and with --scores the supernets' scores) follows its option")
    parser.add_argument("--calibrate", nargs="+", default=[],
                        help="scores files of other subnets by the --scores runs' supernet: fit a per-option correction on them")
    parser.add_argument("--fit-counts", nargs="+", type=int, default=[],
                        help="with --calibrate: also fit on the first N calibration subnets (10 or more), for each N below their count")
    parser.add_argument("--threshold", type=float, default=0.15,
                        help="with --bias or --effects: the smallest |Kendall tau| that shows a decision")
    parser.add_argument("--partial", action="store_true",
                        help="with --seeds N: every setup keeps only the subnets trained with its first N seeds")
    parser.add_argument("--names", default="", help="with --bias or --effects: a scores file whose \"decisions\" name the genotype's positions")
    parser.add_argument("--write", default="")
    options = parser.parse_args()
    if options.section == "ranking-reference":
        parser.error("--section ranking-reference is the reference's own table")
    if options.seeds < 0:
        parser.error("--seeds needs a count of seeds (0: every whole seed)")
    if len(options.scores) > 1 and options.section == "ranking-scores":
        parser.error("several --scores files need a --section of their own (ranking-scores is the first run's table)")
    if options.threshold < 0:
        parser.error("--threshold needs a Kendall tau of 0 or more")
    if options.partial and not options.seeds:
        parser.error("--partial needs --seeds N (the seeds a subnet must have to stay)")
    if sum(map(bool, (options.bias, options.effects, options.calibrate))) > 1:
        parser.error("--bias, --effects and --calibrate write one table each: run them apart")
    if options.calibrate and (not options.scores or options.section in ("ranking-scores", "ranking-reference")):
        parser.error("--calibrate needs --scores files (the ranked runs) and a --section of its own")
    if options.fit_counts and (not options.calibrate or min(options.fit_counts) < 10):
        parser.error("--fit-counts goes with --calibrate, and needs counts of 10 or more")
    if (options.effects or options.partial) and options.section in ("ranking-scores", "ranking-reference"):
        parser.error("--effects and --partial need a --section of their own")
    limit = options.seeds or None
    runs, trained = [], {}
    for position, file in enumerate(options.reference):
        try:
            runs_of_file = json.loads(pathlib.Path(file).read_text())["runs"]
            for run in runs_of_file:
                key = (json.dumps(run["setup"], sort_keys=True), run["genotype"], run["seed"])
                # Within one file a later entry replaces an earlier one, as bench_ranking reads it;
                # across files the same training twice is a mistake in the command.
                if trained.setdefault(key, position) != position:
                    raise ValueError(f"{run['genotype']} seed {run['seed']} is also in {options.reference[trained[key]]}")
            runs += runs_of_file
        except (OSError, ValueError, KeyError, TypeError) as error:
            sys.exit(f"{file}: cannot read the reference's runs ({error})")
    grouped = setups(runs)
    if options.partial:
        grouped = partial_setups(grouped, options.seeds)
    # Every option that changes a table is in the command that the table names.
    references = f" --reference {' '.join(shown(file) for file in options.reference)}" if options.reference != [default_reference] else ""
    flags = references + (f" --seeds {limit}" if limit else "") + (" --partial" if options.partial else "")
    threshold = f" --threshold {options.threshold:g}" if options.threshold != 0.15 else ""
    # With --scores only the scores' section is written: the reference's own table is its
    # own command's, so an older run ranked with --seeds leaves it as it is.
    if options.bias:
        if not options.scores or options.section == "ranking-scores":
            parser.error("--bias needs --scores files and a --section of its own")
        option = flags + threshold + (f" --names {shown(options.names)}" if options.names else "") + f" --section {options.section}"
        text = (f"Command: `tests/benchmarks/reference_agreement.py --bias --scores {' '.join(shown(file) for file in options.scores)}{option} "
                f"--write docs/benchmarks.md`. " + decision_bias(options.scores, grouped, threshold=options.threshold, limit=limit, names_file=options.names or None))
        section = options.section
    elif options.calibrate:
        text = (f"Command: `tests/benchmarks/reference_agreement.py --calibrate {' '.join(shown(file) for file in options.calibrate)} "
                f"--scores {' '.join(shown(file) for file in options.scores)}{flags}"
                f"{' --fit-counts ' + ' '.join(map(str, options.fit_counts)) if options.fit_counts else ''} --section {options.section} --write docs/benchmarks.md`. "
                + calibration_text(options.calibrate, options.scores, grouped, limit=limit, counts=options.fit_counts))
        section = options.section
    elif options.effects:
        scores = (" --scores " + " ".join(shown(file) for file in options.scores)) if options.scores else ""
        option = flags + threshold + (f" --names {shown(options.names)}" if options.names else "") + f" --section {options.section}"
        text = (f"Command: `tests/benchmarks/reference_agreement.py --effects{scores}{option} --write docs/benchmarks.md`. "
                + decision_effects(grouped, options.scores, threshold=options.threshold, limit=limit, names_file=options.names or None))
        section = options.section
    elif len(options.scores) > 1:
        text, section = summary_text(options.scores, grouped, options.section, limit, options.partial, references), options.section
    elif options.scores:
        text, section = scores_text(options.scores[0], grouped, options.section, limit, options.partial, references), options.section
    else:
        rows = [row for label, subnets in grouped.items() for row in seed_rows(label, subnets, limit)] + cross_rows(grouped, limit)
        text = (f"Command: `tests/benchmarks/reference_agreement.py{flags}"
                f"{f' --section {options.section}' if options.partial else ''} --write docs/benchmarks.md`.\n\n"
                "| reference | against | subnets | Kendall tau, accuracy | Kendall tau, validation loss | mean accuracies | per training |\n"
                "|---|---|---:|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n")
        section = options.section if options.partial else "ranking-reference"
    print(text)
    if options.write and not replace_section(options.write, section, text):
        sys.exit(f"{options.write}: no {section} section markers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
