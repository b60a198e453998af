#include "core/project/project.h"

#include "core/hw/device_profile.h"

#include "core/common/atomic_file.h"
#include "core/common/paths.h"
#include "core/common/text.h"
#include "core/common/version.h"
#include "core/project/catalog.h"
#include "core/project/schema.h"
#include "core/space/space.h"

#include <set>

namespace edgesmith {
namespace {

using schema::Node;

std::vector<std::string> datasetKinds() { return {"fashion-mnist", "idx", "image-folder", "csv", "synthetic"}; }

Node projectSchema() {
    const auto namedMethod = [](const std::vector<MethodInfo>& catalog, const char* what) {
        return Node::object()
            .required("name", Node::choice(methodNames(catalog), what))
            .field("params", Node::object("Parameters of the method").openKeys());
    };
    const Node dataset =
        Node::object("Where the images or features come from and how they are split")
            .required("kind", Node::choice(datasetKinds(), "Dataset reader"))
            .field("path", Node::string("Folder (idx, image-folder) or file (csv); relative to the project file").nonEmpty())
            .field("validation_fraction", Node::number("Part of the training split held out for validation").atLeast(0.01).atMost(0.5).byDefault(0.1))
            .field("subset", Node::number("Fraction of the training split the search may use").above(0).atMost(1).byDefault(1.0))
            .field("resolution", Node::integer("Resize inputs to this side length (0: keep)").atLeast(0).atMost(1024).byDefault(0))
            .field("normalize", Node::boolean("Standardise inputs with the training split's mean and deviation").byDefault(true))
            .field("label_column", Node::string("csv: name of the label column").nonEmpty())
            .field("classes", Node::integer("synthetic: number of classes").atLeast(2).atMost(1000))
            .field("samples", Node::integer("synthetic: number of samples").atLeast(10))
            .field("seed", Node::integer("Seed of the train/validation split").atLeast(0).byDefault(0))
            .field("augment", Node::object("Light augmentation of training images")
                                  .field("horizontal_flip", Node::boolean().byDefault(false))
                                  .field("random_crop_padding", Node::integer("Pad, then crop back at a random offset").atLeast(0).atMost(16).byDefault(0)));
    const Node space = Node::object("The search space: a shipped template or an inline space")
                           .field("template", Node::string("Name of a template in resources/spaces").nonEmpty())
                           .field("inline", Node::object("A space written in the project itself").openKeys());
    const Node objective = Node::object()
                               .required("metric", Node::choice(metricNames(), "Metric to optimise"))
                               .field("goal", Node::choice({"minimize", "maximize"}, "Direction; defaults to the metric's natural one"));
    const Node budget = Node::object("A hard budget: candidates outside it are discarded before training")
                            .required("metric", Node::choice(metricNames(), "Budgeted metric"))
                            .field("max", Node::number("Upper bound"))
                            .field("min", Node::number("Lower bound"));
    const Node constraints = Node::object()
                                 .field("hard", Node::array(budget, "Hard budgets"))
                                 .field("soft", Node::object("Soft incorporation of a cost target").required("kind", Node::choice(methodNames(softConstraintCatalog()), "Soft-constraint rule")).openKeys());
    const Node hardware =
        Node::object("Where latency is measured or modelled")
            .field("profile", Node::string("Device profile: host or a profile in resources/devices").nonEmpty().byDefault("host"))
            .field("latency_model", Node::choice({"measured", "lut", "predictor", "simulator", "device"},
                                                 "How latency is obtained (device: fitted to the profile's imported measurements)")
                                          .byDefault("measured"))
            .field("threads", Node::integer("Inference threads for latency (0: all cores)").atLeast(0).atMost(1024).byDefault(1))
            .field("latency_runs", Node::integer("Timed runs per measurement").atLeast(1).atMost(100000).byDefault(50))
            .field("must_fit", Node::array(Node::choice({"ram", "flash"}, "Memory of the device profile"),
                                           "Candidates must fit the profile's RAM (peak activations) and flash (storage)"))
            .field("also_measure", Node::boolean("Also time each candidate on this host (measured_latency_ms) to check a model").byDefault(false))
            .field("calibration_networks", Node::integer("lut: whole networks timed to fit the table's correction").atLeast(0).atMost(10000).byDefault(10))
            .field("training_networks", Node::integer("predictor: architectures of the space timed to fit it").atLeast(4).atMost(100000).byDefault(100))
            .field("predictor", Node::choice({"macs", "linear", "boosted"}, "predictor: kind of regressor").byDefault("boosted"));
    const Node execution =
        Node::object("Where candidates are evaluated")
            .field("executor", Node::choice({"local", "mpi"}, "local: threads of this process; mpi: the ranks of mpirun or srun").byDefault("local"))
            .field("workers", Node::integer("local: parallel evaluations (0: one per core when training)").atLeast(0).atMost(1024).byDefault(0));
    const Node compressionStep = Node::object()
                                     .required("method", Node::choice(methodNames(compressionCatalog()), "Compression method"))
                                     .field("params", Node::object().openKeys());
    return Node::object()
        .required("format_version", Node::integer("Version of this file format").atLeast(1))
        .required("name", Node::string("Project name").nonEmpty())
        .field("description", Node::string("Free text"))
        .required("dataset", dataset)
        .required("space", space)
        .required("objectives", Node::array(objective, "Objectives of the search").minItems(1))
        .field("constraints", constraints)
        .required("strategy", namedMethod(strategyCatalog(), "Search strategy"))
        .required("estimator", namedMethod(estimatorCatalog(), "Performance estimator"))
        .field("hardware", hardware)
        .field("execution", execution)
        .field("compression", Node::object().field("pipeline", Node::array(compressionStep, "Compression steps, applied in order")))
        .field("database", Node::string("Experiment database (SQLite); relative to the project file").nonEmpty());
}

const Node& schemaOfProject() {
    static const Node node = projectSchema();
    return node;
}

struct Checker {
    const Json& document;
    std::filesystem::path projectFile;
    std::string file;
    std::vector<Diagnostic>& out;

