#pragma once
// Low-rank factorisation (survey eq. 25-26): the truncated SVD of a weight matrix, and the
// rank that empirical variational Bayesian matrix factorisation (EVBMF, Nakajima et al.
// 2013) keeps: singular values above a threshold set by the noise variance, which EVBMF
// estimates from the matrix itself. Linear and 1×1 convolution weights are matrices;
// k×k convolutions get Tucker-2 ranks from their output- and input-channel unfoldings;
// factorise() then replaces the layers by their factors.
#include "core/nn/network.h"

#include <string>
#include <vector>

namespace edgesmith {

struct Matrix {
    int rows = 0, columns = 0;
    std::vector<float> values; // row-major
};

std::vector<double> singularValues(const Matrix& matrix);
// The best rank-`rank` approximation in the Frobenius norm (Eckart–Young).
Matrix truncatedSvd(const Matrix& matrix, int rank);
// ‖M − M_rank‖ / ‖M‖.
double relativeReconstructionError(const Matrix& matrix, int rank);

struct EvbmfResult {
    int rank = 0;
    double noiseVariance = 0;
};
EvbmfResult evbmf(const Matrix& matrix);

struct LayerRanks {
    std::string name;
    std::string kind;            // "svd" (linear, 1×1 conv) or "tucker2" (k×k conv)
    int outputRank = 0, inputRank = 0; // svd: the rank twice
    int outputChannels = 0, inputChannels = 0, kernel = 1;
    std::int64_t params = 0, factorisedParams = 0; // weights only
    double reconstructionError = 0; // relative, of the factorised weight
};
// EVBMF ranks of every linear and non-grouped convolution of a network, with the weight
// count after factorisation (layers that would not shrink keep their own count).
std::vector<LayerRanks> suggestRanks(Network& network);

struct FactorisationResult {
    Network network;                 // the factorised network, initialised from the decompositions
    std::vector<LayerRanks> layers;  // the layers replaced, with their ranks
    Metrics before, after;           // analytic, of the two architectures
};

// Replaces each layer of `ranks` whose factorisation has fewer weights by its factors:
// SVD → a layer to `rank` features (no batch norm, no activation) and one back to the
// original outputs; Tucker-2 → 1×1 to r_in, the k×k core from r_in to r_out (stride,
// padding and dilation of the original), 1×1 to the outputs. The last factor keeps the
// original's name, bias, batch norm and activation; the others are named NAME.low_rank_in
// and NAME.low_rank_core. Weights come from the truncated decompositions of the trained
// ones, so the network computes nearly what it did before fine-tuning. `network` is not
// changed. Throws Error naming a layer that is not in the network or whose ranks do not fit.
FactorisationResult factorise(Network& network, const std::vector<LayerRanks>& ranks);
// The architecture factorise() would build, without weights (budgets of a rank search).
Architecture factorisedArchitecture(const Architecture& architecture, const std::vector<LayerRanks>& ranks);

} // namespace edgesmith
