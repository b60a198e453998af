#!/usr/bin/env python3
"""reference_agreement.py's rank correlations and score checks, on hand-worked cases: the
benchmark tables of issue 9 rest on them, and they are a second copy of
core/search/rank_correlation (tau-b, Spearman with mean ranks for ties)."""
import contextlib
import io
import json
import math
import pathlib
import sys
import tempfile
import unittest

import reference_agreement
import score_calibration
from reference_agreement import ScoresError, checked_scores, kendall_tau, score_table, spearman_rho


# A scores file's supernet record and its inherited-accuracy estimator, as bench_ranking writes them.
SUPERNET = {"sampling": "sandwich", "epochs": 4, "learning_rate": 0.005, "origin": "kept", "recalibration_batches": 20}
INHERITED = "supernet, inherited weights (accuracy)"


class RankCorrelation(unittest.TestCase):
    def test_tau_b_counts_a_tie_in_one_list_in_its_denominator(self):
        # Pairs: 5 concordant, 1 tied in the first list only: 5 / sqrt(6 * 5).
        self.assertAlmostEqual(kendall_tau([1, 2, 2, 3], [1, 2, 3, 4]), 5 / math.sqrt(30))

    def test_tau_of_a_reversed_order_is_minus_one(self):
        self.assertAlmostEqual(kendall_tau([1, 2, 3, 4], [8, 6, 4, 2]), -1.0)

    def test_spearman_gives_tied_values_their_mean_rank(self):
        # Ranks [0, 1.5, 1.5, 3] against [0, 1, 2, 3]: 4.5 / sqrt(4.5 * 5).
        self.assertAlmostEqual(spearman_rho([1, 2, 2, 3], [1, 2, 3, 4]), 4.5 / math.sqrt(22.5))

    def test_constant_scores_have_no_correlation(self):
        self.assertTrue(math.isnan(spearman_rho([1, 1, 1], [1, 2, 3])))


def reference(accuracies):
    """{genotype: {seed: entry}} as setups() groups the reference file, one seed each."""
    return {genotype: {0: {"top1": top1, "loss": 0.0}} for genotype, top1 in accuracies.items()}


class Scores(unittest.TestCase):
    def scores(self, values):
        return {"subnets": [{"genotype": genotype, "scores": {"macs": value}} for genotype, value in values.items()]}

    def test_a_missing_score_is_named_with_its_subnet(self):
        document = self.scores({"a": 1.0, "b": 2.0})
        document["subnets"][1]["scores"]["macs"] = None
        with self.assertRaisesRegex(ScoresError, r"subnets\[1\] \(b\): 'macs' is None"):
            checked_scores(document)

    def test_a_boolean_is_not_a_score(self):
        document = self.scores({"a": 1.0, "b": 2.0})
        document["subnets"][0]["scores"]["macs"] = True
        with self.assertRaisesRegex(ScoresError, r"subnets\[0\] \(a\): 'macs' is True"):
            checked_scores(document)

    def test_entries_without_scores_are_refused(self):
        with self.assertRaisesRegex(ScoresError, "every entry needs"):
            checked_scores({"subnets": [{"genotype": "a", "scores": {"macs": 1.0}}, "b"]})
        with self.assertRaisesRegex(ScoresError, "names no estimator"):
            checked_scores({"subnets": [{"genotype": "a", "scores": {}}]})

    def test_scores_are_ranked_against_each_reference_on_the_subnets_it_holds(self):
        grouped = {"first": reference({"a": 70.0, "b": 80.0, "c": 90.0}),
                   "second": reference({"a": 90.0, "b": 80.0, "c": 70.0, "d": 60.0})}
        legend, lines = score_table(self.scores({"a": 1.0, "b": 2.0, "c": 3.0}), grouped)
        self.assertEqual(lines[2], "| macs | 1.000 | 1.000 | -1.000 | -1.000 |")
        self.assertIn("Reference 2: second, the mean of 1 seed, 3 subnets.", legend)

    def test_scores_that_no_reference_holds_are_refused(self):
        with self.assertRaisesRegex(ScoresError, "no reference setup"):
            score_table(self.scores({"x": 1.0, "y": 2.0, "z": 3.0}), {"first": reference({"a": 70.0, "b": 80.0, "c": 90.0})})


