#include "actors/executor/function_families.hpp"

#include <algorithm>

namespace medha {

namespace {

// One table per family. To allow a function, add it to the family it belongs
// to; a function that belongs to none (server state, files, SQL as text) stays
// refused.

const std::vector<std::string_view> arithmetic = {
  "abs", "cbrt", "ceil", "ceiling", "degrees", "div", "exp", "factorial", "floor", "gcd",
  "lcm", "ln", "log", "log10", "min_scale", "mod", "pi", "power", "pow", "radians", "random",
  "round", "scale", "sign", "sqrt", "trim_scale", "trunc", "width_bucket",
  "acos", "acosd", "asin", "asind", "atan", "atand", "atan2", "atan2d", "cos", "cosd", "cot",
  "cotd", "sin", "sind", "tan", "tand", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
};

const std::vector<std::string_view> comparison = {
  "num_nonnulls", "num_nulls",
};

const std::vector<std::string_view> string = {
  "ascii", "bit_length", "btrim", "char_length", "character_length", "chr", "concat",
  "concat_ws", "decode", "encode", "format", "initcap", "left", "length", "like_escape",
  "lower", "lpad", "ltrim", "md5", "normalize", "octet_length", "overlay", "position",
  "quote_ident", "quote_literal", "quote_nullable", "regexp_count", "regexp_instr",
  "regexp_like", "regexp_match", "regexp_matches", "regexp_replace", "regexp_split_to_array",
  "regexp_split_to_table", "regexp_substr", "repeat", "replace", "reverse", "right", "rpad",
  "rtrim", "similar_to_escape", "split_part", "starts_with", "string_to_array",
  "string_to_table", "strpos", "substr", "substring", "to_char", "to_hex", "to_number",
  "translate", "upper",
};

const std::vector<std::string_view> date_time = {
  "age", "clock_timestamp", "date_bin", "date_part", "date_trunc", "extract", "isfinite",
  "justify_days", "justify_hours", "justify_interval", "make_date", "make_interval",
  "make_time", "make_timestamp", "make_timestamptz", "now", "overlaps", "statement_timestamp",
  "timeofday", "timezone", "to_date", "to_timestamp", "transaction_timestamp",
};

const std::vector<std::string_view> aggregate = {
  "array_agg", "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or", "count", "every",
  "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "max", "min", "string_agg",
  "sum", "corr", "covar_pop", "covar_samp", "regr_avgx", "regr_avgy", "regr_count",
  "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy", "stddev",
  "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "mode", "percentile_cont",
  "percentile_disc",
};

const std::vector<std::string_view> window = {
  "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
  "first_value", "last_value", "nth_value",
};

// Function-call spellings of casts: date(ts), text(x), int4(x), numeric(x) ...
const std::vector<std::string_view> cast = {
  "bool", "date", "float4", "float8", "int2", "int4", "int8", "interval", "numeric", "text",
  "time", "timestamp", "timestamptz", "varchar",
};

// CASE, COALESCE, NULLIF, GREATEST and LEAST are their own parse nodes, always
// allowed; listed so the family is complete to a reader.
const std::vector<std::string_view> conditional = {
  "coalesce", "nullif", "greatest", "least",
};

const std::vector<std::string_view> json_access = {
  "array_to_json", "json_array_elements", "json_array_elements_text", "json_array_length",
  "json_build_array", "json_build_object", "json_each", "json_each_text",
  "json_extract_path", "json_extract_path_text", "json_object_keys", "json_strip_nulls",
  "json_typeof", "jsonb_array_elements", "jsonb_array_elements_text", "jsonb_array_length",
  "jsonb_build_array", "jsonb_build_object", "jsonb_each", "jsonb_each_text",
  "jsonb_extract_path", "jsonb_extract_path_text", "jsonb_object_keys", "jsonb_path_exists",
  "jsonb_path_match", "jsonb_path_query", "jsonb_path_query_array", "jsonb_path_query_first",
  "jsonb_pretty", "jsonb_strip_nulls", "jsonb_typeof", "row_to_json", "to_json", "to_jsonb",
};

const std::vector<std::string_view> array = {
  "array_append", "array_cat", "array_dims", "array_length", "array_lower", "array_ndims",
  "array_position", "array_positions", "array_prepend", "array_remove", "array_replace",
  "array_to_string", "array_upper", "cardinality", "unnest",
};

// Row generators. Bounded by the guard when their arguments are literals.
const std::vector<std::string_view> series = {
  "generate_series", "generate_subscripts",
};

const std::vector<function_family> families = {
  {"arithmetic", arithmetic}, {"comparison", comparison}, {"string", string},
  {"date_time", date_time},   {"aggregate", aggregate},   {"window", window},
  {"cast", cast},             {"conditional", conditional}, {"json_access", json_access},
  {"array", array},           {"series", series},
};

// Set-returning functions, the only functions a FROM clause may call.
const std::vector<std::string_view> from_functions = {
  "generate_series", "generate_subscripts", "unnest", "json_array_elements",
  "json_array_elements_text", "jsonb_array_elements", "jsonb_array_elements_text",
  "json_each", "json_each_text", "jsonb_each", "jsonb_each_text", "json_object_keys",
  "jsonb_object_keys", "jsonb_path_query", "regexp_matches", "regexp_split_to_table",
  "string_to_table",
};

const std::vector<std::string_view> operators = {
  // arithmetic and bitwise
  "+", "-", "*", "/", "%", "^", "|/", "||/", "@", "&", "|", "#", "~", "<<", ">>",
  // comparison
  "=", "<>", "!=", "<", ">", "<=", ">=",
  // string concatenation and patterns (LIKE, ILIKE, regular expressions)
  "||", "~~", "~~*", "!~~", "!~~*", "~*", "!~", "!~*", "^@",
  // json access and containment, array overlap
  "->", "->>", "#>", "#>>", "#-", "@>", "<@", "?", "?|", "?&", "&&", "@?",
};

const std::vector<std::string_view> cast_types = {
  "int2", "int4", "int8", "smallint", "integer", "bigint", "int", "numeric", "decimal",
  "float4", "float8", "real", "float", "text", "varchar", "bpchar", "char", "bool", "boolean",
  "date", "time", "timetz", "timestamp", "timestamptz", "interval", "json", "jsonb", "uuid",
};

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

const std::vector<function_family>& safe_function_families() { return families; }

std::optional<std::string_view> family_of(std::string_view function) {
  for (auto& f : families)
    if (contains(f.functions, function))
      return f.name;
  return std::nullopt;
}

bool is_allowed_from_function(std::string_view function) {
  return contains(from_functions, function);
}

bool is_allowed_operator(std::string_view op) { return contains(operators, op); }

bool is_allowed_cast_type(std::string_view type) { return contains(cast_types, type); }

} // namespace medha
