#pragma once

#include <memory>

#include "messages/semantic_model.hpp"

namespace medha::discovery::testing {

/// A retail shop: regions, categories, products, customers, orders, order
/// items, and the revenue metric.
std::shared_ptr<const semantic_model> sales_model();

/// A help desk: tickets, agents, teams, accounts.
std::shared_ptr<const semantic_model> support_model();

/// Human resources: employees, departments, salaries, reviews.
std::shared_ptr<const semantic_model> hr_model();

} // namespace medha::discovery::testing