def trained(seeds):
    """{genotype: {seed: entry}} from {genotype: [top1 of seed 0, of seed 1, ...]}."""
    return {genotype: {seed: {"top1": top1, "loss": 1.0 - top1 / 100, "seconds": 1.0} for seed, top1 in enumerate(tops) if top1 is not None}
            for genotype, tops in seeds.items()}


class WholeSeeds(unittest.TestCase):
    # Seed 2 was stopped part-way: only subnet c has it, and with it c would rank first.
    subnets = trained({"a": [70.0, 72.0, None], "b": [80.0, 82.0, None], "c": [74.0, 76.0, 99.0]})

    def test_a_seed_that_some_subnet_lacks_is_left_out(self):
        self.assertEqual(reference_agreement.whole_seeds(self.subnets), [0, 1])
        self.assertEqual(reference_agreement.whole_seeds(self.subnets, 1), [0])

    def test_scores_are_ranked_against_the_mean_of_the_whole_seeds(self):
        scores = {"subnets": [{"genotype": g, "scores": {"macs": v}} for g, v in (("a", 1.0), ("b", 3.0), ("c", 2.0))]}
        legend, lines = score_table(scores, {"five": self.subnets})
        self.assertEqual(lines[2], "| macs | 1.000 | 1.000 |")
        self.assertIn("Reference 1: five, the mean of 2 seeds, 3 subnets.", legend)

    def test_seed_rows_average_every_pair_of_whole_seeds(self):
        # Seeds 0 and 1 agree (tau 1), seed 2 reverses b and c: pairs (0,1) 1, (0,2) and (1,2) 1/3.
        subnets = trained({"a": [70.0, 71.0, 60.0], "b": [80.0, 81.0, 90.0], "c": [85.0, 86.0, 85.0]})
        rows = reference_agreement.seed_rows("five", subnets)
        self.assertIn("| five | one seed against another (the mean of the 3 pairs of seeds 0–2) | 3 | 0.556 |", rows[0])
        self.assertIn("against the mean of 3 seeds (simulated)", rows[2])
        self.assertIn("| five | seed 1 against seed 0 | 3 | 1.000 |", reference_agreement.seed_rows("five", subnets, 2)[0])

    def test_the_mean_of_more_seeds_is_a_tighter_bound(self):
        one, two = reference_agreement.noise_free_bounds(0.4, 30, 2)
        _, four = reference_agreement.noise_free_bounds(0.4, 30, 4)
        self.assertLess(one, two)
        self.assertLess(two, four)


