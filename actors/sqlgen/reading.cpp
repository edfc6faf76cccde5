#include "actors/sqlgen/reading.hpp"

#include <algorithm>
#include <climits>
#include <optional>

#include "actors/sqlgen/cues.hpp"
#include "actors/sqlgen/join_graph.hpp"
#include "actors/sqlgen/linker.hpp"
#include "actors/sqlgen/model_view.hpp"
#include "actors/sqlgen/sql_text.hpp"
#include "actors/sqlgen/idioms.hpp"
#include "actors/sqlgen/time_phrases.hpp"

#include "actors/sqlgen/reader.hpp"
#include "actors/sqlgen/indexed_model.hpp"

namespace medha::sqlgen {

namespace {

// "by driver", "for each driver", "their account managers": said after a
// word that groups or points at whose, the name of a role is the key of
// the rows named for it (deliveries.driver_id), not the job title of that
// name ('Driver'), which would pick out people instead of grouping by them.
std::vector<element> role_over_title(const indexed_model& model, const std::vector<token>& tokens, size_t at,
                                     std::vector<element> cands, const std::vector<std::string>& rows_named) {
  if (cands.size() < 2 || at == 0 || tokens[at - 1].quoted)
    return cands;
  auto& before = tokens[at - 1].text;
  if (before != "by" && before != "per" && before != "each" && before != "every" && before != "their"
      && before != "its" && before != "whose")
    return cands;
  std::vector<element> keys;
  bool title = false;
  for (auto& c : cands) {
    title = title || c.kind == element_kind::value;
    bool key = c.kind == element_kind::column
               && std::any_of(model.relationships.begin(), model.relationships.end(), [&](const relationship& rel) {
                    return rel.from_table == c.table && rel.from_columns.size() == 1 && rel.from_columns[0] == c.column
                           && rel.to_table != c.table;
                  });
    if (key)
      keys.push_back(c);
  }
  // Of several tables' keys of that name, the one of the rows the question names.
  if (keys.size() > 1)
    keys.erase(std::remove_if(keys.begin(), keys.end(), [&](const element& k) {
                 return std::find(rows_named.begin(), rows_named.end(), k.table) == rows_named.end();
               }), keys.end());
  return title && keys.size() == 1 ? keys : cands;
}

} // namespace

namespace detail {

aggregate natural_aggregate(const indexed_model& model, const std::string& metric_name) {
  auto* m = find_metric(model, metric_name);
  std::string fn, arg;
  if (!m || !split_outer_call(m->expression, fn, arg))
    return aggregate::none;
  std::transform(fn.begin(), fn.end(), fn.begin(), ::tolower);
  aggregate a = aggregate::none;
  if (fn == "avg")
    return aggregate::avg;
  from_string(fn, a);
  return a;
}

column_ref label_of(const indexed_model& model, const std::string& table) {
  auto* t = table_of(model, table);
  auto* c = t ? label_column(*t) : nullptr;
  return c ? column_ref{table, c->name} : column_ref{table, ""};
}

void reader::run(const lexicon& lex) {
  taken.assign(tokens.size(), false);
  read_days_since();
  read_age(lex);
  auto shielded = period_adjectives_of_names(lex);
  for (auto i : shielded)
    taken[i] = true;
  auto before_time = taken;
  time = read_time(tokens, taken);
  for (auto i : shielded)
    taken[i] = false;
  in_period.assign(tokens.size(), false);
  for (size_t i = 0; i < tokens.size(); ++i)
    in_period[i] = taken[i] && !before_time[i];
  read_latest(lex);
  take_clocks();
  auto named = shield_names_with_cue_words(lex);
  read_difference(lex);
  // "what are their names?" after a count: the rows just counted, named by
  // their own label; not some other table's "name" column.
  for (size_t i = 0; i + 1 < tokens.size(); ++i)
    if (!taken[i] && !taken[i + 1] && !tokens[i].quoted && !tokens[i + 1].quoted
        && (tokens[i].text == "their" || tokens[i].text == "its")
        && (tokens[i + 1].text == "names" || tokens[i + 1].text == "name") && !context_tables.empty()
        && std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(i) + 2, tokens.end(),
                       [](const token& t) { return !t.quoted && is_stopword(t.text); })) {
      taken[i] = taken[i + 1] = true;
      r.listing = r.refers_back = true;
    }
  take_span_words();
  take_idioms(tokens, taken);
  auto cues = read_cues(tokens, taken);
  for (size_t i = 0; i < tokens.size(); ++i)
    if (named[i])
      taken[i] = false;
  auto mentions = link(lex, tokens, taken);
  rescue_short_values(lex, mentions);
  drop_forms_of_address(mentions);
  for (auto& c : cues) {
    item it;
    it.begin = c.begin;
    it.end = c.end;
    it.c = c;
    items.push_back(it);
  }
  std::vector<std::pair<std::string, element>> named_heads; // last word of a column's phrase
  // The same noun, singular or plural ("score", "scores"); not two words
  // that only share a stem ("rate", "rating").
  auto same_noun = [](std::string a, std::string b) {
    if (a.size() > 3 && a.back() == 's')
      a.pop_back();
    if (b.size() > 3 && b.back() == 's')
      b.pop_back();
    return a == b;
  };
  std::vector<std::vector<element>> resolved;
  std::vector<std::string> rows_named = context_tables;
  for (auto& m : mentions)
    if (!m.candidates.empty() && m.candidates.front().kind == element_kind::table)
      rows_named.push_back(m.candidates.front().table);
  for (size_t i = 0; i < mentions.size(); ++i) {
    resolved.push_back(resolve(mentions[i], mentions, i));
    if (auto key = role_over_title(model, tokens, mentions[i].begin, mentions[i].candidates, rows_named); key.size() == 1)
      resolved.back() = key;
  }
  auto restating = restating_mentions(mentions, resolved, cues);
  for (size_t i = 0; i < mentions.size(); ++i) {
    auto& m = mentions[i];
    if (m.candidates.empty())
      continue;
    if (restating[i]) {
      for (size_t t = m.begin; t < m.end; ++t)
        taken[t] = true;
      unnamed.push_back({m.begin, m.candidates});
      continue;
    }
    auto cands = resolved[i];
    // "private insurance" where 'private' is a value of ins_type, described
    // as "Insurance type": the weak word names the column of its neighbour.
    std::optional<element> backed;
    if (m.score < 0.6 && !m.corrected)
      for (auto* n : {i > 0 ? &mentions[i - 1] : nullptr, i + 1 < mentions.size() ? &mentions[i + 1] : nullptr}) {
        if (!n || (n->end != m.begin && n->begin != m.end) || n->candidates.size() != 1
            || n->score < 0.9 || n->candidates.front().kind != element_kind::value)
          continue;
        auto& v = n->candidates.front();
        for (auto& c : m.candidates)
          if (c.kind == element_kind::column && c.table == v.table && c.column == v.column)
            backed = c;
      }
    // "expected to renew" for a column described as "... is expected to
    // graduate": two weak words that its description says just so.
    if (!backed && m.score < 0.6 && !m.corrected && i + 1 < mentions.size()) {
      auto& n = mentions[i + 1];
      bool near = n.begin >= m.end && n.begin <= m.end + 2 && n.score < 0.6 && !n.corrected;
      for (size_t t = m.end; near && t < n.begin; ++t)
        near = !taken[t] && is_stopword(tokens[t].text);
      std::string said;
      for (size_t t = m.begin; near && t < n.end; ++t)
        said += (said.empty() ? "" : " ") + tokens[t].text;
      std::vector<element> saying; // the columns whose description says it
      for (auto& c : near ? m.candidates : std::vector<element>{}) {
        bool both = c.kind == element_kind::column
                    && std::find(n.candidates.begin(), n.candidates.end(), c) != n.candidates.end();
        auto* t = both ? table_of(model, c.table) : nullptr;
        auto* col = t ? t->find_column(c.column) : nullptr;
        std::string comment;
        for (auto& w : col ? tokenize(col->comment) : std::vector<token>{})
          comment += " " + w.text;
        if (col && (comment + " ").find(" " + said + " ") != std::string::npos)
          saying.push_back(c);
      }
      if (saying.size() == 1) {
        auto& c = saying.front();
        cands = {c};
        for (size_t k = n.begin; k < n.end; ++k)
          taken[k] = true;
        n.candidates.clear(); // read as one phrase with this one
        item it;
        it.begin = m.begin;
        it.end = n.end;
        it.e = c;
        items.push_back(it);
        backed = c;
      }
      if (backed)
        continue;
    }
    if (backed) { // explained by the value's own phrase: nothing more to read
      for (size_t t = m.begin; t < m.end; ++t)
        taken[t] = true;
      continue;
    }
    // Read after the phrases above, which may make a verb part of a longer
    // name ("expected to land").
    if (names_nothing(mentions, i)) {
      for (size_t k = m.begin; k < m.end; ++k)
        taken[k] = true;
      // "recommended clients" where only referred_by (a client's link to
      // another client) is described so: the verb relates no two things
      // named; it is a condition on that link, which the query must show
      // ("managed by Ada" does, through the key verbs).
      bool self_link = std::all_of(cands.begin(), cands.end(), [&](const element& e) {
        auto* rel = e.kind == element_kind::column ? foreign_key(e.table, e.column) : nullptr;
        return rel && rel->to_table == rel->from_table;
      });
      if (self_link)
        r.columns_said.emplace_back(tokens[m.begin].text, column_ref{cands.front().table, cands.front().column});
      unnamed.push_back({m.begin, cands});
      continue;
    }
    // "easiness scores ... and scores": a noun said again names the column
    // it named before, when it can name it.
    if (m.end == m.begin + 1)
      for (auto& [head, earlier] : named_heads)
        if (same_noun(head, tokens[m.begin].text) && !(cands.front() == earlier)) {
          auto& entries = lex.lookup(stem(head));
          if (std::any_of(entries.begin(), entries.end(),
                          [&](const lexicon_entry& x) { return x.target == earlier; }))
            cands = {earlier};
        }
    if (m.end > m.begin + 1 && cands.size() == 1 && cands.front().kind == element_kind::column)
      named_heads.emplace_back(tokens[m.end - 1].text, cands.front());
    if (cands.size() > 1)
      r.ambiguities.push_back({m.begin, m.end, cands});
    item it;
    it.begin = m.begin;
    it.end = m.end;
    it.e = cands.front();
    auto& last = tokens[m.end - 1];
    it.plural = last.text != last.stem && last.text.back() == 's';
    items.push_back(it);
    bool sure = m.score >= 0.9 || (!m.corrected && corroborated(mentions, i, cands.front()));
    // Exact names, synonyms and values are all sure matches.
    r.link_quality = std::min(r.link_quality, sure ? 1.0 : m.score);
    if ((m.score < 0.6 && !sure) || m.corrected)
      r.weak.push_back({m.begin, m.end, {cands.front()}});
  }
  // Numbers and quoted text nothing else claimed: "quantity 5", "named 'Acme'".
  std::vector<bool> linked(tokens.size(), false);
  for (auto& m : mentions)
    for (size_t i = m.begin; i < m.end; ++i)
      linked[i] = true;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (taken[i] || linked[i] || !(tokens[i].quoted || is_number(tokens[i].text)))
      continue;
    cue c;
    c.kind = cue_kind::compare;
    c.begin = i;
    c.end = i + 1;
    c.op = filter_op::eq;
    c.values = {tokens[i].text};
    c.text = tokens[i].quoted ? "literal" : "number";
    taken[i] = true;
    item it;
    it.begin = i;
    it.end = i + 1;
    it.c = c;
    items.push_back(it);
  }
  if (age_word && age_of) {
    item it;
    it.begin = *age_word;
    it.end = *age_word + 1;
    it.e = {element_kind::column, age_of->table, age_of->column, "", ""};
    it.age = true;
    items.push_back(it);
  }
  std::sort(items.begin(), items.end(),
            [](const item& a, const item& b) { return a.begin < b.begin; });
  read_references();
  read_column_comparison();
  read_which_of_shown();
  walk();
  read_most_common();
  read_where_they_are();
  read_roles();
  read_reports();
  read_key_verbs();
  read_key_named_like_a_value();
  read_possessive_key();
  check_values_said_of();
  check_two_links_to_named();
  check_state_of_other_rows();
  drop_value_the_period_names();
  date_the_verb_names();
  date_a_state_names();
  check_leavers();
  check_period_date();
  // (A count that only the finish makes, of the rows a value is of, is
  // checked once it is made.)
  bool count_made = !r.measures.empty();
  check_counted_is_said();
  // "bands with the same name", "the same genre as Lopez": rows
  // compared with each other, which no reading here expresses.
  // ("for the same period" is a cue of its own.)
  auto in_cue = [&](size_t i) {
    return std::any_of(items.begin(), items.end(),
                       [&](const item& it) { return it.c && it.c->begin <= i && i < it.c->end; });
  };
  for (size_t i = 1; i + 1 < tokens.size(); ++i)
    if (!tokens[i].quoted && tokens[i].text == "same" && tokens[i - 1].text == "the"
        && !is_stopword(tokens[i + 1].text) && !in_cue(i))
      r.unresolved.push_back("the same " + tokens[i + 1].text);
  // "workshops coming up", "upcoming renewals", "in the future": rows still
  // to come, which no period here reads; asked, never dropped.
  auto in_item = [&](size_t i) {
    return std::any_of(items.begin(), items.end(), [&](const item& it) { return it.begin <= i && i < it.end; });
  };
  for (size_t i = 0; i < tokens.size(); ++i)
    if (!tokens[i].quoted && !in_item(i) && !in_period[i]
        && (tokens[i].text == "upcoming" || tokens[i].text == "future"
            || (tokens[i].text == "coming" && i + 1 < tokens.size() && tokens[i + 1].text == "up"))) {
      r.unresolved.push_back("what is still to come");
      break;
    }
  read_examples_of_a_column();
  finish();
  if (!count_made)
    check_counted_is_said();
  read_span_covered();
  check_each_grouped();
  check_kind_of_whom();
  // "On average, how many loans does a member take?" read as a plain
  // count: the average was said and nothing computes it.
  if (asked_average && r.aggregate_change != aggregate::avg
      && std::none_of(r.measures.begin(), r.measures.end(), [](const measure& m) {
           return m.agg == aggregate::avg || !m.metric.empty() || m.form != measure_form::plain;
         }))
    r.unresolved.push_back("average");
  read_length_order();
  read_verb_roles();
  read_quantity_sold();
  check_included_amount();
  account();
  std::sort(dropped_filters.begin(), dropped_filters.end());
  dropped_filters.erase(std::unique(dropped_filters.begin(), dropped_filters.end()), dropped_filters.end());
  for (auto it = dropped_filters.rbegin(); it != dropped_filters.rend(); ++it)
    if (*it < r.filters.size())
      r.filters.erase(r.filters.begin() + static_cast<std::ptrdiff_t>(*it));
  if (r.ignore_case) {
    bool named = std::any_of(r.filters.begin(), r.filters.end(), [&](const filter& f) {
      return join(split_words(f.column.column), " ") == r.ignore_case_of;
    });
    ignore_case(model, r.filters, named ? r.ignore_case_of : std::string());
  }
  note_what_is_asked_for();
  // ("per town instead of tier": the column said after "instead of" or
  // "rather than" is the one that goes.)
  auto replaced = [&](size_t at) {
    return at >= 2 && ((tokens[at - 1].text == "of" && tokens[at - 2].text == "instead")
                       || (tokens[at - 1].text == "than" && tokens[at - 2].text == "rather"));
  };
  // (One participle, "ordered", "enrolled", relates rows more often than it
  // names a column: read where it can be, it is not held to a column. Nor
  // is a verb after its subject: "did we ship".)
  auto after_subject = [&](size_t at) {
    static const char* subjects[] = {"we", "they", "you", "i", "he", "she", "it"};
    return at > 0 && std::any_of(std::begin(subjects), std::end(subjects),
                                 [&](const char* w) { return tokens[at - 1].text == w; });
  };
  for (auto& it : items)
    if (!it.c && it.e.kind == element_kind::column && !it.e.column.empty() && !replaced(it.begin)
        && !(it.end == it.begin + 1 && (is_participle(tokens[it.begin].text) || after_subject(it.begin)))) {
      std::string words;
      for (size_t i = it.begin; i < it.end && i < tokens.size(); ++i)
        words += (words.empty() ? "" : " ") + tokens[i].text;
      r.columns_said.emplace_back(words, column_ref{it.e.table, it.e.column});
    }
  r.tokens = tokens;
}

