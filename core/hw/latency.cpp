#include "core/hw/latency.h"

#include "core/engine/runtime.h"
#include "core/nn/internal/network_module.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace edgesmith {
namespace {

double quantile(std::vector<double> sorted, double fraction) {
    const double position = fraction * double(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(position));
    const auto high = std::min(sorted.size() - 1, low + 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - double(low));
}

} // namespace

Json LatencyStats::toJson() const {
    return {{"median_ms", medianMs}, {"p10_ms", p10Ms}, {"p90_ms", p90Ms}, {"mean_ms", meanMs},
            {"runs", runs},          {"batch", batch},  {"threads", threads}};
}

LatencyStats measureLatency(Network& network, const LatencyOptions& options) {
    const int previousThreads = runtimeInfo().intraOpThreads;
    LatencyStats stats;
    stats.threads = setComputeThreads(options.threads);
    stats.batch = options.batch;
    NetworkModuleImpl& module = network.module();
    torch::NoGradGuard guard;
    const bool wasTraining = module.is_training();
    module.eval();
    const auto& in = network.architecture().input;
    const auto device = module.parameters().empty() ? torch::Device(torch::kCPU) : module.parameters().front().device();
    const torch::Tensor input = torch::randn({options.batch, in.channels, in.height, in.width}, torch::TensorOptions().device(device));
    const auto synchronise = [&] {
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    for (int run = 0; run < options.warmup; ++run) module.forward(input);
    synchronise();
    std::vector<double> times;
    for (int run = 0; run < std::max(1, options.runs); ++run) {
        const auto start = std::chrono::steady_clock::now();
        module.forward(input);
        synchronise();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    module.train(wasTraining);
    setComputeThreads(previousThreads);
    std::sort(times.begin(), times.end());
    stats.runs = static_cast<int>(times.size());
    stats.medianMs = quantile(times, 0.5);
    stats.p10Ms = quantile(times, 0.1);
    stats.p90Ms = quantile(times, 0.9);
    stats.meanMs = std::accumulate(times.begin(), times.end(), 0.0) / double(times.size());
    return stats;
}

} // namespace edgesmith
