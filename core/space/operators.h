#pragma once
// The operators a search space may use. Adding one is one entry here: its field schema
// (validation, defaults, GUI forms) and its builder (layers plus their metric rules).
#include "core/common/json.h"
#include "core/project/schema.h"
#include "core/space/layer_builder.h"

#include <functional>
#include <string>
#include <vector>

namespace edgesmith {

struct OperatorInfo {
    std::string name;
    std::string description;
    bool searchable; // may appear as a stage block with choice lists
    schema::Node fields; // object node of the fields besides "op"
    // `fields` arrives with defaults filled and every value a single choice.
    std::function<void(const Json& fields, LayerBuilder& builder)> build;
};

const std::vector<OperatorInfo>& operatorCatalog();
const OperatorInfo* findOperator(const std::string& name);
std::vector<std::string> operatorNames();

// torchvision's _make_divisible: round to a multiple of `divisor`, never below 90 %.
int makeDivisible(double value, int divisor);

} // namespace edgesmith
