// Reinforcement learning (survey III-B, Fig. 4c): a controller picks one option per
// active decision and the project's fitness, as reward, trains it by policy gradient:
// REINFORCE with a moving-average baseline (Zoph & Le) or PPO's clipped surrogate
// (MnasNet). Controllers: independent logits per decision (TuNAS-like "categorical"),
// or a recurrent controller ("lstm") whose every choice conditions the next ones.
#include "core/common/error.h"
#include "core/search/strategies.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>

namespace edgesmith {
namespace {

constexpr std::size_t kHidden = 32;
constexpr std::size_t kEmbedding = 16;
constexpr double kInitialRange = 0.1;
constexpr double kClip = 0.2;
constexpr int kPpoEpochs = 4;
constexpr std::size_t kPpoBatch = 8;
constexpr int kPolicyRetries = 4;
constexpr int kSampleRetries = 50;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Visits the decisions in order, asking `choose` for the option of every active one that
// has a choice; the others stay 0 (canonical). Depth decisions precede their blocks, so a
// block's activity is already settled when it is reached.
template <class Choose>
Genotype walk(const SearchSpace& space, Choose&& choose) {
    Genotype genotype(space.decisions().size(), 0);
    for (std::size_t decision = 0; decision < genotype.size(); ++decision) {
        if (space.decisions()[decision].options.size() < 2 || !space.isActive(genotype, decision)) continue;
        genotype[decision] = choose(decision);
    }
    return genotype;
}

std::vector<double> softmax(const std::vector<double>& logits) {
    const double largest = *std::max_element(logits.begin(), logits.end());
    std::vector<double> result;
    double total = 0;
    for (const double logit : logits) total += result.emplace_back(std::exp(logit - largest));
    for (double& value : result) value /= total;
    return result;
}

int sampleIndex(const std::vector<double>& probabilities, std::mt19937_64& random) {
    double remaining = std::uniform_real_distribution<double>(0.0, 1.0)(random);
    for (std::size_t index = 0; index + 1 < probabilities.size(); ++index) {
        remaining -= probabilities[index];
        if (remaining < 0) return static_cast<int>(index);
    }
    return static_cast<int>(probabilities.size()) - 1;
}

double sigmoid(double value) { return 1.0 / (1.0 + std::exp(-value)); }

// ---- controllers ----------------------------------------------------------------------

using Weighting = std::function<double(double logProbability)>;

// A policy over genotypes with its parameters in one flat vector, so that Adam and the
// saved state treat every controller alike.
class Controller {
public:
    virtual ~Controller() = default;
    virtual Genotype sample(std::mt19937_64& random) const = 0;
    virtual double logProbability(const Genotype& genotype) const = 0;
    // gradient += w · ∇ log π(genotype) with w = weightOf(log π(genotype)), from one pass
    // (PPO's weight depends on the probability); returns log π. `genotype` is canonical.
    virtual double addGradient(const Genotype& genotype, const Weighting& weightOf, std::vector<double>& gradient) const = 0;
    std::vector<double> parameters;
};

// Independent logits per decision; zero logits start it uniform.
class CategoricalController : public Controller {
public:
    explicit CategoricalController(const SearchSpace& space) : space_(space) {
        std::size_t total = 0;
        for (const Decision& decision : space.decisions()) {
            offsets_.push_back(total);
            if (decision.options.size() > 1) total += decision.options.size();
        }
        parameters.assign(total, 0.0);
    }

    Genotype sample(std::mt19937_64& random) const override {
        return walk(space_, [&](std::size_t decision) { return sampleIndex(probabilities(decision), random); });
    }

    double logProbability(const Genotype& genotype) const override {
        double sum = 0;
        walk(space_, [&](std::size_t decision) {
            sum += std::log(probabilities(decision)[static_cast<std::size_t>(genotype[decision])]);
            return genotype[decision];
        });
        return sum;
    }

