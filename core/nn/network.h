#pragma once
// The LibTorch network built from an Architecture. This header stays torch-free; core's
// training and export code reach the module through core/nn/internal/network_module.h.
#include "core/space/architecture.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace edgesmith {

struct NetworkModuleImpl;

class Network {
public:
    // Builds every layer with standard initialisation (Kaiming for convolutions, unit
    // batch norm, small normal for linear layers), seeded for reproducibility.
    explicit Network(const Architecture& architecture, std::uint64_t seed = 0);
    ~Network();
    Network(Network&&) noexcept;
    Network& operator=(Network&&) noexcept;

    std::int64_t parameterCount() const;
    // Shape of the output for a batch of zeros: {batch, classes} or {batch, C, H, W}.
    std::vector<std::int64_t> outputShape(int batch = 1) const;
    // "cpu" or "cuda"; throws Error when the device is not available.
    void moveTo(const std::string& device);
    // Weights and buffers to a LibTorch archive, and back into a network of the same
    // architecture. Throws IoError naming the file when it cannot be written or read, and
    // Error when the archive holds another architecture's tensors.
    void save(const std::string& file) const;
    void load(const std::string& file);

    const Architecture& architecture() const { return architecture_; }

    NetworkModuleImpl& module() { return *module_; }

private:
    Architecture architecture_;
    std::shared_ptr<NetworkModuleImpl> module_;
};

} // namespace edgesmith
