#include "core/search/rank_correlation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace edgesmith {
namespace {

// Ranks from 1, ties sharing their average rank.
std::vector<double> averageRanks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return values[x] < values[y]; });
    std::vector<double> ranks(values.size());
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start;
        while (end + 1 < order.size() && values[order[end + 1]] == values[order[start]]) ++end;
        const double rank = (double(start) + double(end)) / 2 + 1;
        for (std::size_t index = start; index <= end; ++index) ranks[order[index]] = rank;
        start = end + 1;
    }
    return ranks;
}

} // namespace

double kendallTau(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t count = std::min(a.size(), b.size());
    double concordant = 0, discordant = 0, tiedA = 0, tiedB = 0;
    for (std::size_t i = 0; i < count; ++i)
        for (std::size_t j = i + 1; j < count; ++j) {
            const double x = a[i] - a[j], y = b[i] - b[j];
            if (x == 0 && y == 0) continue;
            if (x == 0) tiedA += 1;
            else if (y == 0) tiedB += 1;
            else if ((x > 0) == (y > 0)) concordant += 1;
            else discordant += 1;
        }
    const double denominator = std::sqrt((concordant + discordant + tiedA) * (concordant + discordant + tiedB));
    return denominator > 0 ? (concordant - discordant) / denominator : std::numeric_limits<double>::quiet_NaN();
}

double spearmanRho(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t count = std::min(a.size(), b.size());
    if (count < 2) return std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> x = averageRanks({a.begin(), a.begin() + std::ptrdiff_t(count)});
    const std::vector<double> y = averageRanks({b.begin(), b.begin() + std::ptrdiff_t(count)});
    const double mean = (double(count) + 1) / 2;
    double covariance = 0, varianceX = 0, varianceY = 0;
    for (std::size_t index = 0; index < count; ++index) {
        covariance += (x[index] - mean) * (y[index] - mean);
        varianceX += (x[index] - mean) * (x[index] - mean);
        varianceY += (y[index] - mean) * (y[index] - mean);
    }
    return varianceX > 0 && varianceY > 0 ? covariance / std::sqrt(varianceX * varianceY) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace edgesmith
