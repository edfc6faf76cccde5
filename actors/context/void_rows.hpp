#pragma once

#include "messages/semantic_model.hpp"

namespace medha {

/// Rows a table keeps but marks as no longer standing: a flag named void or
/// deleted (`void_flg` 'Y', `is_deleted` true), or a day they were voided or
/// deleted (`voided_dt`, `deleted_at`). Adds a rule per such column that
/// leaves those rows out, as any report of the business would, unless the
/// model already has a rule on that table naming the column. Returns how
/// many rules were added.
int add_void_row_rules(semantic_model& model);

} // namespace medha
