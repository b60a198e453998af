#include "core/export/report.h"

#include "core/common/atomic_file.h"
#include "core/common/error.h"
#include "core/common/version.h"
#include "core/search/objectives.h"
#include "core/search/run_summary.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>

namespace edgesmith {
namespace {

std::string escaped(const std::string& text) {
    std::string result;
    for (char c : text) {
        switch (c) {
        case '&': result += "&amp;"; break;
        case '<': result += "&lt;"; break;
        case '>': result += "&gt;"; break;
        case '"': result += "&quot;"; break;
        default: result += c;
        }
    }
    return result;
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string number(double value, int digits = 4) {
    if (!std::isfinite(value)) return "";
    std::ostringstream text;
    if (value == std::floor(value) && std::abs(value) < 1e15) text << static_cast<long long>(value);
    else text << std::setprecision(digits) << value;
    return text.str();
}

// Tick labels: 14.5M rather than 14477216.
std::string tickLabel(double value) {
    const double magnitude = std::abs(value);
    std::ostringstream text;
    text << std::setprecision(3);
    if (magnitude >= 1e9) text << value / 1e9 << 'G';
    else if (magnitude >= 1e6) text << value / 1e6 << 'M';
    else if (magnitude >= 1e4) text << value / 1e3 << 'k';
    else text << value;
    return text.str();
}

// Axis extent with a little air on both sides.
std::pair<double, double> extent(const std::vector<double>& values) {
    double low = *std::min_element(values.begin(), values.end()), high = *std::max_element(values.begin(), values.end());
    if (high - low < 1e-12) low -= 0.5, high += 0.5;
    const double margin = 0.05 * (high - low);
    return {low - margin, high + margin};
}

struct Plot {
    static constexpr double kWidth = 640, kHeight = 380, kLeft = 64, kRight = 32, kTop = 20, kBottom = 48;
    std::pair<double, double> x, y;
    double px(double value) const { return kLeft + (value - x.first) / (x.second - x.first) * (kWidth - kLeft - kRight); }
    double py(double value) const { return kHeight - kBottom - (value - y.first) / (y.second - y.first) * (kHeight - kTop - kBottom); }

    std::string frame(const std::string& xLabel, const std::string& yLabel) const {
        std::ostringstream svg;
        svg << std::fixed << std::setprecision(1);
        svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << ' ' << kHeight << "\" width=\"" << kWidth << "\" height=\"" << kHeight
            << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
            << "<rect x=\"" << kLeft << "\" y=\"" << kTop << "\" width=\"" << kWidth - kLeft - kRight << "\" height=\"" << kHeight - kTop - kBottom
            << "\" fill=\"#fafafa\" stroke=\"#999\"/>\n";
        for (int tick = 0; tick <= 4; ++tick) {
            const double xv = x.first + (x.second - x.first) * tick / 4, yv = y.first + (y.second - y.first) * tick / 4;
            svg << "<text x=\"" << px(xv) << "\" y=\"" << kHeight - kBottom + 16 << "\" text-anchor=\"middle\">" << tickLabel(xv) << "</text>\n"
                << "<text x=\"" << kLeft - 6 << "\" y=\"" << py(yv) + 4 << "\" text-anchor=\"end\">" << tickLabel(yv) << "</text>\n"
                << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << py(yv) << "\" y2=\"" << py(yv) << "\" stroke=\"#e4e4e4\"/>\n";
        }
        svg << "<text x=\"" << (kLeft + kWidth - kRight) / 2 << "\" y=\"" << kHeight - 10 << "\" text-anchor=\"middle\">" << escaped(xLabel) << "</text>\n"
            << "<text transform=\"translate(14," << (kTop + kHeight - kBottom) / 2 << ") rotate(-90)\" text-anchor=\"middle\">" << escaped(yLabel) << "</text>\n";
        return svg.str();
    }
};

struct Axis {
    std::string metric, label;
};

// The cost the Pareto plot puts on x: the run's first objective other than accuracy.
Axis costAxis(const Objectives& objectives) {
    for (const Objective& objective : objectives.list())
        if (objective.metric != "accuracy") return {objective.metric, objective.metric};
    return {"macs", "macs"};
}

std::string paretoSvg(const std::vector<Candidate>& candidates, const std::vector<std::size_t>& front, std::size_t chosen, const Axis& axis) {
    std::vector<double> xs, ys;
    for (const Candidate& candidate : candidates)
        if (candidate.status == CandidateStatus::Evaluated && candidate.has(axis.metric) && candidate.has("accuracy"))
            xs.push_back(candidate.metric(axis.metric)), ys.push_back(candidate.metric("accuracy"));
    if (xs.empty()) return "<p>No evaluated candidate has both accuracy and " + escaped(axis.metric) + ".</p>\n";
    Plot plot{extent(xs), extent(ys)};
    std::ostringstream svg;
    svg << plot.frame(axis.label, "accuracy (%)") << std::fixed << std::setprecision(1);
    for (std::size_t index = 0; index < candidates.size(); ++index) {
        const Candidate& candidate = candidates[index];
        if (candidate.status != CandidateStatus::Evaluated || !candidate.has(axis.metric) || !candidate.has("accuracy")) continue;
        svg << "<g><title>#" << candidate.number << ' ' << escaped(candidate.key) << "</title><circle cx=\"" << plot.px(candidate.metric(axis.metric))
            << "\" cy=\"" << plot.py(candidate.metric("accuracy")) << "\" r=\"2.5\" fill=\"#9aa5b1\"/></g>\n";
    }
    std::vector<std::size_t> sorted;
    for (std::size_t member : front)
        if (candidates[member].has(axis.metric) && candidates[member].has("accuracy")) sorted.push_back(member);
    std::sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) { return candidates[a].metric(axis.metric) < candidates[b].metric(axis.metric); });
    if (!sorted.empty()) {
        svg << "<polyline fill=\"none\" stroke=\"#1f6fb2\" stroke-width=\"1.5\" points=\"";
        for (std::size_t member : sorted) svg << plot.px(candidates[member].metric(axis.metric)) << ',' << plot.py(candidates[member].metric("accuracy")) << ' ';
        svg << "\"/>\n";
        for (std::size_t member : sorted)
            svg << "<g><title>#" << candidates[member].number << ' ' << escaped(candidates[member].key) << "</title><circle cx=\""
                << plot.px(candidates[member].metric(axis.metric)) << "\" cy=\"" << plot.py(candidates[member].metric("accuracy"))
                << "\" r=\"4\" fill=\"#1f6fb2\"/></g>\n";
    }
    if (chosen < candidates.size() && candidates[chosen].has(axis.metric) && candidates[chosen].has("accuracy")) {
        const double cx = plot.px(candidates[chosen].metric(axis.metric)), cy = plot.py(candidates[chosen].metric("accuracy"));
        svg << "<circle cx=\"" << cx << "\" cy=\"" << cy << "\" r=\"7\" fill=\"none\" stroke=\"#d1495b\" stroke-width=\"2\"/>\n"
            << "<text x=\"" << cx + 10 << "\" y=\"" << cy - 8 << "\" fill=\"#d1495b\">#" << candidates[chosen].number << "</text>\n";
    }
    svg << "</svg>\n";
    return svg.str();
}

std::string curvesSvg(const Json& history) {
    if (!history.is_array() || history.empty()) return "<p>No training curve was recorded for this candidate.</p>\n";
    std::vector<double> epochs, train, validation;
    for (const Json& record : history) {
        epochs.push_back(record.value("epoch", 0.0));
        train.push_back(record.value("train_accuracy", 0.0));
        validation.push_back(record.value("validation_accuracy", 0.0));
    }
    std::vector<double> both = train;
    both.insert(both.end(), validation.begin(), validation.end());
    Plot plot{extent(epochs), extent(both)};
    std::ostringstream svg;
    svg << plot.frame("epoch", "accuracy (%)") << std::fixed << std::setprecision(1);
    const auto line = [&](const std::vector<double>& values, const char* colour, const char* name, double legendY) {
        svg << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"";
        for (std::size_t index = 0; index < values.size(); ++index) svg << plot.px(epochs[index]) << ',' << plot.py(values[index]) << ' ';
        svg << "\"/>\n";
        // Marks too: a one-epoch curve is a single point.
        for (std::size_t index = 0; index < values.size(); ++index)
            svg << "<circle cx=\"" << plot.px(epochs[index]) << "\" cy=\"" << plot.py(values[index]) << "\" r=\"3\" fill=\"" << colour << "\"/>\n";
        svg << "<text x=\"" << Plot::kLeft + 12 << "\" y=\"" << legendY << "\" fill=\"" << colour << "\">" << name << "</text>\n";
    };
    line(train, "#9aa5b1", "training", Plot::kTop + 16);
    line(validation, "#1f6fb2", "validation", Plot::kTop + 30);
    svg << "</svg>\n";
    return svg.str();
}

std::string layerTableHtml(const Json& layers) {
    if (!layers.is_array() || layers.empty()) return "<p>No layer table was stored for this candidate.</p>\n";
    std::vector<std::string> columns;
    for (const Json& row : layers)
        for (const auto& item : row.items())
            if (std::find(columns.begin(), columns.end(), item.key()) == columns.end()) columns.push_back(item.key());
    std::ostringstream html;
    html << "<table><tr>";
    for (const std::string& column : columns) html << "<th>" << escaped(column) << "</th>";
    html << "</tr>\n";
    for (const Json& row : layers) {
        html << "<tr>";
        for (const std::string& column : columns) {
            const Json value = row.value(column, Json());
            html << "<td" << (value.is_number() ? " class=\"n\"" : "") << ">"
                 << escaped(value.is_string() ? value.get<std::string>() : value.is_null() ? "" : value.is_number() ? number(value.get<double>()) : value.dump())
                 << "</td>";
        }
        html << "</tr>\n";
    }
    html << "</table>\n";
    return html.str();
}

std::vector<std::string> metricNames(const std::vector<Candidate>& candidates) {
    std::set<std::string> names;
    for (const Candidate& candidate : candidates)
        for (const auto& [name, value] : candidate.metrics) names.insert(name);
    std::vector<std::string> ordered{"accuracy"};
    for (const std::string& name : names)
        if (name != "accuracy") ordered.push_back(name);
    if (!names.count("accuracy")) ordered.erase(ordered.begin());
    return ordered;
}

} // namespace

