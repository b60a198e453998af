#include "core/compress/pruning.h"

#include "core/common/error.h"
#include "core/compress/internal/layer_copy.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace edgesmith {
namespace {

// The layers that carry the channels of `root` channel for channel (depthwise convs, SE,
// pools) and the convolutions that read them; none when the group reaches something that
// would need its channels whole.
struct Group {
    std::vector<int> carriers;  // root first
    std::vector<int> readers;   // groups == 1 convolutions whose input channels shrink
};

std::optional<Group> groupOf(const Architecture& architecture, const std::vector<std::vector<int>>& consumers, int root) {
    Group group;
    group.carriers.push_back(root);
    std::vector<int> frontier{root};
    while (!frontier.empty()) {
        const int producer = frontier.back();
        frontier.pop_back();
        if (consumers[static_cast<std::size_t>(producer)].empty()) return std::nullopt; // the network's output
        for (int consumer : consumers[static_cast<std::size_t>(producer)]) {
            const Layer& layer = architecture.layers[static_cast<std::size_t>(consumer)];
            if (layer.inputs.size() != 1) return std::nullopt; // add, concat
            if (layer.kind == LayerKind::Conv && layer.groups == 1) {
                group.readers.push_back(consumer);
            } else if (layer.kind == LayerKind::Linear && layer.input.height == 1 && layer.input.width == 1) {
                group.readers.push_back(consumer); // after a global pool: one feature per channel
            } else if (depthwise(layer) || layer.kind == LayerKind::SqueezeExcite || layer.kind == LayerKind::MaxPool ||
                       layer.kind == LayerKind::AvgPool || layer.kind == LayerKind::GlobalAvgPool || layer.kind == LayerKind::Dropout) {
                group.carriers.push_back(consumer);
                frontier.push_back(consumer);
            } else {
                return std::nullopt; // linear, slice, shuffle, flatten, global pool into a linear
            }
        }
    }
    return group;
}

torch::Tensor importanceOf(const NetworkModuleImpl::Step& step, ChannelImportance importance) {
    torch::NoGradGuard guard;
    if (importance == ChannelImportance::BatchNorm && step.norm) return step.norm->weight.detach().abs().cpu();
    const torch::Tensor filters = step.conv->weight.detach().flatten(1).cpu();
    return importance == ChannelImportance::L1 ? filters.abs().sum(1) : filters.pow(2).sum(1).sqrt();
}

// The architecture again with pruned output channels; every other layer as it was.
Architecture rebuilt(const Architecture& source, const std::map<int, int>& channels) {
    Architecture result;
    result.input = source.input;
    LayerBuilder builder(result);
    for (std::size_t index = 0; index < source.layers.size(); ++index) {
        const Layer& layer = source.layers[index];
        const auto found = channels.find(static_cast<int>(index));
        appendLike(result, builder, layer, std::vector<int>(layer.inputs.begin(), layer.inputs.end()),
                   found != channels.end() ? found->second : layer.output.channels);
    }
    return result;
}

void copySelected(torch::Tensor target, torch::Tensor source, const torch::Tensor* outputs, const torch::Tensor* inputs) {
    if (outputs) source = source.index_select(0, *outputs);
    if (inputs && source.dim() > 1) source = source.index_select(1, *inputs);
    target.copy_(source);
}

} // namespace

ChannelImportance channelImportanceFromString(const std::string& text) {
    if (text == "l1") return ChannelImportance::L1;
    if (text == "l2") return ChannelImportance::L2;
    if (text == "bn") return ChannelImportance::BatchNorm;
    throw Error("", "importance", "unknown channel importance \"" + text + "\"; use l1, l2 or bn");
}

std::string toString(ChannelImportance importance) {
    switch (importance) {
    case ChannelImportance::L1: return "l1";
    case ChannelImportance::L2: return "l2";
    case ChannelImportance::BatchNorm: return "bn";
    }
    return "l1";
}

