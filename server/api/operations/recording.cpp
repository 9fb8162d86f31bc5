#include "server/api/operations/recording.hpp"

#include "server/json/operation_json.hpp"

#include <boost/json/serialize.hpp>

namespace samaki::server {
namespace {

ledger::result<answered_operation> answer(ledger::write_context& w,
                                          ledger::result<ledger::operation_result> done) {
  if (!done) return done.error();
  if (done->replayed)
    return answered_operation{done->record.id, done->record.type, done->record.response, {}, true};
  auto body = boost::json::serialize(operation_json(done->record, done->outcome));
  ledger::keep_operation_response(w, done->record.id, body);
  return answered_operation{done->record.id, done->record.type, std::move(body), std::move(done->outcome),
                            false};
}

// A first recording is audited; a replay under the same Idempotency-Key changed nothing and is not.
std::optional<audit_note> note_of(const answered_operation& a) {
  if (a.replayed) return std::nullopt;
  return audit_note{"operation " + std::to_string(a.id.value), a.type, std::nullopt};
}

}  // namespace

awaitable<ledger::result<answered_operation>> record(request_context& ctx,
                                                     ledger::operation_request request) {
  request.author = author(ctx);
  auto group = request.group;
  return write_audited<answered_operation>(
      ctx, "operation.record", group,
      [r = std::move(request)](ledger::write_context& w) {
        return answer(w, ledger::record_operation(w, r));
      },
      note_of);
}

awaitable<ledger::result<answered_operation>> reverse(request_context& ctx,
                                                      ledger::operation_reversal request) {
  request.author = author(ctx);
  auto group = request.group;
  return write_audited<answered_operation>(
      ctx, "operation.reverse", group,
      [r = std::move(request)](ledger::write_context& w) {
        return answer(w, ledger::reverse_operation(w, r));
      },
      note_of);
}

}  // namespace samaki::server
