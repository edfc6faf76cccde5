#include "runtime/client/event_printer.hpp"

#include <algorithm>
#include <vector>

#include <boost/json.hpp>

namespace medha::client {

namespace json = boost::json;

namespace {

std::string text_of(const json::value& v) {
  if (v.is_string())
    return std::string{v.as_string()};
  if (v.is_null())
    return "NULL";
  if (v.is_double()) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.2f", v.as_double());
    return buf;
  }
  return json::serialize(v);
}

std::string field(const json::object& o, const char* key) {
  auto* f = o.if_contains(key);
  return f ? text_of(*f) : std::string{};
}

// A plain text table of at most `max_rows` rows.
void print_table(std::FILE* out, const json::array& columns, const json::array& rows,
                 size_t max_rows) {
  std::vector<std::string> header;
  for (auto& c : columns)
    header.push_back(c.is_object() ? field(c.as_object(), "name") : text_of(c));
  std::vector<size_t> width;
  for (auto& h : header)
    width.push_back(h.size());
  std::vector<std::vector<std::string>> cells;
  for (size_t i = 0; i < rows.size() && i < max_rows; ++i) {
    std::vector<std::string> line;
    if (rows[i].is_array())
      for (auto& v : rows[i].as_array())
        line.push_back(text_of(v));
    for (size_t c = 0; c < line.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], std::min<size_t>(line[c].size(), 40));
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::fprintf(out, "    ");
    for (size_t c = 0; c < width.size(); ++c) {
      auto cell = c < line.size() ? line[c].substr(0, 40) : std::string{};
      std::fprintf(out, "%s%-*s", c ? " | " : "", static_cast<int>(width[c]), cell.c_str());
    }
    std::fprintf(out, "\n");
  };
  print_line(header);
  std::fprintf(out, "    ");
  for (size_t c = 0; c < width.size(); ++c)
    std::fprintf(out, "%s%s", c ? "-+-" : "", std::string(width[c], '-').c_str());
  std::fprintf(out, "\n");
  for (auto& line : cells)
    print_line(line);
  if (rows.size() > max_rows)
    std::fprintf(out, "    ... %zu more rows\n", rows.size() - max_rows);
}

void print_sources(std::FILE* out, const json::object& data) {
  auto* sources = data.if_contains("sources");
  if (!sources || !sources->is_array())
    return;
  int rank = 0;
  for (auto& s : sources->as_array()) {
    if (!s.is_object())
      continue;
    auto& o = s.as_object();
    std::string why, tables;
    if (auto* w = o.if_contains("why"); w && w->is_array())
      for (auto& r : w->as_array())
        if (r.is_object())
          why += (why.empty() ? "" : ", ") + field(r.as_object(), "word") + " → "
                 + field(r.as_object(), "hit");
    if (auto* t = o.if_contains("tables"); t && t->is_array())
      for (auto& r : t->as_array())
        if (r.is_object())
          tables += (tables.empty() ? "" : ", ") + field(r.as_object(), "table");
    std::fprintf(out, "    %d. %s (score %s)%s%s\n", ++rank, field(o, "data_source").c_str(),
                 field(o, "score").c_str(), tables.empty() ? "" : ("  tables: " + tables).c_str(),
                 why.empty() ? "" : ("\n       why: " + why).c_str());
  }
}

} // namespace

