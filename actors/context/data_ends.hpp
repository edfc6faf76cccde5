#pragma once

#include <string>
#include <vector>

namespace medha {

/// The day a copy of the data ends, from the latest day each of its date
/// columns holds ('YYYY-MM-DD' each, empty ones ignored) and the day it is
/// read (`today`): the latest day another column also reaches within the
/// three days before it (the last day of the copy, not one column's bookings
/// ahead); with no two so close, the upper median of those days, or a day
/// at most a week after it that some column reaches. Empty when that day is within
/// `stale_after_days` of today (the data is live, and "this year" is
/// today's) or when no column holds a past day.
std::string data_ends_from(std::vector<std::string> latest_days, const std::string& today,
                           int stale_after_days = 60);

/// Whether a date column's name says its days are set in advance (due_dt,
/// card_exp, sched_dt, next_service, end_date): no evidence of where a copy
/// ends, so left out of it.
bool looks_ahead(const std::string& column);

/// Days since 1970-01-01 of a 'YYYY-MM-DD' day; false when it is not one.
bool day_number(const std::string& day, long& number);

} // namespace medha
