#include "messages/result_set.hpp"

namespace medha {

bool is_numeric_type(const std::string& t) {
  return t == "smallint" || t == "integer" || t == "bigint" || t == "numeric"
         || t == "real" || t == "double precision" || t == "int2" || t == "int4"
         || t == "int8" || t == "float4" || t == "float8" || t == "money"
         || t.rfind("numeric(", 0) == 0;
}

bool is_text_type(const std::string& t) {
  return t == "text" || t == "citext" || t == "name" || t == "bpchar"
         || t.rfind("character", 0) == 0 || t.rfind("varchar", 0) == 0 || t.rfind("char", 0) == 0;
}

bool is_time_type(const std::string& t) {
  return t == "date" || t.rfind("timestamp", 0) == 0;
}

} // namespace medha
