#include "core/compress/low_rank.h"

#include "core/common/error.h"
#include "core/nn/internal/network_module.h"

#include <algorithm>
#include <cmath>

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

} // namespace edgesmith