    double addGradient(const Genotype& genotype, const Weighting& weightOf, std::vector<double>& gradient) const override {
        const double logProbability = this->logProbability(genotype);
        const double weight = weightOf(logProbability);
        walk(space_, [&](std::size_t decision) {
            const std::vector<double> chance = probabilities(decision);
            for (std::size_t option = 0; option < chance.size(); ++option) {
                const double chosen = static_cast<int>(option) == genotype[decision] ? 1.0 : 0.0;
                gradient[offsets_[decision] + option] += weight * (chosen - chance[option]);
            }
            return genotype[decision];
        });
        return logProbability;
    }

private:
    std::vector<double> probabilities(std::size_t decision) const {
        const auto begin = parameters.begin() + static_cast<long>(offsets_[decision]);
        return softmax(std::vector<double>(begin, begin + static_cast<long>(space_.decisions()[decision].options.size())));
    }

    const SearchSpace& space_;
    std::vector<std::size_t> offsets_;
};

// An LSTM controller (Zoph & Le): at each active decision the cell reads the embedding
// of the previous choice plus that of the decision about to be made (the skipped blocks
// of a shallow stage would otherwise leave it guessing which head comes next); a head
// per decision turns the hidden state into option logits. Trained by backpropagation
// through time over the decisions of one genotype.
class RecurrentController : public Controller {
public:
    RecurrentController(const SearchSpace& space, std::mt19937_64& random) : space_(space) {
        std::size_t tokens = 1; // token 0 starts every sequence
        std::size_t heads = 0;
        for (const Decision& decision : space.decisions()) {
            tokenOffsets_.push_back(tokens);
            headOffsets_.push_back(heads);
            if (decision.options.size() < 2) continue;
            tokens += decision.options.size();
            heads += decision.options.size() * (kHidden + 1);
        }
        embedding_ = 0;
        position_ = embedding_ + tokens * kEmbedding;
        inputWeights_ = position_ + space.decisions().size() * kEmbedding;
        recurrentWeights_ = inputWeights_ + 4 * kHidden * kEmbedding;
        gateBias_ = recurrentWeights_ + 4 * kHidden * kHidden;
        head_ = gateBias_ + 4 * kHidden;
        initialise(head_ + heads, random);
    }

    Genotype sample(std::mt19937_64& random) const override {
        return run([&](const Step& step) { return sampleIndex(step.probabilities, random); }).genotype;
    }

    double logProbability(const Genotype& genotype) const override { return sumLogProbabilities(replay(genotype)); }

    double addGradient(const Genotype& genotype, const Weighting& weightOf, std::vector<double>& gradient) const override {
        const std::vector<Step> steps = replay(genotype);
        const double logProbability = sumLogProbabilities(steps);
        const double weight = weightOf(logProbability);
        if (weight == 0) return logProbability;
        std::vector<double> hiddenGradient(kHidden, 0.0), cellGradient(kHidden, 0.0);
        for (std::size_t index = steps.size(); index-- > 0;) backward(steps[index], weight, hiddenGradient, cellGradient, gradient);
        return logProbability;
    }

private:
    // One decision's forward pass, kept for backpropagation.
    struct Step {
        std::size_t decision = 0, previousToken = 0;
        int choice = 0;
        std::vector<double> input, hiddenBefore, cellBefore;
        std::vector<double> gates; // input, forget, candidate, output (activated), kHidden each
        std::vector<double> cell, cellTanh, hidden, probabilities;
    };
    struct Rollout {
        Genotype genotype;
        std::vector<Step> steps;
    };

    void initialise(std::size_t count, std::mt19937_64& random) {
        std::uniform_real_distribution<double> uniform(-kInitialRange, kInitialRange);
        parameters.resize(count);
        for (double& value : parameters) value = uniform(random);
        // A forget bias of 1 lets the cell carry early choices from the start.
        for (std::size_t unit = 0; unit < kHidden; ++unit) parameters[gateBias_ + kHidden + unit] = 1.0;
    }

