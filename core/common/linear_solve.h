#pragma once
#include <vector>

namespace edgesmith {

// Solves A x = b for a small dense, well-conditioned (regularised) matrix by Gaussian
// elimination with partial pivoting; a singular direction gets 0.
std::vector<double> solveLinearSystem(std::vector<std::vector<double>> a, std::vector<double> b);

} // namespace edgesmith