PruningResult pruneChannels(Network& network, double rate, ChannelImportance importance) {
    if (!(rate >= 0 && rate < 1)) throw Error("", "rate", "the pruning rate must be in [0, 1), got " + std::to_string(rate));
    const Architecture& architecture = network.architecture();
    NetworkModuleImpl& source = network.module();
    const std::size_t count = architecture.layers.size();
    std::vector<std::vector<int>> consumers(count);
    for (std::size_t index = 0; index < count; ++index)
        for (int producer : architecture.layers[index].inputs)
            if (producer >= 0) consumers[static_cast<std::size_t>(producer)].push_back(static_cast<int>(index));

    // Which channels each prunable root keeps, and the layers that follow its choice.
    std::map<int, torch::Tensor> kept;   // by layer whose output channels shrink (root and carriers)
    std::map<int, torch::Tensor> readBy; // by reader convolution: its kept input channels
    std::map<int, int> channels;         // root → kept count
    std::vector<PrunedLayer> report;
    for (std::size_t index = 0; index < count; ++index) {
        const Layer& layer = architecture.layers[index];
        if (layer.kind != LayerKind::Conv || layer.groups != 1 || layer.output.channels < 2) continue;
        const auto group = groupOf(architecture, consumers, static_cast<int>(index));
        if (!group) continue;
        const int total = layer.output.channels;
        const int keep = std::max(1, static_cast<int>(std::lround(double(total) * (1.0 - rate))));
        const torch::Tensor scores = importanceOf(source.steps[index], importance);
        const torch::Tensor order = std::get<0>(std::get<1>(scores.topk(keep)).sort()).to(torch::kInt64);
        for (int carrier : group->carriers) kept[carrier] = order;
        for (int reader : group->readers) readBy[reader] = order;
        channels[static_cast<int>(index)] = keep;
        report.push_back({layer.name, total, keep});
    }

    PruningResult result{Network(rebuilt(architecture, channels), 0), report, computeMetrics(architecture), {}};
    result.after = computeMetrics(result.network.architecture());
    NetworkModuleImpl& target = result.network.module();
    target.to(source.parameters().empty() ? torch::Device(torch::kCPU) : source.parameters().front().device());
    torch::NoGradGuard guard;
    for (std::size_t index = 0; index < count; ++index) {
        const NetworkModuleImpl::Step& from = source.steps[index];
        NetworkModuleImpl::Step& to = target.steps[index];
        const auto outputs = kept.find(static_cast<int>(index));
        const torch::Tensor* out = outputs != kept.end() ? &outputs->second : nullptr;
        const auto reading = readBy.find(static_cast<int>(index));
        const torch::Tensor* in = reading != readBy.end() ? &reading->second : nullptr;
        const Layer& layer = architecture.layers[index];
        if (from.conv) {
            // Depthwise filters follow their channel ([C, 1, k, k]); others lose rows and columns.
            copySelected(to.conv->weight, from.conv->weight, out, depthwise(layer) ? nullptr : in);
            if (from.conv->bias.defined()) copySelected(to.conv->bias, from.conv->bias, out, nullptr);
        }
        if (from.norm) {
            copySelected(to.norm->weight, from.norm->weight, out, nullptr);
            copySelected(to.norm->bias, from.norm->bias, out, nullptr);
            copySelected(to.norm->running_mean, from.norm->running_mean, out, nullptr);
            copySelected(to.norm->running_var, from.norm->running_var, out, nullptr);
        }
        if (from.linear) {
            copySelected(to.linear->weight, from.linear->weight, nullptr, in);
            if (from.linear->bias.defined()) to.linear->bias.copy_(from.linear->bias);
        }
        if (from.squeeze) {
            // The squeeze reads the carried channels; the excite writes them.
            copySelected(to.squeeze->weight, from.squeeze->weight, nullptr, out);
            to.squeeze->bias.copy_(from.squeeze->bias);
            copySelected(to.excite->weight, from.excite->weight, out, nullptr);
            copySelected(to.excite->bias, from.excite->bias, out, nullptr);
        }
    }
    return result;
}

} // namespace edgesmith