    template <class Choose>
    Rollout run(Choose&& choose) const {
        Rollout rollout;
        std::vector<double> hidden(kHidden, 0.0), cell(kHidden, 0.0);
        std::size_t previousToken = 0;
        rollout.genotype = walk(space_, [&](std::size_t decision) {
            Step step = forward(decision, previousToken, hidden, cell);
            step.choice = choose(step);
            hidden = step.hidden;
            cell = step.cell;
            previousToken = tokenOffsets_[decision] + static_cast<std::size_t>(step.choice);
            rollout.steps.push_back(std::move(step));
            return rollout.steps.back().choice;
        });
        return rollout;
    }

    static double sumLogProbabilities(const std::vector<Step>& steps) {
        double sum = 0;
        for (const Step& step : steps) sum += std::log(step.probabilities[static_cast<std::size_t>(step.choice)]);
        return sum;
    }

    std::vector<Step> replay(const Genotype& genotype) const {
        return run([&](const Step& step) { return genotype[step.decision]; }).steps;
    }

    Step forward(std::size_t decision, std::size_t previousToken, const std::vector<double>& hidden, const std::vector<double>& cell) const {
        Step step;
        step.decision = decision;
        step.previousToken = previousToken;
        step.hiddenBefore = hidden;
        step.cellBefore = cell;
        const double* embedding = &parameters[embedding_ + previousToken * kEmbedding];
        const double* position = &parameters[position_ + decision * kEmbedding];
        for (std::size_t unit = 0; unit < kEmbedding; ++unit) step.input.push_back(embedding[unit] + position[unit]);
        step.gates = gatePreactivations(step.input, hidden);
        for (std::size_t unit = 0; unit < kHidden; ++unit) {
            double* gate = &step.gates[unit];
            gate[0] = sigmoid(gate[0]);
            gate[kHidden] = sigmoid(gate[kHidden]);
            gate[2 * kHidden] = std::tanh(gate[2 * kHidden]);
            gate[3 * kHidden] = sigmoid(gate[3 * kHidden]);
            step.cell.push_back(gate[kHidden] * cell[unit] + gate[0] * gate[2 * kHidden]);
            step.cellTanh.push_back(std::tanh(step.cell.back()));
            step.hidden.push_back(gate[3 * kHidden] * step.cellTanh.back());
        }
        step.probabilities = softmax(headLogits(decision, step.hidden));
        return step;
    }

    // The gate weights are stored one input unit at a time (all 4·kHidden gate rows of
    // a unit together): the inner loops then run over independent rows, which the
    // compiler vectorises without reordering any floating-point sum.
    std::vector<double> gatePreactivations(const std::vector<double>& input, const std::vector<double>& hidden) const {
        const auto bias = parameters.begin() + static_cast<long>(gateBias_);
        std::vector<double> result(bias, bias + static_cast<long>(4 * kHidden));
        addProducts(inputWeights_, input, result);
        addProducts(recurrentWeights_, hidden, result);
        return result;
    }

    void addProducts(std::size_t weights, const std::vector<double>& values, std::vector<double>& result) const {
        for (std::size_t column = 0; column < values.size(); ++column) {
            const double* unit = &parameters[weights + column * 4 * kHidden];
            const double value = values[column];
            for (std::size_t row = 0; row < 4 * kHidden; ++row) result[row] += unit[row] * value;
        }
    }

    std::size_t optionCount(std::size_t decision) const { return space_.decisions()[decision].options.size(); }

    std::vector<double> headLogits(std::size_t decision, const std::vector<double>& hidden) const {
        const std::size_t options = optionCount(decision);
        const double* weights = &parameters[head_ + headOffsets_[decision]];
        const double* biases = weights + options * kHidden;
        std::vector<double> logits(options);
        for (std::size_t option = 0; option < options; ++option) {
            double sum = biases[option];
            for (std::size_t unit = 0; unit < kHidden; ++unit) sum += weights[option * kHidden + unit] * hidden[unit];
            logits[option] = sum;
        }
        return logits;
    }

