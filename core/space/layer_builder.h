#pragma once
// Appends layers to an Architecture while tracking the current tensor, so operator
// builders read like the network they describe. Each primitive owns its metric rule
// (DESIGN.md conventions): conv MACs = out_elems × in/groups × k × k, linear in × out.
#include "core/space/architecture.h"

#include <string>
#include <vector>

namespace edgesmith {

class LayerBuilder {
public:
    explicit LayerBuilder(Architecture& architecture) : architecture_(architecture) {}

    int current() const { return current_; }   // index of the tensor being extended (-1: input)
    Shape shape() const;
    void setCurrent(int tensor) { current_ = tensor; }
    void setPrefix(std::string prefix) { prefix_ = std::move(prefix); }
    // Layer names cost an allocation each; metric-only derivations leave them empty.
    void setNaming(bool naming) { naming_ = naming; }
    const std::string& prefix() const { return prefix_; }

    // Each returns the index of the layer it appended, which becomes current.
    int conv(const char* name, const char* op, int out, int kernel, int stride, int groups,
             const char* activation, bool batchNorm = true, bool bias = false, int padding = -1, int dilation = 1);
    int linear(const char* name, const char* op, int out, bool bias = true, const char* activation = "");
    int pool(const char* name, LayerKind kind, int kernel, int stride, int padding);
    int globalAveragePool(const char* name);
    int squeezeExcite(const char* name, const char* op, int squeezeChannels, const char* gate = "sigmoid");
    int add(const char* name, const char* op, int other, const char* activation = "");
    int dropout(const char* name, double probability);
    int channelShuffle(const char* name, const char* op, int groups);
    int slice(const char* name, const char* op, int start, int count);
    int concat(const char* name, const char* op, const std::vector<int>& parts);

private:
    int append(Layer layer, const char* name);
    Architecture& architecture_;
    int current_ = -1;
    std::string prefix_;
    bool naming_ = true;
};

} // namespace edgesmith
