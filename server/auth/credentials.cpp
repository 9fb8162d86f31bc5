#include "server/auth/credentials.hpp"

#include <algorithm>
#include <cctype>

namespace samaki::server {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::ranges::equal(text.substr(0, prefix.size()), prefix, [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// The value of one cookie in a Cookie header ("a=1; samaki_session=xyz").
std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trimmed(header.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && trimmed(pair.substr(0, equals)) == name)
      return trimmed(pair.substr(equals + 1));
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
  }
  return std::nullopt;
}

}  // namespace

std::optional<credential> find_credential(std::string_view authorization, std::string_view cookie_header) {
  // The scheme name is case-insensitive (RFC 9110).
  if (starts_with_nocase(authorization, "Bearer ")) {
    const std::string_view token = trimmed(authorization.substr(7));
    if (!token.empty()) return credential{std::string(token), credential_source::bearer};
  }
  const auto cookie = cookie_value(cookie_header, session_cookie_name);
  if (cookie && !cookie->empty()) return credential{std::string(*cookie), credential_source::cookie};
  return std::nullopt;
}

std::optional<credential> find_credential(const http_request& request) {
  return find_credential(to_std(request[http::field::authorization]), to_std(request[http::field::cookie]));
}

bool changes_state(http::verb method) {
  return method != http::verb::get && method != http::verb::head && method != http::verb::options;
}

std::string session_cookie(std::string_view token, std::chrono::seconds max_age, bool secure) {
  return std::string(session_cookie_name) + "=" + std::string(token) + "; HttpOnly; SameSite=Strict; " +
         (secure ? "Secure; " : "") + "Path=/; Max-Age=" + std::to_string(max_age.count());
}

std::string cleared_session_cookie(bool secure) {
  return session_cookie("", std::chrono::seconds(0), secure);
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ = static_cast<unsigned char>(differ | (a[i] ^ b[i]));
  return differ == 0;
}

}  // namespace samaki::server
