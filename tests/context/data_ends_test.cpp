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
