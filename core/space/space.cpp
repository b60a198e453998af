#include "core/space/space.h"

#include "core/common/text.h"
#include "core/project/schema.h"
#include "core/space/layer_builder.h"
#include "core/space/operators.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace edgesmith {
namespace {

using schema::childPath;
using schema::indexPath;
using schema::Node;

Node spaceSchema() {
    return Node::object()
        .required("name", Node::string("Template name").nonEmpty())
        .field("description", Node::string())
        .field("backbone", Node::choice({"chain", "cells"}, "Backbone kind").byDefault("chain"))
        .field("cells", Node::object("Macro-micro structure of a cells backbone")
                            .required("channels", Node::integer("Channels of the first cell").atLeast(1).atMost(4096))
                            .required("layers", Node::integer("Cells stacked").atLeast(1).atMost(64))
                            .field("reductions", Node::array(Node::integer().atLeast(0), "Indices of reduction cells (stride 2, channels doubled)").byDefault(Json::array()))
                            .required("nodes", Node::integer("Intermediate nodes per cell").atLeast(1).atMost(8))
                            .required("operations", Node::array(Node::choice(cellOperationNames()), "Operations an edge may choose").minItems(1)))
        .required("input", Node::object().required("channels", Node::integer().atLeast(1).atMost(4096)).required("resolution", Node::any()))
        .field("classes", Node::integer().atLeast(1))
        .field("width_multiplier", Node::any())
        .field("width_divisor", Node::integer().atLeast(1).atMost(256).byDefault(8))
        .field("stem", Node::array(Node::object().openKeys()))
        .field("stages", Node::array(Node::object()
                                         .required("depth", Node::any())
                                         .required("out", Node::any())
                                         .field("stride", Node::integer().atLeast(1).atMost(4).byDefault(1))
                                         .required("block", Node::object().required("op", Node::any()).openKeys())))
        .field("head", Node::array(Node::object().openKeys()));
}

// A value that is either one scalar or a non-empty list of alternatives.
std::vector<Json> alternatives(const Json& value) {
    if (!value.is_array()) return {value};
    return std::vector<Json>(value.begin(), value.end());
}

struct SpaceChecker {
    const Json& document;
    std::string file;
    std::vector<Diagnostic>& out;

    void report(const std::string& path, const std::string& message) { out.push_back({file, path, message}); }

    // Each alternative checked against `node`; lists must not be empty.
    void checkChoices(const Json& value, const Node& node, const std::string& path, bool allowList = true) {
        if (value.is_array()) {
            if (!allowList) return report(path, "must be a single value here, not a list of choices");
            if (value.empty()) return report(path, "the list of choices is empty");
            for (std::size_t index = 0; index < value.size(); ++index)
                checkValue(value[index], node, indexPath(path, index));
            return;
        }
        checkValue(value, node, path);
    }

    void checkValue(const Json& value, const Node& node, const std::string& path) {
        const std::size_t before = out.size();
        schema::validate(value, node, file, path, out);
        const bool kernel = path.find("kernel") != std::string::npos;
        if (out.size() == before && kernel && value.is_number_integer() && value.get<int>() % 2 == 0)
            report(path, std::to_string(value.get<int>()) + " is not an odd kernel size (1, 3, 5, 7, 9 or 11)");
        if (out.size() == before) checkBits(value, path);
    }

    // Bitwidths run 2..16, or 32 for float.
    void checkBits(const Json& value, const std::string& path) {
        if (path.find("_bits") == std::string::npos || !value.is_number_integer()) return;
        const int bits = value.get<int>();
        if (bits > 16 && bits != 32) report(path, std::to_string(bits) + " is not a bitwidth: use 2 to 16, or 32 for float");
    }

    void checkOperatorName(const Json& value, const std::string& path, bool searchable) {
        if (!value.is_string()) return report(path, "must be an operator name, got " + schema::describeValue(value));
        const OperatorInfo* info = findOperator(value.get<std::string>());
        if (!info) {
            std::string message = "unknown operator " + schema::describeValue(value);
            if (auto suggestion = closestMatch(value.get<std::string>(), operatorNames()); !suggestion.empty())
                message += " (did you mean \"" + suggestion + "\"?)";
            else
                message += " (known: " + joinWords(operatorNames()) + ")";
            return report(path, message);
        }
        if (searchable && !info->searchable) report(path, "\"" + info->name + "\" cannot be a stage block; use it in stem or head");
    }

