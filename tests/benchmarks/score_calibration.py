"""A per-option correction of supernet scores, learnt from stand-alone trainings of other
subnets: ridge regression of the stand-alone accuracy on the supernet score and one
indicator per option of every decision. The supernets' ranking errors are per option and
repeat from training to training (docs/benchmarks.md, "ranking-effects"), so trainings of
subnets outside the ranked sample can teach them without looking at the ranked ones.

Pure Python (no numpy in the test environment); the systems are a few dozen unknowns."""


def solve(matrix, vector):
    """x with matrix · x = vector, by Gaussian elimination with partial pivoting."""
    size = len(vector)
    rows = [list(row) + [value] for row, value in zip(matrix, vector)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda row: abs(rows[row][column]))
        if abs(rows[pivot][column]) < 1e-12:
            raise ValueError("singular system")
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for row in range(column + 1, size):
            factor = rows[row][column] / rows[column][column]
            if factor:
                for index in range(column, size + 1):
                    rows[row][index] -= factor * rows[column][index]
    result = [0.0] * size
    for row in reversed(range(size)):
        result[row] = (rows[row][size] - sum(rows[row][index] * result[index] for index in range(row + 1, size))) / rows[row][row]
    return result


def features(genotype, score, options):
    """The supernet score, then one indicator per option past the first of each decision
    (`options[d]`: how many options decision d has)."""
    parts = [int(part) for part in genotype.split("-")]
    return [score] + [1.0 if part == option else 0.0 for part, count in zip(parts, options) for option in range(1, count)]


class Ridge:
    """Ridge regression on standardised columns with an unpenalised intercept and first column
    (the supernet score: a large penalty leaves the score's own ranking, not a constant); a
    column that does not vary among the training rows carries no weight."""

    def __init__(self, rows, targets, penalty):
        count, width = len(rows), len(rows[0])
        self.means = [sum(row[column] for row in rows) / count for column in range(width)]
        self.scales = []
        for column in range(width):
            spread = (sum((row[column] - self.means[column]) ** 2 for row in rows) / count) ** 0.5
            self.scales.append(spread if spread > 1e-12 else 0.0)
        self.intercept = sum(targets) / count
        standard = [self.standardised(row) for row in rows]
        # A tiny ridge on the first column too, so a constant score leaves the system solvable.
        gram = [[sum(row[a] * row[b] for row in standard) + ((penalty if a else 1e-9) if a == b else 0.0) for b in range(width)]
                for a in range(width)]
        self.weights = solve(gram, [sum(row[a] * (target - self.intercept) for row, target in zip(standard, targets)) for a in range(width)])
        # Leave-one-out residuals from the hat matrix's diagonal: r / (1 - h), where h holds
        # the intercept's leverage 1/n beside the centred columns' own.
        self.loo = []
        for row, target in zip(standard, targets):
            leverage = sum(value * solved for value, solved in zip(row, solve(gram, row))) + 1.0 / count
            self.loo.append((target - self.intercept - self.dot(row)) / max(1e-9, 1.0 - leverage))

    def standardised(self, row, unseen=()):
        """`unseen`: columns to set to their training mean (a decision whose option the
        training rows never took reads as the average of the options they did)."""
        return [0.0 if column in unseen else (value - mean) / scale if scale else 0.0
                for column, (value, mean, scale) in enumerate(zip(row, self.means, self.scales))]

    def dot(self, standard):
        return sum(weight * value for weight, value in zip(self.weights, standard))

    def predict(self, row, unseen=()):
        return self.intercept + self.dot(self.standardised(row, unseen))

    def raw_weight(self, column):
        """The fit's weight of `column` in its own units (an indicator's: the points of
        accuracy that option adds over the decision's first one, the others held)."""
        return self.weights[column] / self.scales[column] if self.scales[column] else 0.0

    def loo_rmse(self):
        return (sum(value * value for value in self.loo) / len(self.loo)) ** 0.5


def calibrated(train, ranked, penalties=(0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)):
    """train: [(genotype, supernet score, stand-alone accuracy)], ranked: [(genotype, supernet
    score)]. Fits the ridge with the penalty of least leave-one-out error on `train` alone and
    returns (corrected scores of `ranked`, rounded as reference means are so that equal
    corrections tie, that penalty, its leave-one-out RMSE, the RMSE of the supernet score
    alone fitted the same way, the learnt terms: [(decision, option, points)] for every
    option past a decision's first that the fit saw vary, largest first)."""
    if len({len(genotype.split("-")) for genotype, *_ in train + ranked}) != 1:
        raise ValueError("the genotypes have different counts of decisions")
    parts = [[int(part) for part in genotype.split("-")] for genotype, *_ in train + ranked]
    options = [max(row[d] for row in parts) + 1 for d in range(len(parts[0]))]
    seen = [{row[d] for row in parts[:len(train)]} for d in range(len(options))]
    # Each decision's indicator columns, after the score's column 0.
    starts = [1 + sum(count - 1 for count in options[:d]) for d in range(len(options))]
    rows = [features(genotype, score, options) for genotype, score, _ in train]
    targets = [accuracy for _, _, accuracy in train]
    best, penalty = min(((Ridge(rows, targets, penalty), penalty) for penalty in penalties), key=lambda fit: fit[0].loo_rmse())
    alone = Ridge([row[:1] for row in rows], targets, 0.0)
    corrected = []
    for genotype, score in ranked:
        choice = [int(part) for part in genotype.split("-")]
        unseen = {column for d, option in enumerate(choice) if option not in seen[d]
                  for column in range(starts[d], starts[d] + options[d] - 1)}
        corrected.append(round(best.predict(features(genotype, score, options), unseen), 9))
    terms = sorted(((d, option, best.raw_weight(starts[d] + option - 1)) for d in range(len(options)) for option in range(1, options[d])
                    if best.scales[starts[d] + option - 1]), key=lambda term: -abs(term[2]))
    return corrected, penalty, best.loo_rmse(), alone.loo_rmse(), terms
