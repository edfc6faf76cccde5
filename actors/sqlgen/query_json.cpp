#include "actors/sqlgen/query_json.hpp"

#include <boost/json.hpp>

namespace medha::sqlgen {

namespace json = boost::json;

namespace {

// Bumped when the structure changes incompatibly; older turns then start over.
constexpr int format_version = 1;

json::value to_value(const column_ref& c) {
  return json::object{{"table", c.table}, {"column", c.column}};
}

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (auto& s : v)
    a.emplace_back(json::string(s));
  return a;
}

json::value to_value(const filter& f) {
  json::object o{{"op", to_string(f.op)}, {"column", to_value(f.column)},
                 {"values", strings(f.values)}};
  if (f.numeric)
    o["numeric"] = true;
  if (!f.related_table.empty())
    o["related_table"] = f.related_table;
  if (!f.sql.empty())
    o["sql"] = f.sql;
  if (f.measure >= 0)
    o["measure"] = f.measure;
  if (!f.within.empty()) {
    json::array w;
    for (auto& g : f.within)
      w.push_back(to_value(g));
    o["within"] = std::move(w);
  }
  if (f.ignore_case)
    o["ignore_case"] = true;
  if (!f.other.empty())
    o["other"] = to_value(f.other);
  return o;
}

json::array filters(const std::vector<filter>& v) {
  json::array a;
  for (auto& f : v)
    a.push_back(to_value(f));
  return a;
}

std::string str(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

int integer(const json::object& o, const char* key, int fallback) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? static_cast<int>(v->get_int64()) : fallback;
}

bool boolean(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_bool() && v->get_bool();
}

const json::array& array(const json::object& o, const char* key) {
  static const json::array none;
  auto* v = o.if_contains(key);
  return v && v->is_array() ? v->get_array() : none;
}

column_ref column_of(const json::value& v) {
  column_ref c;
  if (auto* o = v.if_object()) {
    c.table = str(*o, "table");
    c.column = str(*o, "column");
  }
  return c;
}

column_ref column_at(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v ? column_of(*v) : column_ref{};
}

std::vector<std::string> strings_of(const json::array& a) {
  std::vector<std::string> out;
  for (auto& v : a)
    if (v.is_string())
      out.emplace_back(v.get_string());
  return out;
}

bool read_filter(const json::value& v, filter& f) {
  auto* o = v.if_object();
  if (!o || !from_string(str(*o, "op"), f.op))
    return false;
  f.column = column_at(*o, "column");
  f.values = strings_of(array(*o, "values"));
  f.numeric = boolean(*o, "numeric");
  f.related_table = str(*o, "related_table");
  f.sql = str(*o, "sql");
  f.measure = integer(*o, "measure", -1);
  for (auto& w : array(*o, "within")) {
    filter g;
    if (read_filter(w, g))
      f.within.push_back(std::move(g));
  }
  f.ignore_case = boolean(*o, "ignore_case");
  f.other = column_at(*o, "other");
  return true;
}

bool read_filters(const json::array& a, std::vector<filter>& out) {
  for (auto& v : a) {
    filter f;
    if (!read_filter(v, f))
      return false;
    out.push_back(std::move(f));
  }
  return true;
}

json::object measure_value(const measure& m) {
  json::object o{{"agg", to_string(m.agg)}, {"column", to_value(m.column)}, {"alias", m.alias}};
  if (!m.metric.empty())
    o["metric"] = m.metric;
  if (m.form != measure_form::plain) {
    o["form"] = to_string(m.form);
    o["condition"] = filters(m.condition);
  }
  if (!m.per.empty())
    o["per"] = to_value(m.per);
  if (!m.over.empty()) {
    json::array over;
    for (auto& d : m.over)
      over.push_back(measure_value(d));
    o["over"] = std::move(over);
  }
  if (m.over_all_groups)
    o["over_all_groups"] = true;
  if (m.row_by_row)
    o["row_by_row"] = true;
  if (!m.unit.empty())
    o["unit"] = m.unit;
  return o;
}

bool read_measure(const json::value& v, measure& m) {
  auto* o = v.if_object();
  if (!o || !from_string(str(*o, "agg"), m.agg))
    return false;
  m.metric = str(*o, "metric");
  m.column = column_at(*o, "column");
  m.alias = str(*o, "alias");
  m.per = column_at(*o, "per");
  m.over_all_groups = boolean(*o, "over_all_groups");
  m.row_by_row = boolean(*o, "row_by_row");
  m.unit = str(*o, "unit");
  if (o->contains("form")
      && (!from_string(str(*o, "form"), m.form) || !read_filters(array(*o, "condition"), m.condition)))
    return false;
  for (auto& d : array(*o, "over")) {
    measure part;
    if (!read_measure(d, part))
      return false;
    m.over.push_back(std::move(part));
  }
  return true;
}

} // namespace

