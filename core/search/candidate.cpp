#include "core/search/candidate.h"

#include "core/common/error.h"

namespace edgesmith {

std::string toString(CandidateStatus status) {
    switch (status) {
    case CandidateStatus::Evaluated: return "evaluated";
    case CandidateStatus::Infeasible: return "infeasible";
    case CandidateStatus::Failed: return "failed";
    }
    return "failed";
}

CandidateStatus candidateStatusFromString(const std::string& text) {
    if (text == "evaluated") return CandidateStatus::Evaluated;
    if (text == "infeasible") return CandidateStatus::Infeasible;
    if (text == "failed") return CandidateStatus::Failed;
    throw Error("", "status", "unknown candidate status \"" + text + "\"; expected evaluated, infeasible or failed");
}

double Candidate::metric(const std::string& name, double fallback) const {
    const auto found = metrics.find(name);
    return found == metrics.end() ? fallback : found->second;
}

Json Candidate::toJson() const {
    Json values = Json::object();
    for (const auto& [name, value] : metrics) values[name] = value;
    return {{"number", number}, {"genotype", key},       {"status", toString(status)}, {"message", message},
            {"metrics", values}, {"generation", generation}, {"seconds", seconds},        {"details", details}};
}

Candidate Candidate::fromJson(const Json& json) {
    const auto field = [&](const char* name) -> const Json& {
        if (!json.is_object() || !json.contains(name)) throw Error("", name, "missing in candidate record");
        return json.at(name);
    };
    Candidate candidate;
    try {
        candidate.number = field("number").get<std::int64_t>();
        candidate.key = field("genotype").get<std::string>();
        candidate.status = candidateStatusFromString(field("status").get<std::string>());
        candidate.message = json.value("message", "");
        for (const auto& [name, value] : field("metrics").items()) candidate.metrics[name] = value.get<double>();
        candidate.generation = json.value("generation", 0);
        candidate.seconds = json.value("seconds", 0.0);
        candidate.details = json.value("details", Json::object());
    } catch (const nlohmann::json::exception& error) {
        throw Error("", "candidate", std::string("malformed candidate record: ") + error.what());
    }
    // Genotype indices come from the key so records stay readable without the space. A
    // compressed variant appends '@' and its policy to the architecture's key.
    const std::string architecture = candidate.key.substr(0, candidate.key.find('@'));
    if (architecture == "fixed") return candidate; // a space without decisions
    std::string token;
    for (char character : architecture + "-") {
        if (character == '-') {
            if (!token.empty()) candidate.genotype.push_back(std::stoi(token));
            token.clear();
        } else if (character >= '0' && character <= '9') {
            token += character;
        } else {
            throw Error("", "genotype", "\"" + candidate.key + "\" is not a genotype key (indices joined by '-')");
        }
    }
    return candidate;
}

} // namespace edgesmith
