#include "server/json/auth_json.hpp"

#include "ledger/chart.hpp"

#include <boost/json/array.hpp>

#include <chrono>
#include <cstdio>

namespace samaki::server {

boost::json::object user_json(const ledger::user_info& user) {
  boost::json::array groups;
  for (auto g : user.groups) groups.push_back(g.value);
  boost::json::object out;
  out["id"] = user.id.value;
  out["username"] = user.username;
  out["display_name"] = user.display_name;
  out["role"] = ledger::role_name(user.role);
  out["group_ids"] = std::move(groups);
  if (user.member) {
    out["member_id"] = user.member->value;
  } else {
    out["member_id"] = nullptr;
  }
  out["created_at"] = user.created_at;
  return out;
}

boost::json::object group_summary_json(const ledger::group_info& group) {
  return {{"id", group.id.value},
          {"name", group.name},
          {"kind", ledger::kind_name(group.kind)},
          {"name_km", group.name_km},
          {"currency", group.currency.code()}};
}

std::string rfc3339_utc(std::int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds at{seconds(unix_seconds)};
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss time{at - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

}  // namespace samaki::server