void print_event(std::FILE* out, const step_event& ev) {
  std::fprintf(out, "  [%8.1f ms] #%-2llu %-10s %s\n", ev.elapsed_ms,
               static_cast<unsigned long long>(ev.seq), to_string(ev.step), to_string(ev.status));
  json::error_code ec;
  auto v = json::parse(ev.data_json, ec);
  if (ec || !v.is_object())
    return;
  auto& d = v.as_object();
  switch (ev.step) {
    case step_kind::discovery:
      if (ev.status == step_status::done) {
        print_sources(out, d);
        auto selected = field(d, "selected");
        std::fprintf(out, "    → %s\n", selected.empty() ? "no clear winner: asking"
                                                          : ("selected " + selected).c_str());
      }
      break;
    case step_kind::context:
      if (ev.status == step_status::done)
        std::fprintf(out, "    data source %s: %s tables, %s metrics\n", field(d, "data_source").c_str(),
                     field(d, "tables").c_str(), field(d, "metrics").c_str());
      break;
    case step_kind::sql:
      if (ev.status == step_status::done && !field(d, "sql").empty()) {
        auto explanation = field(d, "explanation");
        while (!explanation.empty() && explanation.back() == '.')
          explanation.pop_back(); // "…; confidence" reads better without the full stop
        std::fprintf(out, "    SQL: %s\n    (%s; confidence %s)\n", field(d, "sql").c_str(),
                     explanation.c_str(), field(d, "confidence").c_str());
      }
      break;
    case step_kind::execute:
      if (ev.status == step_status::done)
        std::fprintf(out, "    %s rows in %s ms\n", field(d, "row_count").c_str(),
                     field(d, "query_ms").c_str());
      break;
    case step_kind::visualize:
      if (ev.status == step_status::done)
        std::fprintf(out, "    chart: %s\n", field(d, "kind").c_str());
      break;
    case step_kind::answer: {
      std::fprintf(out, "\n  %s\n\n", field(d, "text").c_str());
      auto* cols = d.if_contains("columns");
      auto* rows = d.if_contains("rows");
      if (cols && rows && cols->is_array() && rows->is_array())
        print_table(out, cols->as_array(), rows->as_array(), 20);
      if (auto* c = d.if_contains("chart"); c && c->is_object())
        std::fprintf(out, "\n  chart: %s (Vega-Lite v5 spec in --json output)\n",
                     field(c->as_object(), "kind").c_str());
      if (auto* s = d.if_contains("suggestions"); s && s->is_array() && !s->as_array().empty()) {
        std::fprintf(out, "  try next:");
        for (auto& x : s->as_array())
          std::fprintf(out, "  \"%s\"", text_of(x).c_str());
        std::fprintf(out, "\n");
      }
      break;
    }
    case step_kind::clarify: {
      std::fprintf(out, "\n  %s\n", field(d, "text").c_str());
      if (auto* c = d.if_contains("choices"); c && c->is_array()) {
        int n = 0;
        for (auto& x : c->as_array())
          if (x.is_object())
            std::fprintf(out, "    %d) %s   [reply: %s]\n", ++n, field(x.as_object(), "label").c_str(),
                         field(x.as_object(), "reply").c_str());
      }
      break;
    }
    case step_kind::error:
      std::fprintf(out, "\n  error %s: %s\n", field(d, "code").c_str(), field(d, "message").c_str());
      break;
    default:
      break;
  }
  std::fflush(out);
}

void print_api_reply(std::FILE* out, const std::string& reply_json) {
  json::error_code ec;
  auto v = json::parse(reply_json, ec);
  if (ec || !v.is_object()) {
    std::fprintf(out, "%s\n", reply_json.c_str());
    return;
  }
  auto& o = v.as_object();
  if (auto* e = o.if_contains("error"); e && e->is_object()) {
    std::fprintf(out, "error %s: %s\n", field(e->as_object(), "code").c_str(),
                 field(e->as_object(), "message").c_str());
    return;
  }
  if (auto* list = o.if_contains("conversations"); list && list->is_array()) {
    for (auto& c : list->as_array())
      if (c.is_object())
        std::fprintf(out, "%s  %-10s  %s\n", field(c.as_object(), "id").c_str(),
                     field(c.as_object(), "data_source").c_str(), field(c.as_object(), "title").c_str());
    return;
  }
  if (auto* list = o.if_contains("data_sources"); list && list->is_array()) {
    for (auto& c : list->as_array())
      if (c.is_object())
        std::fprintf(out, "%-12s %s\n", field(c.as_object(), "name").c_str(),
                     field(c.as_object(), "description").c_str());
    return;
  }
  if (auto* msgs = o.if_contains("messages"); msgs && msgs->is_array()) {
    for (auto& m : msgs->as_array())
      if (m.is_object())
        std::fprintf(out, "%-9s %s\n", (field(m.as_object(), "role") + ":").c_str(),
                     field(m.as_object(), "text").c_str());
    return;
  }
  std::fprintf(out, "%s\n", json::serialize(o).c_str());
}

} // namespace medha::client
