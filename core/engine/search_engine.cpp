#include "core/engine/search_engine.h"

#include "core/common/error.h"
#include "core/common/text.h"
#include "core/engine/executor.h"
#include "core/estimate/evaluator.h"
#include "core/project/project.h"
#include "core/search/pareto.h"
#include "core/search/strategy.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <mutex>

namespace edgesmith {

Json SearchSettings::toJson() const {
    Json json = {{"strategy", strategy}, {"budget", budget}, {"time_limit_seconds", timeLimitSeconds}, {"workers", workers}};
    if (seed) json["seed"] = *seed;
    if (!executor.empty()) json["executor"] = executor;
    return json;
}

SearchSettings SearchSettings::fromJson(const Json& json) {
    SearchSettings settings;
    settings.strategy = json.value("strategy", "");
    if (json.contains("seed")) settings.seed = json.at("seed").get<std::uint64_t>();
    settings.budget = json.value("budget", std::int64_t(0));
    settings.timeLimitSeconds = json.value("time_limit_seconds", 0.0);
    settings.workers = json.value("workers", 0);
    settings.executor = json.value("executor", "");
    return settings;
}

namespace {

using Clock = std::chrono::steady_clock;

class SearchRun {
public:
    SearchRun(Store& store, std::int64_t run, const Json& project, const std::filesystem::path& projectFile, SearchSettings settings,
              Feedback& feedback)
        : store_(store), run_(run), settings_(std::move(settings)), feedback_(feedback), project_(project), projectFile_(projectFile),
          evaluator_(project, projectFile) {
        const Json& section = project.at("strategy");
        const std::string name = settings_.strategy.empty() ? section.at("name").get<std::string>() : settings_.strategy;
        Json params = settings_.strategy.empty() || settings_.strategy == section.at("name").get<std::string>() ? section.value("params", Json::object()) : Json::object();
        if (settings_.seed) params["seed"] = *settings_.seed;
        context_.space = &evaluator_.space();
        context_.objectives = &evaluator_.objectives();
        context_.withinBudgets = [this](const Genotype& genotype) { return evaluator_.withinBudgets(genotype); };
        context_.budget = settings_.budget;
        strategy_ = makeStrategy(name, context_, params);
    }

    void attach(std::int64_t run) { run_ = run; }

    RunResult execute(bool resuming) {
        if (resuming) restore();
        try {
            ExecutorContext context;
            context.evaluator = &evaluator_;
            context.project = &project_;
            context.projectFile = projectFile_;
            context.workers = settings_.workers > 0 ? settings_.workers : project_.value("execution", Json::object()).value("workers", 0);
            context.cancel = &feedback_.cancel;
            context.log = [this](const std::string& line) { logFromWorker(line); };
            context.taskProgress = [this](const std::string& task, double fraction, double eta) { taskFromWorker(task, fraction, eta); };
            const std::unique_ptr<Executor> executor = makeExecutor(executorName(), context);
            publish(event(EngineEventKind::RunStarted));
            publishLog(std::string(resuming ? "resumed" : "started") + ": " + executor->describe() + ", estimator " + evaluator_.estimatorName());
            store_.setStatus(run_, RunStatus::Running);
            loop(*executor);
            publishWorkerLines(); // what the last evaluations said after the loop's last look
        } catch (const Error& error) {
            return finish(RunStatus::Failed, (error.path().empty() ? "" : error.path() + ": ") + error.message());
        } catch (const std::exception& error) {
            return finish(RunStatus::Failed, error.what());
        }
        return finish(stopStatus_, stopMessage_);
    }

private:
    std::string executorName() const {
        if (!settings_.executor.empty()) return settings_.executor;
        return project_.value("execution", Json::object()).value("executor", "local");
    }

    void restore() {
        const Json state = store_.runState(run_);
        for (Candidate& candidate : store_.candidates(run_)) {
            count(candidate);
            front(candidate);
            number_ = std::max(number_, candidate.number);
            cache_[candidate.key] = std::move(candidate);
        }
        if (state.is_null()) return;
        strategy_->restore(state.at("strategy"));
        for (const Json& job : state.value("in_flight", Json::array())) {
            EvaluationJob pending = EvaluationJob::fromJson(job);
            if (!cache_.count(pending.key)) resubmit_.push_back(pending);
        }
    }

