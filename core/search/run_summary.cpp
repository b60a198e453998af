#include "core/search/run_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace edgesmith {
namespace {

bool finite(const Point& point) {
    return std::all_of(point.begin(), point.end(), [](double value) { return std::isfinite(value); });
}

} // namespace

RunSummary summarisePoints(const std::vector<Point>& all) {
    RunSummary summary;
    std::vector<Point> points;
    std::vector<std::size_t> evaluated;
    for (std::size_t index = 0; index < all.size(); ++index) {
        if (!finite(all[index])) continue;
        points.push_back(all[index]);
        evaluated.push_back(index);
    }
    if (points.empty()) return summary;
    for (std::size_t position : paretoFront(points)) summary.members.push_back(evaluated[position]);
    std::sort(summary.members.begin(), summary.members.end(), [&](std::size_t a, std::size_t b) { return all[a] < all[b]; });
    const std::size_t dimensions = points.front().size();
    if (dimensions < 2 || dimensions > 3) return summary;
    // Worst + 10 % of the range: every front member adds volume, and the figure is
    // reproducible from the run alone.
    summary.reference.assign(dimensions, 0);
    for (std::size_t axis = 0; axis < dimensions; ++axis) {
        double low = points.front()[axis], high = low;
        for (const Point& point : points) low = std::min(low, point[axis]), high = std::max(high, point[axis]);
        summary.reference[axis] = high + 0.1 * std::max(high - low, 1e-12 * std::max(1.0, std::abs(high)));
    }
    summary.hypervolume = hypervolume(points, summary.reference);
    summary.history = hypervolumeHistory(all, summary.reference);
    return summary;
}

RunSummary summariseRun(const std::vector<Candidate>& candidates, const Objectives& objectives) {
    std::vector<Point> points;
    points.reserve(candidates.size());
    for (const Candidate& candidate : candidates) {
        Point point = objectives.minimised(candidate);
        if (candidate.status != CandidateStatus::Evaluated) std::fill(point.begin(), point.end(), std::numeric_limits<double>::infinity());
        points.push_back(std::move(point));
    }
    return summarisePoints(points);
}

} // namespace edgesmith
