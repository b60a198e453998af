#include "core/compress/policy_search.h"

#include "core/common/error.h"
#include "core/compress/pruning.h"
#include "core/search/objectives.h"
#include "core/search/strategy.h"
#include "core/space/space.h"
#include "core/nn/internal/network_module.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <random>

namespace edgesmith {
namespace {

// A policy as choice indices: one per quantizable layer for weights, then one per layer
// for activations when those are searched.
using Genes = std::vector<int>;

std::string keyOf(const Genes& genes) {
    std::string key;
    for (int gene : genes) key += std::to_string(gene) + '.';
    return key;
}

// What strategies see of a policy: genes with their number of choices (0 the cheapest),
// the layer each gene describes, and the budget repair.
class GeneSpace {
public:
    explicit GeneSpace(const PolicyBudget& budget) : budget_(budget) {}
    virtual ~GeneSpace() = default;
    virtual std::size_t geneCount() const = 0;
    virtual int choiceCount(std::size_t gene) const = 0;
    virtual std::size_t layerCount() const = 0;
    virtual const Layer& layerOf(std::size_t gene) const = 0;
    virtual Metrics metrics(const Genes& genes) const = 0;

    // The gene that saves most of the budget being broken goes to its next cheaper choice
    // that saves anything (some choices cost the same: a rank that would not shrink its
    // layer), until every budget holds (HAQ's repair, and AMC's for pruning rates).
    Genes repair(Genes genes) const {
        Metrics current = metrics(genes);
        while (const char* broken = brokenBudget(current)) {
            double bestSaving = 0;
            std::size_t bestGene = genes.size();
            int bestChoice = 0;
            Metrics bestMetrics;
            for (std::size_t gene = 0; gene < genes.size(); ++gene) {
                Genes cheaper = genes;
                while (cheaper[gene] > 0) {
                    --cheaper[gene];
                    const Metrics next = metrics(cheaper);
                    const double saving = amount(current, broken) - amount(next, broken);
                    if (saving <= 0) continue;
                    if (saving > bestSaving) bestSaving = saving, bestGene = gene, bestChoice = cheaper[gene], bestMetrics = next;
                    break;
                }
            }
            if (bestGene == genes.size())
                throw Error("", std::string("budget.") + broken,
                            "even the cheapest choices need " + formatAmount(amount(current, broken)) + ", over the budget of " +
                                formatAmount(limit(broken)));
            genes[bestGene] = bestChoice;
            current = bestMetrics;
        }
        return genes;
    }

    bool fits(const Genes& genes) const { return brokenBudget(metrics(genes)) == nullptr; }
    // The metric the budget limits (storage unless only BitOps or MACs are limited), and
    // its value: the cost objective of multi-objective strategies.
    const char* costMetric() const {
        if (budget_.storageBytes <= 0 && budget_.bitops > 0) return "bitops";
        if (budget_.storageBytes <= 0 && budget_.macs > 0) return "macs";
        return "storage_bytes";
    }
    double cost(const Metrics& metrics) const { return amount(metrics, costMetric()); }

private:
    const char* brokenBudget(const Metrics& metrics) const {
        for (const char* name : {"storage_bytes", "bitops", "macs"})
            if (limit(name) > 0 && amount(metrics, name) > limit(name)) return name;
        return nullptr;
    }
    static double amount(const Metrics& metrics, const std::string& name) {
        return name == "storage_bytes" ? double(metrics.storageBytes) : name == "bitops" ? metrics.bitops : double(metrics.macs);
    }
    double limit(const std::string& name) const {
        return name == "storage_bytes" ? double(budget_.storageBytes) : name == "bitops" ? budget_.bitops : double(budget_.macs);
    }
    static std::string formatAmount(double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%.0f", value);
        return text;
    }
    PolicyBudget budget_;
};

// Per-layer weight (and activation) bitwidths.
class BitwidthSpace : public GeneSpace {
public:
    BitwidthSpace(const Architecture& architecture, const PolicySearchOptions& options)
        : GeneSpace(options.budget), architecture_(architecture), options_(options) {
        if (options.weightChoices.empty()) throw Error("", "weight_choices", "give at least one weight bitwidth");
        if (options.activationChoices.empty()) throw Error("", "activation_choices", "give at least one activation bitwidth");
        for (const auto* choices : {&options.weightChoices, &options.activationChoices})
            for (int bits : *choices)
                if (bits != 32 && (bits < 2 || bits > 16))
                    throw Error("", choices == &options.weightChoices ? "weight_choices" : "activation_choices",
                                "bitwidths must be within 2..16, or 32 for float; got " + std::to_string(bits));
        weightChoices_ = sorted(options.weightChoices);
        activationChoices_ = sorted(options.activationChoices);
        for (std::size_t index = 0; index < architecture.layers.size(); ++index) {
            const Layer& layer = architecture.layers[index];
            if ((layer.kind == LayerKind::Conv || layer.kind == LayerKind::Linear) && layer.weightCount > 0) layers_.push_back(index);
        }
        if (layers_.empty()) throw Error("", "network", "the network has no convolution or linear layer to quantize");
    }