    void checkFixedLayer(const Json& layer, const std::string& path) {
        if (!layer.contains("op")) return report(childPath(path, "op"), "missing; expected an operator name");
        const std::size_t before = out.size();
        checkOperatorName(layer["op"], childPath(path, "op"), false);
        if (out.size() != before) return;
        const OperatorInfo& info = *findOperator(layer["op"].get<std::string>());
        Json fields = layer;
        fields.erase("op");
        for (auto entry = fields.begin(); entry != fields.end(); ++entry)
            if (entry.value().is_array())
                report(childPath(path, entry.key()), "stem and head layers are fixed: give one value, not a list of choices");
        if (out.size() != before) return;
        schema::validate(fields, info.fields, file, path, out);
        if (fields.contains("kernel") && fields["kernel"].is_number_integer() && fields["kernel"].get<int>() % 2 == 0)
            report(childPath(path, "kernel"), std::to_string(fields["kernel"].get<int>()) + " is not an odd kernel size (1, 3, 5, 7, 9 or 11)");
        for (const char* key : {"weight_bits", "activation_bits"})
            if (fields.contains(key)) checkBits(fields[key], childPath(path, key));
    }

    void checkBlock(const Json& block, const std::string& path) {
        const Json& ops = block["op"];
        const std::size_t before = out.size();
        if (ops.is_array() && ops.empty()) return report(childPath(path, "op"), "the list of choices is empty");
        const auto names = alternatives(ops);
        for (std::size_t index = 0; index < names.size(); ++index)
            checkOperatorName(names[index], ops.is_array() ? indexPath(childPath(path, "op"), index) : childPath(path, "op"), true);
        if (out.size() != before) return;
        if (std::all_of(names.begin(), names.end(), [](const Json& name) { return name == "skip"; }))
            return report(childPath(path, "op"), "needs an operator besides \"skip\": a stage's first block is never skipped");
        for (auto entry = block.begin(); entry != block.end(); ++entry) {
            if (entry.key() == "op") continue;
            if (entry.key() == "out" || entry.key() == "stride") {
                report(childPath(path, entry.key()), "is set by the stage; write it on the stage, not in the block");
                continue;
            }
            const Node* node = nullptr;
            for (const auto& name : names)
                if (const auto* field = findOperator(name.get<std::string>())->fields.findField(entry.key())) node = &field->node;
            if (!node) {
                std::vector<std::string> operators, known;
                for (const auto& name : names) {
                    operators.push_back(name.get<std::string>());
                    for (const auto& field : findOperator(name.get<std::string>())->fields.fields()) known.push_back(field.name);
                }
                std::string message = "unknown field for " + joinWords(operators);
                if (auto suggestion = closestMatch(entry.key(), known); !suggestion.empty())
                    message += " (did you mean \"" + suggestion + "\"?)";
                report(childPath(path, entry.key()), message);
                continue;
            }
            checkChoices(entry.value(), *node, childPath(path, entry.key()));
        }
    }

    void checkStage(const Json& stage, const std::string& path) {
        checkChoices(stage["depth"], Node::integer("Blocks in the stage").atLeast(1).atMost(64), childPath(path, "depth"));
        checkChoices(stage["out"], Node::integer("Output channels").atLeast(1).atMost(100000), childPath(path, "out"));
        checkBlock(stage["block"], childPath(path, "block"));
    }

