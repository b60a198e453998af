#pragma once
// The Gumbel-max trick behind FBNet's and GDAS's sampling (survey eq. 23): adding
// independent Gumbel(0, 1) noise to logits and taking the largest draws an option with
// probability softmax(logits); the softmax of the noisy logits at temperature τ is its
// differentiable relaxation, one-hot as τ → 0.
#include <random>
#include <vector>

namespace edgesmith {

// −log(−log U) for U uniform in (0, 1), `count` times.
std::vector<double> gumbelNoise(std::size_t count, std::mt19937_64& random);
// The index of the largest logit + noise.
int gumbelArgmax(const std::vector<double>& logits, const std::vector<double>& noise);
// softmax(logits / temperature), computed stably.
std::vector<double> softmax(const std::vector<double>& logits, double temperature = 1.0);

} // namespace edgesmith
