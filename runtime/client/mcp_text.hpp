#pragma once

// What `medha mcp` shows an assistant as a tool result's text.

#include <string>

#include <boost/json/fwd.hpp>

#include "messages/protocol.hpp"

namespace medha::client {

/// A JSON value as a table cell: strings bare, null as NULL, the rest as JSON.
std::string cell_text(const boost::json::value& v);

/// The final event of a turn: the answer (data source, SQL, a table of rows),
/// the clarify with its choices, or the error; then the conversation id.
std::string final_text(const std::string& conv, const step_event& ev, const boost::json::object& d);

/// `columns` and `rows` of a reply or an answer as a table (the first 100
/// rows), with a note when more rows or a truncated result exist.
std::string result_table_text(const boost::json::object& d);

} // namespace medha::client
