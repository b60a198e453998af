#include "core/estimate/supernet.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/text.h"
#include "core/compress/quantization.h"
#include "core/data/internal/dataset_tensors.h"
#include "core/engine/runtime.h"
#include "core/nn/internal/network_module.h"
#include "core/train/internal/optimizer.h"
#include "core/search/gumbel.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <unordered_map>

namespace edgesmith {
namespace {

using Clock = std::chrono::steady_clock;
using Sizes = std::vector<std::int64_t>;

// Elastic dimensions in the order progressive shrinking opens them.
enum class Elastic { Kernel = 1, Depth = 2, Other = 3 };

Elastic elasticOf(const Decision& decision) {
    const std::string field = decision.path.substr(decision.path.rfind('.') + 1);
    if (field == "kernel") return Elastic::Kernel;
    if (field == "depth") return Elastic::Depth;
    return Elastic::Other;
}

// Whether a layer's first input comes from outside its block: the layers of one block share
// their name up to the last dot ("stages[0].blocks[1].").
bool readsBlockInput(const Architecture& architecture, const Layer& layer) {
    const std::size_t dot = layer.name.rfind('.');
    if (dot == std::string::npos || layer.inputs.empty()) return false;
    const int producer = layer.inputs[0];
    return producer < 0 || architecture.layers[static_cast<std::size_t>(producer)].name.rfind(layer.name.substr(0, dot + 1), 0) != 0;
}

// Weights are per layer of a block and per operator: a block choosing between MBConv and
// a plain convolution keeps one set for each (SPOS), while kernel, width and expansion
// options of one operator share theirs, except where SupernetSharing keeps kernels or
// block inputs apart.
std::string layerKey(const Architecture& architecture, std::size_t index, const SupernetSharing& sharing) {
    const Layer& layer = architecture.layers[index];
    std::string key = layer.name + "|" + std::string(layer.op) + "|";
    if (sharing.separateKernels && layer.kind == LayerKind::Conv && layer.kernel > 1) key += "k" + std::to_string(layer.kernel) + "|";
    if (sharing.separateBlockInputs && readsBlockInput(architecture, layer)) key += "input|";
    return key;
}

// Every tensor a layer owns, with the shape this layer reads; `prefix` is its layerKey().
template <typename Visit>
void forEachTensor(const std::string& prefix, const Layer& layer, Visit&& visit) {
    switch (layer.kind) {
    case LayerKind::Conv:
        visit(prefix + "conv.weight", Sizes{layer.output.channels, layer.input.channels / layer.groups, layer.kernel, layer.kernel});
        if (layer.bias) visit(prefix + "conv.bias", Sizes{layer.output.channels});
        if (layer.batchNorm) {
            visit(prefix + "bn.weight", Sizes{layer.output.channels});
            visit(prefix + "bn.bias", Sizes{layer.output.channels});
        }
        break;
    case LayerKind::Linear:
        visit(prefix + "linear.weight", Sizes{layer.output.channels, layer.input.elements()});
        if (layer.bias) visit(prefix + "linear.bias", Sizes{layer.output.channels});
        break;
    case LayerKind::SqueezeExcite:
        visit(prefix + "se_reduce.weight", Sizes{layer.squeezeChannels, layer.input.channels, 1, 1});
        visit(prefix + "se_reduce.bias", Sizes{layer.squeezeChannels});
        visit(prefix + "se_expand.weight", Sizes{layer.input.channels, layer.squeezeChannels, 1, 1});
        visit(prefix + "se_expand.bias", Sizes{layer.input.channels});
        break;
    default:
        break;
    }
}

// The first channels of every dimension, and the centre of a larger kernel.
torch::Tensor sliced(const torch::Tensor& shared, const Sizes& shape) {
    torch::Tensor view = shared;
    for (std::size_t dimension = 0; dimension < shape.size(); ++dimension) {
        const std::int64_t full = shared.size(static_cast<std::int64_t>(dimension));
        const std::int64_t offset = dimension >= 2 ? (full - shape[dimension]) / 2 : 0;
        if (shape[dimension] != full) view = view.narrow(static_cast<std::int64_t>(dimension), offset, shape[dimension]);
    }
    return view;
}

// The member of a module step that holds the tensor named by `key`'s last part.
torch::Tensor& stepTensor(NetworkModuleImpl::Step& step, const std::string& key) {
    const std::string part = key.substr(key.rfind('|') + 1);
    if (part == "conv.weight") return step.conv->weight;
    if (part == "conv.bias") return step.conv->bias;
    if (part == "bn.weight") return step.norm->weight;
    if (part == "bn.bias") return step.norm->bias;
    if (part == "linear.weight") return step.linear->weight;
    if (part == "linear.bias") return step.linear->bias;
    if (part == "se_reduce.weight") return step.squeeze->weight;
    if (part == "se_reduce.bias") return step.squeeze->bias;
    if (part == "se_expand.weight") return step.excite->weight;
    if (part == "se_expand.bias") return step.excite->bias;
    throw Error("", key, "no module field holds this tensor");
}

std::string sizesText(const Sizes& sizes) {
    std::string text;
    for (std::int64_t size : sizes) text += (text.empty() ? "" : "×") + std::to_string(size);
    return text;
}

std::optional<double> numericValue(const Json& option) {
    if (option.is_number()) return option.get<double>();
    if (option.is_boolean()) return option.get<bool>() ? 1.0 : 0.0;
    return std::nullopt;
}

} // namespace

SupernetOptions SupernetOptions::fromJson(const Json& params) {
    SupernetOptions options;
    options.sampling = params.value("sampling", options.sampling);
    options.epochs = params.value("epochs", options.epochs);
    options.batchSize = params.value("batch_size", options.batchSize);
    options.optimizer = params.value("optimizer", options.optimizer);
    options.learningRate = params.value("learning_rate", options.learningRate);
    options.momentum = params.value("momentum", options.momentum);
    options.weightDecay = params.value("weight_decay", options.weightDecay);
    options.subset = params.value("subset", options.subset);
    options.randomSubnets = params.value("random_subnets", options.randomSubnets);
    options.largestShare = params.value("largest_share", options.largestShare);
    options.kernelShare = params.value("kernel_share", options.kernelShare);
    options.depthShare = params.value("depth_share", options.depthShare);
    options.temperature = params.value("temperature", options.temperature);
    options.gradientClip = params.value("gradient_clip", options.gradientClip);
    options.seed = params.value("seed", options.seed);
    options.device = params.value("device", options.device);
    options.sharing.separateKernels = params.value("separate_kernels", false);
    options.sharing.separateBlockInputs = params.value("separate_block_inputs", false);
    return options;
}

std::string SupernetSharing::description() const {
    std::string text;
    if (separateKernels) text = "separate kernels";
    if (separateBlockInputs) text += std::string(text.empty() ? "" : ", ") + "separate block inputs";
    return text.empty() ? "elastic" : text;
}

std::string SupernetOptions::description() const {
    std::ostringstream text;
    text << sampling << " sampling, " << epochs << (epochs == 1 ? " epoch" : " epochs");
    if (subset < 1.0) text << ", " << formatNumber(std::round(1000.0 * subset) / 10.0) << " % of the training split";
    if (sampling == "progressive" && (largestShare != 0.25 || kernelShare != 0.25 || depthShare != 0.25)) {
        const auto percent = [](double share) { return formatNumber(std::round(1000.0 * share) / 10.0); };
        text << ", phases " << percent(largestShare) << " / " << percent(kernelShare) << " / " << percent(depthShare) << " / "
             << percent(1.0 - largestShare - kernelShare - depthShare) << " % of the steps";
    }
    if (!(sharing == SupernetSharing{})) text << ", " << sharing.description();
    if (!pinned.empty()) text << ", " << pinned.size() << (pinned.size() == 1 ? " decision" : " decisions") << " pinned";
    return text.str();
}

TrainingOptions SupernetOptions::finetuning(int fineTuneEpochs) const {
    TrainingOptions training;
    training.epochs = fineTuneEpochs;
    training.batchSize = batchSize;
    training.learningRate = learningRate * 0.5;
    training.subset = subset;
    training.seed = seed;
    training.device = device;
    return training;
}

Dataset SupernetOptions::trainingImages(const Dataset& train) const { return train.sample(subset, seed); }

Dataset SupernetOptions::unseenImages(const Dataset& train) const { return train.unsampled(subset, seed); }

struct Supernet::State {
    SearchSpace space;
    SupernetSharing sharing;
    std::vector<std::string> keys;
    std::vector<torch::Tensor> weights;
    std::unordered_map<std::string, std::size_t> index;
    Genotype largest, smallest;