    void run() {
        if (!document.is_object()) return report("", "a search space must be a JSON object, got " + schema::describeValue(document));
        const std::size_t before = out.size();
        schema::validate(document, spaceSchema(), file, "", out);
        if (out.size() != before) return;
        checkChoices(document["input"]["resolution"], Node::integer("Input side length").atLeast(1).atMost(4096), "input.resolution");
        const bool cells = document.value("backbone", std::string("chain")) == "cells";
        if (cells && !document.contains("cells")) report("cells", "missing; a cells backbone needs its macro structure");
        if (!cells && document.contains("cells")) report("cells", "only a cells backbone takes \"cells\"; set \"backbone\": \"cells\"");
        if (cells && document.contains("stages") && !document["stages"].empty()) report("stages", "a cells backbone has no stages");
        if (cells && document.contains("cells")) {
            const Json& macro = document["cells"];
            const Json reductions = macro.value("reductions", Json::array());
            std::set<int> seen;
            for (std::size_t index = 0; index < reductions.size(); ++index) {
                const int cell = reductions[index].get<int>();
                if (cell >= macro["layers"].get<int>())
                    report(indexPath("cells.reductions", index), std::to_string(cell) + " is not a cell: there are " + macro["layers"].dump() + " (0-based)");
                if (!seen.insert(cell).second) report(indexPath("cells.reductions", index), std::to_string(cell) + " is listed twice");
            }
        }
        if (document.contains("width_multiplier"))
            checkChoices(document["width_multiplier"], Node::number("Width multiplier").above(0).atMost(8), "width_multiplier");
        for (const char* part : {"stem", "head"})
            if (document.contains(part))
                for (std::size_t index = 0; index < document[part].size(); ++index)
                    checkFixedLayer(document[part][index], indexPath(part, index));
        if (document.contains("stages"))
            for (std::size_t index = 0; index < document["stages"].size(); ++index)
                checkStage(document["stages"][index], indexPath("stages", index));
    }
};

std::string layerPathOf(const std::string& layerName) {
    // "stages[2].blocks[0].depthwise" → "stages[2]" (the stage holds the block's fields)
    const auto blocks = layerName.find(".blocks[");
    if (blocks != std::string::npos) return layerName.substr(0, blocks);
    const auto dot = layerName.find('.');
    return dot == std::string::npos ? layerName : layerName.substr(0, dot);
}

} // namespace

std::vector<Diagnostic> SearchSpace::check(const Json& document, const std::string& file) {
    std::vector<Diagnostic> diagnostics;
    // Structure first (parse throws every structural problem); then derive the extreme genotypes at the smallest resolution to catch
    // shapes that shrink below 1×1 and channel/group combinations that cannot work.
    SearchSpace space;
    try {
        space = parse(document, file);
    } catch (const ValidationError& error) {
        return error.diagnostics();
    }
    for (int extreme = 0; extreme < 2; ++extreme) {
        Genotype genotype(space.decisions_.size(), 0);
        for (std::size_t index = 0; index < genotype.size(); ++index) {
            if (static_cast<int>(index) == space.resolutionDecision_) {
                const auto& options = space.decisions_[index].options;
                genotype[index] = static_cast<int>(std::min_element(options.begin(), options.end()) - options.begin());
            } else if (extreme == 1) {
                genotype[index] = static_cast<int>(space.decisions_[index].options.size()) - 1;
            }
        }
        try {
            space.derive(genotype);
        } catch (const Error& error) {
            diagnostics.push_back({file, layerPathOf(error.path()), error.path() + ": " + error.message()});
            break;
        }
    }
    return diagnostics;
}

