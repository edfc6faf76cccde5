#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace medha::client {

/// `medha check-sql [--tables schema.table,...]`: runs the SQL guard offline
/// (no worker, no NATS) on statements read from `in`, one per line; blank
/// lines and lines starting with `--` are skipped. Prints one line per
/// statement: `accept` or `reject <rule>`. With --tables, relations are
/// limited to those tables, as for a data source's model; without, only
/// system catalogs are refused. Returns 0 when every statement is accepted,
/// 1 when any is rejected, 2 on bad arguments.
int run_check_sql(const std::vector<std::string>& args, std::istream& in, std::ostream& out);

} // namespace medha::client
