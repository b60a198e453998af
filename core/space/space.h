#pragma once
// A declarative search space (JSON, see docs/spaces.md) and its genotypes. A genotype
// is the vector of chosen option indices, one per decision; its canonical string (the
// indices joined by '-') is the key everywhere: database, tables, GUI.
#include "core/common/error.h"
#include "core/common/json.h"
#include "core/space/architecture.h"
#include "core/space/operators.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace edgesmith {

using Genotype = std::vector<int>;

struct Decision {
    std::string path;   // JSON path of the option list, e.g. "stages[1].block.kernel"
    std::string label;  // "stage 1 · block 0 · kernel"
    std::vector<Json> options;
    int stage = -1;     // -1 for space-wide decisions
    int block = -1;     // -1 for stage-wide decisions (depth, out)
};

// Operations a cell edge may choose (DARTS's list without "none").
const std::vector<std::string>& cellOperationNames();

class SearchSpace {
public:
    // Validates and parses; throws ValidationError listing every problem with its path.
    static SearchSpace parse(const Json& document, const std::string& file);
    static std::vector<Diagnostic> check(const Json& document, const std::string& file);

    const std::string& name() const { return name_; }
    const Json& document() const { return document_; }
    const std::vector<Decision>& decisions() const { return decisions_; }

    // Number of distinct architectures (decisions of dropped blocks do not count).
    double size() const;
    // Whether a decision matters for this genotype (its block is within the chosen depth).
    bool isActive(const Genotype& genotype, std::size_t decision) const;
    // Inactive decisions set to 0, so equal architectures have equal keys.
    Genotype canonical(Genotype genotype) const;
    // The one decision whose path is `path` (a stage's depth or width: block decisions
    // repeat their path in every block); throws Error naming `field` of `file` when no
    // decision or several have it.
    std::size_t uniqueDecision(const std::string& path, const std::string& file, const std::string& field) const;

    // Uniform over distinct architectures.
    Genotype sample(std::mt19937_64& random) const;
    // Changes exactly `count` decisions that are active (in the result), fewer only when
    // the genotype has fewer changeable decisions.
    Genotype mutate(const Genotype& genotype, int count, std::mt19937_64& random) const;
    // Uniform crossover: each decision from either parent.
    Genotype crossover(const Genotype& first, const Genotype& second, std::mt19937_64& random) const;
    // Every distinct architecture in grid order (last decision varies fastest);
    // throws Error when the space has more than `limit`.
    std::vector<Genotype> enumerate(std::size_t limit) const;

    std::string key(const Genotype& genotype) const;
    Genotype parseKey(const std::string& key) const; // throws Error naming the bad token

    // `withNames` false leaves layer names empty: the metric-only inner loop of a search
    // needs shapes and counts, and names cost an allocation per layer.
    Architecture derive(const Genotype& genotype, bool withNames = true) const;
    Shape inputShape(const Genotype& genotype) const;

private:
    struct Stage {
        int depthDecision = -1, outDecision = -1;
        int maxDepth = 1;
        std::vector<int> depthOptions;
        std::vector<std::vector<int>> blockDecisions; // [block][field] → decision index (-1: fixed)
        std::vector<std::string> blockFields;         // field names with choices, in order
        std::vector<Json> blockSpecs;                 // [block] the block's options (no skip in block 0)
        // Architectures of the stage at each depth: Σ over depths of Π of per-block options.
        std::vector<double> depthWeights;
        std::vector<double> depthCumulative; // running sums of the weights per depth option, for sampling
        // Compiled once at parse time so that derive() reads no JSON:
        struct Block {
            std::vector<const OperatorInfo*> operators; // per option of the op decision (one when fixed)
            std::vector<OperatorParams> base;           // fixed fields and defaults, per operator
            int operatorDecision = -1;
            std::vector<std::pair<int, ParamField>> choices; // other decisions and the field each sets
            std::string prefix;                              // "stages[1].blocks[0]"
        };
        std::vector<Block> blocks;
        std::vector<int> outOptions;
        int stride = 1;
    };
    struct FixedLayer {
        const OperatorInfo* info;
        OperatorParams params;
        std::string prefix;
    };
    void compile();

    // Macro-micro (DARTS-like) backbone: `layers` cells, two cell types (normal and
    // reduction) each a DAG of `nodes` nodes; every node sums two edges, each choosing
    // an input (the two previous cells' outputs or an earlier node) and an operation.
    struct Cells {
        int channels = 16, layers = 8, nodes = 4;
        std::vector<int> reductions;
        std::vector<const char*> operations;   // static names, see cellOperationNames()
        std::vector<int> decisions;            // [type][node][edge][input|operation] → decision (-1: fixed)
        int decisionAt(int type, int node, int edge, int kind) const {
            return decisions[static_cast<std::size_t>(((type * nodes + node) * 2 + edge) * 2 + kind)];
        }
    };
    void deriveCells(const Genotype& genotype, LayerBuilder& builder, bool withNames) const;
    std::optional<Cells> cells_;
    Json choose(const Json& value, const Genotype& genotype, int decision) const;
    int depthOf(const Genotype& genotype, const Stage& stage) const;
    double depthWeight(const Stage& stage, std::size_t depthOption) const;

    std::string name_;
    Json document_;
    std::vector<Decision> decisions_;
    std::vector<Stage> stages_;
    std::vector<FixedLayer> stem_, head_;
    std::vector<int> resolutionOptions_;
    std::vector<double> widthOptions_;
    int channels_ = 1;
    int widthDivisor_ = 8;
    int resolutionDecision_ = -1;
    int widthDecision_ = -1;
};

} // namespace edgesmith
