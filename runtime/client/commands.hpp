#pragma once

#include <string>
#include <vector>

#include "runtime/client/session.hpp"

namespace medha::client {

int run_chat(session& s, const std::vector<std::string>& args);
int run_ask(session& s, const std::vector<std::string>& args);
int run_health(session& s);
int run_conversations(session& s, const std::vector<std::string>& args);
int run_datasources(session& s, const std::vector<std::string>& args);
int run_eval(session& s, const std::vector<std::string>& args);

} // namespace medha::client