class Command(unittest.TestCase):
    def test_a_bad_scores_file_leaves_the_docs_as_they_were(self):
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            write_reference(folder / "reference.json")
            (folder / "scores.json").write_text(json.dumps({"subnets": [{"genotype": "a", "scores": {"macs": None}}]}))
            docs = folder / "benchmarks.md"
            text = ("<!-- ranking-reference:begin -->\nold\n<!-- ranking-reference:end -->\n"
                    "<!-- ranking-scores:begin -->\nold\n<!-- ranking-scores:end -->\n")
            docs.write_text(text)
            run(["--reference", str(folder / "reference.json"), "--scores", str(folder / "scores.json"), "--write", str(docs)],
                "scores.json: cannot rank the estimators' scores .*'macs' is None")
            self.assertEqual(docs.read_text(), text)

    def test_section_names_where_the_scores_table_goes(self):
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            write_reference(folder / "reference.json")
            supernet = dict(SUPERNET, scored_on="training images outside the subset", scoring_images=42750)
            scores = {"supernet": supernet, "device": "cpu",
                      "subnets": [{"genotype": g, "scores": {"macs": v}} for g, v in (("a", 3.0), ("b", 2.0), ("c", 1.0))]}
            (folder / "scores.json").write_text(json.dumps(scores))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- ranking-reference:begin -->\nold\n<!-- ranking-reference:end -->\n"
                            "<!-- ranking-scores:begin -->\nold\n<!-- ranking-scores:end -->\n"
                            "<!-- ranking-other:begin -->\nold\n<!-- ranking-other:end -->\n")
            command = ["--reference", str(folder / "reference.json"), "--scores", str(folder / "scores.json"), "--write", str(docs)]
            run(command + ["--section", "ranking-nowhere"], "no ranking-nowhere section markers")
            self.assertIn("<!-- ranking-reference:begin -->\nold\n", docs.read_text())
            run(command + ["--section", "ranking-reference"], "2")  # argparse's usage error
            self.assertIn("<!-- ranking-reference:begin -->\nold\n", docs.read_text())
            unended = folder / "unended.md"
            unended.write_text("<!-- ranking-reference:begin -->\nold\n<!-- ranking-reference:end -->\n"
                               "<!-- ranking-other:begin -->\nold\n")
            run(["--reference", str(folder / "reference.json"), "--scores", str(folder / "scores.json"), "--write", str(unended),
                 "--section", "ranking-other"], "no ranking-other section markers")
            self.assertIn("<!-- ranking-reference:begin -->\nold\n", unended.read_text())
            run(command + ["--section", "ranking-other"])
            text = docs.read_text()
            self.assertIn("<!-- ranking-scores:begin -->\nold\n", text)
            other = text.split("<!-- ranking-other:begin -->")[1]
            self.assertIn("| macs | -1.000 | -1.000 |", other)
            self.assertIn("measured on 42,750 images (training images outside the subset)", other)
            self.assertIn("--section ranking-other --write", other)
            # The table's command names the reference it was ranked against, not the default.
            self.assertIn(f"--scores {folder / 'scores.json'} --reference {folder / 'reference.json'} --section ranking-other", other)
            self.assertIn("Supernet: sandwich sampling, 4 epochs, learning rate 0.005", other)
            # A second training of the same setting says which one it is.
            scores["supernet"]["seed"] = 1
            (folder / "scores.json").write_text(json.dumps(scores))
            run(command + ["--section", "ranking-other"])
            self.assertIn("Supernet: sandwich sampling, 4 epochs, seed 1, learning rate 0.005", docs.read_text())
            # So does a few-shot run's split.
            scores["supernet"]["split"] = {"decision": "stages[1].out", "epochs": 1}
            (folder / "scores.json").write_text(json.dumps(scores))
            run(command + ["--section", "ranking-other"])
            self.assertIn("seed 1, then one copy per option of stages[1].out trained 1 more epoch with it pinned (few-shot), learning rate",
                          docs.read_text())
            scores["supernet"]["split"] = {"decision": "none", "epochs": 2}
            (folder / "scores.json").write_text(json.dumps(scores))
            run(command + ["--section", "ranking-other"])
            self.assertIn("seed 1, then trained 2 more epochs as one copy (the few-shot split's control), learning rate", docs.read_text())


