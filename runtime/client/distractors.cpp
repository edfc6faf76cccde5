// medha distractors: synthetic data sources that look like real business
// databases (plausible table and column names, comments, foreign keys, no
// rows), for measuring discovery when the right data source is one among many.
// The vocabulary deliberately overlaps real schemas' (orders, customers,
// flights, patients, authors, ...): distractors are there to compete.

#include "runtime/seeded_rng.hpp"
#include "runtime/client/distractors.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unordered_set>

namespace medha::client {

namespace {

using rng = medha::seeded_rng;

// A business area: what its sources are about, and the things it records.
struct domain {
  const char* name;
  const char* about; // for descriptions: "orders, quotes and sales territories"
  std::vector<std::string> nouns;
};

const std::vector<domain>& domains() {
  static const std::vector<domain> all = {
    {"sales", "orders, quotes and sales territories",
     {"order", "order_item", "customer", "quote", "quote_line", "sales_rep", "territory",
      "opportunity", "lead", "account", "contract", "deal", "price_list", "commission"}},
    {"finance", "invoices, payments, budgets and the general ledger",
     {"invoice", "invoice_line", "payment", "ledger_entry", "journal", "gl_account", "budget",
      "expense", "transaction", "transfer", "refund", "tax_rate", "currency", "exchange_rate",
      "cost_center", "fiscal_period"}},
    {"hr", "employees, payroll, departments and recruiting",
     {"employee", "department", "salary", "payroll_run", "payslip", "timesheet", "shift",
      "job_position", "applicant", "interview", "benefit", "leave_request",
      "performance_review", "manager", "training_course"}},
    {"logistics", "shipments, warehouses, inventory and suppliers",
     {"shipment", "parcel", "carrier", "warehouse", "inventory", "stock_movement", "route",
      "vehicle", "driver", "delivery", "supplier", "purchase_order", "bin_location", "trip"}},
    {"marketing", "campaigns, ads, audiences and conversions",
     {"campaign", "ad_group", "impression", "click", "conversion", "audience", "email_send",
      "promotion", "coupon", "channel", "keyword", "landing_page", "newsletter", "lead_source"}},
    {"healthcare", "patients, appointments, treatments and claims",
     {"patient", "doctor", "appointment", "prescription", "diagnosis", "treatment", "clinic",
      "insurance_claim", "lab_result", "drug", "adverse_event", "visit", "nurse", "ward"}},
    {"education", "students, courses, enrollments and grades",
     {"student", "course", "enrollment", "grade", "teacher", "instructor", "program",
      "semester", "classroom", "assignment", "exam", "faculty", "scholarship"}},
    {"travel", "flights, bookings, hotels and passengers",
     {"flight", "passenger", "booking", "reservation", "airport", "airline", "fare",
      "itinerary", "hotel", "room", "guest", "aircraft", "baggage", "loyalty_account"}},
    {"retail", "products, stores, baskets and reviews",
     {"product", "category", "brand", "store", "sku", "basket", "loyalty_member",
      "product_return", "review", "restaurant", "menu_item", "gift_card", "store_visit"}},
    {"support", "tickets, agents, incidents and surveys",
     {"ticket", "agent", "team", "sla_policy", "incident", "escalation", "survey",
      "survey_response", "knowledge_article", "chat_session", "call"}},
    {"saas", "users, subscriptions, sessions and product usage",
     {"user", "session", "subscription", "plan", "license", "device", "event", "page_view",
      "feature_flag", "release", "deployment", "api_key", "workspace", "usage_record"}},
    {"real_estate", "properties, leases, tenants and maintenance",
     {"property", "listing", "lease", "tenant", "unit", "maintenance_request", "inspection",
      "landlord", "building", "rent_payment"}},
    {"media", "articles, authors, publications and subscribers",
     {"article", "author", "publication", "comment", "subscriber", "editor", "citation",
      "journal_issue", "conference", "paper", "topic"}},
    {"trading", "portfolios, trades, securities and wallets",
     {"portfolio", "trade", "ticker", "security", "holding", "dividend", "broker", "wallet",
      "merchant", "price_quote", "watchlist", "market"}},
    {"automotive", "vehicles, dealers, sales and service",
     {"car", "dealer", "car_sale", "salesperson", "test_drive", "service_order",
      "spare_part", "warranty", "model_year", "financing_offer"}},
    {"geo", "places, regions and locations",
     {"country", "state", "city", "region", "postal_code", "location", "site", "store_area",
      "border_crossing"}},
  };
  return all;
}

const std::vector<std::string> table_prefixes = {
  "daily", "monthly", "weekly", "archived", "staging", "stg", "raw", "fact", "dim", "hist",
  "legacy", "current", "pending", "regional", "global", "internal", "external", "annual",
};
const std::vector<std::string> table_suffixes = {
  "archive", "history", "snapshot", "summary", "backup", "audit", "log", "staging", "daily",
  "monthly", "v2", "old", "tmp", "export", "import",
};

// Columns by kind: a name, a SQL type, and how its comment reads.
enum class kind { text_category, text_free, money, number, count, time, flag, other };

struct attribute {
  const char* name;
  kind k;
};

const std::vector<attribute> attributes = {
  {"name", kind::text_free},        {"code", kind::text_free},
  {"title", kind::text_free},       {"email", kind::text_free},
  {"phone", kind::text_free},       {"notes", kind::text_free},
  {"description", kind::text_free}, {"address", kind::text_free},
  {"status", kind::text_category},  {"type", kind::text_category},
  {"country", kind::text_category}, {"city", kind::text_category},
  {"region", kind::text_category},  {"segment", kind::text_category},
  {"tier", kind::text_category},    {"stage", kind::text_category},
  {"channel", kind::text_category}, {"source", kind::text_category},
  {"reason", kind::text_category},  {"currency", kind::text_category},
  {"priority", kind::text_category},{"category", kind::text_category},
  {"amount", kind::money},          {"total", kind::money},
  {"price", kind::money},           {"cost", kind::money},
  {"discount", kind::money},        {"tax", kind::money},
  {"balance", kind::money},         {"revenue", kind::money},
  {"margin", kind::money},          {"fee", kind::money},
  {"weight", kind::number},         {"volume", kind::number},
  {"rate", kind::number},           {"score", kind::number},
  {"rating", kind::number},         {"latitude", kind::number},
  {"longitude", kind::number},      {"percentage", kind::number},
  {"quantity", kind::count},        {"count", kind::count},
  {"duration_minutes", kind::count},{"level", kind::count},
  {"rank", kind::count},            {"seats", kind::count},
  {"units", kind::count},           {"age", kind::count},
  {"created_at", kind::time},       {"updated_at", kind::time},
  {"closed_at", kind::time},        {"due_date", kind::time},
  {"start_date", kind::time},       {"end_date", kind::time},
  {"shipped_at", kind::time},       {"paid_at", kind::time},
  {"occurred_at", kind::time},      {"effective_date", kind::time},
  {"is_active", kind::flag},        {"is_deleted", kind::flag},
  {"is_paid", kind::flag},          {"is_priority", kind::flag},
  {"external_ref", kind::other},    {"metadata", kind::other},
  {"attributes", kind::other},
};

const std::vector<std::string> example_values = {
  "open", "closed", "pending", "active", "inactive", "cancelled", "gold", "silver", "bronze",
  "online", "retail", "wholesale", "premium", "basic", "enterprise", "consumer", "north",
  "south", "east", "west", "low", "medium", "high", "urgent", "email", "partner", "direct",
  "USD", "EUR", "GBP", "mobile", "web",
};
const std::vector<std::string> systems = {"ERP", "CRM", "billing", "warehouse", "HR",
                                          "ticketing", "booking", "point-of-sale", "analytics",
                                          "partner"};
const std::vector<std::string> cadences = {"nightly", "hourly", "daily", "weekly", "monthly"};
const std::vector<std::string> verbs = {"created", "updated", "closed", "approved", "recorded",
                                        "shipped", "paid", "booked", "cancelled", "reviewed"};

std::string words_of(const std::string& snake) {
  std::string out = snake;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string plural(const std::string& noun) {
  if (noun.empty())
    return noun;
  char last = noun.back();
  char before = noun.size() > 1 ? noun[noun.size() - 2] : 'a';
  bool vowel = before == 'a' || before == 'e' || before == 'i' || before == 'o' || before == 'u';
  if (last == 'y' && !vowel)
    return noun.substr(0, noun.size() - 1) + "ies";
  if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's')))
    return noun + "es";
  return noun + "s";
}

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string quote_ident(const std::string& name) { return "\"" + name + "\""; }

