#include "ledger/demo.hpp"
#include "ledger/access/users.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/queries.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

using namespace samaki::ledger;

TEST_CASE("demo data loads once into an empty database, balanced and verified", "[demo]") {
  samaki::test::temp_dir dir;
  auto path = dir.file("demo.db");
  {
    store s(samaki::test::test_store_options(path));
    auto first = load_demo(s);
    CHECK(first.loaded);
    CHECK(first.logins.size() == 4);
    auto again = load_demo(s);
    CHECK_FALSE(again.loaded);
    CHECK(again.logins.empty());
  }
  read_session r(path);
  auto groups = list_groups(r.db(), std::nullopt);
  REQUIRE(groups.size() == 3);
  for (const auto& g : groups) {
    for (const auto& c : trial_balance(r.db(), g.id, std::nullopt)) CHECK(c.total_debit == c.total_credit);
  }
  CHECK(verify_all(r.db()).ok());
  // Every demo login signs in with the password it prints.
  auto login = find_login(r.db(), "treasurer");
  REQUIRE(login);
  CHECK(check_password("samaki-treasurer", login->second));
  CHECK_FALSE(check_password("wrong", login->second));
}
