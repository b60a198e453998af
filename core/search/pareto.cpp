#include "core/search/pareto.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace edgesmith {

namespace {

// Hypervolume recursion works on borrowed points so that slicing never copies vectors.
using PointRefs = std::vector<const Point*>;

void requireDimension(const Point& point, std::size_t dimension, std::size_t index, const char* function) {
    if (point.size() == dimension) return;
    throw std::invalid_argument(std::string(function) + ": point " + std::to_string(index) + " has " +
                                std::to_string(point.size()) + " objectives but " + std::to_string(dimension) +
                                " were expected; give every point (and the reference) the same objectives");
}

void requireSameDimension(const std::vector<Point>& points, const char* function) {
    if (points.empty()) return;
    for (std::size_t index = 0; index < points.size(); ++index)
        requireDimension(points[index], points.front().size(), index, function);
}

// ---- non-dominated sorting ----------------------------------------------------------

struct DominanceGraph {
    std::vector<std::vector<std::size_t>> dominated; // dominated[p]: the points that p dominates
    std::vector<std::size_t> dominatorCount;          // how many points dominate each point
};

DominanceGraph buildDominanceGraph(const std::vector<Point>& points) {
    DominanceGraph graph{std::vector<std::vector<std::size_t>>(points.size()),
                         std::vector<std::size_t>(points.size(), 0)};
    for (std::size_t first = 0; first < points.size(); ++first) {
        for (std::size_t second = first + 1; second < points.size(); ++second) {
            if (dominates(points[first], points[second])) {
                graph.dominated[first].push_back(second);
                ++graph.dominatorCount[second];
            } else if (dominates(points[second], points[first])) {
                graph.dominated[second].push_back(first);
                ++graph.dominatorCount[first];
            }
        }
    }
    return graph;
}

std::vector<std::size_t> nextFront(const std::vector<std::size_t>& front, DominanceGraph& graph) {
    std::vector<std::size_t> next;
    for (const std::size_t member : front) {
        for (const std::size_t loser : graph.dominated[member]) {
            if (--graph.dominatorCount[loser] == 0) next.push_back(loser);
        }
    }
    // Callers compare fronts and show them to users; input order makes them reproducible.
    std::sort(next.begin(), next.end());
    return next;
}

// ---- crowding distance --------------------------------------------------------------

void requireCrowdingInput(const std::vector<Point>& points, const std::vector<std::size_t>& front) {
    for (const std::size_t index : front) {
        if (index >= points.size())
            throw std::invalid_argument("crowdingDistance: front index " + std::to_string(index) +
                                        " is out of range for " + std::to_string(points.size()) +
                                        " points; pass a front returned by nonDominatedSort on the same points");
        requireDimension(points[index], points[front.front()].size(), index, "crowdingDistance");
        for (const double value : points[index]) {
            // Sorting needs a strict weak order and normalising needs a finite range.
            if (!std::isfinite(value))
                throw std::invalid_argument("crowdingDistance: point " + std::to_string(index) +
                                            " has a non-finite objective; drop or repair it before ranking");
        }
    }
}

void addObjectiveGaps(const std::vector<Point>& points, const std::vector<std::size_t>& front, std::size_t objective,
                      std::vector<double>& distances) {
    std::vector<std::size_t> order(front.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto value = [&](std::size_t position) { return points[front[position]][objective]; };
    // Stable, so that ties keep their order in `front` and the result is deterministic.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t left, std::size_t right) { return value(left) < value(right); });
    const double range = value(order.back()) - value(order.front());
    // A constant objective separates nobody; marking arbitrary tied points as boundaries
    // would protect them for no reason.
    if (range <= 0.0) return;
    constexpr double infinity = std::numeric_limits<double>::infinity();
    distances[order.front()] = infinity;
    distances[order.back()] = infinity;
    for (std::size_t rank = 1; rank + 1 < order.size(); ++rank)
        distances[order[rank]] += (value(order[rank + 1]) - value(order[rank - 1])) / range;
}

// ---- hypervolume --------------------------------------------------------------------

bool isInsideReference(const Point& point, const Point& reference) {
    for (std::size_t objective = 0; objective < point.size(); ++objective) {
        // Written so that NaN fails the test as well as values at or past the reference.
        if (!(std::isfinite(point[objective]) && point[objective] < reference[objective])) return false;
    }
    return true;
}

// The first `dimension` components of a weakly dominate those of b.
bool covers(const Point& a, const Point& b, std::size_t dimension) {
    for (std::size_t objective = 0; objective < dimension; ++objective) {
        if (a[objective] > b[objective]) return false;
    }
    return true;
}

void sortByObjective(PointRefs& points, std::size_t objective) {
    std::sort(points.begin(), points.end(),
              [objective](const Point* left, const Point* right) { return (*left)[objective] < (*right)[objective]; });
}

double sweep1(const PointRefs& points, const Point& reference) {
    double best = reference[0];
    for (const Point* point : points) best = std::min(best, (*point)[0]);
    return reference[0] - best;
}

double sweep2(PointRefs points, const Point& reference) {
    sortByObjective(points, 0);
    // In order of the first objective, each new lowest second objective opens a strip
    // that no earlier point covers and that reaches the reference along the first.
    double area = 0.0;
    double ceiling = reference[1];
    for (const Point* point : points) {
        if ((*point)[1] >= ceiling) continue;
        area += (reference[0] - (*point)[0]) * (ceiling - (*point)[1]);
        ceiling = (*point)[1];
    }
    return area;
}

// The non-dominated points of a 2-D projection, by increasing first and strictly
// decreasing second objective, so that its area is one pass.
class Staircase {
public:
    // Returns whether the staircase changed, i.e. whether its area must be recomputed.
    bool insert(double first, double second) {
        const auto position = std::lower_bound(steps_.begin(), steps_.end(), first,
                                               [](const Step& step, double value) { return step.first < value; });
        if (position != steps_.begin() && std::prev(position)->second <= second) return false;
        if (position != steps_.end() && position->first == first && position->second <= second) return false;
        // The new step covers every later step that is not strictly lower; they are contiguous.
        auto covered = position;
        while (covered != steps_.end() && covered->second >= second) ++covered;
        const auto kept = steps_.erase(position, covered);
        steps_.insert(kept, Step{first, second});
        return true;
    }

    double area(double referenceFirst, double referenceSecond) const {
        double total = 0.0;
        double ceiling = referenceSecond;
        for (const Step& step : steps_) {
            total += (referenceFirst - step.first) * (ceiling - step.second);
            ceiling = step.second;
        }
        return total;
    }

private:
    struct Step {
        double first;
        double second;
    };
    std::vector<Step> steps_;
};

double sweep3(PointRefs points, const Point& reference) {
    sortByObjective(points, 2);
    Staircase staircase;
    double area = 0.0;
    double volume = 0.0;
    for (std::size_t rank = 0; rank < points.size(); ++rank) {
        const Point& point = *points[rank];
        if (staircase.insert(point[0], point[1])) area = staircase.area(reference[0], reference[1]);
        const double top = rank + 1 < points.size() ? (*points[rank + 1])[2] : reference[2];
        volume += area * (top - point[2]);
    }
    return volume;
}

double volumeOf(const PointRefs& points, const Point& reference, std::size_t dimension);

// Adds `point` to the non-dominated set of the projections on the first `dimension`
// objectives; returns false when the set is unchanged so its volume can be reused.
bool insertNonDominated(PointRefs& front, const Point* point, std::size_t dimension) {
    for (const Point* member : front) {
        if (covers(*member, *point, dimension)) return false;
    }
    std::erase_if(front, [&](const Point* member) { return covers(*point, *member, dimension); });
    front.push_back(point);
    return true;
}

// Slicing (HSO): along the last objective the dominated region is a stack of slabs,
// each the (d-1)-dimensional region of the points below it, times the slab height.
double sliceVolume(PointRefs points, const Point& reference, std::size_t dimension) {
    const std::size_t last = dimension - 1;
    sortByObjective(points, last);
    PointRefs below;
    double section = 0.0;
    double volume = 0.0;
    for (std::size_t rank = 0; rank < points.size(); ++rank) {
        if (insertNonDominated(below, points[rank], last)) section = volumeOf(below, reference, last);
        const double top = rank + 1 < points.size() ? (*points[rank + 1])[last] : reference[last];
        volume += section * (top - (*points[rank])[last]);
    }
    return volume;
}

// Volume over the first `dimension` objectives of points already inside the reference.
double volumeOf(const PointRefs& points, const Point& reference, std::size_t dimension) {
    if (points.empty()) return 0.0;
    switch (dimension) {
    case 1: return sweep1(points, reference);
    case 2: return sweep2(points, reference);
    case 3: return sweep3(points, reference);
    default: return sliceVolume(points, reference, dimension);
    }
}

void requireHypervolumeInput(const std::vector<Point>& points, const Point& reference) {
    if (reference.empty())
        throw std::invalid_argument("hypervolume: the reference point has no objectives; give it one per objective");
    for (const double value : reference) {
        if (!std::isfinite(value))
            throw std::invalid_argument("hypervolume: the reference point must be finite; choose a bound worse than "
                                        "every point of interest");
    }
    for (std::size_t index = 0; index < points.size(); ++index)
        requireDimension(points[index], reference.size(), index, "hypervolume");
}

} // namespace

bool dominates(const Point& a, const Point& b) {
    if (a.size() != b.size())
        throw std::invalid_argument("dominates: the points have " + std::to_string(a.size()) + " and " +
                                    std::to_string(b.size()) + " objectives; compare points of the same objectives");
    bool better = false;
    for (std::size_t objective = 0; objective < a.size(); ++objective) {
        // Negated so that NaN, which compares false, never counts as "no worse".
        if (!(a[objective] <= b[objective])) return false;
        better = better || a[objective] < b[objective];
    }
    return better;
}

std::vector<std::vector<std::size_t>> nonDominatedSort(const std::vector<Point>& points) {
    requireSameDimension(points, "nonDominatedSort");
    DominanceGraph graph = buildDominanceGraph(points);
    std::vector<std::size_t> front;
    for (std::size_t index = 0; index < points.size(); ++index) {
        if (graph.dominatorCount[index] == 0) front.push_back(index);
    }
    std::vector<std::vector<std::size_t>> fronts;
    while (!front.empty()) {
        std::vector<std::size_t> next = nextFront(front, graph);
        fronts.push_back(std::move(front));
        front = std::move(next);
    }
    return fronts;
}

std::vector<std::size_t> paretoFront(const std::vector<Point>& points) {
    requireSameDimension(points, "paretoFront");
    // Only the first front is wanted. In lexicographic order a point can only be dominated
    // by points before it, and if it is dominated at all then by a front member (dominance
    // is transitive), so each point is checked against the front found so far: O(N log N +
    // N F) instead of O(N^2); tens of thousands of candidates stay interactive.
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const auto key = [](double value) { return std::isnan(value) ? std::numeric_limits<double>::infinity() : value; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::lexicographical_compare(points[a].begin(), points[a].end(), points[b].begin(), points[b].end(),
                                            [&](double x, double y) { return key(x) < key(y); });
    });
    std::vector<std::size_t> front;
    for (std::size_t candidate : order) {
        const bool dominated = std::any_of(front.begin(), front.end(), [&](std::size_t member) { return dominates(points[member], points[candidate]); });
        if (!dominated) front.push_back(candidate);
    }
    std::sort(front.begin(), front.end());
    return front;
}