SearchSpace SearchSpace::parse(const Json& document, const std::string& file) {
    std::vector<Diagnostic> diagnostics;
    SpaceChecker{document, file, diagnostics}.run();
    if (!diagnostics.empty()) throw ValidationError(std::move(diagnostics));
    SearchSpace space;
    space.document_ = schema::withDefaults(document, spaceSchema());
    space.name_ = document["name"].get<std::string>();
    const auto addDecision = [&](const Json& value, std::string path, std::string label, int stage, int block) {
        if (!value.is_array() || value.size() < 2) return -1;
        space.decisions_.push_back({std::move(path), std::move(label), alternatives(value), stage, block});
        return static_cast<int>(space.decisions_.size()) - 1;
    };
    const Json& doc = space.document_;
    space.resolutionDecision_ = addDecision(doc["input"]["resolution"], "input.resolution", "resolution", -1, -1);
    if (doc.contains("width_multiplier"))
        space.widthDecision_ = addDecision(doc["width_multiplier"], "width_multiplier", "width multiplier", -1, -1);
    const Json stages = doc.value("stages", Json::array());
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const Json& stageDoc = stages[s];
        const std::string path = indexPath("stages", s);
        const std::string label = "stage " + std::to_string(s);
        Stage stage;
        for (const auto& option : alternatives(stageDoc["depth"])) stage.depthOptions.push_back(option.get<int>());
        stage.maxDepth = *std::max_element(stage.depthOptions.begin(), stage.depthOptions.end());
        stage.depthDecision = addDecision(stageDoc["depth"], childPath(path, "depth"), label + " · depth", static_cast<int>(s), -1);
        stage.outDecision = addDecision(stageDoc["out"], childPath(path, "out"), label + " · width", static_cast<int>(s), -1);
        for (auto entry = stageDoc["block"].begin(); entry != stageDoc["block"].end(); ++entry)
            if (entry.value().is_array() && entry.value().size() > 1) stage.blockFields.push_back(entry.key());
        double architectures = 1;
        for (int block = 0; block < stage.maxDepth; ++block) {
            Json spec = stageDoc["block"];
            // A first block changes stride and width, so it can never be an identity.
            if (block == 0 && spec["op"].is_array()) {
                Json ops = Json::array();
                for (const auto& op : spec["op"])
                    if (op != "skip") ops.push_back(op);
                spec["op"] = ops.size() == 1 ? ops.front() : ops;
            }
            std::vector<int> decisions;
            double options = 1;
            for (const auto& field : stage.blockFields) {
                decisions.push_back(addDecision(spec[field], childPath(childPath(path, "block"), field),
                                                label + " · block " + std::to_string(block) + " · " + field, static_cast<int>(s), block));
                options *= double(alternatives(spec[field]).size());
            }
            stage.blockDecisions.push_back(std::move(decisions));
            stage.blockSpecs.push_back(std::move(spec));
            architectures *= options;
            if (std::find(stage.depthOptions.begin(), stage.depthOptions.end(), block + 1) != stage.depthOptions.end())
                stage.depthWeights.push_back(architectures);
        }
        space.stages_.push_back(std::move(stage));
    }
    if (doc.value("backbone", std::string("chain")) == "cells") {
        Cells cells;
        const Json& macro = doc["cells"];
        cells.channels = macro["channels"].get<int>();
        cells.layers = macro["layers"].get<int>();
        cells.nodes = macro["nodes"].get<int>();
        for (const auto& cell : macro["reductions"]) cells.reductions.push_back(cell.get<int>());
        Json operations = Json::array();
        for (const auto& name : macro["operations"]) {
            for (const auto& known : cellOperationNames())
                if (name == known) cells.operations.push_back(known.c_str());
            operations.push_back(name);
        }
        for (const char* type : {"normal", "reduction"}) {
            for (int node = 0; node < cells.nodes; ++node) {
                Json inputs = Json::array();
                for (int input = 0; input < node + 2; ++input) inputs.push_back(input);
                for (int edge = 0; edge < 2; ++edge) {
                    const std::string where = std::string(type) + " cell · node " + std::to_string(node) + " · edge " + std::to_string(edge);
                    cells.decisions.push_back(addDecision(inputs, "cells.nodes", where + " · input", -1, -1));
                    cells.decisions.push_back(addDecision(operations, "cells.operations", where + " · operation", -1, -1));
                }
            }
        }
        space.cells_ = std::move(cells);
    }
    for (Stage& stage : space.stages_) {
        double running = 0;
        for (std::size_t option = 0; option < stage.depthOptions.size(); ++option)
            stage.depthCumulative.push_back(running += space.depthWeight(stage, option));
    }
    space.compile();
    return space;
}

Json SearchSpace::choose(const Json& value, const Genotype& genotype, int decision) const {
    if (!value.is_array()) return value;
    if (decision < 0) return value.front();
    return value[static_cast<std::size_t>(genotype[static_cast<std::size_t>(decision)])];
}

double SearchSpace::depthWeight(const Stage& stage, std::size_t depthOption) const {
    // depthWeights follows increasing depth; depthOptions may be written in any order.
    std::vector<int> sorted = stage.depthOptions;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const auto rank = std::lower_bound(sorted.begin(), sorted.end(), stage.depthOptions[depthOption]) - sorted.begin();
    return stage.depthWeights[static_cast<std::size_t>(rank)];
}

int SearchSpace::depthOf(const Genotype& genotype, const Stage& stage) const {
    if (stage.depthDecision < 0) return stage.depthOptions.front();
    return stage.depthOptions[static_cast<std::size_t>(genotype[static_cast<std::size_t>(stage.depthDecision)])];
}

double SearchSpace::size() const {
    double total = 1;
    for (const Decision& decision : decisions_)
        if (decision.stage < 0) total *= double(decision.options.size()); // resolution, width, cell decisions
    for (const Stage& stage : stages_) {
        double depths = 0;
        for (std::size_t option = 0; option < stage.depthOptions.size(); ++option) depths += depthWeight(stage, option);
        total *= depths;
        if (stage.outDecision >= 0) total *= double(decisions_[static_cast<std::size_t>(stage.outDecision)].options.size());
    }
    return total;
}