    // Backpropagates weight · log π(choice) of one step; `hiddenGradient` and
    // `cellGradient` carry the gradients from the later steps and leave with this one's
    // gradients on its inputs.
    void backward(const Step& step, double weight, std::vector<double>& hiddenGradient, std::vector<double>& cellGradient,
                  std::vector<double>& gradient) const {
        const std::vector<double> dHidden = headBackward(step, weight, hiddenGradient, gradient);
        std::vector<double> dGates(4 * kHidden);
        for (std::size_t unit = 0; unit < kHidden; ++unit) {
            const double in = step.gates[unit], forget = step.gates[kHidden + unit];
            const double candidate = step.gates[2 * kHidden + unit], out = step.gates[3 * kHidden + unit];
            const double dCell = dHidden[unit] * out * (1.0 - step.cellTanh[unit] * step.cellTanh[unit]) + cellGradient[unit];
            dGates[unit] = dCell * candidate * in * (1.0 - in);
            dGates[kHidden + unit] = dCell * step.cellBefore[unit] * forget * (1.0 - forget);
            dGates[2 * kHidden + unit] = dCell * in * (1.0 - candidate * candidate);
            dGates[3 * kHidden + unit] = dHidden[unit] * step.cellTanh[unit] * out * (1.0 - out);
            cellGradient[unit] = dCell * forget;
        }
        for (std::size_t row = 0; row < dGates.size(); ++row) gradient[gateBias_ + row] += dGates[row];
        const std::vector<double> dInput = weightsBackward(inputWeights_, step.input, dGates, gradient);
        hiddenGradient = weightsBackward(recurrentWeights_, step.hiddenBefore, dGates, gradient);
        for (std::size_t unit = 0; unit < kEmbedding; ++unit) {
            gradient[embedding_ + step.previousToken * kEmbedding + unit] += dInput[unit];
            gradient[position_ + step.decision * kEmbedding + unit] += dInput[unit];
        }
    }

    // Adds the gradient of one gate weight block and returns the gradient on its inputs.
    std::vector<double> weightsBackward(std::size_t weights, const std::vector<double>& values, const std::vector<double>& dGates,
                                        std::vector<double>& gradient) const {
        std::vector<double> dValues(values.size(), 0.0);
        for (std::size_t column = 0; column < values.size(); ++column) {
            const std::size_t unit = weights + column * 4 * kHidden;
            for (std::size_t row = 0; row < 4 * kHidden; ++row) gradient[unit + row] += dGates[row] * values[column];
            for (std::size_t row = 0; row < 4 * kHidden; ++row) dValues[column] += parameters[unit + row] * dGates[row];
        }
        return dValues;
    }

    // The head's share: weight · (onehot − p) on the logits; returns the gradient on the
    // hidden state (the head's plus the one flowing back from later steps).
    std::vector<double> headBackward(const Step& step, double weight, const std::vector<double>& later, std::vector<double>& gradient) const {
        const std::size_t options = optionCount(step.decision);
        const std::size_t weights = head_ + headOffsets_[step.decision];
        std::vector<double> dHidden = later;
        for (std::size_t option = 0; option < options; ++option) {
            const double chosen = static_cast<int>(option) == step.choice ? 1.0 : 0.0;
            const double dLogit = weight * (chosen - step.probabilities[option]);
            gradient[weights + options * kHidden + option] += dLogit;
            for (std::size_t unit = 0; unit < kHidden; ++unit) {
                gradient[weights + option * kHidden + unit] += dLogit * step.hidden[unit];
                dHidden[unit] += parameters[weights + option * kHidden + unit] * dLogit;
            }
        }
        return dHidden;
    }

