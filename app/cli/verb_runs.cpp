#include "app/cli/command_line.h"

#include "core/common/text.h"
#include "core/project/project.h"
#include "core/search/objectives.h"
#include "core/search/run_summary.h"
#include "core/store/store.h"

#include <cmath>
#include <iomanip>

namespace edgesmith::cli {
namespace {

// The database named by --db, or the one of the project file given as a positional.
std::filesystem::path databaseOf(const Arguments& arguments, const std::vector<std::string>& projects) {
    if (const auto db = arguments.value("db")) return *db;
    if (projects.size() == 1) return Project::load(projects.front()).databasePath();
    throw UsageError("name the database with --db FILE, or give the project file");
}

std::string runLine(const RunInfo& run) {
    std::ostringstream line;
    line << std::left << std::setw(5) << run.id << std::setw(28) << run.projectName.substr(0, 27) << std::setw(23) << run.strategy
         << std::setw(11) << toString(run.status) << std::right << std::setw(11) << run.candidates << "  " << run.startedAt;
    return line.str();
}

Json runJson(const RunInfo& run) {
    return {{"run", run.id},           {"project", run.projectName}, {"strategy", run.strategy}, {"estimator", run.estimator},
            {"seed", run.seed},        {"status", toString(run.status)}, {"message", run.message}, {"started", run.startedAt},
            {"updated", run.updatedAt}, {"seconds", run.seconds},       {"candidates", run.candidates}, {"settings", run.settings}};
}

int listRuns(const Arguments& arguments, Streams& streams) {
    const Store store = Store::openReadOnly(databaseOf(arguments, arguments.positionals()));
    const auto runs = store.runs();
    if (arguments.flag("json")) {
        for (const auto& run : runs) streams.out << runJson(run).dump() << '\n';
        return kExitOk;
    }
    if (runs.empty()) {
        streams.out << "no runs in " << store.file().string() << '\n';
        return kExitOk;
    }
    streams.out << std::left << std::setw(5) << "run" << std::setw(28) << "project" << std::setw(23) << "strategy" << std::setw(11)
                << "status" << std::right << std::setw(11) << "candidates" << "  started (UTC)\n";
    for (const auto& run : runs) streams.out << runLine(run) << '\n';
    return kExitOk;
}

int showRun(const Arguments& arguments, Streams& streams) {
    const auto& positionals = arguments.positionals();
    if (positionals.empty() || positionals.size() > 2) throw UsageError("name the run number (and optionally the project file)");
    long long id = 0;
    try {
        id = std::stoll(positionals.front());
    } catch (const std::exception&) {
        throw UsageError("the run number must be an integer, got '" + positionals.front() + "'");
    }
    const Store store = Store::openReadOnly(databaseOf(arguments, {positionals.begin() + 1, positionals.end()}));
    const RunInfo run = store.run(id);
    const auto candidates = store.candidates(id);
    const Objectives objectives = Objectives::fromProject(run.project);
    const RunSummary front = summariseRun(candidates, objectives);
    const bool paretoOnly = arguments.flag("pareto");
    std::vector<std::size_t> listed;
    if (paretoOnly) listed = front.members;
    else
        for (std::size_t index = 0; index < candidates.size(); ++index) listed.push_back(index);
    if (arguments.flag("json")) {
        Json output = runJson(run);
        output["objectives"] = Json::array();
        for (const auto& objective : objectives.list())
            output["objectives"].push_back({{"metric", objective.metric}, {"goal", objective.goal == Goal::Maximize ? "maximize" : "minimize"}});
        output["hypervolume"] = front.hypervolume >= 0 ? Json(front.hypervolume) : Json();
        output["reference_point"] = front.reference;
        output["hypervolume_history"] = front.history;
        output["front"] = Json::array();
        for (std::size_t index : front.members) output["front"].push_back(candidates[index].key);
        output["candidates"] = Json::array();
        for (std::size_t index : listed) {
            Json record = candidates[index].toJson();
            if (!arguments.flag("details")) record.erase("details");
            output["candidates"].push_back(record);
        }
        streams.out << output.dump() << '\n';
        return kExitOk;
    }
    streams.out << "run " << run.id << ": " << run.projectName << ", " << run.strategy << " (seed " << run.seed << "), " << run.estimator
                << ", " << toString(run.status) << (run.message.empty() ? "" : " — " + run.message) << "\n"
                << run.candidates << " candidates, " << formatNumber(std::round(run.seconds)) << " s of evaluation, started " << run.startedAt << " UTC\n";
    if (front.hypervolume >= 0) streams.out << "hypervolume " << formatNumber(front.hypervolume) << " (minimised objectives; reference = worst + 10 % of range)\n";
    streams.out << (paretoOnly ? "Pareto front (" + std::to_string(front.members.size()) + "):\n" : "candidates:\n");
    std::size_t keyWidth = 10;
    for (std::size_t index : listed) keyWidth = std::max(keyWidth, candidates[index].key.size() + 2);
    const int width = static_cast<int>(keyWidth);
    streams.out << "  " << std::left << std::setw(8) << "number" << std::setw(width) << "genotype" << std::setw(11) << "status";
    for (const auto& objective : objectives.list()) streams.out << std::right << std::setw(16) << objective.metric;
    streams.out << '\n';
    for (std::size_t index : listed) {
        const Candidate& candidate = candidates[index];
        streams.out << "  " << std::left << std::setw(8) << candidate.number << std::setw(width) << candidate.key << std::setw(11)
                    << toString(candidate.status);
        for (const auto& objective : objectives.list())
            streams.out << std::right << std::setw(16) << (candidate.has(objective.metric) ? formatNumber(candidate.metric(objective.metric)) : "—");
        streams.out << '\n';
    }
    return kExitOk;
}

} // namespace

Verb runsVerb() {
    return {"runs",
            "list the runs of an experiment database",
            "runs [PROJECT] [--db FILE] [--json]",
            "Lists every run of the database (the project's, or --db): number, project, strategy,\n"
            "status, candidates and start time. Opens the database read-only.",
            {{"db", "FILE", "experiment database (default: the project's)"}, {"json", "", "one JSON object per run"}},
            listRuns};
}

Verb showVerb() {
    return {"show",
            "show a run: its candidates or its Pareto front, with the hypervolume",
            "show RUN [PROJECT] [--db FILE] [--pareto] [--details] [--json]",
            "Prints the run's settings and its candidates (or only the non-dominated ones with\n"
            "--pareto) with their objective values, and the hypervolume of the front for two or\n"
            "three objectives. Opens the database read-only.",
            {{"db", "FILE", "experiment database (default: the project's)"},
             {"pareto", "", "only the Pareto front"},
             {"details", "", "with --json: include per-layer tables and curves"},
             {"json", "", "one JSON object"}},
            showRun};
}

} // namespace edgesmith::cli
