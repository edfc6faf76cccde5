#include "tests/sqlgen/garden_model.hpp"

#include "tests/sqlgen/model_builders.hpp"

namespace medha::sqlgen::testing {

semantic_model garden_model() {
  using r = column_role;
  semantic_model m;
  m.data_source = "garden";
  auto released = col("release_year", r::numeric);
  released.type = "integer";
  m.tables = {
    testing::table("haulers", {col("hauler_id", r::identifier, true), col("company_name", r::text, false, {"Fjord Haul", "Alp Trucking"}),
                               col("home_city", r::text)}),
    testing::table("items", {col("item_id", r::identifier, true), col("item_name", r::text), col("list_price", r::numeric),
                             col("category", r::categorical, false, {"seeds", "tools", "soil"}),
                             col("units_in_stock", r::numeric), col("units_on_order", r::numeric)}),
    testing::table("clients", {col("client_id", r::identifier, true), col("company_name", r::text),
                               col("city", r::categorical, false, {"Oslo", "Lyon"}),
                               col("country", r::categorical, false, {"Norway", "France"})}),
    testing::table("deliveries", {col("delivery_id", r::identifier, true), col("client_id", r::identifier),
                                  col("carried_by", r::identifier), col("freight", r::numeric),
                                  col("sent_on", r::time), col("ship_name", r::text), col("ship_city", r::text),
                                  col("ship_country", r::categorical, false, {"Norway", "France"}),
                                  col("status", r::categorical, false, {"sent", "lost", "returned"})}),
    testing::table("films", {col("film_id", r::identifier, true), col("kind", r::categorical, false, {"movie", "series"}),
                             col("title", r::text, false, {"Night Owl", "Blue Fjord"}), released, col("runtime_minutes", r::numeric),
                             col("rating_code", r::categorical, false, {"PG", "R"})}),
    testing::table("reviews", {col("review_id", r::identifier, true), col("film_id", r::identifier),
                               col("stars", r::numeric), col("rated_at", r::time)}),
    testing::table("actors", {col("actor_id", r::identifier, true), col("full_name", r::text, false, {"Mira Holt", "Jon Vale"}),
                              col("birth_date", r::time)}),
    testing::table("film_actors", {col("film_id", r::identifier), col("actor_id", r::identifier)}),
    testing::table("staff", {col("staff_id", r::identifier, true), col("first_name", r::text, false, {"Mona", "Bert"}),
                             col("last_name", r::text), col("hire_date", r::time), col("date_of_birth", r::time),
                             col("reports_to", r::identifier), col("title", r::categorical, false, {"Clerk", "Driver", "Account Manager"}),
                             col("mentor_id", r::identifier), col("gender", r::categorical, false, {"F", "M"}),
                             col("left_on", r::time)}),
    testing::table("order_lines", {col("line_id", r::identifier, true), col("item_id", r::identifier),
                                   col("quantity", r::numeric)}),
    testing::table("rentals", {col("rental_id", r::identifier, true), col("film_id", r::identifier)}),
    testing::table("item_notes", {col("item_note_id", r::identifier, true), col("item_id", r::identifier),
                                  col("body", r::text), col("author_type", r::categorical, false, {"buyer", "staff"})}),
    testing::table("videos", {col("video_id", r::identifier, true), col("rental_rate", r::numeric),
                              col("rating", r::categorical, false, {"Family", "Adult"})}),
    testing::table("tasks", {col("task_id", r::identifier, true), col("finished_date", r::time), col("due_date", r::time),
                             col("hours_planned", r::numeric), col("hours_spent", r::numeric)}),
  };
  auto plate = col("plate", r::categorical, false, {"AB-123", "CD-456"});
  plate.unique = true;
  plate.nullable = false;
  m.tables.push_back(testing::table("vans", {col("van_id", r::identifier, true), plate,
                                             col("make", r::categorical, false, {"Volvo", "Iveco"}),
                                             col("in_service_since", r::time)}));
  m.tables.push_back(testing::table("payments", {col("payment_id", r::identifier, true), col("client_id", r::identifier),
                                                 col("amount_paid", r::numeric),
                                                 col("state", r::categorical, false, {"open", "settled"})}));
  m.tables.push_back(testing::table("wages", {col("staff_id", r::identifier, true),
                                              col("amount", r::numeric), col("from_date", r::time),
                                              col("to_date", r::time)}));
  m.tables.push_back(testing::table("role_history", {col("staff_id", r::identifier, true), col("role_name", r::text),
                                                     col("from_date", r::time)}));
  m.tables.push_back(testing::table("van_faults", {col("van_fault_id", r::identifier, true), col("van_id", r::identifier),
                                                   col("fault_name", r::categorical, false, {"brakes", "engine"})}));
  m.tables.push_back(testing::table("complaints", {col("complaint_id", r::identifier, true),
                                                   col("client_id", r::identifier), col("opened_on", r::time),
                                                   col("topic", r::categorical, false, {"billing", "damage"}),
                                                   col("closed_on", r::time), col("handled_by", r::identifier),
                                                   col("logged_by", r::identifier), col("mood_score", r::numeric)}));
  {
    auto discount = col("discount", r::numeric);
    discount.comment = "Fraction off the price";
    for (auto& t : m.tables)
      if (t.name == "order_lines")
        t.columns.push_back(discount);
  }
  m.tables.push_back(testing::table("clips", {col("clip_id", r::identifier, true), col("clip_name", r::text),
                                              col("duration_ms", r::numeric)}));
  m.tables.push_back(testing::table("bills", {col("bill_id", r::identifier, true), col("client_id", r::identifier),
                                              col("amt", r::numeric), col("paid_amt", r::numeric),
                                              col("issued_on", r::time), col("settled_on", r::time),
                                              col("status", r::categorical, false, {"settled", "due", "void"})}));
  m.tables[2].columns.push_back(col("created_at", r::time));
  m.tables[2].columns.push_back(col("account_manager_id", r::identifier));
  m.tables[2].columns.push_back(col("note", r::text));
  m.tables[2].columns.push_back(col("closed_on", r::time));
  m.tables[2].columns.back().comment = "NULL while the account is active";
  m.tables[4].columns.push_back(col("director", r::text, false, {"Ada Brook", "Leo Marsh"}));
  m.relationships = {
    {"deliveries", {"client_id"}, "clients", {"client_id"}, false},
    {"payments", {"client_id"}, "clients", {"client_id"}, false},
    {"complaints", {"client_id"}, "clients", {"client_id"}, false},
    {"complaints", {"handled_by"}, "staff", {"staff_id"}, false},
    {"complaints", {"logged_by"}, "staff", {"staff_id"}, false},
    {"van_faults", {"van_id"}, "vans", {"van_id"}, false},
    {"wages", {"staff_id"}, "staff", {"staff_id"}, false},
    {"role_history", {"staff_id"}, "staff", {"staff_id"}, false},
    {"bills", {"client_id"}, "clients", {"client_id"}, false},
    {"staff", {"reports_to"}, "staff", {"staff_id"}, false},
    {"staff", {"mentor_id"}, "staff", {"staff_id"}, false},
    {"clients", {"account_manager_id"}, "staff", {"staff_id"}, false},
    {"deliveries", {"carried_by"}, "haulers", {"hauler_id"}, false},
    {"reviews", {"film_id"}, "films", {"film_id"}, false},
    {"film_actors", {"film_id"}, "films", {"film_id"}, false},
    {"film_actors", {"actor_id"}, "actors", {"actor_id"}, false},
    {"order_lines", {"item_id"}, "items", {"item_id"}, false},
    {"rentals", {"film_id"}, "films", {"film_id"}, false},
    {"item_notes", {"item_id"}, "items", {"item_id"}, false},
  };
  return m;
}

} // namespace medha::sqlgen::testing