    const SearchSpace& space_;
    std::vector<std::size_t> tokenOffsets_, headOffsets_;
    std::size_t embedding_ = 0, position_ = 0, inputWeights_ = 0, recurrentWeights_ = 0, gateBias_ = 0, head_ = 0;
};

// ---- optimisation ------------------------------------------------------------------------

// Adam (Kingma & Ba) in ascent form.
struct Adam {
    std::vector<double> first, second;
    std::int64_t steps = 0;

    void ascend(std::vector<double>& parameters, const std::vector<double>& gradient, double rate) {
        constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEpsilon = 1e-8;
        first.resize(parameters.size(), 0.0);
        second.resize(parameters.size(), 0.0);
        ++steps;
        const double correction1 = 1.0 - std::pow(kBeta1, static_cast<double>(steps));
        const double correction2 = 1.0 - std::pow(kBeta2, static_cast<double>(steps));
        for (std::size_t index = 0; index < parameters.size(); ++index) {
            first[index] = kBeta1 * first[index] + (1.0 - kBeta1) * gradient[index];
            second[index] = kBeta2 * second[index] + (1.0 - kBeta2) * gradient[index] * gradient[index];
            parameters[index] += rate * (first[index] / correction1) / (std::sqrt(second[index] / correction2) + kEpsilon);
        }
    }
};

// Welford's running mean and variance of the rewards: fitness may be a percentage or a
// negated MAC count, and the policy step must not depend on which.
struct RunningMoments {
    std::int64_t count = 0;
    double mean = 0, squares = 0;

