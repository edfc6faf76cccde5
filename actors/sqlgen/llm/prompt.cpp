#include "actors/sqlgen/llm/prompt.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace medha::llm {

namespace {

std::string lower(std::string_view s) {
  std::string out{s};
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s)
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

std::string quoted_list(const std::vector<std::string>& values, size_t max) {
  std::string out;
  for (size_t i = 0; i < values.size() && i < max; ++i) {
    std::string v;
    for (char c : values[i])
      v += c == '\'' ? std::string{"''"} : std::string(1, c);
    out += (i ? ", '" : "'") + v + "'";
  }
  if (values.size() > max)
    out += ", …";
  return out;
}

std::string fenced(const std::string& sql) {
  return "```sql\n" + sql + "\n```";
}

// The knobs the budget turns, from the richest prompt down.
struct shape {
  size_t history = 0;
  size_t examples = 0;
  bool values = false;
  bool rows = false;
  bool comments = true;
  std::vector<std::string> tables; // kept, in the model's order
};

semantic_model with_tables(const semantic_model& model, const std::vector<std::string>& keep) {
  semantic_model out = model;
  out.tables.clear();
  for (auto& t : model.tables)
    if (std::find(keep.begin(), keep.end(), t.name) != keep.end())
      out.tables.push_back(t);
  return out;
}

built_prompt render(const prompt_input& in, const shape& s) {
  built_prompt p;
  auto model = with_tables(*in.model, s.tables);
  std::string system = dialect_rules();
  system += "\n\n## Schema (PostgreSQL)\n\n" + schema_ddl(model, s.comments, s.values);
  auto context = business_context(model);
  if (!context.empty())
    system += "\n## Business context\n\n" + context;
  if (s.examples) {
    std::string ex;
    size_t n = 0;
    // The user's verified examples (closest first) before the model file's.
    std::vector<const verified_example*> all;
    for (auto& e : in.examples)
      all.push_back(&e);
    for (auto& e : model.examples)
      all.push_back(&e);
    for (auto* ep : all) {
      auto& e = *ep;
      if (e.sql.empty() || n >= s.examples)
        continue;
      ex += "Q: " + one_line(e.question) + "\n" + fenced(e.sql) + "\n";
      ++n;
    }
    if (!ex.empty())
      system += "\n## Verified examples\n\n" + ex;
  }
  p.chat.system = std::move(system);
  auto first = in.history.size() > s.history ? in.history.size() - s.history : 0;
  for (size_t i = first; i < in.history.size(); ++i) {
    auto& turn = in.history[i];
    if (turn.sql.empty())
      continue;
    p.chat.messages.push_back({"user", turn.question});
    p.chat.messages.push_back({"assistant", fenced(turn.sql)});
  }
  std::string ask = in.question;
  if (s.rows && in.last_rows && !in.last_rows->columns.empty())
    ask = "The last answer's first rows:\n" + rows_table(*in.last_rows, in.max_rows) + "\n"
          + "Question: " + in.question;
  p.chat.messages.push_back({"user", ask});
  for (auto& f : in.failed) {
    p.chat.messages.push_back({"assistant", fenced(f.sql)});
    p.chat.messages.push_back(
        {"user", "That SQL failed: " + one_line(f.error)
                   + "\nWrite a corrected query for the same question, in one ```sql block."});
  }
  p.tokens = approx_tokens(p.chat.system);
  for (auto& m : p.chat.messages)
    p.tokens += approx_tokens(m.content);
  p.budget = in.token_budget;
  p.fits = p.tokens <= in.token_budget;
  p.data_shared = s.values || (s.rows && in.last_rows);
  return p;
}

// Tables a text names (whole words, or their singular with an "s" added).
bool names_table(const std::string& text, const std::string& table) {
  auto t = lower(table);
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (auto& form : {t, t.size() > 1 && t.back() == 's' ? t.substr(0, t.size() - 1) : t}) {
    for (size_t at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) {
      bool start = at == 0 || !is_word(text[at - 1]);
      auto end = at + form.size();
      bool stop = end >= text.size() || !is_word(text[end]) || text[end] == 's';
      if (start && stop)
        return true;
    }
  }
  return false;
}

} // namespace

std::string rows_table(const result_set& rows, size_t max_rows) {
  std::string out;
  for (size_t c = 0; c < rows.columns.size(); ++c)
    out += (c ? " | " : "") + rows.columns[c].name;
  out += "\n";
  for (size_t r = 0; r < rows.rows.size() && r < max_rows; ++r) {
    for (size_t c = 0; c < rows.rows[r].size(); ++c)
      out += (c ? " | " : "") + (rows.rows[r][c] ? one_line(*rows.rows[r][c]) : "NULL");
    out += "\n";
  }
  return out;
}

size_t approx_tokens(std::string_view text) {
  return (text.size() + 3) / 4;
}

const std::string& dialect_rules() {
  static const std::string rules =
    "You write SQL for PostgreSQL 15 that answers a question about the database below.\n"
    "Rules:\n"
    "- Write exactly one read-only SELECT statement (WITH ... SELECT is fine). Never write "
    "INSERT, UPDATE, DELETE, DDL, SELECT INTO or locking clauses.\n"
    "- Use only the tables and columns of the schema below; qualify columns with their table "
    "(or an alias) whenever more than one table is in the query.\n"
    "- Join along the REFERENCES shown. Apply the business rules whenever their table is used, "
    "and use a metric's expression when the question names the metric.\n"
    "- PostgreSQL dialect: ILIKE for case-insensitive matching, date_trunc / EXTRACT / "
    "interval arithmetic for dates, to_char(d, 'YYYY-MM') for months, CAST(x AS numeric) "
    "before dividing integers, ROUND(x::numeric, 2), LIMIT n for the top n, NULLS LAST when "
    "sorting descending on nullable columns. Do not use functions that read server state "
    "(pg_*, current_setting, version) or system catalogs.\n"
    "- Give result columns short snake_case aliases.\n"
    "- Reply with one ```sql fenced block and nothing else.\n"
    "- If the question is ambiguous or the schema cannot answer it, reply instead with a "
    "single clarification question (ending in \"?\") and no SQL.";
  return rules;
}