std::string quote_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += '\'';
    out += c;
  }
  return out + "'";
}

std::string sql_type(rng& r, kind k) {
  switch (k) {
    case kind::text_category:
      return r.chance(0.5) ? "text" : "varchar(" + std::to_string(16 + 16 * r.below(4)) + ")";
    case kind::text_free:
      return r.chance(0.5) ? "text" : "varchar(" + std::to_string(64 + 64 * r.below(4)) + ")";
    case kind::money:
      return r.chance(0.7) ? "numeric(12,2)" : "double precision";
    case kind::number:
      return r.chance(0.5) ? "numeric" : "real";
    case kind::count:
      return r.chance(0.7) ? "integer" : "smallint";
    case kind::time:
      return r.chance(0.4) ? "date" : (r.chance(0.5) ? "timestamptz" : "timestamp");
    case kind::flag:
      return "boolean";
    case kind::other:
      return r.chance(0.5) ? "jsonb" : "uuid";
  }
  return "text";
}

std::string column_comment(rng& r, const std::string& column, kind k, const std::string& noun) {
  const std::string thing = words_of(noun);
  const std::string what = words_of(column);
  switch (k) {
    case kind::text_category: {
      std::string a = r.pick(example_values), b = r.pick(example_values);
      return capitalized(what) + " of the " + thing + ", e.g. " + a + (a == b ? "" : ", " + b);
    }
    case kind::text_free:
      return capitalized(what) + " of the " + thing
             + (r.chance(0.5) ? " as entered in the " + r.pick(systems) + " system" : "");
    case kind::money:
      return capitalized(what) + " of the " + thing + " in "
             + (r.chance(0.5) ? "local currency" : "US dollars")
             + (r.chance(0.3) ? ", before tax" : "");
    case kind::number:
      return capitalized(what) + " recorded for the " + thing;
    case kind::count:
      return "Number of " + what + " for the " + thing;
    case kind::time:
      return "When the " + thing + " was " + r.pick(verbs);
    case kind::flag:
      return "True when the " + thing + " " + (what.rfind("is ", 0) == 0 ? what.substr(3) : what);
    case kind::other:
      return "Raw " + what + " from the " + r.pick(systems) + " system";
  }
  return what;
}