    void report(const std::string& path, const std::string& message) { out.push_back({file, path, message}); }

    const Json* at(const Json& object, const char* key) {
        if (!object.is_object()) return nullptr;
        const auto entry = object.find(key);
        return entry == object.end() ? nullptr : &*entry;
    }

    void checkFormatVersion() {
        const Json* version = at(document, "format_version");
        if (version && version->is_number_integer() && version->get<long long>() > kProjectFormatVersion)
            report("format_version", "this file was written by a newer EdgeSmith (format " + version->dump() +
                                         "); this build reads format " + std::to_string(kProjectFormatVersion) +
                                         " — update EdgeSmith to open it");
    }

    // `section.name` must be in `catalog`; then `section.params` is checked against its schema.
    void checkNamedMethod(const char* section, const char* nameKey, const std::vector<MethodInfo>& catalog) {
        const Json* object = at(document, section);
        if (!object || !object->is_object()) return;
        checkMethodEntry(*object, section, nameKey, catalog);
    }

    void checkMethodEntry(const Json& object, const std::string& path, const char* nameKey,
                          const std::vector<MethodInfo>& catalog) {
        const Json* name = at(object, nameKey);
        if (!name || !name->is_string() || name->get<std::string>().empty()) return;
        // An unknown name is reported by the schema (with a suggestion); only known methods have params to check.
        const MethodInfo* method = findMethod(catalog, name->get<std::string>());
        if (!method) return;
        if (const Json* params = at(object, "params"); params && params->is_object())
            schema::validate(*params, method->parameters, file, schema::childPath(path, "params"), out);
    }

    // The supernet estimator's params, or null for another estimator.
    const Json* supernetParams() {
        const Json* estimator = at(document, "estimator");
        const Json* name = estimator ? at(*estimator, "name") : nullptr;
        return name && *name == "supernet" ? at(*estimator, "params") : nullptr;
    }

    // A supernet that trains on every training image leaves none unseen to score on.
    void checkSupernetScoring() {
        const Json* params = supernetParams();
        if (!params) return;
        const Json* scoreOn = at(*params, "score_on");
        const Json* subset = at(*params, "subset");
        if (scoreOn && *scoreOn == "unseen" && (!subset || (subset->is_number() && subset->get<double>() >= 1.0)))
            report("estimator.params.score_on", "\"unseen\" needs estimator.params.subset below 1: the supernet trains on every training image");
    }

