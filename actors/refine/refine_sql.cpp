// Refinement by parse-tree surgery: parse the SQL to libpg_query's protobuf
// tree, unpack it with protobuf-c, edit the outermost SelectStmt, pack and
// deparse. Values only ever enter the tree as A_Const nodes, so the deparser
// quotes them; identifiers enter as ColumnRef String fields, quoted as needed.
//
// Memory: protobuf-c's unpack (default allocator) mallocs every message, string
// and repeated array separately, and protobuf_c_message_free_unpacked frees them
// with free(). New nodes are therefore malloc'ed too and owned by node_ptr until
// linked into the tree; a removed subtree is freed with free_unpacked. String
// fields we do not set are NULL (packs as "absent", never freed).

#include "actors/refine/refine_sql.hpp"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>

namespace medha {

namespace {

medha_error bad_request(std::string message) {
  return medha_error{error_code::bad_request, std::move(message)};
}

// A failure while editing, carried out of the helpers as an exception and
// turned back into a value at refine_sql's boundary.
struct refine_failure {
  medha_error error;
};

[[noreturn]] void refuse(std::string message) {
  throw refine_failure{bad_request(std::move(message))};
}

// -- ownership ------------------------------------------------------------------------

struct message_free {
  void operator()(void* m) const {
    if (m)
      protobuf_c_message_free_unpacked(static_cast<ProtobufCMessage*>(m), nullptr);
  }
};

template <class T>
using msg_ptr = std::unique_ptr<T, message_free>;
using node_ptr = msg_ptr<PgQuery__Node>;

template <class T>
msg_ptr<T> new_message(void (*init)(T*)) {
  void* p = std::calloc(1, sizeof(T));
  if (!p)
    throw std::bad_alloc{};
  auto* m = static_cast<T*>(p);
  init(m);
  return msg_ptr<T>{m};
}

char* copy_cstr(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p)
    throw std::bad_alloc{};
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

// Wraps a message in a Node: `member` is the Node's union member for its case.
template <class T>
node_ptr wrap(msg_ptr<T> inner, PgQuery__Node__NodeCase which, T* PgQuery__Node::*member) {
  auto node = new_message(pg_query__node__init);
  node->node_case = which;
  node.get()->*member = inner.release();
  return node;
}

void free_node(PgQuery__Node*& n) {
  message_free{}(n);
  n = nullptr;
}

void free_nodes(size_t& count, PgQuery__Node**& items) {
  for (size_t i = 0; i < count; ++i)
    message_free{}(items[i]);
  std::free(items);
  items = nullptr;
  count = 0;
}

void append(size_t& count, PgQuery__Node**& items, node_ptr node) {
  auto* grown =
      static_cast<PgQuery__Node**>(std::realloc(items, (count + 1) * sizeof(PgQuery__Node*)));
  if (!grown)
    throw std::bad_alloc{};
  items = grown;
  items[count++] = node.release();
}

// A deep copy, by packing and unpacking the subtree.
node_ptr copy_node(const PgQuery__Node* n) {
  size_t len = pg_query__node__get_packed_size(n);
  std::string buf(len, '\0');
  pg_query__node__pack(n, reinterpret_cast<uint8_t*>(buf.data()));
  node_ptr out{pg_query__node__unpack(nullptr, len, reinterpret_cast<const uint8_t*>(buf.data()))};
  if (!out)
    throw std::bad_alloc{};
  return out;
}

// -- builders ----------------------------------------------------------------------------

node_ptr make_string(const std::string& s) {
  auto str = new_message(pg_query__string__init);
  str->sval = copy_cstr(s);
  return wrap(std::move(str), PG_QUERY__NODE__NODE_STRING, &PgQuery__Node::string);
}

node_ptr make_column_ref(const column_name& name) {
  auto ref = new_message(pg_query__column_ref__init);
  ref->location = -1;
  for (auto& part : name.parts)
    append(ref->n_fields, ref->fields, make_string(part));
  return wrap(std::move(ref), PG_QUERY__NODE__NODE_COLUMN_REF, &PgQuery__Node::column_ref);
}

// "42", "-7", "1.5", "2e+20": what a JSON number prints as, nothing else.
bool is_numeric_literal(std::string_view t) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9')
      ++i;
    return i > start;
  };
  if (i < t.size() && t[i] == '-')
    ++i;
  if (!digits())
    return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits())
      return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-'))
      ++i;
    if (!digits())
      return false;
  }
  return i == t.size();
}

