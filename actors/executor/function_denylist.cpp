#include "actors/executor/function_denylist.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace medha {

namespace {

// Whole names. Kept sorted by theme, not alphabetically, so a reader sees why
// each one is here.
constexpr std::string_view denied_names[] = {
  // settings and server control
  "set_config", "pg_reload_conf", "pg_rotate_logfile", "pg_terminate_backend",
  "pg_cancel_backend", "pg_promote", "pg_switch_wal", "pg_create_restore_point",
  "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup",
  "pg_log_backend_memory_contexts", "pg_import_system_collations",
  "pg_wal_replay_pause", "pg_wal_replay_resume", "pg_notify",
  // server file system
  "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_logdir_ls",
  // large objects without the lo_ prefix
  "loread", "lowrite",
  // sequences: setval writes (nextval is left to the READ ONLY transaction)
  "setval",
  // forcing a transaction id
  "txid_current", "pg_current_xact_id",
  // functions that run a query given as text, bypassing the guard
  "query_to_xml", "query_to_xml_and_xmlschema", "query_to_xmlschema",
  "cursor_to_xml", "cursor_to_xmlschema", "table_to_xml",
  "table_to_xml_and_xmlschema", "table_to_xmlschema", "schema_to_xml",
  "schema_to_xml_and_xmlschema", "schema_to_xmlschema", "database_to_xml",
  "database_to_xml_and_xmlschema", "database_to_xmlschema", "ts_stat", "ts_rewrite",
  "xpath", "xpath_exists",
  // reveal the server or the session
  "current_setting", "version", "inet_server_addr", "inet_server_port", "inet_client_addr",
  "inet_client_port", "current_user", "session_user", "current_database", "current_schema",
  "current_schemas", "current_query", "has_table_privilege",
  // replication
  "pg_drop_replication_slot", "pg_copy_physical_replication_slot",
  "pg_copy_logical_replication_slot", "pg_replication_slot_advance",
};

// Families: every function starting with one of these.
constexpr std::string_view denied_prefixes[] = {
  "pg_sleep",       // pg_sleep, pg_sleep_for, pg_sleep_until
  "pg_ls_",         // pg_ls_dir, pg_ls_logdir, pg_ls_waldir, pg_ls_tmpdir, ...
  "pg_file_",       // adminpack: pg_file_write, pg_file_rename, pg_file_unlink
  "dblink",         // dblink, dblink_exec, dblink_connect, ...
  "lo_",            // lo_import, lo_export, lo_unlink, lo_put, ...
  "pg_advisory",    // pg_advisory_lock, pg_advisory_xact_lock, ...
  "pg_try_advisory",
  "pg_stat_reset",  // pg_stat_reset, pg_stat_reset_shared, ...
  "pg_create_",     // replication slots and restore points
  "pg_logical_",    // pg_logical_slot_get_changes, pg_logical_emit_message
  "pg_replication_origin",
  "postgres_fdw",   // postgres_fdw_disconnect*, ...
};

} // namespace

bool is_denied_function(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (auto denied : denied_names)
    if (lower == denied)
      return true;
  for (auto prefix : denied_prefixes)
    if (lower.compare(0, prefix.size(), prefix) == 0)
      return true;
  return false;
}

} // namespace medha
