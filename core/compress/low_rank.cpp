#include "core/compress/low_rank.h"

#include "core/common/error.h"
#include "core/compress/internal/layer_copy.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace edgesmith {
namespace {

torch::Tensor tensorOf(const Matrix& matrix) {
    if (matrix.rows <= 0 || matrix.columns <= 0 || matrix.values.size() != std::size_t(matrix.rows) * std::size_t(matrix.columns))
        throw Error("", "matrix", "the values do not fill " + std::to_string(matrix.rows) + " × " + std::to_string(matrix.columns));
    return torch::from_blob(const_cast<float*>(matrix.values.data()), {matrix.rows, matrix.columns}, torch::kFloat32).to(torch::kFloat64);
}

Matrix matrixOf(const torch::Tensor& tensor) {
    const torch::Tensor values = tensor.to(torch::kFloat32).contiguous();
    return {static_cast<int>(values.size(0)), static_cast<int>(values.size(1)), {values.data_ptr<float>(), values.data_ptr<float>() + values.numel()}};
}

// τ(x): the posterior-mean shrinkage of EVBMF for a squared singular value x (in noise
// units) above the threshold.
double tau(double x, double alpha) {
    const double b = x - (1 + alpha);
    return 0.5 * (b + std::sqrt(std::max(0.0, b * b - 4 * alpha)));
}

// The EVBMF free energy as a function of the noise variance (to be minimised).
double freeEnergy(double sigma2, int rows, int columns, const std::vector<double>& singular, double threshold) {
    const double alpha = double(rows) / double(columns);
    double energy = 0;
    for (double value : singular) {
        const double x = value * value / (double(columns) * sigma2);
        if (x > threshold) {
            const double t = tau(x, alpha);
            energy += x - t + std::log((t + 1) / x) + alpha * std::log(t / alpha + 1);
        } else {
            energy += x - std::log(x);
        }
    }
    return energy + double(rows - static_cast<int>(singular.size())) * std::log(sigma2);
}

EvbmfResult evbmfOf(torch::Tensor y) {
    if (y.size(0) > y.size(1)) y = y.t(); // rows ≤ columns
    const int rows = static_cast<int>(y.size(0)), columns = static_cast<int>(y.size(1));
    const torch::Tensor values = std::get<1>(torch::linalg_svd(y, false));
    std::vector<double> singular(static_cast<std::size_t>(values.numel()));
    for (std::size_t index = 0; index < singular.size(); ++index) singular[index] = values[static_cast<std::int64_t>(index)].item<double>();
    const double alpha = double(rows) / double(columns);
    const double tauBar = 2.5129 * std::sqrt(alpha);
    const double xBar = (1 + tauBar) * (1 + alpha / tauBar);
    double total = 0;
    for (double value : singular) total += value * value;
    // Bounds of the noise variance: at most everything is noise; at least what the
    // smallest components that must be noise imply.
    const int noiseFrom = std::clamp(static_cast<int>(std::ceil(double(rows) / (1 + alpha))) - 1, 1, rows - 1);
    double tailMean = 0;
    for (int index = noiseFrom; index < rows; ++index) tailMean += singular[std::size_t(index)] * singular[std::size_t(index)];
    tailMean /= double(rows - noiseFrom);
    const double upper = total / (double(rows) * double(columns));
    double lower = std::max(singular[std::size_t(noiseFrom)] * singular[std::size_t(noiseFrom)] / (double(columns) * xBar), tailMean / double(columns));
    lower = std::min(std::max(lower, upper * 1e-12), upper);
    // Golden-section search on log σ² (the free energy is unimodal there in practice).
    double a = std::log(lower), b = std::log(upper);
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    const auto energyAt = [&](double logSigma2) { return freeEnergy(std::exp(logSigma2), rows, columns, singular, xBar); };
    double c = b - ratio * (b - a), d = a + ratio * (b - a), fc = energyAt(c), fd = energyAt(d);
    for (int step = 0; step < 100 && b - a > 1e-10; ++step) {
        if (fc < fd) {
            b = d, d = c, fd = fc;
            c = b - ratio * (b - a), fc = energyAt(c);
        } else {
            a = c, c = d, fc = fd;
            d = a + ratio * (b - a), fd = energyAt(d);
        }
    }
    EvbmfResult result;
    result.noiseVariance = std::exp((a + b) / 2);
    const double threshold = std::sqrt(double(columns) * result.noiseVariance * xBar);
    for (double value : singular) result.rank += value > threshold ? 1 : 0;
    return result;
}

} // namespace

