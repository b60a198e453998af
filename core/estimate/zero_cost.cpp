#include "core/estimate/zero_cost.h"

#include "core/common/error.h"
#include "core/data/internal/dataset_tensors.h"
#include "core/engine/runtime.h"
#include "core/nn/internal/network_module.h"
#include "core/nn/network.h"

#include <cmath>
#include <numeric>

namespace edgesmith {
namespace {

// The weights the proxies measure: those of convolutions and linear layers.
std::vector<torch::Tensor> weightsOf(NetworkModuleImpl& module) {
    std::vector<torch::Tensor> weights;
    for (auto& step : module.steps) {
        if (step.conv) weights.push_back(step.conv->weight);
        if (step.linear) weights.push_back(step.linear->weight);
    }
    return weights;
}

torch::Tensor loss(NetworkModuleImpl& module, const torch::Tensor& images, const torch::Tensor& labels) {
    return torch::nn::functional::cross_entropy(module.forward(images).flatten(1), labels);
}

// snip, grad_norm and grasp share the gradient of one loss.
void gradientProxies(NetworkModuleImpl& module, const torch::Tensor& images, const torch::Tensor& labels, std::map<std::string, double>& scores) {
    const std::vector<torch::Tensor> weights = weightsOf(module);
    module.zero_grad();
    const std::vector<torch::Tensor> gradients = torch::autograd::grad({loss(module, images, labels)}, weights, {}, true, true);
    double snip = 0, norm = 0;
    for (std::size_t index = 0; index < weights.size(); ++index) {
        snip += (gradients[index] * weights[index]).abs().sum().item<double>();
        norm += gradients[index].norm().item<double>();
    }
    scores["snip"] = snip;
    scores["grad_norm"] = norm;
    // GraSP: the Hessian-gradient product Hg as the gradient of g · stop_gradient(g).
    torch::Tensor product = torch::zeros({}, images.options());
    for (const torch::Tensor& gradient : gradients) product = product + (gradient * gradient.detach()).sum();
    const std::vector<torch::Tensor> hessianGradient = torch::autograd::grad({product}, weights, {}, false, false, true);
    double grasp = 0;
    for (std::size_t index = 0; index < weights.size(); ++index)
        if (hessianGradient[index].defined()) grasp -= (weights[index].detach() * hessianGradient[index]).sum().item<double>();
    scores["grasp"] = grasp;
}

// NASWOT v1: the correlation of the batch's input Jacobians; its spectrum near the identity
// (uncorrelated images) scores high.
double jacobianCovariance(NetworkModuleImpl& module, const torch::Tensor& images) {
    torch::Tensor input = images.clone().requires_grad_(true);
    const torch::Tensor output = module.forward(input);
    const torch::Tensor jacobian = torch::autograd::grad({output.sum()}, {input})[0].reshape({images.size(0), -1}).to(torch::kFloat64);
    const torch::Tensor centred = jacobian - jacobian.mean(1, true);
    const torch::Tensor norms = centred.norm(2, 1, true).clamp_min(1e-12);
    const torch::Tensor correlation = (centred / norms).matmul((centred / norms).t());
    const torch::Tensor eigenvalues = std::get<0>(torch::linalg_eigh(correlation));
    constexpr double k = 1e-5;
    const double score = -(torch::log(eigenvalues + k) + 1.0 / (eigenvalues + k)).sum().item<double>();
    return std::isfinite(score) ? score : -1e30;
}

// synflow: every parameter made positive, BN at its initial statistics, an all-ones input;
// double precision so deep networks do not overflow.
double synflow(NetworkModuleImpl& module, const Shape& input) {
    torch::NoGradGuard guard;
    module.to(torch::kFloat64);
    for (auto& parameter : module.parameters()) parameter.abs_();
    torch::GradMode::set_enabled(true);
    module.zero_grad();
    const torch::Tensor output = module.forward(torch::ones({1, input.channels, input.height, input.width}, torch::kFloat64));
    output.sum().backward();
    double score = 0;
    for (const torch::Tensor& weight : weightsOf(module))
        if (weight.grad().defined()) score += (weight * weight.grad()).abs().sum().item<double>();
    torch::GradMode::set_enabled(false);
    return score;
}

} // namespace

std::vector<std::string> zeroCostProxies() { return {"synflow", "snip", "grasp", "grad_norm", "jacob_cov", "params", "macs"}; }

std::map<std::string, double> zeroCostScores(const Architecture& architecture, const Dataset& data, const Splits& statistics, const ZeroCostOptions& options) {
    if (data.size() == 0) throw Error("", "dataset", "zero-cost proxies need at least one training image");
    setComputeThreads(options.threads);
    const Metrics metrics = computeMetrics(architecture);
    std::map<std::string, double> scores{{"params", double(metrics.params)}, {"macs", double(metrics.macs)}};
    Network network(architecture, options.seed);
    NetworkModuleImpl& module = network.module();
    const std::int64_t batch = std::min<std::int64_t>(options.batch, data.size());
    // Only the batch is normalised, not the whole split it comes from.
    std::vector<std::int64_t> first(static_cast<std::size_t>(batch));
    std::iota(first.begin(), first.end(), 0);
    const Dataset firstBatch = data.select(first);
    const torch::Tensor images = normalisedImages(firstBatch, statistics, torch::Device(torch::kCPU));
    const torch::Tensor labels = firstBatch.tensors().labels;
    // Batch statistics at initialisation (as in training), no dropout noise between proxies.
    module.train();
    for (auto& step : module.steps)
        if (step.dropout) step.dropout->eval();
    gradientProxies(module, images, labels, scores);
    scores["jacob_cov"] = jacobianCovariance(module, images);
    // synflow is data-free: a fresh copy, its batch norm still at the initial statistics.
    Network fresh(architecture, options.seed);
    fresh.module().eval();
    scores["synflow"] = synflow(fresh.module(), architecture.input);
    return scores;
}

} // namespace edgesmith