    // Modules of recently trained subnets; their weights are re-pointed at the shared
    // tensors before every use.
    std::unordered_map<std::string, std::shared_ptr<NetworkModuleImpl>> modules;

    State(const SearchSpace& searchSpace, const SupernetSharing& layerSharing) : space(searchSpace), sharing(layerSharing) {}

    // Every tensor of every layer of `architecture`, under its supernet key.
    template <typename Visit>
    void forEachKeyedTensor(const Architecture& architecture, Visit&& visit) const {
        for (std::size_t index = 0; index < architecture.layers.size(); ++index)
            forEachTensor(layerKey(architecture, index, sharing), architecture.layers[index],
                          [&](const std::string& key, const Sizes& shape) { visit(index, key, shape); });
    }

    const torch::Tensor& weight(const std::string& key, const Sizes& shape) const {
        const auto found = index.find(key);
        if (found == index.end()) throw Error("", key, "the supernet has no such tensor (this subnet was not seen when it was built)");
        const torch::Tensor& shared = weights[found->second];
        for (std::size_t dimension = 0; dimension < shape.size(); ++dimension)
            if (shape[dimension] > shared.size(static_cast<std::int64_t>(dimension)))
                throw Error("", key, "a subnet needs " + sizesText(shape) + " but the supernet holds " + sizesText(shared.sizes().vec()));
        return shared;
    }

    double parametersOf(const Genotype& genotype) const { return double(computeMetrics(space.derive(genotype, false)).params); }

    // Numeric options at one end, then each other decision set to its extreme option in turn.
    // With `pinned`, the extreme of the part of the space the pins leave: a pinned depth
    // switches blocks on at their own extreme options, not at option 0.
    Genotype extreme(bool most, const std::map<std::size_t, int>& pinned = {}) const {
        const auto& decisions = space.decisions();
        Genotype genotype(decisions.size(), 0);
        for (const auto& [decision, option] : pinned) genotype[decision] = option;
        std::vector<std::size_t> open;
        for (std::size_t decision = 0; decision < decisions.size(); ++decision) {
            if (pinned.count(decision)) continue;
            const auto& options = decisions[decision].options;
            bool numeric = true;
            for (const Json& option : options) numeric = numeric && numericValue(option).has_value();
            if (!numeric) {
                open.push_back(decision);
                continue;
            }
            for (std::size_t option = 1; option < options.size(); ++option) {
                const double value = *numericValue(options[option]), best = *numericValue(options[static_cast<std::size_t>(genotype[decision])]);
                if (most ? value > best : value < best) genotype[decision] = static_cast<int>(option);
            }
        }
        for (std::size_t decision : open) {
            double best = parametersOf(genotype);
            const int kept = genotype[decision];
            int chosen = kept;
            for (std::size_t option = 0; option < decisions[decision].options.size(); ++option) {
                genotype[decision] = static_cast<int>(option);
                const double params = parametersOf(genotype);
                if (most ? params > best : params < best) best = params, chosen = static_cast<int>(option);
            }
            genotype[decision] = chosen;
        }
        return space.canonical(genotype);
    }

