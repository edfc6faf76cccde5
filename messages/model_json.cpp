#include "messages/model_json.hpp"

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

namespace {

// -- writing --

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  a.reserve(v.size());
  for (auto& s : v)
    a.emplace_back(s);
  return a;
}

json::object to_json(const column_info& c) {
  json::object o;
  o["name"] = c.name;
  o["type"] = c.type;
  o["role"] = to_string(c.role);
  o["nullable"] = c.nullable;
  o["primary_key"] = c.primary_key;
  if (c.unique)
    o["unique"] = true;
  if (!c.comment.empty())
    o["comment"] = c.comment;
  if (!c.values.empty())
    o["values"] = strings(c.values);
  if (!c.lookup_values.empty())
    o["lookup_values"] = strings(c.lookup_values);
  return o;
}

json::object to_json(const table_info& t) {
  json::object o;
  o["schema"] = t.schema;
  o["name"] = t.name;
  if (!t.comment.empty())
    o["comment"] = t.comment;
  o["row_estimate"] = t.row_estimate;
  if (t.derived)
    o["derived"] = true;
  json::array cols;
  cols.reserve(t.columns.size());
  for (auto& c : t.columns)
    cols.emplace_back(to_json(c));
  o["columns"] = std::move(cols);
  return o;
}

} // namespace

json::object model_to_json(const semantic_model& m) {
  json::object o;
  o["data_source"] = m.data_source;
  o["description"] = m.description;
  o["schema_version"] = m.schema_version;
  if (!m.data_ends.empty())
    o["data_ends"] = m.data_ends;
  json::array tables;
  tables.reserve(m.tables.size());
  for (auto& t : m.tables)
    tables.emplace_back(to_json(t));
  o["tables"] = std::move(tables);
  json::array rels;
  for (auto& r : m.relationships)
    rels.emplace_back(json::object{{"from_table", r.from_table},
                                   {"from_columns", strings(r.from_columns)},
                                   {"to_table", r.to_table},
                                   {"to_columns", strings(r.to_columns)},
                                   {"inferred", r.inferred}});
  o["relationships"] = std::move(rels);
  json::array metrics;
  for (auto& x : m.metrics)
    metrics.emplace_back(json::object{{"name", x.name},
                                      {"expression", x.expression},
                                      {"table", x.table},
                                      {"description", x.description},
                                      {"synonyms", strings(x.synonyms)}});
  o["metrics"] = std::move(metrics);
  json::array glossary;
  for (auto& g : m.glossary)
    glossary.emplace_back(json::object{
      {"term", g.term}, {"target", g.target}, {"synonyms", strings(g.synonyms)}});
  o["glossary"] = std::move(glossary);
  json::array rules;
  for (auto& r : m.rules)
    rules.emplace_back(json::object{
      {"table", r.table}, {"filter", r.filter}, {"description", r.description}});
  o["rules"] = std::move(rules);
  json::array examples;
  for (auto& e : m.examples)
    examples.emplace_back(json::object{{"question", e.question}, {"sql", e.sql}});
  o["examples"] = std::move(examples);
  return o;
}

namespace {

// -- reading: lenient about missing optional fields, strict about types --

struct reader {
  bool ok = true;

  // The field, or nullptr when it is absent; one of another type fails the read.
  const json::value* field(const json::object& o, std::string_view key, bool (json::value::*is)() const) {
    auto p = o.if_contains(key);
    if (p && !(p->*is)()) {
      ok = false;
      return nullptr;
    }
    return p;
  }

  std::string str(const json::object& o, std::string_view key) {
    auto p = field(o, key, &json::value::is_string);
    return p ? std::string(p->get_string()) : std::string{};
  }

  bool boolean(const json::object& o, std::string_view key, bool fallback) {
    auto p = field(o, key, &json::value::is_bool);
    return p ? p->get_bool() : fallback;
  }

