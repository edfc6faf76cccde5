#pragma once

// Every typed actor interface of Medha, one comment per handler: the whole
// message graph of a worker reads in this one file.

#include <cstdint>
#include <string>
#include <vector>

#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "messages/relation_set.hpp"
#include "messages/type_ids.hpp"

namespace medha {

/// Owns the conversation store (RocksDB or PostgreSQL); detached because its calls block.
using store_actor = caf::typed_actor<
  // Loads a conversation the user owns (found = false when not theirs or absent).
  caf::replies_to<load_atom, std::string, std::string>::with<conversation_lookup>,
  // Writes a whole conversation record (create, rename, after each turn).
  caf::replies_to<save_atom, conversation_record>::with<store_ack>,
  // Appends the user's message of a turn: written at once (a killed worker
  // loses nothing), synced to disk by the turn's end (answer_atom).
  caf::replies_to<append_atom, std::string, message_record>::with<store_ack>,
  // What is stored of a turn (user, conversation, turn id): asked, answered,
  // and the answered turn's final event, to publish again instead of rerunning it.
  caf::replies_to<lookup_atom, std::string, std::string, std::string>::with<turn_lookup>,
  // Starts a turn on a shared store in one call (user, its question, whether
  // to count it, the limits): counts it, reads the latest record and what is
  // stored of the turn, appends the question unless stored before.
  caf::replies_to<begin_atom, std::string, message_record, bool, int, int>::with<turn_start>,
  // Ends a turn in one durable write: its step events, the answer and the
  // record as the turn leaves it (user, turn).
  caf::replies_to<answer_atom, std::string, answered_turn>::with<store_ack>,
  // Lists the user's conversations, most recent first.
  caf::replies_to<list_atom, std::string>::with<std::vector<conversation_record>>,
  // Reads a conversation's messages in order.
  caf::replies_to<history_atom, std::string, std::string>::with<std::vector<message_record>>,
  // Deletes a conversation with its messages and steps.
  caf::replies_to<delete_atom, std::string, std::string>::with<store_ack>,
  // Deletes conversations idle longer than ttl_ms at now_ms; replies the count.
  caf::replies_to<expire_atom, int64_t, int64_t>::with<uint64_t>,
  // Writes a cache blob (the discovery catalog) under a key.
  caf::reacts_to<put_blob_atom, std::string, std::string>,
  // Stores a user's feedback on a message of their conversation.
  caf::replies_to<feedback_atom, std::string, feedback_record>::with<store_ack>,
  // The feedback on a conversation's messages (user, conversation).
  caf::replies_to<feedback_atom, std::string, std::string>::with<std::vector<feedback_record>>,
  // Creates or replaces a verified example (a user's, or everyone's).
  caf::replies_to<example_atom, example_record>::with<store_ack>,
  // The verified examples of (user, data source): the user's and everyone's.
  caf::replies_to<examples_atom, std::string, std::string>::with<std::vector<example_record>>,
  // Counts a turn of (user, conversation) against the user's turns per
  // minute and concurrent turns kept in a shared store; refused: rate_limited.
  caf::replies_to<admit_atom, std::string, std::string, int, int>::with<store_ack>,
  // A turn the store admitted has ended.
  caf::reacts_to<turn_ended_atom, std::string, std::string>>;

/// Per worker: semantic models of the data sources, introspected on first use.
using context_actor = caf::typed_actor<
  // The model of a data source (cached; introspects in a detached worker).
  caf::replies_to<model_atom, std::string>::with<model_reply>,
  // Re-introspects a data source; the schema version changes when it did.
  caf::replies_to<refresh_atom, std::string>::with<model_reply>,
  // Periodic re-introspection of every data source, in the background.
  caf::reacts_to<tick_atom>>;

/// Ranks data sources and tables for a question.
using discovery_actor = caf::typed_actor<
  // Ranks every registered data source and its tables.
  caf::replies_to<rank_atom, std::string>::with<discovery_result>,
  // Adds or replaces a data source's model in the catalog.
  caf::reacts_to<add_atom, model_ptr>,
  // Writes the catalog to the store (scheduled a moment after changes).
  caf::reacts_to<save_atom>>;

/// Writes SQL for a question: the embedded engine, and a language model where
/// the engine abstains when one is configured (hybrid routing).
using sqlgen_actor = caf::typed_actor<
  // Question + model + the previous query structure + recent turns → plan; a
  // request with failed attempts asks the model to correct its SQL. Model
  // output streams to request.progress as (progress_atom, tag, data JSON).
  caf::replies_to<generate_atom, sql_request>::with<sql_plan>>;

/// Runs guarded SQL read-only against a data source (pool of detached runners).
using executor_actor = caf::typed_actor<
  // Runs SQL on the named data source, reading only the given relations (the
  // model's tables, messages/relation_set.hpp); the last string names the
  // query for cancel.
  caf::replies_to<execute_atom, std::string, std::string, relation_set, std::string>::with<execute_reply>,
  // Stops the named query on the database if it is still running.
  caf::reacts_to<cancel_atom, std::string>>;

/// Picks a chart for a result.
using visualization_actor = caf::typed_actor<
  // Result rows + the plan that produced them → chart kind and Vega-Lite spec.
  caf::replies_to<visualize_atom, result_set, sql_plan>::with<chart>>;

/// One per conversation: serializes its turns and owns its state.
using conversation_actor = caf::typed_actor<
  // A user turn; the answer goes out as step events (and to reply_to).
  caf::reacts_to<turn_request>,
  // Renames the conversation.
  caf::replies_to<rename_atom, std::string>::with<store_ack>,
  // Chooses the conversation's data source.
  caf::replies_to<select_atom, std::string>::with<store_ack>,
  // Chooses the conversation's language model (provider, model), already
  // checked against what the configuration offers.
  caf::replies_to<llm_atom, std::string, std::string>::with<store_ack>,
  // Ends the turn in flight (and drops the waiting ones).
  caf::reacts_to<cancel_atom>,
  // The idle timer fired (one at a time; the number is unused).
  caf::reacts_to<idle_atom, uint64_t>,
  // A check of the turn's stage deadlines is due (stage_watch.hpp).
  caf::reacts_to<tick_atom>,
  // Replies once no turn is in flight or waiting (shutdown drain).
  caf::replies_to<drain_atom>::with<bool>,
  // Progress of a stage of the turn with the given generation (the model's
  // SQL as it streams): published as a `sql` progress event.
  caf::reacts_to<progress_atom, uint64_t, std::string>>;

/// Routes NATS traffic to conversations and answers the control API.
using manager_actor = caf::typed_actor<
  // A turn or API request copied out of a NATS callback.
  caf::reacts_to<inbound_message>,
  // A conversation actor is idle after receiving `n` messages from the manager;
  // true: it was removed from the routing table and may stop; false: the
  // manager sent it more since, so it must stay.
  caf::replies_to<evicted_atom, std::string, std::string, uint64_t>::with<bool>,
  // Shutdown: stop taking turns; replies once the turns in flight ended.
  caf::replies_to<drain_atom>::with<bool>,
  // Periodic housekeeping: expiry of idle conversations.
  caf::reacts_to<tick_atom>,
  // A turn of (user, conversation) ended: it no longer counts against the
  // user's concurrent turns.
  caf::reacts_to<turn_ended_atom, std::string, std::string>>;

} // namespace medha
