#pragma once

// What a store holds of one turn, read the same way by every store: a turn
// taken again is published from here rather than run twice.

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/conversation_store.hpp"

namespace medha {

/// The turn's messages and, answered, its published final event.
turn_lookup look_up_turn(conversation_store& store, const std::string& user,
                         const std::string& conv, const std::string& turn_id);

/// The final event published with the stored answer (answer_payload), among
/// the turn's stored steps.
std::string published_final_event(const std::vector<step_record>& steps,
                                   const std::string& answer_payload);

/// The stream delivery that first ran a turn, kept with its question (0: unknown).
uint64_t first_delivery_of(const std::string& question_payload);

} // namespace medha