    // The largest shape each tensor takes over the extremes, every non-numeric option of
    // each decision on top of the largest genotype, and a seeded sample of the space.
    std::map<std::string, Sizes> largestShapes(std::uint64_t seed) const {
        std::vector<Genotype> genotypes{largest, smallest};
        const auto& decisions = space.decisions();
        for (std::size_t decision = 0; decision < decisions.size(); ++decision)
            for (std::size_t option = 0; option < decisions[decision].options.size(); ++option) {
                Genotype variant = largest;
                variant[decision] = static_cast<int>(option);
                genotypes.push_back(space.canonical(variant));
            }
        std::mt19937_64 random(seed ^ 0x5eedULL);
        for (int sample = 0; sample < 2000; ++sample) genotypes.push_back(space.sample(random));
        std::map<std::string, Sizes> shapes;
        for (const Genotype& genotype : genotypes)
            forEachKeyedTensor(space.derive(genotype), [&](std::size_t, const std::string& key, const Sizes& shape) {
                auto [entry, added] = shapes.emplace(key, shape);
                if (!added)
                    for (std::size_t dimension = 0; dimension < shape.size(); ++dimension)
                        entry->second[dimension] = std::max(entry->second[dimension], shape[dimension]);
            });
        return shapes;
    }

    void initialise(std::uint64_t seed) {
        torch::NoGradGuard guard;
        torch::manual_seed(seed);
        for (std::size_t position = 0; position < keys.size(); ++position) {
            torch::Tensor& tensor = weights[position];
            const std::string& key = keys[position];
            const std::string part = key.substr(key.rfind('|') + 1);
            if (part == "conv.weight" || part == "se_reduce.weight" || part == "se_expand.weight")
                torch::nn::init::kaiming_normal_(tensor, 0.0, torch::kFanOut, torch::kReLU);
            else if (part == "linear.weight") torch::nn::init::normal_(tensor, 0.0, 0.01);
            else if (part == "bn.weight") torch::nn::init::ones_(tensor);
            else torch::nn::init::zeros_(tensor);
        }
    }

    // Points a subnet module's weights at views of the shared tensors, so its gradients
    // land in the supernet.
    void bind(NetworkModuleImpl& module) const {
        forEachKeyedTensor(module.architecture, [&](std::size_t index, const std::string& key, const Sizes& shape) {
            // Contiguous: convolutions on strided weights fall back to slow kernels.
            stepTensor(module.steps[index], key) = sliced(weight(key, shape), shape).contiguous();
        });
    }

    NetworkModuleImpl& moduleFor(const Genotype& genotype) {
        const std::string key = space.key(genotype);
        auto found = modules.find(key);
        if (found == modules.end()) {
            if (modules.size() >= 64) modules.clear();
            found = modules.emplace(key, std::make_shared<NetworkModuleImpl>(space.derive(genotype))).first;
            // Its own parameters are never used (bind() points the layers at the shared
            // tensors), so they give their memory back; its batch-norm buffers live where
            // the shared weights do.
            {
                torch::NoGradGuard guard;
                for (auto& parameter : found->second->parameters()) parameter.set_data(torch::empty({0}, parameter.options()));
            }
            found->second->to(weights.front().device());
        }
        bind(*found->second);
        return *found->second;
    }

    std::string signature() const {
        std::string text = "edgesmith-supernet 1 " + space.name();
        for (std::size_t position = 0; position < keys.size(); ++position)
            text += "\n" + keys[position] + " " + sizesText(weights[position].sizes().vec());
        return text;
    }
};

namespace {

// The subnets one training step runs, the first of them trained on the labels.
class SubnetSampler {
public:
    SubnetSampler(const SearchSpace& space, const Genotype& largest, const Genotype& smallest, const SupernetOptions& options)
        : space_(space), largest_(largest), smallest_(smallest), options_(options), random_(options.seed ^ 0xa11ceULL) {
        for (const Decision& decision : space.decisions()) elastic_.push_back(elasticOf(decision));
    }

    std::vector<Genotype> next(double progress, std::string& phase) {
        std::vector<Genotype> subnets = unpinned(progress, phase);
        if (!options_.pinned.empty())
            for (Genotype& subnet : subnets) {
                for (const auto& [decision, option] : options_.pinned) subnet[decision] = option;
                subnet = space_.canonical(subnet);
            }
        return subnets;
    }

    bool distils() const { return options_.sampling == "sandwich" || options_.sampling == "progressive"; }

private:
    std::vector<Genotype> unpinned(double progress, std::string& phase) {
        if (options_.sampling == "fair") return fair();
        if (options_.sampling == "sandwich") {
            std::vector<Genotype> subnets{largest_, smallest_};
            for (int count = 0; count < options_.randomSubnets; ++count) subnets.push_back(space_.sample(random_));
            return subnets;
        }
        if (options_.sampling == "progressive") return progressive(progress, phase);
        return {space_.sample(random_)};
    }

    // FairNAS: within one step each option of every decision is trained equally often,
    // so no option gets ahead by being drawn more.
    std::vector<Genotype> fair() {
        const auto& decisions = space_.decisions();
        std::size_t paths = 1;
        for (const Decision& decision : decisions) paths = std::max(paths, decision.options.size());
        std::vector<Genotype> subnets(paths, Genotype(decisions.size(), 0));
        for (std::size_t decision = 0; decision < decisions.size(); ++decision) {
            std::vector<int> order;
            while (order.size() < paths) {
                std::vector<int> round(decisions[decision].options.size());
                std::iota(round.begin(), round.end(), 0);
                std::shuffle(round.begin(), round.end(), random_);
                order.insert(order.end(), round.begin(), round.end());
            }
            for (std::size_t path = 0; path < paths; ++path) subnets[path][decision] = order[path];
        }
        for (Genotype& subnet : subnets) subnet = space_.canonical(subnet);
        return subnets;
    }

    // Once-for-all: the largest network alone for its share of the steps (a quarter by
    // default), then the elastic kernel, then depth, then every other decision, each
    // subnet distilled from the largest.
    std::vector<Genotype> progressive(double progress, std::string& phase) {
        const double ends[] = {options_.largestShare, options_.largestShare + options_.kernelShare,
                               options_.largestShare + options_.kernelShare + options_.depthShare};
        int stage = 0;
        while (stage < 3 && progress >= ends[stage]) ++stage;
        static const char* names[] = {"largest", "kernel", "depth", "all"};
        phase = names[stage];
        std::vector<Genotype> subnets{largest_};
        if (stage == 0) return subnets;
        for (int count = 0; count < options_.randomSubnets; ++count) {
            Genotype subnet = largest_;
            for (std::size_t decision = 0; decision < subnet.size(); ++decision)
                if (static_cast<int>(elastic_[decision]) <= stage)
                    subnet[decision] = std::uniform_int_distribution<int>(0, int(space_.decisions()[decision].options.size()) - 1)(random_);
            subnets.push_back(space_.canonical(subnet));
        }
        return subnets;
    }

