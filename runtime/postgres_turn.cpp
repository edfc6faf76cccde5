// postgres_store: a turn's start and its end, one round trip each, through
// the functions of migration 5 (runtime/postgres_migrations.cpp).

#include <stdexcept>
#include <string_view>

#include <pqxx/nontransaction>
#include <pqxx/result>

#include "runtime/postgres_store.hpp"
#include "runtime/postgres_values.hpp"
#include "runtime/store_codec.hpp"
#include "runtime/turn_lookup.hpp"

namespace medha {

namespace {

using store_codec::is_key_token;
using namespace pg_values;

// The statement ran as its own transaction: a connection lost before its
// reply leaves its commit unknown, so it is not a failure the pool may retry
// (a pooled connection that died while idle is replaced before use).
template <class... Args>
pqxx::result run_once(pqxx::connection& c, pqxx::nontransaction& tx, const std::string& name,
                      const std::string& sql, Args&&... args) {
  try {
    return exec_prepared(c, tx, name, sql, std::forward<Args>(args)...);
  } catch (const pqxx::broken_connection& e) {
    throw std::runtime_error(std::string{"connection lost with the commit unknown: "} + e.what());
  }
}

// Array parameters in PostgreSQL's text form: ids are checked tokens (no
// quote nor backslash), events any bytes, as hex ("\x…", its backslash
// escaped for the array syntax).
std::string step_arrays(const std::vector<step_record>& steps, std::string& turns,
                        std::string& seqs) {
  static const char digits[] = "0123456789abcdef";
  std::string events = "{";
  turns = seqs = "{";
  for (size_t i = 0; i < steps.size(); ++i) {
    auto& s = steps[i];
    const char* sep = i ? "," : "";
    turns += sep + ('"' + s.turn_id + '"');
    seqs += sep + std::to_string(s.seq);
    events += sep;
    events += "\"\\\\x";
    for (unsigned char ch : s.event_json) {
      events += digits[ch >> 4];
      events += digits[ch & 15];
    }
    events += '"';
  }
  turns += '}';
  seqs += '}';
  return events + '}';
}

// A text[] of hex strings as PostgreSQL writes it ({ab01,"",…}: only an
// empty element is quoted), decoded.
std::vector<std::string> hex_array(const pqxx::field& f) {
  std::vector<std::string> out;
  if (f.is_null())
    return out;
  std::string_view text{f.c_str(), f.size()};
  if (text.size() < 2)
    return out;
  text = text.substr(1, text.size() - 2);
  auto nibble = [](char ch) { return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10; };
  while (!text.empty()) {
    auto comma = text.find(',');
    auto item = text.substr(0, comma);
    std::string bytes;
    if (item != "\"\"")
      for (size_t i = 0; i + 1 < item.size(); i += 2)
        bytes += static_cast<char>(nibble(item[i]) << 4 | nibble(item[i + 1]));
    out.push_back(std::move(bytes));
    if (comma == std::string_view::npos)
      break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

} // namespace

turn_start postgres_store::begin_turn(const std::string& user, const message_record& q,
                                      const std::optional<turn_limits>& limits) {
  turn_start out;
  if (!is_key_token(user) || !is_key_token(q.conv) || !is_key_token(q.turn_id)) {
    out.error =
      medha_error{error_code::bad_request, "begin_turn: ids must match [A-Za-z0-9_-]{1,64}"};
    return out;
  }
  bool answered_before = false;
  try {
    pool_.run([&](pqxx::connection& c) {
      pqxx::nontransaction tx{c}; // one statement, its own transaction
      auto rows = run_once(
        c, tx, "medha_begin_turn",
        "SELECT * FROM medha_begin_turn($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", user,
        q.conv, q.turn_id, bytes(q.text), bytes(q.payload_json), q.created_ms, limits.has_value(),
        limits ? limits->per_minute : 0, limits ? limits->concurrent : 0, stale_turn_ms,
        window_ms / 1000);
      auto r = rows.at(0);
      auto outcome = r[0].as<std::string>();
      if (outcome == "not_found") {
        out.error = medha_error{error_code::not_found, "no conversation '" + q.conv + "'"};
        return 0;
      }
      if (outcome == "limited") {
        out.error = turn_refusal(r[1].as<int64_t>(), r[2].as<int64_t>(), r[3].as<int64_t>(),
                                 limits->per_minute, limits->concurrent);
        return 0;
      }
      auto& rec = out.record;
      rec.user = user;
      rec.id = q.conv;
      record_fields(r, 5, rec);
      out.lookup.asked = r[11].as<bool>();
      answered_before = r[12].as<bool>();
      if (!r[13].is_null())
        out.lookup.first_delivery = first_delivery_of(bytes(r[13]));
      out.question_stored = outcome == "stored";
      out.counted = limits.has_value();
      auto questions = hex_array(r[14]);
      auto sqls = hex_array(r[15]);
      for (size_t i = 0; i < questions.size() && i < sqls.size(); ++i)
        out.examples.push_back(
          {"", rec.data_source, std::move(questions[i]), std::move(sqls[i]), "", 0});
      return 0;
    });
  } catch (const pqxx::sql_error& e) {
    // Raised by the function when the conversation went between its reads.
    if (e.sqlstate() == "P0002")
      out.error = medha_error{error_code::not_found, "no conversation '" + q.conv + "'"};
    else
      out.error = failed("begin_turn", e);
  } catch (const std::exception& e) {
    out.error = failed("begin_turn", e);
  }
  // Rare (a turn taken again after it was answered): its published final
  // event is read as the other stores do.
  if (!out.error && answered_before)
    out.lookup = look_up_turn(*this, user, q.conv, q.turn_id);
  return out;
}

std::optional<medha_error> postgres_store::store_answer(const std::string& user,
                                                        const answered_turn& turn) {
  auto& m = turn.answer;
  auto& r = turn.record;
  if (!is_key_token(user) || !is_key_token(m.conv) || !is_key_token(m.turn_id)
      || r.user != user || r.id != m.conv || (!r.data_source.empty() && !is_key_token(r.data_source)))
    return medha_error{error_code::bad_request,
                       "store_answer: ids must match [A-Za-z0-9_-]{1,64} and name one conversation"};
  if (m.role != "assistant" && m.role != "user")
    return medha_error{error_code::bad_request, "message role must be user or assistant"};
  for (auto& s : turn.steps)
    if (s.conv != m.conv || !is_key_token(s.turn_id))
      return medha_error{error_code::bad_request, "store_answer: a step of another conversation"};
  std::string turns, seqs;
  auto events = step_arrays(turn.steps, turns, seqs);
  try {
    return pool_.run([&](pqxx::connection& c) -> std::optional<medha_error> {
      pqxx::nontransaction tx{c}; // one statement, its own (synchronous) commit
      auto rows = run_once(
        c, tx, "medha_end_turn",
        "SELECT medha_end_turn($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
        " $16)",
        user, m.conv, bytes(r.title), r.data_source, bytes(r.state_json),
        static_cast<int64_t>(r.turn_count), r.updated_ms, m.turn_id, m.role, bytes(m.text),
        bytes(m.payload_json), m.created_ms, turns, seqs, events, turn.release);
      if (!rows.at(0)[0].as<bool>())
        return medha_error{error_code::not_found, "no conversation '" + m.conv + "'"};
      return std::nullopt;
    });
  } catch (const std::exception& e) {
    return failed("store_answer", e);
  }
}

} // namespace medha