std::vector<double> crowdingDistance(const std::vector<Point>& points, const std::vector<std::size_t>& front) {
    if (front.empty()) return {};
    requireCrowdingInput(points, front);
    // With one or two members every member is an extreme of the front.
    if (front.size() <= 2) return std::vector<double>(front.size(), std::numeric_limits<double>::infinity());
    std::vector<double> distances(front.size(), 0.0);
    for (std::size_t objective = 0; objective < points[front.front()].size(); ++objective)
        addObjectiveGaps(points, front, objective, distances);
    return distances;
}

double hypervolume(const std::vector<Point>& points, const Point& reference) {
    requireHypervolumeInput(points, reference);
    PointRefs inside;
    for (const Point& point : points) {
        if (isInsideReference(point, reference)) inside.push_back(&point);
    }
    return volumeOf(inside, reference, reference.size());
}

std::vector<double> hypervolumeHistory(const std::vector<Point>& points, const Point& reference) {
    std::vector<double> history;
    history.reserve(points.size());
    std::vector<Point> front;
    double volume = 0;
    for (const Point& point : points) {
        bool covered = false;
        for (const Point& member : front) covered = covered || dominates(member, point) || member == point;
        if (!covered) {
            std::erase_if(front, [&](const Point& member) { return dominates(point, member); });
            front.push_back(point);
            volume = hypervolume(front, reference);
        }
        history.push_back(volume);
    }
    return history;
}

} // namespace edgesmith