    std::size_t layerCount() const override { return layers_.size(); }
    bool searchesActivations() const { return activationChoices_.size() > 1; }
    std::size_t geneCount() const override { return layers_.size() * (searchesActivations() ? 2 : 1); }
    int choiceCount(std::size_t gene) const override {
        return static_cast<int>(gene < layers_.size() ? weightChoices_.size() : activationChoices_.size());
    }
    const Layer& layerOf(std::size_t gene) const override { return architecture_.layers[layers_[gene % layers_.size()]]; }

    QuantizationPolicy policy(const Genes& genes) const {
        QuantizationPolicy result = options_.settings;
        result.weightBits.assign(architecture_.layers.size(), 32);
        result.activationBits.assign(architecture_.layers.size(), 32);
        for (std::size_t layer = 0; layer < layers_.size(); ++layer) {
            result.weightBits[layers_[layer]] = weightChoices_[static_cast<std::size_t>(genes[layer])];
            result.activationBits[layers_[layer]] =
                searchesActivations() ? activationChoices_[static_cast<std::size_t>(genes[layers_.size() + layer])] : activationChoices_.front();
        }
        return result;
    }

    // Each layer's bitwidths snapped down to the nearest choice (the lowest when below all).
    Genes genes(const QuantizationPolicy& policy) const {
        Genes result(geneCount(), 0);
        for (std::size_t layer = 0; layer < layers_.size(); ++layer) {
            const std::size_t index = layers_[layer];
            result[layer] = below(weightChoices_, index < policy.weightBits.size() ? policy.weightBits[index] : 32);
            if (searchesActivations())
                result[layers_.size() + layer] = below(activationChoices_, index < policy.activationBits.size() ? policy.activationBits[index] : 32);
        }
        return result;
    }

    Metrics metrics(const Genes& genes) const override { return computeMetrics(architecture_, policy(genes).bitwidths()); }

private:
    static std::vector<int> sorted(std::vector<int> values) {
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        return values;
    }
    static int below(const std::vector<int>& choices, int bits) {
        int index = 0;
        for (std::size_t choice = 0; choice < choices.size(); ++choice)
            if (choices[choice] <= bits) index = static_cast<int>(choice);
        return index;
    }

