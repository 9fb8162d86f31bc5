#include "tests/api/refusal_support.hpp"

#include "ledger/date.hpp"
#include "server/config.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

namespace samaki::api_test {

std::string entry_body(std::string_view date, boost::json::array lines) {
  return boost::json::serialize(
      boost::json::value{{"date", date}, {"memo", "refused"}, {"lines", std::move(lines)}});
}

boost::json::value line(std::string_view account, std::string_view side, std::string_view amount) {
  return {{"account", account}, {side, amount}};
}

void check_refused(api_client& client, const std::vector<refusal>& cases) {
  for (const auto& c : cases) {
    INFO(c.name);
    const auto reply = client.send("POST", c.target, c.body, c.headers);
    CHECK(reply.status == c.status);
    CHECK(reply.error_code() == c.code);
  }
}

std::string local_day(int days) {
  const int offset = server::settings{}.timezone_offset_minutes;
  return ledger::calendar_date::today(offset).plus_days(days).to_string();
}

}  // namespace samaki::api_test