    void loop(Executor& pool) {
        const auto start = Clock::now();
        start_ = start;
        bool paused = false;
        while (true) {
            if (feedback_.cancel) {
                stop(RunStatus::Cancelled, "cancelled");
                pool.cancelRunning();
            } else if (settings_.timeLimitSeconds > 0 && elapsed() >= settings_.timeLimitSeconds && !stopping_) {
                stop(RunStatus::Finished, "time limit of " + formatNumber(settings_.timeLimitSeconds) + " s reached");
                pool.cancelRunning();
            }
            if (feedback_.pause != paused) {
                paused = feedback_.pause;
                store_.setStatus(run_, paused ? RunStatus::Paused : RunStatus::Running);
                publishLog(paused ? "paused" : "resumed");
            }
            if (!stopping_ && !paused) fill(pool);
            if (inFlight_.empty()) {
                if (stopping_) return;
                if (!paused && (strategy_->finished() || idle_)) {
                    if (!stopping_) stop(RunStatus::Finished, strategy_->finished() ? "the strategy finished" : "the strategy proposes nothing more");
                    return;
                }
            }
            auto outcome = pool.next(std::chrono::milliseconds(inFlight_.empty() ? 20 : 200));
            publishWorkerLines(); // an evaluation's own lines come before its result
            if (outcome) receive(*outcome);
        }
    }

    // Hands work to free workers: re-submitted jobs of a resumed run first, then asks.
    void fill(Executor& pool) {
        const int workers = pool.slots();
        idle_ = false;
        int consecutiveHits = 0;
        while (!stopping_ && static_cast<int>(inFlight_.size()) < workers) {
            if (settings_.budget > 0 && evaluated_ + static_cast<std::int64_t>(inFlight_.size()) >= settings_.budget) {
                if (inFlight_.empty()) stop(RunStatus::Finished, "budget of " + std::to_string(settings_.budget) + " evaluations reached");
                return;
            }
            if (!resubmit_.empty()) {
                EvaluationJob job = resubmit_.front();
                resubmit_.pop_front();
                dispatch(pool, job);
                continue;
            }
            // Never more than the budget leaves: two free workers and one evaluation to go ask one.
            std::int64_t wanted = workers - static_cast<int>(inFlight_.size());
            if (settings_.budget > 0) wanted = std::min(wanted, settings_.budget - evaluated_ - static_cast<std::int64_t>(inFlight_.size()));
            const auto asked = strategy_->ask(static_cast<int>(wanted));
            if (asked.empty()) {
                idle_ = inFlight_.empty();
                return;
            }
            for (const Genotype& raw : asked) {
                EvaluationJob job{evaluator_.space().canonical(raw), "", strategy_->generation()};
                job.key = evaluator_.space().key(job.genotype);
                if (const auto cached = cache_.find(job.key); cached != cache_.end()) {
                    // Already evaluated in this run: the strategy learns the stored result.
                    strategy_->tell(cached->second);
                    if (++consecutiveHits > 10000) {
                        stop(RunStatus::Finished, "the strategy keeps proposing evaluated architectures; the space looks exhausted");
                        return;
                    }
                    continue;
                }
                consecutiveHits = 0;
                dispatch(pool, job);
            }
        }
    }

    void dispatch(Executor& pool, const EvaluationJob& job) {
        if (inFlight_.count(job.key)) {
            ++inFlight_[job.key].extraTells;
            return;
        }
        inFlight_[job.key] = {job, 0};
        pool.submit(job);
    }

    void receive(EvaluationOutcome& outcome) {
        const auto entry = inFlight_.find(outcome.job.key);
        const int extraTells = entry == inFlight_.end() ? 0 : entry->second.extraTells;
        if (!outcome.candidate) { // cancelled: stays in the saved in-flight list for a resume
            if (entry != inFlight_.end()) {
                cancelled_.push_back(entry->second.job);
                inFlight_.erase(entry);
            }
            return;
        }
        if (entry != inFlight_.end()) inFlight_.erase(entry);
        Candidate& candidate = *outcome.candidate;
        candidate.number = ++number_;
        candidate.generation = outcome.job.generation;
        for (int tell = 0; tell <= extraTells; ++tell) strategy_->tell(candidate);
        Json state = {{"strategy", strategy_->state()}, {"in_flight", inFlightJson()}};
        store_.addCandidate(run_, candidate, state);
        if (candidate.status == CandidateStatus::Failed) store_.addEvent(run_, "warning", candidate.key + ": " + candidate.message);
        count(candidate);
        cache_[candidate.key] = candidate;
        EngineEvent evaluated = event(EngineEventKind::CandidateEvaluated);
        evaluated.candidate = candidate;
        publish(evaluated);
        if (front(candidate)) {
            EngineEvent changed = event(EngineEventKind::FrontChanged);
            for (const auto& member : front_) changed.front.push_back(member.key);
            publish(changed);
        }
        publish(event(EngineEventKind::Progress));
        if (settings_.budget > 0 && evaluated_ >= settings_.budget && inFlight_.empty())
            stop(RunStatus::Finished, "budget of " + std::to_string(settings_.budget) + " evaluations reached");
        if (infeasible_ > 100 * std::max<std::int64_t>(1000, settings_.budget) && !stopping_)
            stop(RunStatus::Finished, "stopped after " + std::to_string(infeasible_) + " candidates broke the hard budgets; loosen them or sample constrained");
    }