ReportSummary writeReport(const Store& store, std::int64_t runId, std::int64_t chosenNumber, const std::filesystem::path& file) {
    const RunInfo run = store.run(runId);
    const std::vector<Candidate> candidates = store.candidates(runId);
    const Objectives objectives = Objectives::fromProject(run.project);
    const RunSummary summary = summariseRun(candidates, objectives);
    std::set<std::size_t> onFront(summary.members.begin(), summary.members.end());

    std::size_t chosen = candidates.size();
    if (chosenNumber > 0) {
        for (std::size_t index = 0; index < candidates.size(); ++index)
            if (candidates[index].number == chosenNumber) chosen = index;
        if (chosen == candidates.size())
            throw Error(store.file().string(), "", "run " + std::to_string(runId) + " has no candidate " + std::to_string(chosenNumber));
    } else {
        for (std::size_t member : summary.members)
            if (chosen == candidates.size() || candidates[member].metric("accuracy", -1) > candidates[chosen].metric("accuracy", -1)) chosen = member;
    }
    std::optional<Candidate> detailed;
    if (chosen < candidates.size()) detailed = store.candidate(runId, candidates[chosen].number);

    const std::vector<std::string> metrics = metricNames(candidates);
    std::ostringstream csv;
    csv << "number,key,status,on_front,generation,seconds";
    for (const std::string& metric : metrics) csv << ',' << csvField(metric);
    csv << ",message\n";
    for (std::size_t index = 0; index < candidates.size(); ++index) {
        const Candidate& candidate = candidates[index];
        csv << candidate.number << ',' << csvField(candidate.key) << ',' << toString(candidate.status) << ',' << (onFront.count(index) ? 1 : 0) << ','
            << candidate.generation << ',' << number(candidate.seconds, 6);
        for (const std::string& metric : metrics) csv << ',' << (candidate.has(metric) ? number(candidate.metric(metric), 9) : "");
        csv << ',' << csvField(candidate.message) << '\n';
    }

    const Axis axis = costAxis(objectives);
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>EdgeSmith report: " << escaped(run.projectName) << ", run " << runId
         << "</title>\n<style>\nbody{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4}\n"
         << "table{border-collapse:collapse;margin:0.5em 0 1.5em;font-size:13px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}\n"
         << "th{background:#f0f3f6}td.n{text-align:right;font-variant-numeric:tabular-nums}tr.chosen td{background:#fde8ea}\n"
         << "h2{margin-top:1.6em;border-bottom:1px solid #ddd}.muted{color:#666}\n</style></head><body>\n"
         << "<h1>" << escaped(run.projectName) << ": run " << runId << "</h1>\n"
         << "<table><tr><th>strategy</th><td>" << escaped(run.strategy) << "</td><th>estimator</th><td>" << escaped(run.estimator) << "</td></tr>\n"
         << "<tr><th>status</th><td>" << toString(run.status) << "</td><th>seed</th><td>" << run.seed << "</td></tr>\n"
         << "<tr><th>started (UTC)</th><td>" << escaped(run.startedAt) << "</td><th>evaluation time</th><td>" << number(run.seconds, 5) << " s</td></tr>\n"
         << "<tr><th>candidates</th><td>" << candidates.size() << "</td><th>on the Pareto front</th><td>" << summary.members.size() << "</td></tr>\n"
         << "<tr><th>objectives</th><td colspan=\"3\">";
    for (std::size_t index = 0; index < objectives.list().size(); ++index)
        html << (index ? ", " : "") << (objectives.list()[index].goal == Goal::Maximize ? "maximise " : "minimise ") << escaped(objectives.list()[index].metric);
    html << "</td></tr></table>\n<h2>Pareto front</h2>\n<p class=\"muted\">Grey: every evaluated candidate; blue: the Pareto front of the run's objectives";
    if (chosen < candidates.size()) html << "; red ring: candidate #" << candidates[chosen].number;
    html << ".</p>\n" << paretoSvg(candidates, summary.members, chosen, axis);
    html << "<table><tr><th>#</th><th>key</th>";
    for (const std::string& metric : metrics) html << "<th>" << escaped(metric) << "</th>";
    html << "</tr>\n";
    for (std::size_t member : summary.members) {
        const Candidate& candidate = candidates[member];
        html << "<tr" << (member == chosen ? " class=\"chosen\"" : "") << "><td class=\"n\">" << candidate.number << "</td><td>" << escaped(candidate.key) << "</td>";
        for (const std::string& metric : metrics) html << "<td class=\"n\">" << (candidate.has(metric) ? number(candidate.metric(metric)) : "") << "</td>";
        html << "</tr>\n";
    }
    html << "</table>\n";
    if (detailed) {
        html << "<h2>Candidate #" << detailed->number << "</h2>\n<p><code>" << escaped(detailed->key) << "</code></p>\n<table>";
        for (const auto& [name, value] : detailed->metrics) html << "<tr><th>" << escaped(name) << "</th><td class=\"n\">" << number(value, 6) << "</td></tr>";
        html << "</table>\n<h3>Training curves</h3>\n" << curvesSvg(detailed->details.value("history", Json())) << "<h3>Layers</h3>\n"
             << layerTableHtml(detailed->details.value("layers", Json()));
    }
    html << "<p class=\"muted\">Written by EdgeSmith " << kVersion << " from " << escaped(store.file().string())
         << ". Every candidate with every metric is in the CSV beside this page.</p>\n</body></html>\n";

    std::filesystem::path stem = file;
    if (stem.extension() == ".html" || stem.extension() == ".csv") stem.replace_extension();
    const std::filesystem::path htmlFile = std::filesystem::path(stem) += ".html", csvFile = std::filesystem::path(stem) += ".csv";
    writeFilesAtomically({{htmlFile, html.str()}, {csvFile, csv.str()}});
    return {{htmlFile, csvFile}, static_cast<std::int64_t>(candidates.size()), static_cast<std::int64_t>(summary.members.size())};
}

} // namespace edgesmith