    // Progressive shrinking needs steps left for its last phase, which opens the widths; the
    // shares mean nothing to the other sampling rules, so Supernet::train checks them only
    // for this one too.
    void checkProgressiveShares() {
        const Json* params = supernetParams();
        if (!params) return;
        const schema::Node& defaults = findMethod(estimatorCatalog(), "supernet")->parameters;
        const auto value = [&](const char* name) -> const Json& {
            const Json* given = at(*params, name);
            return given ? *given : defaults.findField(name)->node.defaultValue();
        };
        if (value("sampling") != "progressive") return;
        double sum = 0;
        for (const char* name : {"largest_share", "kernel_share", "depth_share"}) {
            if (!value(name).is_number()) return; // the schema reports the type
            sum += value(name).get<double>();
        }
        if (sum >= 1.0)
            report("estimator.params.depth_share", "largest_share + kernel_share + depth_share must stay below 1, so the last phase of progressive "
                                                   "shrinking opens every decision; got " + formatNumber(sum));
    }

    // A few-shot split must name one decision of the project's space (a space that does not
    // parse is reported by checkSpace).
    void checkSupernetSplit() {
        const Json* params = supernetParams();
        const Json* split = params ? at(*params, "split") : nullptr;
        const Json* space = at(document, "space");
        if (!split || !split->is_string() || split->get<std::string>().empty() || !space || !space->is_object()) return;
        try {
            const Json* inlineSpace = at(*space, "inline");
            const Json* templateName = at(*space, "template");
            const Json spaceDocument = inlineSpace ? *inlineSpace : loadSpaceTemplate(templateName ? templateName->get<std::string>() : "");
            SearchSpace::parse(spaceDocument, file).uniqueDecision(split->get<std::string>(), file, "estimator.params.split");
        } catch (const Error& error) {
            if (error.path() == "estimator.params.split") report(error.path(), error.message());
        } catch (const std::exception&) {
            // A space or template that cannot be read is checkSpace's to report.
        }
    }

    void checkSoftConstraint() {
        const Json* constraints = at(document, "constraints");
        const Json* soft = constraints ? at(*constraints, "soft") : nullptr;
        if (!soft || !soft->is_object()) return;
        const Json* kind = at(*soft, "kind");
        if (!kind || !kind->is_string()) return;
        const MethodInfo* rule = findMethod(softConstraintCatalog(), kind->get<std::string>());
        if (!rule) return;
        Json rest = *soft;
        rest.erase("kind");
        schema::validate(rest, rule->parameters, file, "constraints.soft", out);
    }

    void checkHardBudgets() {
        const Json* constraints = at(document, "constraints");
        const Json* hard = constraints ? at(*constraints, "hard") : nullptr;
        if (!hard || !hard->is_array()) return;
        for (std::size_t index = 0; index < hard->size(); ++index) {
            const Json& budget = (*hard)[index];
            if (!budget.is_object()) continue;
            const std::string path = schema::indexPath("constraints.hard", index);
            const Json* maximum = at(budget, "max");
            const Json* minimum = at(budget, "min");
            if (!maximum && !minimum) report(path, "needs \"max\", \"min\" or both");
            if (maximum && minimum && maximum->is_number() && minimum->is_number() &&
                minimum->get<double>() > maximum->get<double>())
                report(path, "min " + schema::describeValue(*minimum) + " is above max " + schema::describeValue(*maximum));
        }
    }

    void checkObjectives() {
        const Json* objectives = at(document, "objectives");
        if (!objectives || !objectives->is_array()) return;
        std::set<std::string> seen;
        const Json* estimator = at(document, "estimator");
        const Json* estimatorName = estimator ? at(*estimator, "name") : nullptr;
        for (std::size_t index = 0; index < objectives->size(); ++index) {
            const Json* metric = at((*objectives)[index], "metric");
            if (!metric || !metric->is_string()) continue;
            const std::string name = metric->get<std::string>();
            const std::string path = schema::childPath(schema::indexPath("objectives", index), "metric");
            if (!seen.insert(name).second) report(path, "\"" + name + "\" is listed twice");
            if ((name == "accuracy" || name == "error") && estimatorName && estimatorName->is_string() &&
                !estimatorMeasuresAccuracy(estimatorName->get<std::string>()))
                report(path, "\"" + name + "\" needs an estimator that trains; estimator.name is \"" +
                                 estimatorName->get<std::string>() + "\"");
        }
        if (seen.count("accuracy") && seen.count("error"))
            report("objectives", "has both \"accuracy\" and \"error\"; they are the same objective");
    }