std::vector<double> singularValues(const Matrix& matrix) {
    const torch::Tensor values = std::get<1>(torch::linalg_svd(tensorOf(matrix), false));
    std::vector<double> result(static_cast<std::size_t>(values.numel()));
    for (std::size_t index = 0; index < result.size(); ++index) result[index] = values[static_cast<std::int64_t>(index)].item<double>();
    return result;
}

Matrix truncatedSvd(const Matrix& matrix, int rank) {
    const auto [u, s, vh] = torch::linalg_svd(tensorOf(matrix), false);
    const std::int64_t keep = std::clamp<std::int64_t>(rank, 0, s.numel());
    return matrixOf(u.narrow(1, 0, keep).matmul(torch::diag(s.narrow(0, 0, keep))).matmul(vh.narrow(0, 0, keep)));
}

double relativeReconstructionError(const Matrix& matrix, int rank) {
    const torch::Tensor original = tensorOf(matrix);
    const double norm = original.norm().item<double>();
    if (norm == 0) return 0;
    return (tensorOf(truncatedSvd(matrix, rank)) - original).norm().item<double>() / norm;
}

EvbmfResult evbmf(const Matrix& matrix) { return evbmfOf(tensorOf(matrix)); }

std::vector<LayerRanks> suggestRanks(Network& network) {
    torch::NoGradGuard guard;
    std::vector<LayerRanks> result;
    NetworkModuleImpl& module = network.module();
    for (std::size_t index = 0; index < module.steps.size(); ++index) {
        const Layer& layer = network.architecture().layers[index];
        const NetworkModuleImpl::Step& step = module.steps[index];
        LayerRanks ranks;
        ranks.name = layer.name;
        torch::Tensor weight;
        if (layer.kind == LayerKind::Linear) weight = step.linear->weight.detach().to(torch::kCPU, torch::kFloat64);
        else if (layer.kind == LayerKind::Conv && layer.groups == 1) weight = step.conv->weight.detach().to(torch::kCPU, torch::kFloat64);
        else continue;
        ranks.outputChannels = static_cast<int>(weight.size(0));
        ranks.inputChannels = static_cast<int>(weight.size(1));
        ranks.kernel = weight.dim() == 4 ? static_cast<int>(weight.size(2)) : 1;
        ranks.params = weight.numel();
        if (ranks.outputChannels < 2 || ranks.inputChannels < 2) continue;
        if (ranks.kernel == 1) {
            // W ≈ (U_r S_r)(V_rᵀ): two layers of r·in and out·r weights (eq. 25).
            const torch::Tensor matrix = weight.reshape({weight.size(0), weight.size(1)});
            ranks.kind = "svd";
            ranks.outputRank = ranks.inputRank = std::max(1, evbmfOf(matrix).rank);
            const auto [u, s, vh] = torch::linalg_svd(matrix, false);
            const std::int64_t r = ranks.outputRank;
            const torch::Tensor approximation = u.narrow(1, 0, r).matmul(torch::diag(s.narrow(0, 0, r))).matmul(vh.narrow(0, 0, r));
            ranks.reconstructionError = (approximation - matrix).norm().item<double>() / std::max(1e-30, matrix.norm().item<double>());
            ranks.factorisedParams = std::int64_t(r) * (ranks.inputChannels + ranks.outputChannels);
        } else {
            // Tucker-2 (eq. 26): 1×1 in → r_in, k×k r_in → r_out, 1×1 r_out → out; the ranks
            // from EVBMF of the output- and input-channel unfoldings.
            ranks.kind = "tucker2";
            const torch::Tensor outputUnfolding = weight.reshape({weight.size(0), -1});
            const torch::Tensor inputUnfolding = weight.transpose(0, 1).reshape({weight.size(1), -1});
            ranks.outputRank = std::max(1, evbmfOf(outputUnfolding).rank);
            ranks.inputRank = std::max(1, evbmfOf(inputUnfolding).rank);
            const auto [uo, so, vo] = torch::linalg_svd(outputUnfolding, false);
            const auto [ui, si, vi] = torch::linalg_svd(inputUnfolding, false);
            const torch::Tensor outputBasis = uo.narrow(1, 0, ranks.outputRank), inputBasis = ui.narrow(1, 0, ranks.inputRank);
            // Core = W ×₀ U_outᵀ ×₁ U_inᵀ; the approximation projects W on both bases.
            const torch::Tensor core = torch::einsum("oikl,or,is->rskl", {weight, outputBasis, inputBasis});
            const torch::Tensor approximation = torch::einsum("rskl,or,is->oikl", {core, outputBasis, inputBasis});
            ranks.reconstructionError = (approximation - weight).norm().item<double>() / std::max(1e-30, weight.norm().item<double>());
            ranks.factorisedParams = std::int64_t(ranks.inputChannels) * ranks.inputRank +
                                     std::int64_t(ranks.inputRank) * ranks.outputRank * ranks.kernel * ranks.kernel +
                                     std::int64_t(ranks.outputRank) * ranks.outputChannels;
        }
        ranks.factorisedParams = std::min(ranks.factorisedParams, ranks.params);
        result.push_back(ranks);
    }
    return result;
}

