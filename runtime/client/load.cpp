#include "runtime/client/load.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <thread>

#include <boost/json.hpp>
#include <pqxx/pqxx>

namespace medha::client {

namespace json = boost::json;

namespace {

// Each question builds on the one before (a follow-up edits the last query),
// so a turn answered out of order or twice shows in what is stored. A new
// question after a period says whether the period holds ("over all time"),
// else the engine would ask.
const char* const follow_ups[] = {"total revenue by region over all time", "Only 2023", "top 2",
                                  "total revenue by category over all time", "Only 2024"};

struct load_options {
  size_t conversations = 200, turns = 5, window = 20;
  std::string data_source = "sales", conninfo, report, kills_from;
  size_t min_kills = 0;
  int timeout_s = 600, settle_s = 5;
};

bool parse(const std::vector<std::string>& args, load_options& o) {
  for (size_t i = 0; i < args.size(); ++i) {
    auto has_value = i + 1 < args.size();
    auto& a = args[i];
    auto number = [&] { return static_cast<size_t>(std::stoul(args[++i])); };
    if (!has_value) {
      std::fprintf(stderr, "medha load: %s needs a value\n", a.c_str());
      return false;
    }
    try {
      if (a == "--conversations") o.conversations = number();
      else if (a == "--turns") o.turns = number();
      else if (a == "--window") o.window = number();
      else if (a == "--timeout-s") o.timeout_s = static_cast<int>(number());
      else if (a == "--settle-s") o.settle_s = static_cast<int>(number());
      else if (a == "--data-source") o.data_source = args[++i];
      else if (a == "--store-conninfo") o.conninfo = args[++i];
      else if (a == "--report") o.report = args[++i];
      else if (a == "--kills-from") o.kills_from = args[++i];
      else if (a == "--min-kills") o.min_kills = number();
      else {
        std::fprintf(stderr, "medha load: unknown option %s\n", a.c_str());
        return false;
      }
    } catch (const std::exception&) {
      std::fprintf(stderr, "medha load: %s needs a number\n", a.c_str());
      return false;
    }
  }
  if (o.conninfo.empty() || o.conversations == 0 || o.turns == 0 || o.window == 0) {
    std::fprintf(stderr, "medha load: --store-conninfo is required; counts must be > 0\n");
    return false;
  }
  if (o.min_kills > 0 && o.kills_from.empty()) {
    std::fprintf(stderr, "medha load: --min-kills needs --kills-from\n");
    return false;
  }
  return true;
}

std::optional<std::string> create_with_retries(session& s, const std::string& source) {
  for (int attempt = 0; attempt < 10; ++attempt) {
    if (auto id = s.create_conversation(source))
      return id;
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // a worker may be restarting
  }
  return std::nullopt;
}

void read_store(const load_options& o, const std::string& user, std::vector<load_conversation>& convs) {
  std::map<std::string, load_conversation*> by_id;
  for (auto& c : convs)
    by_id[c.id] = &c;
  pqxx::connection conn{o.conninfo};
  pqxx::read_transaction tx{conn};
  for (auto row : tx.exec_params("SELECT conv, turn_id, role FROM medha_messages WHERE user_id = $1"
                                 " ORDER BY conv, idx",
                                 user))
    if (auto i = by_id.find(row[0].as<std::string>()); i != by_id.end())
      i->second->stored.emplace_back(row[2].as<std::string>(), row[1].as<std::string>());
}

size_t kills(const std::string& file) {
  size_t n = 0;
  if (!file.empty())
    std::ifstream{file} >> n;
  return n;
}

} // namespace

load_report judge_load(const std::vector<load_conversation>& convs,
                       std::map<std::string, turn_record>& turns) {
  load_report r;
  for (auto& c : convs) {
    std::map<std::string, size_t> place;
    for (size_t k = 0; k < c.turn_ids.size(); ++k)
      place[c.turn_ids[k]] = k;
    // A turn whose first final event (or stored question) comes after one
    // published later than it ran out of order.
    auto check_order = [&](const std::vector<std::string>& seen) {
      std::set<std::string> first;
      size_t latest = 0;
      bool any = false;
      for (auto& id : seen) {
        if (!place.count(id) || !first.insert(id).second)
          continue;
        if (any && place[id] < latest)
          turns[id].out_of_order = true;
        latest = std::max(latest, place[id]);
        any = true;
      }
    };
    check_order(c.finals_in_arrival);
    std::vector<std::string> questions;
    for (size_t i = 0; i < c.stored.size(); ++i) {
      auto& [role, id] = c.stored[i];
      auto& t = turns[id];
      if (role == "user") {
        t.stored_questions += 1;
        questions.push_back(id);
      } else {
        t.stored_answers += 1;
        // One at a time: an answer right after its own question.
        if (i == 0 || c.stored[i - 1] != std::make_pair(std::string{"user"}, id))
          t.out_of_order = true;
      }
    }
    check_order(questions);
    for (auto& id : c.turn_ids) {
      auto& t = turns[id];
      r.turns += 1;
      bool ended = t.finals > 0 && t.stored_answers > 0;
      r.answered += ended ? 1 : 0;
      r.lost += ended ? 0 : 1;
      r.duplicated += (t.finals > 1 || t.stored_answers > 1 || t.stored_questions > 1) ? 1 : 0;
      r.out_of_order += t.out_of_order ? 1 : 0;
      r.errors += t.errors > 0 ? 1 : 0;
    }
  }
  return r;
}

int run_load(session& s, nats_client& nats, const std::vector<std::string>& args) {
  load_options o;
  if (!parse(args, o))
    return 2;
  auto& user = s.opts().user;
  if (!nats.subscribe("medha.events." + user + ".>")) {
    std::fprintf(stderr, "medha load: cannot subscribe to the events\n");
    return 1;
  }
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  auto deadline = start + std::chrono::seconds(o.timeout_s);
  std::vector<load_conversation> convs(o.conversations);
  std::map<std::string, size_t> conv_of_turn;
  std::map<std::string, turn_record> turns;
  std::set<size_t> active;
  size_t started = 0, finished = 0;
  auto ended = [&](const load_conversation& c) {
    return std::all_of(c.turn_ids.begin(), c.turn_ids.end(),
                       [&](const std::string& id) { return turns[id].finals > 0; });
  };
  auto on_event = [&](const std::string& wire) {
    auto decoded = decode_step_event(wire);
    auto* ev = std::get_if<step_event>(&decoded);
    if (!ev || (ev->step != step_kind::answer && ev->step != step_kind::clarify
                && ev->step != step_kind::error))
      return;
    auto i = conv_of_turn.find(ev->turn_id);
    if (i == conv_of_turn.end())
      return;
    auto& t = turns[ev->turn_id];
    t.finals += 1;
    t.errors += ev->step == step_kind::error ? 1 : 0;
    auto& c = convs[i->second];
    c.finals_in_arrival.push_back(ev->turn_id);
    if (active.count(i->second) && ended(c)) {
      active.erase(i->second);
      finished += 1;
    }
  };
  while (finished < o.conversations && clock::now() < deadline) {
    while (active.size() < o.window && started < o.conversations) {
      // The later half of the conversations waits for the kills asked for:
      // a load that is quick (a short run, a quiet machine) cannot end
      // before a worker was killed under it.
      if (started >= (o.conversations + 1) / 2 && kills(o.kills_from) < o.min_kills)
        break;
      auto& c = convs[started];
      auto id = create_with_retries(s, o.data_source);
      if (!id) {
        std::fprintf(stderr, "medha load: cannot create a conversation\n");
        return 1;
      }
      c.id = *id;
      // The conversation's turns back to back: the workers keep their order.
      for (size_t k = 0; k < o.turns; ++k) {
        auto turn_id = "l" + std::to_string(started) + "t" + std::to_string(k);
        c.turn_ids.push_back(turn_id);
        conv_of_turn[turn_id] = started;
        json::object body{{"v", 1}, {"turn_id", turn_id},
                          {"text", follow_ups[k % std::size(follow_ups)]}};
        nats.publish(turn_subject(user, c.id), json::serialize(body),
                     turn_message_id(user, c.id, turn_id));
      }
      active.insert(started++);
    }
    if (auto msg = nats.next(200))
      on_event(*msg);
  }
  auto seconds = std::chrono::duration<double>(clock::now() - start).count();
  // A turn taken again after its answer went out is published again: wait
  // long enough for such late copies to be counted.
  auto settle_until = clock::now() + std::chrono::seconds(o.settle_s);
  while (clock::now() < settle_until)
    if (auto msg = nats.next(200))
      on_event(*msg);
  try {
    read_store(o, user, convs);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medha load: cannot read the store: %s\n", e.what());
    return 1;
  }
  auto r = judge_load(convs, turns);
  r.turns = o.conversations * o.turns; // conversations never started count as lost
  r.lost = r.turns - r.answered;
  json::object out{{"turns", r.turns},       {"answered", r.answered},
                   {"lost", r.lost},         {"duplicated", r.duplicated},
                   {"out_of_order", r.out_of_order}, {"kills", kills(o.kills_from)},
                   {"errors", r.errors},     {"seconds", seconds}};
  auto text = json::serialize(out);
  std::printf("%s\n", text.c_str());
  if (!o.report.empty())
    std::ofstream{o.report} << text << "\n";
  return r.lost == 0 && r.duplicated == 0 && r.out_of_order == 0 ? 0 : 1;
}

} // namespace medha::client
