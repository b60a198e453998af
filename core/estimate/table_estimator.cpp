// Tabular benchmark oracle (survey VI-D): a JSON object mapping genotype keys to the
// metrics a benchmark measured, e.g. {"0-1-2": {"mean_acc": 91.2, "flops": 3.1e6}}. The
// project maps EdgeSmith's metric names to the table's. Lookups take microseconds, so
// strategies can be compared over many seeds honestly.
#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/paths.h"
#include "core/estimate/estimator.h"
#include "core/project/catalog.h"

#include <map>
#include <mutex>

namespace edgesmith {
namespace {

using Table = std::map<std::string, std::map<std::string, double>>;

Table parseTable(const std::filesystem::path& file) {
    Json document;
    try {
        document = Json::parse(readFile(file));
    } catch (const nlohmann::json::parse_error& error) {
        throw Error(file.string(), "", std::string("not JSON: ") + error.what());
    }
    if (!document.is_object() || document.empty())
        throw Error(file.string(), "", "a table is a non-empty JSON object mapping genotype keys to objects of metrics");
    Table table;
    for (const auto& [key, entry] : document.items()) {
        if (!entry.is_object()) throw Error(file.string(), key, "expected an object of numeric metrics");
        auto& row = table[key];
        for (const auto& [name, value] : entry.items())
            if (value.is_number()) row[name] = value.get<double>();
    }
    return table;
}

// Tables are read once per process: runs and benchmarks over many seeds share them.
std::shared_ptr<const Table> loadTable(const std::filesystem::path& file) {
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const Table>> cache;
    std::lock_guard lock(mutex);
    if (auto table = cache[file.string()].lock()) return table;
    auto table = std::make_shared<const Table>(parseTable(file));
    cache[file.string()] = table;
    return table;
}

class TableEstimator : public Estimator {
public:
    TableEstimator(const Json& params, const std::filesystem::path& projectFile)
        : file_(resolveBeside(projectFile, params.at("file").get<std::string>())), table_(loadTable(file_)) {
        const Json mapping = params.value("metrics", Json::object());
        for (const auto& [metric, column] : mapping.items()) {
            if (!findMetric(metric)) throw Error(projectFile.string(), "estimator.params.metrics." + metric, "not an EdgeSmith metric");
            if (!column.is_string()) throw Error(projectFile.string(), "estimator.params.metrics." + metric, "expected the table's column name");
            columns_[metric] = column.get<std::string>();
        }
    }

    void estimate(Candidate& candidate, const Architecture&, const EvaluationControl&) const override {
        const auto* row = find(candidate.key);
        if (!row) throw Error(file_.string(), candidate.key, "this genotype is not in the table");
        for (const auto& metric : metricNames()) {
            const auto column = columns_.count(metric) ? columns_.at(metric) : metric;
            const auto value = row->find(column);
            if (value != row->end()) candidate.metrics[metric] = value->second;
        }
        if (candidate.metrics.count("accuracy") && !columns_.count("error")) candidate.metrics["error"] = 100.0 - candidate.metrics["accuracy"];
        candidate.details["proxy"] = "table " + file_.filename().string();
    }

private:
    // Keys may be written with or without the '-' separators ("0-1-2" or "012").
    const std::map<std::string, double>* find(const std::string& key) const {
        auto found = table_->find(key);
        if (found == table_->end()) {
            std::string compact;
            for (char character : key)
                if (character != '-') compact += character;
            found = table_->find(compact);
        }
        return found == table_->end() ? nullptr : &found->second;
    }

    std::filesystem::path file_;
    std::shared_ptr<const Table> table_;
    std::map<std::string, std::string> columns_;
};

} // namespace

std::unique_ptr<Estimator> makeTableEstimator(const Json& params, const std::filesystem::path& projectFile) {
    if (!params.contains("file")) throw Error(projectFile.string(), "estimator.params.file", "the table estimator needs the table's file");
    return std::make_unique<TableEstimator>(params, projectFile);
}

} // namespace edgesmith
