// The search engine end to end on real parts: a project whose estimator is a tabular
// benchmark written to a temp folder, a real SQLite store, the worker pool. Checked:
// budgets (evaluations and hard), no duplicate evaluations, events match the store,
// a cancelled run resumes into exactly the uninterrupted run, failures are recorded.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/engine/runtime.h"
#include "core/engine/search_engine.h"
#include "core/estimate/estimator.h"
#include "core/nn/network.h"
#include "core/project/project.h"
#include "core/search/objectives.h"
#include "core/search/pareto.h"
#include "core/space/space.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>


#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
#include <set>
#include <thread>

using namespace edgesmith;


namespace {

const Json kSpace = Json::parse(R"({
  "name": "engine-test", "backbone": "chain", "classes": 10,
  "input": {"channels": 1, "resolution": 16},
  "stem": [{"op": "conv", "out": 8, "kernel": 3}],
  "stages": [
    {"depth": [1, 2], "stride": 1, "out": [8, 16],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [1, 3, 6]}},
    {"depth": [1, 2], "stride": 2, "out": [16, 32],
     "block": {"op": "mbconv", "kernel": [3, 5], "expansion": [3, 6]}}
  ],
  "head": [{"op": "global_avg_pool"}, {"op": "linear", "out": 10}]
})");

class Fixture {
public:
    explicit Fixture(const Json& hard = Json::array(), const std::string& strategy = "nsga2", bool leaveOutSome = false) {
        const SearchSpace space = SearchSpace::parse(kSpace, "engine-test.json");
        Json table = Json::object();
        std::size_t index = 0;
        for (const Genotype& genotype : space.enumerate(100000)) {
            const Metrics metrics = computeMetrics(space.derive(genotype, false));
            if (leaveOutSome && ++index % 5 == 0) continue; // lookups of these fail
            double accuracy = 80 + 2.0 * std::log10(double(metrics.macs));
            for (std::size_t decision = 0; decision < genotype.size(); ++decision) accuracy += 0.3 * double(genotype[decision] * int(decision % 3));
            table[space.key(genotype)] = {{"acc", accuracy}, {"lat", double(metrics.macs) / 1e6}};
        }
        writeFileAtomically(path("table.json"), table.dump());
        document = Project::starterDocument("engine test");
        document["space"] = {{"inline", kSpace}};
        document["objectives"] = Json::array({{{"metric", "accuracy"}}, {{"metric", "macs"}}});
        document["constraints"] = {{"hard", hard}};
        document["strategy"] = {{"name", strategy}, {"params", {{"seed", 7}, {"population", 8}}}};
        if (strategy != "nsga2") document["strategy"]["params"].erase("population");
        if (strategy == "grid") document["strategy"]["params"] = {{"max_candidates", 100000}};
        document["estimator"] = {{"name", "table"}, {"params", {{"file", "table.json"}, {"metrics", {{"accuracy", "acc"}, {"latency_ms", "lat"}}}}}};
        document["database"] = "runs.db";
        spaceSize = space.size();
    }

    std::string path(const std::string& name) const { return (std::filesystem::path(folder.path().toStdString()) / name).string(); }
    Project project() const { return Project::fromDocument(document, path("engine.edgesmith.json")); }

    QTemporaryDir folder;
    Json document;
    double spaceSize = 0;
};

SearchSettings settings(std::int64_t budget, int workers = 1) {
    SearchSettings result;
    result.budget = budget;
    result.workers = workers;
    return result;
}

std::vector<std::string> keysOf(const std::vector<Candidate>& candidates) {
    std::vector<std::string> keys;
    for (const Candidate& candidate : candidates) keys.push_back(candidate.key);
    return keys;
}

