// Grid search: every distinct architecture in grid order (last decision fastest). The
// space is walked with a mixed-radix counter rather than enumerated up front, so grids
// over spaces of billions stay cheap until max_candidates stops them.
#include "core/search/strategies.h"

namespace edgesmith {
namespace {

class GridStrategy : public Strategy {
public:
    GridStrategy(const StrategyContext& context, const Json& params)
        : space_(*context.space), limit_(params.at("max_candidates").get<std::int64_t>()),
          counter_(space_.decisions().size(), 0) {
        if (context.budget > 0) limit_ = context.budget;
    }

    std::vector<Genotype> ask(int count) override {
        std::vector<Genotype> batch;
        while (static_cast<int>(batch.size()) < count && !exhausted_ && proposed_ < limit_) {
            batch.push_back(counter_);
            ++proposed_;
            advance();
        }
        return batch;
    }

    void tell(const Candidate&) override { ++told_; }
    bool finished() const override { return (exhausted_ || proposed_ >= limit_) && told_ >= proposed_; }

    Json state() const override { return {{"counter", counter_}, {"proposed", proposed_}, {"told", told_}, {"exhausted", exhausted_}}; }
    void restore(const Json& state) override {
        counter_ = state.at("counter").get<Genotype>();
        proposed_ = state.at("proposed").get<std::int64_t>();
        told_ = state.at("told").get<std::int64_t>();
        exhausted_ = state.at("exhausted").get<bool>();
    }
    std::int64_t plannedEvaluations() const override {
        return static_cast<std::int64_t>(std::min<double>(double(limit_), space_.size()));
    }

private:
    // Next counter value whose inactive decisions are all 0, i.e. the next distinct
    // architecture; genotypes differing only in dropped blocks are skipped.
    void advance() {
        do {
            std::size_t position = counter_.size();
            while (position > 0) {
                --position;
                if (++counter_[position] < static_cast<int>(space_.decisions()[position].options.size())) break;
                counter_[position] = 0;
                if (position == 0) {
                    exhausted_ = true;
                    return;
                }
            }
            if (counter_.empty()) {
                exhausted_ = true;
                return;
            }
        } while (space_.canonical(counter_) != counter_);
    }

    const SearchSpace& space_;
    std::int64_t limit_;
    Genotype counter_;
    std::int64_t proposed_ = 0, told_ = 0;
    bool exhausted_ = false;
};

} // namespace

std::unique_ptr<Strategy> makeGridStrategy(const StrategyContext& context, const Json& params) {
    return std::make_unique<GridStrategy>(context, params);
}

} // namespace edgesmith
