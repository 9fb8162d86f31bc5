#include "ledger/access/users.hpp"

#include "ledger/date.hpp"
#include "ledger/store/user_records.hpp"
#include "ledger/store/write_context.hpp"

#include <sodium.h>

#include <stdexcept>

namespace samaki::ledger {
namespace {

bool valid_username(std::string_view name) {
  if (name.size() < 3 || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-'))
      return false;
  return true;
}

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace

std::string_view role_name(role r) {
  switch (r) {
    case role::admin: return "admin";
    case role::staff: return "staff";
    case role::treasurer: return "treasurer";
    case role::member: return "member";
  }
  return "member";
}

std::optional<role> parse_role(std::string_view text) {
  if (text == "admin") return role::admin;
  if (text == "staff") return role::staff;
  if (text == "treasurer") return role::treasurer;
  if (text == "member") return role::member;
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool check_password(std::string_view password, const std::string& stored_hash) {
  ensure_sodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

result<user_info> create_user(write_context& ctx, const new_user& u, const std::string& password_hash) {
  if (!valid_username(u.username))
    return error(errc::bad_request, "username must be 3-64 characters of letters, digits, '.', '_' or '-'");
  if (u.password.size() < 8 || u.password.size() > 1024)
    return error(errc::bad_request, "password must be 8 to 1024 bytes long");
  if (u.display_name.size() > 200) return error(errc::bad_request, "display_name is too long");
  if (username_taken(ctx, u.username))
    return error(errc::conflict, "username '" + u.username + "' is taken (usernames ignore case)");
  for (auto g : u.groups)
    if (!ctx.group(g)) return error(errc::not_found, "no group " + std::to_string(g.value));
  if (u.role == role::member) {
    if (!u.member) return error(errc::bad_request, "a member user needs member_id");
    // A member sees one group: their own.
    if (u.groups.size() != 1) return error(errc::bad_request, "a member user belongs to exactly one group");
    auto owner = ctx.member(*u.member);
    if (!owner || owner->group != u.groups.front())
      return error(errc::bad_request, "member_id must be a member of the user's group");
  } else if (u.member) {
    return error(errc::bad_request, "only member users take member_id");
  }
  if ((u.role == role::treasurer || u.role == role::member) && u.groups.empty())
    return error(errc::bad_request, "this role needs group_ids");

  user_info info{user_id{}, u.username, u.display_name, u.role, u.groups, u.member, now_rfc3339()};
  info.id = insert_user(ctx, info, password_hash);
  return info;
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_hash(std::string_view token) {
  unsigned char d[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(d, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return std::string(reinterpret_cast<const char*>(d), sizeof d);
}

}  // namespace samaki::ledger
