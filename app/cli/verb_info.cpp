#include "app/cli/command_line.h"

#include "core/common/json.h"
#include "core/common/paths.h"
#include "core/common/text.h"
#include "core/common/version.h"
#include "core/engine/runtime.h"
#include "core/project/catalog.h"
#include "core/hw/device_profile.h"
#include "core/project/project.h"

namespace edgesmith::cli {
namespace {

int run(const Arguments& arguments, Streams& streams) {
    if (!arguments.positionals().empty()) throw UsageError("info takes no project");
    const RuntimeInfo runtime = runtimeInfo();
    const Json info = {
        {"version", kVersion},
        {"project_format", kProjectFormatVersion},
        {"torch", runtime.torchVersion},
        {"threads", runtime.intraOpThreads},
        {"hardware_threads", runtime.hardwareThreads},
        {"cuda", runtime.cudaAvailable},
        {"cuda_devices", runtime.cudaDevices},
        {"blas", runtime.blas},
        {"resources", resourceDirectory().string()},
        {"templates", spaceTemplateNames()},
        {"device_profiles", deviceProfileNames()},
        {"strategies", methodNames(strategyCatalog())},
        {"estimators", methodNames(estimatorCatalog())},
        {"compression_methods", methodNames(compressionCatalog())},
    };
    if (arguments.flag("json")) {
        streams.out << info.dump() << '\n';
        return kExitOk;
    }
    streams.out << "EdgeSmith           " << kVersion << " (project format " << kProjectFormatVersion << ")\n"
                << "LibTorch            " << runtime.torchVersion << "\n"
                << "Threads             " << runtime.intraOpThreads << " of " << runtime.hardwareThreads << " hardware threads\n"
                << "CUDA                " << (runtime.cudaAvailable ? std::to_string(runtime.cudaDevices) + " device(s)" : "not available") << "\n"
                << "BLAS                " << runtime.blas << "\n"
                << "Resources           " << resourceDirectory().string() << "\n"
                << "Space templates     " << joinWords(spaceTemplateNames()) << "\n"
                << "Device profiles     " << joinWords(deviceProfileNames()) << "\n"
                << "Strategies          " << joinWords(methodNames(strategyCatalog())) << "\n"
                << "Estimators          " << joinWords(methodNames(estimatorCatalog())) << "\n"
                << "Compression         " << joinWords(methodNames(compressionCatalog())) << "\n";
    return kExitOk;
}

} // namespace

Verb infoVerb() {
    return {"info",
            "show the version, compute runtime, templates and methods available",
            "info [--json]",
            "Prints what this build of EdgeSmith can use: LibTorch version, threads, CUDA,\n"
            "the BLAS behind matrix products, shipped space templates and device profiles,\n"
            "and the names of strategies, estimators and compression methods projects may name.",
            {{"json", "", "one JSON object on stdout"}},
            run};
}

} // namespace edgesmith::cli
