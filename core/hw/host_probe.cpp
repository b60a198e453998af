#include "core/hw/host_probe.h"

#include "core/engine/runtime.h"
#include "core/hw/latency.h"
#include "core/hw/latency_table.h"
#include "core/hw/roofline.h"
#include "core/nn/network.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <unistd.h>

namespace edgesmith {
namespace {

template <typename Work>
double bestSeconds(Work work, int repeats) {
    double best = 1e30;
    for (int repeat = 0; repeat < repeats; ++repeat) {
        const auto start = std::chrono::steady_clock::now();
        work();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

Layer convolution(const char* name, Shape in, int out, int kernel, int groups) {
    Layer layer;
    layer.name = name;
    layer.kind = LayerKind::Conv;
    layer.input = in;
    layer.output = {out, in.height, in.width};
    layer.kernel = kernel;
    layer.padding = kernel / 2;
    layer.groups = groups;
    layer.batchNorm = true;
    layer.activation = "relu";
    layer.inputs = {-1};
    layer.weightCount = std::int64_t(out) * (in.channels / groups) * kernel * kernel;
    layer.params = layer.weightCount + 2 * out;
    layer.macs = layer.output.elements() * (in.channels / groups) * kernel * kernel;
    return layer;
}

} // namespace

DeviceProfile measureHostProfile(int threads) {
    // The caller's thread count comes back however the probe ends.
    struct Threads {
        int previous = runtimeInfo().intraOpThreads;
        ~Threads() { setComputeThreads(previous); }
    } restore;
    setComputeThreads(threads);
    torch::NoGradGuard guard;
    DeviceProfile profile;
    profile.name = "host";
    profile.kind = "cpu";
    profile.description = "This machine, measured with LibTorch on " + std::to_string(threads) + " thread(s)";
    const auto a = torch::randn({256, 1024}), b = torch::randn({1024, 256});
    const double gemm = bestSeconds([&] { (void)torch::mm(a, b); }, 20);
    profile.peakMacsPerSecond["fp32"] = 256.0 * 1024 * 256 / gemm;
    const auto source = torch::randn({16 * 1024 * 1024}), target = torch::empty_like(source);
    const double copy = bestSeconds([&] { target.copy_(source); }, 5);
    profile.memoryBandwidth = 2.0 * double(source.numel()) * 4 / copy;
    profile.ramBytes = std::int64_t(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE);

    LatencyOptions options;
    options.threads = threads;
    options.runs = 30;
    options.warmup = 5;
    LatencyTable table(options);
    const auto efficiency = [&](const Architecture& probe) {
        table.profile(probe);
        const double seconds = std::max(1e-9, table.sum(probe) * 1e-3);
        const double work = layerWork(probe, probe.layers.size() - 1);
        return std::clamp(work / seconds / profile.peakMacsPerSecond["fp32"], 0.001, 1.0);
    };
    const auto single = [](Shape in, Layer layer) {
        Architecture probe;
        probe.input = in;
        probe.layers.push_back(std::move(layer));
        return probe;
    };
    const Shape feature{32, 28, 28};
    profile.efficiency["conv"] = efficiency(single(feature, convolution("conv", feature, 32, 3, 1)));
    profile.efficiency["group_conv"] = efficiency(single(feature, convolution("group", feature, 32, 3, 4)));
    profile.efficiency["depthwise_conv"] = efficiency(single({96, 28, 28}, convolution("depthwise", {96, 28, 28}, 96, 3, 96)));
    profile.efficiency["pointwise_conv"] = efficiency(single(feature, convolution("pointwise", feature, 96, 1, 1)));
    Layer linear;
    linear.name = "linear";
    linear.kind = LayerKind::Linear;
    linear.input = {1024, 1, 1};
    linear.output = {1000, 1, 1};
    linear.bias = true;
    linear.inputs = {-1};
    linear.weightCount = 1024 * 1000;
    linear.params = linear.weightCount + 1000;
    linear.macs = linear.weightCount;
    profile.efficiency["linear"] = efficiency(single(linear.input, linear));
    Layer pool;
    pool.name = "pool";
    pool.kind = LayerKind::GlobalAvgPool;
    pool.input = {96, 28, 28};
    pool.output = {96, 1, 1};
    pool.inputs = {-1};
    profile.efficiency["pool"] = efficiency(single(pool.input, pool));
    Layer add;
    add.name = "add";
    add.kind = LayerKind::Add;
    add.input = add.output = {96, 28, 28};
    add.inputs = {-1, -1};
    profile.efficiency["elementwise"] = efficiency(single(add.input, add));
    Layer excite;
    excite.name = "se";
    excite.kind = LayerKind::SqueezeExcite;
    excite.input = excite.output = {96, 14, 14};
    excite.squeezeChannels = 24;
    excite.activation = "hsigmoid";
    excite.inputs = {-1};
    excite.weightCount = 2 * 96 * 24;
    excite.params = excite.weightCount + 96 + 24;
    excite.macs = excite.weightCount;
    profile.efficiency["squeeze_excite"] = efficiency(single(excite.input, excite));
    profile.layerOverheadMs = table.baseMs();
    profile.bitwidths = {};
    profile.sources = {"Measured by edgesmith-cli device-profile --measure-host: 256×1024×256 fp32 matrix product (peak), a 64 MiB copy "
                       "(bandwidth), one representative layer per operator class timed as in the latency table (efficiency), the "
                       "framework's cost of an empty network (per-layer overhead); int8 and fp16 layers run in fp32 in LibTorch"};
    return profile;
}

} // namespace edgesmith
