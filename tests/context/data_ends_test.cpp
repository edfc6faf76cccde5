// The day a copy of the data ends, from the latest day of each date column.
#include <gtest/gtest.h>

#include "actors/context/data_ends.hpp"

namespace medha {
namespace {

TEST(data_ends, a_copy_read_long_after_ends_on_its_columns_last_days) {
  // Orders to 2021-03-31, payments to 2021-04-02, deliveries booked ahead to
  // 2021-05-20, birthdays long before: the copy ends with its orders and
  // payments, not with one column's bookings ahead.
  EXPECT_EQ(data_ends_from({"2021-03-31", "2021-04-02", "2021-05-20", "1999-12-01", ""}, "2026-01-15"),
            "2021-04-02");
}

TEST(data_ends, the_copy_ends_where_several_columns_end_not_one_column_ahead) {
  // Repairs and parts to 2024-03-08, one column of visits booked ahead to
  // 2024-03-14, older tables long before.
  EXPECT_EQ(data_ends_from({"2024-03-08", "2024-03-07", "2024-03-14", "2023-01-01", "2022-05-01", "2021-01-01"},
                           "2026-12-07"),
            "2024-03-08");
  // Most tables ended long ago (products launched, staff hired): the copy
  // still ends with the two tables of takings that reach its last day.
  EXPECT_EQ(data_ends_from({"2019-03-01", "2020-05-01", "2021-01-01", "2022-02-01", "2023-02-01", "2024-04-11",
                            "2024-05-20", "2024-05-20"},
                           "2026-12-07"),
            "2024-05-20");
}

TEST(data_ends, days_set_in_advance_are_no_evidence) {
  for (auto* ahead : {"due_dt", "card_exp", "wk_end", "sched_dt", "next_service", "ExpiryDate"})
    EXPECT_TRUE(looks_ahead(ahead)) << ahead;
  for (auto* past : {"inv_dt", "created_at", "dt_compl", "expense_dt", "weekend_flag"})
    EXPECT_FALSE(looks_ahead(past)) << past;
}

TEST(data_ends, live_data_counts_from_today) {
  // Columns that reach last week: the data is current.
  EXPECT_EQ(data_ends_from({"2026-01-08", "2026-01-10", "2025-11-30"}, "2026-01-15"), "");
  // Days after today (renewals due) are no evidence of an end.
  EXPECT_EQ(data_ends_from({"2026-01-14", "2031-01-01", "2032-06-01"}, "2026-01-15"), "");
}

TEST(data_ends, nothing_dated_says_nothing) {
  EXPECT_EQ(data_ends_from({}, "2026-01-15"), "");
  EXPECT_EQ(data_ends_from({"2020-01-01"}, "not a day"), "");
  EXPECT_EQ(data_ends_from({"2020-13-01", "soon"}, "2026-01-15"), "");
}

TEST(data_ends, day_numbers_count_leap_days) {
  long a = 0, b = 0;
  ASSERT_TRUE(day_number("1970-01-01", a));
  EXPECT_EQ(a, 0);
  ASSERT_TRUE(day_number("2024-02-28", a));
  ASSERT_TRUE(day_number("2024-03-01", b));
  EXPECT_EQ(b - a, 2);
  ASSERT_TRUE(day_number("2023-02-28", a));
  ASSERT_TRUE(day_number("2023-03-01", b));
  EXPECT_EQ(b - a, 1);
  EXPECT_FALSE(day_number("2024-3-01", a));
}

} // namespace
} // namespace medha