    void add(double value) {
        ++count;
        const double delta = value - mean;
        mean += delta / static_cast<double>(count);
        squares += delta * (value - mean);
    }
    double normalise(double value) const {
        const double deviation = count > 1 ? std::sqrt(squares / static_cast<double>(count)) : 0.0;
        return deviation > 1e-12 ? (value - mean) / deviation : 0.0;
    }
};

struct Episode {
    std::string key;
    Genotype genotype;
    double reward = 0;
    double oldLogProbability = 0; // under the policy that proposed it (PPO's ratio)
};

Json finiteOrNull(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

// ---- the strategy ------------------------------------------------------------------------

class ReinforceStrategy : public Strategy {
public:
    ReinforceStrategy(const StrategyContext& context, const Json& params)
        : context_(context), episodes_(params.at("episodes").get<std::int64_t>()),
          learningRate_(params.at("learning_rate").get<double>()), baselineDecay_(params.at("baseline_decay").get<double>()),
          proximal_(params.at("algorithm").get<std::string>() == "ppo"), random_(params.at("seed").get<std::uint64_t>()) {
        if (params.at("controller").get<std::string>() == "lstm")
            controller_ = std::make_unique<RecurrentController>(*context.space, random_);
        else
            controller_ = std::make_unique<CategoricalController>(*context.space);
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        if (finished()) return batch;
        while (static_cast<std::int64_t>(batch.size()) < allowed(count)) {
            std::optional<Genotype> next = draw();
            if (!next) {
                exhausted_ = batch.empty() && pending_.empty();
                break;
            }
            // Only PPO's ratio needs the probability under the asking policy.
            pending_[context_.space->key(*next)] = proximal_ ? controller_->logProbability(*next) : 0.0;
            batch.push_back(std::move(*next));
        }
        generation_ = static_cast<int>(adam_.steps);
        return batch;
    }

    void tell(const Candidate& candidate) override {
        std::optional<double> oldLogProbability;
        if (const auto found = pending_.find(candidate.key); found != pending_.end()) {
            oldLogProbability = found->second;
            pending_.erase(found);
        }
        if (!told_.insert(candidate.key).second) return; // told twice: learn once
        const std::optional<double> reward = rewardOf(candidate);
        if (!reward) return; // nothing finite to compare with yet
        moments_.add(*reward);
        const Genotype genotype = context_.space->canonical(candidate.genotype.empty() ? context_.space->parseKey(candidate.key) : candidate.genotype);
        if (proximal_ && !oldLogProbability) oldLogProbability = controller_->logProbability(genotype);
        Episode episode{candidate.key, genotype, *reward, oldLogProbability.value_or(0.0)};
        if (!proximal_) {
            reinforce(episode);
            return;
        }
        batch_.push_back(std::move(episode));
        if (batch_.size() >= kPpoBatch) proximalUpdate();
    }

    bool finished() const override { return exhausted_ || (context_.budget <= 0 && static_cast<std::int64_t>(told_.size()) >= episodes_); }
    std::int64_t plannedEvaluations() const override { return context_.budget > 0 ? context_.budget : episodes_; }
    int generation() const override { return generation_; }

    Json state() const override {
        Json pending = Json::object();
        for (const auto& [key, logProbability] : pending_) pending[key] = logProbability;
        Json batch = Json::array();
        for (const Episode& episode : batch_) batch.push_back({episode.key, episode.reward, episode.oldLogProbability});
        return {{"random", saveRandom(random_)},
                {"parameters", controller_->parameters},
                {"adam_first", adam_.first},
                {"adam_second", adam_.second},
                {"adam_steps", adam_.steps},
                {"baseline", baseline_},
                {"rewards", {{"count", moments_.count}, {"mean", moments_.mean}, {"squares", moments_.squares}}},
                {"worst_reward", finiteOrNull(worstReward_)},
                {"told", told_},
                {"pending", pending},
                {"batch", batch},
                {"exhausted", exhausted_},
                {"generation", generation_}};
    }

    void restore(const Json& state) override {
        loadRandom(random_, state.at("random").get<std::string>());
        std::vector<double> parameters = state.at("parameters").get<std::vector<double>>();
        if (parameters.size() != controller_->parameters.size())
            throw Error("", "state.parameters", "the saved controller has " + std::to_string(parameters.size()) + " weights but this space needs " +
                                                    std::to_string(controller_->parameters.size()) + "; the run was saved for another search space or controller, so start a new run");
        controller_->parameters = std::move(parameters);
        adam_.first = state.at("adam_first").get<std::vector<double>>();
        adam_.second = state.at("adam_second").get<std::vector<double>>();
        adam_.steps = state.at("adam_steps").get<std::int64_t>();
        baseline_ = state.at("baseline").get<double>();
        const Json& rewards = state.at("rewards");
        moments_ = {rewards.at("count").get<std::int64_t>(), rewards.at("mean").get<double>(), rewards.at("squares").get<double>()};
        const Json& worst = state.at("worst_reward");
        worstReward_ = worst.is_number() ? worst.get<double>() : kInfinity;
        told_ = state.at("told").get<std::set<std::string>>();
        pending_.clear();
        for (const auto& [key, logProbability] : state.at("pending").items()) pending_[key] = logProbability.get<double>();
        batch_.clear();
        for (const Json& entry : state.at("batch")) {
            const std::string key = entry.at(0).get<std::string>();
            batch_.push_back({key, context_.space->parseKey(key), entry.at(1).get<double>(), entry.at(2).get<double>()});
        }
        exhausted_ = state.at("exhausted").get<bool>();
        generation_ = state.at("generation").get<int>();
    }

private:
    std::int64_t allowed(int count) const {
        if (context_.budget > 0) return count;
        return std::min<std::int64_t>(count, episodes_ - static_cast<std::int64_t>(told_.size() + pending_.size()));
    }

    bool fits(const Genotype& genotype) const { return !context_.withinBudgets || context_.withinBudgets(genotype); }

    // A policy sample not yet told or in flight that keeps the budgets. A confident
    // controller keeps proposing evaluated architectures, so after a few retries the
    // search steps one or two decisions away from its last sample, then draws uniformly;
    // the first fresh genotype breaking a budget is the last resort.
    std::optional<Genotype> draw() {
        const SearchSpace& space = *context_.space;
        std::optional<Genotype> fallback;
        const auto acceptable = [&](Genotype& genotype) {
            const std::string key = space.key(genotype);
            if (told_.count(key) || pending_.count(key)) return false;
            if (fits(genotype)) return true;
            if (!fallback) fallback = genotype;
            return false;
        };
        Genotype sampled;
        for (int attempt = 0; attempt < kPolicyRetries; ++attempt)
            if (sampled = space.canonical(controller_->sample(random_)); acceptable(sampled)) return sampled;
        for (int attempt = 0; attempt < kSampleRetries; ++attempt)
            if (Genotype near = space.mutate(sampled, 1 + attempt % 2, random_); acceptable(near)) return near;
        for (int attempt = 0; attempt < kSampleRetries; ++attempt)
            if (Genotype uniform = space.sample(random_); acceptable(uniform)) return uniform;
        return fallback;
    }

    // Failed and infeasible candidates earn the worst reward seen so far.
    std::optional<double> rewardOf(const Candidate& candidate) {
        const double fitness = context_.objectives->fitness(candidate);
        if (std::isfinite(fitness)) {
            worstReward_ = std::min(worstReward_, fitness);
            return fitness;
        }
        if (std::isfinite(worstReward_)) return worstReward_;
        return std::nullopt;
    }

    double advantage(double reward) {
        const double normalised = moments_.normalise(reward);
        const double result = normalised - baseline_;
        baseline_ = baselineDecay_ * baseline_ + (1.0 - baselineDecay_) * normalised;
        return result;
    }

    void reinforce(const Episode& episode) {
        const double weight = advantage(episode.reward);
        std::vector<double> gradient(controller_->parameters.size(), 0.0);
        controller_->addGradient(episode.genotype, [weight](double) { return weight; }, gradient);
        adam_.ascend(controller_->parameters, gradient, learningRate_);
    }

    // PPO: a few epochs over the batch on the clipped surrogate; a sample whose ratio
    // already left [1 − ε, 1 + ε] in the advantage's direction contributes no gradient.
    void proximalUpdate() {
        std::vector<double> advantages;
        for (const Episode& episode : batch_) advantages.push_back(advantage(episode.reward));
        const double share = 1.0 / static_cast<double>(batch_.size());
        for (int epoch = 0; epoch < kPpoEpochs; ++epoch) {
            std::vector<double> gradient(controller_->parameters.size(), 0.0);
            for (std::size_t index = 0; index < batch_.size(); ++index) {
                const double gain = advantages[index], old = batch_[index].oldLogProbability;
                controller_->addGradient(batch_[index].genotype, [&](double logProbability) {
                    const double ratio = std::exp(logProbability - old);
                    if ((gain > 0 && ratio > 1.0 + kClip) || (gain < 0 && ratio < 1.0 - kClip)) return 0.0;
                    return share * gain * ratio;
                }, gradient);
            }
            adam_.ascend(controller_->parameters, gradient, learningRate_);
        }
        batch_.clear();
    }

    StrategyContext context_;
    std::int64_t episodes_;
    double learningRate_, baselineDecay_;
    bool proximal_;
    std::mt19937_64 random_;
    std::unique_ptr<Controller> controller_;
    Adam adam_;
    RunningMoments moments_;
    double baseline_ = 0;
    double worstReward_ = kInfinity;
    std::set<std::string> told_;
    std::map<std::string, double> pending_; // key → log π when asked
    std::vector<Episode> batch_;            // PPO: told since the last update
    bool exhausted_ = false;
    int generation_ = 0;
};

} // namespace

std::unique_ptr<Strategy> makeReinforceStrategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<ReinforceStrategy>(context, params);
}

} // namespace edgesmith
