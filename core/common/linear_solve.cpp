#include "core/common/linear_solve.h"

#include <cmath>
#include <utility>

namespace edgesmith {

std::vector<double> solveLinearSystem(std::vector<std::vector<double>> a, std::vector<double> b) {
    const std::size_t n = b.size();
    for (std::size_t column = 0; column < n; ++column) {
        std::size_t pivot = column;
        for (std::size_t row = column + 1; row < n; ++row)
            if (std::abs(a[row][column]) > std::abs(a[pivot][column])) pivot = row;
        std::swap(a[column], a[pivot]);
        std::swap(b[column], b[pivot]);
        if (std::abs(a[column][column]) < 1e-12) continue;
        for (std::size_t row = column + 1; row < n; ++row) {
            const double factor = a[row][column] / a[column][column];
            for (std::size_t k = column; k < n; ++k) a[row][k] -= factor * a[column][k];
            b[row] -= factor * b[column];
        }
    }
    std::vector<double> x(n, 0.0);
    for (std::size_t row = n; row-- > 0;) {
        double value = b[row];
        for (std::size_t k = row + 1; k < n; ++k) value -= a[row][k] * x[k];
        x[row] = std::abs(a[row][row]) < 1e-12 ? 0.0 : value / a[row][row];
    }
    return x;
}

} // namespace edgesmith
