// The balance cache never hands back a list older than a commit it has heard of.
#include "server/api/account_list_cache.hpp"

#include <catch2/catch.hpp>

#include <vector>

using samaki::ledger::group_id;
using samaki::server::account_list_cache;

namespace {
std::shared_ptr<const account_list_cache::snapshot> list_with_body(std::string body) {
  auto copy = std::make_shared<account_list_cache::snapshot>();
  copy->first_page = std::move(body);
  return copy;
}
}  // namespace

TEST_CASE("a kept list is found until its group changes", "[server][cache]") {
  account_list_cache cache;
  const group_id one{1}, two{2};
  CHECK(cache.find(one) == nullptr);
  cache.keep(cache.before_reading(one), list_with_body("one"));
  cache.keep(cache.before_reading(two), list_with_body("two"));
  REQUIRE(cache.find(one) != nullptr);
  CHECK(cache.find(one)->first_page == "one");

  const std::vector<group_id> changed{one};
  cache.changed(changed);
  CHECK(cache.find(one) == nullptr);
  REQUIRE(cache.find(two) != nullptr);  // other groups keep theirs
  CHECK(cache.find(two)->first_page == "two");
}

TEST_CASE("a list read before a commit is not kept after it", "[server][cache]") {
  account_list_cache cache;
  const group_id one{1}, two{2};
  const auto slow_reader = cache.before_reading(one);
  const auto other_reader = cache.before_reading(two);
  const std::vector<group_id> changed{one};
  cache.changed(changed);  // commits while the reader is still reading
  cache.keep(slow_reader, list_with_body("stale"));
  CHECK(cache.find(one) == nullptr);
  cache.keep(other_reader, list_with_body("fresh"));  // that commit did not touch group 2
  CHECK(cache.find(two) != nullptr);

  cache.keep(cache.before_reading(one), list_with_body("after"));
  REQUIRE(cache.find(one) != nullptr);
  CHECK(cache.find(one)->first_page == "after");
}

TEST_CASE("while a commit is under way nothing is found or kept for its groups", "[server][cache]") {
  account_list_cache cache;
  const group_id one{1};
  cache.keep(cache.before_reading(one), list_with_body("before"));
  const std::vector<group_id> committing{one};
  cache.changing(committing);
  CHECK(cache.find(one) == nullptr);  // readers go to the database, which may already show the commit
  cache.keep(cache.before_reading(one), list_with_body("read during the commit"));
  CHECK(cache.find(one) == nullptr);
  const auto after_commit_ticket = cache.before_reading(one);
  cache.changed(committing);
  CHECK(cache.find(one) == nullptr);
  cache.keep(after_commit_ticket, list_with_body("ticket taken before the commit ended"));
  CHECK(cache.find(one) == nullptr);
  cache.keep(cache.before_reading(one), list_with_body("after"));
  REQUIRE(cache.find(one) != nullptr);
  CHECK(cache.find(one)->first_page == "after");
}
