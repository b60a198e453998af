#pragma once
// Structured channel pruning that makes the network genuinely smaller: whole output
// channels of a convolution are removed together with everything that carries them —
// batch norm, the depthwise convolutions and squeeze-excitation that follow channel for
// channel, pools — and the input channels of the convolutions (and of a linear layer after
// a global pool) that read them. A channel group that reaches an addition (a residual), a
// concatenation, a slice, a shuffle or the output is left whole, so residual groups stay
// consistent; in MBConv blocks this prunes the expanded (hidden) channels and the head.
#include "core/nn/network.h"

#include <string>
#include <vector>

namespace edgesmith {

enum class ChannelImportance { L1, L2, BatchNorm }; // filter norms, or |γ| (network slimming)
ChannelImportance channelImportanceFromString(const std::string& text); // throws Error naming the choices
std::string toString(ChannelImportance importance);

struct PrunedLayer {
    std::string name;
    int channels = 0, kept = 0;
};

struct PruningResult {
    Network network;             // the smaller network with the kept weights
    std::vector<PrunedLayer> layers;
    Metrics before, after;       // analytic, of the two architectures
};

// Removes `rate` (0 ≤ rate < 1) of the channels of every prunable group, the least
// important first by `importance`, keeping at least one channel each.
PruningResult pruneChannels(Network& network, double rate, ChannelImportance importance);

} // namespace edgesmith