class Summary(unittest.TestCase):
    def test_several_runs_share_one_table_and_repeat_nothing(self):
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            write_reference(folder / "reference.json")
            supernet = dict(SUPERNET)
            first = {"supernet": supernet, "device": "cpu", "subnets": [
                {"genotype": g, "scores": {INHERITED: a, "zero-cost: macs": m}} for g, a, m in (("a", 1.0, 3.0), ("b", 2.0, 2.0), ("c", 3.0, 1.0))]}
            second = json.loads(json.dumps(first))
            for entry in second["subnets"]:
                entry["scores"]["supernet, fine-tuned (accuracy)"] = -entry["scores"][INHERITED]
            (folder / "ranking-scores-first.json").write_text(json.dumps(first))
            (folder / "ranking-scores-second.json").write_text(json.dumps(second))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- ranking-reference:begin -->\nold\n<!-- ranking-reference:end -->\n"
                            "<!-- ranking-all:begin -->\nold\n<!-- ranking-all:end -->\n")
            run(["--reference", str(folder / "reference.json"), "--scores", str(folder / "ranking-scores-first.json"),
                 str(folder / "ranking-scores-second.json"), "--section", "ranking-all", "--write", str(docs)])
            text = docs.read_text()
            self.assertIn("<!-- ranking-reference:begin -->\nold\n", text)
            table = text.split("<!-- ranking-all:begin -->")[1]
            self.assertIn("| first | supernet, inherited weights (accuracy) | 1.000 |", table)
            self.assertIn("| any | zero-cost: macs | -1.000 |", table)
            self.assertIn(f"--reference {folder / 'reference.json'} --section ranking-all --write", table)
            self.assertIn("| second | supernet, fine-tuned (accuracy) | -1.000 |", table)
            self.assertNotIn("| second | supernet, inherited", table)
            self.assertEqual(table.count("zero-cost"), 1)

    def test_two_seeds_of_one_setting_are_ranked_against_each_other(self):
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            write_reference(folder / "reference.json")
            supernet = dict(SUPERNET, sampling="fair")
            orders = {"seed0": (0, (1.0, 2.0, 3.0)), "seed1": (1, (3.0, 2.0, 1.0)), "other": (0, (1.0, 3.0, 2.0)),
                      "fewshot": (1, (2.0, 1.0, 3.0)), "separate": (2, (2.0, 3.0, 1.0)), "phases": (3, (3.0, 1.0, 2.0))}
            for name, (seed, values) in orders.items():
                document = {"supernet": dict(supernet, seed=seed, epochs=8 if name == "other" else 4), "device": "cpu",
                            "subnets": [{"genotype": g, "scores": {INHERITED: v}} for g, v in zip("abc", values)]}
                if name == "fewshot":
                    document["supernet"]["split"] = {"decision": "stages[1].out", "epochs": 2}
                if name == "separate":
                    document["supernet"]["sharing"] = "separate kernels"
                if name == "phases":
                    document["supernet"]["progressive_shares"] = [0.1, 0.1, 0.2]
                if name == "seed1":
                    document["supernet"]["sharing"] = "elastic"  # what runs write now; older ones lack it
                (folder / f"ranking-scores-{name}.json").write_text(json.dumps(document))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- ranking-all:begin -->\nold\n<!-- ranking-all:end -->\n")
            run(["--reference", str(folder / "reference.json"), "--scores"] + [str(folder / f"ranking-scores-{name}.json") for name in orders]
                + ["--section", "ranking-all", "--write", str(docs)])
            text = docs.read_text()
            self.assertIn(f"| seed0 | seed1 | {INHERITED} | 3 | -1.000 |", text)
            # A different epoch count is another setting, not another seed; so is a few-shot split.
            self.assertNotIn("| other |", text.split("against each other")[1])
            self.assertNotIn("| fewshot |", text.split("against each other")[1])
            self.assertNotIn("| seed0 | fewshot |", text)
            # Separate kernels are another setting too; "elastic" is what older runs did unnamed.
            self.assertNotIn("| separate |", text.split("against each other")[1])
            # Progressive shrinking's other phase shares are another setting (older runs: quarters, unnamed).
            self.assertNotIn("| phases |", text.split("against each other")[1])

    def test_runs_ranked_against_other_references_do_not_share_a_table(self):
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            # Setup "one" trained a, b, c; setup "five" trained c, d, e, f.
            runs = [{"genotype": g, "seed": 0, "setup": {"epochs": epochs, "training_images": 10, "learning_rate": 0.01, "device": "cpu"},
                     "top1": 70.0 + index, "loss": 1.0, "seconds": 1.0}
                    for epochs, genotypes in ((1, "abc"), (5, "cdef")) for index, g in enumerate(genotypes)]
            (folder / "reference.json").write_text(json.dumps({"runs": runs}))
            supernet = dict(SUPERNET)
            for name in ("abc", "cdef"):
                (folder / f"{name}.json").write_text(json.dumps({"supernet": supernet, "device": "cpu", "subnets": [
                    {"genotype": g, "scores": {"supernet, inherited weights (accuracy)": float(i)}} for i, g in enumerate(name)]}))
            run(["--reference", str(folder / "reference.json"), "--scores", str(folder / "abc.json"), str(folder / "cdef.json"),
                 "--section", "ranking-all"], "cdef.json: ranked against other references than .*abc.json")
            run(["--reference", str(folder / "reference.json"), "--scores", str(folder / "abc.json"), str(folder / "abc.json")], "2")


