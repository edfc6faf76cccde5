#include "actors/context/introspect.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/context/column_roles.hpp"
#include "actors/context/infer_relationships.hpp"
#include "actors/context/schema_version.hpp"
#include "actors/context/structure_fingerprint.hpp"
#include "actors/context/data_ends.hpp"
#include "actors/executor/conninfo.hpp"

namespace medha {

namespace {

constexpr int statement_timeout_ms = 10000;   // per catalog / sampling statement
constexpr size_t max_values = 50;             // more distinct values: not categorical
constexpr size_t max_value_chars = 80;        // longer values: free text, not categories
constexpr size_t max_lookup_values = 2000;     // more distinct names: not kept for lookups
constexpr size_t max_lookup_chars = 40;        // longer values are sentences, not names
constexpr int64_t sample_above_rows = 2000000; // sample bigger tables with TABLESAMPLE
constexpr double sample_target_rows = 200000;
constexpr int64_t count_below_bytes = 64ll << 20; // count(*) unanalyzed tables smaller than this
constexpr int64_t batch_below_rows = 100000;      // sample all columns in one statement below this

// The relations a model describes: everything the role can read in user
// schemas, minus partitions (their parent stands for them) and objects an
// extension owns (postgis' spatial_ref_sys is nobody's business data).
constexpr const char* relation_oids = R"sql(
  SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
    AND has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                    AND d.objid = c.oid AND d.deptype = 'e'))sql";

// What the catalogs say beyond what semantic_model keeps.
struct relation_facts {
  char kind = 'r';
  double reltuples = -1;
  int64_t bytes = 0;
  bool empty = false; // known to hold no rows: nothing to count or sample
};

// Tables and materialized views store rows in the main fork: no pages, no rows.
bool stores_rows(const relation_facts& f) { return f.kind == 'r' || f.kind == 'm'; }

struct column_extra {
  char category = 'X';
  int64_t enum_type = 0; // pg_enum.enumtypid, 0 when not an enum
  bool foreign_key = false;
  bool low_cardinality = false;
};

struct catalog {
  std::vector<table_info> tables;
  std::vector<relation_facts> relations;       // parallel to tables
  std::vector<std::vector<column_extra>> extra; // parallel to tables[i].columns
  std::unordered_map<int64_t, size_t> by_oid;   // relation oid -> index in tables
  std::vector<relationship> declared;
  unique_columns unique;
};

std::string text(const pqxx::field& f) { return f.is_null() ? std::string() : f.c_str(); }

