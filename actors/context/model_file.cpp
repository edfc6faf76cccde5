#include "actors/context/model_file.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "actors/context/column_roles.hpp"

namespace medha {

namespace {

namespace json = boost::json;

// A wrong field, thrown only inside this file and turned into a bad_request
// at apply_model_file's boundary: it keeps the readers below short.
struct bad_field {
  std::string message;
};

std::string key_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string index_path(const std::string& parent, size_t i) {
  return parent + "[" + std::to_string(i) + "]";
}

const json::object& as_object(const json::value& v, const std::string& path) {
  if (!v.is_object())
    throw bad_field{path + " must be an object"};
  return v.as_object();
}

const json::array& as_array(const json::value& v, const std::string& path) {
  if (!v.is_array())
    throw bad_field{path + " must be an array"};
  return v.as_array();
}

std::string as_string(const json::value& v, const std::string& path) {
  if (!v.is_string())
    throw bad_field{path + " must be a string"};
  return std::string(v.as_string());
}

// An optional string member ("" when absent), or a required one.
std::string string_field(const json::object& obj, const char* key, const std::string& path,
                         bool required = false) {
  auto* v = obj.if_contains(key);
  if (!v) {
    if (required)
      throw bad_field{key_path(path, key) + " is required"};
    return {};
  }
  std::string s = as_string(*v, key_path(path, key));
  if (required && s.empty())
    throw bad_field{key_path(path, key) + " must not be empty"};
  return s;
}

std::vector<std::string> string_list(const json::object& obj, const char* key, const std::string& path) {
  std::vector<std::string> out;
  auto* v = obj.if_contains(key);
  if (!v)
    return out;
  std::string here = key_path(path, key);
  auto& arr = as_array(*v, here);
  for (size_t i = 0; i < arr.size(); ++i)
    out.push_back(as_string(arr[i], index_path(here, i)));
  return out;
}

// Calls f(element, "key[i]") for each element of an optional array member.
template <class F>
void each(const json::object& obj, const char* key, F&& f) {
  auto* v = obj.if_contains(key);
  if (!v)
    return;
  auto& arr = as_array(*v, key);
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string path = index_path(key, i);
    f(as_object(arr[i], path), path);
  }
}

table_info* find_table(semantic_model& model, const std::string& name) {
  for (auto& t : model.tables)
    if (t.name == name || t.schema + "." + t.name == name)
      return &t;
  return nullptr;
}

column_info* find_column(table_info& table, const std::string& name) {
  for (auto& c : table.columns)
    if (c.name == name)
      return &c;
  return nullptr;
}

// The database's COMMENT ON wins; the file fills the gaps.
void fill(std::string& comment, const std::string& description) {
  if (comment.empty())
    comment = description;
}

// A described column: its description, and the role the description implies
// (an integer "epoch timestamp" is a time).
void describe(column_info& column, const std::string& description) {
  fill(column.comment, description);
  if (column.role == column_role::numeric && holds_epoch_seconds(column))
    column.role = column_role::time;
}

void apply_medha_format(semantic_model& model, const json::object& root) {
  if (root.contains("description")) {
    std::string description = string_field(root, "description", "");
    if (!description.empty())
      model.description = description;
  }
  each(root, "metrics", [&](const json::object& o, const std::string& path) {
    metric m{string_field(o, "name", path, true), string_field(o, "expression", path, true),
             string_field(o, "table", path), string_field(o, "description", path),
             string_list(o, "synonyms", path)};
    auto same = std::find_if(model.metrics.begin(), model.metrics.end(),
                             [&](const metric& x) { return x.name == m.name; });
    if (same != model.metrics.end())
      *same = std::move(m);
    else
      model.metrics.push_back(std::move(m));
  });
  each(root, "glossary", [&](const json::object& o, const std::string& path) {
    model.glossary.push_back({string_field(o, "term", path, true), string_field(o, "target", path, true),
                              string_list(o, "synonyms", path)});
  });
  each(root, "rules", [&](const json::object& o, const std::string& path) {
    model.rules.push_back({string_field(o, "table", path, true), string_field(o, "filter", path, true),
                           string_field(o, "description", path)});
  });
  each(root, "examples", [&](const json::object& o, const std::string& path) {
    model.examples.push_back({string_field(o, "question", path, true), string_field(o, "sql", path, true)});
  });
  if (auto* tables = root.if_contains("tables")) {
    for (auto& [name, value] : as_object(*tables, "tables")) {
      std::string table_name(name);
      std::string path = "tables." + table_name;
      auto& entry = as_object(value, path);
      std::string description = string_field(entry, "description", path);
      std::vector<std::pair<std::string, std::string>> columns;
      if (auto* cols = entry.if_contains("columns"))
        for (auto& [col, text] : as_object(*cols, path + ".columns"))
          columns.emplace_back(std::string(col), as_string(text, path + ".columns." + std::string(col)));
      // Checked in full before looking the table up, so a typo in a
      // description of a dropped table is still reported.
      auto* table = find_table(model, table_name);
      if (!table)
        continue;
      fill(table->comment, description);
      for (auto& [col, text] : columns)
        if (auto* c = find_column(*table, col))
          describe(*c, text);
    }
  }
}

void apply_defog_format(semantic_model& model, const json::object& root) {
  for (auto& [name, value] : as_object(root.at("table_metadata"), "table_metadata")) {
    std::string path = "table_metadata." + std::string(name);
    auto& columns = as_array(value, path);
    auto* table = find_table(model, std::string(name));
    for (size_t i = 0; i < columns.size(); ++i) {
      std::string here = index_path(path, i);
      auto& col = as_object(columns[i], here);
      std::string column = string_field(col, "column_name", here, true);
      string_field(col, "data_type", here); // type-checked; the database's type is the truth
      std::string description = string_field(col, "column_description", here);
      if (table)
        if (auto* c = find_column(*table, column))
          describe(*c, description);
    }
  }
  // Defog's glossary is prose for the model reader: keep it with the description.
  std::string glossary = string_field(root, "glossary", "");
  if (!glossary.empty())
    model.description += (model.description.empty() ? "" : "\n") + glossary;
}

// Parses with a byte position on error, so the message can say where.
std::optional<std::string> parse(const std::string& text, json::value& out) {
  json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  json::stream_parser parser({}, options);
  json::error_code ec;
  size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec)
    parser.finish(ec);
  if (ec) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + std::min(used, text.size()), '\n'));
    return "is not valid JSON (" + ec.message() + ", line " + std::to_string(line) + ")";
  }
  out = parser.release();
  return std::nullopt;
}

} // namespace

std::optional<medha_error> apply_model_file(semantic_model& model, const std::string& path) {
  auto fail = [&](const std::string& what) {
    return medha_error{error_code::bad_request, "model file " + path + ": " + what};
  };
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(std::string("cannot be read (") + std::strerror(errno) + ")");
  std::stringstream buffer;
  buffer << in.rdbuf();
  json::value root;
  if (auto bad = parse(buffer.str(), root))
    return fail(*bad);
  if (!root.is_object())
    return fail("the top level must be an object");
  semantic_model updated = model; // all or nothing
  try {
    auto& obj = root.as_object();
    if (obj.contains("table_metadata"))
      apply_defog_format(updated, obj);
    else
      apply_medha_format(updated, obj);
  } catch (const bad_field& e) {
    return fail(e.message);
  } catch (const std::exception& e) {
    return medha_error{error_code::internal, "model file " + path + ": " + e.what()};
  }
  model = std::move(updated);
  return std::nullopt;
}

} // namespace medha
