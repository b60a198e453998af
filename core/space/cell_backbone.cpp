// The macro-micro (DARTS-like) backbone of SearchSpace: cells stacked with reductions,
// each cell a small DAG whose edges choose an input and an operation.
#include "core/common/error.h"
#include "core/space/space.h"

#include <algorithm>

namespace edgesmith {
namespace {

enum Kind { kInput = 0, kOperation = 1 };

// One edge: `operation` applied to `input` with `stride`; returns the tensor it yields
// (the input itself for an identity).
int buildEdge(LayerBuilder& builder, std::string_view operation, int input, int stride, int channels) {
    builder.setCurrent(input);
    const char* op = operation.data(); // static names from cellOperationNames()
    if (operation == "sep_conv_3x3" || operation == "sep_conv_5x5") {
        const int k = operation == "sep_conv_3x3" ? 3 : 5;
        builder.conv("depthwise1", op, channels, k, stride, channels, "", false);
        builder.conv("pointwise1", op, channels, 1, 1, 1, "relu");
        builder.conv("depthwise2", op, channels, k, 1, channels, "", false);
        return builder.conv("pointwise2", op, channels, 1, 1, 1, "");
    }
    if (operation == "dil_conv_3x3" || operation == "dil_conv_5x5") {
        const int k = operation == "dil_conv_3x3" ? 3 : 5;
        builder.conv("depthwise", op, channels, k, stride, channels, "", false, false, -1, 2);
        return builder.conv("pointwise", op, channels, 1, 1, 1, "");
    }
    if (operation == "max_pool_3x3") return builder.pool("pool", LayerKind::MaxPool, 3, stride, 1);
    if (operation == "avg_pool_3x3") return builder.pool("pool", LayerKind::AvgPool, 3, stride, 1);
    // skip_connect: identity, or a strided 1×1 projection in a reduction cell.
    if (stride == 1) return input;
    return builder.conv("reduce", op, channels, 1, stride, 1, "", true, false, 0);
}

} // namespace

const std::vector<std::string>& cellOperationNames() {
    static const std::vector<std::string> names = {"sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5",
                                                   "max_pool_3x3", "avg_pool_3x3", "skip_connect"};
    return names;
}

void SearchSpace::deriveCells(const Genotype& genotype, LayerBuilder& builder, bool withNames) const {
    const Cells& cells = *cells_;
    const auto chosen = [&](int decision) { return decision < 0 ? 0 : genotype[static_cast<std::size_t>(decision)]; };
    const auto prefix = [&](const std::string& text) {
        if (withNames) builder.setPrefix(text);
    };
    int previousPrevious = builder.current(), previous = builder.current();
    bool previousWasReduction = false;
    int channels = cells.channels;
    for (int cell = 0; cell < cells.layers; ++cell) {
        const bool reduction = std::find(cells.reductions.begin(), cells.reductions.end(), cell) != cells.reductions.end();
        if (reduction) channels *= 2;
        const std::string cellPath = withNames ? "cells[" + std::to_string(cell) + "]" : std::string();
        prefix(cellPath);
        // Bring both inputs to this cell's width (and the older one to the newer's size).
        builder.setCurrent(previousPrevious);
        const int input0 = builder.conv("preprocess0", "cell", channels, 1, previousWasReduction ? 2 : 1, 1, "relu", true, false, 0);
        builder.setCurrent(previous);
        const int input1 = builder.conv("preprocess1", "cell", channels, 1, 1, 1, "relu", true, false, 0);
        std::vector<int> states = {input0, input1};
        const int type = reduction ? 1 : 0;
        for (int node = 0; node < cells.nodes; ++node) {
            int edges[2];
            for (int edge = 0; edge < 2; ++edge) {
                const int source = chosen(cells.decisionAt(type, node, edge, kInput));
                const char* operation = cells.operations[static_cast<std::size_t>(chosen(cells.decisionAt(type, node, edge, kOperation)))];
                if (withNames) prefix(cellPath + ".nodes[" + std::to_string(node) + "].edges[" + std::to_string(edge) + "]");
                edges[edge] = buildEdge(builder, operation, states[static_cast<std::size_t>(source)], reduction && source < 2 ? 2 : 1, channels);
            }
            if (withNames) prefix(cellPath + ".nodes[" + std::to_string(node) + "]");
            builder.setCurrent(edges[0]);
            states.push_back(builder.add("sum", "cell", edges[1]));
        }
        prefix(cellPath);
        previousPrevious = previous;
        previous = builder.concat("concat", "cell", std::vector<int>(states.begin() + 2, states.end()));
        previousWasReduction = reduction;
    }
    builder.setCurrent(previous);
}

} // namespace edgesmith