    Json inFlightJson() const {
        Json jobs = Json::array();
        const auto add = [&](const EvaluationJob& job) { jobs.push_back(job.toJson()); };
        for (const auto& [key, entry] : inFlight_) add(entry.job);
        for (const EvaluationJob& job : cancelled_) add(job);
        for (const EvaluationJob& job : resubmit_) add(job);
        return jobs;
    }

    void count(const Candidate& candidate) {
        if (candidate.status == CandidateStatus::Infeasible) ++infeasible_;
        else ++evaluated_;
        if (candidate.status == CandidateStatus::Failed) ++failed_;
    }

    // Whether `candidate` joins the non-dominated set (and so changes it).
    bool front(const Candidate& candidate) {
        if (candidate.status != CandidateStatus::Evaluated) return false;
        const Point point = evaluator_.objectives().minimised(candidate);
        for (const auto& member : front_)
            if (dominates(member.point, point) || member.point == point) return false;
        std::erase_if(front_, [&](const FrontMember& member) { return dominates(point, member.point); });
        front_.push_back({candidate.key, point});
        return true;
    }

    void stop(RunStatus status, const std::string& message) {
        if (stopping_) return;
        stopping_ = true;
        stopStatus_ = status;
        stopMessage_ = message;
    }

    RunResult finish(RunStatus status, const std::string& message) {
        store_.setStatus(run_, status, message);
        store_.addEvent(run_, status == RunStatus::Failed ? "error" : "info", "run " + toString(status) + ": " + message);
        EngineEvent finished = event(EngineEventKind::RunFinished);
        finished.status = status;
        finished.text = message;
        publish(finished);
        return {run_, status, message, evaluated_, infeasible_, failed_, elapsed()};
    }

    double elapsed() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

    EngineEvent event(EngineEventKind kind) {
        EngineEvent event;
        event.kind = kind;
        event.run = run_;
        event.evaluated = evaluated_;
        event.infeasible = infeasible_;
        event.planned = settings_.budget > 0 ? settings_.budget : strategy_->plannedEvaluations();
        event.elapsedSeconds = elapsed();
        const std::int64_t fresh = evaluated_ - evaluatedAtStart_;
        if (event.planned > 0 && fresh > 0)
            event.etaSeconds = std::max(0.0, event.elapsedSeconds / double(fresh) * double(event.planned - evaluated_));
        if (settings_.timeLimitSeconds > 0)
            event.etaSeconds = event.etaSeconds < 0 ? settings_.timeLimitSeconds - event.elapsedSeconds
                                                    : std::min(event.etaSeconds, settings_.timeLimitSeconds - event.elapsedSeconds);
        return event;
    }

    void publish(const EngineEvent& event) {
        if (event.kind == EngineEventKind::RunStarted) evaluatedAtStart_ = evaluated_;
        if (feedback_.onEvent) feedback_.onEvent(event);
    }

    void publishLog(const std::string& text) {
        store_.addEvent(run_, "info", text);
        EngineEvent line = event(EngineEventKind::Log);
        line.text = text;
        publish(line);
    }

