#pragma once

// Day arithmetic on ISO dates ("2024-02-28"), for periods the question names.

#include <string>

namespace medha::sqlgen {

/// "2024-02-28" → "2024-02-29": the day after an ISO date.
std::string next_day(const std::string& date);

/// "2024-03-01" → "2024-02-29": the day before an ISO date.
std::string previous_day(const std::string& date);

} // namespace medha::sqlgen
