#pragma once
#include "app/cli/arguments.h"

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace edgesmith::cli {

enum ExitCode : int { kExitOk = 0, kExitFailed = 1, kExitBadInput = 2 };

// Where a verb writes: results on `out` (human text, or JSON lines with --json),
// problems on `err`.
struct Streams {
    std::ostream& out;
    std::ostream& err;
};

// One CLI verb: `edgesmith-cli NAME PROJECT-or-RUN [options]`. Adding a verb is one
// definition like this plus one line in command_line.cpp's list.
struct Verb {
    std::string name;
    std::string summary;     // one line for --help
    std::string usage;       // "validate PROJECT... [--json]"
    std::string description; // paragraph for `help VERB`
    std::vector<OptionSpec> options;
    std::function<int(const Arguments&, Streams&)> run;
};

Verb validateVerb();
Verb infoVerb();
Verb metricsVerb();
Verb trainVerb();
Verb latencyVerb();
Verb searchVerb();
Verb runsVerb();
Verb showVerb();
Verb compressVerb();
Verb exportVerb();
Verb importVerb();
Verb predictVerb();
Verb differentiableVerb();
Verb proxiesVerb();
Verb simulateVerb();
Verb latencyModelsVerb();
Verb deviceProfileVerb();
Verb slurmScriptVerb();
Verb deviceKitVerb();
Verb deviceImportVerb();
Verb deviceFitVerb();

// Parses argv, dispatches to the verb and turns every error into one clear line on
// stderr and an exit code (0 ok, 1 failed, 2 bad input).
int runCommandLine(int argc, char** argv, Streams streams);

} // namespace edgesmith::cli
