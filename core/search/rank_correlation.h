#pragma once
// Rank agreement between two scorings of the same items (a proxy against trained accuracy,
// a predictor against measurement): Kendall's tau-b (ties counted on either side) and
// Spearman's rho (Pearson correlation of average ranks). Both in [-1, 1]; NaN for fewer
// than two items or a constant side.
#include <vector>

namespace edgesmith {

double kendallTau(const std::vector<double>& a, const std::vector<double>& b);
double spearmanRho(const std::vector<double>& a, const std::vector<double>& b);

} // namespace edgesmith