namespace {

// The factor layers of one replaced layer, appended in order; returns the last one.
int appendFactors(Architecture& target, LayerBuilder& builder, const Layer& layer, const LayerRanks& ranks, int input) {
    builder.setCurrent(input);
    const char* op = layer.op.data();
    const char* activation = layer.activation.empty() ? "" : layer.activation.data();
    const auto named = [&](const std::string& suffix) {
        Layer& factor = target.layers.back();
        factor.name = layer.name + suffix;
        factor.op = layer.op;
        factor.weightBits = layer.weightBits;
        factor.activationBits = layer.activationBits;
    };
    if (layer.kind == LayerKind::Linear) {
        builder.linear("", op, ranks.outputRank, false, "");
        named(".low_rank_in");
        builder.linear("", op, layer.output.channels, layer.bias, activation);
    } else if (ranks.kind == "svd") {
        builder.conv("", op, ranks.outputRank, 1, layer.stride, 1, "", false, false, layer.padding, 1);
        named(".low_rank_in");
        builder.conv("", op, layer.output.channels, 1, 1, 1, activation, layer.batchNorm, layer.bias, 0, 1);
    } else {
        builder.conv("", op, ranks.inputRank, 1, 1, 1, "", false, false, 0, 1);
        named(".low_rank_in");
        builder.conv("", op, ranks.outputRank, layer.kernel, layer.stride, 1, "", false, false, layer.padding, layer.dilation);
        named(".low_rank_core");
        builder.conv("", op, layer.output.channels, 1, 1, 1, activation, layer.batchNorm, layer.bias, 0, 1);
    }
    named("");
    return builder.current();
}

// Writes the decomposition of `from`'s weight into the factor steps `to` (first factor
// first); the last factor takes the bias and batch norm. Returns ‖Ŵ − W‖ / ‖W‖ of the
// weight the factors compose.
double initialiseFactors(const NetworkModuleImpl::Step& from, std::vector<NetworkModuleImpl::Step*> to, const LayerRanks& ranks) {
    torch::NoGradGuard guard;
    const torch::Tensor original = (from.linear ? from.linear->weight : from.conv->weight).detach().to(torch::kCPU, torch::kFloat64);
    const auto weightOf = [](NetworkModuleImpl::Step* step) { return step->linear ? step->linear->weight : step->conv->weight; };
    const auto assign = [&](NetworkModuleImpl::Step* step, const torch::Tensor& value) {
        torch::Tensor weight = weightOf(step);
        weight.copy_(value.reshape(weight.sizes()).to(weight.dtype()));
    };
    torch::Tensor approximation;
    if (ranks.kind == "svd") {
        // W = U S Vᵀ ≈ (U_r √S_r)(√S_r V_rᵀ): the square root splits the scale evenly.
        const torch::Tensor matrix = original.reshape({original.size(0), -1});
        const auto [u, s, vh] = torch::linalg_svd(matrix, false);
        const std::int64_t r = ranks.outputRank;
        const torch::Tensor root = s.narrow(0, 0, r).sqrt();
        assign(to[0], root.unsqueeze(1) * vh.narrow(0, 0, r));
        assign(to[1], u.narrow(1, 0, r) * root.unsqueeze(0));
        approximation = (u.narrow(1, 0, r) * s.narrow(0, 0, r).unsqueeze(0)).matmul(vh.narrow(0, 0, r)).reshape(original.sizes());
    } else {
        const auto [uo, so, vo] = torch::linalg_svd(original.reshape({original.size(0), -1}), false);
        const auto [ui, si, vi] = torch::linalg_svd(original.transpose(0, 1).reshape({original.size(1), -1}), false);
        const torch::Tensor outputBasis = uo.narrow(1, 0, ranks.outputRank), inputBasis = ui.narrow(1, 0, ranks.inputRank);
        const torch::Tensor core = torch::einsum("oikl,or,is->rskl", {original, outputBasis, inputBasis});
        assign(to[0], inputBasis.t());
        assign(to[1], core);
        assign(to[2], outputBasis);
        approximation = torch::einsum("rskl,or,is->oikl", {core, outputBasis, inputBasis});
    }
    NetworkModuleImpl::Step& last = *to.back();
    if (from.linear && from.linear->bias.defined()) last.linear->bias.copy_(from.linear->bias);
    if (from.conv && from.conv->bias.defined()) last.conv->bias.copy_(from.conv->bias);
    if (from.norm) {
        last.norm->weight.copy_(from.norm->weight);
        last.norm->bias.copy_(from.norm->bias);
        last.norm->running_mean.copy_(from.norm->running_mean);
        last.norm->running_var.copy_(from.norm->running_var);
    }
    const double norm = original.norm().item<double>();
    return norm > 0 ? (approximation - original).norm().item<double>() / norm : 0.0;
}

} // namespace

