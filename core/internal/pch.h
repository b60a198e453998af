// Precompiled header of edgesmith_core: LibTorch is by far the slowest header to parse,
// and it is only ever seen by core's .cpp files.
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
