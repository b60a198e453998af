#include "app/cli/command_line.h"

#include "core/common/atomic_file.h"
#include "core/common/json.h"
#include "core/project/project.h"

namespace edgesmith::cli {
namespace {

Json diagnosticsJson(const std::vector<Diagnostic>& diagnostics) {
    Json list = Json::array();
    for (const auto& diagnostic : diagnostics)
        list.push_back({{"path", diagnostic.path}, {"message", diagnostic.message}, {"text", diagnostic.text()}});
    return list;
}

std::string summary(const Json& document) {
    const auto& strategy = document["strategy"]["name"];
    const auto& estimator = document["estimator"]["name"];
    std::string objectives;
    for (const auto& objective : document["objectives"]) {
        if (!objectives.empty()) objectives += ", ";
        objectives += objective["metric"].get<std::string>();
    }
    return "strategy " + strategy.get<std::string>() + ", estimator " + estimator.get<std::string>() +
           ", objectives " + objectives;
}

int run(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().empty()) throw UsageError("name at least one project file");
    const bool json = arguments.flag("json");
    bool allValid = true;
    for (const auto& file : arguments.positionals()) {
        std::vector<Diagnostic> diagnostics;
        Json document;
        try {
            const std::string text = readFile(file);
            diagnostics = Project::checkText(text, file, &document);
        } catch (const IoError& error) {
            diagnostics.push_back({error.file(), error.path(), error.message()});
        }
        allValid = allValid && diagnostics.empty();
        if (json) {
            streams.out << Json{{"file", file}, {"valid", diagnostics.empty()}, {"diagnostics", diagnosticsJson(diagnostics)}}.dump()
                        << '\n';
            continue;
        }
        if (diagnostics.empty()) {
            streams.out << file << ": valid (" << summary(document) << ")\n";
            continue;
        }
        for (const auto& diagnostic : diagnostics) streams.err << diagnostic.text() << '\n';
        streams.err << file << ": " << diagnostics.size() << (diagnostics.size() == 1 ? " problem" : " problems")
                    << "; nothing was changed\n";
    }
    return allValid ? kExitOk : kExitBadInput;
}

} // namespace

Verb validateVerb() {
    return {"validate",
            "check project files and report every problem with its JSON path",
            "validate PROJECT... [--json]",
            "Reads each project file and checks it completely: JSON syntax, duplicate and unknown\n"
            "keys, types and ranges, the parameters of the chosen strategy, estimator and compression\n"
            "steps, and that the dataset, template and database folder it names exist.\n"
            "Every problem is printed as 'FILE: JSON.PATH: message' on stderr.\n"
            "Exit status: 0 when every file is valid, 2 otherwise.",
            {{"json", "", "one JSON object per file on stdout: file, valid, diagnostics"}},
            run};
}

} // namespace edgesmith::cli