    const SearchSpace& space_;
    const Genotype &largest_, &smallest_;
    const SupernetOptions& options_;
    std::mt19937_64 random_;
    std::vector<Elastic> elastic_;
};

} // namespace

Supernet::Supernet(const SearchSpace& space, std::uint64_t seed, const SupernetSharing& sharing) : state_(std::make_unique<State>(space, sharing)) {
    state_->largest = state_->extreme(true);
    state_->smallest = state_->extreme(false);
    for (auto& [key, shape] : state_->largestShapes(seed)) {
        state_->index.emplace(key, state_->keys.size());
        state_->keys.push_back(key);
        state_->weights.push_back(torch::empty(shape).set_requires_grad(true));
    }
    state_->initialise(seed);
}

Supernet::~Supernet() = default;
Supernet::Supernet(Supernet&&) noexcept = default;
Supernet& Supernet::operator=(Supernet&&) noexcept = default;

const SearchSpace& Supernet::space() const { return state_->space; }
const Genotype& Supernet::largest() const { return state_->largest; }
const Genotype& Supernet::smallest() const { return state_->smallest; }

std::int64_t Supernet::parameterCount() const {
    std::int64_t total = 0;
    for (const auto& tensor : state_->weights) total += tensor.numel();
    return total;
}

std::vector<SupernetTensor> Supernet::tensors() const {
    std::vector<SupernetTensor> result;
    for (std::size_t position = 0; position < state_->keys.size(); ++position)
        result.push_back({state_->keys[position], state_->weights[position].sizes().vec()});
    return result;
}

std::vector<SupernetTensor> Supernet::slicesOf(const Genotype& genotype) const {
    std::vector<SupernetTensor> result;
    state_->forEachKeyedTensor(state_->space.derive(state_->space.canonical(genotype)), [&](std::size_t, const std::string& key, const Sizes& shape) {
        state_->weight(key, shape);
        result.push_back({key, shape});
    });
    return result;
}

void Supernet::train(const Splits& splits, const SupernetOptions& options, const std::function<void(const SupernetProgress&)>& onProgress,
                     const std::atomic<bool>* cancel) {
    if (splits.train.size() == 0) throw Error("", "dataset", "the training split is empty");
    for (const auto& [decision, option] : options.pinned)
        if (decision >= state_->space.decisions().size() || option < 0 ||
            option >= static_cast<int>(state_->space.decisions()[decision].options.size()))
            throw Error("", "pinned", "decision " + std::to_string(decision) + " option " + std::to_string(option) + " is not in space '" +
                                          state_->space.name() + "'");
    if (options.sampling == "progressive") {
        // A share below 0 would skip a phase backwards; shares that fill every step would never open the widths.
        for (const auto& [name, share] : {std::pair{"largest_share", options.largestShare}, {"kernel_share", options.kernelShare}, {"depth_share", options.depthShare}})
            if (!(share >= 0)) throw Error("", name, "must be 0 or more, got " + formatNumber(share));
        if (!(options.largestShare + options.kernelShare + options.depthShare < 1))
            throw Error("", "depth_share", "largest_share + kernel_share + depth_share must stay below 1, so the last phase opens every decision; got " +
                                               formatNumber(options.largestShare + options.kernelShare + options.depthShare));
    }
    setComputeThreads(options.threads);
    torch::manual_seed(options.seed);
    const Dataset data = options.trainingImages(splits.train);
    const torch::Device device = options.device == "cuda" ? torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(cudaDeviceIndex())) : torch::Device(torch::kCPU);
    if (device.is_cuda() && !torch::cuda::is_available()) throw Error("", "device", "CUDA is not available on this machine");
    if (!state_->weights.empty() && state_->weights.front().device() != device) {
        torch::NoGradGuard guard;
        for (auto& weight : state_->weights) weight = weight.to(device).detach().set_requires_grad(true);
        state_->modules.clear();
    }
    const torch::Tensor images = normalisedImages(data, splits, device);
    const torch::Tensor labels = data.tensors().labels.to(device);
    const std::int64_t samples = data.size(), batches = (samples + options.batchSize - 1) / options.batchSize;
    const std::int64_t totalSteps = std::max<std::int64_t>(1, batches * options.epochs);