namespace {

// The weights of a layer's factors: r·(in + out) for SVD; in·r_in + r_in·r_out·k² + r_out·out
// for Tucker-2.
std::int64_t factorisedWeights(const Layer& layer, const LayerRanks& ranks) {
    const std::int64_t in = layer.kind == LayerKind::Linear ? layer.input.elements() : layer.input.channels, out = layer.output.channels;
    if (ranks.kind == "svd") return std::int64_t(ranks.outputRank) * (in + out);
    return in * ranks.inputRank + std::int64_t(ranks.inputRank) * ranks.outputRank * layer.kernel * layer.kernel + std::int64_t(ranks.outputRank) * out;
}

// Which layers a factorisation replaces, the architecture with their factors, and where
// each original layer's output is in it.
struct Plan {
    std::map<std::size_t, const LayerRanks*> replaced;
    Architecture target;
    std::vector<int> mapped;
};

Plan planFactorisation(const Architecture& source, const std::vector<LayerRanks>& ranks) {
    Plan plan;
    std::map<std::string, const LayerRanks*> byName;
    for (const LayerRanks& layer : ranks) byName[layer.name] = &layer;
    std::map<std::size_t, const LayerRanks*>& replaced = plan.replaced;
    for (std::size_t index = 0; index < source.layers.size(); ++index) {
        const Layer& layer = source.layers[index];
        const auto found = byName.find(layer.name);
        if (found == byName.end()) continue;
        const LayerRanks& chosen = *found->second;
        byName.erase(found);
        const bool matrix = layer.kind == LayerKind::Linear || (layer.kind == LayerKind::Conv && layer.groups == 1 && layer.kernel == 1);
        const bool tensor = layer.kind == LayerKind::Conv && layer.groups == 1 && layer.kernel > 1;
        const std::int64_t in = layer.kind == LayerKind::Linear ? layer.input.elements() : layer.input.channels, out = layer.output.channels;
        if (!(matrix && chosen.kind == "svd") && !(tensor && chosen.kind == "tucker2"))
            throw Error("", layer.name, "a " + chosen.kind + " factorisation does not apply to this layer");
        const bool fits = matrix ? chosen.outputRank >= 1 && chosen.outputRank <= std::min(in, out)
                                 : chosen.outputRank >= 1 && chosen.outputRank <= out && chosen.inputRank >= 1 && chosen.inputRank <= in;
        if (!fits)
            throw Error("", layer.name, "ranks " + std::to_string(chosen.outputRank) + ", " + std::to_string(chosen.inputRank) +
                                            " do not fit a layer of " + std::to_string(in) + " inputs and " + std::to_string(out) + " outputs");
        if (factorisedWeights(layer, chosen) >= layer.weightCount) continue; // would not shrink
        replaced[index] = &chosen;
    }
    if (!byName.empty()) throw Error("", byName.begin()->first, "no layer of this name in the network");

    Architecture& target = plan.target;
    target.input = source.input;
    LayerBuilder builder(target);
    std::vector<int>& mapped = plan.mapped;
    mapped.resize(source.layers.size());
    const auto mapInput = [&](int producer) { return producer < 0 ? producer : mapped[static_cast<std::size_t>(producer)]; };
    for (std::size_t index = 0; index < source.layers.size(); ++index) {
        const Layer& layer = source.layers[index];
        std::vector<int> inputs;
        for (int producer : layer.inputs) inputs.push_back(mapInput(producer));
        const auto found = replaced.find(index);
        mapped[index] = found == replaced.end() ? appendLike(target, builder, layer, inputs, layer.output.channels)
                                                : appendFactors(target, builder, layer, *found->second, inputs.front());
    }
    return plan;
}

} // namespace