class DecisionBias(unittest.TestCase):
    def test_the_decision_the_supernet_overrates_is_the_one_shown(self):
        # Eight subnets "k-w", a kernel k of two options and a width w of four. Stand-alone, the
        # kernel option k=1 costs accuracy; the supernet puts it slightly ahead instead, so its
        # rank error follows k (one place too high with k=1, too low with k=0) and not w.
        genotypes = [f"{k}-{w}" for k in (0, 1) for w in range(4)]
        truth = {g: 80.0 + 10.0 * int(g[2]) - 6.0 * int(g[0]) for g in genotypes}
        score = {g: 50.0 + 10.0 * int(g[2]) + 0.5 * int(g[0]) for g in genotypes}
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            setup = {"epochs": 1, "training_images": 10, "learning_rate": 0.01, "device": "cpu"}
            (folder / "reference.json").write_text(json.dumps({"runs": [
                {"genotype": g, "seed": 0, "setup": setup, "top1": truth[g], "loss": 1.0, "seconds": 1.0} for g in genotypes]}))
            document = {"supernet": SUPERNET, "device": "cpu", "decisions": ["kernel", "width"],
                        "subnets": [{"genotype": g, "scores": {INHERITED: score[g]}} for g in genotypes]}
            (folder / "run.json").write_text(json.dumps(document))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- bias:begin -->\nold\n<!-- bias:end -->\n")
            run(["--reference", str(folder / "reference.json"), "--bias", "--scores", str(folder / "run.json"),
                 "--section", "bias", "--write", str(docs)])
            rows = [line for line in docs.read_text().splitlines() if line.startswith("| ") and "mean" not in line]
            self.assertEqual(rows, ["| kernel | +1.00 | +1.00 to +1.00 |"])
            # The width is ranked as stand-alone training ranks it: no bias to show.
            self.assertFalse(any(row.startswith("| width |") for row in rows))
            # Names that do not fit the genotypes are refused, and the docs keep what they had.
            document["decisions"] = ["kernel"]
            (folder / "run.json").write_text(json.dumps(document))
            before = docs.read_text()
            run(["--reference", str(folder / "reference.json"), "--bias", "--scores", str(folder / "run.json"),
                 "--section", "bias", "--write", str(docs)], error="another count of decisions")
            self.assertEqual(docs.read_text(), before)


class Partial(unittest.TestCase):
    # A reference whose two seeds both stopped part-way: b lacks seed 1, c lacks seed 0.
    grouped = {"full": trained({"a": [90.0, 91.0], "b": [80.0, None], "c": [None, 70.0], "d": [85.0, 84.0], "e": [75.0, 77.0]}),
               "five": trained({genotype: [70.0 + index] for index, genotype in enumerate("abcde")})}

    def test_only_the_subnets_of_the_first_seeds_stay(self):
        cut = reference_agreement.partial_setups(self.grouped, 1)
        self.assertEqual(sorted(cut["full"]), ["a", "b", "d", "e"])
        self.assertEqual(sorted(cut["five"]), list("abcde"))
        cut = reference_agreement.partial_setups(self.grouped, 2)
        self.assertEqual(sorted(cut["full"]), ["a", "d", "e"])
        # "five" has one seed only: it stays as --seeds 2 alone leaves it (its one seed).
        self.assertEqual(sorted(cut["five"]), list("abcde"))
        # A setup with two whole seeds and a third stopped part-way is not cut at 2.
        grouped = {"ten": trained({"a": [70.0, 71.0, 72.0], "b": [80.0, 81.0, None], "c": [85.0, 86.0, None]})}
        self.assertEqual(sorted(reference_agreement.partial_setups(grouped, 2)["ten"]), ["a", "b", "c"])
        # At 3 it is cut to the one subnet with seed 2, too few to rank: dropped.
        self.assertNotIn("ten", reference_agreement.partial_setups(grouped, 3))

    def test_a_reference_stopped_part_way_ranks_only_with_partial(self):
        setup = {"epochs": 2, "training_images": 10, "learning_rate": 0.01, "device": "cuda"}
        runs = [{"genotype": g, "seed": seed, "setup": setup, "top1": entry["top1"], "loss": entry["loss"], "seconds": 1.0}
                for g, per_seed in self.grouped["full"].items() for seed, entry in per_seed.items()]
        # The supernet ranks a > d > b > e as seed 0 does; c, which seed 0 lacks, is left out.
        scores = {"supernet": SUPERNET, "device": "cpu",
                  "subnets": [{"genotype": g, "scores": {INHERITED: v}} for g, v in (("a", 4.0), ("b", 2.0), ("c", 9.0), ("d", 3.0), ("e", 1.0))]}
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            (folder / "reference.json").write_text(json.dumps({"runs": runs}))
            (folder / "run.json").write_text(json.dumps(scores))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- partial:begin -->\nold\n<!-- partial:end -->\n")
            common = ["--reference", str(folder / "reference.json"), "--scores", str(folder / "run.json"), "--section", "partial"]
            run(common + ["--write", str(docs)], error="no reference setup holds")
            run(common + ["--partial", "--write", str(docs)], error="--partial needs --seeds")
            run(common + ["--seeds", "1", "--partial", "--write", str(docs)])
            text = docs.read_text()
            self.assertIn("--seeds 1 --partial --section partial", text)
            self.assertIn("the mean of 1 seed, 4 subnets", text)
            self.assertIn(f"| {INHERITED} | 1.000 | 1.000 |", text)