    auto optimizer = makeOptimizer(state_->weights, options.optimizer, options.learningRate, options.momentum, options.weightDecay);
    const Genotype largest = options.pinned.empty() ? state_->largest : state_->extreme(true, options.pinned);
    const Genotype smallest = options.pinned.empty() ? state_->smallest : state_->extreme(false, options.pinned);
    SubnetSampler sampler(state_->space, largest, smallest, options);
    torch::Generator generator = at::detail::createCPUGenerator(options.seed);
    const auto start = Clock::now();
    const double temperature = options.temperature;
    std::int64_t step = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        const torch::Tensor order = torch::randperm(samples, generator, torch::kInt64).to(device);
        double lossSum = 0;
        std::string phase;
        for (std::int64_t batch = 0; batch < batches; ++batch, ++step) {
            if (cancel && cancel->load()) throw Cancelled();
            const BatchPass pass(options.gate);
            const double progress = double(step) / double(totalSteps);
            for (auto& group : optimizer->param_groups())
                group.options().set_lr(options.learningRate * 0.5 * (1 + std::cos(M_PI * progress)));
            const std::int64_t count = std::min<std::int64_t>(options.batchSize, samples - batch * options.batchSize);
            const torch::Tensor picked = order.narrow(0, batch * options.batchSize, count);
            const torch::Tensor input = images.index_select(0, picked), target = labels.index_select(0, picked);

            // Unused paths keep no gradient, so the optimizer leaves them alone this step.
            for (auto& weight : state_->weights) weight.mutable_grad() = torch::Tensor();
            const std::vector<Genotype> subnets = sampler.next(progress, phase);
            torch::Tensor softTargets;
            for (std::size_t position = 0; position < subnets.size(); ++position) {
                NetworkModuleImpl& module = state_->moduleFor(subnets[position]);
                module.train();
                const torch::Tensor logits = module.forward(input);
                torch::Tensor loss;
                if (position == 0 || !sampler.distils()) {
                    loss = torch::nn::functional::cross_entropy(logits, target);
                    if (position == 0) lossSum += loss.item<double>();
                    if (sampler.distils()) softTargets = torch::softmax(logits.detach() / temperature, 1);
                } else {
                    // In-place distillation: the smaller subnets learn the largest one's outputs.
                    loss = torch::nn::functional::kl_div(torch::log_softmax(logits / temperature, 1), softTargets,
                                                         torch::nn::functional::KLDivFuncOptions().reduction(torch::kBatchMean)) *
                           (temperature * temperature);
                }
                if (options.sampling == "fair") loss = loss / double(subnets.size());
                loss.backward();
            }
            if (options.gradientClip > 0) {
                std::vector<torch::Tensor> touched;
                for (auto& weight : state_->weights)
                    if (weight.grad().defined()) touched.push_back(weight);
                torch::nn::utils::clip_grad_norm_(touched, options.gradientClip);
            }
            optimizer->step();

            const bool epochEnd = batch + 1 == batches;
            if (onProgress && (epochEnd || (options.progressEvery > 0 && (batch + 1) % options.progressEvery == 0))) {
                const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
                SupernetProgress report;
                report.epoch = epoch + 1;
                report.epochs = options.epochs;
                report.batch = batch + 1;
                report.batches = batches;
                report.loss = lossSum / double(batch + 1);
                report.phase = phase;
                report.etaSeconds = elapsed / double(step + 1) * double(totalSteps - step - 1);
                report.epochEnd = epochEnd;
                onProgress(report);
            }
        }
    }
    state_->modules.clear();
    for (auto& weight : state_->weights) weight.mutable_grad() = torch::Tensor();
}

Supernet::Supernet(std::unique_ptr<State> state) : state_(std::move(state)) {}

Supernet Supernet::copy() const {
    auto state = std::make_unique<State>(state_->space, state_->sharing);
    state->keys = state_->keys;
    state->index = state_->index;
    state->largest = state_->largest;
    state->smallest = state_->smallest;
    torch::NoGradGuard guard;
    for (const auto& weight : state_->weights) state->weights.push_back(weight.detach().clone().set_requires_grad(true));
    return Supernet(std::move(state));
}

void Supernet::reinitialise(std::uint64_t seed) {
    state_->modules.clear();
    for (auto& weight : state_->weights) weight.mutable_grad() = torch::Tensor();
    state_->initialise(seed);
}

namespace {

// The layer whose output a decision's gate multiplies: the last convolution of its block,
// of its stage's last block for stage-wide decisions (depth, out), the network's last
// layer for space-wide ones (width, resolution); -1 where the space names no such layer.
int gatedLayer(const Architecture& architecture, const Decision& decision) {
    if (decision.stage < 0) return static_cast<int>(architecture.layers.size()) - 1;
    std::string prefix = "stages[" + std::to_string(decision.stage) + "].";
    if (decision.block >= 0) prefix += "blocks[" + std::to_string(decision.block) + "].";
    int found = -1;
    for (std::size_t index = 0; index < architecture.layers.size(); ++index)
        if (architecture.layers[index].kind == LayerKind::Conv && architecture.layers[index].name.rfind(prefix, 0) == 0) found = static_cast<int>(index);
    return found;
}

// The cost a differentiable search weighs (analytic or modelled, so every drawn genotype
// has it at once). The cost term is flat below e thousand units, so counts stay as they
// are (MACs, params, bytes) and latency is counted in nanoseconds: flat only below 2.7 µs.
double analyticCost(const SearchSpace& space, const Genotype& genotype, const DifferentiableOptions& options) {
    const std::string& cost = options.cost;
    if (cost == "latency_ms") return options.latencyModel(space.derive(genotype, false)) * 1e6;
    const Metrics metrics = computeMetrics(space.derive(genotype, false));
    if (cost == "params") return double(metrics.params);
    if (cost == "peak_activation_bytes") return double(metrics.peakActivationBytes);
    return double(metrics.macs);
}

} // namespace

Json DifferentiableResult::toJson(const SearchSpace& space, const std::string& cost) const {
    Json decisions = Json::array();
    for (std::size_t decision = 0; decision < space.decisions().size(); ++decision) {
        const Decision& info = space.decisions()[decision];
        if (info.options.size() < 2) continue;
        Json history = Json::array();
        for (const auto& epoch : probabilities) history.push_back(epoch[decision]);
        decisions.push_back({{"path", info.path}, {"label", info.label}, {"options", info.options}, {"probabilities", history}});
    }
    return {{"derived", space.key(derived)}, {"decisions", decisions}, {"expected_cost", expectedCost}, {"cost", cost}, {"seconds", seconds}};
}

