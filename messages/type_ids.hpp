#pragma once

// The CAF side of the message structs: atoms and type IDs. Only actor code
// includes this; logic code uses the plain structs.

#include <caf/atom.hpp>
#include <caf/type_id.hpp>

#include "messages/answer_sentence.hpp"
#include "messages/chart.hpp"
#include "messages/discovery_result.hpp"
#include "messages/protocol.hpp"
#include "messages/sql_plan.hpp"
#include "messages/sql_request.hpp"
#include "messages/stage_replies.hpp"
#include "messages/store_records.hpp"

// The structs travel only between actors of one process (NATS carries the
// wire format), so they are allowed as local message types.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::turn_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::api_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::step_event)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::inbound_message)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::model_ptr)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::model_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::execute_reply)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::discovery_result)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::sql_plan)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::sql_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::result_set)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::chart)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::medha_error)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::conversation_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::message_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::step_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::conversation_lookup)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::store_ack)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::turn_lookup)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::answered_turn)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<medha::conversation_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<medha::message_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::feedback_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::example_record)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<medha::example_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<medha::feedback_record>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(medha::answer_sentence)

CAF_BEGIN_TYPE_ID_BLOCK(medha, caf::first_custom_type_id)
  CAF_ADD_TYPE_ID(medha, (medha::turn_request))
  CAF_ADD_TYPE_ID(medha, (medha::api_request))
  CAF_ADD_TYPE_ID(medha, (medha::step_event))
  CAF_ADD_TYPE_ID(medha, (medha::inbound_message))
  CAF_ADD_TYPE_ID(medha, (medha::model_ptr))
  CAF_ADD_TYPE_ID(medha, (medha::model_reply))
  CAF_ADD_TYPE_ID(medha, (medha::execute_reply))
  CAF_ADD_TYPE_ID(medha, (medha::discovery_result))
  CAF_ADD_TYPE_ID(medha, (medha::sql_plan))
  CAF_ADD_TYPE_ID(medha, (medha::result_set))
  CAF_ADD_TYPE_ID(medha, (medha::chart))
  CAF_ADD_TYPE_ID(medha, (medha::medha_error))
  CAF_ADD_TYPE_ID(medha, (medha::conversation_record))
  CAF_ADD_TYPE_ID(medha, (medha::message_record))
  CAF_ADD_TYPE_ID(medha, (medha::step_record))
  CAF_ADD_TYPE_ID(medha, (medha::conversation_lookup))
  CAF_ADD_TYPE_ID(medha, (medha::store_ack))
  CAF_ADD_ATOM(medha, medha, load_atom, "load")
  CAF_ADD_ATOM(medha, medha, save_atom, "save")
  CAF_ADD_ATOM(medha, medha, append_atom, "append")
  CAF_ADD_ATOM(medha, medha, answer_atom, "answer")
  CAF_ADD_ATOM(medha, medha, list_atom, "list")
  CAF_ADD_ATOM(medha, medha, history_atom, "history")
  CAF_ADD_ATOM(medha, medha, delete_atom, "delete")
  CAF_ADD_ATOM(medha, medha, expire_atom, "expire")
  CAF_ADD_ATOM(medha, medha, model_atom, "model")
  CAF_ADD_ATOM(medha, medha, refresh_atom, "refresh")
  CAF_ADD_ATOM(medha, medha, rank_atom, "rank")
  CAF_ADD_ATOM(medha, medha, add_atom, "add")
  CAF_ADD_ATOM(medha, medha, generate_atom, "generate")
  CAF_ADD_ATOM(medha, medha, execute_atom, "execute")
  CAF_ADD_ATOM(medha, medha, visualize_atom, "visualize")
  CAF_ADD_ATOM(medha, medha, rename_atom, "rename")
  CAF_ADD_ATOM(medha, medha, select_atom, "select")
  CAF_ADD_ATOM(medha, medha, cancel_atom, "cancel")
  CAF_ADD_ATOM(medha, medha, evicted_atom, "evicted")
  CAF_ADD_ATOM(medha, medha, tick_atom, "tick")
  CAF_ADD_ATOM(medha, medha, idle_atom, "idle")
  CAF_ADD_ATOM(medha, medha, put_blob_atom, "put_blob")
  CAF_ADD_ATOM(medha, medha, drain_atom, "drain")
  CAF_ADD_TYPE_ID(medha, (medha::sql_request))
  CAF_ADD_ATOM(medha, medha, progress_atom, "progress")
  CAF_ADD_ATOM(medha, medha, turn_ended_atom, "turn_ended")
  CAF_ADD_ATOM(medha, medha, llm_atom, "llm")
  CAF_ADD_TYPE_ID(medha, (medha::feedback_record))
  CAF_ADD_TYPE_ID(medha, (medha::example_record))
  CAF_ADD_ATOM(medha, medha, feedback_atom, "feedback")
  CAF_ADD_ATOM(medha, medha, example_atom, "example")
  CAF_ADD_ATOM(medha, medha, examples_atom, "examples")
  CAF_ADD_ATOM(medha, medha, admit_atom, "admit")
  CAF_ADD_TYPE_ID(medha, (medha::turn_lookup))
  CAF_ADD_ATOM(medha, medha, lookup_atom, "lookup")
  CAF_ADD_TYPE_ID(medha, (medha::answered_turn))
  CAF_ADD_TYPE_ID(medha, (medha::answer_sentence))
CAF_END_TYPE_ID_BLOCK(medha)
