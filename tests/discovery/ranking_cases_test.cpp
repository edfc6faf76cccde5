// Ranking behaviour as data: a question, the data source that must come
// first and the tables that must be among its first few. The catalog holds
// small focused sources in the shapes real schemas take (glued camelCase
// names, notes naming tables in the description, compound table names,
// calendar tables) and a synthetic 400-table warehouse whose tables and
// columns reuse their nouns, as a big catalog does.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "actors/discovery/catalog.hpp"

namespace medha::discovery {
namespace {

column_info col(std::string name, column_role role = column_role::text,
                std::vector<std::string> values = {}, std::string comment = {}) {
  column_info c;
  c.name = std::move(name);
  c.type = role == column_role::numeric ? "numeric" : "text";
  c.role = role;
  c.values = std::move(values);
  c.comment = std::move(comment);
  return c;
}

column_info key(std::string name) {
  auto c = col(std::move(name), column_role::identifier);
  c.type = "integer";
  return c;
}

table_info table(std::string name, std::vector<column_info> columns) {
  table_info t;
  t.name = std::move(name);
  t.columns = std::move(columns);
  t.columns.front().primary_key = true;
  return t;
}

relationship fk(std::string from, std::string column, std::string to, std::string to_column) {
  return relationship{std::move(from), {std::move(column)}, std::move(to), {std::move(to_column)},
                      false};
}

constexpr auto num = column_role::numeric;
constexpr auto cat = column_role::categorical;
constexpr auto tim = column_role::time;

std::shared_ptr<semantic_model> model(std::string name, std::string description) {
  auto m = std::make_shared<semantic_model>();
  m->data_source = std::move(name);
  m->description = std::move(description);
  return m;
}

// A broker's book: glued names, and notes that quote them.
std::shared_ptr<const semantic_model> brokerage() {
  auto m = model("brokerage", "brokerage database\n- sbCustomer can be joined to sbTransaction "
                              "on sbCustId\n- sbTicker can be joined to sbTransaction on sbTickerId");
  m->tables = {
    table("sbcustomer", {key("sbcustid"), col("sbcustname"), col("sbcuststate", cat, {"CA", "NY"}),
                         col("sbcustjoindate", tim)}),
    table("sbticker", {key("sbtickerid"), col("sbtickersymbol", cat, {"AAPL", "VTI"})}),
    table("sbtransaction", {key("sbtxid"), key("sbtxcustid"), key("sbtxtickerid"),
                            col("sbtxdatetime", tim), col("sbtxtype", cat, {"buy", "sell"}),
                            col("sbtxprice", num)}),
  };
  m->relationships = {fk("sbtransaction", "sbtxcustid", "sbcustomer", "sbcustid"),
                      fk("sbtransaction", "sbtxtickerid", "sbticker", "sbtickerid")};
  return m;
}

// A car dealer whose notes name its tables.
std::shared_ptr<const semantic_model> dealership() {
  auto m = model("dealership",
                 "dealership database\n- `salespersons.id` can be joined with `salesperson_id` "
                 "from `sales`\n- `sales.id` can be joined with `sale_id` from "
                 "`payments_received`; payments_made are paid to vendors");
  m->tables = {
    table("customers", {key("id"), col("first_name"), col("last_name"), col("city")}),
    table("salespersons", {key("id"), col("first_name"), col("last_name"), col("hire_date", tim)}),
    table("sales", {key("id"), key("customer_id"), key("salesperson_id"), col("sale_price", num)}),
    table("payments_received", {key("id"), key("sale_id"), col("payment_amount", num)}),
    table("payments_made", {key("id"), col("vendor_name"), col("payment_amount", num)}),
  };
  m->relationships = {fk("sales", "customer_id", "customers", "id"),
                      fk("sales", "salesperson_id", "salespersons", "id"),
                      fk("payments_received", "sale_id", "sales", "id")};
  return m;
}

// Business reviews, with month and day columns.
std::shared_ptr<const semantic_model> reviews() {
  auto m = model("reviews", "reviews database");
  m->tables = {
    table("business", {key("business_id"), col("name"), col("city", cat, {"New York", "Dallas"}),
                       col("state", cat, {"NY", "TX"}), col("review_count", num)}),
    table("review", {key("rid"), key("business_id"), key("user_id"), col("rating", num),
                     col("month", cat, {"January", "June", "December"}), col("year", num)}),
    table("tip", {key("tip_id"), key("business_id"), col("text"), col("month", cat, {"March"})}),
    table("checkin", {key("cid"), key("business_id"), col("count", num),
                      col("day", cat, {"Monday", "Saturday"})}),
    table("users", {key("user_id"), col("name")}),
  };
  m->relationships = {fk("review", "business_id", "business", "business_id"),
                      fk("review", "user_id", "users", "user_id"),
                      fk("tip", "business_id", "business", "business_id"),
                      fk("checkin", "business_id", "business", "business_id")};
  return m;
}

// Flights, with the calendar tables such schemas carry.
std::shared_ptr<const semantic_model> travel() {
  auto m = model("travel", "travel database");
  m->tables = {
    table("flight", {key("flight_id"), col("airline_code", cat, {"AA", "UA"}),
                     col("from_airport", cat, {"LAX", "ORD"}), col("to_airport", cat, {"JFK"}),
                     col("flight_days")}),
    table("airline", {key("airline_code"), col("airline_name")}),
    table("month", {key("month_number"), col("month_name", cat, {"January", "June", "December"})}),
    table("days", {key("days_code"), col("day_name", cat, {"Monday", "Saturday"})}),
  };
  m->relationships = {fk("flight", "airline_code", "airline", "airline_code")};
  return m;
}

// A wallet app with compound table names.
std::shared_ptr<const semantic_model> wallet() {
  auto m = model("wallet", "wallet database");
  m->tables = {
    table("merchants", {key("mid"), col("name"), col("category", cat, {"retail", "travel"}),
                        col("status", cat, {"active", "inactive"})}),
    table("wallet_merchant_balance_daily",
          {key("merchant_id"), col("balance", num), col("updated_at", tim)}),
    table("users", {key("uid"), col("username"), col("created_at", tim)}),
    table("user_sessions", {key("session_id"), key("user_id"), col("device_type", cat, {"mobile"}),
                            col("session_start_ts", tim), col("session_end_ts", tim)}),
  };
  m->relationships = {fk("wallet_merchant_balance_daily", "merchant_id", "merchants", "mid"),
                      fk("user_sessions", "user_id", "users", "uid")};
  return m;
}

std::shared_ptr<const semantic_model> academic() {
  auto m = model("academic", "academic database");
  m->tables = {
    table("publication", {key("pid"), col("title"), col("year", num), col("citation_num", num)}),
    table("author", {key("aid"), col("name")}),
    table("writes", {key("aid"), key("pid")}),
    table("domain", {key("did"), col("name", cat, {"Machine Learning", "Sociology"})}),
    table("domain_publication", {key("did"), key("pid")}),
  };
  m->relationships = {fk("writes", "aid", "author", "aid"), fk("writes", "pid", "publication", "pid"),
                      fk("domain_publication", "did", "domain", "did"),
                      fk("domain_publication", "pid", "publication", "pid")};
  return m;
}

std::shared_ptr<const semantic_model> advising() {
  auto m = model("advising", "advising database");
  m->tables = {
    table("course", {key("course_id"), col("name"), col("department"), col("credits", num),
                     col("clarity_score", num)}),
    table("course_offering", {key("offering_id"), key("course_id"), col("semester")}),
    table("instructor", {key("instructor_id"), col("name")}),
    table("offering_instructor", {key("offering_instructor_id"), key("offering_id"),
                                  key("instructor_id")}),
    table("program", {key("program_id"), col("name")}),
    table("student", {key("student_id"), col("lastname"), key("program_id"),
                      col("total_credit", num, {}, "credits earned so far")}),
    table("student_record", {key("student_id"), key("course_id"), col("earn_credit")}),
  };
  m->relationships = {fk("course_offering", "course_id", "course", "course_id"),
                      fk("offering_instructor", "offering_id", "course_offering", "offering_id"),
                      fk("offering_instructor", "instructor_id", "instructor", "instructor_id"),
                      fk("student", "program_id", "program", "program_id"),
                      fk("student_record", "student_id", "student", "student_id"),
                      fk("student_record", "course_id", "course", "course_id")};
  return m;
}

// splitmix64: the same warehouse on every platform.
struct rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

// 400 tables named after the focused sources' nouns and as many others
// ("publications", "daily_merchants", "reviews_monthly", "shipments"), each
// with columns made of nouns and attributes ("restaurant_rating",
// "wallet_balance", "customer_id"), some joined to earlier tables.
std::shared_ptr<const semantic_model> warehouse() {
  const std::vector<std::string> nouns = {
    "publication", "citation", "author", "merchant", "wallet", "review", "restaurant", "customer",
    "transaction", "course", "instructor", "student", "session", "device", "payment", "flight",
    "airline", "journal", "state", "category", "ticket", "invoice", "employee", "product",
    "order", "shipment", "warehouse", "supplier", "campaign", "lead", "contract", "budget",
    "expense", "ledger", "asset", "sensor", "vehicle", "route", "driver", "booking", "room",
    "guest", "claim", "policy", "patient", "doctor", "project", "task", "release", "incident",
    "survey", "coupon", "refund", "subscription", "plan", "license", "event", "visit", "page"};
  const std::vector<std::string> attributes = {
    "name", "title", "status", "type", "amount", "balance", "rating", "score", "category",
    "start_date", "created_at", "is_active", "city", "region", "duration_minutes", "price"};
  const std::vector<std::string> affixes = {"daily", "monthly", "staging", "archived", "hist",
                                            "regional", "v2", "backup", "export"};
  auto m = model("warehouse", "Enterprise data warehouse, synced nightly");
  rng r{42};
  for (size_t t = 0; m->tables.size() < 400; ++t) {
    const auto& noun = r.pick(nouns);
    std::string name = noun + "s";
    switch (r.next() % 3) {
      case 0: name = r.pick(affixes) + "_" + name; break;
      case 1: name += "_" + r.pick(affixes); break;
      default: break;
    }
    name += "_" + std::to_string(t);
    std::vector<column_info> columns{key(noun + "_id")};
    for (size_t c = 0; c < 12; ++c) {
      auto column = r.next() % 2 ? r.pick(nouns) + "_" + r.pick(attributes) : r.pick(attributes);
      bool seen = std::any_of(columns.begin(), columns.end(),
                              [&](const column_info& x) { return x.name == column; });
      if (!seen)
        columns.push_back(col(column));
    }
    if (!m->tables.empty() && r.next() % 3 == 0) {
      const auto& target = m->tables[r.next() % m->tables.size()];
      columns.push_back(key(target.columns[0].name == columns[0].name
                              ? "parent_" + target.columns[0].name
                              : target.columns[0].name));
      m->relationships.push_back(
        fk(name, columns.back().name, target.name, target.columns[0].name));
    }
    m->tables.push_back(table(name, std::move(columns)));
  }
  return m;
}

struct ranking_case {
  const char* question;
  const char* source;              // must be first
  std::vector<std::string> tables; // must all be among its first `within`
  size_t within;
};

// Each case names the behaviour it pins down.
const std::vector<ranking_case>& cases() {
  static const std::vector<ranking_case> all = {
    // Glued names split even when the description quotes them ("sbCustomer").
    {"Which customer made the most sell transactions?", "brokerage",
     {"sbcustomer", "sbtransaction"}, 2},
    // Words of identifiers quoted in a description ("payments_made") are not
    // the description's subject, and "made" is a light verb: not the table
    // payments_made.
    {"Return the customer id and the difference between their time from joining to their "
     "first transaction. Ignore customers who haven't made any transactions.",
     "brokerage", {"sbcustomer", "sbtransaction"}, 2},
    // Months and month names filter by date: not the calendar table "month".
    {"How many months between June 2021 and December 2021 had reviews?", "reviews", {"review"}, 1},
    // "check-ins" is the table checkin, not the word "ins".
    {"What is the total number of check-ins on Saturday?", "reviews", {"checkin"}, 1},
    // Three question words in one table's name beat the same words spread
    // over a warehouse table's columns.
    {"median merchant wallet balance for active merchants whose category contains retail",
     "wallet", {"wallet_merchant_balance_daily", "merchants"}, 2},
    {"What is the average user session duration in seconds split by device type?", "wallet",
     {"user_sessions"}, 1},
    // One table per thing the question names: program ranks above a second
    // table for "credits".
    {"What is the total number of credits earned by students in each program?", "advising",
     {"student", "program"}, 2},
    // The table linking two needed tables ranks right after them.
    {"What is the average clarity score for each instructor who taught a course?", "advising",
     {"course", "instructor", "course_offering", "offering_instructor"}, 4},
    {"Which airlines fly from LAX to JFK?", "travel", {"flight", "airline"}, 2},
    {"Which authors wrote publications in the domain Machine Learning?", "academic",
     {"author", "writes", "publication", "domain", "domain_publication"}, 5},
  };
  return all;
}

class ranking_cases : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    cat = new catalog;
    for (auto m : {brokerage(), dealership(), reviews(), travel(), wallet(), academic(),
                   advising(), warehouse()})
      cat->add(m);
  }
  static void TearDownTestSuite() {
    delete cat;
    cat = nullptr;
  }
  static catalog* cat;
};

