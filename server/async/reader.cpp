#include "server/async/reader.hpp"

#include <stdexcept>

namespace samaki::server {

ledger::read_session& reader::session() {
  if (!reads) throw std::logic_error("this database thread has no read session");
  return *reads;
}

ledger::sqlite::connection& reader::db() {
  return session().db();
}

reader_factory read_sessions_on(std::string path) {
  return [path = std::move(path)](std::size_t index) {
    auto context = std::make_unique<reader>();
    context->thread_index = index;
    context->reads = std::make_unique<ledger::read_session>(path);
    return context;
  };
}

}  // namespace samaki::server
