#pragma once
// Pareto utilities on objective vectors in which every component is minimised (callers
// negate maximised objectives first, see Objectives::minimised).
#include <cstddef>
#include <vector>

namespace edgesmith {

using Point = std::vector<double>;

// a is no worse than b everywhere and better somewhere.
bool dominates(const Point& a, const Point& b);

// Fast non-dominated sort (Deb et al., NSGA-II): fronts[0] are the indices of the
// non-dominated points, fronts[1] those dominated only by fronts[0], and so on.
// Duplicate points share a front. O(M N^2).
std::vector<std::vector<std::size_t>> nonDominatedSort(const std::vector<Point>& points);

// The indices of the non-dominated points (fronts[0]), in input order.
std::vector<std::size_t> paretoFront(const std::vector<Point>& points);

// Crowding distance of each member of one front (same order as `front`): boundary
// points get +infinity; the others the sum over objectives of the normalised gap
// between their neighbours.
std::vector<double> crowdingDistance(const std::vector<Point>& points, const std::vector<std::size_t>& front);

// Exact hypervolume dominated by `points` and bounded by `reference` (every point
// component must be below the reference to count; others contribute nothing).
// Exact for any dimension; 2 and 3 objectives use sweeps (O(N log N) and O(N^2)).
double hypervolume(const std::vector<Point>& points, const Point& reference);

// The hypervolume after each point of `points` in order (a run's hypervolume history),
// all with one reference point. Only the current front is kept and its volume recomputed
// when it changes, so long runs with small fronts stay cheap.
std::vector<double> hypervolumeHistory(const std::vector<Point>& points, const Point& reference);

} // namespace edgesmith