void ignore_case(const indexed_model& model, std::vector<filter>& filters,
                 const std::string& of) {
  for (auto& f : filters)
    if ((of.empty() || join(split_words(f.column.column), " ") == of) && !f.numeric && !f.column.column.empty() && role_of(model, f.column) != column_role::numeric
        && (f.op == filter_op::eq || f.op == filter_op::neq || f.op == filter_op::in
            || f.op == filter_op::not_in))
      f.ignore_case = true;
}

reading read_part(const indexed_model& model, const lexicon& lex, const std::vector<token>& tokens,
                  const std::vector<std::string>& context) {
  reader rd(model, tokens, context);
  rd.keep_row_groups = true;
  rd.run(lex);
  return std::move(rd.r);
}

// "sales each year by channel - kiosk, app and so on": values given as
// examples of their column, closed by "and so on" or "etc.", ask
// for the breakdown by that column, not for those values alone.
void reader::read_examples_of_a_column() {
  size_t closing = tokens.size();
  for (size_t i = 0; i < tokens.size() && closing == tokens.size(); ++i) {
    if (tokens[i].quoted)
      continue;
    if (tokens[i].text == "etc" || (i + 2 < tokens.size() && tokens[i].text == "and" && tokens[i + 1].text == "so"
                                    && tokens[i + 2].text == "on"))
      closing = i;
  }
  // (Only in a count or a breakdown already asked for: how people pay, "by
  // card, in cash and so on", may ask how much, which is not read here.)
  if (closing == tokens.size() || (r.measures.empty() && r.dimensions.empty() && time.bucket == time_bucket::none))
    return;
  for (auto& [fi, pos] : value_said) {
    if (fi >= r.filters.size() || pos >= closing || pos + 4 < closing
        || std::find(dropped_filters.begin(), dropped_filters.end(), fi) != dropped_filters.end())
      continue;
    auto& f = r.filters[fi];
    if (f.measure >= 0 || (f.op != filter_op::eq && f.op != filter_op::in)
        || role_of(model, f.column) != column_role::categorical)
      continue;
    dimension d;
    d.column = f.column;
    add_dimension(d);
    dropped_filters.push_back(fi);
    return;
  }
}

} // namespace detail

reading read_question(const indexed_model& model, const lexicon& lex,
                      const std::vector<token>& tokens,
                      const std::vector<std::string>& context_tables) {
  if (auto ratio = detail::read_ratio(model, lex, tokens, context_tables))
    return std::move(*ratio);
  detail::reader rd(model, tokens, context_tables);
  rd.run(lex);
  return std::move(rd.r);
}

} // namespace medha::sqlgen