std::string table_comment(rng& r, const std::string& noun, const std::string& related,
                          const std::string& prefix) {
  const std::string thing = words_of(noun);
  const std::string things = words_of(plural(noun));
  switch (r.below(6)) {
    case 0:
      return "One row per " + thing + ", with its " + words_of(related) + " details";
    case 1:
      return capitalized(things) + " synced " + r.pick(cadences) + " from the " + r.pick(systems)
             + " system";
    case 2:
      return capitalized(prefix.empty() ? "current" : words_of(prefix)) + " snapshot of "
             + things + " by " + words_of(related);
    case 3:
      return capitalized(things) + " and the " + words_of(plural(related)) + " they belong to";
    case 4:
      return "All " + things + " " + r.pick(verbs) + " in the " + r.pick(systems)
             + " system, used for reporting";
    default:
      return capitalized(things) + " (" + r.pick(cadences) + " load, kept for audit)";
  }
}

struct table_plan {
  std::string name;
  std::string noun;
  std::string key; // primary key column
};

} // namespace

distractor_source generate_distractor_source(uint64_t seed, size_t index, size_t tables) {
  rng r{seed * 1000003ull + index * 7919ull + 1};
  const auto& all = domains();
  distractor_source out;
  char name[32];
  std::snprintf(name, sizeof(name), "distractor_%02zu", index);
  out.name = name;
  out.tables = tables;

  // Two or three business areas per source, as a real warehouse has.
  std::vector<const domain*> mine;
  const size_t area_count = 2 + r.below(2);
  while (mine.size() < area_count) {
    const domain* d = &all[r.below(all.size())];
    if (std::find(mine.begin(), mine.end(), d) == mine.end())
      mine.push_back(d);
  }
  out.description = capitalized(mine[0]->about);
  for (size_t i = 1; i < mine.size(); ++i)
    out.description += (i + 1 == mine.size() ? "; and " : "; ") + std::string{mine[i]->about};

  auto pick_noun = [&]() -> const std::string& {
    const domain* d = r.chance(0.85) ? mine[r.below(mine.size())] : &all[r.below(all.size())];
    return r.pick(d->nouns);
  };

  std::string sql;
  sql.reserve(tables * 2500);
  // The first line describes the data source (scripts/eval reads it).
  sql += "-- " + out.description + "\n";
  sql += "-- Medha synthetic distractor data source " + out.name + " (seed "
         + std::to_string(seed) + "): " + std::to_string(tables) + " tables, no rows.\n";
  sql += "BEGIN;\n";

  std::unordered_set<std::string> used;
  std::vector<table_plan> plans;
  plans.reserve(tables);
  std::string comments;
  for (size_t t = 0; t < tables; ++t) {
    const std::string noun = pick_noun();
    const std::string related = pick_noun();
    std::string prefix;
    std::string table;
    switch (r.below(5)) {
      case 0:
        prefix = r.pick(table_prefixes);
        table = prefix + "_" + plural(noun);
        break;
      case 1:
        table = (related == noun ? mine[0]->name : related) + "_" + plural(noun);
        break;
      case 2:
        table = plural(noun) + "_" + r.pick(table_suffixes);
        break;
      default:
        table = plural(noun);
    }
    for (size_t attempt = 0; used.count(table); ++attempt) {
      if (attempt < 3)
        table = (r.chance(0.5) ? r.pick(table_prefixes) + "_" + plural(noun)
                               : plural(noun) + "_" + r.pick(table_suffixes));
      else
        table = plural(noun) + "_" + std::to_string(2000 + r.below(26)) + "_"
                + std::to_string(attempt);
    }
    used.insert(table);

    table_plan plan{table, noun, noun + "_id"};
    std::set<std::string> columns{plan.key};
    std::string body = "  " + quote_ident(plan.key) + " bigint PRIMARY KEY";
    std::string column_comments;
    auto comment_on = [&](const std::string& column, const std::string& text) {
      column_comments += "COMMENT ON COLUMN " + quote_ident(table) + "." + quote_ident(column)
                         + " IS " + quote_literal(text) + ";\n";
    };
    if (r.chance(0.5))
      comment_on(plan.key, "Unique identifier of the " + words_of(noun));

    // A few foreign keys into earlier tables of the same source.
    if (!plans.empty() && r.chance(0.35)) {
      const size_t fks = 1 + r.below(2);
      for (size_t k = 0; k < fks; ++k) {
        const auto& target = plans[r.below(plans.size())];
        std::string column = target.key;
        if (columns.count(column))
          continue;
        columns.insert(column);
        body += ",\n  " + quote_ident(column) + " bigint REFERENCES " + quote_ident(target.name)
                + " (" + quote_ident(target.key) + ")";
        if (r.chance(0.6))
          comment_on(column, "The " + words_of(target.noun) + " this " + words_of(noun)
                               + " belongs to");
        ++out.columns;
      }
    }

    const size_t width = 10 + r.below(21); // 10 to 30 columns
    for (size_t attempts = 0; columns.size() < width && attempts < 200; ++attempts) {
      const auto& a = r.pick(attributes);
      std::string column = a.name;
      if (r.chance(0.35))
        column = (r.chance(0.5) ? noun : related) + "_" + column;
      else if (r.chance(0.1))
        column = pick_noun() + "_id";
      if (columns.count(column))
        continue;
      columns.insert(column);
      const bool reference = column.size() > 3
                             && column.compare(column.size() - 3, 3, "_id") == 0;
      body += ",\n  " + quote_ident(column) + " " + (reference ? "bigint" : sql_type(r, a.k));
      if (column == "created_at" && r.chance(0.5))
        body += " NOT NULL DEFAULT now()";
      if (r.chance(0.6))
        comment_on(column, reference ? "Identifier of the related "
                                         + words_of(column.substr(0, column.size() - 3))
                                     : column_comment(r, column, a.k, noun));
    }
    out.columns += columns.size();

    sql += "CREATE TABLE " + quote_ident(table) + " (\n" + body + "\n);\n";
    if (r.chance(0.8))
      sql += "COMMENT ON TABLE " + quote_ident(table) + " IS "
             + quote_literal(table_comment(r, noun, related, prefix)) + ";\n";
    sql += column_comments;
    plans.push_back(std::move(plan));
  }
  sql += "COMMIT;\n";
  out.sql = std::move(sql);
  return out;
}