std::string schema_ddl(const semantic_model& model, bool with_comments, bool with_values) {
  std::string out;
  for (auto& t : model.tables) {
    if (with_comments && !t.comment.empty())
      out += "-- " + one_line(t.comment) + "\n";
    out += "CREATE TABLE " + t.schema + "." + t.name + " (\n";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      auto& c = t.columns[i];
      out += "  " + c.name + " " + c.type;
      if (c.primary_key)
        out += " PRIMARY KEY";
      for (auto& r : model.relationships)
        if (r.from_table == t.name && r.from_columns.size() == 1 && r.from_columns[0] == c.name
            && r.to_columns.size() == 1)
          out += " REFERENCES " + r.to_table + "(" + r.to_columns[0] + ")";
      out += i + 1 < t.columns.size() ? "," : "";
      std::string note;
      if (with_comments && !c.comment.empty())
        note = one_line(c.comment);
      if (with_values && !c.values.empty())
        note += (note.empty() ? "" : "; ") + std::string{"values: "} + quoted_list(c.values, 12);
      if (!note.empty())
        out += " -- " + note;
      out += "\n";
    }
    out += ");\n";
    for (auto& r : model.relationships)
      if (r.from_table == t.name && r.from_columns.size() > 1) {
        std::string on;
        for (size_t k = 0; k < r.from_columns.size() && k < r.to_columns.size(); ++k)
          on += (k ? " AND " : "") + r.from_table + "." + r.from_columns[k] + " = " + r.to_table
                + "." + r.to_columns[k];
        out += "-- join: " + on + "\n";
      }
  }
  return out;
}

std::string business_context(const semantic_model& model) {
  std::string out;
  if (!model.metrics.empty()) {
    out += "Metrics:\n";
    for (auto& m : model.metrics) {
      out += "- " + m.name + " = " + one_line(m.expression) + " (on " + m.table + ")";
      if (!m.synonyms.empty()) {
        std::string also;
        for (auto& s : m.synonyms)
          also += (also.empty() ? "" : ", ") + s;
        out += ", also called " + also;
      }
      if (!m.description.empty())
        out += ": " + one_line(m.description);
      out += "\n";
    }
  }
  if (!model.glossary.empty()) {
    out += "Glossary:\n";
    for (auto& g : model.glossary) {
      out += "- \"" + g.term + "\"";
      for (auto& s : g.synonyms)
        out += ", \"" + s + "\"";
      out += " means " + g.target + "\n";
    }
  }
  if (!model.rules.empty()) {
    out += "Rules (filters that always apply when the table is used):\n";
    for (auto& r : model.rules) {
      out += "- " + r.table + ": " + one_line(r.filter);
      if (!r.description.empty())
        out += " (" + one_line(r.description) + ")";
      out += "\n";
    }
  }
  return out;
}

built_prompt build_prompt(const prompt_input& in) {
  shape s;
  s.history = std::min(in.max_history, in.history.size());
  s.examples = in.max_examples;
  s.values = in.allow_data;
  s.rows = in.allow_data && in.last_rows;
  for (auto& t : in.model->tables)
    s.tables.push_back(t.name);
  std::vector<std::string> trimmed;
  auto p = render(in, s);
  auto fits = [&] { return (p = render(in, s)).fits; };
  while (!p.fits && s.history > 0) {
    --s.history;
    if (fits() || s.history == 0)
      trimmed.push_back("earlier turns (kept " + std::to_string(s.history) + ")");
  }
  if (!p.fits && s.examples > 0 && (!in.model->examples.empty() || !in.examples.empty())) {
    s.examples = 0;
    trimmed.push_back("verified examples");
    fits();
  }
  if (!p.fits && s.values) {
    s.values = false;
    trimmed.push_back("column values");
    fits();
  }
  if (!p.fits && s.rows) {
    s.rows = false;
    trimmed.push_back("the last answer's rows");
    fits();
  }
  if (!p.fits && s.comments) {
    s.comments = false;
    trimmed.push_back("column comments");
    fits();
  }
  if (!p.fits) {
    // Tables nothing names go first, the model's last ones before its first.
    std::string said = lower(in.question);
    for (auto& h : in.history)
      said += " " + lower(h.question) + " " + lower(h.sql);
    for (auto& f : in.failed)
      said += " " + lower(f.sql);
    std::set<std::string> named;
    for (auto& t : s.tables)
      if (names_table(said, t))
        named.insert(t);
    for (size_t i = s.tables.size(); i-- > 0 && !p.fits;) {
      if (named.count(s.tables[i]) || s.tables.size() == 1)
        continue;
      trimmed.push_back("table " + s.tables[i]);
      s.tables.erase(s.tables.begin() + static_cast<std::ptrdiff_t>(i));
      fits();
    }
  }
  p.trimmed = std::move(trimmed);
  return p;
}

} // namespace medha::llm