    const Architecture& architecture_;
    const PolicySearchOptions& options_;
    std::vector<int> weightChoices_, activationChoices_;
    std::vector<std::size_t> layers_;
};

// The contract of the engine's strategies, on policies: ask for the next one, be told its
// (repaired) genes and accuracy.
class PolicyStrategy {
public:
    virtual ~PolicyStrategy() = default;
    virtual Genes ask() = 0;
    virtual void tell(const Genes& genes, double accuracy) = 0;
};

struct StrategySetup {
    const GeneSpace* space;
    Genes start; // the highest bitwidths repaired into the budget
    int evaluations;
    std::mt19937_64* random;
};

Genes uniformDraw(const StrategySetup& setup) {
    Genes genes(setup.space->geneCount());
    for (std::size_t gene = 0; gene < genes.size(); ++gene)
        genes[gene] = std::uniform_int_distribution<int>(0, setup.space->choiceCount(gene) - 1)(*setup.random);
    return genes;
}

// Changes one gene (sometimes two) by one step, up or down.
Genes neighbour(const StrategySetup& setup, Genes genes) {
    std::mt19937_64& random = *setup.random;
    const int changes = std::bernoulli_distribution(0.3)(random) ? 2 : 1;
    for (int change = 0; change < changes; ++change) {
        const std::size_t gene = std::uniform_int_distribution<std::size_t>(0, genes.size() - 1)(random);
        const int top = setup.space->choiceCount(gene) - 1;
        if (top == 0) continue;
        const int step = genes[gene] == 0 ? 1 : genes[gene] == top ? -1 : (std::bernoulli_distribution(0.5)(random) ? 1 : -1);
        genes[gene] += step;
    }
    return genes;
}

class RandomPolicies : public PolicyStrategy {
public:
    explicit RandomPolicies(StrategySetup setup) : setup_(std::move(setup)) {}
    Genes ask() override { return first_ ? (first_ = false, setup_.start) : uniformDraw(setup_); }
    void tell(const Genes&, double) override {}

private:
    StrategySetup setup_;
    bool first_ = true;
};

// Regularised evolution: tournament parent, one-step mutation, the oldest dies.
class EvolvedPolicies : public PolicyStrategy {
public:
    explicit EvolvedPolicies(StrategySetup setup)
        : setup_(std::move(setup)), populationSize_(std::clamp(setup_.evaluations / 4, 4, 16)) {}
    Genes ask() override {
        if (asked_++ == 0) return setup_.start;
        if (population_.size() < static_cast<std::size_t>(populationSize_)) return neighbour(setup_, uniformDraw(setup_));
        const Member* parent = nullptr;
        for (int round = 0; round < 4; ++round) {
            const Member& contender = population_[std::uniform_int_distribution<std::size_t>(0, population_.size() - 1)(*setup_.random)];
            if (!parent || contender.accuracy > parent->accuracy) parent = &contender;
        }
        return neighbour(setup_, parent->genes);
    }
    void tell(const Genes& genes, double accuracy) override {
        population_.push_back({genes, accuracy});
        if (population_.size() > static_cast<std::size_t>(populationSize_)) population_.pop_front();
    }

private:
    struct Member {
        Genes genes;
        double accuracy;
    };
    StrategySetup setup_;
    int populationSize_;
    int asked_ = 0;
    std::deque<Member> population_;
};

// Simulated annealing from the repaired highest policy: accept a worse neighbour with
// probability exp(Δ / T), T falling geometrically from 1 point to 0.02 points.
class AnnealedPolicies : public PolicyStrategy {
public:
    explicit AnnealedPolicies(StrategySetup setup) : setup_(std::move(setup)) {}
    Genes ask() override { return told_ == 0 ? setup_.start : neighbour(setup_, current_); }
    void tell(const Genes& genes, double accuracy) override {
        const double progress = setup_.evaluations > 1 ? double(told_) / double(setup_.evaluations - 1) : 1.0;
        const double temperature = 1.0 * std::pow(0.02, std::min(1.0, progress));
        if (told_++ == 0 || accuracy >= currentAccuracy_ ||
            std::uniform_real_distribution<double>(0, 1)(*setup_.random) < std::exp((accuracy - currentAccuracy_) / temperature)) {
            current_ = genes;
            currentAccuracy_ = accuracy;
        }
    }

private:
    StrategySetup setup_;
    int told_ = 0;
    Genes current_;
    double currentAccuracy_ = 0;
};

// AMC/HAQ-style action space: per gene a continuous action a ∈ [0, 1] drawn from
// N(sigmoid(θ·f), σ²), rounded to a choice; f describes the layer (position, size, kernel,
// depthwise, weight or activation). REINFORCE with a moving baseline updates θ; σ shrinks
// from 0.35 to 0.08 so the search settles.
class LearnedPolicies : public PolicyStrategy {
public:
    explicit LearnedPolicies(StrategySetup setup) : setup_(std::move(setup)) {
        const GeneSpace& space = *setup_.space;
        for (std::size_t gene = 0; gene < space.geneCount(); ++gene) {
            const Layer& layer = space.layerOf(gene);
            const double position = space.layerCount() > 1 ? double(gene % space.layerCount()) / double(space.layerCount() - 1) : 0.0;
            features_.push_back({1.0, position, std::log10(1.0 + double(layer.weightCount)) / 6.0, std::log10(1.0 + double(layer.macs)) / 8.0,
                                 layer.kernel / 7.0, layer.groups > 1 ? 1.0 : 0.0, gene >= space.layerCount() ? 1.0 : 0.0});
        }
        theta_.assign(features_.front().size(), 0.0);
    }
    Genes ask() override {
        if (asked_++ == 0) return setup_.start; // a known-good first reward for the baseline
        Genes genes(features_.size());
        actions_.assign(features_.size(), 0.0);
        means_.assign(features_.size(), 0.0);
        for (std::size_t gene = 0; gene < features_.size(); ++gene) {
            means_[gene] = mean(gene);
            actions_[gene] = std::clamp(means_[gene] + sigma() * std::normal_distribution<double>(0, 1)(*setup_.random), 0.0, 1.0);
            genes[gene] = static_cast<int>(std::lround(actions_[gene] * (setup_.space->choiceCount(gene) - 1)));
        }
        return genes;
    }
    void tell(const Genes&, double accuracy) override {
        if (told_++ == 0 || actions_.empty()) {
            baseline_ = accuracy;
            return;
        }
        const double advantage = (accuracy - baseline_) / std::max(1.0, spread_);
        spread_ = 0.9 * spread_ + 0.1 * std::abs(accuracy - baseline_);
        baseline_ = 0.8 * baseline_ + 0.2 * accuracy;
        const double variance = sigma() * sigma();
        std::vector<double> gradient(theta_.size(), 0.0);
        for (std::size_t gene = 0; gene < features_.size(); ++gene) {
            const double slope = (actions_[gene] - means_[gene]) / variance * means_[gene] * (1 - means_[gene]);
            for (std::size_t feature = 0; feature < theta_.size(); ++feature) gradient[feature] += slope * features_[gene][feature];
        }
        const double rate = 0.1 / double(features_.size());
        for (std::size_t feature = 0; feature < theta_.size(); ++feature) theta_[feature] += rate * advantage * gradient[feature];
        actions_.clear();
    }

private:
    double mean(std::size_t gene) const {
        double sum = 0;
        for (std::size_t feature = 0; feature < theta_.size(); ++feature) sum += theta_[feature] * features_[gene][feature];
        return 1.0 / (1.0 + std::exp(-sum));
    }
    double sigma() const {
        const double progress = setup_.evaluations > 1 ? std::min(1.0, double(told_) / double(setup_.evaluations - 1)) : 1.0;
        return 0.35 + (0.08 - 0.35) * progress;
    }

