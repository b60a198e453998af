#pragma once
// Zero-cost proxies (survey III-C): scores of an architecture at initialisation, from one
// mini-batch, that are meant to rank architectures like their trained accuracy does, at a
// tiny fraction of the cost of training. synflow (Tanaka et al.: Σ|θ ⊙ ∂R/∂θ| of the
// sign-free network on an all-ones input, data-free), snip (Σ|θ ⊙ ∂L/∂θ|), grasp
// (−Σ θ ⊙ H ∂L/∂θ), grad_norm (Σ‖∂L/∂θ‖), jacob_cov (NASWOT v1: how uncorrelated the input
// Jacobians of the batch are), and the number of parameters and MACs as baselines. Larger
// is better for every one of them.
#include "core/data/dataset.h"
#include "core/space/architecture.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace edgesmith {

std::vector<std::string> zeroCostProxies(); // synflow, snip, grasp, grad_norm, jacob_cov, params, macs

struct ZeroCostOptions {
    int batch = 64;          // training images in the mini-batch
    std::uint64_t seed = 0;  // initialisation
    int threads = 1;
};

// Every proxy for one architecture (initialised with `seed`, scored on the first `batch`
// images of `data`, normalised with `statistics`). Throws Error for an empty dataset.
std::map<std::string, double> zeroCostScores(const Architecture& architecture, const Dataset& data, const Splits& statistics,
                                             const ZeroCostOptions& options = {});

} // namespace edgesmith