// A project that trains on a small synthetic dataset (3 classes, 28×28) in the test space,
// searched by random sampling: the estimator is the test's to set.
Json trainedProject(const std::string& name) {
    Json document = Project::starterDocument(name);
    document["dataset"] = {{"kind", "synthetic"}, {"classes", 3}, {"samples", 120}, {"validation_fraction", 0.25}};
    Json space = kSpace;
    space["input"]["resolution"] = 28;
    space["classes"] = 3;
    space["head"][1]["out"] = 3;
    document["space"] = {{"inline", space}};
    document["objectives"] = Json::array({{{"metric", "accuracy"}}, {{"metric", "params"}}});
    document["strategy"] = {{"name", "random"}, {"params", {{"seed", 1}}}};
    return document;
}

} // namespace

class TestSearchEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // More free workers than evaluations left: only the budget's worth is asked for.
    void budgetSmallerThanWorkersIsNotExceeded() {
        for (const std::int64_t budget : {1, 5}) {
            Fixture fixture;
            Feedback feedback;
            const RunResult result = startSearch(fixture.project(), settings(budget, 4), feedback);
            QCOMPARE(result.evaluated, budget);
            QCOMPARE(Store::openReadOnly(fixture.path("runs.db")).candidates(result.run).size(), std::size_t(budget));
        }
    }

    void runStoresEveryCandidateOnceAndPublishesEvents() {
        Fixture fixture;
        Feedback feedback;
        std::vector<EngineEvent> events;
        feedback.onEvent = [&](const EngineEvent& event) { events.push_back(event); };
        const RunResult result = startSearch(fixture.project(), settings(40, 3), feedback);
        QVERIFY(result.status == RunStatus::Finished);
        QCOMPARE(result.evaluated, std::int64_t(40));

        const Store store = Store::openReadOnly(fixture.path("runs.db"));
        const auto candidates = store.candidates(result.run);
        QCOMPARE(candidates.size(), std::size_t(40));
        const auto keys = keysOf(candidates);
        QCOMPARE(std::set<std::string>(keys.begin(), keys.end()).size(), keys.size()); // nothing evaluated twice
        for (std::size_t index = 0; index < candidates.size(); ++index) {
            QCOMPARE(candidates[index].number, std::int64_t(index + 1));
            QVERIFY(candidates[index].details.contains("layers"));
            QVERIFY(candidates[index].has("accuracy") && candidates[index].has("macs") && candidates[index].has("params"));
        }
        QVERIFY(store.run(result.run).status == RunStatus::Finished);
        QCOMPARE(store.run(result.run).strategy, std::string("nsga2"));

        QVERIFY(events.front().kind == EngineEventKind::RunStarted);
        QVERIFY(events.back().kind == EngineEventKind::RunFinished);
        std::vector<std::string> announced, lastFront;
        for (const auto& event : events) {
            if (event.kind == EngineEventKind::CandidateEvaluated) announced.push_back(event.candidate.key);
            if (event.kind == EngineEventKind::FrontChanged) lastFront = event.front;
        }
        QCOMPARE(announced, keys);
        // The last announced front is the store's non-dominated set.
        const Objectives objectives = Objectives::fromProject(fixture.document);
        std::vector<Point> points;
        for (const Candidate& candidate : candidates) points.push_back(objectives.minimised(candidate));
        std::set<std::string> expected;
        for (std::size_t index : paretoFront(points)) expected.insert(candidates[index].key);
        QCOMPARE(std::set<std::string>(lastFront.begin(), lastFront.end()), expected);
    }

    void hardBudgetsDiscardBeforeEvaluation() {
        // About half of the space has more than 400k MACs.
        Fixture fixture(Json::array({{{"metric", "macs"}, {"max", 400000}}}), "random");
        fixture.document["strategy"]["params"]["constrained"] = false; // let it propose breakers
        Feedback feedback;
        const RunResult result = startSearch(fixture.project(), settings(30), feedback);
        QCOMPARE(result.evaluated, std::int64_t(30));
        QVERIFY2(result.infeasible > 0, "unconstrained sampling should have proposed breakers");
        const auto candidates = Store::openReadOnly(fixture.path("runs.db")).candidates(result.run);
        int evaluated = 0;
        for (const Candidate& candidate : candidates) {
            if (candidate.status == CandidateStatus::Infeasible) {
                QVERIFY(candidate.metric("macs") > 400000);
                QVERIFY(!candidate.has("accuracy")); // never looked up, never trained
                QVERIFY(candidate.message.find("breaks the budget macs ≤ 400000") != std::string::npos);
            } else {
                QVERIFY(candidate.metric("macs") <= 400000);
                ++evaluated;
            }
        }
        QCOMPARE(evaluated, 30);
    }

    // Cancel after 12 candidates, resume: the run ends exactly as one that never stopped.
    void cancelledRunResumesIntoTheUninterruptedRun() {
        for (const std::string strategy : {"nsga2", "regularized-evolution", "bayesian"}) {
            Fixture whole(Json::array(), strategy), parts(Json::array(), strategy);
            Feedback plain;
            const RunResult reference = startSearch(whole.project(), settings(30), plain);
            Feedback stopping;
            stopping.onEvent = [&](const EngineEvent& event) {
                if (event.kind == EngineEventKind::CandidateEvaluated && event.evaluated == 12) stopping.cancel = true;
            };
            const RunResult first = startSearch(parts.project(), settings(30), stopping);
            QVERIFY(first.status == RunStatus::Cancelled);
            QVERIFY(Store::openReadOnly(parts.path("runs.db")).run(first.run).status == RunStatus::Cancelled);
            Feedback again;
            const RunResult resumed = resumeSearch(parts.path("runs.db"), first.run, {}, again);
            QVERIFY(resumed.status == RunStatus::Finished);
            const auto expected = keysOf(Store::openReadOnly(whole.path("runs.db")).candidates(reference.run));
            const auto actual = keysOf(Store::openReadOnly(parts.path("runs.db")).candidates(first.run));
            QVERIFY2(actual == expected, strategy.c_str());
        }
    }

    void finishedRunsResumeWithALargerBudget() {
        Fixture fixture(Json::array(), "random");
        Feedback feedback;
        const RunResult first = startSearch(fixture.project(), settings(10), feedback);
        SearchSettings more;
        more.budget = 25;
        const RunResult second = resumeSearch(fixture.path("runs.db"), first.run, more, feedback);
        QCOMPARE(second.evaluated, std::int64_t(25));
        const auto keys = keysOf(Store::openReadOnly(fixture.path("runs.db")).candidates(first.run));
        QCOMPARE(keys.size(), std::size_t(25));
        QCOMPARE(std::set<std::string>(keys.begin(), keys.end()).size(), keys.size());
    }

    void failedEvaluationsAreRecordedAndTheRunGoesOn() {
        Fixture fixture(Json::array(), "random", true);
        Feedback feedback;
        const RunResult result = startSearch(fixture.project(), settings(30), feedback);
        QVERIFY(result.status == RunStatus::Finished);
        QVERIFY(result.failed > 0);
        const Store store = Store::openReadOnly(fixture.path("runs.db"));
        int failed = 0;
        for (const Candidate& candidate : store.candidates(result.run)) {
            if (candidate.status != CandidateStatus::Failed) continue;
            ++failed;
            QVERIFY(candidate.message.find("table.json") != std::string::npos);
            QVERIFY(candidate.message.find("not in the table") != std::string::npos);
        }
        QCOMPARE(std::int64_t(failed), result.failed);
        bool warned = false;
        for (const auto& event : store.events(result.run)) warned |= event.level == "warning";
        QVERIFY(warned);
    }

    void gridEndsWhenTheSpaceIsExhausted() {
        Fixture fixture(Json::array(), "grid");
        Feedback feedback;
        const RunResult result = startSearch(fixture.project(), {}, feedback);
        QVERIFY(result.status == RunStatus::Finished);
        QCOMPARE(double(result.evaluated), fixture.spaceSize);
    }

    void timeLimitAndPause() {
        Fixture fixture(Json::array(), "random");
        Feedback feedback;
        SearchSettings limited;
        limited.timeLimitSeconds = 1.0;
        limited.budget = 100000000;
        bool sawPause = false;
        feedback.onEvent = [&](const EngineEvent& event) {
            if (event.kind == EngineEventKind::CandidateEvaluated && event.evaluated == 5) {
                feedback.pause = true;
                std::thread([&] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(300));
                    feedback.pause = false;
                }).detach();
            }
            if (event.kind == EngineEventKind::Log && event.text == "paused") sawPause = true;
        };
        const RunResult result = startSearch(fixture.project(), limited, feedback);
        QVERIFY(sawPause);
        QVERIFY(result.status == RunStatus::Finished);
        QVERIFY2(result.message.find("time limit") != std::string::npos || result.message.find("exhausted") != std::string::npos ||
                     result.message.find("nothing more") != std::string::npos,
                 result.message.c_str());
        QVERIFY(result.seconds < 5);
    }

    void badProjectsFailBeforeARunExists() {
        Fixture fixture;
        fixture.document["estimator"]["params"]["file"] = "missing.json";
        Feedback feedback;
        try {
            startSearch(fixture.project(), settings(5), feedback);
            QFAIL("a missing table was accepted");
        } catch (const Error& error) {
            QVERIFY(std::string(error.what()).find("missing.json") != std::string::npos);
        }
        if (std::filesystem::exists(fixture.path("runs.db"))) QVERIFY(Store::openReadOnly(fixture.path("runs.db")).runs().empty());
    }

    // Proxy training at a smaller resolution: the candidate records which proxy produced
    // its accuracy; its costs stay those of the full-resolution architecture.
    void proxyResolutionIsRecorded() {
        QTemporaryDir folder;
        Json document = trainedProject("proxy");
        const Json space = document["space"]["inline"];
        document["estimator"] = {{"name", "proxy-training"}, {"params", {{"epochs", 1}, {"subset", 1.0}, {"batch_size", 30}, {"resolution", 14}}}};
        document["database"] = "runs.db";
        const Project project = Project::fromDocument(document, folder.path().toStdString() + "/proxy.edgesmith.json");
        Feedback feedback;
        const RunResult result = startSearch(project, settings(2, 1), feedback);
        QVERIFY(result.status == RunStatus::Finished);
        const auto candidates = Store::openReadOnly(folder.path().toStdString() + "/runs.db").candidates(result.run);
        QCOMPARE(candidates.size(), std::size_t(2));
        for (const Candidate& candidate : candidates) {
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            QCOMPARE(candidate.details["proxy"].get<std::string>(), std::string("1 epoch, 14×14 input"));
            QVERIFY(candidate.has("accuracy"));
            const SearchSpace full = SearchSpace::parse(space, "full");
            QCOMPARE(candidate.metric("macs"), double(computeMetrics(full.derive(candidate.genotype)).macs));
        }
    }

    // A few-shot copy cancelled mid-training is dropped; the shared supernet and the copies
    // before it are kept, so the next estimate (in this process or the next) trains only
    // the copies still missing. Every copy trains on the run's shared threads, and the
    // worker's own count comes back after it, cancelled or not.
    void fewShotCopiesResumeAfterACancelledCopy() {
        QTemporaryDir folder;
        Json document = trainedProject("few-shot resume");
        document["estimator"] = {{"name", "supernet"},
                                 {"params", {{"epochs", 1}, {"batch_size", 15}, {"sampling", "fair"}, {"split", "stages[0].out"}, {"split_epochs", 1}}}};
        const std::string file = folder.path().toStdString() + "/resume.edgesmith.json";
        QVERIFY(Project::check(document, file).empty());
        const SearchSpace space = SearchSpace::parse(document["space"]["inline"], "space");
        std::mt19937_64 random(2);
        Candidate candidate;
        candidate.genotype = space.sample(random);
        const Architecture architecture = space.derive(candidate.genotype);

        std::atomic<bool> cancel{false};
        bool cancelAtSecondCopy = true;
        std::vector<std::string> lines;
        EvaluationControl control;
        control.threads = 1;
        control.sharedThreads = 2;
        control.cancel = &cancel;
        control.log = [&](const std::string& line) {
            lines.push_back(line);
            if (cancelAtSecondCopy && line.find("training few-shot copy 2/2") != std::string::npos) cancel = true;
        };
        const auto count = [&](const std::string& text) {
            return std::count_if(lines.begin(), lines.end(), [&](const std::string& line) { return line.find(text) != std::string::npos; });
        };
        const auto kept = [&](const char* pattern) { return QDir(folder.path()).entryList({pattern}).size(); };

        const auto estimator = makeEstimator(document, file);
        QVERIFY_THROWS_EXCEPTION(Cancelled, estimator->estimate(candidate, architecture, control));
        QCOMPARE(runtimeInfo().intraOpThreads, 1);
        QCOMPARE(count("on 2 threads"), 1); // the shared training's line
        QCOMPARE(count("training few-shot copy 1/2"), 1);
        QCOMPARE(kept("resume.edgesmith.supernet-*-split-*-0.pt"), 1);
        QCOMPARE(kept("resume.edgesmith.supernet-*-split-*-1.pt"), 0);

        lines.clear();
        cancel = false;
        cancelAtSecondCopy = false;
        setComputeThreads(3); // whatever ran in between, the estimate leaves the worker's count
        estimator->estimate(candidate, architecture, control);
        QCOMPARE(runtimeInfo().intraOpThreads, 1);
        QCOMPARE(count("training few-shot copy 2/2"), 1);
        QCOMPARE(count("training few-shot copy 1/2") + count("shared parameters"), 0);
        QCOMPARE(kept("resume.edgesmith.supernet-*-split-*-1.pt"), 1);
        QVERIFY(candidate.metrics.count("accuracy"));
        QCOMPARE(candidate.details["supernet"]["split"]["copy"].get<int>(), candidate.genotype.at(space.uniqueDecision("stages[0].out", file, "split")));

        lines.clear();
        const auto next = makeEstimator(document, file);
        next->estimate(candidate, architecture, control);
        QCOMPARE(count("supernet: reusing"), 3);
        QCOMPARE(count("supernet: training"), 0);
    }

    // Distillation into searched candidates: a saved teacher of the same space; its key
    // and weights are checked when the estimator is made.
    void candidatesLearnFromATeacher() {
        QTemporaryDir folder;
        Json document = trainedProject("distil");
        const Json space = document["space"]["inline"];
        const SearchSpace parsed = SearchSpace::parse(space, "space");
        std::mt19937_64 random(4);
        const Genotype teacherGenotype = parsed.sample(random);
        Network teacher(parsed.derive(teacherGenotype), 3);
        teacher.save(folder.path().toStdString() + "/teacher.pt");
        document["estimator"] = {{"name", "proxy-training"},
                                 {"params", {{"epochs", 1}, {"subset", 1.0}, {"batch_size", 30},
                                             {"distillation", {{"teacher", parsed.key(teacherGenotype)}, {"weights", "teacher.pt"}, {"alpha", 0.6}}}}}};
        document["database"] = "runs.db";
        const std::string file = folder.path().toStdString() + "/distil.edgesmith.json";
        QVERIFY(Project::check(document, file).empty());
        Feedback feedback;
        const RunResult result = startSearch(Project::fromDocument(document, file), settings(2, 1), feedback);
        QVERIFY(result.status == RunStatus::Finished);
        for (const Candidate& candidate : Store::openReadOnly(folder.path().toStdString() + "/runs.db").candidates(result.run)) {
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            QVERIFY(candidate.details["proxy"].get<std::string>().find("distilled from " + parsed.key(teacherGenotype)) != std::string::npos);
        }
        document["estimator"]["params"]["distillation"]["teacher"] = "9-9-9";
        try {
            makeEstimator(document, file);
            QFAIL("a bad teacher key was accepted");
        } catch (const Error& error) {
            QVERIFY2(std::string(error.what()).find("estimator.params.distillation.teacher") != std::string::npos, error.what());
        }
        document["estimator"]["params"]["distillation"]["teacher"] = parsed.key(teacherGenotype);
        document["estimator"]["params"]["distillation"]["weights"] = "absent.pt";
        QVERIFY_THROWS_EXCEPTION(IoError, makeEstimator(document, file));
    }

    // Joint architecture and bitwidth search: a candidate whose space chose bitwidths is
    // trained in float, quantized post-training at those bitwidths and scored quantized;
    // its storage follows the bits.
    void candidatesWithBitwidthsAreScoredQuantized() {
        QTemporaryDir folder;
        Json document = trainedProject("joint");
        document["space"]["inline"]["stages"][1]["block"]["weight_bits"] = Json::array({2, 32});
        document["estimator"] = {{"name", "proxy-training"}, {"params", {{"epochs", 1}, {"subset", 1.0}, {"batch_size", 30}}}};
        document["strategy"] = {{"name", "grid"}, {"params", Json::object()}};
        document["database"] = "runs.db";
        const std::string file = folder.path().toStdString() + "/joint.edgesmith.json";
        QVERIFY(Project::check(document, file).empty());
        const SearchSpace space = SearchSpace::parse(document["space"]["inline"], "space");
        QCOMPARE(space.decisions().back().options.size(), std::size_t(2));
        Feedback feedback;
        const RunResult result = startSearch(Project::fromDocument(document, file), settings(6, 1), feedback);
        QVERIFY(result.status == RunStatus::Finished);
        int quantized = 0, floating = 0;
        for (const Candidate& candidate : Store::openReadOnly(folder.path().toStdString() + "/runs.db").candidates(result.run)) {
            QVERIFY2(candidate.status == CandidateStatus::Evaluated, candidate.message.c_str());
            const Architecture architecture = space.derive(candidate.genotype);
            QCOMPARE(candidate.metric("storage_bytes"), double(computeMetrics(architecture).storageBytes));
            if (hasQuantizedLayers(architecture)) {
                ++quantized;
                QVERIFY(candidate.details.contains("quantization"));
                QVERIFY(candidate.details["quantization"]["float_accuracy"].is_number());
            } else {
                ++floating;
                QVERIFY(!candidate.details.contains("quantization"));
            }
        }
        QVERIFY(quantized > 0 && floating > 0);
    }

    void badTablesNameTheFileAndTheEntry() {
        Fixture fixture;
        Feedback feedback;
        const auto failure = [&](const std::string& text) -> std::string {
            writeFileAtomically(fixture.path("bad.json"), text);
            fixture.document["estimator"]["params"]["file"] = "bad.json";
            try {
                startSearch(fixture.project(), settings(3), feedback);
            } catch (const Error& error) {
                return error.what();
            }
            return "accepted";
        };
        QVERIFY(failure("{not json").find("bad.json: not JSON") != std::string::npos);
        QVERIFY(failure("[]").find("a non-empty JSON object") != std::string::npos);
        QVERIFY(failure(R"({"0-0": 3})").find("bad.json: 0-0: expected an object of numeric metrics") != std::string::npos);
    }

    // Tables may spell keys without the dashes, as published benchmarks often do.
    void compactTableKeysAreFound() {
        Fixture fixture(Json::array(), "random");
        Json table = Json::parse(readFile(fixture.path("table.json")));
        Json compact = Json::object();
        for (const auto& [key, value] : table.items()) {
            std::string digits;
            for (char character : key)
                if (character != '-') digits += character;
            compact[digits] = value;
        }
        writeFileAtomically(fixture.path("table.json"), compact.dump());
        Feedback feedback;
        const RunResult result = startSearch(fixture.project(), settings(10), feedback);
        QCOMPARE(result.failed, std::int64_t(0));
        QCOMPARE(result.evaluated, std::int64_t(10));
    }
};

QTEST_GUILESS_MAIN(TestSearchEngine)
#include "test_search_engine.moc"