node_ptr make_const(const filter_value& v) {
  auto c = new_message(pg_query__a__const__init);
  c->location = -1;
  if (auto* s = std::get_if<std::string>(&v)) {
    if (s->find('\0') != std::string::npos)
      refuse("a filter value must not contain a NUL character");
    auto str = new_message(pg_query__string__init);
    str->sval = copy_cstr(*s);
    c->val_case = PG_QUERY__A__CONST__VAL_SVAL;
    c->sval = str.release();
  } else if (auto* b = std::get_if<bool>(&v)) {
    auto boolean = new_message(pg_query__boolean__init);
    boolean->boolval = *b;
    c->val_case = PG_QUERY__A__CONST__VAL_BOOLVAL;
    c->boolval = boolean.release();
  } else {
    auto& text = std::get<numeric_literal>(v).text;
    if (!is_numeric_literal(text))
      refuse("a filter value is not a number: \"" + text.substr(0, 40) + "\"");
    int32_t small = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), small);
    if (ec == std::errc{} && end == text.data() + text.size()) {
      auto integer = new_message(pg_query__integer__init);
      integer->ival = small;
      c->val_case = PG_QUERY__A__CONST__VAL_IVAL;
      c->ival = integer.release();
    } else { // what PostgreSQL's parser makes of a big or fractional number too
      auto f = new_message(pg_query__float__init);
      f->fval = copy_cstr(text);
      c->val_case = PG_QUERY__A__CONST__VAL_FVAL;
      c->fval = f.release();
    }
  }
  return wrap(std::move(c), PG_QUERY__NODE__NODE_A_CONST, &PgQuery__Node::a_const);
}

node_ptr make_int_const(int32_t n) {
  auto c = new_message(pg_query__a__const__init);
  c->location = -1;
  auto integer = new_message(pg_query__integer__init);
  integer->ival = n;
  c->val_case = PG_QUERY__A__CONST__VAL_IVAL;
  c->ival = integer.release();
  return wrap(std::move(c), PG_QUERY__NODE__NODE_A_CONST, &PgQuery__Node::a_const);
}

node_ptr make_a_expr(PgQuery__AExprKind kind, const char* op, node_ptr lhs, node_ptr rhs) {
  auto e = new_message(pg_query__a__expr__init);
  e->kind = kind;
  e->location = -1;
  append(e->n_name, e->name, make_string(op));
  e->lexpr = lhs.release();
  e->rexpr = rhs.release();
  return wrap(std::move(e), PG_QUERY__NODE__NODE_A_EXPR, &PgQuery__Node::a_expr);
}