size_t utf8_length(const std::string& s) {
  return static_cast<size_t>(
    std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void read_relations(pqxx::transaction_base& tx, catalog& cat) {
  auto rows = tx.exec(std::string(R"sql(
    SELECT c.oid::bigint, n.nspname, c.relname, c.relkind,
           coalesce(obj_description(c.oid, 'pg_class'), ''),
           CASE WHEN c.relkind = 'p' THEN
             (SELECT coalesce(sum(greatest(ch.reltuples, 0)), 0) FROM pg_inherits i
              JOIN pg_class ch ON ch.oid = i.inhrelid WHERE i.inhparent = c.oid)
           ELSE c.reltuples END::float8,
           CASE WHEN c.relkind IN ('r', 'm') THEN pg_relation_size(c.oid) ELSE 0 END::bigint
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid IN ()sql") + relation_oids + R"sql()
    ORDER BY n.nspname, c.relname)sql");
  for (auto row : rows) {
    table_info t;
    t.schema = text(row[1]);
    t.name = text(row[2]);
    t.comment = text(row[4]);
    relation_facts facts;
    facts.kind = text(row[3]).empty() ? 'r' : text(row[3])[0];
    facts.reltuples = row[5].as<double>();
    facts.bytes = row[6].as<int64_t>();
    facts.empty = stores_rows(facts) && facts.bytes == 0;
    t.derived = facts.kind == 'v' || facts.kind == 'm';
    t.row_estimate = facts.reltuples > 0 ? static_cast<int64_t>(facts.reltuples) : 0;
    cat.by_oid[row[0].as<int64_t>()] = cat.tables.size();
    cat.tables.push_back(std::move(t));
    cat.relations.push_back(facts);
    cat.extra.emplace_back();
  }
}

void read_columns(pqxx::transaction_base& tx, catalog& cat) {
  // Domains report their base type's category, so a domain over text is text.
  auto rows = tx.exec(std::string(R"sql(
    SELECT a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
           coalesce(col_description(a.attrelid, a.attnum), ''),
           CASE WHEN t.typtype = 'd' THEN coalesce(bt.typcategory, t.typcategory) ELSE t.typcategory END,
           CASE WHEN t.typtype = 'e' THEN t.oid ELSE 0 END::bigint
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
    WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN ()sql") + relation_oids + R"sql()
    ORDER BY a.attrelid, a.attnum)sql");
  for (auto row : rows) {
    auto found = cat.by_oid.find(row[0].as<int64_t>());
    if (found == cat.by_oid.end())
      continue;
    column_info c;
    c.name = text(row[1]);
    c.type = text(row[2]);
    c.nullable = !row[3].as<bool>();
    c.comment = text(row[4]);
    column_extra extra;
    extra.category = text(row[5]).empty() ? 'X' : text(row[5])[0];
    extra.enum_type = row[6].as<int64_t>();
    cat.tables[found->second].columns.push_back(std::move(c));
    cat.extra[found->second].push_back(extra);
  }
}

// Primary keys and unique indexes (plain column lists, no predicate): the
// former flag columns, single-column ones feed relationship inference.
void read_keys(pqxx::transaction_base& tx, catalog& cat) {
  auto rows = tx.exec(std::string(R"sql(
    SELECT i.indrelid::bigint, i.indexrelid::bigint, i.indisprimary, a.attname,
           cardinality(i.indkey::int2[])
    FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) AS k(attnum)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
      AND i.indrelid IN ()sql") + relation_oids + ")");
  for (auto row : rows) {
    auto found = cat.by_oid.find(row[0].as<int64_t>());
    if (found == cat.by_oid.end())
      continue;
    auto& table = cat.tables[found->second];
    std::string column = text(row[3]);
    if (row[2].as<bool>())
      for (auto& c : table.columns)
        if (c.name == column)
          c.primary_key = true;
    if (row[4].as<int>() == 1) {
      cat.unique.insert({table.name, column});
      for (auto& c : table.columns)
        if (c.name == column)
          c.unique = true;
    }
  }
}

void read_foreign_keys(pqxx::transaction_base& tx, catalog& cat) {
  auto rows = tx.exec(std::string(R"sql(
    SELECT con.oid::bigint, con.conrelid::bigint, con.confrelid::bigint, fa.attname, ta.attname
    FROM pg_constraint con
    CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(from_att, to_att, ord)
    JOIN pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = k.from_att
    JOIN pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.to_att
    WHERE con.contype = 'f' AND con.conrelid IN ()sql") + relation_oids + R"sql()
    ORDER BY con.conrelid, con.oid, k.ord)sql");
  std::map<int64_t, relationship> by_constraint; // keeps the ORDER BY's column order
  std::vector<int64_t> order;
  for (auto row : rows) {
    auto from = cat.by_oid.find(row[1].as<int64_t>());
    auto to = cat.by_oid.find(row[2].as<int64_t>());
    if (from == cat.by_oid.end() || to == cat.by_oid.end())
      continue; // references a table outside the model
    int64_t id = row[0].as<int64_t>();
    auto [it, fresh] = by_constraint.try_emplace(id);
    if (fresh) {
      order.push_back(id);
      it->second.from_table = cat.tables[from->second].name;
      it->second.to_table = cat.tables[to->second].name;
    }
    std::string from_column = text(row[3]);
    it->second.from_columns.push_back(from_column);
    it->second.to_columns.push_back(text(row[4]));
    auto& table = cat.tables[from->second];
    for (size_t i = 0; i < table.columns.size(); ++i)
      if (table.columns[i].name == from_column)
        cat.extra[from->second][i].foreign_key = true;
  }
  for (auto id : order)
    cat.declared.push_back(std::move(by_constraint[id]));
}

std::string qualified(pqxx::transaction_base& tx, const table_info& t) {
  return tx.quote_name(t.schema) + "." + tx.quote_name(t.name);
}

// Runs a statement that may time out or be refused without failing the whole
// introspection; a lost connection still propagates.
template <class F>
void best_effort(F&& f) {
  try {
    f();
  } catch (const pqxx::broken_connection&) {
    throw;
  } catch (const pqxx::sql_error&) {
    // statement timeout, permission, a broken view: keep what we have
  }
}

// Tables never analyzed (reltuples -1) or analyzed empty (0, perhaps filled
// since) get an exact count when small. Empty files need no query; the rest
// are counted in batches, one round trip for many tables, falling back to one
// statement per table when a batch fails (a permission, a timeout).
void count_unanalyzed(pqxx::transaction_base& tx, catalog& cat) {
  constexpr size_t batch_size = 100;
  std::vector<size_t> todo;
  for (size_t i = 0; i < cat.tables.size(); ++i) {
    auto& facts = cat.relations[i];
    if (facts.reltuples > 0 || !stores_rows(facts) || facts.bytes >= count_below_bytes)
      continue;
    if (facts.empty) {
      cat.tables[i].row_estimate = 0;
      continue;
    }
    todo.push_back(i);
  }
  auto record = [&](size_t i, int64_t rows) {
    cat.tables[i].row_estimate = rows;
    cat.relations[i].empty = rows == 0;
  };
  for (size_t first = 0; first < todo.size(); first += batch_size) {
    const size_t last = std::min(todo.size(), first + batch_size);
    std::string sql;
    for (size_t k = first; k < last; ++k)
      sql += (k == first ? "" : " UNION ALL ") + std::string("SELECT ") + std::to_string(todo[k])
             + ", count(*) FROM " + qualified(tx, cat.tables[todo[k]]);
    bool batched = false;
    best_effort([&] {
      for (auto row : tx.exec(sql))
        record(row[0].as<size_t>(), row[1].as<int64_t>());
      batched = true;
    });
    if (batched)
      continue;
    for (size_t k = first; k < last; ++k)
      best_effort([&] {
        auto rows = tx.exec("SELECT count(*) FROM " + qualified(tx, cat.tables[todo[k]]));
        record(todo[k], rows[0][0].as<int64_t>());
      });
  }
}

std::map<int64_t, std::vector<std::string>> read_enum_labels(pqxx::transaction_base& tx) {
  std::map<int64_t, std::vector<std::string>> labels;
  for (auto row : tx.exec("SELECT enumtypid::bigint, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder"))
    labels[row[0].as<int64_t>()].push_back(text(row[1]));
  return labels;
}

// Keeps a column's distinct values when they look like categories: at most
// max_values of them, none longer than max_value_chars; sorted.
std::optional<std::vector<std::string>> categories(std::vector<std::string> values) {
  if (values.empty() || values.size() > max_values)
    return std::nullopt;
  for (auto& v : values)
    if (utf8_length(v) > max_value_chars)
      return std::nullopt;
  std::sort(values.begin(), values.end());
  return values;
}

// The bounded distinct-values query of one column over `from`.
std::string distinct_values_sql(pqxx::transaction_base& tx, const std::string& from,
                                const std::string& column) {
  return "SELECT DISTINCT v FROM (SELECT " + tx.quote_name(column) + "::text AS v FROM " + from
         + ") s WHERE v IS NOT NULL LIMIT " + std::to_string(max_values + 1);
}

// A table to read values from: big stored tables through a sample of their
// pages, so that a distinct-values query stays cheap.
std::string sampled_from(pqxx::transaction_base& tx, const table_info& t, const relation_facts& facts) {
  std::string from = qualified(tx, t);
  bool sampleable = facts.kind == 'r' || facts.kind == 'm' || facts.kind == 'p';
  if (sampleable && t.row_estimate > sample_above_rows) {
    double percent = std::max(0.01, 100.0 * sample_target_rows / static_cast<double>(t.row_estimate));
    from += " TABLESAMPLE SYSTEM (" + std::to_string(percent) + ")";
  }
  return from;
}

// Distinct values of one text column, or nothing when there are too many or
// they are too long to be categories.
std::optional<std::vector<std::string>> sample_values(pqxx::transaction_base& tx, const table_info& t,
                                                      const relation_facts& facts,
                                                      const std::string& column) {
  const std::string from = sampled_from(tx, t, facts);
  std::optional<std::vector<std::string>> out;
  best_effort([&] {
    std::vector<std::string> values;
    for (auto row : tx.exec(distinct_values_sql(tx, from, column)))
      values.push_back(text(row[0]));
    out = categories(std::move(values));
  });
  return out;
}

// The short distinct values of a text column with too many to be
// categories, when there are few enough to keep for lookups ("Bergen" among
// the cities); nothing when there are more, or the statement fails.
std::vector<std::string> lookup_values(pqxx::transaction_base& tx, const table_info& t,
                                       const relation_facts& facts, const std::string& column) {
  const std::string from = sampled_from(tx, t, facts);
  std::vector<std::string> out;
  best_effort([&] {
    auto sql = "SELECT DISTINCT v FROM (SELECT " + tx.quote_name(column) + "::text AS v FROM " + from
               + ") s WHERE v IS NOT NULL AND length(v) <= " + std::to_string(max_lookup_chars)
               + " LIMIT " + std::to_string(max_lookup_values + 1);
    std::vector<std::string> values;
    for (auto row : tx.exec(sql))
      values.push_back(text(row[0]));
    if (values.size() <= max_lookup_values) {
      std::sort(values.begin(), values.end());
      out = std::move(values);
    }
  });
  return out;
}

// Every candidate column of one small table in one statement (one round
// trip instead of one per column): a JSON array of distinct values per
// column. False when the statement failed; the caller then asks per column.
bool sample_table(pqxx::transaction_base& tx, const table_info& t, const std::vector<size_t>& columns,
                  std::vector<std::optional<std::vector<std::string>>>& out) {
  const std::string from = qualified(tx, t);
  std::string sql = "SELECT ";
  for (size_t k = 0; k < columns.size(); ++k)
    sql += (k ? ", " : "") + std::string("(SELECT coalesce(json_agg(v), '[]') FROM (")
           + distinct_values_sql(tx, from, t.columns[columns[k]].name) + ") d)::text";
  bool ok = false;
  best_effort([&] {
    auto rows = tx.exec(sql);
    out.assign(columns.size(), std::nullopt);
    for (size_t k = 0; k < columns.size(); ++k) {
      boost::json::error_code ec;
      auto parsed = boost::json::parse(text(rows[0][static_cast<int>(k)]), ec);
      if (ec || !parsed.is_array())
        continue;
      std::vector<std::string> values;
      for (auto& v : parsed.as_array())
        if (v.is_string())
          values.emplace_back(v.as_string());
      out[k] = categories(std::move(values));
    }
    ok = true;
  });
  return ok;
}

void read_values(pqxx::transaction_base& tx, catalog& cat) {
  auto labels = read_enum_labels(tx);
  std::vector<size_t> candidates;
  std::vector<std::optional<std::vector<std::string>>> sampled;
  for (size_t i = 0; i < cat.tables.size(); ++i) {
    auto& table = cat.tables[i];
    const auto& facts = cat.relations[i];
    candidates.clear();
    for (size_t j = 0; j < table.columns.size(); ++j) {
      auto& extra = cat.extra[i][j];
      auto& column = table.columns[j];
      if (extra.enum_type != 0) {
        auto& all = labels[extra.enum_type];
        extra.low_cardinality = all.size() <= max_values;
        if (extra.low_cardinality)
          column.values = all;
        continue;
      }
      // Keys are not categories even when text; foreign tables may be remote;
      // a table known empty has nothing to sample.
      if (extra.category != 'S' || column.primary_key || extra.foreign_key || facts.kind == 'f'
          || facts.empty)
        continue;
      candidates.push_back(j);
    }
    if (candidates.empty())
      continue;
    // Small stored tables: one statement for all their columns. Views and
    // big tables: one per column, so each has the whole statement timeout.
    const bool batch = candidates.size() > 1 && stores_rows(facts) && table.row_estimate <= batch_below_rows;
    if (!batch || !sample_table(tx, table, candidates, sampled)) {
      sampled.clear();
      for (auto j : candidates)
        sampled.push_back(sample_values(tx, table, facts, table.columns[j].name));
    }
    for (size_t k = 0; k < candidates.size(); ++k)
      if (sampled[k]) {
        cat.extra[i][candidates[k]].low_cardinality = true;
        table.columns[candidates[k]].values = std::move(*sampled[k]);
      } else if (stores_rows(facts)) {
        table.columns[candidates[k]].lookup_values = lookup_values(tx, table, facts, table.columns[candidates[k]].name);
      }
  }
}

constexpr int64_t exact_unique_below_rows = 1000000; // count(DISTINCT) up to this; pg_stats above
constexpr size_t containment_sample = 200;           // distinct referencing values checked per edge
constexpr size_t data_batch = 50;                    // tables or edges per statement

// Tables worth a data query: stored rows, known not empty, not remote.
bool has_rows(const relation_facts& f) { return (stores_rows(f) || f.kind == 'p') && !f.empty; }

// Runs "SELECT <k>, <text> ... UNION ALL ..." batches of `parts` (each a
// complete SELECT yielding an integer tag and a text), one statement per
// batch, each part alone when its batch fails; calls `row` per result.
template <class Row>
void run_batched(pqxx::transaction_base& tx, const std::vector<std::string>& parts, Row&& row) {
  for (size_t first = 0; first < parts.size(); first += data_batch) {
    const size_t last = std::min(parts.size(), first + data_batch);
    std::string sql;
    for (size_t k = first; k < last; ++k)
      sql += (k == first ? "" : " UNION ALL ") + ("(" + parts[k] + ")");
    bool batched = false;
    best_effort([&] {
      auto rows = tx.exec(sql);
      for (auto r : rows)
        row(r);
      batched = true;
    });
    if (batched)
      continue;
    for (size_t k = first; k < last; ++k)
      best_effort([&] {
        for (auto r : tx.exec(parts[k]))
          row(r);
      });
  }
}

// Which candidate key columns are unique in the data: count(*) against
// count(col) and count(DISTINCT col) on tables up to a million rows, one
// scan per table, and pg_stats' n_distinct = -1 (no nulls) above that.
// Empty tables cost nothing.
data_uniqueness read_uniqueness(pqxx::transaction_base& tx, const catalog& cat) {
  data_uniqueness out;
  auto candidates = uniqueness_candidates(cat.tables);
  std::vector<std::string> parts;
  bool big = false;
  for (size_t i = 0; i < cat.tables.size(); ++i) {
    auto& t = cat.tables[i];
    std::vector<size_t> todo;
    for (auto j : candidates[i])
      if (!cat.unique.count({t.name, t.columns[j].name}))
        todo.push_back(j);
    if (todo.empty() || !has_rows(cat.relations[i]))
      continue;
    if (t.row_estimate > exact_unique_below_rows) {
      big = true;
      continue;
    }
    if (t.row_estimate == 0 && cat.relations[i].bytes >= count_below_bytes)
      continue; // never analyzed, too big to count: unknown
    std::string sql = "SELECT " + std::to_string(i) + "::int, json_build_array(count(*)";
    for (auto j : todo) {
      auto col = tx.quote_name(t.columns[j].name);
      sql += ", count(" + col + "), count(DISTINCT " + col + ")";
    }
    sql += ")::text FROM " + qualified(tx, t);
    parts.push_back(std::move(sql));
  }
  run_batched(tx, parts, [&](const pqxx::row& r) {
    size_t i = r[0].as<size_t>();
    auto& t = cat.tables[i];
    boost::json::error_code ec;
    auto parsed = boost::json::parse(text(r[1]), ec);
    if (ec || !parsed.is_array())
      return;
    auto& counts = parsed.as_array();
    int64_t rows = counts.empty() ? 0 : counts[0].to_number<int64_t>();
    if (rows == 0)
      return;
    size_t k = 1;
    for (auto j : candidates[i]) {
      if (cat.unique.count({t.name, t.columns[j].name}))
        continue;
      if (k + 1 >= counts.size())
        break;
      int64_t present = counts[k].to_number<int64_t>(), distinct = counts[k + 1].to_number<int64_t>();
      out[{t.name, t.columns[j].name}] = present == rows && distinct == rows;
      k += 2;
    }
  });
  if (big)
    best_effort([&] {
      std::map<std::pair<std::string, std::string>, size_t> wanted; // (schema.table, column) -> table
      for (size_t i = 0; i < cat.tables.size(); ++i)
        if (cat.tables[i].row_estimate > exact_unique_below_rows && has_rows(cat.relations[i]))
          for (auto j : candidates[i])
            wanted[{cat.tables[i].schema + "." + cat.tables[i].name, cat.tables[i].columns[j].name}] = i;
      auto rows = tx.exec("SELECT schemaname || '.' || tablename, attname::text, n_distinct::float8, "
                          "null_frac::float8 FROM pg_stats WHERE NOT inherited AND schemaname NOT IN "
                          "('pg_catalog', 'information_schema')");
      for (auto r : rows) {
        auto it = wanted.find({text(r[0]), text(r[1])});
        if (it == wanted.end())
          continue;
        out[{cat.tables[it->second].name, it->first.second}] = r[2].as<double>() == -1.0 && r[3].as<double>() == 0.0;
      }
    });
  return out;
}

// Keeps the inferred edges the data supports: names alone stand; role names
// fall when under half of a sample of the referencing column's distinct
// values exist in the referenced column; data-only edges need 80%. Edges
// between tables that cannot be checked (empty, huge, views) keep only
// naming evidence.
std::vector<relationship> check_containment(pqxx::transaction_base& tx, const catalog& cat,
                                            std::vector<join_candidate> candidates) {
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < cat.tables.size(); ++i)
    index_of.emplace(cat.tables[i].name, i);
  std::vector<std::string> parts;
  std::vector<std::optional<double>> share(candidates.size());
  for (size_t k = 0; k < candidates.size(); ++k) {
    auto& c = candidates[k];
    if (c.evidence == join_evidence::names)
      continue;
    auto f = index_of.find(c.edge.from_table), t = index_of.find(c.edge.to_table);
    if (f == index_of.end() || t == index_of.end())
      continue;
    auto& from = cat.tables[f->second];
    auto& to = cat.tables[t->second];
    if (!has_rows(cat.relations[f->second]) || !has_rows(cat.relations[t->second])
        || to.row_estimate > exact_unique_below_rows)
      continue;
    parts.push_back("SELECT " + std::to_string(k) + "::int, (count(*) || ',' || count(*) FILTER (WHERE EXISTS ("
                    "SELECT 1 FROM " + qualified(tx, to) + " r WHERE r." + tx.quote_name(c.edge.to_columns[0])
                    + " = s.v)))::text FROM (SELECT DISTINCT " + tx.quote_name(c.edge.from_columns[0])
                    + " AS v FROM " + qualified(tx, from) + " WHERE " + tx.quote_name(c.edge.from_columns[0])
                    + " IS NOT NULL LIMIT " + std::to_string(containment_sample) + ") s");
  }
  run_batched(tx, parts, [&](const pqxx::row& r) {
    auto k = r[0].as<size_t>();
    auto counts = text(r[1]);
    auto comma = counts.find(',');
    if (k >= share.size() || comma == std::string::npos)
      return;
    double sampled = std::stod(counts.substr(0, comma)), found = std::stod(counts.substr(comma + 1));
    if (sampled > 0)
      share[k] = found / sampled;
  });
  std::vector<relationship> out;
  for (size_t k = 0; k < candidates.size(); ++k) {
    auto& c = candidates[k];
    bool keep = c.evidence == join_evidence::names
                || (c.evidence == join_evidence::role_names && (!share[k] || *share[k] >= 0.5))
                || (c.evidence == join_evidence::data && share[k] && *share[k] >= 0.8);
    if (keep)
      out.push_back(std::move(c.edge));
  }
  return out;
}

void assign_roles(catalog& cat) {
  for (size_t i = 0; i < cat.tables.size(); ++i)
    for (size_t j = 0; j < cat.tables[i].columns.size(); ++j) {
      auto& c = cat.tables[i].columns[j];
      auto& extra = cat.extra[i][j];
      c.role = assign_role({c.name, c.type, extra.category, c.primary_key, extra.foreign_key,
                            extra.low_cardinality});
      if (c.role == column_role::numeric && holds_epoch_seconds(c))
        c.role = column_role::time;
      if (c.role == column_role::categorical && holds_yes_no(c))
        c.role = column_role::boolean;
    }
}

// The latest day of each date column of the stored tables (a sample of
// the big ones), one statement per table; see data_ends.hpp.
std::string read_data_ends(pqxx::transaction_base& tx, const catalog& cat) {
  std::vector<std::string> latest;
  for (size_t i = 0; i < cat.tables.size(); ++i) {
    auto& t = cat.tables[i];
    if (!has_rows(cat.relations[i]) || t.derived)
      continue;
    std::string list;
    for (auto& c : t.columns)
      if (c.role == column_role::time && (c.type == "date" || c.type.rfind("timestamp", 0) == 0)
          && !looks_ahead(c.name))
        list += (list.empty() ? "" : ", ") + ("max(" + tx.quote_name(c.name) + ")::date::text");
    if (list.empty())
      continue;
    best_effort([&] {
      for (auto row : tx.exec("SELECT " + list + " FROM " + sampled_from(tx, t, cat.relations[i])))
        for (auto f : row)
          latest.push_back(text(f));
    });
  }
  std::string today;
  best_effort([&] { today = text(tx.exec("SELECT CURRENT_DATE::text")[0][0]); });
  return data_ends_from(std::move(latest), today);
}

} // namespace

model_or_error introspect(const data_source& src, const cached_model_fn& cached) {
  auto prepared = prepare_conninfo(src.conninfo);
  if (!prepared)
    return medha_error{error_code::datasource_unavailable,
                                      "The connection string of data source '" + src.name
                                        + "' is not valid libpq syntax."};
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(prepared->conninfo);
  } catch (const std::exception& e) {
    return medha_error{error_code::datasource_unavailable,
                                      "Cannot connect to PostgreSQL at " + prepared->endpoint + ": "
                                        + one_line(e.what())};
  }
  try {
    // Autocommit, so a timed-out sampling query does not abort the rest;
    // read-only, so nothing here can change the data source.
    pqxx::nontransaction tx(*conn, "medha_introspect");
    tx.exec("SET default_transaction_read_only = on");
    tx.exec("SET statement_timeout = " + std::to_string(statement_timeout_ms));
    catalog cat;
    read_relations(tx, cat);
    read_columns(tx, cat);
    read_keys(tx, cat);
    read_foreign_keys(tx, cat);
    if (cached) {
      // The server, database and role: another database may have the same schema.
      auto connection = prepared->endpoint + "/" + conn->dbname() + "/" + conn->username();
      auto structure = structure_fingerprint(connection, cat.tables, cat.declared, cat.unique,
                                             read_enum_labels(tx));
      if (auto hit = cached(structure))
        return std::move(*hit);
    }
    count_unanalyzed(tx, cat);
    read_values(tx, cat);
    assign_roles(cat);

    semantic_model model;
    model.data_source = src.name;
    model.description = src.description;
    model.schema_version = compute_schema_version(cat.tables, cat.declared);
    model.relationships = cat.declared;
    auto in_data = read_uniqueness(tx, cat);
    for (auto& r : check_containment(tx, cat, join_candidates(cat.tables, cat.declared, cat.unique, in_data)))
      model.relationships.push_back(std::move(r));
    model.data_ends = read_data_ends(tx, cat);
    model.tables = std::move(cat.tables);
    return model;
  } catch (const pqxx::broken_connection& e) {
    return medha_error{error_code::datasource_unavailable,
                                      "Lost the connection to PostgreSQL at " + prepared->endpoint + ": "
                                        + one_line(e.what())};
  } catch (const std::exception& e) {
    std::string what = one_line(std::string(e.what()).substr(0, std::string(e.what()).find('\n')));
    return medha_error{error_code::query_failed,
                                      "Reading the catalog of data source '" + src.name + "' failed: " + what};
  }
}

} // namespace medha
