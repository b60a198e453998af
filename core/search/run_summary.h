#pragma once
// What a run achieved, from its candidates in completion order: the Pareto front of the
// project's objectives, its hypervolume and the hypervolume after each candidate. Shared
// by `edgesmith-cli show` and the GUI's convergence plot so both report the same figures.
#include "core/search/candidate.h"
#include "core/search/objectives.h"
#include "core/search/pareto.h"

#include <cstddef>
#include <vector>

namespace edgesmith {

struct RunSummary {
    std::vector<std::size_t> members; // indices into the candidates, sorted by the first objective
    double hypervolume = -1;          // 2 or 3 objectives only; -1 otherwise
    Point reference;                  // worst evaluated value + 10 % of the range, per objective
    std::vector<double> history;      // hypervolume after each candidate, in completion order
};

RunSummary summariseRun(const std::vector<Candidate>& candidates, const Objectives& objectives);

// Same, from already minimised points (+infinity components: not evaluated).
RunSummary summarisePoints(const std::vector<Point>& points);

} // namespace edgesmith
