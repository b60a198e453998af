#pragma once
// Structured channel pruning that makes the network genuinely smaller: whole output
// channels of a convolution are removed together with everything that carries them —
// batch norm, the depthwise convolutions and squeeze-excitation that follow channel for
// channel, pools — and the input channels of the convolutions (and of a linear layer after
// a global pool) that read them. A channel group that reaches an addition (a residual), a
// concatenation, a slice, a shuffle or the output is left whole, so residual groups stay
// consistent; in MBConv blocks this prunes the expanded (hidden) channels and the head.
#include "core/data/dataset.h"
#include "core/nn/network.h"
#include "core/train/trainer.h"

#include <map>
#include <string>
#include <vector>

namespace edgesmith {

// Filter norms; |γ| of the batch norm (network slimming); or first-order Taylor: the
// squared change of the loss when a channel is removed, (γ·∂L/∂γ + β·∂L/∂β)² summed over
// batches for a convolution with batch norm, (Σ w·∂L/∂w over the filter)² without.
enum class ChannelImportance { L1, L2, BatchNorm, Taylor };
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
// important first by `importance`, keeping at least one channel each. Taylor importance
// needs data: the overload with `data` (normalised with `statistics`) scores on up to
// `batches` batches of 64; the other throws Error for it.
PruningResult pruneChannels(Network& network, double rate, ChannelImportance importance);
PruningResult pruneChannels(Network& network, double rate, ChannelImportance importance, const Dataset& data, const Splits& statistics,
                            int batches = 8);

// The roots of the prunable channel groups, in network order: the layers a per-layer
// pruning policy gives rates to.
std::vector<std::string> prunableLayers(const Architecture& architecture);
// Per-layer rates by root name (`otherwise` for the roots not named); throws Error naming
// a rate outside [0, 1) or a name that is no prunable layer. Not for Taylor importance.
PruningResult pruneChannels(Network& network, const std::map<std::string, double>& rates, ChannelImportance importance, double otherwise = 0.0);
// The architecture such rates give, without weights (budgets of a policy search).
Architecture prunedArchitecture(const Architecture& architecture, const std::map<std::string, double>& rates);

// Iterative pruning: `steps` rounds that each remove an equal share of the original
// channels (rate·k/steps after round k), each followed by batch-norm recalibration and
// `fineTune` (epochs per round), so the network adapts between cuts. The result's
// `before` is the original network's, its layers count the original channels.
PruningResult pruneIteratively(Network& network, double rate, ChannelImportance importance, int steps, const Splits& splits,
                               const TrainingOptions& fineTune);

// Unstructured magnitude pruning: the `sparsity` share of the weights of convolutions and
// linear layers with the smallest magnitudes become zero, ranked over the whole network
// (global) or within each layer. A mask keeps them zero through fine-tuning (every
// forward pass multiplies the weights by it). The network keeps its shape: dense kernels
// do not run faster, only sparse formats store it smaller.
struct SparsityReport {
    std::string name;
    std::int64_t weights = 0, zeros = 0;
};
std::vector<SparsityReport> pruneWeights(Network& network, double sparsity, bool global);
// The weights of each convolution and linear layer that are exactly zero.
std::vector<SparsityReport> weightSparsity(Network& network);
// Drops the masks (the zeros stay).
void clearWeightMasks(Network& network);

} // namespace edgesmith