    StrategySetup setup_;
    std::vector<std::vector<double>> features_;
    std::vector<double> theta_, actions_, means_;
    double baseline_ = 0, spread_ = 1;
    int asked_ = 0, told_ = 0;
};

using PolicyStrategyFactory = std::unique_ptr<PolicyStrategy> (*)(StrategySetup);

template <typename Strategy>
std::unique_ptr<PolicyStrategy> make(StrategySetup setup) {
    return std::make_unique<Strategy>(std::move(setup));
}

// The registry: a new policy strategy is one class and one line here.
const std::map<std::string, PolicyStrategyFactory>& registry() {
    static const std::map<std::string, PolicyStrategyFactory> strategies = {
        {"random", &make<RandomPolicies>},
        {"evolution", &make<EvolvedPolicies>},
        {"annealing", &make<AnnealedPolicies>},
        {"rl", &make<LearnedPolicies>},
    };
    return strategies;
}

// The trained weights, put back after every trial.
class WeightSnapshot {
public:
    explicit WeightSnapshot(NetworkModuleImpl& module) : module_(module) {
        torch::NoGradGuard guard;
        for (const torch::Tensor& tensor : module.parameters()) saved_.push_back(tensor.detach().clone());
        for (const torch::Tensor& tensor : module.buffers()) saved_.push_back(tensor.detach().clone());
    }
    void restore() {
        torch::NoGradGuard guard;
        std::size_t index = 0;
        for (torch::Tensor tensor : module_.parameters()) tensor.copy_(saved_[index++]);
        for (torch::Tensor tensor : module_.buffers()) tensor.copy_(saved_[index++]);
        module_.inputQuantizers.clear();
        module_.weightGrids.clear();
    }

private:
    NetworkModuleImpl& module_;
    std::vector<torch::Tensor> saved_;
};

Dataset firstImages(const Dataset& data, std::int64_t count) {
    std::vector<std::int64_t> indices(static_cast<std::size_t>(std::min(count, data.size())));
    for (std::size_t index = 0; index < indices.size(); ++index) indices[index] = static_cast<std::int64_t>(index);
    return data.select(indices);
}

// Per-layer pruning rates of the prunable channel groups (AMC's action space); gene 0 is
// the highest rate, the cheapest network.
class RateSpace : public GeneSpace {
public:
    RateSpace(const Architecture& architecture, const PruningSearchOptions& options)
        : GeneSpace(options.budget), architecture_(architecture), names_(prunableLayers(architecture)) {
        if (options.rateChoices.empty()) throw Error("", "rate_choices", "give at least one pruning rate");
        for (double rate : options.rateChoices)
            if (!(rate >= 0 && rate < 1)) throw Error("", "rate_choices", "pruning rates must be in [0, 1), got " + std::to_string(rate));
        rates_ = options.rateChoices;
        std::sort(rates_.begin(), rates_.end(), std::greater<>());
        rates_.erase(std::unique(rates_.begin(), rates_.end()), rates_.end());
        if (names_.empty()) throw Error("", "network", "the network has no prunable channel group");
        for (const std::string& name : names_)
            for (std::size_t index = 0; index < architecture.layers.size(); ++index)
                if (architecture.layers[index].name == name) layers_.push_back(index);
    }
    std::size_t geneCount() const override { return names_.size(); }
    int choiceCount(std::size_t) const override { return static_cast<int>(rates_.size()); }
    std::size_t layerCount() const override { return names_.size(); }
    const Layer& layerOf(std::size_t gene) const override { return architecture_.layers[layers_[gene]]; }
    Metrics metrics(const Genes& genes) const override { return computeMetrics(prunedArchitecture(architecture_, rates(genes))); }
    std::map<std::string, double> rates(const Genes& genes) const {
        std::map<std::string, double> result;
        for (std::size_t gene = 0; gene < genes.size(); ++gene) result[names_[gene]] = rates_[static_cast<std::size_t>(genes[gene])];
        return result;
    }

private:
    const Architecture& architecture_;
    std::vector<std::string> names_;
    std::vector<std::size_t> layers_;
    std::vector<double> rates_;
};

// Per factorisable layer: a kept rank fraction, or the layer kept whole (the last,
// most expensive choice).
class RankSpace : public GeneSpace {
public:
    RankSpace(Network& network, const RankSearchOptions& options)
        : GeneSpace(options.budget), architecture_(network.architecture()), layers_(suggestRanks(network)) {
        if (options.rankChoices.empty()) throw Error("", "rank_choices", "give at least one rank fraction");
        for (double fraction : options.rankChoices)
            if (!(fraction > 0 && fraction <= 1)) throw Error("", "rank_choices", "rank fractions must be in (0, 1], got " + std::to_string(fraction));
        fractions_ = options.rankChoices;
        std::sort(fractions_.begin(), fractions_.end());
        fractions_.erase(std::unique(fractions_.begin(), fractions_.end()), fractions_.end());
        if (layers_.empty()) throw Error("", "network", "the network has no layer to factorise");
        for (const LayerRanks& layer : layers_)
            for (std::size_t index = 0; index < architecture_.layers.size(); ++index)
                if (architecture_.layers[index].name == layer.name) indices_.push_back(index);
    }
    std::size_t geneCount() const override { return layers_.size(); }
    int choiceCount(std::size_t) const override { return static_cast<int>(fractions_.size()) + 1; }
    std::size_t layerCount() const override { return layers_.size(); }
    const Layer& layerOf(std::size_t gene) const override { return architecture_.layers[indices_[gene]]; }
    Metrics metrics(const Genes& genes) const override { return computeMetrics(factorisedArchitecture(architecture_, ranks(genes))); }

