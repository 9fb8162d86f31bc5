#include "server/auth/user_creation.hpp"

namespace samaki::server {

hashed_user hash_new_user(ledger::new_user user) {
  std::string hash = ledger::hash_password(user.password);
  return {std::move(user), std::move(hash)};
}

std::function<ledger::result<ledger::user_info>(ledger::write_context&)> create_user_work(
    hashed_user user, ledger::audit_record audit) {
  return [user = std::move(user), audit = std::move(audit)](ledger::write_context& w) {
    auto created = ledger::create_user(w, user.user, user.password_hash);
    if (created) {
      auto record = audit;
      record.action = "user.create";
      record.target = "user " + std::to_string(created->id.value);
      record.detail =
          "username " + created->username + ", role " + std::string(ledger::role_name(created->role));
      ledger::append_audit(w, std::move(record));
    }
    return created;
  };
}

}  // namespace samaki::server
