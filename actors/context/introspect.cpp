#include "actors/context/introspect.hpp"

#include <pqxx/pqxx>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/context/column_roles.hpp"
#include "actors/context/infer_relationships.hpp"
#include "actors/context/schema_version.hpp"
#include "actors/executor/conninfo.hpp"

namespace medha {

namespace {

constexpr int statement_timeout_ms = 10000;   // per catalog / sampling statement
constexpr size_t max_values = 50;             // more distinct values: not categorical
constexpr size_t max_value_chars = 80;        // longer values: free text, not categories
constexpr int64_t sample_above_rows = 2000000; // sample bigger tables with TABLESAMPLE
constexpr double sample_target_rows = 200000;
constexpr int64_t count_below_bytes = 64ll << 20; // count(*) unanalyzed tables smaller than this

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
};

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
    if (row[4].as<int>() == 1)
      cat.unique.insert({table.name, column});
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

void count_unanalyzed(pqxx::transaction_base& tx, catalog& cat) {
  for (size_t i = 0; i < cat.tables.size(); ++i) {
    auto& facts = cat.relations[i];
    if (facts.reltuples >= 0 || (facts.kind != 'r' && facts.kind != 'm') || facts.bytes >= count_below_bytes)
      continue;
    best_effort([&] {
      auto rows = tx.exec("SELECT count(*) FROM " + qualified(tx, cat.tables[i]));
      cat.tables[i].row_estimate = rows[0][0].as<int64_t>();
    });
  }
}

std::map<int64_t, std::vector<std::string>> read_enum_labels(pqxx::transaction_base& tx) {
  std::map<int64_t, std::vector<std::string>> labels;
  for (auto row : tx.exec("SELECT enumtypid::bigint, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder"))
    labels[row[0].as<int64_t>()].push_back(text(row[1]));
  return labels;
}

// Distinct values of one text column, or nothing when there are too many or
// they are too long to be categories.
std::optional<std::vector<std::string>> sample_values(pqxx::transaction_base& tx, const table_info& t,
                                                      const relation_facts& facts,
                                                      const std::string& column) {
  std::string from = qualified(tx, t);
  bool sampleable = facts.kind == 'r' || facts.kind == 'm' || facts.kind == 'p';
  if (sampleable && t.row_estimate > sample_above_rows) {
    double percent = std::max(0.01, 100.0 * sample_target_rows / static_cast<double>(t.row_estimate));
    from += " TABLESAMPLE SYSTEM (" + std::to_string(percent) + ")";
  }
  std::optional<std::vector<std::string>> out;
  best_effort([&] {
    auto rows = tx.exec("SELECT DISTINCT v FROM (SELECT " + tx.quote_name(column) + "::text AS v FROM " + from
                        + ") s WHERE v IS NOT NULL LIMIT " + std::to_string(max_values + 1));
    if (rows.empty() || rows.size() > max_values)
      return;
    std::vector<std::string> values;
    for (auto row : rows) {
      std::string v = text(row[0]);
      if (utf8_length(v) > max_value_chars)
        return;
      values.push_back(std::move(v));
    }
    std::sort(values.begin(), values.end());
    out = std::move(values);
  });
  return out;
}

void read_values(pqxx::transaction_base& tx, catalog& cat) {
  auto labels = read_enum_labels(tx);
  for (size_t i = 0; i < cat.tables.size(); ++i) {
    auto& table = cat.tables[i];
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
      // Keys are not categories even when text; foreign tables may be remote.
      if (extra.category != 'S' || column.primary_key || extra.foreign_key || cat.relations[i].kind == 'f')
        continue;
      if (auto values = sample_values(tx, table, cat.relations[i], column.name)) {
        extra.low_cardinality = true;
        column.values = std::move(*values);
      }
    }
  }
}

void assign_roles(catalog& cat) {
  for (size_t i = 0; i < cat.tables.size(); ++i)
    for (size_t j = 0; j < cat.tables[i].columns.size(); ++j) {
      auto& c = cat.tables[i].columns[j];
      auto& extra = cat.extra[i][j];
      c.role = assign_role({c.name, c.type, extra.category, c.primary_key, extra.foreign_key,
                            extra.low_cardinality});
    }
}

} // namespace

model_or_error introspect(const data_source& src) {
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
    count_unanalyzed(tx, cat);
    read_values(tx, cat);
    assign_roles(cat);

    semantic_model model;
    model.data_source = src.name;
    model.description = src.description;
    model.schema_version = compute_schema_version(cat.tables, cat.declared);
    model.relationships = cat.declared;
    for (auto& r : infer_relationships(cat.tables, cat.declared, cat.unique))
      model.relationships.push_back(std::move(r));
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
