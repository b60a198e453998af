#pragma once
// The operators a search space may use. Adding one is one entry here: its field schema
// (validation, defaults, GUI forms) and its builder (layers plus their metric rules).
#include "core/common/json.h"
#include "core/project/schema.h"
#include "core/space/layer_builder.h"

#include <bitset>
#include <functional>
#include <string>
#include <vector>

namespace edgesmith {

// Every field an operator may take, typed. JSON is read once when a space is parsed;
// deriving architectures (the inner loop of a search) only copies these.
enum class ParamField { Out, Kernel, Stride, Groups, Padding, Expansion, Se, SeRatio, Bn, Bias, Shuffle, Activation, Dropout, WeightBits, ActivationBits, Count };

struct OperatorParams {
    int out = 0, kernel = 3, stride = 1, groups = 1, padding = -1;
    double expansion = 6, seRatio = 0.25, dropout = 0.2;
    bool se = false, bn = true, bias = false, shuffle = true;
    const char* activation = ""; // one of the static names in activationNames(); "" for none
    // Bitwidths of the convolutions and linear layers the operator builds (32: float), so a
    // space can search architecture and quantization together (survey V-C2).
    int weightBits = 32, activationBits = 32;

    // Sets one field from its JSON value (already validated by the operator's schema).
    void set(ParamField field, const Json& value);
};

// The field a JSON key names ("out", "kernel", ..., "p" for dropout), or Count.
ParamField paramField(const std::string& key);

struct OperatorInfo {
    std::string name;
    std::string description;
    bool searchable; // may appear as a stage block with choice lists
    schema::Node fields; // object node of the fields besides "op"
    std::function<void(const OperatorParams& params, LayerBuilder& builder)> build;
    std::bitset<static_cast<std::size_t>(ParamField::Count)> accepted; // filled from `fields`

    bool accepts(ParamField field) const { return accepted.test(static_cast<std::size_t>(field)); }
    // Defaults of `fields`, overridden by the keys of `values` this operator takes.
    OperatorParams params(const Json& values) const;
};

const std::vector<OperatorInfo>& operatorCatalog();
const OperatorInfo* findOperator(const std::string& name);
std::vector<std::string> operatorNames();

// torchvision's _make_divisible: round to a multiple of `divisor`, never below 90 %.
int makeDivisible(double value, int divisor);

} // namespace edgesmith
