#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "messages/semantic_model.hpp"

namespace medha {

/// (table, column) pairs whose column alone is a primary key or unique.
using unique_columns = std::set<std::pair<std::string, std::string>>;

/// What the data says about single columns, where introspection looked:
/// (table, column) -> true when every row has a value and no two rows share
/// it, false when not. Columns it did not look at are absent.
using data_uniqueness = std::map<std::pair<std::string, std::string>, bool>;

/// How much an inferred edge needs the data to agree.
enum class join_evidence {
  names,      // key names alone: kept as is
  role_names, // weaker naming (pre_course_id, from_airport): kept unless the data contradicts it
  data,       // only the data (a shared column unique on one side): kept only when the data confirms it
};

struct join_candidate {
  relationship edge; // inferred = true
  join_evidence evidence = join_evidence::names;
};

/// Join edges for databases that never declared their foreign keys, all
/// marked `inferred`. A column of table T that is not in a declared foreign
/// key is matched against other tables' keys. A column is a key of its table
/// when it is declared unique, when its name says it is the table's own
/// ("id"; "<table>_id", "<singular>id", "<initials>id", also with _key/_code:
/// customers.customer_id, author.aid, paper.paperid) and the data does not
/// contradict it, or when the data shows it unique; generic names (name,
/// year, type, description, ...) never become keys by data alone. Key
/// strength: own name 4, declared 2, unique in data 1. Candidates, best first:
///  - prefix (score 10+): "<p>_id" (or _key, _code, "<p>id") and a table
///    named p, p+"s", p+"es" or p-"y"+"ies" -> its key
///    (orders.customer_id -> customers.id);
///  - column-prefix convention (7): in tables whose columns share a prefix
///    (sbTxId, sbTxCustId), the rest "<x>id" -> the table whose prefix ends
///    in x and has "<prefix>id" as key (sbTxCustId -> sbCustomer.sbCustId);
///  - role + key name (6): a column ending in another table's own key name
///    (pre_course_id -> course.course_id, citingpaperid -> paper.paperid);
///  - role + table name (5): a column named after a table, or ending in
///    "_<table>" (from_airport -> airport.airport_code, semester ->
///    semester.semester_id);
///  - same name (key strength of the target): a column of that name and a
///    compatible type which is a stronger key in the other table than here,
///    so tables sharing a key name are not chained and a shared attribute
///    unique nowhere (country_name) joins nothing.
/// The best candidate wins only if unique (ambiguity yields nothing rather
/// than a wrong join). Types must be compatible (integer family, text
/// family or equal modulo typmod). Edges whose evidence is not `names` are
/// for introspection to check against the data (see introspect.hpp).
std::vector<join_candidate> join_candidates(const std::vector<table_info>& tables,
                                            const std::vector<relationship>& declared,
                                            const unique_columns& unique, const data_uniqueness& data);

/// join_candidates without data, keeping what names alone support.
std::vector<relationship> infer_relationships(const std::vector<table_info>& tables,
                                              const std::vector<relationship>& declared,
                                              const unique_columns& unique);

/// Columns worth a uniqueness check: of a joinable type (integer, text,
/// uuid), not generic, and either named like their table's own key or
/// sharing their name with a column of another table. Indexes into
/// tables[i].columns, per table.
std::vector<std::vector<size_t>> uniqueness_candidates(const std::vector<table_info>& tables);

/// Edges from column descriptions (COMMENT ON or a model file), for the
/// context actor to call after apply_model_file: a key-typed column of F not
/// yet joining anything whose description reads like a reference ("ID of
/// the publication being cited", "foreign key to the organization") and
/// names exactly one other table T that has a single key by name or
/// declaration, of a compatible type, becomes F.column -> T.key, inferred.
/// Appends to model.relationships; returns how many edges it added.
size_t add_described_relationships(semantic_model& model);

} // namespace medha
