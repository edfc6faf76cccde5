#include "actors/executor/pg_type_names.hpp"

namespace medha {

std::optional<std::string> builtin_type_name(uint32_t oid) {
  // OIDs from PostgreSQL's pg_type.dat; names as format_type(oid, NULL) prints them.
  switch (oid) {
    case 16: return "boolean";
    case 17: return "bytea";
    case 18: return "\"char\"";
    case 19: return "name";
    case 20: return "bigint";
    case 21: return "smallint";
    case 23: return "integer";
    case 25: return "text";
    case 26: return "oid";
    case 114: return "json";
    case 142: return "xml";
    case 700: return "real";
    case 701: return "double precision";
    case 705: return "unknown";
    case 790: return "money";
    case 869: return "inet";
    case 650: return "cidr";
    case 1000: return "boolean[]";
    case 1005: return "smallint[]";
    case 1007: return "integer[]";
    case 1009: return "text[]";
    case 1015: return "character varying[]";
    case 1016: return "bigint[]";
    case 1021: return "real[]";
    case 1022: return "double precision[]";
    case 1042: return "character";
    case 1043: return "character varying";
    case 1082: return "date";
    case 1083: return "time without time zone";
    case 1114: return "timestamp without time zone";
    case 1182: return "date[]";
    case 1184: return "timestamp with time zone";
    case 1186: return "interval";
    case 1231: return "numeric[]";
    case 1266: return "time with time zone";
    case 1560: return "bit";
    case 1562: return "bit varying";
    case 1700: return "numeric";
    case 2249: return "record";
    case 2950: return "uuid";
    case 3802: return "jsonb";
    case 3807: return "jsonb[]";
    default: return std::nullopt;
  }
}

} // namespace medha
