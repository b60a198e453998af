#include "app/cli/command_line.h"

#include "core/common/error.h"
#include "core/common/text.h"
#include "core/common/version.h"
#include "core/engine/runtime.h"
#include "core/store/store.h"

#include <iomanip>

namespace edgesmith::cli {
namespace {

const std::vector<Verb>& verbs() {
    static const std::vector<Verb> all = {
        validateVerb(),
        metricsVerb(),
        trainVerb(),
        latencyVerb(),
        latencyModelsVerb(),
        simulateVerb(),
        deviceProfileVerb(),
        deviceKitVerb(),
        deviceImportVerb(),
        deviceFitVerb(),
        compressVerb(),
        exportVerb(),
        importVerb(),
        proxiesVerb(),
        predictVerb(),
        differentiableVerb(),
        searchVerb(),
        slurmScriptVerb(),
        runsVerb(),
        showVerb(),
        infoVerb(),
    };
    return all;
}

const Verb* findVerb(const std::string& name) {
    for (const auto& verb : verbs())
        if (verb.name == name) return &verb;
    return nullptr;
}

void printOverview(std::ostream& out) {
    out << "EdgeSmith " << kVersion << " — automated design and compression of models for edge devices\n\n"
        << "Usage: edgesmith-cli VERB PROJECT-or-RUN [options]\n\nVerbs:\n";
    for (const auto& verb : verbs()) out << "  " << std::left << std::setw(16) << verb.name << verb.summary << '\n';
    out << "\nOptions:\n  --help       this overview\n  --version    version of EdgeSmith and LibTorch\n\n"
        << "Every verb takes --json for machine-readable output on stdout.\n"
        << "Exit codes: 0 ok, 1 failed, 2 bad input.\n"
        << "Run 'edgesmith-cli help VERB' for a verb's options.\n";
}

void printVerbHelp(const Verb& verb, std::ostream& out) {
    out << "Usage: edgesmith-cli " << verb.usage << "\n\n" << verb.description << "\n";
    if (verb.options.empty()) return;
    out << "\nOptions:\n";
    for (const auto& option : verb.options) {
        std::string left = "--" + option.name + (option.valueName.empty() ? "" : " " + option.valueName);
        out << "  " << std::left << std::setw(22) << left << option.help << '\n';
    }
}

std::string unknownVerb(const std::string& name) {
    std::vector<std::string> names;
    for (const auto& verb : verbs()) names.push_back(verb.name);
    std::string message = "unknown verb '" + name + "'";
    if (auto suggestion = closestMatch(name, names); !suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    return message + "; run 'edgesmith-cli --help' for the list";
}

int help(const std::vector<std::string>& words, Streams& streams) {
    if (words.empty()) {
        printOverview(streams.out);
        return kExitOk;
    }
    const Verb* verb = findVerb(words.front());
    if (!verb) {
        streams.err << "edgesmith-cli: " << unknownVerb(words.front()) << '\n';
        return kExitBadInput;
    }
    printVerbHelp(*verb, streams.out);
    return kExitOk;
}

int dispatch(const Verb& verb, const std::vector<std::string>& words, Streams& streams) {
    for (const auto& word : words) {
        if (word == "--help" || word == "-h") {
            printVerbHelp(verb, streams.out);
            return kExitOk;
        }
    }
    try {
        const Arguments arguments(words, verb.options);
        return verb.run(arguments, streams);
    } catch (const UsageError& error) {
        streams.err << "edgesmith-cli " << verb.name << ": " << error.what() << "\nUsage: edgesmith-cli " << verb.usage << '\n';
        return kExitBadInput;
    } catch (const ValidationError& error) {
        for (const auto& diagnostic : error.diagnostics()) streams.err << diagnostic.text() << '\n';
        return kExitBadInput;
    } catch (const StoreError& error) {
        streams.err << "edgesmith-cli " << verb.name << ": " << error.what() << '\n';
        return kExitBadInput;
    } catch (const WriteError& error) {
        streams.err << "edgesmith-cli " << verb.name << ": " << error.what() << '\n';
        return kExitFailed;
    } catch (const IoError& error) {
        streams.err << "edgesmith-cli " << verb.name << ": " << error.what() << '\n';
        return kExitBadInput;
    } catch (const std::exception& error) {
        streams.err << "edgesmith-cli " << verb.name << ": " << error.what() << '\n';
        return kExitFailed;
    }
}

} // namespace

int runCommandLine(int argc, char** argv, Streams streams) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        printOverview(streams.err);
        return kExitBadInput;
    }
    const std::string first = words.front();
    words.erase(words.begin());
    if (first == "--version" || first == "-V") {
        streams.out << "edgesmith-cli " << kVersion << " (LibTorch " << runtimeInfo().torchVersion << ")\n";
        return kExitOk;
    }
    if (first == "--help" || first == "-h") return help({}, streams);
    if (first == "help") return help(words, streams);
    const Verb* verb = findVerb(first);
    if (!verb) {
        streams.err << "edgesmith-cli: " << unknownVerb(first) << '\n';
        return kExitBadInput;
    }
    return dispatch(*verb, words, streams);
}

} // namespace edgesmith::cli
