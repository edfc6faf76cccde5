#include "runtime/client/commands.hpp"

#include <cstdio>
#include <iostream>
#include <unistd.h>

#include <boost/json.hpp>

#include "runtime/client/event_printer.hpp"

namespace medha::client {

namespace json = boost::json;

namespace {

struct turn_args {
  std::string conversation;
  std::string data_source;
  std::vector<std::string> words;
  bool ok = true;
};

turn_args parse_turn_args(const std::vector<std::string>& args) {
  turn_args out;
  for (size_t i = 0; i < args.size(); ++i) {
    if ((args[i] == "--conversation" || args[i] == "--data-source") && i + 1 >= args.size()) {
      std::fprintf(stderr, "medha: %s needs a value\n", args[i].c_str());
      out.ok = false;
    } else if (args[i] == "--conversation")
      out.conversation = args[++i];
    else if (args[i] == "--data-source")
      out.data_source = args[++i];
    else
      out.words.push_back(args[i]);
  }
  return out;
}

// Prints an API reply; exit code 0 when it says ok.
int show(session& s, const std::optional<std::string>& reply) {
  if (!reply)
    return 1;
  if (s.opts().json)
    std::printf("%s\n", reply->c_str());
  else
    print_api_reply(stdout, *reply);
  json::error_code ec;
  auto v = json::parse(*reply, ec);
  bool ok = !ec && v.is_object() && v.as_object().if_contains("ok")
            && v.as_object().at("ok").is_bool() && v.as_object().at("ok").as_bool();
  return ok ? 0 : 1;
}

std::string body(std::initializer_list<std::pair<const char*, std::string>> fields) {
  json::object o;
  for (auto& [k, v] : fields)
    o[k] = v;
  return json::serialize(o);
}

} // namespace

int run_chat(session& s, const std::vector<std::string>& args) {
  auto a = parse_turn_args(args);
  if (!a.ok)
    return 2;
  bool interactive = isatty(STDIN_FILENO);
  if (a.conversation.empty()) {
    auto id = s.create_conversation(a.data_source);
    if (!id)
      return 1;
    a.conversation = *id;
  }
  std::printf("conversation %s (user %s)%s\n", a.conversation.c_str(), s.opts().user.c_str(),
              interactive ? "; type a question, or \"quit\" to leave" : "");
  std::string line;
  int failures = 0;
  while (true) {
    if (interactive) {
      std::printf("\nyou> ");
      std::fflush(stdout);
    }
    if (!std::getline(std::cin, line))
      break;
    auto b = line.find_first_not_of(" \t");
    if (b == std::string::npos)
      continue;
    line = line.substr(b);
    if (line == "quit" || line == "exit" || line == "/quit")
      break;
    if (!interactive)
      std::printf("\nyou> %s\n", line.c_str());
    auto out = s.ask(a.conversation, line, a.data_source, true);
    a.data_source.clear(); // chosen once; the conversation remembers it
    if (!out.finished)
      ++failures;
  }
  return failures == 0 ? 0 : 1;
}

int run_ask(session& s, const std::vector<std::string>& args) {
  auto a = parse_turn_args(args);
  if (!a.ok || a.words.empty()) {
    std::fprintf(stderr, "medha: ask needs a question\n");
    return 2;
  }
  std::string question;
  for (auto& w : a.words)
    question += (question.empty() ? "" : " ") + w;
  if (a.conversation.empty()) {
    auto id = s.create_conversation(a.data_source);
    if (!id)
      return 1;
    a.conversation = *id;
    if (!s.opts().json)
      std::printf("conversation %s\n", a.conversation.c_str());
  }
  auto out = s.ask(a.conversation, question, a.data_source, true);
  if (!out.finished)
    return 1;
  return out.final_event.step == step_kind::error ? 1 : 0;
}

int run_health(session& s) {
  return show(s, s.api("health", "{}"));
}

int run_conversations(session& s, const std::vector<std::string>& args) {
  auto sub = args.empty() ? std::string{"list"} : args[0];
  if (sub == "list")
    return show(s, s.api("conversations.list", "{}"));
  if (sub == "get" && args.size() == 2)
    return show(s, s.api("conversations.get", body({{"conversation", args[1]}})));
  if (sub == "delete" && args.size() == 2)
    return show(s, s.api("conversations.delete", body({{"conversation", args[1]}})));
  if (sub == "rename" && args.size() >= 3) {
    std::string title;
    for (size_t i = 2; i < args.size(); ++i)
      title += (i > 2 ? " " : "") + args[i];
    return show(s, s.api("conversations.rename", body({{"conversation", args[1]}, {"title", title}})));
  }
  if (sub == "create") {
    auto a = parse_turn_args({args.begin() + 1, args.end()});
    json::object o;
    if (!a.data_source.empty())
      o["data_source"] = a.data_source;
    return show(s, s.api("conversations.create", json::serialize(o)));
  }
  std::fprintf(stderr, "medha: conversations list | get ID | create | rename ID TITLE | delete ID\n");
  return 2;
}

int run_datasources(session& s, const std::vector<std::string>& args) {
  auto sub = args.empty() ? std::string{"list"} : args[0];
  if (sub == "list")
    return show(s, s.api("datasource.list", "{}"));
  if (sub == "select" && args.size() == 3)
    return show(s, s.api("datasource.select",
                         body({{"conversation", args[1]}, {"data_source", args[2]}})));
  std::fprintf(stderr, "medha: datasources list | select CONVERSATION NAME\n");
  return 2;
}

} // namespace medha::client