    std::vector<LayerRanks> ranks(const Genes& genes) const {
        std::vector<LayerRanks> result;
        for (std::size_t gene = 0; gene < genes.size(); ++gene) {
            const auto choice = static_cast<std::size_t>(genes[gene]);
            if (choice >= fractions_.size()) continue; // kept whole
            LayerRanks layer = layers_[gene];
            const auto scaled = [&](int size) { return std::clamp(static_cast<int>(std::lround(fractions_[choice] * size)), 1, size); };
            if (layer.kind == "svd") {
                layer.outputRank = layer.inputRank = scaled(std::min(layer.outputChannels, layer.inputChannels));
            } else {
                layer.outputRank = scaled(layer.outputChannels);
                layer.inputRank = scaled(layer.inputChannels);
            }
            result.push_back(layer);
        }
        return result;
    }

private:
    const Architecture& architecture_;
    std::vector<LayerRanks> layers_;
    std::vector<std::size_t> indices_;
    std::vector<double> fractions_;
};

bool isEngineStrategy(const std::string& name) {
    const std::vector<std::string> engine = registeredStrategies();
    return !registry().count(name) && std::find(engine.begin(), engine.end(), name) != engine.end();
}

void requireSearchable(const std::string& strategy, int evaluations, const Splits& splits) {
    if (!registry().count(strategy) && !isEngineStrategy(strategy)) {
        std::string names;
        for (const std::string& name : policyStrategies()) names += (names.empty() ? "" : ", ") + name;
        throw Error("", "strategy", "unknown policy strategy \"" + strategy + "\"; use " + names);
    }
    if (evaluations < 1) throw Error("", "evaluations", "give at least one evaluation");
    if (splits.validation.size() == 0) throw Error("", "dataset.validation", "the policy search scores policies on validation images; the split has none");
}

// The genes as a chain space the engine's strategies can search: one stage of depth 1 per
// gene with more than one choice, whose width list has one entry per choice (the widths
// only label the choices; nothing is built from this space).
struct EngineSpace {
    SearchSpace space;
    std::vector<int> decisionOf; // per gene; -1 for a gene with one choice
};

EngineSpace engineSpace(const GeneSpace& genes) {
    Json stages = Json::array();
    std::vector<int> decisionOf;
    for (std::size_t gene = 0; gene < genes.geneCount(); ++gene) {
        if (genes.choiceCount(gene) < 2) {
            decisionOf.push_back(-1);
            continue;
        }
        Json widths = Json::array();
        for (int choice = 0; choice < genes.choiceCount(gene); ++choice) widths.push_back(choice + 1);
        decisionOf.push_back(static_cast<int>(stages.size()));
        stages.push_back({{"depth", 1}, {"stride", 1}, {"out", widths}, {"block", {{"op", "pwconv"}}}});
    }
    const Json document = {{"name", "policy"}, {"input", {{"channels", 1}, {"resolution", 1}}}, {"stages", stages}};
    return {SearchSpace::parse(document, "policy space"), decisionOf};
}

// A registered search strategy (NSGA-II, Bayesian optimisation, REINFORCE, grid, ...) on
// policies, with two objectives: accuracy and the budget's cost metric. Proposals over
// budget are told back as infeasible without a score, as the engine does; strategies that
// sample "constrained" avoid them up front.
void searchWithEngine(const GeneSpace& space, const std::string& name, int evaluations, std::uint64_t seed,
                      const std::function<double(const Genes&)>& score) {
    // An impossible budget fails here, naming it, as with the other strategies.
    Genes start(space.geneCount());
    for (std::size_t gene = 0; gene < start.size(); ++gene) start[gene] = space.choiceCount(gene) - 1;
    start = space.repair(start);
    const EngineSpace engine = engineSpace(space);
    const auto genesOf = [&](const Genotype& genotype) {
        Genes genes(space.geneCount(), 0);
        for (std::size_t gene = 0; gene < genes.size(); ++gene)
            genes[gene] = engine.decisionOf[gene] < 0 ? 0 : genotype[static_cast<std::size_t>(engine.decisionOf[gene])];
        return genes;
    };
    const Objectives objectives({{"accuracy", Goal::Maximize}, {space.costMetric(), Goal::Minimize}});
    StrategyContext context;
    context.space = &engine.space;
    context.objectives = &objectives;
    context.budget = evaluations;
    context.withinBudgets = [&](const Genotype& genotype) { return space.fits(genesOf(genotype)); };
    const std::unique_ptr<Strategy> strategy = makeStrategy(name, context, Json{{"seed", seed}});
    std::map<std::string, double> scored;
    std::int64_t number = 0;
    for (int proposals = 0; static_cast<int>(scored.size()) < evaluations && proposals < 50 * evaluations && !strategy->finished(); ++proposals) {
        const std::vector<Genotype> asked = strategy->ask(1);
        if (asked.empty()) break; // nothing outstanding: the strategy has no more to propose
        for (const Genotype& genotype : asked) {
            const Genes genes = genesOf(genotype);
            Candidate candidate;
            candidate.number = ++number;
            candidate.genotype = engine.space.canonical(genotype);
            candidate.key = engine.space.key(candidate.genotype);
            candidate.metrics[space.costMetric()] = space.cost(space.metrics(genes));
            if (!space.fits(genes)) {
                candidate.status = CandidateStatus::Infeasible;
                candidate.message = std::string(space.costMetric()) + " over the budget";
            } else if (const auto seen = scored.find(candidate.key); seen != scored.end()) {
                candidate.metrics["accuracy"] = seen->second;
            } else if (static_cast<int>(scored.size()) >= evaluations) {
                // A batch (greedy's trials of one decision) can outrun the evaluations.
                candidate.status = CandidateStatus::Failed;
                candidate.message = "not scored: the evaluations are spent";
            } else {
                candidate.metrics["accuracy"] = scored[candidate.key] = score(genes);
            }
            strategy->tell(candidate);
        }
    }
    // A strategy that proposed nothing within the budget still yields a policy: the
    // repaired most expensive one.
    if (scored.empty()) score(start);
}

// The loop every policy search shares: ask, repair into the budget, score each distinct
// policy once, tell. Strategies may propose a policy already scored (small spaces,
// converged searches): they are told its score again without a new evaluation, within a
// bound on proposals. The search starts from the most expensive policy, repaired.
void searchGenes(const GeneSpace& space, const std::string& strategyName, int evaluations, std::uint64_t seed,
                 const std::function<double(const Genes&)>& score) {
    if (isEngineStrategy(strategyName)) return searchWithEngine(space, strategyName, evaluations, seed, score);
    std::mt19937_64 random(seed);
    Genes start(space.geneCount());
    for (std::size_t gene = 0; gene < start.size(); ++gene) start[gene] = space.choiceCount(gene) - 1;
    start = space.repair(start);
    const std::unique_ptr<PolicyStrategy> strategy = registry().at(strategyName)(StrategySetup{&space, start, evaluations, &random});
    std::map<std::string, double> scored;
    for (int proposals = 0; static_cast<int>(scored.size()) < evaluations && proposals < 50 * evaluations; ++proposals) {
        const Genes genes = space.repair(strategy->ask());
        const std::string key = keyOf(genes);
        if (const auto seen = scored.find(key); seen != scored.end()) {
            strategy->tell(genes, seen->second);
            continue;
        }
        const double accuracy = score(genes);
        scored[key] = accuracy;
        strategy->tell(genes, accuracy);
    }
}

} // namespace

std::vector<std::string> policyStrategies() {
    std::vector<std::string> names;
    for (const auto& [name, factory] : registry()) names.push_back(name);
    for (const std::string& name : registeredStrategies())
        if (!registry().count(name)) names.push_back(name);
    return names;
}

QuantizationPolicy fitToBudget(const Architecture& architecture, QuantizationPolicy policy, const PolicySearchOptions& options) {
    const BitwidthSpace space(architecture, options);
    return space.policy(space.repair(space.genes(policy)));
}

namespace {

// Scores one policy through `measure` (which fills the trial's policy, metrics and
// accuracy), numbers and times it, keeps the best (ties to the smaller `cost`) and reports it.
template <typename Trial, typename Measure, typename Cost>
double recordTrial(PolicySearchOutcome<Trial>& result, const Measure& measure, const Cost& cost, const std::function<void(const Trial&)>& progress) {
    const auto began = std::chrono::steady_clock::now();
    Trial trial;
    trial.number = static_cast<int>(result.trials.size()) + 1;
    measure(trial);
    trial.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    if (result.trials.empty() || trial.accuracy > result.best.accuracy ||
        (trial.accuracy == result.best.accuracy && cost(trial.metrics) < cost(result.best.metrics)))
        result.best = trial;
    result.trials.push_back(trial);
    if (progress) progress(trial);
    return trial.accuracy;
}

std::int64_t storageOf(const Metrics& metrics) { return metrics.storageBytes; }
std::int64_t macsOf(const Metrics& metrics) { return metrics.macs; }

} // namespace

PolicySearchResult searchQuantizationPolicy(Network& network, const Splits& splits, const PolicySearchOptions& options,
                                            const PolicyProgress& progress) {
    requireSearchable(options.strategy, options.evaluations, splits);
    const BitwidthSpace space(network.architecture(), options);
    const Dataset validation = firstImages(splits.validation, options.validationImages);
    const Dataset calibration = firstImages(splits.train, std::int64_t(options.settings.calibrationBatches) * 128);
    WeightSnapshot snapshot(network.module());
    PolicySearchResult result;
    searchGenes(space, options.strategy, options.evaluations, options.seed, [&](const Genes& genes) {
        const auto measure = [&](PolicyTrial& trial) {
            trial.policy = space.policy(genes);
            try {
                trial.metrics = quantizePostTraining(network, calibration, splits, trial.policy).metrics;
                trial.accuracy = evaluate(network, validation, splits).top1;
            } catch (...) {
                snapshot.restore();
                throw;
            }
            snapshot.restore();
        };
        return recordTrial(result, measure, storageOf, progress);
    });
    return result;
}

PruningSearchResult searchPruningPolicy(Network& network, const Splits& splits, const PruningSearchOptions& options, const PruningProgress& progress) {
    requireSearchable(options.strategy, options.evaluations, splits);
    if (options.importance == ChannelImportance::Taylor)
        throw Error("", "importance", "per-layer rate searches rank channels by l1, l2 or bn; Taylor importance is for one rate");
    const RateSpace space(network.architecture(), options);
    const Dataset validation = firstImages(splits.validation, options.validationImages);
    PruningSearchResult result;
    searchGenes(space, options.strategy, options.evaluations, options.seed, [&](const Genes& genes) {
        const auto measure = [&](PruningTrial& trial) {
            trial.rates = space.rates(genes);
            PruningResult pruned = pruneChannels(network, trial.rates, options.importance);
            recalibrateBatchNorm(pruned.network, splits.train, splits, options.recalibrationBatches);
            trial.metrics = pruned.after;
            trial.accuracy = evaluate(pruned.network, validation, splits).top1;
        };
        return recordTrial(result, measure, macsOf, progress);
    });
    return result;
}

RankSearchResult searchRanks(Network& network, const Splits& splits, const RankSearchOptions& options, const RankProgress& progress) {
    requireSearchable(options.strategy, options.evaluations, splits);
    const RankSpace space(network, options);
    const Dataset validation = firstImages(splits.validation, options.validationImages);
    RankSearchResult result;
    searchGenes(space, options.strategy, options.evaluations, options.seed, [&](const Genes& genes) {
        const auto measure = [&](RankTrial& trial) {
            FactorisationResult factorised = factorise(network, space.ranks(genes));
            trial.ranks = factorised.layers;
            trial.metrics = factorised.after;
            trial.accuracy = evaluate(factorised.network, validation, splits).top1;
        };
        return recordTrial(result, measure, macsOf, progress);
    });
    return result;
}

} // namespace edgesmith