    // Worker lines go to the watchers only (the store keeps run-level events), and on
    // the engine's thread, as every event does.
    void logFromWorker(const std::string& text) {
        std::lock_guard lock(logMutex_);
        workerLines_.push_back(text);
    }
    // Only the latest progress of a task matters; the engine's thread publishes it.
    void taskFromWorker(const std::string& task, double fraction, double eta) {
        std::lock_guard lock(logMutex_);
        EngineEvent update; // not event(): that reads the engine's counters, owned by its thread
        update.kind = EngineEventKind::TaskProgress;
        update.run = run_;
        update.text = task;
        update.fraction = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
        update.etaSeconds = eta;
        pendingTask_ = std::move(update);
    }
    void publishWorkerLines() {
        std::vector<std::string> lines;
        std::optional<EngineEvent> task;
        {
            std::lock_guard lock(logMutex_);
            lines.swap(workerLines_);
            task.swap(pendingTask_);
        }
        if (task) publish(*task);
        for (const std::string& text : lines) {
            EngineEvent line = event(EngineEventKind::Log);
            line.text = text;
            publish(line);
        }
    }

    struct InFlight {
        EvaluationJob job;
        int extraTells = 0;
    };
    struct FrontMember {
        std::string key;
        Point point;
    };

    Store& store_;
    std::int64_t run_;
    SearchSettings settings_;
    Feedback& feedback_;
    Json project_;
    std::filesystem::path projectFile_;
    Evaluator evaluator_;
    StrategyContext context_;
    std::unique_ptr<Strategy> strategy_;
    std::map<std::string, Candidate> cache_;
    std::map<std::string, InFlight> inFlight_;
    std::deque<EvaluationJob> resubmit_;
    std::vector<EvaluationJob> cancelled_;
    std::vector<FrontMember> front_;
    std::int64_t number_ = 0, evaluated_ = 0, infeasible_ = 0, failed_ = 0, evaluatedAtStart_ = 0;
    bool stopping_ = false, idle_ = false;
    RunStatus stopStatus_ = RunStatus::Finished;
    std::string stopMessage_;
    Clock::time_point start_ = Clock::now();
    std::mutex logMutex_;
    std::vector<std::string> workerLines_;
    std::optional<EngineEvent> pendingTask_;
};

} // namespace

namespace {
// An executor that cannot be made here is refused before any run is created or marked.
void requireExecutor(const std::string& name) {
    const auto executors = registeredExecutors();
    if (std::find(executors.begin(), executors.end(), name) == executors.end()) makeExecutor(name, {}); // throws the reason
}
} // namespace

RunResult startSearch(const Project& project, const SearchSettings& settings, Feedback& feedback, const std::filesystem::path& database) {
    Store store = Store::open(database.empty() ? project.databasePath() : database);
    Json stored = settings.toJson();
    stored["project_file"] = std::filesystem::absolute(project.file()).string();
    const Json& document = project.document();
    const std::string strategy = settings.strategy.empty() ? document.at("strategy").at("name").get<std::string>() : settings.strategy;
    const std::uint64_t seed = settings.seed ? *settings.seed : document.at("strategy").value("params", Json::object()).value("seed", std::uint64_t(0));
    // Everything that can reject the project is built before a run row exists.
    requireExecutor(settings.executor.empty() ? document.value("execution", Json::object()).value("executor", "local") : settings.executor);
    SearchRun search(store, 0, document, project.file(), settings, feedback);
    search.attach(store.createRun(document, strategy, document.at("estimator").at("name").get<std::string>(), seed, stored));
    return search.execute(false);
}

RunResult resumeSearch(const std::filesystem::path& database, std::int64_t run, const SearchSettings& overrides, Feedback& feedback) {
    Store store = Store::open(database);
    const RunInfo info = store.run(run);
    if (info.settings.is_object() && info.settings.contains("compression"))
        throw Error(database.string(), "run " + std::to_string(run),
                    "is a compression run; compression runs are not resumed (their committed candidates stay), start the compression again");
    SearchSettings settings = SearchSettings::fromJson(info.settings);
    if (overrides.budget > 0) settings.budget = overrides.budget;
    if (overrides.timeLimitSeconds > 0) settings.timeLimitSeconds = overrides.timeLimitSeconds;
    if (overrides.workers > 0) settings.workers = overrides.workers;
    if (!overrides.executor.empty()) settings.executor = overrides.executor;
    requireExecutor(settings.executor.empty() ? info.project.value("execution", Json::object()).value("executor", "local") : settings.executor);
    Json stored = info.settings;
    const Json updated = settings.toJson();
    for (const auto& [key, value] : updated.items()) stored[key] = value;
    store.setSettings(run, stored);
    const std::filesystem::path projectFile = info.settings.value("project_file", (database.parent_path() / "resumed.edgesmith.json").string());
    SearchRun search(store, run, info.project, projectFile, settings, feedback);
    return search.execute(true);
}

} // namespace edgesmith
