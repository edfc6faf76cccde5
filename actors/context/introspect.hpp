#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "messages/data_source.hpp"
#include "messages/error.hpp"
#include "messages/semantic_model.hpp"

namespace medha {

/// The model, or the error that prevented it.
using model_or_error = std::variant<semantic_model, medha_error>;

/// Builds the semantic model of `src` from PostgreSQL's catalogs, so a new
/// database works with no configuration. Blocking: call it from a detached actor.
///
/// Reads every schema the connecting role can use except pg_catalog,
/// information_schema, toast/temp schemas and extension-owned objects:
/// tables, partitioned tables, views and materialized views (partitions are
/// folded into their parent), with COMMENTs; columns (format_type, NOT NULL,
/// primary key, COMMENT); declared foreign keys (multi-column); row estimates
/// (pg_class.reltuples, or count(*) for a never-analyzed table under 64 MB);
/// and the distinct values of text and enum columns having at most 50 of
/// them, each at most 80 characters (one bounded query per column, sampled
/// with TABLESAMPLE on tables over 2 million rows). Roles come from
/// column_roles.hpp, inferred join edges from infer_relationships.hpp,
/// checked against the data: candidate key columns of non-empty tables get
/// one count / count(DISTINCT) scan per table up to a million rows (pg_stats
/// n_distinct above), and edges not backed by key names alone are kept when
/// a sample of 200 distinct referencing values is found in the referenced
/// column (batched, 50 per statement; empty tables cost no query); and
/// schema_version from schema_version.hpp. The session is read-only with a
/// statement timeout, so a slow value query is skipped, not waited for.
///
/// Errors: datasource_unavailable when the server cannot be reached (the
/// message names host:port, not the password); query_failed when a catalog
/// query fails. Does not read src.model_file: see model_file.hpp.
///
/// `cached`, when given, is asked once the structure is read (the catalog
/// queries, before any data query) with structure_fingerprint.hpp's text; a
/// model it returns is returned as it is, and nothing more is read.
using cached_model_fn = std::function<std::optional<semantic_model>(const std::string& structure)>;
model_or_error introspect(const data_source& src, const cached_model_fn& cached = {});

} // namespace medha