    void checkSpace() {
        const Json* space = at(document, "space");
        if (!space || !space->is_object()) return;
        const Json* name = at(*space, "template");
        const Json* inlineSpace = at(*space, "inline");
        if (!name && !inlineSpace) return report("space", "needs \"template\" or \"inline\"");
        if (name && inlineSpace) return report("space", "has both \"template\" and \"inline\"; keep one");
        if (inlineSpace) {
            for (auto diagnostic : SearchSpace::check(*inlineSpace, file)) {
                diagnostic.path = schema::childPath("space.inline", diagnostic.path);
                out.push_back(std::move(diagnostic));
            }
            return;
        }
        if (!name || !name->is_string() || name->get<std::string>().empty()) return;
        const auto names = spaceTemplateNames();
        if (std::find(names.begin(), names.end(), name->get<std::string>()) != names.end()) {
            // A broken template is reported against its own file and paths.
            const auto templateFile = spaceTemplateDirectory() / (name->get<std::string>() + ".json");
            try {
                ParsedJson parsed = parseJson(readFile(templateFile), templateFile.string());
                if (!parsed.parsed) return report("space.template", parsed.diagnostics.front().text());
                for (auto& diagnostic : parsed.diagnostics) out.push_back(std::move(diagnostic));
                for (auto& diagnostic : SearchSpace::check(parsed.value, templateFile.string())) out.push_back(std::move(diagnostic));
            } catch (const Error& error) {
                report("space.template", error.what());
            }
            return;
        }
        std::string message = "no template named " + schema::describeValue(*name) + " in " +
                              spaceTemplateDirectory().string();
        if (auto suggestion = closestMatch(name->get<std::string>(), names); !suggestion.empty())
            message += " (did you mean \"" + suggestion + "\"?)";
        else if (!names.empty())
            message += " (available: " + joinWords(names) + ")";
        report("space.template", message);
    }

    void checkIdxFolder(const std::filesystem::path& folder) {
        for (const char* stem : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                                 "t10k-labels-idx1-ubyte"}) {
            std::error_code status;
            if (std::filesystem::exists(folder / stem, status) ||
                std::filesystem::exists(folder / (std::string(stem) + ".gz"), status))
                continue;
            return report("dataset.path", folder.string() + " has no " + stem + "[.gz]" +
                                              " (install the Debian package dataset-fashion-mnist, or point"
                                              " dataset.path at a folder of idx files)");
        }
    }

    void checkDataset() {
        const Json* dataset = at(document, "dataset");
        if (!dataset || !dataset->is_object()) return;
        const Json* kind = at(*dataset, "kind");
        if (!kind || !kind->is_string()) return;
        const std::string reader = kind->get<std::string>();
        const auto kinds = datasetKinds();
        if (std::find(kinds.begin(), kinds.end(), reader) == kinds.end()) return;
        const Json* path = at(*dataset, "path");
        if (reader == "synthetic") return;
        if (!path) {
            if (reader == "fashion-mnist") return checkIdxFolder("/usr/share/datasets/fashion-mnist");
            return report("dataset", "the " + reader + " reader needs \"path\"");
        }
        if (!path->is_string() || path->get<std::string>().empty()) return;
        const auto resolved = resolveBeside(projectFile, path->get<std::string>());
        std::error_code status;
        if (!std::filesystem::exists(resolved, status))
            return report("dataset.path", resolved.string() + " does not exist");
        const bool folder = std::filesystem::is_directory(resolved, status);
        if (reader == "csv" && folder) return report("dataset.path", resolved.string() + " is a folder; csv needs a file");
        if (reader != "csv" && !folder) return report("dataset.path", resolved.string() + " is not a folder");
        if (reader == "fashion-mnist" || reader == "idx") checkIdxFolder(resolved);
        if (reader == "csv" && !at(*dataset, "label_column"))
            report("dataset", "the csv reader needs \"label_column\"");
    }