node_ptr make_condition(node_ptr lhs, const refinement& r) {
  auto one_value = [&]() -> const filter_value& {
    if (r.values.size() != 1)
      refuse(std::string{"operator \""} + to_string(r.oper) + "\" needs exactly one value");
    return r.values.front();
  };
  auto op = [&](const char* name) {
    return make_a_expr(PG_QUERY__A__EXPR__KIND__AEXPR_OP, name, std::move(lhs),
                       make_const(one_value()));
  };
  switch (r.oper) {
  case filter_operator::eq:
    return op("=");
  case filter_operator::ne:
    return op("<>");
  case filter_operator::lt:
    return op("<");
  case filter_operator::le:
    return op("<=");
  case filter_operator::gt:
    return op(">");
  case filter_operator::ge:
    return op(">=");
  case filter_operator::like:
  case filter_operator::ilike: {
    if (!std::holds_alternative<std::string>(one_value()))
      refuse(std::string{"operator \""} + to_string(r.oper) + "\" needs a string pattern");
    bool like = r.oper == filter_operator::like;
    return make_a_expr(like ? PG_QUERY__A__EXPR__KIND__AEXPR_LIKE
                            : PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE,
                       like ? "~~" : "~~*", std::move(lhs), make_const(one_value()));
  }
  case filter_operator::in: {
    if (r.values.empty())
      refuse("operator \"in\" needs at least one value");
    auto list = new_message(pg_query__list__init);
    for (auto& v : r.values)
      append(list->n_items, list->items, make_const(v));
    return make_a_expr(PG_QUERY__A__EXPR__KIND__AEXPR_IN, "=", std::move(lhs),
                       wrap(std::move(list), PG_QUERY__NODE__NODE_LIST, &PgQuery__Node::list));
  }
  case filter_operator::is_null:
  case filter_operator::is_not_null: {
    if (!r.values.empty())
      refuse(std::string{"operator \""} + to_string(r.oper) + "\" takes no value");
    auto t = new_message(pg_query__null_test__init);
    t->arg = lhs.release();
    t->nulltesttype = r.oper == filter_operator::is_null ? PG_QUERY__NULL_TEST_TYPE__IS_NULL
                                                         : PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL;
    t->location = -1;
    return wrap(std::move(t), PG_QUERY__NODE__NODE_NULL_TEST, &PgQuery__Node::null_test);
  }
  }
  refuse("unknown filter operator");
}

// `clause` AND `cond`, flattening into an existing top-level AND.
void and_into(PgQuery__Node*& clause, node_ptr cond) {
  if (!clause) {
    clause = cond.release();
    return;
  }
  if (clause->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR &&
      clause->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
    append(clause->bool_expr->n_args, clause->bool_expr->args, std::move(cond));
    return;
  }
  // Allocate everything first: once the old clause moves in, nothing may throw.
  auto b = new_message(pg_query__bool_expr__init);
  b->boolop = PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR;
  b->location = -1;
  b->args = static_cast<PgQuery__Node**>(std::calloc(2, sizeof(PgQuery__Node*)));
  if (!b->args)
    throw std::bad_alloc{};
  auto node = new_message(pg_query__node__init);
  b->args[0] = clause;
  b->args[1] = cond.release();
  b->n_args = 2;
  node->node_case = PG_QUERY__NODE__NODE_BOOL_EXPR;
  node->bool_expr = b.release();
  clause = node.release();
}

// -- reading the tree ------------------------------------------------------------------

// Calls f on every Node in the subtree of m (pre-order); f returns false to skip a
// node's children. Walks any message through protobuf-c's descriptors.
template <class F>
void visit_nodes(const ProtobufCMessage* m, F& f) {
  if (!m)
    return;
  if (m->descriptor == &pg_query__node__descriptor && !f(reinterpret_cast<const PgQuery__Node*>(m)))
    return;
  const auto* d = m->descriptor;
  const auto* base = reinterpret_cast<const char*>(m);
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const auto& fd = d->fields[i];
    if (fd.type != PROTOBUF_C_TYPE_MESSAGE)
      continue;
    if (fd.label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *reinterpret_cast<const size_t*>(base + fd.quantifier_offset);
      auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(base + fd.offset);
      for (size_t k = 0; k < n; ++k)
        visit_nodes(items[k], f);
    } else {
      if ((fd.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
          *reinterpret_cast<const uint32_t*>(base + fd.quantifier_offset) != fd.id)
        continue;
      visit_nodes(*reinterpret_cast<ProtobufCMessage* const*>(base + fd.offset), f);
    }
  }
}

const char* string_value(const PgQuery__Node* n) {
  return n && n->node_case == PG_QUERY__NODE__NODE_STRING && n->string->sval ? n->string->sval
                                                                             : nullptr;
}

