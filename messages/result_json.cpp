#include "messages/result_json.hpp"

#include <cstdlib>

#include <boost/json.hpp>

namespace medha {

namespace json = boost::json;

namespace {

json::value cell(const std::optional<std::string>& v, const std::string& type) {
  if (!v)
    return nullptr;
  if (is_numeric_type(type)) {
    char* end = nullptr;
    if (type == "bigint" || type == "integer" || type == "smallint") {
      long long n = std::strtoll(v->c_str(), &end, 10);
      if (end && *end == '\0')
        return n;
    }
    double d = std::strtod(v->c_str(), &end);
    if (end && *end == '\0')
      return d;
  }
  if (type == "boolean")
    return *v == "t" || *v == "true";
  return json::string{*v};
}

} // namespace

void put_result(json::object& out, const result_set& rows) {
  json::array cols;
  for (auto& col : rows.columns)
    cols.push_back(json::object{{"name", col.name}, {"type", col.type}});
  json::array data;
  for (auto& r : rows.rows) {
    json::array row;
    for (size_t c = 0; c < r.size(); ++c)
      row.push_back(cell(r[c], c < rows.columns.size() ? rows.columns[c].type : ""));
    data.push_back(std::move(row));
  }
  out["columns"] = std::move(cols);
  out["rows"] = std::move(data);
  out["row_count"] = rows.row_count;
  out["truncated"] = rows.truncated;
}

} // namespace medha
