#include "runtime/client/mcp_text.hpp"

#include <sstream>

#include <boost/json.hpp>

namespace medha::client {

namespace json = boost::json;

std::string cell_text(const json::value& v) {
  if (v.is_string())
    return std::string{v.as_string()};
  if (v.is_null())
    return "NULL";
  return json::serialize(v);
}

// The final event as text an assistant reads: answer, SQL, a table of rows.
std::string final_text(const std::string& conv, const step_event& ev, const json::object& d) {
  std::ostringstream out;
  auto str = [&](const char* key) -> std::string {
    auto* v = d.if_contains(key);
    return v && v->is_string() ? std::string{v->as_string()} : std::string{};
  };
  if (ev.step == step_kind::error) {
    std::string code, message;
    if (auto* e = d.if_contains("code"); e && e->is_string())
      code = e->as_string();
    message = str("message");
    out << "error " << (code.empty() ? "internal" : code) << ": " << message;
    out << "\n\nconversation: " << conv;
    return out.str();
  }
  out << str("text") << "\n";
  if (ev.step == step_kind::clarify) {
    if (auto* c = d.if_contains("choices"); c && c->is_array() && !c->as_array().empty()) {
      out << "\nchoices (reply with one in the same conversation):\n";
      for (auto& choice : c->as_array()) {
        if (!choice.is_object())
          continue;
        auto& o = choice.as_object();
        auto label = o.if_contains("label"), reply = o.if_contains("reply");
        out << "- " << (label ? cell_text(*label) : "")
            << (reply ? " (reply: \"" + cell_text(*reply) + "\")" : "") << "\n";
      }
    }
  } else {
    if (auto ds = str("data_source"); !ds.empty())
      out << "\ndata source: " << ds << "\n";
    if (auto sql = str("sql"); !sql.empty())
      out << "\nSQL:\n" << sql << "\n";
    out << result_table_text(d);
  }
  out << "\nconversation: " << conv;
  return out.str();
}


std::string result_table_text(const json::object& d) {
  std::ostringstream out;
  auto* cols = d.if_contains("columns");
  auto* rows = d.if_contains("rows");
  if (cols && cols->is_array() && !cols->as_array().empty()) {
    out << "\n";
    bool first = true;
    for (auto& c : cols->as_array()) {
      out << (first ? "" : " | ")
          << (c.is_object() && c.as_object().if_contains("name") ? cell_text(c.as_object().at("name"))
                                                                  : cell_text(c));
      first = false;
    }
    out << "\n";
    size_t shown = 0;
    if (rows && rows->is_array()) {
      for (auto& r : rows->as_array()) {
        if (shown == 100)
          break;
        first = true;
        if (r.is_array())
          for (auto& cell : r.as_array()) {
            out << (first ? "" : " | ") << cell_text(cell);
            first = false;
          }
        out << "\n";
        ++shown;
      }
      if (rows->as_array().size() > shown)
        out << "(" << rows->as_array().size() - shown << " more rows in structuredContent)\n";
    }
    if (auto* t = d.if_contains("truncated"); t && t->is_bool() && t->as_bool())
      out << "(result truncated at the row or byte cap)\n";
  }
  return out.str();
}

} // namespace medha::client