Architecture factorisedArchitecture(const Architecture& architecture, const std::vector<LayerRanks>& ranks) {
    return planFactorisation(architecture, ranks).target;
}

FactorisationResult factorise(Network& network, const std::vector<LayerRanks>& ranks) {
    const Architecture& source = network.architecture();
    const Plan plan = planFactorisation(source, ranks);
    const Architecture& target = plan.target;
    const auto& replaced = plan.replaced;
    const auto& mapped = plan.mapped;
    FactorisationResult result{Network(target, 0), {}, computeMetrics(source), computeMetrics(target)};
    NetworkModuleImpl& from = network.module();
    NetworkModuleImpl& to = result.network.module();
    to.to(from.parameters().empty() ? torch::Device(torch::kCPU) : from.parameters().front().device());
    for (std::size_t index = 0; index < source.layers.size(); ++index) {
        const auto found = replaced.find(index);
        const std::size_t last = static_cast<std::size_t>(mapped[index]);
        if (found == replaced.end()) {
            copyStep(from.steps[index], to.steps[last]);
            continue;
        }
        const std::size_t factors = found->second->kind == "tucker2" ? 3 : 2;
        std::vector<NetworkModuleImpl::Step*> steps;
        for (std::size_t step = last + 1 - factors; step <= last; ++step) steps.push_back(&to.steps[step]);
        // The report is of the ranks used, whatever a caller's LayerRanks said besides.
        LayerRanks used = *found->second;
        used.params = source.layers[index].weightCount;
        used.factorisedParams = factorisedWeights(source.layers[index], used);
        used.reconstructionError = initialiseFactors(from.steps[index], steps, used);
        result.layers.push_back(used);
    }
    return result;
}

} // namespace edgesmith
