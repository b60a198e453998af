#include "core/estimate/evaluator.h"

#include "core/common/error.h"
#include "core/hw/hardware_model.h"
#include "core/nn/network.h"
#include "core/project/project.h"

#include <chrono>

namespace edgesmith {

struct Evaluator::Impl {
    SearchSpace space;
    Objectives objectives;
    std::unique_ptr<Estimator> estimator;
    std::string estimatorName;
    HardwareModel hardware;
    bool estimateLatency = false;

    Impl(const Json& project, const std::filesystem::path& file)
        : space(SearchSpace::parse(projectSpaceDocument(project, file), file.string())), objectives(Objectives::fromProject(project)),
          estimator(makeEstimator(project, file)), estimatorName(project.at("estimator").at("name").get<std::string>()),
          hardware(project, file, space, latencyUsed(objectives)) {
        // A model's latency is cheap once built, and the simulator's verdicts are worth
        // keeping even when no objective asks for latency.
        estimateLatency = latencyUsed(objectives) || hardware.model() == "simulator";
    }

    static bool latencyUsed(const Objectives& objectives) {
        return objectives.uses("latency_ms") || objectives.uses("energy_mj") || objectives.uses("measured_latency_ms");
    }
};

Evaluator::Evaluator(const Json& project, const std::filesystem::path& projectFile) : impl_(std::make_unique<Impl>(project, projectFile)) {}
Evaluator::~Evaluator() = default;

const SearchSpace& Evaluator::space() const { return impl_->space; }
const Objectives& Evaluator::objectives() const { return impl_->objectives; }
const Estimator& Evaluator::estimator() const { return *impl_->estimator; }
const std::string& Evaluator::estimatorName() const { return impl_->estimatorName; }

namespace {

std::map<std::string, double> metricsOf(const Architecture& architecture) {
    const Metrics metrics = computeMetrics(architecture);
    return {{"macs", double(metrics.macs)},
            {"flops", double(metrics.flops)},
            {"params", double(metrics.params)},
            {"peak_activation_bytes", double(metrics.peakActivationBytes)},
            {"storage_bytes", double(metrics.storageBytes)},
            {"bitops", metrics.bitops}};
}

} // namespace

std::map<std::string, double> Evaluator::analyticMetrics(const Genotype& genotype) const {
    return metricsOf(impl_->space.derive(genotype, false));
}

bool Evaluator::withinBudgets(const Genotype& genotype) const {
    const auto metrics = analyticMetrics(genotype);
    return !impl_->objectives.violation(metrics) && !impl_->hardware.fitViolation(metrics);
}

const HardwareModel& Evaluator::hardware() const { return impl_->hardware; }

void Evaluator::prepare(const EvaluationControl& control) const {
    impl_->estimator->prepare(control);
    if (impl_->estimateLatency) impl_->hardware.prepare(control.gate, control.cancel, control.log);
}

Candidate Evaluator::evaluate(const Genotype& genotype, const EvaluationControl& control) const {
    const auto start = std::chrono::steady_clock::now();
    Candidate candidate;
    candidate.genotype = impl_->space.canonical(genotype);
    candidate.key = impl_->space.key(candidate.genotype);
    try {
        const Architecture architecture = impl_->space.derive(candidate.genotype, true);
        candidate.metrics = metricsOf(architecture);
        candidate.details["layers"] = layerTable(architecture);
        std::optional<std::string> broken = impl_->objectives.violation(candidate.metrics);
        if (!broken) broken = impl_->hardware.fitViolation(candidate.metrics);
        if (broken) {
            candidate.status = CandidateStatus::Infeasible;
            candidate.message = *broken;
        } else {
            impl_->estimator->estimate(candidate, architecture, control);
            if (impl_->estimateLatency && !candidate.has("latency_ms"))
                impl_->hardware.estimate(candidate, architecture, control.gate, control.cancel, control.log);
            // Costs from a table may break budgets the analytic metrics kept.
            if (const auto broken = impl_->objectives.violation(candidate.metrics)) {
                candidate.status = CandidateStatus::Infeasible;
                candidate.message = *broken;
            }
        }
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& error) {
        candidate.status = CandidateStatus::Failed;
        candidate.message = (error.file().empty() ? "" : error.file() + ": ") + (error.path().empty() ? "" : error.path() + ": ") + error.message();
    } catch (const std::exception& error) {
        candidate.status = CandidateStatus::Failed;
        candidate.message = error.what();
    }
    candidate.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return candidate;
}

} // namespace edgesmith