bool is_aggregate_name(std::string_view name) {
  static constexpr std::string_view names[] = {
      "count",
      "sum",
      "avg",
      "min",
      "max",
      "array_agg",
      "string_agg",
      "bool_and",
      "bool_or",
      "every",
      "bit_and",
      "bit_or",
      "bit_xor",
      "stddev",
      "stddev_pop",
      "stddev_samp",
      "variance",
      "var_pop",
      "var_samp",
      "json_agg",
      "jsonb_agg",
      "json_object_agg",
      "jsonb_object_agg",
      "xmlagg",
      "percentile_cont",
      "percentile_disc",
      "mode",
      "corr",
      "covar_pop",
      "covar_samp",
      "regr_avgx",
      "regr_avgy",
      "regr_count",
      "regr_intercept",
      "regr_r2",
      "regr_slope",
      "regr_sxx",
      "regr_sxy",
      "regr_syy",
      "range_agg",
      "range_intersect_agg",
      "any_value",
  };
  for (auto n : names)
    if (n == name)
      return true;
  return false;
}

struct expr_traits {
  bool aggregate = false;
  bool window = false;
};

// Whether an expression aggregates or uses a window function (subqueries aside).
expr_traits traits_of(const PgQuery__Node* expr) {
  expr_traits t;
  auto visit = [&](const PgQuery__Node* n) {
    if (n->node_case == PG_QUERY__NODE__NODE_SUB_LINK)
      return false;
    if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
      const auto* fc = n->func_call;
      const char* name = fc->n_funcname ? string_value(fc->funcname[fc->n_funcname - 1]) : nullptr;
      if (fc->over)
        t.window = true;
      else if (fc->agg_star || fc->agg_distinct || fc->agg_filter || fc->n_agg_order ||
               fc->agg_within_group || (name && is_aggregate_name(name)))
        t.aggregate = true;
    }
    if (n->node_case == PG_QUERY__NODE__NODE_GROUPING_FUNC)
      t.aggregate = true;
    return true;
  };
  visit_nodes(reinterpret_cast<const ProtobufCMessage*>(expr), visit);
  return t;
}

// The name PostgreSQL gives an unaliased output column, for the simple cases.
std::string implicit_name(const PgQuery__Node* val) {
  if (!val)
    return {};
  switch (val->node_case) {
  case PG_QUERY__NODE__NODE_COLUMN_REF: {
    auto* ref = val->column_ref;
    const char* s = ref->n_fields ? string_value(ref->fields[ref->n_fields - 1]) : nullptr;
    return s ? s : "";
  }
  case PG_QUERY__NODE__NODE_FUNC_CALL: {
    auto* fc = val->func_call;
    const char* s = fc->n_funcname ? string_value(fc->funcname[fc->n_funcname - 1]) : nullptr;
    return s ? s : "";
  }
  case PG_QUERY__NODE__NODE_TYPE_CAST:
    return implicit_name(val->type_cast->arg);
  default:
    return {};
  }
}

std::string output_name(const PgQuery__ResTarget* t) {
  if (t->name && *t->name)
    return t->name;
  return implicit_name(t->val);
}