class DecisionEffects(unittest.TestCase):
    def test_what_the_reference_and_the_supernets_favour_stand_apart(self):
        # Eight subnets "k-w". Stand-alone, k=1 costs accuracy whatever the width; the supernet
        # puts every k=1 subnet ahead instead. The width's small effect stays under the threshold.
        genotypes = [f"{k}-{w}" for k in (0, 1) for w in range(4)]
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            setup = {"epochs": 1, "training_images": 10, "learning_rate": 0.01, "device": "cpu"}
            (folder / "reference.json").write_text(json.dumps({"runs": [
                {"genotype": g, "seed": 0, "setup": setup, "top1": 90.0 - 6.0 * int(g[0]) + 0.1 * int(g[2]), "loss": 1.0, "seconds": 1.0}
                for g in genotypes]}))
            document = {"supernet": SUPERNET, "device": "cpu", "decisions": ["kernel", "width"],
                        "subnets": [{"genotype": g, "scores": {INHERITED: 50.0 + int(g[0]) + 0.1 * int(g[2]), "zero-cost: macs": float(g[2])}}
                                    for g in genotypes]}
            (folder / "run.json").write_text(json.dumps(document))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- effects:begin -->\nold\n<!-- effects:end -->\n")
            # The same scores twice (a fine-tune's run repeats its supernet's) count once.
            run(["--reference", str(folder / "reference.json"), "--effects", "--scores", str(folder / "run.json"), str(folder / "run.json"),
                 "--threshold", "0.5", "--section", "effects", "--write", str(docs)])
            text = docs.read_text()
            self.assertIn("supernets, mean of 1 |", text)
            rows = [line for line in text.splitlines() if line.startswith("| ") and "decision" not in line]
            # Tau-b with the kernel's ties: 16 / sqrt(16 * 28) = 0.76; the MACs count follows the width only.
            self.assertEqual(rows, ["| kernel | -0.76 | +0.76 | +0.76 to +0.76 | +0.00 |"])
            self.assertIn("--effects --scores", text)
            self.assertIn("--threshold 0.5 --section effects", text)
            # Without scores the table holds the references alone, named from --names.
            run(["--reference", str(folder / "reference.json"), "--effects", "--threshold", "0.5", "--names", str(folder / "run.json"),
                 "--section", "effects", "--write", str(docs)])
            rows = [line for line in docs.read_text().splitlines() if line.startswith("| ") and "decision" not in line]
            self.assertEqual(rows, ["| kernel | -0.76 |"])
            run(["--reference", str(folder / "reference.json"), "--effects", "--write", str(docs)], error="a --section of their own")
            # Genotypes of another space (three decisions) cannot share the rows.
            document["subnets"] = [{"genotype": g + "-0", "scores": {INHERITED: 1.0 + i}} for i, g in enumerate(genotypes)]
            document.pop("decisions")
            (folder / "other.json").write_text(json.dumps(document))
            before = docs.read_text()
            run(["--reference", str(folder / "reference.json"), "--effects", "--scores", str(folder / "other.json"),
                 "--section", "effects", "--write", str(docs)], error="another count of decisions")
            self.assertEqual(docs.read_text(), before)


