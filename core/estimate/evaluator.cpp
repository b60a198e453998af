#include "core/estimate/evaluator.h"

#include "core/common/error.h"
#include "core/hw/latency.h"
#include "core/nn/network.h"
#include "core/project/project.h"

#include <chrono>

namespace edgesmith {

struct Evaluator::Impl {
    SearchSpace space;
    Objectives objectives;
    std::unique_ptr<Estimator> estimator;
    std::string estimatorName;
    Json hardware;
    bool measureLatency = false;

    Impl(const Json& project, const std::filesystem::path& file)
        : space(SearchSpace::parse(projectSpaceDocument(project, file), file.string())), objectives(Objectives::fromProject(project)),
          estimator(makeEstimator(project, file)), estimatorName(project.at("estimator").at("name").get<std::string>()),
          hardware(project.value("hardware", Json::object())) {
        const std::string model = hardware.value("latency_model", "measured");
        measureLatency = objectives.uses("latency_ms");
        if (measureLatency && model != "measured")
            throw Error(file.string(), "hardware.latency_model",
                        "the \"" + model + "\" latency model is not available yet; use \"measured\"");
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

bool Evaluator::withinBudgets(const Genotype& genotype) const { return !impl_->objectives.violation(analyticMetrics(genotype)); }

Candidate Evaluator::evaluate(const Genotype& genotype, const EvaluationControl& control) const {
    const auto start = std::chrono::steady_clock::now();
    Candidate candidate;
    candidate.genotype = impl_->space.canonical(genotype);
    candidate.key = impl_->space.key(candidate.genotype);
    try {
        const Architecture architecture = impl_->space.derive(candidate.genotype, true);
        candidate.metrics = metricsOf(architecture);
        candidate.details["layers"] = layerTable(architecture);
        if (const auto broken = impl_->objectives.violation(candidate.metrics)) {
            candidate.status = CandidateStatus::Infeasible;
            candidate.message = *broken;
        } else {
            impl_->estimator->estimate(candidate, architecture, control);
            if (impl_->measureLatency && !candidate.has("latency_ms")) {
                LatencyOptions options;
                options.runs = impl_->hardware.value("latency_runs", 50);
                options.threads = impl_->hardware.value("threads", 1);
                options.warmup = std::max(3, options.runs / 5);
                Network network(architecture);
                const MeasurementPass pass(control.gate);
                const LatencyStats stats = measureLatency(network, options);
                candidate.metrics["latency_ms"] = stats.medianMs;
                candidate.details["latency"] = stats.toJson();
            }
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
