// Random search (survey III-B): uniform over distinct architectures; "constrained"
// resamples until the cheap hard budgets hold, so no evaluation is spent on a
// candidate that would be discarded anyway.
#include "core/search/strategies.h"

#include <limits>
#include <set>

namespace edgesmith {
namespace {

class RandomStrategy : public Strategy {
public:
    RandomStrategy(const StrategyContext& context, const Json& params)
        : context_(context), samples_(params.at("samples").get<std::int64_t>()), constrained_(params.at("constrained").get<bool>()),
          maxDraws_(params.at("max_resamples").get<int>()), random_(params.at("seed").get<std::uint64_t>()) {
        // With an engine budget, repeats answered from the cache must not use up samples.
        if (context.budget > 0) samples_ = std::numeric_limits<std::int64_t>::max();
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        while (static_cast<int>(batch.size()) < count && proposed_ < samples_) {
            Genotype genotype = draw();
            // A few redraws avoid repeats; tiny spaces may still repeat and the engine
            // answers those from its cache.
            for (int attempt = 0; attempt < 20 && seen_.count(context_.space->key(genotype)); ++attempt) genotype = draw();
            seen_.insert(context_.space->key(genotype));
            batch.push_back(genotype);
            ++proposed_;
        }
        return batch;
    }

    void tell(const Candidate&) override { ++told_; }
    bool finished() const override { return proposed_ >= samples_ && told_ >= proposed_; }
    std::int64_t plannedEvaluations() const override { return context_.budget > 0 ? context_.budget : samples_; }

    Json state() const override {
        return {{"random", saveRandom(random_)}, {"proposed", proposed_}, {"told", told_}, {"seen", Json(seen_)}};
    }
    void restore(const Json& state) override {
        loadRandom(random_, state.at("random").get<std::string>());
        proposed_ = state.at("proposed").get<std::int64_t>();
        told_ = state.at("told").get<std::int64_t>();
        seen_ = state.at("seen").get<std::set<std::string>>();
    }

private:
    Genotype draw() { return constrained_ ? sampleWithinBudgets(context_, random_, maxDraws_) : context_.space->sample(random_); }

    StrategyContext context_;
    std::int64_t samples_;
    bool constrained_;
    int maxDraws_;
    std::mt19937_64 random_;
    std::int64_t proposed_ = 0, told_ = 0;
    std::set<std::string> seen_;
};

} // namespace

std::unique_ptr<Strategy> makeRandomStrategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<RandomStrategy>(context, params);
}

} // namespace edgesmith