class Calibration(unittest.TestCase):
    def test_leave_one_out_residuals_match_refitting_without_the_row(self):
        rows = [[1.0, 0.0], [2.0, 1.0], [3.0, 0.0], [4.0, 1.0], [5.0, 1.0], [6.0, 0.0], [7.0, 1.0]]
        targets = [2.1, 4.9, 6.2, 8.8, 10.1, 11.7, 14.4]
        # Without a penalty the fit does not depend on the columns' scaling, so a refit on the
        # other rows gives exactly the held-out residual.
        fit = score_calibration.Ridge(rows, targets, 0.0)
        for index in range(len(rows)):
            refit = score_calibration.Ridge(rows[:index] + rows[index + 1:], targets[:index] + targets[index + 1:], 0.0)
            self.assertAlmostEqual(fit.loo[index], targets[index] - refit.predict(rows[index]), places=9)

    def test_an_option_the_fit_never_saw_reads_as_the_average_of_those_it_did(self):
        # "w-e": stand-alone, e=1 adds 4 points that the supernet misses. Two ranked subnets
        # differ only in e: 0, seen, and 2, never seen; the latter gets about half the
        # correction of e=1 over e=0 (ridge shrinks it a little), not e=0's.
        train = [(f"{w}-{e}", 10.0 + w, 10.0 + w + 4.0 * e) for w in range(4) for e in (0, 1)]
        corrected, penalty, error, alone, terms = score_calibration.calibrated(train, [("1-0", 11.0), ("1-2", 11.0)])
        self.assertEqual(penalty, 0.3)
        # The learnt terms, largest first: e=1's missed 4 points (shrunk a little), then w's
        # options, which the score already explains.
        self.assertEqual(terms[0][:2], (1, 1))
        self.assertGreater(terms[0][2], 3.0)
        self.assertLess(max(abs(points) for _, _, points in terms[1:]), 0.5)
        self.assertLess(error, alone)
        self.assertGreater(corrected[1] - corrected[0], 1.5)
        self.assertLess(corrected[1] - corrected[0], 2.0)

    def test_a_correction_learnt_on_other_subnets_fixes_the_ranking(self):
        # Subnets "k-w-e". Stand-alone, k=1 costs 3 points and e nothing; the supernet puts k=1
        # 1 point ahead and rates e highly. The fit sees e = 0 and 1 only; the ranked subnets
        # all have e = 2, which it reads as the average of the options it saw.
        def truth(g):
            return 80.0 + 2.0 * int(g[2]) - 3.0 * int(g[0])

        def supernet(g):
            return 50.0 + 2.0 * int(g[2]) + 1.0 * int(g[0]) + 5.0 * min(1, int(g[4]))

        other = [f"{k}-{w}-{e}" for k in (0, 1) for w in range(4) for e in (0, 1)]
        ranked = [f"{k}-{w}-2" for k in (0, 1) for w in range(4)]
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            setup = {"epochs": 5, "training_images": 10, "learning_rate": 0.01, "device": "cuda"}
            (folder / "reference.json").write_text(json.dumps({"runs": [
                {"genotype": g, "seed": 0, "setup": setup, "top1": truth(g), "loss": 1.0, "seconds": 1.0} for g in other + ranked]}))
            for name, genotypes in (("other", other), ("ranked", ranked)):
                (folder / f"{name}.json").write_text(json.dumps({"supernet": SUPERNET, "device": "cpu", "subnets": [
                    {"genotype": g, "scores": {INHERITED: supernet(g)}} for g in genotypes]}))
            docs = folder / "benchmarks.md"
            docs.write_text("<!-- calibration:begin -->\nold\n<!-- calibration:end -->\n")
            common = ["--reference", str(folder / "reference.json"), "--section", "calibration", "--write", str(docs)]
            # The other subnets' trainings may live in a file of their own.
            everything = json.loads((folder / "reference.json").read_text())["runs"]
            (folder / "reference.json").write_text(json.dumps({"runs": [entry for entry in everything if entry["genotype"] in ranked]}))
            (folder / "calibration.json").write_text(json.dumps({"runs": [entry for entry in everything if entry["genotype"] in other]}))
            common[1:2] = [str(folder / "reference.json"), str(folder / "calibration.json")]
            run(["--calibrate", str(folder / "other.json"), "--scores", str(folder / "ranked.json")] + common)
            text = docs.read_text()
            self.assertIn(f"--reference {folder / 'reference.json'} {folder / 'calibration.json'} --section calibration", text)
            rows = {line.split(" | ")[1]: float(line.split(" | ")[2].rstrip(" |")) for line in text.splitlines() if line.startswith("| ranked |")}
            self.assertLessEqual(rows[INHERITED], 0.5)
            self.assertEqual(rows[next(name for name in rows if name.startswith("corrected per option"))], 1.0)
            self.assertIn("Fit on 16 other subnets", text)
            # k=1's cost, which the supernet misses, is the largest term the fit learnt.
            self.assertRegex(text, r"largest option terms \(points over the decision's first option\): decision 0 option 1 -[0-9.]+, ")
            # Fits on the draw's first subnets alone show how the correction grows with them.
            run(["--calibrate", str(folder / "other.json"), "--scores", str(folder / "ranked.json"), "--fit-counts", "12", "40"] + common)
            text = docs.read_text()
            self.assertIn("--fit-counts 12 40 --section calibration", text)
            self.assertRegex(text, r"\| ranked \| corrected per option, fit on the first 12 of them \| -?[01]\.[0-9]{3} \|")
            self.assertNotIn("first 40", text)  # more than the calibration holds: the full fit's row
            run(["--calibrate", str(folder / "other.json"), "--scores", str(folder / "ranked.json"), "--fit-counts", "5"] + common, "2")
            # The fit must never see a ranked subnet, nor another supernet's scores.
            before = docs.read_text()
            run(["--calibrate", str(folder / "ranked.json"), "--scores", str(folder / "ranked.json")] + common, error="must not see the ranked ones")
            (folder / "other.json").write_text(json.dumps({"supernet": dict(SUPERNET, epochs=8), "device": "cpu", "subnets": [
                {"genotype": g, "scores": {INHERITED: supernet(g)}} for g in other]}))
            run(["--calibrate", str(folder / "other.json"), "--scores", str(folder / "ranked.json")] + common, error="another supernet")
            self.assertEqual(docs.read_text(), before)
            # One training in two reference files is refused.
            run(["--reference", str(folder / "calibration.json"), str(folder / "calibration.json"), "--section", "calibration",
                 "--calibrate", str(folder / "other.json"), "--scores", str(folder / "ranked.json"), "--write", str(docs)], error="is also in")


def write_reference(file):
    """A reference file of three subnets, one seed each, ranked a < b < c."""
    setup = {"epochs": 1, "training_images": 10, "learning_rate": 0.01, "device": "cpu"}
    runs = [{"genotype": genotype, "seed": 0, "setup": setup, "top1": top1, "loss": 1.0, "seconds": 1.0}
            for genotype, top1 in (("a", 70.0), ("b", 80.0), ("c", 90.0))]
    file.write_text(json.dumps({"runs": runs}))


def run(arguments, error=None):
    saved = sys.argv
    sys.argv = ["reference_agreement.py"] + arguments
    try:
        if error:
            # A usage error exits with status 2 and says why on stderr; other errors in the exit.
            stderr = io.StringIO()
            with contextlib.redirect_stderr(stderr), unittest.TestCase().assertRaises(SystemExit) as caught:
                reference_agreement.main()
            unittest.TestCase().assertRegex(f"{caught.exception.code} {stderr.getvalue()}", error)
        else:
            reference_agreement.main()
    finally:
        sys.argv = saved


if __name__ == "__main__":
    unittest.main()
