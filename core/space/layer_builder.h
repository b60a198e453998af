#pragma once
// Appends layers to an Architecture while tracking the current tensor, so operator
// builders read like the network they describe. Each primitive owns its metric rule
// (DESIGN.md conventions): conv MACs = out_elems × in/groups × k × k, linear in × out.
#include "core/space/architecture.h"

#include <string>

namespace edgesmith {

class LayerBuilder {
public:
    explicit LayerBuilder(Architecture& architecture) : architecture_(architecture) {}

    int current() const { return current_; }   // index of the tensor being extended (-1: input)
    Shape shape() const;
    void setCurrent(int tensor) { current_ = tensor; }
    void setPrefix(std::string prefix) { prefix_ = std::move(prefix); }
    const std::string& prefix() const { return prefix_; }

    // Each returns the index of the layer it appended, which becomes current.
    int conv(const std::string& name, const std::string& op, int out, int kernel, int stride, int groups,
             const std::string& activation, bool batchNorm = true, bool bias = false, int padding = -1);
    int linear(const std::string& name, const std::string& op, int out, bool bias = true, const std::string& activation = "");
    int pool(const std::string& name, LayerKind kind, int kernel, int stride, int padding);
    int globalAveragePool(const std::string& name);
    int squeezeExcite(const std::string& name, const std::string& op, int squeezeChannels, const std::string& gate = "sigmoid");
    int add(const std::string& name, const std::string& op, int other, const std::string& activation = "");
    int dropout(const std::string& name, double probability);

private:
    int append(Layer layer);
    Architecture& architecture_;
    int current_ = -1;
    std::string prefix_;
};

} // namespace edgesmith
