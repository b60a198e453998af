#include "core/search/pareto.h"

#include <QtTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>

using namespace edgesmith;

namespace {

using Fronts = std::vector<std::vector<std::size_t>>;

constexpr double infinity = std::numeric_limits<double>::infinity();

// levels == 0 draws reals in [0, 1); otherwise integers in [0, levels), so that small
// level counts produce ties and exact duplicates.
std::vector<Point> randomPoints(std::mt19937_64& random, int count, int dimension, int levels) {
    std::uniform_real_distribution<double> real(0.0, 1.0);
    std::uniform_int_distribution<int> integer(0, std::max(levels, 1) - 1);
    std::vector<Point> points(static_cast<std::size_t>(count), Point(static_cast<std::size_t>(dimension)));
    for (Point& point : points) {
        for (double& value : point) value = levels == 0 ? real(random) : double(integer(random));
    }
    return points;
}

// Written independently of the library so that the references below do not inherit its bugs.
bool bruteDominates(const Point& a, const Point& b) {
    bool better = false;
    for (std::size_t objective = 0; objective < a.size(); ++objective) {
        if (a[objective] > b[objective]) return false;
        if (a[objective] < b[objective]) better = true;
    }
    return better;
}

// Peels off the non-dominated layer of what is left until nothing is left; each front
// comes out in input order, which nonDominatedSort promises too.
Fronts peel(const std::vector<Point>& points) {
    std::vector<std::size_t> remaining(points.size());
    for (std::size_t index = 0; index < points.size(); ++index) remaining[index] = index;
    Fronts fronts;
    while (!remaining.empty()) {
        std::vector<std::size_t> front;
        std::vector<std::size_t> rest;
        for (const std::size_t candidate : remaining) {
            const bool dominated = std::any_of(remaining.begin(), remaining.end(), [&](std::size_t other) {
                return bruteDominates(points[other], points[candidate]);
            });
            (dominated ? rest : front).push_back(candidate);
        }
        fronts.push_back(front);
        remaining = rest;
    }
    return fronts;
}

// Counts the unit cells of [0, side)^d that some point weakly dominates: with integer
// coordinates that count is the dominated volume exactly.
double gridVolume(const std::vector<Point>& points, int dimension, int side) {
    std::vector<int> cell(static_cast<std::size_t>(dimension), 0);
    double count = 0;
    while (true) {
        const bool dominated = std::any_of(points.begin(), points.end(), [&](const Point& point) {
            for (std::size_t objective = 0; objective < cell.size(); ++objective) {
                if (!(point[objective] <= double(cell[objective]))) return false;
            }
            return true;
        });
        if (dominated) ++count;
        std::size_t digit = 0;
        while (digit < cell.size() && ++cell[digit] == side) cell[digit++] = 0;
        if (digit == cell.size()) return count;
    }
}

// Union of boxes by inclusion-exclusion; exponential, so only for small sets.
double inclusionExclusion(const std::vector<Point>& points, const Point& reference) {
    double total = 0.0;
    const std::uint32_t subsets = std::uint32_t{1} << points.size();
    for (std::uint32_t subset = 1; subset < subsets; ++subset) {
        double box = 1.0;
        for (std::size_t objective = 0; objective < reference.size(); ++objective) {
            double corner = -infinity;
            for (std::size_t index = 0; index < points.size(); ++index) {
                if (subset & (std::uint32_t{1} << index)) corner = std::max(corner, points[index][objective]);
            }
            box *= std::max(0.0, reference[objective] - corner);
        }
        total += (std::popcount(subset) % 2 == 1 ? box : -box);
    }
    return total;
}

bool nearlyEqual(double actual, double expected) {
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

QByteArray describe(double actual, double expected) {
    return QByteArray("got ") + QByteArray::number(actual, 'g', 17) + " expected " +
           QByteArray::number(expected, 'g', 17);
}

} // namespace

class TestPareto : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dominatesComparesEveryObjective() {
        QVERIFY(dominates({1, 2}, {1, 3}));
        QVERIFY(dominates({0, 0, 0}, {1, 1, 1}));
        QVERIFY(!dominates({1, 3}, {1, 2}));
        QVERIFY(!dominates({1, 2}, {1, 2}));
        QVERIFY(!dominates({0, 3}, {1, 2}));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!dominates({nan, 0}, {1, 1}));
        QVERIFY(!dominates({0, 0}, {nan, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dominates({1, 2}, {1, 2, 3}));
    }

    void duplicatesShareAFront() {
        const std::vector<Point> points{{1, 1}, {1, 1}, {0, 2}, {2, 2}, {2, 2}, {3, 3}};
        QCOMPARE(nonDominatedSort(points), (Fronts{{0, 1, 2}, {3, 4}, {5}}));
        QCOMPARE(paretoFront(points), (std::vector<std::size_t>{0, 1, 2}));
        QVERIFY(nonDominatedSort({}).empty());
        QVERIFY(paretoFront({}).empty());
    }

    void sortMatchesPeeling_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("dimension");
        QTest::addColumn<int>("levels");
        QTest::newRow("one point") << 1 << 3 << 0;
        QTest::newRow("2-D continuous") << 60 << 2 << 0;
        QTest::newRow("3-D continuous") << 150 << 3 << 0;
        QTest::newRow("5-D continuous") << 80 << 5 << 0;
        QTest::newRow("2-D integer ties") << 120 << 2 << 6;
        QTest::newRow("3-D integer ties") << 200 << 3 << 4;
        QTest::newRow("2-D mostly duplicates") << 100 << 2 << 2;
        QTest::newRow("all duplicates") << 30 << 3 << 1;
        QTest::newRow("1-D") << 40 << 1 << 10;
    }
    void sortMatchesPeeling() {
        QFETCH(int, count);
        QFETCH(int, dimension);
        QFETCH(int, levels);
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            std::mt19937_64 random(seed);
            const auto points = randomPoints(random, count, dimension, levels);
            const Fronts expected = peel(points);
            QCOMPARE(nonDominatedSort(points), expected);
            QCOMPARE(paretoFront(points), expected.front());
        }
    }

    void sortRejectsMixedDimensions() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, nonDominatedSort({{1, 2}, {1}}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, paretoFront({{1, 2}, {1, 2, 3}}));
    }

    // Objective 0 over the front {0, 1, 3, 4} has range 4, objective 1 over {0, 1, 3, 5}
    // has range 5; (1,3) gets (3-0)/4 + (5-1)/5 = 1.55 and (3,1) gets (4-1)/4 + (3-0)/5 = 1.35.
    // The far point is outside the front and must not stretch either range.
    void crowdingHandWorked() {
        const std::vector<Point> points{{3, 1}, {100, 100}, {0, 5}, {4, 0}, {1, 3}};
        const auto distances = crowdingDistance(points, {4, 0, 2, 3});
        QCOMPARE(distances.size(), std::size_t{4});
        QVERIFY2(nearlyEqual(distances[0], 1.55), describe(distances[0], 1.55));
        QVERIFY2(nearlyEqual(distances[1], 1.35), describe(distances[1], 1.35));
        QCOMPARE(distances[2], infinity);
        QCOMPARE(distances[3], infinity);
    }

    // A constant objective adds nothing (no NaN, no arbitrary boundary points).
    void crowdingConstantObjective() {
        const std::vector<Point> points{{0, 2, 7}, {1, 1, 7}, {2, 0, 7}};
        QCOMPARE(crowdingDistance(points, {0, 1, 2}), (std::vector<double>{infinity, 2.0, infinity}));
        const std::vector<Point> same{{1, 1}, {1, 1}, {1, 1}};
        QCOMPARE(crowdingDistance(same, {0, 1, 2}), (std::vector<double>{0.0, 0.0, 0.0}));
    }

    void crowdingSmallFrontsAndErrors() {
        const std::vector<Point> points{{0, 1}, {1, 0}};
        QVERIFY(crowdingDistance(points, {}).empty());
        QCOMPARE(crowdingDistance(points, {1}), (std::vector<double>{infinity}));
        QCOMPARE(crowdingDistance(points, {0, 1}), (std::vector<double>{infinity, infinity}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, crowdingDistance(points, {0, 2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, crowdingDistance({{0, 1}, {1}}, {0, 1}));
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, crowdingDistance({{0, 1}, {nan, 0}, {1, 1}}, {0, 1, 2}));
    }

    void hypervolumeHandWorked_data() {
        QTest::addColumn<std::vector<Point>>("points");
        QTest::addColumn<Point>("reference");
        QTest::addColumn<double>("volume");
        QTest::newRow("1-D nearest point") << std::vector<Point>{{3}, {1}, {5}} << Point{4} << 3.0;
        // Columns of height 1, 2 and 3 between x = 1 and x = 4.
        QTest::newRow("2-D staircase") << std::vector<Point>{{2, 2}, {1, 3}, {3, 1}} << Point{4, 4} << 6.0;
        QTest::newRow("2-D equal first objective") << std::vector<Point>{{1, 3}, {1, 2}} << Point{4, 4} << 6.0;
        QTest::newRow("3-D one box") << std::vector<Point>{{0, 0, 0}} << Point{2, 3, 4} << 24.0;
        // Boxes 4 and 2 overlapping in the unit cube [1,2]^3.
        QTest::newRow("3-D two boxes") << std::vector<Point>{{0, 0, 1}, {1, 1, 0}} << Point{2, 2, 2} << 5.0;
        // Boxes 8 and 8 overlapping in [1,2]^2 x [0,2]^2 = 4.
        QTest::newRow("4-D two boxes") << std::vector<Point>{{0, 1, 0, 0}, {1, 0, 0, 0}} << Point{2, 2, 2, 2}
                                       << 12.0;
        QTest::newRow("5-D one box") << std::vector<Point>{{0, 0, 0, 0, 0}} << Point{1, 2, 3, 4, 5} << 120.0;
    }
    void hypervolumeHandWorked() {
        QFETCH(std::vector<Point>, points);
        QFETCH(Point, reference);
        QFETCH(double, volume);
        QCOMPARE(hypervolume(points, reference), volume);
    }

    // Integer coordinates in [0, 10) against reference 8: the exact volume is a cell count,
    // and the points at or beyond 8 exercise the "outside the reference" rule.
    void hypervolumeMatchesGridCount_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("dimension");
        QTest::addColumn<int>("levels");
        for (const int dimension : {2, 3, 4, 5}) {
            for (const int count : {1, 7, 40}) {
                QTest::addRow("%d-D, %d points", dimension, count) << count << dimension << 10;
            }
            QTest::addRow("%d-D, duplicates", dimension) << 30 << dimension << 3;
        }
        QTest::newRow("2-D, 500 points") << 500 << 2 << 10;
        QTest::newRow("3-D, 400 points") << 400 << 3 << 10;
        QTest::newRow("4-D, 200 points") << 200 << 4 << 10;
        QTest::newRow("6-D, 25 points") << 25 << 6 << 10;
    }
    void hypervolumeMatchesGridCount() {
        QFETCH(int, count);
        QFETCH(int, dimension);
        QFETCH(int, levels);
        constexpr int side = 8;
        for (std::uint64_t seed = 1; seed <= 4; ++seed) {
            std::mt19937_64 random(seed * 7919);
            const auto points = randomPoints(random, count, dimension, levels);
            const Point reference(static_cast<std::size_t>(dimension), double(side));
            QCOMPARE(hypervolume(points, reference), gridVolume(points, dimension, side));
        }
    }

    void hypervolumeMatchesInclusionExclusion_data() {
        QTest::addColumn<int>("dimension");
        for (const int dimension : {2, 3, 4, 5}) QTest::addRow("%d-D", dimension) << dimension;
    }
    void hypervolumeMatchesInclusionExclusion() {
        QFETCH(int, dimension);
        std::mt19937_64 random(42 + std::uint64_t(dimension));
        for (int count = 1; count <= 10; ++count) {
            const auto points = randomPoints(random, count, dimension, 0);
            // Reference 0.9 leaves some points partly outside.
            const Point reference(static_cast<std::size_t>(dimension), 0.9);
            const double actual = hypervolume(points, reference);
            const double expected = inclusionExclusion(points, reference);
            QVERIFY2(nearlyEqual(actual, expected), describe(actual, expected));
        }
    }

    // A constant extra objective scales the volume by its height, so 3-D sweeps are checked
    // against 4-D slicing and 2-D against 3-D on real-valued points.
    void hypervolumeLiftsThroughDimensions() {
        std::mt19937_64 random(2024);
        for (const int dimension : {2, 3}) {
            auto points = randomPoints(random, 300, dimension, 0);
            Point reference(static_cast<std::size_t>(dimension), 1.0);
            const double flat = hypervolume(points, reference);
            for (Point& point : points) point.push_back(0.25);
            reference.push_back(2.25);
            const double lifted = hypervolume(points, reference);
            QVERIFY2(nearlyEqual(lifted, 2.0 * flat), describe(lifted, 2.0 * flat));
        }
    }

    void hypervolumeIgnoresOrderAndDominatedPoints() {
        std::mt19937_64 random(99);
        auto points = randomPoints(random, 60, 4, 0);
        const Point reference(4, 1.0);
        const double original = hypervolume(points, reference);
        std::shuffle(points.begin(), points.end(), random);
        const double shuffled = hypervolume(points, reference);
        QVERIFY2(nearlyEqual(shuffled, original), describe(shuffled, original));
        for (std::size_t index = 0; index < 20; ++index) {
            Point worse = points[index];
            for (double& value : worse) value = std::min(0.999, value + 0.01);
            points.push_back(worse);
        }
        const double padded = hypervolume(points, reference);
        QVERIFY2(nearlyEqual(padded, original), describe(padded, original));
    }

    void hypervolumeIgnoresPointsOutsideReference() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Point reference{4, 4, 4};
        const std::vector<Point> outside{{4, 0, 0}, {0, 5, 0}, {0, 0, 4}, {nan, 0, 0},
                                         {0, infinity, 0}, {-infinity, 0, 0}, {10, 10, 10}};
        QCOMPARE(hypervolume(outside, reference), 0.0);
        std::vector<Point> points{{1, 2, 3}, {3, 1, 2}};
        const double inside = hypervolume(points, reference);
        QCOMPARE(inside, 3.0 * 2 * 1 + 1.0 * 3 * 2 - 1.0 * 2 * 1);
        points.insert(points.end(), outside.begin(), outside.end());
        QCOMPARE(hypervolume(points, reference), inside);
        // The same rule in the 2-D and slicing paths.
        QCOMPARE(hypervolume({{1, 1}, {4, 0}, {0, nan}}, {4, 4}), 9.0);
        QCOMPARE(hypervolume({{1, 1, 1, 1}, {0, 0, 0, 4}, {-infinity, 0, 0, 0}}, {2, 2, 2, 4}), 3.0);
    }

    void hypervolumeEmptyAndInvalidInput() {
        QCOMPARE(hypervolume({}, {1, 1}), 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hypervolume({{0, 0}}, {1, 1, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hypervolume({{0, 0, 0}, {0, 0}}, {1, 1, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hypervolume({}, {}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hypervolume({{0, 0}}, {1, infinity}));
    }

    // The history equals the hypervolume of every prefix, and never decreases.
    void hypervolumeHistoryMatchesPrefixes() {
        std::mt19937_64 random(5);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        for (std::size_t dimensions : {2u, 3u}) {
            std::vector<Point> points;
            for (int index = 0; index < 60; ++index) {
                Point point;
                for (std::size_t axis = 0; axis < dimensions; ++axis) point.push_back(uniform(random));
                points.push_back(point);
            }
            const Point reference(dimensions, 1.1);
            const auto history = hypervolumeHistory(points, reference);
            QCOMPARE(history.size(), points.size());
            for (std::size_t count = 1; count <= points.size(); ++count) {
                const std::vector<Point> prefix(points.begin(), points.begin() + static_cast<long>(count));
                QVERIFY(std::abs(history[count - 1] - hypervolume(prefix, reference)) < 1e-12);
                if (count > 1) QVERIFY(history[count - 1] >= history[count - 2]);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPareto)
#include "test_pareto.moc"
