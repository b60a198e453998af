#include "core/export/internal/folded_weights.h"

namespace edgesmith {
namespace {

// {out, 1, 1, ...}: a per-output-channel vector broadcast over a weight tensor.
std::vector<std::int64_t> channelView(const torch::Tensor& weight) {
    std::vector<std::int64_t> view(static_cast<std::size_t>(weight.dim()), 1);
    view[0] = weight.size(0);
    return view;
}

} // namespace

FoldedWeights foldedWeights(NetworkModuleImpl& module, std::size_t index) {
    torch::NoGradGuard guard;
    const NetworkModuleImpl::Step& step = module.steps[index];
    FoldedWeights folded;
    const bool conv = static_cast<bool>(step.conv);
    folded.stored = (conv ? step.conv->weight : step.linear->weight).detach().to(torch::kCPU).to(torch::kFloat32);
    if (index < module.weightMasks.size() && module.weightMasks[index].defined()) folded.stored = folded.stored * module.weightMasks[index].to(torch::kCPU);
    const std::int64_t outputs = folded.stored.size(0);
    const torch::Tensor ownBias = conv ? step.conv->bias : step.linear->bias;
    folded.hasBias = ownBias.defined() || static_cast<bool>(step.norm);
    torch::Tensor bias = ownBias.defined() ? ownBias.detach().to(torch::kCPU).to(torch::kFloat64) : torch::zeros({outputs}, torch::kFloat64);
    folded.factor = torch::ones({outputs}, torch::kFloat64);
    if (step.norm) {
        // Evaluation-mode batch norm is per-channel affine: fold it in double precision.
        const auto& norm = step.norm;
        const torch::Tensor deviation = (norm->running_var.detach().to(torch::kCPU).to(torch::kFloat64) + norm->options.eps()).sqrt();
        folded.factor = norm->weight.detach().to(torch::kCPU).to(torch::kFloat64) / deviation;
        bias = bias * folded.factor + norm->bias.detach().to(torch::kCPU).to(torch::kFloat64) -
               norm->running_mean.detach().to(torch::kCPU).to(torch::kFloat64) * folded.factor;
    }
    folded.weight = (folded.stored.to(torch::kFloat64) * folded.factor.view(channelView(folded.stored))).to(torch::kFloat32).contiguous();
    folded.bias = bias.to(torch::kFloat32).contiguous();
    return folded;
}

void addIntegerWeights(FoldedWeights& folded, NetworkModuleImpl& module, std::size_t index, int fallbackBits) {
    torch::NoGradGuard guard;
    const std::int64_t outputs = folded.weight.size(0);
    const bool onGrid = index < module.weightGrids.size() && module.weightGrids[index].bits <= 8 && module.weightGrids[index].symmetric;
    if (!onGrid && fallbackBits <= 0) return;
    if (onGrid) {
        const int bits = module.weightGrids[index].bits;
        const double qmax = double((std::int64_t(1) << (bits - 1)) - 1);
        // The stored weights lie on their grid; the grid's scale is max |w| / qmax of each
        // row (per channel) or of the tensor, and batch norm's factor f scales each output
        // channel: integers × sign(f), scale × |f|.
        const bool perChannel = module.weightGrids[index].perChannel;
        const torch::Tensor& stored = folded.stored;
        const torch::Tensor rows = stored.reshape({perChannel ? outputs : 1, -1});
        const torch::Tensor rowScale = (rows.abs().amax(1) / qmax).clamp_min(1e-12);
        const torch::Tensor values = (rows / rowScale.view({-1, 1})).round().clamp(-qmax, qmax).reshape_as(stored);
        const torch::Tensor gridScale = perChannel ? rowScale : rowScale.expand({outputs});
        const torch::Tensor sign = torch::where(folded.factor < 0, -torch::ones_like(folded.factor), torch::ones_like(folded.factor));
        const std::vector<std::int64_t> view = channelView(stored);
        // Weights that left their grid (changed after quantization) are quantized afresh.
        const torch::Tensor rebuilt = values * gridScale.view(view);
        if ((rebuilt - stored).abs().max().item<double>() <= 1e-5 * std::max(1e-12, stored.abs().max().item<double>())) {
            folded.integers = (values * sign.to(torch::kFloat32).view(view)).to(torch::kInt8).contiguous();
            folded.scales = (gridScale.to(torch::kFloat64) * folded.factor.abs()).to(torch::kFloat32).contiguous();
            folded.bits = bits;
            return;
        }
        if (fallbackBits <= 0) return;
    }
    const int bits = fallbackBits;
    const double qmax = double((std::int64_t(1) << (bits - 1)) - 1);
    const torch::Tensor rows = folded.weight.reshape({outputs, -1});
    const torch::Tensor scales = (rows.abs().amax(1) / qmax).clamp_min(1e-12);
    folded.integers = (rows / scales.view({-1, 1})).round().clamp(-qmax, qmax).reshape_as(folded.weight).to(torch::kInt8).contiguous();
    folded.scales = scales.contiguous();
    folded.bits = bits;
    folded.requantized = true;
}

} // namespace edgesmith
