#include "app/cli/command_line.h"

#include "core/common/json.h"
#include "core/common/text.h"
#include "core/project/project.h"
#include "core/space/space.h"

#include <iomanip>
#include <limits>

namespace edgesmith::cli {
namespace {

constexpr long long kEnumerationLimit = 100000;

std::vector<Genotype> chooseGenotypes(const Arguments& arguments, const SearchSpace& space) {
    const bool all = arguments.flag("all");
    const auto genotype = arguments.value("genotype");
    const bool sample = arguments.value("sample").has_value();
    if (int(all) + int(genotype.has_value()) + int(sample) > 1) throw UsageError("choose one of --genotype, --sample and --all");
    if (genotype) {
        try {
            return {space.canonical(space.parseKey(*genotype))};
        } catch (const Error& error) {
            throw UsageError(error.message());
        }
    }
    if (all) {
        if (space.size() > double(kEnumerationLimit))
            throw UsageError("the space holds " + formatNumber(space.size()) + " architectures; --all is limited to " +
                             std::to_string(kEnumerationLimit) + " (use --sample N)");
        return space.enumerate(static_cast<std::size_t>(kEnumerationLimit));
    }
    if (!sample && space.size() <= 5) return space.enumerate(5);
    const long long count = arguments.integer("sample", 5, 1, 1000000);
    std::mt19937_64 random(static_cast<std::uint64_t>(arguments.integer("seed", 0, 0, std::numeric_limits<long long>::max())));
    std::vector<Genotype> genotypes;
    for (long long index = 0; index < count; ++index) genotypes.push_back(space.sample(random));
    return genotypes;
}

void printLayers(const Architecture& architecture, std::ostream& out) {
    out << "  " << std::left << std::setw(34) << "layer" << std::setw(17) << "op" << std::setw(14) << "input" << std::setw(14)
        << "output" << std::right << std::setw(14) << "MACs" << std::setw(11) << "params" << '\n';
    for (const Layer& layer : architecture.layers)
        out << "  " << std::left << std::setw(34) << layer.name << std::setw(17) << layer.op << std::setw(14) << layer.input.text()
            << std::setw(14) << layer.output.text() << std::right << std::setw(14) << layer.macs << std::setw(11) << layer.params << '\n';
}

int run(const Arguments& arguments, Streams& streams) {
    if (arguments.positionals().size() != 1) throw UsageError("name one project file");
    const Project project = Project::load(arguments.positionals().front());
    const SearchSpace space = SearchSpace::parse(project.spaceDocument(), project.spaceLabel());
    const auto genotypes = chooseGenotypes(arguments, space);
    const bool json = arguments.flag("json");
    const bool layers = arguments.flag("layers");
    if (!json)
        streams.out << "space " << space.name() << ": " << space.decisions().size() << " decisions, " << formatNumber(space.size())
                    << " architectures\n\n"
                    << std::left << std::setw(48) << "genotype" << std::right << std::setw(14) << "MACs" << std::setw(12) << "params"
                    << std::setw(14) << "peak act. B" << std::setw(14) << "storage B" << '\n';
    for (const Genotype& genotype : genotypes) {
        const Architecture architecture = space.derive(genotype, layers);
        const Metrics metrics = computeMetrics(architecture);
        const std::string key = space.key(genotype);
        if (json) {
            Json line = {{"genotype", key}, {"macs", metrics.macs}, {"flops", metrics.flops}, {"params", metrics.params},
                         {"peak_activation_bytes", metrics.peakActivationBytes}, {"storage_bytes", metrics.storageBytes},
                         {"bitops", metrics.bitops}};
            if (layers) {
                line["layers"] = layerTable(architecture);
            }
            streams.out << line.dump() << '\n';
            continue;
        }
        streams.out << std::left << std::setw(48) << key << std::right << std::setw(14) << metrics.macs << std::setw(12) << metrics.params
                    << std::setw(14) << metrics.peakActivationBytes << std::setw(14) << metrics.storageBytes << '\n';
        if (layers) printLayers(architecture, streams.out);
    }
    return kExitOk;
}

} // namespace

Verb metricsVerb() {
    return {"metrics",
            "exact MACs, params, peak activation memory and storage of architectures",
            "metrics PROJECT [--genotype G | --sample N [--seed S] | --all] [--layers] [--json]",
            "Derives architectures of the project's search space and prints their analytic metrics\n"
            "(DESIGN.md conventions: MACs of conv and linear layers, FLOPs = 2 x MACs, every\n"
            "trainable parameter, peak live activation bytes, fp32 storage). Without a choice it\n"
            "samples 5 architectures with seed 0. --all enumerates spaces of up to 100000.",
            {{"genotype", "G", "one architecture by its genotype key (indices joined by '-')"},
             {"sample", "N", "N architectures sampled uniformly"},
             {"seed", "S", "seed of --sample (default 0)"},
             {"all", "", "every architecture of a small space, in grid order"},
             {"layers", "", "add the per-layer table"},
             {"json", "", "one JSON object per architecture on stdout"}},
            run};
}

} // namespace edgesmith::cli
