#pragma once
// Private to core/export: a convolution's or linear layer's weights as a deployment runtime
// takes them — pruning mask applied, batch norm folded in (w·γ/σ, (b − μ)·γ/σ + β) — and,
// for int8 exports, as integers with one scale per output channel.
#include "core/nn/internal/network_module.h"

#include <torch/torch.h>

namespace edgesmith {

struct FoldedWeights {
    torch::Tensor weight; // float, what the layer computes with
    torch::Tensor bias;   // float [out]; zeros when the layer has neither bias nor batch norm
    bool hasBias = false;
    torch::Tensor stored; // the layer's own weights (mask applied), before folding
    torch::Tensor factor; // double [out]: batch norm's γ/σ per output channel, ones without it
    // Filled by integerWeights(): int8 values and float scales [out] with weight ≈ integers ×
    // scales per output channel; bits of the grid (≤ 8).
    torch::Tensor integers, scales;
    int bits = 0;
    bool requantized = false; // true when the grid was not the network's own
};

FoldedWeights foldedWeights(NetworkModuleImpl& module, std::size_t index);

// Adds the integer form. Weights already on a symmetric grid of ≤ 8 bits (post-training
// quantization) keep their integers exactly; others are quantized symmetric per channel at
// `fallbackBits` when it is > 0 (requantized = true), else left without integers.
void addIntegerWeights(FoldedWeights& folded, NetworkModuleImpl& module, std::size_t index, int fallbackBits);

} // namespace edgesmith