bool SearchSpace::isActive(const Genotype& genotype, std::size_t decision) const {
    const Decision& info = decisions_[decision];
    if (info.block < 0) return true;
    return info.block < depthOf(genotype, stages_[static_cast<std::size_t>(info.stage)]);
}

std::size_t SearchSpace::uniqueDecision(const std::string& path, const std::string& file, const std::string& field) const {
    std::vector<std::size_t> matches;
    std::vector<std::string> paths;
    for (std::size_t decision = 0; decision < decisions_.size(); ++decision) {
        if (decisions_[decision].path == path) matches.push_back(decision);
        if (std::find(paths.begin(), paths.end(), decisions_[decision].path) == paths.end()) paths.push_back(decisions_[decision].path);
    }
    if (matches.empty()) {
        std::string listed;
        for (const std::string& known : paths) listed += (listed.empty() ? "" : ", ") + known;
        throw Error(file, field, "the space has no decision \"" + path + "\"; its decisions: " + listed);
    }
    if (matches.size() > 1)
        throw Error(file, field, "\"" + path + "\" names " + std::to_string(matches.size()) + " decisions (one per block); choose a stage's depth or width");
    return matches.front();
}

Genotype SearchSpace::canonical(Genotype genotype) const {
    for (std::size_t index = 0; index < genotype.size(); ++index)
        if (!isActive(genotype, index)) genotype[index] = 0;
    return genotype;
}

Genotype SearchSpace::sample(std::mt19937_64& random) const {
    Genotype genotype(decisions_.size(), 0);
    for (std::size_t index = 0; index < decisions_.size(); ++index) {
        std::uniform_int_distribution<int> pick(0, static_cast<int>(decisions_[index].options.size()) - 1);
        genotype[index] = pick(random);
    }
    // Depths weighted by how many architectures each holds, so sampling is uniform over
    // distinct architectures rather than over depth values.
    for (const Stage& stage : stages_) {
        if (stage.depthDecision < 0) continue;
        std::uniform_real_distribution<double> pick(0.0, stage.depthCumulative.back());
        const auto& cumulative = stage.depthCumulative;
        const auto chosen = std::upper_bound(cumulative.begin(), cumulative.end(), pick(random)) - cumulative.begin();
        genotype[static_cast<std::size_t>(stage.depthDecision)] =
            static_cast<int>(std::min<long>(chosen, static_cast<long>(cumulative.size()) - 1));
    }
    return canonical(std::move(genotype));
}

Genotype SearchSpace::mutate(const Genotype& genotype, int count, std::mt19937_64& random) const {
    Genotype result = canonical(genotype);
    std::set<std::size_t> changed;
    for (int step = 0; step < count; ++step) {
        std::vector<std::size_t> candidates;
        for (std::size_t index = 0; index < decisions_.size(); ++index)
            if (!changed.count(index) && decisions_[index].options.size() > 1 && isActive(result, index)) candidates.push_back(index);
        while (!candidates.empty()) {
            std::uniform_int_distribution<std::size_t> pickDecision(0, candidates.size() - 1);
            const std::size_t position = pickDecision(random);
            const std::size_t index = candidates[position];
            const Decision& decision = decisions_[index];
            // A depth must keep every block already changed in this mutation.
            int minimumDepth = 0;
            if (decision.block < 0 && decision.stage >= 0 && static_cast<int>(index) == stages_[static_cast<std::size_t>(decision.stage)].depthDecision)
                for (std::size_t other : changed)
                    if (decisions_[other].stage == decision.stage && decisions_[other].block >= 0)
                        minimumDepth = std::max(minimumDepth, decisions_[other].block + 1);
            std::vector<int> options;
            for (int option = 0; option < static_cast<int>(decision.options.size()); ++option) {
                if (option == result[index]) continue;
                if (minimumDepth > 0 && stages_[static_cast<std::size_t>(decision.stage)].depthOptions[static_cast<std::size_t>(option)] < minimumDepth) continue;
                options.push_back(option);
            }
            if (options.empty()) {
                candidates.erase(candidates.begin() + static_cast<long>(position));
                continue;
            }
            std::uniform_int_distribution<std::size_t> pickOption(0, options.size() - 1);
            result[index] = options[pickOption(random)];
            changed.insert(index);
            result = canonical(std::move(result));
            break;
        }
        if (candidates.empty()) break;
    }
    return result;
}

