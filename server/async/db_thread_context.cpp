#include "server/async/db_thread_context.hpp"

#include <stdexcept>

namespace samaki::server {

ledger::read_session& db_thread_context::session() {
  if (!reads) throw std::logic_error("this database thread has no read session");
  return *reads;
}

ledger::sqlite::connection& db_thread_context::db() {
  return session().db();
}

db_context_factory read_sessions_on(std::string path) {
  return [path = std::move(path)](std::size_t index) {
    auto context = std::make_unique<db_thread_context>();
    context->thread_index = index;
    context->reads = std::make_unique<ledger::read_session>(path);
    return context;
  };
}

}  // namespace samaki::server