int run_distractors(const std::vector<std::string>& args) {
  size_t tables = 0, per_source = 1000;
  uint64_t seed = 42;
  std::string out_dir;
  bool have_tables = false;
  for (size_t i = 0; i < args.size(); ++i) {
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "medha distractors: %s needs a value\n", args[i].c_str());
        std::exit(2);
      }
      return args[++i];
    };
    try {
      if (args[i] == "--tables") {
        tables = std::stoul(value());
        have_tables = true;
      } else if (args[i] == "--out")
        out_dir = value();
      else if (args[i] == "--per-source")
        per_source = std::stoul(value());
      else if (args[i] == "--seed")
        seed = std::stoull(value());
      else {
        std::fprintf(stderr, "medha distractors: unknown argument %s\n", args[i].c_str());
        return 2;
      }
    } catch (const std::exception&) {
      std::fprintf(stderr, "medha distractors: %s needs a number\n", args[i].c_str());
      return 2;
    }
  }
  if (!have_tables || out_dir.empty() || per_source == 0) {
    std::fprintf(stderr, "usage: medha distractors --tables N --out DIR [--per-source 1000] "
                         "[--seed 42]\n");
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "medha distractors: cannot create %s: %s\n", out_dir.c_str(),
                 ec.message().c_str());
    return 1;
  }
  size_t index = 0;
  for (size_t first = 0; first < tables; first += per_source, ++index) {
    auto source = generate_distractor_source(seed, index, std::min(per_source, tables - first));
    auto path = (std::filesystem::path{out_dir} / (source.name + ".sql")).string();
    std::ofstream file{path, std::ios::binary};
    file << source.sql;
    if (!file) {
      std::fprintf(stderr, "medha distractors: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("%s\t%s\t%s\n", source.name.c_str(), path.c_str(), source.description.c_str());
  }
  return 0;
}

} // namespace medha::client