Genotype SearchSpace::crossover(const Genotype& first, const Genotype& second, std::mt19937_64& random) const {
    Genotype child(decisions_.size(), 0);
    std::bernoulli_distribution coin(0.5);
    for (std::size_t index = 0; index < child.size(); ++index) child[index] = coin(random) ? first[index] : second[index];
    return canonical(std::move(child));
}

std::vector<Genotype> SearchSpace::enumerate(std::size_t limit) const {
    if (size() > double(limit))
        throw Error("", "", "the space holds " + formatNumber(size()) + " architectures, more than the limit of " +
                                std::to_string(limit) + " for enumeration");
    std::vector<Genotype> all;
    Genotype current(decisions_.size(), 0);
    std::function<void(std::size_t)> visit = [&](std::size_t index) {
        if (index == decisions_.size()) return all.push_back(current);
        if (!isActive(current, index)) {
            current[index] = 0;
            return visit(index + 1);
        }
        for (int option = 0; option < static_cast<int>(decisions_[index].options.size()); ++option) {
            current[index] = option;
            visit(index + 1);
        }
        current[index] = 0;
    };
    visit(0);
    return all;
}

std::string SearchSpace::key(const Genotype& genotype) const {
    std::string text;
    for (std::size_t index = 0; index < genotype.size(); ++index) {
        if (index) text += '-';
        text += std::to_string(genotype[index]);
    }
    return text.empty() ? "fixed" : text;
}

Genotype SearchSpace::parseKey(const std::string& key) const {
    const std::string where = "genotype \"" + key + "\"";
    if (decisions_.empty()) {
        if (key == "fixed" || key.empty()) return {};
        throw Error("", "", where + ": this space has no decisions; its only genotype is \"fixed\"");
    }
    Genotype genotype;
    std::size_t start = 0;
    while (start <= key.size()) {
        const std::size_t end = std::min(key.find('-', start), key.size());
        const std::string token = key.substr(start, end - start);
        const std::size_t index = genotype.size();
        if (index >= decisions_.size())
            throw Error("", "", where + ": has more than the space's " + std::to_string(decisions_.size()) + " decisions");
        const bool digits = !token.empty() && token.size() < 6 && std::all_of(token.begin(), token.end(), ::isdigit);
        const int option = digits ? std::stoi(token) : -1;
        const auto count = static_cast<int>(decisions_[index].options.size());
        if (option < 0 || option >= count)
            throw Error("", "", where + ": token " + std::to_string(index + 1) + " (\"" + token + "\") must be 0.." +
                                    std::to_string(count - 1) + " for " + decisions_[index].label);
        genotype.push_back(option);
        start = end + 1;
    }
    if (genotype.size() != decisions_.size())
        throw Error("", "", where + ": has " + std::to_string(genotype.size()) + " tokens; the space has " +
                                std::to_string(decisions_.size()) + " decisions");
    return genotype;
}

Shape SearchSpace::inputShape(const Genotype& genotype) const {
    const int resolution = choose(document_["input"]["resolution"], genotype, resolutionDecision_).get<int>();
    return {document_["input"]["channels"].get<int>(), resolution, resolution};
}

