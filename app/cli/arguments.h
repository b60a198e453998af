#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace edgesmith::cli {

struct OptionSpec {
    std::string name;      // without the leading dashes: "json", "genotype"
    std::string valueName; // empty for a flag; "G" for `--genotype G`
    std::string help;
};

// Thrown for a command line the verb cannot accept; the CLI prints it and exits with 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The arguments after the verb: positionals, flags and `--name value` / `--name=value`
// options, checked against the verb's option list so typos are caught.
class Arguments {
public:
    Arguments(const std::vector<std::string>& words, const std::vector<OptionSpec>& accepted);

    const std::vector<std::string>& positionals() const { return positionals_; }
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    // The option's value as an integer within [minimum, maximum], or `fallback` when absent.
    long long integer(const std::string& name, long long fallback, long long minimum, long long maximum) const;
    // The option's value as a number within [minimum, maximum], or `fallback` when absent.
    double number(const std::string& name, double fallback, double minimum, double maximum) const;

private:
    std::vector<std::string> positionals_;
    std::map<std::string, bool> flags_;
    std::map<std::string, std::string> values_;
};

} // namespace edgesmith::cli