bool same_column(const PgQuery__Node* n, const column_name& name) {
  if (!n || n->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
    return false;
  auto* ref = n->column_ref;
  if (ref->n_fields != name.parts.size())
    return false;
  for (size_t i = 0; i < ref->n_fields; ++i) {
    const char* s = string_value(ref->fields[i]);
    if (!s || name.parts[i] != s)
      return false;
  }
  return true;
}

bool has_aggregates(const PgQuery__SelectStmt* s) {
  if (s->having_clause)
    return true;
  for (size_t i = 0; i < s->n_target_list; ++i) {
    auto* n = s->target_list[i];
    if (n->node_case == PG_QUERY__NODE__NODE_RES_TARGET && traits_of(n->res_target->val).aggregate)
      return true;
  }
  return false;
}

std::string display(const column_name& name) {
  std::string out;
  for (auto& p : name.parts) {
    if (!out.empty())
      out += '.';
    out += p;
  }
  return out;
}

void check_column(const column_name& name) {
  if (name.parts.empty() || name.parts.size() > 3)
    refuse("a column name has one to three parts");
  for (auto& p : name.parts)
    if (p.empty() || p.size() > 63 || p.find('\0') != std::string::npos)
      refuse("a column name part must be 1 to 63 bytes without NUL");
}

bool is_set_operation(const PgQuery__SelectStmt* s) {
  return s->op != PG_QUERY__SET_OPERATION__SETOP_NONE &&
         s->op != PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED;
}

// -- the operations ----------------------------------------------------------------------

void add_filter(PgQuery__SelectStmt* s, const refinement& r) {
  check_column(r.column);
  if (is_set_operation(s))
    refuse("add_filter cannot refine a UNION, INTERSECT or EXCEPT query: its parts may name "
           "columns differently");
  node_ptr lhs;
  bool in_having = false;
  if (r.column.parts.size() == 1) {
    const PgQuery__ResTarget* match = nullptr;
    for (size_t i = 0; i < s->n_target_list; ++i) {
      auto* n = s->target_list[i];
      if (n->node_case != PG_QUERY__NODE__NODE_RES_TARGET || !n->res_target->val)
        continue;
      if (output_name(n->res_target) != r.column.parts[0])
        continue;
      if (match)
        refuse("column \"" + r.column.parts[0] +
               "\" is ambiguous: several output columns have that name; qualify it, like "
               "table.column");
      match = n->res_target;
    }
    if (match) {
      auto t = traits_of(match->val);
      if (t.window)
        refuse("column \"" + r.column.parts[0] +
               "\" is computed by a window function and cannot be filtered");
      lhs = copy_node(match->val);
      in_having = t.aggregate;
    }
  }
  if (!lhs)
    lhs = make_column_ref(r.column);
  auto cond = make_condition(std::move(lhs), r);
  and_into(in_having ? s->having_clause : s->where_clause, std::move(cond));
}

void change_limit(PgQuery__SelectStmt* s, const refinement& r) {
  if (r.limit && (*r.limit < 1 || *r.limit > INT32_MAX))
    refuse("\"limit\" must be from 1 to 2147483647");
  bool with_ties = s->limit_option == PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES;
  free_node(s->limit_count);
  if (r.limit) {
    s->limit_count = make_int_const(static_cast<int32_t>(*r.limit)).release();
    s->limit_option = with_ties ? PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES
                                : PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_COUNT;
  } else {
    s->limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
  }
}

void add_columns(PgQuery__SelectStmt* s, const refinement& r) {
  if (r.columns.empty())
    refuse("add_columns needs at least one column");
  if (is_set_operation(s))
    refuse("add_columns cannot refine a UNION, INTERSECT or EXCEPT query: every part would "
           "need the column");
  bool grouped = s->n_group_clause > 0;
  bool aggregated = !grouped && has_aggregates(s);
  for (auto& name : r.columns) {
    check_column(name);
    bool present = false;
    for (size_t i = 0; i < s->n_target_list && !present; ++i) {
      auto* n = s->target_list[i];
      present = n->node_case == PG_QUERY__NODE__NODE_RES_TARGET &&
                !(n->res_target->name && *n->res_target->name) &&
                same_column(n->res_target->val, name);
    }
    if (present)
      continue;
    auto target = new_message(pg_query__res_target__init);
    target->name = nullptr;
    target->location = -1;
    target->val = make_column_ref(name).release();
    append(s->n_target_list, s->target_list,
           wrap(std::move(target), PG_QUERY__NODE__NODE_RES_TARGET, &PgQuery__Node::res_target));
    if (grouped || aggregated) {
      bool in_group = false;
      for (size_t i = 0; i < s->n_group_clause && !in_group; ++i)
        in_group = same_column(s->group_clause[i], name);
      if (!in_group)
        append(s->n_group_clause, s->group_clause, make_column_ref(name));
    }
  }
}

void change_sort(PgQuery__SelectStmt* s, const refinement& r) {
  check_column(r.column);
  if (is_set_operation(s) && r.column.parts.size() != 1)
    refuse("the ORDER BY of a UNION, INTERSECT or EXCEPT query takes an output column name, not "
           "\"" +
           display(r.column) + "\"");
  auto sort = new_message(pg_query__sort_by__init);
  sort->node = make_column_ref(r.column).release();
  sort->sortby_dir =
      r.descending ? PG_QUERY__SORT_BY_DIR__SORTBY_DESC : PG_QUERY__SORT_BY_DIR__SORTBY_ASC;
  sort->sortby_nulls = PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_DEFAULT;
  sort->location = -1;
  auto node = wrap(std::move(sort), PG_QUERY__NODE__NODE_SORT_BY, &PgQuery__Node::sort_by);
  free_nodes(s->n_sort_clause, s->sort_clause);
  append(s->n_sort_clause, s->sort_clause, std::move(node));
}

void simplify(PgQuery__SelectStmt* s) {
  free_nodes(s->n_sort_clause, s->sort_clause);
  free_node(s->limit_count);
  free_node(s->limit_offset);
  s->limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
  free_node(s->where_clause);
  free_node(s->having_clause);
  if (is_set_operation(s)) {
    if (s->larg)
      simplify(s->larg);
    if (s->rarg)
      simplify(s->rarg);
  }
}

// -- parse, edit, deparse ----------------------------------------------------------------

struct parse_result_owner {
  PgQueryProtobufParseResult r;
  ~parse_result_owner() { pg_query_free_protobuf_parse_result(r); }
};

struct deparse_result_owner {
  PgQueryDeparseResult r;
  ~deparse_result_owner() { pg_query_free_deparse_result(r); }
};

struct tree_free {
  void operator()(PgQuery__ParseResult* t) const {
    pg_query__parse_result__free_unpacked(t, nullptr);
  }
};

std::string refine(const std::string& text, const refinement& r) {
  parse_result_owner parsed{pg_query_parse_protobuf(text.c_str())};
  if (parsed.r.error)
    refuse(std::string{"the query to refine does not parse: "} +
           (parsed.r.error->message ? parsed.r.error->message : "syntax error"));
  std::unique_ptr<PgQuery__ParseResult, tree_free> tree{
      pg_query__parse_result__unpack(nullptr, parsed.r.parse_tree.len,
                                     reinterpret_cast<const uint8_t*>(parsed.r.parse_tree.data))};
  if (!tree)
    throw refine_failure{{error_code::internal, "could not unpack the parse tree"}};
  if (tree->n_stmts != 1)
    refuse("refine needs exactly one SQL statement, not " + std::to_string(tree->n_stmts));
  auto* stmt = tree->stmts[0]->stmt;
  if (!stmt || stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
    refuse("only a SELECT query can be refined");
  auto* s = stmt->select_stmt;
  if (s->into_clause)
    refuse("a SELECT INTO cannot be refined");
  if (s->n_values_lists > 0)
    refuse("a VALUES list cannot be refined: only a SELECT ... FROM query");

  switch (r.op) {
  case refine_op::add_filter:
    add_filter(s, r);
    break;
  case refine_op::change_limit:
    change_limit(s, r);
    break;
  case refine_op::add_columns:
    add_columns(s, r);
    break;
  case refine_op::change_sort:
    change_sort(s, r);
    break;
  case refine_op::simplify:
    simplify(s);
    break;
  }

  size_t len = pg_query__parse_result__get_packed_size(tree.get());
  std::string buf(len, '\0');
  pg_query__parse_result__pack(tree.get(), reinterpret_cast<uint8_t*>(buf.data()));
  deparse_result_owner out{pg_query_deparse_protobuf(PgQueryProtobuf{len, buf.data()})};
  if (out.r.error || !out.r.query)
    throw refine_failure{{error_code::internal,
                          std::string{"could not deparse the refined query: "} +
                              (out.r.error && out.r.error->message ? out.r.error->message : "?")}};
  return out.r.query;
}

} // namespace

std::variant<std::string, medha_error> refine_sql(std::string_view sql, const refinement& r) {
  if (sql.find('\0') != std::string_view::npos)
    return bad_request("the query to refine contains a NUL character");
  if (sql.find_first_not_of(" \t\r\n;") == std::string_view::npos)
    return bad_request("there is no query to refine");
  try {
    return refine(std::string{sql}, r);
  } catch (const refine_failure& f) {
    return f.error;
  } catch (const std::bad_alloc&) {
    return medha_error{error_code::internal, "out of memory while refining the query"};
  }
}

} // namespace medha