    void checkHardwareProfile() {
        const Json* hardware = at(document, "hardware");
        const Json* profile = hardware ? at(*hardware, "profile") : nullptr;
        if (!profile || !profile->is_string() || profile->get<std::string>().empty()) return;
        const std::string name = profile->get<std::string>();
        const auto names = deviceProfileNames(projectFile);
        if (!name.ends_with(".json") && std::find(names.begin(), names.end(), name) == names.end()) {
            const std::string guess = closestMatch(name, names);
            return report("hardware.profile", "must be one of " + joinWords(names) + " or a path to a .json profile, got " + schema::describeValue(*profile) +
                                                  (guess.empty() ? "" : " (did you mean \"" + guess + "\"?)"));
        }
        try {
            loadDeviceProfile(name, projectFile);
        } catch (const ValidationError& error) {
            for (const Diagnostic& problem : error.diagnostics()) report("hardware.profile", problem.text());
        } catch (const Error& error) {
            report("hardware.profile", error.message());
        }
    }

    void checkDatabase() {
        const Json* database = at(document, "database");
        if (!database || !database->is_string() || database->get<std::string>().empty()) return;
        const auto resolved = resolveBeside(projectFile, database->get<std::string>());
        std::error_code status;
        const auto folder = resolved.parent_path();
        if (!folder.empty() && !std::filesystem::is_directory(folder, status))
            report("database", "folder " + folder.string() + " does not exist");
        else if (std::filesystem::is_directory(resolved, status))
            report("database", resolved.string() + " is a folder, expected a database file");
    }

    void checkCompression() {
        const Json* compression = at(document, "compression");
        const Json* pipeline = compression ? at(*compression, "pipeline") : nullptr;
        if (!pipeline || !pipeline->is_array()) return;
        for (std::size_t index = 0; index < pipeline->size(); ++index)
            if ((*pipeline)[index].is_object())
                checkMethodEntry((*pipeline)[index], schema::indexPath("compression.pipeline", index), "method",
                                 compressionCatalog());
    }

    void run() {
        if (!document.is_object()) {
            report("", "must be a JSON object with the project's sections, got " + schema::describeValue(document));
            return;
        }
        schema::validate(document, schemaOfProject(), file, "", out);
        checkFormatVersion();
        checkDataset();
        checkSpace();
        checkObjectives();
        checkHardBudgets();
        checkSoftConstraint();
        checkNamedMethod("strategy", "name", strategyCatalog());
        checkNamedMethod("estimator", "name", estimatorCatalog());
        checkSupernetScoring();
        checkSupernetSplit();
        checkProgressiveShares();
        checkHardwareProfile();
        checkCompression();
        checkDatabase();
    }
};

// Tracks where the parser is, so that a duplicated key is reported with its JSON path.
class DuplicateKeyFinder {
public:
    DuplicateKeyFinder(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

    bool operator()(int, nlohmann::detail::parse_event_t event, Json& parsed) {
        using Event = nlohmann::detail::parse_event_t;
        switch (event) {
        case Event::object_start: frames_.push_back({false, {}, {}, 0}); break;
        case Event::array_start: frames_.push_back({true, {}, {}, 0}); break;
        case Event::key: {
            Frame& top = frames_.back();
            top.key = parsed.get<std::string>();
            if (!top.keys.insert(top.key).second)
                out_.push_back({file_, currentPath(), "duplicate key; a JSON object keeps only one value per key"});
            break;
        }
        case Event::object_end:
        case Event::array_end:
            frames_.pop_back();
            advanceArray();
            break;
        case Event::value: advanceArray(); break;
        }
        return true;
    }

private:
    struct Frame {
        bool array;
        std::set<std::string> keys;
        std::string key;
        std::size_t count;
    };

    void advanceArray() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().count;
    }

    std::string currentPath() const {
        std::string path;
        for (const auto& frame : frames_)
            path = frame.array ? schema::indexPath(path, frame.count) : schema::childPath(path, frame.key);
        return path;
    }

