#pragma once

#include "messages/semantic_model.hpp"

namespace medha {

/// A yes/no column says how often something happened: "escape rate" for
/// `escaped`, "no-show rate" for `no_show`. Adds, for each such column of
/// an outcome (not a soft delete or a void mark, not a name another column
/// has), the metric "<its words> rate": the percentage of the rows where it
/// is set. Returns how many were added.
int add_flag_rates(semantic_model& model);

} // namespace medha