  template <class T>
  T integer(const json::object& o, std::string_view key) {
    auto p = o.if_contains(key);
    if (!p)
      return 0;
    if (p->is_int64())
      return static_cast<T>(p->get_int64());
    if (p->is_uint64())
      return static_cast<T>(p->get_uint64());
    ok = false;
    return 0;
  }

  std::vector<std::string> strs(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    for (auto& v : arr(o, key)) {
      if (!v.is_string()) {
        ok = false;
        return {};
      }
      out.emplace_back(v.get_string());
    }
    return out;
  }

  const json::array& arr(const json::object& o, std::string_view key) {
    static const json::array empty;
    auto p = field(o, key, &json::value::is_array);
    return p ? p->get_array() : empty;
  }

  // Calls f(object) for each element of o[key]; non-objects fail the read.
  template <class F>
  void each(const json::object& o, std::string_view key, F&& f) {
    for (auto& v : arr(o, key)) {
      if (!v.is_object()) {
        ok = false;
        return;
      }
      f(v.get_object());
    }
  }
};

column_role role_from(const std::string& name) {
  static const column_role roles[] = {column_role::time,       column_role::categorical,
                                      column_role::numeric,    column_role::identifier,
                                      column_role::text,       column_role::boolean};
  for (auto r : roles)
    if (name == to_string(r))
      return r;
  return column_role::text;
}

} // namespace

std::optional<semantic_model> model_from_json(const json::object& o) {
  reader r;
  semantic_model m;
  m.data_source = r.str(o, "data_source");
  m.description = r.str(o, "description");
  m.schema_version = r.integer<uint64_t>(o, "schema_version");
  m.data_ends = r.str(o, "data_ends");
  r.each(o, "tables", [&](const json::object& to) {
    table_info t;
    t.schema = r.str(to, "schema");
    t.name = r.str(to, "name");
    t.comment = r.str(to, "comment");
    t.row_estimate = r.integer<int64_t>(to, "row_estimate");
    t.derived = r.boolean(to, "derived", false);
    r.each(to, "columns", [&](const json::object& co) {
      column_info c;
      c.name = r.str(co, "name");
      c.type = r.str(co, "type");
      c.role = role_from(r.str(co, "role"));
      c.nullable = r.boolean(co, "nullable", true);
      c.primary_key = r.boolean(co, "primary_key", false);
      c.unique = r.boolean(co, "unique", false);
      c.comment = r.str(co, "comment");
      c.values = r.strs(co, "values");
      c.lookup_values = r.strs(co, "lookup_values");
      t.columns.push_back(std::move(c));
    });
    m.tables.push_back(std::move(t));
  });
  r.each(o, "relationships", [&](const json::object& x) {
    m.relationships.push_back(relationship{r.str(x, "from_table"), r.strs(x, "from_columns"),
                                           r.str(x, "to_table"), r.strs(x, "to_columns"),
                                           r.boolean(x, "inferred", false)});
  });
  r.each(o, "metrics", [&](const json::object& x) {
    m.metrics.push_back(metric{r.str(x, "name"), r.str(x, "expression"), r.str(x, "table"),
                               r.str(x, "description"), r.strs(x, "synonyms")});
  });
  r.each(o, "glossary", [&](const json::object& x) {
    m.glossary.push_back(glossary_term{r.str(x, "term"), r.str(x, "target"),
                                       r.strs(x, "synonyms")});
  });
  r.each(o, "rules", [&](const json::object& x) {
    m.rules.push_back(rule{r.str(x, "table"), r.str(x, "filter"), r.str(x, "description")});
  });
  r.each(o, "examples", [&](const json::object& x) {
    m.examples.push_back(verified_example{r.str(x, "question"), r.str(x, "sql")});
  });
  if (!r.ok)
    return std::nullopt;
  return m;
}

std::string encode_model(const semantic_model& m) {
  return json::serialize(model_to_json(m));
}

std::optional<semantic_model> decode_model(std::string_view text) {
  json::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object())
    return std::nullopt;
  return model_from_json(value.get_object());
}

} // namespace medha