    std::string file_;
    std::vector<Diagnostic>& out_;
    std::vector<Frame> frames_;
};

std::string lineAndColumn(const std::string& text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    for (std::size_t index = 0; index + 1 < byte && index < text.size(); ++index) {
        if (text[index] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's message without its id and position prefix, which we restate ourselves.
std::string parseReason(const std::string& what) {
    const auto colon = what.find(": ");
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

void rebaseRelativePath(Json& holder, const char* key, const std::filesystem::path& fromFile,
                        const std::filesystem::path& toFile) {
    if (!holder.is_object() || !holder.contains(key) || !holder[key].is_string()) return;
    const std::filesystem::path original = holder[key].get<std::string>();
    if (original.is_absolute()) return;
    const auto target = resolveBeside(fromFile, original);
    const auto toFolder = std::filesystem::absolute(toFile).parent_path();
    holder[key] = std::filesystem::absolute(target).lexically_relative(toFolder).string();
}

} // namespace

ParsedJson parseJson(const std::string& text, const std::string& file) {
    ParsedJson result;
    try {
        DuplicateKeyFinder finder(file, result.diagnostics);
        result.value = Json::parse(text, std::ref(finder));
    } catch (const nlohmann::json::parse_error& error) {
        result.diagnostics.clear();
        result.diagnostics.push_back(
            {file, "", "not valid JSON at " + lineAndColumn(text, error.byte) + ": " + parseReason(error.what())});
        result.value = Json();
        result.parsed = false;
    }
    return result;
}

Project::Project(Json document, std::filesystem::path file) : document_(std::move(document)), file_(std::move(file)) {}

std::vector<Diagnostic> Project::check(const Json& document, const std::filesystem::path& file) {
    std::vector<Diagnostic> diagnostics;
    Checker{document, file, file.string(), diagnostics}.run();
    return diagnostics;
}

std::vector<Diagnostic> Project::checkText(const std::string& text, const std::filesystem::path& file, Json* document) {
    ParsedJson parsed = parseJson(text, file.string());
    if (!parsed.parsed) return parsed.diagnostics;
    auto diagnostics = std::move(parsed.diagnostics);
    for (auto& diagnostic : check(parsed.value, file)) diagnostics.push_back(std::move(diagnostic));
    if (document) *document = std::move(parsed.value);
    return diagnostics;
}

Project Project::load(const std::filesystem::path& file) {
    const std::string text = readFile(file);
    Json document;
    auto diagnostics = checkText(text, file, &document);
    if (!diagnostics.empty()) throw ValidationError(std::move(diagnostics));
    return Project(std::move(document), file);
}

Project Project::fromDocument(Json document, const std::filesystem::path& file) {
    auto diagnostics = check(document, file);
    if (!diagnostics.empty()) throw ValidationError(std::move(diagnostics));
    return Project(std::move(document), file);
}

Json Project::starterDocument(const std::string& name) {
    return Json{
        {"format_version", kProjectFormatVersion},
        {"name", name},
        {"description", ""},
        {"dataset", {{"kind", "fashion-mnist"}, {"path", "/usr/share/datasets/fashion-mnist"}, {"validation_fraction", 0.1}}},
        {"space", {{"template", "fmnist-mbconv"}}},
        {"objectives", Json::array({{{"metric", "accuracy"}, {"goal", "maximize"}}, {{"metric", "latency_ms"}, {"goal", "minimize"}}})},
        {"constraints", {{"hard", Json::array()}, {"soft", {{"kind", "pareto"}}}}},
        {"strategy", {{"name", "nsga2"}, {"params", {{"population", 16}, {"generations", 10}, {"seed", 0}}}}},
        {"estimator", {{"name", "proxy-training"}, {"params", {{"epochs", 2}, {"subset", 0.2}}}}},
        {"hardware", {{"profile", "host"}, {"latency_model", "measured"}, {"threads", 1}}},
        {"compression", {{"pipeline", Json::array()}}},
    };
}

std::optional<schema::Node> Project::schemaAt(const Json& document, const std::vector<std::string>& tokens) {
    const auto textAt = [&](const std::vector<std::string>& where, const char* key) -> std::string {
        const Json* value = &document;
        for (const auto& token : where) {
            if (value->is_object() && value->contains(token)) value = &(*value)[token];
            else if (value->is_array() && !token.empty() && std::all_of(token.begin(), token.end(), ::isdigit) &&
                     std::stoul(token) < value->size()) value = &(*value)[std::stoul(token)];
            else return {};
        }
        return value->is_object() && value->contains(key) && (*value)[key].is_string() ? (*value)[key].get<std::string>()
                                                                                         : std::string();
    };
    std::optional<schema::Node> node = schemaOfProject();
    for (std::size_t depth = 0; depth < tokens.size() && node; ++depth) {
        const std::vector<std::string> parents(tokens.begin(), tokens.begin() + static_cast<long>(depth));
        const std::string& token = tokens[depth];
        const MethodInfo* method = nullptr;
        if (token == "params" && depth == 1 && parents[0] == "strategy")
            method = findMethod(strategyCatalog(), textAt(parents, "name"));
        else if (token == "params" && depth == 1 && parents[0] == "estimator")
            method = findMethod(estimatorCatalog(), textAt(parents, "name"));
        else if (token == "params" && depth == 3 && parents[0] == "compression")
            method = findMethod(compressionCatalog(), textAt(parents, "method"));
        if (method) {
            node = method->parameters;
            continue;
        }
        if (depth == 2 && parents[0] == "constraints" && parents[1] == "soft" && token != "kind") {
            const MethodInfo* rule = findMethod(softConstraintCatalog(), textAt(parents, "kind"));
            const schema::Field* field = rule ? rule->parameters.findField(token) : nullptr;
            node = field ? std::optional<schema::Node>(field->node) : std::nullopt;
            continue;
        }
        if (node->kind() == schema::Kind::Array) {
            node = *node->items();
            continue;
        }
        const schema::Field* field = node->findField(token);
        node = field ? std::optional<schema::Node>(field->node) : std::nullopt;
    }
    return node;
}

void Project::saveAs(const std::filesystem::path& file) {
    Json moved = document_;
    if (std::filesystem::absolute(file).parent_path() != std::filesystem::absolute(file_).parent_path() && !file_.empty()) {
        if (moved.contains("dataset")) rebaseRelativePath(moved["dataset"], "path", file_, file);
        rebaseRelativePath(moved, "database", file_, file);
    }
    auto diagnostics = check(moved, file);
    if (!diagnostics.empty()) throw ValidationError(std::move(diagnostics));
    document_ = std::move(moved);
    file_ = file;
    writeFileAtomically(file, serialize());
}

std::string Project::serialize() const { return document_.dump(2) + "\n"; }

std::string Project::name() const { return document_.value("name", std::string()); }

std::filesystem::path Project::databasePath() const {
    if (document_.contains("database")) return resolveBeside(file_, document_["database"].get<std::string>());
    std::string stem = file_.filename().string();
    const std::string suffix = ".edgesmith.json";
    if (stem.size() > suffix.size() && stem.ends_with(suffix)) stem.resize(stem.size() - suffix.size());
    else stem = file_.stem().string();
    return resolveBeside(file_, stem + ".edgesmith.db");
}

std::filesystem::path Project::datasetPath() const {
    const Json& dataset = document_["dataset"];
    if (dataset.contains("path")) return resolveBeside(file_, dataset["path"].get<std::string>());
    if (dataset["kind"] == "fashion-mnist") return "/usr/share/datasets/fashion-mnist";
    return {};
}

Json Project::spaceDocument() const {
    const Json& space = document_["space"];
    if (space.contains("inline")) return space["inline"];
    return loadSpaceTemplate(space["template"].get<std::string>());
}

Json loadSpaceTemplate(const std::string& name) {
    const auto file = spaceTemplateDirectory() / (name + ".json");
    ParsedJson parsed = parseJson(readFile(file), file.string());
    if (!parsed.diagnostics.empty()) throw ValidationError(std::move(parsed.diagnostics));
    return parsed.value;
}

std::string Project::spaceLabel() const {
    const Json& space = document_["space"];
    return space.contains("template") ? space["template"].get<std::string>() : "inline";
}

std::filesystem::path spaceTemplateDirectory() { return resourceDirectory() / "spaces"; }

namespace {
std::vector<std::string> jsonStemsIn(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    std::error_code status;
    for (const auto& entry : std::filesystem::directory_iterator(folder, status))
        if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}
} // namespace

std::vector<std::string> spaceTemplateNames() { return jsonStemsIn(spaceTemplateDirectory()); }


} // namespace edgesmith
