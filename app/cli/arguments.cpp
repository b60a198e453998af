#include "app/cli/arguments.h"

#include "core/common/text.h"

namespace edgesmith::cli {
namespace {

const OptionSpec* findOption(const std::vector<OptionSpec>& accepted, const std::string& name) {
    for (const auto& option : accepted)
        if (option.name == name) return &option;
    return nullptr;
}

std::string unknownOption(const std::string& name, const std::vector<OptionSpec>& accepted) {
    std::vector<std::string> names;
    for (const auto& option : accepted) names.push_back(option.name);
    std::string message = "unknown option --" + name;
    if (auto suggestion = closestMatch(name, names); !suggestion.empty()) message += " (did you mean --" + suggestion + "?)";
    return message;
}

} // namespace

Arguments::Arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& accepted) {
    bool onlyPositionals = false;
    for (std::size_t index = 0; index < words.size(); ++index) {
        const std::string& word = words[index];
        if (onlyPositionals || word.size() < 3 || word.rfind("--", 0) != 0) {
            if (word == "--") onlyPositionals = true;
            else positionals_.push_back(word);
            continue;
        }
        std::string name = word.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inlineValue = name.substr(equals + 1);
            name.resize(equals);
        }
        const OptionSpec* option = findOption(accepted, name);
        if (!option) throw UsageError(unknownOption(name, accepted));
        if (option->valueName.empty()) {
            if (inlineValue) throw UsageError("--" + name + " takes no value");
            flags_[name] = true;
        } else if (inlineValue) {
            values_[name] = *inlineValue;
        } else if (index + 1 < words.size()) {
            values_[name] = words[++index];
        } else {
            throw UsageError("--" + name + " needs a value: --" + name + " " + option->valueName);
        }
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    const auto entry = values_.find(name);
    if (entry == values_.end()) return std::nullopt;
    return entry->second;
}

long long Arguments::integer(const std::string& name, long long fallback, long long minimum, long long maximum) const {
    const auto text = value(name);
    if (!text) return fallback;
    std::size_t used = 0;
    long long number = 0;
    try {
        number = std::stoll(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text->size())
        throw UsageError("--" + name + " must be an integer, got \"" + *text + "\"");
    if (number < minimum || number > maximum)
        throw UsageError("--" + name + " must be between " + std::to_string(minimum) + " and " +
                         std::to_string(maximum) + ", got " + *text);
    return number;
}

double Arguments::number(const std::string& name, double fallback, double minimum, double maximum) const {
    const auto text = value(name);
    if (!text) return fallback;
    std::size_t used = 0;
    double number = 0;
    try {
        number = std::stod(*text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text->size()) throw UsageError("--" + name + " must be a number, got \"" + *text + "\"");
    if (!(number >= minimum && number <= maximum))
        throw UsageError("--" + name + " must be between " + formatNumber(minimum) + " and " + formatNumber(maximum) + ", got " + *text);
    return number;
}

} // namespace edgesmith::cli