void SearchSpace::compile() {
    const auto numbers = [](const Json& value) {
        std::vector<Json> options = alternatives(value);
        return options;
    };
    channels_ = document_["input"]["channels"].get<int>();
    widthDivisor_ = document_["width_divisor"].get<int>();
    for (const auto& option : numbers(document_["input"]["resolution"])) resolutionOptions_.push_back(option.get<int>());
    widthOptions_ = {1.0};
    if (document_.contains("width_multiplier")) {
        widthOptions_.clear();
        for (const auto& option : numbers(document_["width_multiplier"])) widthOptions_.push_back(option.get<double>());
    }
    const auto fixedLayers = [](const Json& list, const char* part) {
        std::vector<FixedLayer> layers;
        for (std::size_t index = 0; index < list.size(); ++index) {
            const OperatorInfo* info = findOperator(list[index]["op"].get<std::string>());
            layers.push_back({info, info->params(list[index]), indexPath(part, index)});
        }
        return layers;
    };
    stem_ = fixedLayers(document_.value("stem", Json::array()), "stem");
    head_ = fixedLayers(document_.value("head", Json::array()), "head");
    const Json stages = document_.value("stages", Json::array());
    for (std::size_t s = 0; s < stages.size(); ++s) {
        Stage& stage = stages_[s];
        stage.stride = stages[s]["stride"].get<int>();
        for (const auto& option : numbers(stages[s]["out"])) stage.outOptions.push_back(option.get<int>());
        for (std::size_t position = 0; position < stage.blockSpecs.size(); ++position) {
            const Json& spec = stage.blockSpecs[position];
            Stage::Block block;
            block.prefix = indexPath(indexPath("stages", s) + ".blocks", position);
            Json fixed = Json::object();
            for (auto entry = spec.begin(); entry != spec.end(); ++entry)
                if (entry.key() != "op" && !entry.value().is_array()) fixed[entry.key()] = entry.value();
            for (const auto& op : numbers(spec["op"])) {
                const OperatorInfo* info = findOperator(op.get<std::string>());
                block.operators.push_back(info);
                block.base.push_back(info->params(fixed));
            }
            for (std::size_t field = 0; field < stage.blockFields.size(); ++field) {
                const int decision = stage.blockDecisions[position][field];
                if (stage.blockFields[field] == "op") block.operatorDecision = decision;
                else if (decision >= 0) block.choices.push_back({decision, paramField(stage.blockFields[field])});
            }
            stage.blocks.push_back(std::move(block));
        }
    }
}

Architecture SearchSpace::derive(const Genotype& genotype, bool withNames) const {
    if (genotype.size() != decisions_.size())
        throw Error("", "", "genotype has " + std::to_string(genotype.size()) + " decisions; the space has " +
                                std::to_string(decisions_.size()));
    const auto chosen = [&](int decision) { return decision < 0 ? 0 : genotype[static_cast<std::size_t>(decision)]; };
    Architecture architecture;
    architecture.layers.reserve(128);
    const int resolution = resolutionOptions_[static_cast<std::size_t>(chosen(resolutionDecision_))];
    architecture.input = {channels_, resolution, resolution};
    LayerBuilder builder(architecture);
    builder.setNaming(withNames);
    // The operator's bitwidths go to the layers with weights it just built.
    const auto build = [&](const OperatorInfo& info, const OperatorParams& params) {
        const std::size_t first = architecture.layers.size();
        info.build(params, builder);
        if (params.weightBits == 32 && params.activationBits == 32) return;
        for (std::size_t index = first; index < architecture.layers.size(); ++index) {
            Layer& layer = architecture.layers[index];
            if (layer.weightCount == 0 || (layer.kind != LayerKind::Conv && layer.kind != LayerKind::Linear)) continue;
            layer.weightBits = params.weightBits;
            layer.activationBits = params.activationBits;
        }
    };
    const auto buildFixed = [&](const std::vector<FixedLayer>& layers) {
        for (const FixedLayer& layer : layers) {
            builder.setPrefix(withNames ? layer.prefix : std::string());
            build(*layer.info, layer.params);
        }
    };
    buildFixed(stem_);
    if (cells_) deriveCells(genotype, builder, withNames);
    const double multiplier = widthOptions_[static_cast<std::size_t>(chosen(widthDecision_))];
    for (const Stage& stage : stages_) {
        int out = stage.outOptions[static_cast<std::size_t>(chosen(stage.outDecision))];
        if (multiplier != 1.0) out = makeDivisible(out * multiplier, widthDivisor_);
        const int depth = depthOf(genotype, stage);
        for (int position = 0; position < depth; ++position) {
            const Stage::Block& block = stage.blocks[static_cast<std::size_t>(position)];
            const auto option = static_cast<std::size_t>(chosen(block.operatorDecision));
            const OperatorInfo& info = *block.operators[option];
            OperatorParams params = block.base[option];
            for (const auto& [decision, field] : block.choices)
                if (info.accepts(field))
                    params.set(field, decisions_[static_cast<std::size_t>(decision)].options[static_cast<std::size_t>(genotype[static_cast<std::size_t>(decision)])]);
            params.out = out;
            if (info.accepts(ParamField::Stride)) params.stride = position == 0 ? stage.stride : 1;
            if (withNames) builder.setPrefix(block.prefix);
            build(info, params);
        }
    }
    buildFixed(head_);
    return architecture;
}

} // namespace edgesmith
