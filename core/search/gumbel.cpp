#include "core/search/gumbel.h"

#include <algorithm>
#include <cmath>

namespace edgesmith {

std::vector<double> gumbelNoise(std::size_t count, std::mt19937_64& random) {
    // Open interval: log(0) would make the noise infinite.
    std::uniform_real_distribution<double> uniform(std::nextafter(0.0, 1.0), 1.0);
    std::vector<double> noise(count);
    for (double& value : noise) value = -std::log(-std::log(uniform(random)));
    return noise;
}

int gumbelArgmax(const std::vector<double>& logits, const std::vector<double>& noise) {
    int best = 0;
    for (std::size_t index = 1; index < logits.size(); ++index)
        if (logits[index] + noise[index] > logits[static_cast<std::size_t>(best)] + noise[static_cast<std::size_t>(best)]) best = static_cast<int>(index);
    return best;
}

std::vector<double> softmax(const std::vector<double>& logits, double temperature) {
    if (logits.empty()) return {};
    const double top = *std::max_element(logits.begin(), logits.end());
    std::vector<double> result;
    double sum = 0;
    for (double logit : logits) sum += result.emplace_back(std::exp((logit - top) / temperature));
    for (double& value : result) value /= sum;
    return result;
}

} // namespace edgesmith
