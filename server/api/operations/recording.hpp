#pragma once
// The one way handlers record an operation or its reversal: on the writer, audited in the same work, with
// the answer built there and kept with the operation so a replay under the same key answers the same bytes.
//   auto recording = record(ctx, std::move(request));   // a statement of its own: see on_writer.hpp
//   auto done = co_await std::move(recording);
#include "ledger/operations/operation.hpp"
#include "server/api/common.hpp"

#include <string>

namespace samaki::server {

struct answered_operation {
  ledger::operation_id id;
  std::string type;
  std::string body;           // the operation as first answered (JSON)
  ledger::field_map outcome;  // empty for a replay: read the body instead
  bool replayed = false;
};

// The author is the caller; the request's other fields are the handler's.
awaitable<ledger::result<answered_operation>> record(request_context& ctx, ledger::operation_request request);
awaitable<ledger::result<answered_operation>> reverse(request_context& ctx,
                                                      ledger::operation_reversal request);

}  // namespace samaki::server