catalog* ranking_cases::cat = nullptr;

std::string describe(const discovery_result& r) {
  std::string out;
  for (size_t i = 0; i < r.sources.size() && i < 3; ++i) {
    out += "\n  " + r.sources[i].data_source + ":";
    for (auto& t : r.sources[i].tables)
      out += " " + t.table;
  }
  return out;
}

TEST_F(ranking_cases, first_source_and_tables) {
  for (const auto& c : cases()) {
    auto r = cat->rank(c.question);
    ASSERT_FALSE(r.sources.empty()) << c.question;
    EXPECT_EQ(r.sources[0].data_source, c.source) << c.question << describe(r);
    if (r.sources[0].data_source != c.source)
      continue;
    std::vector<std::string> top;
    for (size_t i = 0; i < r.sources[0].tables.size() && i < c.within; ++i)
      top.push_back(r.sources[0].tables[i].table);
    for (auto& t : c.tables)
      EXPECT_NE(std::find(top.begin(), top.end(), t), top.end())
        << c.question << ": " << t << " not among the first " << c.within << describe(r);
  }
}

TEST(ranking_focus, focused_source_beats_a_broad_one_with_the_same_table) {
  // The same journals table in a three-table library and among forty tables
  // of a broad source named alike: the source about journals is the likelier.
  auto journals = table("journals", {key("journal_id"), col("name"), col("issn")});
  auto library = model("library", "library database");
  library->tables = {journals, table("articles", {key("article_id"), key("journal_id"), col("title")}),
                     table("subscriptions", {key("subscription_id"), key("journal_id")})};
  auto broad = model("operations", "operations database");
  broad->tables.push_back(journals);
  for (auto noun : {"orders", "shipments", "invoices", "payments", "employees", "tickets",
                    "vehicles", "routes", "drivers", "bookings", "rooms", "guests", "claims",
                    "policies", "patients", "doctors", "projects", "tasks", "releases", "incidents",
                    "surveys", "coupons", "refunds", "plans", "licenses", "events", "visits",
                    "pages", "budgets", "expenses", "ledgers", "assets", "sensors", "campaigns",
                    "leads", "contracts", "suppliers", "warehouses", "products"})
    broad->tables.push_back(table(noun, {key("id"), col("name"), col("code")}));
  catalog c;
  c.add(library);
  c.add(broad);
  auto r = c.rank("list the journals by name");
  ASSERT_GE(r.sources.size(), 2u);
  EXPECT_EQ(r.sources[0].data_source, "library") << describe(r);
  EXPECT_EQ(r.sources[0].tables.at(0).table, "journals");
}

TEST_F(ranking_cases, warehouse_still_wins_its_own_questions) {
  // The warehouse is the only source with tickets and invoices.
  auto r = cat->rank("open tickets by invoice amount");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "warehouse") << describe(r);
}

TEST_F(ranking_cases, payments_are_the_dealership) {
  auto r = cat->rank("total payments received per salesperson");
  ASSERT_FALSE(r.sources.empty());
  EXPECT_EQ(r.sources[0].data_source, "dealership") << describe(r);
}

} // namespace
} // namespace medha::discovery