DifferentiableResult Supernet::searchDifferentiable(const Splits& splits, const DifferentiableOptions& options,
                                                    const std::function<void(const DifferentiableProgress&)>& onProgress,
                                                    const std::atomic<bool>* cancel) {
    if (splits.train.size() < 2) throw Error("", "dataset", "the training split is too small for a differentiable search");
    if (options.cost != "macs" && options.cost != "params" && options.cost != "peak_activation_bytes" && options.cost != "latency_ms" &&
        options.cost != "none")
        throw Error("", "cost", "unknown cost \"" + options.cost + "\" (macs, params, peak_activation_bytes, latency_ms or none)");
    if (options.cost == "latency_ms" && !options.latencyModel) throw Error("", "cost", "latency_ms needs a latency model");
    if (options.relaxation != "gumbel" && options.relaxation != "darts" && options.relaxation != "proxyless")
        throw Error("", "relaxation", "unknown relaxation \"" + options.relaxation + "\" (gumbel, darts or proxyless)");
    const auto start = Clock::now();
    setComputeThreads(options.threads);
    torch::manual_seed(options.seed);
    // The architecture parameters and gates live on the CPU, so the weights do too.
    if (!state_->weights.empty() && !state_->weights.front().device().is_cpu()) {
        torch::NoGradGuard guard;
        for (auto& weight : state_->weights) weight = weight.cpu().detach().set_requires_grad(true);
        state_->modules.clear();
    }
    const SearchSpace& space = state_->space;
    const auto& decisions = space.decisions();

    // Bi-level: the weights learn on one part of the training split, α on the rest.
    std::vector<std::int64_t> order(static_cast<std::size_t>(splits.train.size()));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(options.seed);
    std::shuffle(order.begin(), order.end(), random);
    order.resize(std::max<std::size_t>(2, static_cast<std::size_t>(options.subset * double(order.size()))));
    const std::size_t held = std::clamp<std::size_t>(static_cast<std::size_t>(options.architectureFraction * double(order.size())), 1, order.size() - 1);
    const Dataset architectureData = splits.train.select({order.begin(), order.begin() + std::ptrdiff_t(held)});
    const Dataset weightData = splits.train.select({order.begin() + std::ptrdiff_t(held), order.end()});
    const torch::Device device(torch::kCPU);
    const torch::Tensor weightImages = normalisedImages(weightData, splits, device), weightLabels = weightData.tensors().labels;
    const torch::Tensor architectureImages = normalisedImages(architectureData, splits, device),
                        architectureLabels = architectureData.tensors().labels;
    const std::int64_t samples = weightData.size(), batches = (samples + options.batchSize - 1) / options.batchSize;
    const std::int64_t totalSteps = std::max<std::int64_t>(1, batches * options.epochs);

    std::vector<torch::Tensor> alpha;
    std::vector<torch::Tensor> alphaParameters;
    for (const Decision& decision : decisions) {
        alpha.push_back(torch::zeros({std::int64_t(decision.options.size())}, torch::kFloat64).set_requires_grad(decision.options.size() >= 2));
        if (decision.options.size() >= 2) alphaParameters.push_back(alpha.back());
    }
    // E[cost] under softmax(α) and its gradient by the score function over genotypes drawn
    // from α: exact for any space, where a per-option lookup table would have to assume
    // that the options' costs add up (depth and width make them interact).
    const auto drawPlain = [&]() {
        Genotype genotype(decisions.size(), 0);
        for (std::size_t decision = 0; decision < decisions.size(); ++decision) {
            if (decisions[decision].options.size() < 2) continue;
            const double* logits = alpha[decision].data_ptr<double>();
            genotype[decision] =
                gumbelArgmax({logits, logits + decisions[decision].options.size()}, gumbelNoise(decisions[decision].options.size(), random));
        }
        return space.canonical(genotype);
    };
    const auto meanCost = [&](int draws) {
        double sum = 0;
        for (int draw = 0; draw < draws; ++draw) sum += analyticCost(space, drawPlain(), options);
        return sum / draws;
    };
    // CE times w·(log E)^β (eq. 23) in value; in gradient also d/dE of that times the
    // score-function estimate of ∇E.
    const auto costFactor = [&]() {
        constexpr int kDraws = 32;
        std::vector<Genotype> drawn;
        std::vector<double> values;
        for (int draw = 0; draw < kDraws; ++draw) {
            drawn.push_back(drawPlain());
            values.push_back(analyticCost(space, drawn.back(), options));
        }
        const double mean = std::accumulate(values.begin(), values.end(), 0.0) / kDraws;
        torch::Tensor score = torch::zeros({}, torch::kFloat64);
        for (int draw = 0; draw < kDraws; ++draw) {
            torch::Tensor logProbability = torch::zeros({}, torch::kFloat64);
            for (std::size_t decision = 0; decision < decisions.size(); ++decision)
                if (decisions[decision].options.size() >= 2 && space.isActive(drawn[draw], decision))
                    logProbability = logProbability + torch::log_softmax(alpha[decision], 0)[drawn[draw][decision]];
            score = score + logProbability * ((values[draw] - mean) / kDraws);
        }
        const bool clamped = mean * 1e-3 < std::exp(1.0);
        const double logarithm = clamped ? 1.0 : std::log(mean * 1e-3);
        const double factor = options.costWeight * std::pow(logarithm, options.costExponent);
        // Below the clamp the factor is constant: no push towards cheaper options.
        const double slope = clamped ? 0.0 : options.costWeight * options.costExponent * std::pow(logarithm, options.costExponent - 1) / mean;
        return factor + slope * (score - score.detach());
    };

    auto weightOptimizer = makeOptimizer(state_->weights, "adamw", options.learningRate, 0.0, options.weightDecay);
    torch::optim::Adam alphaOptimizer(alphaParameters, torch::optim::AdamOptions(options.architectureLearningRate).weight_decay(1e-3));
    torch::Generator generator = at::detail::createCPUGenerator(options.seed);
    DifferentiableResult result;

    // A subnet drawn from α by Gumbel-max, with the noise each decision drew.
    const auto draw = [&](std::vector<std::vector<double>>& noises) {
        Genotype genotype(decisions.size(), 0);
        noises.assign(decisions.size(), {});
        for (std::size_t decision = 0; decision < decisions.size(); ++decision) {
            if (decisions[decision].options.size() < 2) continue;
            const double* logits = alpha[decision].data_ptr<double>();
            noises[decision] = gumbelNoise(decisions[decision].options.size(), random);
            genotype[decision] = gumbelArgmax({logits, logits + decisions[decision].options.size()}, noises[decision]);
        }
        return genotype;
    };

    // darts / proxyless: one decision's options run with the weights fixed (so without a
    // graph: memory of one subnet at a time), and their outputs are mixed by weights that
    // carry the loss to that decision's α alone.
    std::vector<std::size_t> mixable;
    for (std::size_t decision = 0; decision < decisions.size(); ++decision)
        if (decisions[decision].options.size() >= 2) mixable.push_back(decision);
    std::size_t mixedCursor = 0;
    const auto mixedDecisionLoss = [&](bool everyOption, const Genotype& base, std::size_t turn, std::vector<torch::Tensor>& logits,
                                       const torch::Tensor& images, const torch::Tensor& labels, std::mt19937_64& generatorOfPaths) {
        // The decision in turn, skipping those the drawn subnet leaves inactive.
        std::size_t decision = decisions.size();
        for (std::size_t tried = 0; tried < mixable.size(); ++tried) {
            const std::size_t candidate = mixable[(turn + tried) % mixable.size()];
            if (space.isActive(base, candidate)) {
                decision = candidate;
                break;
            }
        }
        if (decision == decisions.size()) return torch::Tensor();
        const torch::Tensor probabilities = torch::softmax(logits[decision], 0);
        std::vector<int> paths;
        if (everyOption || decisions[decision].options.size() == 2) {
            for (int option = 0; option < int(decisions[decision].options.size()); ++option) paths.push_back(option);
        } else {
            std::vector<double> weights(probabilities.data_ptr<double>(), probabilities.data_ptr<double>() + probabilities.numel());
            std::discrete_distribution<int> pick(weights.begin(), weights.end());
            paths.push_back(pick(generatorOfPaths));
            weights[std::size_t(paths[0])] = 0;
            std::discrete_distribution<int> second(weights.begin(), weights.end());
            paths.push_back(second(generatorOfPaths));
        }
        // DARTS mixes by softmax over every option; ProxylessNAS renormalises over the two.
        const torch::Tensor chosen = torch::tensor(std::vector<std::int64_t>(paths.begin(), paths.end()), torch::kInt64);
        const torch::Tensor mixing = everyOption ? probabilities.index_select(0, chosen) : torch::softmax(logits[decision].index_select(0, chosen), 0);
        torch::Tensor mixed;
        for (std::size_t path = 0; path < paths.size(); ++path) {
            Genotype genotype = base;
            genotype[decision] = paths[path];
            NetworkModuleImpl& module = state_->moduleFor(space.canonical(genotype));
            module.train();
            module.outputScales.clear();
            torch::Tensor output;
            {
                torch::NoGradGuard frozen;
                output = module.forward(images);
            }
            const torch::Tensor term = output * mixing[std::int64_t(path)].to(torch::kFloat32);
            mixed = mixed.defined() ? mixed + term : term;
        }
        return torch::nn::functional::cross_entropy(mixed, labels);
    };

    std::int64_t step = 0, architectureCursor = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        const torch::Tensor epochOrder = torch::randperm(samples, generator, torch::kInt64);
        double lossSum = 0, temperature = options.initialTemperature;
        for (std::int64_t batch = 0; batch < batches; ++batch, ++step) {
            if (cancel && cancel->load()) throw Cancelled();
            const BatchPass pass(options.gate);
            const double progress = double(step) / double(totalSteps);
            temperature = options.initialTemperature * std::pow(options.finalTemperature / options.initialTemperature, progress);
            for (auto& group : weightOptimizer->param_groups()) group.options().set_lr(options.learningRate * 0.5 * (1 + std::cos(M_PI * progress)));
            const bool warming = epoch < options.warmupEpochs;

            // Weight step on the drawn subnet.
            std::vector<std::vector<double>> noises;
            const Genotype weightGenotype = warming ? space.sample(random) : space.canonical(draw(noises));
            const std::int64_t count = std::min<std::int64_t>(options.batchSize, samples - batch * options.batchSize);
            const torch::Tensor picked = epochOrder.narrow(0, batch * options.batchSize, count);
            for (auto& weight : state_->weights) weight.mutable_grad() = torch::Tensor();
            {
                NetworkModuleImpl& module = state_->moduleFor(weightGenotype);
                module.train();
                module.outputScales.clear();
                const torch::Tensor loss = torch::nn::functional::cross_entropy(module.forward(weightImages.index_select(0, picked)),
                                                                                weightLabels.index_select(0, picked));
                lossSum += loss.item<double>();
                loss.backward();
            }
            std::vector<torch::Tensor> touched;
            for (auto& weight : state_->weights)
                if (weight.grad().defined()) touched.push_back(weight);
            torch::nn::utils::clip_grad_norm_(touched, 5.0);
            weightOptimizer->step();
            if (warming) continue;

            const std::int64_t architectureCount = std::min<std::int64_t>(options.batchSize, architectureData.size());
            const torch::Tensor indices =
                (torch::arange(architectureCount, torch::kInt64) + architectureCursor) % architectureData.size();
            architectureCursor = (architectureCursor + architectureCount) % architectureData.size();
            if (options.relaxation != "gumbel") {
                torch::Tensor loss = mixedDecisionLoss(options.relaxation == "darts", space.canonical(draw(noises)), mixedCursor++, alpha,
                                                       architectureImages.index_select(0, indices), architectureLabels.index_select(0, indices), random);
                if (!loss.defined()) continue;
                if (options.cost != "none" && options.costWeight > 0) loss = loss * costFactor().to(torch::kFloat32);
                alphaOptimizer.zero_grad();
                loss.backward();
                alphaOptimizer.step();
                continue;
            }

            // Architecture step: the weights are fixed, the gates carry the loss to α.
            const Genotype drawn = draw(noises);
            const Genotype genotype = space.canonical(drawn);
            NetworkModuleImpl& module = state_->moduleFor(genotype);
            // The weights stay fixed here and get their gradients back however the step ends.
            struct Frozen {
                std::vector<torch::Tensor>& weights;
                NetworkModuleImpl& module;
                ~Frozen() {
                    module.outputScales.clear();
                    for (auto& weight : weights) weight.set_requires_grad(true);
                }
            } frozen{state_->weights, module};
            for (auto& weight : state_->weights) weight.set_requires_grad(false);
            state_->bind(module);
            module.train();
            module.outputScales.assign(module.steps.size(), torch::Tensor());
            for (std::size_t decision = 0; decision < decisions.size(); ++decision) {
                if (decisions[decision].options.size() < 2 || !space.isActive(genotype, decision)) continue;
                const int layer = gatedLayer(module.architecture, decisions[decision]);
                if (layer < 0) continue;
                const torch::Tensor soft = torch::softmax((alpha[decision] + torch::tensor(noises[decision], torch::kFloat64)) / temperature, 0);
                const torch::Tensor chosen = soft[drawn[decision]];
                const torch::Tensor gate = (chosen + (1.0 - chosen).detach()).to(torch::kFloat32);
                torch::Tensor& scale = module.outputScales[static_cast<std::size_t>(layer)];
                scale = scale.defined() ? scale * gate : gate;
            }
            torch::Tensor loss = torch::nn::functional::cross_entropy(module.forward(architectureImages.index_select(0, indices)),
                                                                      architectureLabels.index_select(0, indices));
            if (options.cost != "none" && options.costWeight > 0) loss = loss * costFactor().to(torch::kFloat32);
            // A drawn subnet whose decisions gate no layer (a skip block, say) and no cost
            // term leave α out of the loss: nothing to learn from this step.
            if (!loss.requires_grad()) continue;
            alphaOptimizer.zero_grad();
            loss.backward();
            alphaOptimizer.step();
        }
        std::vector<std::vector<double>> probabilities;
        for (const auto& logits : alpha) {
            const torch::Tensor soft = torch::softmax(logits.detach(), 0);
            probabilities.emplace_back(soft.data_ptr<double>(), soft.data_ptr<double>() + soft.numel());
        }
        result.probabilities.push_back(std::move(probabilities));
        const double expected = options.cost == "none" ? 0.0 : meanCost(512) / (options.cost == "latency_ms" ? 1e6 : 1.0);
        result.expectedCost.push_back(expected);
        if (onProgress) {
            DifferentiableProgress report;
            report.epoch = epoch + 1;
            report.epochs = options.epochs;
            report.batch = report.batches = batches;
            report.loss = lossSum / double(std::max<std::int64_t>(batches, 1));
            report.temperature = temperature;
            report.expectedCost = expected;
            report.epochEnd = true;
            onProgress(report);
        }
    }
    state_->modules.clear();
    for (auto& weight : state_->weights) weight.mutable_grad() = torch::Tensor();
    Genotype derived(decisions.size(), 0);
    for (std::size_t decision = 0; decision < decisions.size(); ++decision)
        if (decisions[decision].options.size() >= 2) derived[decision] = static_cast<int>(alpha[decision].detach().argmax().item<std::int64_t>());
    result.derived = space.canonical(derived);
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

