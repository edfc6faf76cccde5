#pragma once

#include <functional>
#include <string>

#include "actors/conversation/manager_actor.hpp"
#include "messages/sql_run.hpp"

namespace medha {

/// `sql.run` after the manager admitted it (data source granted, within the
/// user's limits): the source's model gives the tables the SQL may read; the
/// guard checks the statement against them (the refusal names its rule); the
/// executor runs it read-only under the statement timeout and the row and
/// byte caps. `done` gets the reply JSON (ok or error) exactly once.
void run_user_sql(manager_actor::stateful_pointer<manager_state> self, const std::string& user,
                  sql_run_request req, std::function<void(const std::string&)> done);

} // namespace medha
