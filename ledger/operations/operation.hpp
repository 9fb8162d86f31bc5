#pragma once
// Operations: what treasurers record in plain words (a transfer, a meeting, a loan, a share-out). Each
// type lives in a file of its own under ledger/operations/ and runs in three steps:
//   check  — the request alone, no state: fields, amounts, dates;
//   plan   — against the books as they are: balances, loans, cycles, members; what to post;
//   apply  — balanced drafts handed to the journal writer (through operation_context::post) and the
//            records the operation keeps beside the journal (loans, cycles, ...).
// One operation is one piece of writer work: all of its entries and records commit together or none do
// (work that fails after writing is taken out of its batch and the batch replayed without it).
#include "ledger/chart.hpp"
#include "ledger/error.hpp"
#include "ledger/groups/group.hpp"
#include "ledger/journal/journal.hpp"
#include "ledger/operations/fields.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samaki::ledger {

class write_context;
struct group_state;

// A request to record an operation, as the edge read it.
struct operation_request {
  group_id group;
  std::string type;
  calendar_date date;
  std::string memo;
  field_map fields;      // every field but type, date and memo
  std::string recorded;  // the request as the caller sent it, kept for GET .../operations/{id}
  std::string idempotency_key;
  std::string author;
};

// A request to reverse every entry of an operation at once.
struct operation_reversal {
  group_id group;
  operation_id original;
  std::optional<calendar_date> date;  // default: today
  std::string reason;
  std::string recorded;
  std::string idempotency_key;
  std::string author;
};

// A recorded operation with its entries, in the order it wrote them.
struct operation_record {
  operation_id id;
  group_id group;
  std::string type;
  calendar_date date;
  std::string memo;
  std::string request;   // as sent
  std::string response;  // as first answered (empty until the edge stores it)
  std::string created_by;
  std::string created_at;
  std::optional<operation_id> reverses;
  std::optional<operation_id> reversed_by;
  std::string reason;
  std::vector<entry> entries;
};

// What recording an operation gives back: the record, what this type reports beside its entries
// (loans made, cash after a meeting, a share-out sheet), and whether it was a replay under the same key.
struct operation_result {
  operation_record record;
  field_map outcome;
  bool replayed = false;
};

// What an operation's steps see while it runs on the writer.
class operation_context {
 public:
  operation_context(write_context& books, group_state& group, const operation_request& request,
                    operation_id id)
      : books_(books), group_(group), request_(request), id_(id) {}

  write_context& books() { return books_; }
  group_state& group() { return group_; }
  const group_info& info() const;
  const operation_request& request() const { return request_; }
  operation_id id() const { return id_; }
  calendar_date date() const { return request_.date; }

  // Checks the draft against the books and appends it, as part of this operation; kept in `entries`.
  result<entry> post(draft_entry draft);
  const std::vector<entry>& entries() const { return entries_; }

  // What this type reports beside its entries.
  field_map& outcome() { return outcome_; }

 private:
  write_context& books_;
  group_state& group_;
  const operation_request& request_;
  operation_id id_;
  std::vector<entry> entries_;
  field_map outcome_;
};

// The writing half of an operation, planned by its type once every check has passed. Until a plan is
// applied nothing is written, so a refused operation costs the writer nothing.
using apply_step = std::function<result<void>(operation_context&)>;

// One kind of operation: its name, which kinds of group record it, its fields and the accounts it posts to
// (served by GET .../operation-types, labelled from vocabulary.hpp), how it is checked and planned, and how
// reversing it undoes what it keeps beside the journal.
struct operation_type {
  std::string_view name;
  std::vector<group_kind> kinds;
  std::vector<field_spec> fields;
  std::vector<std::string_view> accounts;
  // check (the fields alone) and plan (against the books); writes nothing.
  result<apply_step> (*plan)(operation_context& ctx, const field_reader& fields) = nullptr;
  // Plans undoing the records this type keeps beside the journal; refuses when later work depends on
  // them. Null for types that keep nothing but entries.
  result<apply_step> (*plan_undo)(operation_context& ctx, const operation_record& original) = nullptr;

  bool accepts(group_kind kind) const;
};

// The type of that name that a group of `kind` records (two kinds may give one name different types: a
// savings group's grant is paid out of the social fund, a cooperative's is income); else any type of that
// name, which the kind then refuses; nullptr when there is none.
const operation_type* find_operation_type(std::string_view name, group_kind kind);
// The types a group of this kind accepts, in a stable order.
std::vector<const operation_type*> operation_types_for(group_kind kind);
// Every type, for tests and documentation.
const std::vector<const operation_type*>& all_operation_types();

// Records the operation: checks the key, the kind of group and the date, runs the type's steps and keeps
// the record. With an Idempotency-Key seen before, the same request gives back the first result (replayed,
// with its stored response), another request is an idempotency_conflict.
result<operation_result> record_operation(write_context& ctx, const operation_request& request);

// Reverses every entry of the operation in one new operation of type "reversal", and undoes what the
// operation kept beside the journal. Once only; a reversal is not itself reversed.
result<operation_result> reverse_operation(write_context& ctx, const operation_reversal& request);

// Keeps the answer the edge gave, so a replay under the same key answers the same.
void keep_operation_response(write_context& ctx, operation_id id, const std::string& response);

}  // namespace samaki::ledger