Network Supernet::extract(const Genotype& genotype) const {
    Network network(state_->space.derive(state_->space.canonical(genotype)));
    torch::NoGradGuard guard;
    auto& steps = network.module().steps;
    state_->forEachKeyedTensor(network.architecture(), [&](std::size_t index, const std::string& key, const Sizes& shape) {
        stepTensor(steps[index], key).copy_(sliced(state_->weight(key, shape), shape));
    });
    return network;
}

Network Supernet::recalibrated(const Genotype& genotype, const Splits& splits, int recalibrationBatches) const {
    Network network = extract(genotype);
    if (!state_->weights.empty() && state_->weights.front().is_cuda()) network.moveTo("cuda");
    // Only the images the recalibration reads are normalised (and moved), not the split.
    constexpr int kBatch = 128;
    const double needed = double(recalibrationBatches) * kBatch / double(std::max<std::int64_t>(splits.train.size(), 1));
    recalibrateBatchNorm(network, splits.train.sample(needed, 0), splits, recalibrationBatches, kBatch);
    return network;
}

Evaluation Supernet::evaluate(const Genotype& genotype, const Splits& splits, int recalibrationBatches, std::int64_t validationSamples) const {
    Network network = recalibrated(genotype, splits, recalibrationBatches);
    Dataset validation = splits.validation;
    if (validationSamples > 0 && validationSamples < validation.size()) {
        std::vector<std::int64_t> first(static_cast<std::size_t>(validationSamples));
        std::iota(first.begin(), first.end(), 0);
        validation = validation.select(first);
    }
    // Bitwidths chosen by the space (joint search): scored as the quantized network.
    if (hasQuantizedLayers(network.architecture()))
        quantizePostTraining(network, splits.train, splits, QuantizationPolicy::fromArchitecture(network.architecture()));
    return edgesmith::evaluate(network, validation, splits);
}

