#include "core/compress/pruning.h"

#include "core/common/error.h"
#include "core/compress/internal/layer_copy.h"
#include "core/data/internal/dataset_tensors.h"

#include <algorithm>
#include <cmath>
#include <functional>
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

// First-order Taylor scores of the output channels of every non-grouped convolution,
// accumulated over up to `batches` batches of 64 (eval-mode batch norm: the statistics the
// network is deployed with).
std::map<std::size_t, torch::Tensor> taylorScores(Network& network, const Dataset& data, const Splits& statistics, int batches) {
    NetworkModuleImpl& module = network.module();
    const torch::Device device = module.parameters().empty() ? torch::Device(torch::kCPU) : module.parameters().front().device();
    const torch::Tensor images = normalisedImages(data, statistics, device);
    const torch::Tensor labels = data.tensors().labels.to(device);
    const std::int64_t count = std::min<std::int64_t>(images.size(0), std::int64_t(std::max(1, batches)) * 64);
    if (count == 0) throw Error("", "data", "Taylor importance needs at least one image");
    const bool training = module.is_training();
    module.eval();
    std::map<std::size_t, torch::Tensor> scores;
    for (std::int64_t start = 0; start < count; start += 64) {
        const std::int64_t size = std::min<std::int64_t>(64, count - start);
        module.zero_grad();
        torch::nn::functional::cross_entropy(module.forward(images.narrow(0, start, size)), labels.narrow(0, start, size)).backward();
        torch::NoGradGuard guard;
        for (std::size_t index = 0; index < module.steps.size(); ++index) {
            const NetworkModuleImpl::Step& step = module.steps[index];
            if (!step.conv || step.layer->groups != 1) continue;
            // The loss change of zeroing a channel, to first order: its output times the
            // gradient there; with batch norm that output is γ·x̂ + β.
            const torch::Tensor change = step.norm ? step.norm->weight * step.norm->weight.grad() + step.norm->bias * step.norm->bias.grad()
                                                   : (step.conv->weight * step.conv->weight.grad()).flatten(1).sum(1);
            const torch::Tensor squared = change.pow(2).cpu();
            scores[index] = scores.count(index) ? scores[index] + squared : squared;
        }
    }
    module.zero_grad();
    module.train(training);
    return scores;
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
    if (text == "taylor") return ChannelImportance::Taylor;
    throw Error("", "importance", "unknown channel importance \"" + text + "\"; use l1, l2, bn or taylor");
}

std::string toString(ChannelImportance importance) {
    switch (importance) {
    case ChannelImportance::L1: return "l1";
    case ChannelImportance::L2: return "l2";
    case ChannelImportance::BatchNorm: return "bn";
    case ChannelImportance::Taylor: return "taylor";
    }
    return "l1";
}

namespace {

std::vector<std::vector<int>> consumersOf(const Architecture& architecture) {
    std::vector<std::vector<int>> consumers(architecture.layers.size());
    for (std::size_t index = 0; index < architecture.layers.size(); ++index)
        for (int producer : architecture.layers[index].inputs)
            if (producer >= 0) consumers[static_cast<std::size_t>(producer)].push_back(static_cast<int>(index));
    return consumers;
}

// The roots of prunable channel groups with their groups, in network order.
std::vector<std::pair<std::size_t, Group>> prunableGroups(const Architecture& architecture) {
    const auto consumers = consumersOf(architecture);
    std::vector<std::pair<std::size_t, Group>> roots;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
        const Layer& layer = architecture.layers[index];
        if (layer.kind != LayerKind::Conv || layer.groups != 1 || layer.output.channels < 2) continue;
        if (auto group = groupOf(architecture, consumers, static_cast<int>(index))) roots.emplace_back(index, std::move(*group));
    }
    return roots;
}

void requireRate(double rate, const std::string& where) {
    if (!(rate >= 0 && rate < 1)) throw Error("", where, "the pruning rate must be in [0, 1), got " + std::to_string(rate));
}

int keptChannels(int total, double rate) { return std::max(1, static_cast<int>(std::lround(double(total) * (1.0 - rate)))); }

// Structured pruning of each root at `rateOf(layer index)`, the channels ranked by
// `scoreOf(layer index)`.
using Groups = std::vector<std::pair<std::size_t, Group>>;

