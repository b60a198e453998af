#pragma once
// A self-contained report of one run: an HTML page (no external files; the plots are inline
// SVG) with the Pareto plot of accuracy against the run's cost objective, the front table,
// and the chosen candidate's metrics, layer table and training curves; and a CSV of every
// candidate with every metric, for spreadsheets.
#include "core/store/store.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace edgesmith {

struct ReportSummary {
    std::vector<std::filesystem::path> files; // REPORT.html, REPORT.csv
    std::int64_t candidates = 0, front = 0;
};

// `candidate`: the number of the candidate to detail (0: the front's most accurate).
// `file`: the .html or .csv path or a stem; both are written, or neither. Throws Error when
// the run or candidate does not exist.
ReportSummary writeReport(const Store& store, std::int64_t run, std::int64_t candidate, const std::filesystem::path& file);

} // namespace edgesmith