void Supernet::addToWeight(const std::string& key, const std::vector<std::int64_t>& index, double delta) {
    const auto found = state_->index.find(key);
    if (found == state_->index.end()) throw Error("", key, "the supernet has no such tensor");
    torch::NoGradGuard guard;
    torch::Tensor element = state_->weights[found->second];
    if (index.size() != static_cast<std::size_t>(element.dim())) throw Error("", key, "needs " + std::to_string(element.dim()) + " indices");
    for (std::size_t dimension = 0; dimension < index.size(); ++dimension) element = element.select(0, index[dimension]);
    element.add_(delta);
}

std::vector<float> Supernet::weightValues(const std::string& key) const {
    const auto found = state_->index.find(key);
    if (found == state_->index.end()) throw Error("", key, "the supernet has no such tensor");
    const torch::Tensor values = state_->weights[found->second].detach().to(torch::kCPU, torch::kFloat).contiguous();
    return std::vector<float>(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
}

void Supernet::save(const std::filesystem::path& file) const {
    std::ostringstream bytes;
    try {
        torch::serialize::OutputArchive archive;
        archive.write("signature", c10::IValue(state_->signature()));
        for (std::size_t position = 0; position < state_->weights.size(); ++position)
            archive.write("t" + std::to_string(position), state_->weights[position].detach().cpu());
        archive.save_to(bytes);
    } catch (const c10::Error& error) {
        throw WriteError(file.string(), "", std::string("cannot write the supernet: ") + error.what_without_backtrace());
    }
    writeFileAtomically(file, bytes.str());
}

void Supernet::load(const std::filesystem::path& file) {
    torch::serialize::InputArchive archive;
    std::vector<torch::Tensor> loaded(state_->weights.size());
    c10::IValue signature;
    try {
        archive.load_from(file.string());
        archive.read("signature", signature);
        for (std::size_t position = 0; position < loaded.size(); ++position) archive.read("t" + std::to_string(position), loaded[position]);
    } catch (const c10::Error& error) {
        throw IoError(file.string(), "", std::string("cannot read a supernet from it: ") + error.what_without_backtrace());
    }
    if (!signature.isString() || signature.toStringRef() != state_->signature())
        throw Error(file.string(), "signature", "the file holds the weights of another supernet (another space or another version of it)");
    torch::NoGradGuard guard;
    for (std::size_t position = 0; position < loaded.size(); ++position) state_->weights[position].copy_(loaded[position]);
}

} // namespace edgesmith