std::string to_json(const query& q) {
  json::array measures;
  for (auto& m : q.measures)
    measures.push_back(measure_value(m));
  json::array dimensions;
  for (auto& d : q.dimensions)
    dimensions.push_back(json::object{{"column", to_value(d.column)},
                                      {"bucket", to_string(d.bucket)},
                                      {"alias", d.alias}});
  json::array selected;
  for (auto& c : q.selected)
    selected.push_back(to_value(c));
  json::array order;
  for (auto& o : q.order) {
    json::object e{{"descending", o.descending}};
    if (o.by_length)
      e["by_length"] = true;
    if (o.measure >= 0)
      e["measure"] = o.measure;
    else
      e["column"] = to_value(o.column);
    order.push_back(std::move(e));
  }
  json::object root{
    {"format", format_version},
    {"kind", q.kind == query_kind::listing ? "listing" : "aggregate"},
    {"entity", q.entity},
    {"measures", std::move(measures)},
    {"dimensions", std::move(dimensions)},
    {"selected", std::move(selected)},
    {"filters", filters(q.filters)},
    {"order", std::move(order)},
    {"limit", q.limit},
    {"all_columns", q.all_columns},
    {"chart_hint", q.chart_hint},
  };
  // Set only by the answers about the schema; absent, they are false.
  if (q.columns_described)
    root["columns_described"] = true;
  if (q.tables_listed)
    root["tables_listed"] = true;
  if (!q.via.empty()) {
    json::array via;
    for (auto& c : q.via)
      via.push_back(to_value(c));
    root["via"] = std::move(via);
  }
  if (!q.named.empty()) {
    json::array named;
    for (auto& t : q.named)
      named.emplace_back(t);
    root["named"] = std::move(named);
  }
  if (q.unconfirmed)
    root["unconfirmed"] = true;
  if (q.unanswered)
    root["unanswered"] = true;
  return json::serialize(root);
}

std::optional<query> query_from_json(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  json::error_code ec;
  auto v = json::parse(json::string_view(text.data(), text.size()), ec);
  auto* root = ec ? nullptr : v.if_object();
  if (!root || integer(*root, "format", 0) != format_version)
    return std::nullopt;
  query q;
  q.kind = str(*root, "kind") == "listing" ? query_kind::listing : query_kind::aggregate;
  q.entity = str(*root, "entity");
  for (auto& mv : array(*root, "measures")) {
    measure m;
    if (!read_measure(mv, m))
      return std::nullopt;
    q.measures.push_back(std::move(m));
  }
  for (auto& dv : array(*root, "dimensions")) {
    auto* o = dv.if_object();
    if (!o)
      return std::nullopt;
    dimension d;
    d.column = column_at(*o, "column");
    d.alias = str(*o, "alias");
    if (!from_string(str(*o, "bucket"), d.bucket))
      return std::nullopt;
    q.dimensions.push_back(std::move(d));
  }
  for (auto& cv : array(*root, "selected"))
    q.selected.push_back(column_of(cv));
  if (!read_filters(array(*root, "filters"), q.filters))
    return std::nullopt;
  for (auto& ov : array(*root, "order")) {
    auto* o = ov.if_object();
    if (!o)
      return std::nullopt;
    ordering e;
    e.descending = boolean(*o, "descending");
    e.by_length = boolean(*o, "by_length");
    e.measure = integer(*o, "measure", -1);
    e.column = column_at(*o, "column");
    q.order.push_back(std::move(e));
  }
  q.limit = integer(*root, "limit", 0);
  q.all_columns = boolean(*root, "all_columns");
  q.columns_described = boolean(*root, "columns_described");
  q.tables_listed = boolean(*root, "tables_listed");
  q.chart_hint = str(*root, "chart_hint");
  for (auto& cv : array(*root, "via"))
    q.via.push_back(column_of(cv));
  for (auto& t : array(*root, "named"))
    if (t.is_string())
      q.named.emplace_back(t.as_string());
  q.unconfirmed = boolean(*root, "unconfirmed");
  q.unanswered = boolean(*root, "unanswered");
  return q;
}

} // namespace medha::sqlgen