PruningResult pruneByScores(Network& network, const Groups& groups, const std::function<double(std::size_t)>& rateOf,
                            const std::function<torch::Tensor(std::size_t)>& scoreOf) {
    const Architecture& architecture = network.architecture();
    NetworkModuleImpl& source = network.module();
    const std::size_t count = architecture.layers.size();

    // Which channels each prunable root keeps, and the layers that follow its choice.
    std::map<int, torch::Tensor> kept;   // by layer whose output channels shrink (root and carriers)
    std::map<int, torch::Tensor> readBy; // by reader convolution: its kept input channels
    std::map<int, int> channels;         // root → kept count
    std::vector<PrunedLayer> report;
    for (const auto& [index, group] : groups) {
        const Layer& layer = architecture.layers[index];
        const int total = layer.output.channels;
        const int keep = keptChannels(total, rateOf(index));
        const torch::Tensor scores = scoreOf(index);
        const torch::Tensor order = std::get<0>(std::get<1>(scores.topk(keep)).sort()).to(torch::kInt64);
        for (int carrier : group.carriers) kept[carrier] = order;
        for (int reader : group.readers) readBy[reader] = order;
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

} // namespace

PruningResult pruneChannels(Network& network, double rate, ChannelImportance importance) {
    requireRate(rate, "rate");
    return pruneChannels(network, std::map<std::string, double>{}, importance, rate);
}

PruningResult pruneChannels(Network& network, double rate, ChannelImportance importance, const Dataset& data, const Splits& statistics, int batches) {
    if (importance != ChannelImportance::Taylor) return pruneChannels(network, rate, importance);
    requireRate(rate, "rate");
    const std::map<std::size_t, torch::Tensor> scores = taylorScores(network, data, statistics, batches);
    return pruneByScores(network, prunableGroups(network.architecture()), [&](std::size_t) { return rate; },
                         [&](std::size_t index) { return scores.at(index); });
}

std::vector<std::string> prunableLayers(const Architecture& architecture) {
    std::vector<std::string> names;
    for (const auto& [index, group] : prunableGroups(architecture)) names.push_back(architecture.layers[index].name);
    return names;
}

namespace {

// Each root's rate: its entry in `rates`, or `otherwise`; a name that is no prunable layer is refused.
std::function<double(std::size_t)> ratesByName(const Architecture& architecture, const Groups& groups, const std::map<std::string, double>& rates,
                                               double otherwise) {
    std::map<std::string, std::size_t> roots;
    for (const auto& [index, group] : groups) roots[architecture.layers[index].name] = index;
    std::map<std::size_t, double> byIndex;
    for (const auto& [name, rate] : rates) {
        const auto found = roots.find(name);
        if (found == roots.end()) throw Error("", "rates." + name, "not a prunable layer of this network");
        requireRate(rate, "rates." + name);
        byIndex[found->second] = rate;
    }
    return [byIndex, otherwise](std::size_t index) {
        const auto found = byIndex.find(index);
        return found != byIndex.end() ? found->second : otherwise;
    };
}

} // namespace

Architecture prunedArchitecture(const Architecture& architecture, const std::map<std::string, double>& rates) {
    // Called for every step of a policy search's budget repair: the groups are found once.
    const Groups groups = prunableGroups(architecture);
    const auto rateOf = ratesByName(architecture, groups, rates, 0.0);
    std::map<int, int> channels;
    for (const auto& [index, group] : groups)
        channels[static_cast<int>(index)] = keptChannels(architecture.layers[index].output.channels, rateOf(index));
    return rebuilt(architecture, channels);
}

PruningResult pruneChannels(Network& network, const std::map<std::string, double>& rates, ChannelImportance importance, double otherwise) {
    if (importance == ChannelImportance::Taylor)
        throw Error("", "importance", "Taylor importance is measured on data; call the overload that takes a dataset");
    NetworkModuleImpl& module = network.module();
    const Groups groups = prunableGroups(network.architecture());
    return pruneByScores(network, groups, ratesByName(network.architecture(), groups, rates, otherwise),
                         [&](std::size_t index) { return importanceOf(module.steps[index], importance); });
}

PruningResult pruneIteratively(Network& network, double rate, ChannelImportance importance, int steps, const Splits& splits,
                               const TrainingOptions& fineTune) {
    requireRate(rate, "rate");
    if (steps < 1) throw Error("", "steps", "iterative pruning needs at least one step");
    std::map<std::string, int> original; // channels before the first cut, by layer
    std::optional<PruningResult> result;
    double kept = 1.0;
    for (int step = 1; step <= steps; ++step) {
        const double target = 1.0 - rate * step / steps;
        Network& current = result ? result->network : network;
        PruningResult round = pruneChannels(current, 1.0 - target / kept, importance, splits.train, splits);
        kept = target;
        recalibrateBatchNorm(round.network, splits.train, splits);
        if (fineTune.epochs > 0) train(round.network, splits, fineTune);
        for (const PrunedLayer& layer : round.layers) original.emplace(layer.name, layer.channels);
        if (result) round.before = result->before;
        result.emplace(std::move(round));
    }
    for (PrunedLayer& layer : result->layers) layer.channels = original.at(layer.name);
    return std::move(*result);
}

std::vector<SparsityReport> pruneWeights(Network& network, double sparsity, bool global) {
    if (!(sparsity >= 0 && sparsity < 1)) throw Error("", "sparsity", "the sparsity must be in [0, 1), got " + std::to_string(sparsity));
    NetworkModuleImpl& module = network.module();
    const Architecture& architecture = network.architecture();
    torch::NoGradGuard guard;
    std::vector<std::size_t> layers;
    std::vector<torch::Tensor> magnitudes;
    for (std::size_t index = 0; index < module.steps.size(); ++index) {
        const NetworkModuleImpl::Step& step = module.steps[index];
        if (!step.conv && !step.linear) continue;
        layers.push_back(index);
        magnitudes.push_back(module.effectiveWeight(index, step.conv ? step.conv->weight : step.linear->weight).abs().flatten());
    }
    // The k smallest magnitudes (ties broken by position) of all layers, or of each.
    const auto smallest = [](const torch::Tensor& values, double share) {
        const std::int64_t k = static_cast<std::int64_t>(std::floor(share * double(values.numel())));
        torch::Tensor keep = torch::ones_like(values);
        if (k > 0) keep.index_fill_(0, std::get<1>(values.topk(k, 0, false)), 0.0);
        return keep;
    };
    std::vector<torch::Tensor> masks;
    if (global) {
        const torch::Tensor all = smallest(torch::cat(magnitudes), sparsity);
        std::int64_t offset = 0;
        for (const torch::Tensor& values : magnitudes) masks.push_back(all.narrow(0, offset, values.numel())), offset += values.numel();
    } else {
        for (const torch::Tensor& values : magnitudes) masks.push_back(smallest(values, sparsity));
    }
    module.weightMasks.resize(module.steps.size());
    std::vector<SparsityReport> report;
    for (std::size_t position = 0; position < layers.size(); ++position) {
        const std::size_t index = layers[position];
        NetworkModuleImpl::Step& step = module.steps[index];
        torch::Tensor weight = step.conv ? step.conv->weight : step.linear->weight;
        const torch::Tensor mask = masks[position].view_as(weight).clone();
        weight.mul_(mask);
        module.weightMasks[index] = mask;
        report.push_back({architecture.layers[index].name, weight.numel(), (weight == 0).sum().item<std::int64_t>()});
    }
    return report;
}

std::vector<SparsityReport> weightSparsity(Network& network) {
    torch::NoGradGuard guard;
    std::vector<SparsityReport> report;
    NetworkModuleImpl& module = network.module();
    for (std::size_t index = 0; index < module.steps.size(); ++index) {
        const NetworkModuleImpl::Step& step = module.steps[index];
        if (!step.conv && !step.linear) continue;
        const torch::Tensor weight = step.conv ? step.conv->weight : step.linear->weight;
        report.push_back({network.architecture().layers[index].name, weight.numel(), (weight == 0).sum().item<std::int64_t>()});
    }
    return report;
}

void clearWeightMasks(Network& network) { network.module().weightMasks.clear(); }

} // namespace edgesmith
