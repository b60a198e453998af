// GUI responsiveness at scale (issue 6: "10,000 points stay smooth"): the Pareto view,
// the convergence plot and the candidate table fed 10,000 candidates, timed for the
// operations a live run and a user trigger on the GUI thread. The bar is the 100 ms
// longest-gap rule of the GUI tests; the table prints the median of several repeats.
// With --write FILE, refreshes the "gui" section of docs/benchmarks.md.
#include "core/common/atomic_file.h"
#include "tests/benchmarks/markdown_section.h"
#include "widgets/candidate_table_model.h"
#include "widgets/convergence_view.h"
#include "widgets/pareto_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace edgesmith;

namespace {

double medianMilliseconds(int repeats, const std::function<void()>& work) {
    std::vector<double> times;
    for (int repeat = 0; repeat < repeats; ++repeat) {
        QElapsedTimer clock;
        clock.start();
        work();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    std::string write;
    int count = 10000;
    for (int index = 1; index + 1 < argc; ++index) {
        if (std::strcmp(argv[index], "--write") == 0) write = argv[index + 1];
        if (std::strcmp(argv[index], "--points") == 0) count = std::atoi(argv[index + 1]);
    }
    // A trade-off cloud like a real run's: accuracy rises with log MACs, plus noise.
    std::mt19937_64 random(7);
    std::normal_distribution<double> noise(0, 1.0);
    std::uniform_real_distribution<double> logMacs(5, 8);
    std::vector<Json> records;
    for (int index = 0; index < count; ++index) {
        const double macs = std::pow(10.0, logMacs(random));
        const double accuracy = 70 + 3 * std::log10(macs) + noise(random);
        records.push_back({{"number", index + 1}, {"genotype", "g" + std::to_string(index)}, {"status", "evaluated"},
                           {"metrics", {{"accuracy", accuracy}, {"macs", macs}, {"latency_ms", macs / 2e6 + 0.1 * std::abs(noise(random))}}},
                           {"generation", index / 100}, {"seconds", 1.0}});
    }
    const Json project = {{"objectives", Json::array({{{"metric", "accuracy"}}, {{"metric", "macs"}}, {{"metric", "latency_ms"}}})}};

    widgets::ParetoView pareto;
    pareto.resize(1200, 800);
    pareto.setMetrics({"accuracy", "macs", "latency_ms"});
    pareto.show();
    widgets::ConvergenceView convergence;
    convergence.resize(1200, 300);
    convergence.setProject(project);
    widgets::CandidateTableModel table;
    table.setMetrics({"accuracy", "macs", "latency_ms"});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&table);
    proxy.setSortRole(Qt::UserRole);

    QElapsedTimer clock;
    clock.start();
    for (const Json& record : records) {
        QVariantMap metrics;
        const Json values = record["metrics"];
        for (const auto& [name, value] : values.items()) metrics.insert(QString::fromStdString(name), value.get<double>());
        pareto.addCandidate(QString::fromStdString(record["genotype"].get<std::string>()), metrics, record["generation"].get<int>());
        convergence.addCandidate(record);
        table.append(record);
    }
    const double arrival = double(clock.nsecsElapsed()) / 1e6;
    const double plotRefresh = medianMilliseconds(5, [&] {
        pareto.refresh();
        pareto.plot()->replot();
    });
    pareto.setColouring("generation");
    const double colouredRefresh = medianMilliseconds(5, [&] {
        pareto.refresh();
        pareto.plot()->replot();
    });
    const QRect area = pareto.plot()->axisRect()->rect();
    const double hover = medianMilliseconds(25, [&] { (void)pareto.keyAt(area.center()); });
    const double rubberBand = medianMilliseconds(5, [&] { (void)pareto.keysIn(area); });
    const double convergenceRefresh = medianMilliseconds(3, [&] { convergence.refresh(); });
    const double sort = medianMilliseconds(3, [&] { proxy.sort(2, Qt::DescendingOrder); proxy.sort(2, Qt::AscendingOrder); }) / 2;

    struct Row {
        const char* operation;
        double milliseconds;
    };
    const std::vector<Row> rows = {{"arrival of every candidate (plot, convergence, table), total", arrival},
                                   {"Pareto plot refresh + replot", plotRefresh},
                                   {"Pareto plot refresh + replot, coloured by generation", colouredRefresh},
                                   {"hover look-up of the nearest point", hover},
                                   {"rubber-band selection of the whole plot", rubberBand},
                                   {"convergence refresh (3-objective front, hypervolume history)", convergenceRefresh},
                                   {"sort the candidate table by a metric", sort}};
    std::string table_text = "| operation (" + std::to_string(count) + " candidates) | median ms | under 100 ms |\n|---|---:|:---:|\n";
    bool smooth = true;
    for (const Row& row : rows) {
        const bool perOperation = row.operation != rows.front().operation;
        char line[256];
        std::snprintf(line, sizeof line, "| %s | %.1f | %s |\n", row.operation, row.milliseconds,
                      perOperation ? (row.milliseconds < 100 ? "yes" : "**no**") : "—");
        table_text += line;
        if (perOperation && row.milliseconds >= 100) smooth = false;
    }
    std::printf("%s", table_text.c_str());
    if (!write.empty()) bench::replaceMarkdownSection(write, "gui", table_text);
    return smooth ? 0 : 1;
}
