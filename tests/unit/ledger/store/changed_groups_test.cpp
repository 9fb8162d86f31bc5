// The writer tells its observer which groups' books a committed batch changed, before anyone hears of
// the commit: the service drops its copies of those books there, so a caller never reads older books
// than a write it was told about.
#include "ledger/groups/registry.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/store/write_context.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>

using namespace samaki::ledger;
using namespace samaki::test;

TEST_CASE("a batch reports the groups its committed work changed, and only those", "[store][batch]") {
  ledger_fixture f(false);
  std::mutex seen_mutex;
  std::vector<group_id> changed;
  f.db->on_batch([&](const batch_report& r) {
    std::lock_guard lock(seen_mutex);
    changed.insert(changed.end(), r.changed_groups.begin(), r.changed_groups.end());
  });
  auto changed_so_far = [&] {
    std::lock_guard lock(seen_mutex);
    auto copy = changed;
    changed.clear();
    return copy;
  };

  // Holds the writer so the work below shares one batch.
  auto gate = f.db->submit<bool>([](write_context&) -> result<bool> {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    return true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto posted_to_task = f.db->submit<posted>(
      [p = make_posting(f.task.id, "2026-02-01", {debit("1010", "7.00"), credit("4010", "7.00")}, "k1")](
          write_context& w) { return post_entry(w, p); });
  auto refused_in_coop = f.db->submit<posted>(
      [p = make_posting(f.coop.id, "2026-02-01", {debit("1010", "700"), credit("4010", "600")}, "k2")](
          write_context& w) { return post_entry(w, p); });
  auto taken_out_of_savings =
      f.db->submit<member_info>([g = f.savings.id](write_context& w) -> result<member_info> {
        add_member(w, new_member{g, "Written then refused", "", "", "", std::nullopt}).value();
        return error(errc::conflict, "changed my mind");
      });
  REQUIRE(gate.get().has_value());
  REQUIRE(posted_to_task.get().has_value());
  CHECK(code_of(refused_in_coop.get()) == name_of(errc::unbalanced_entry));
  CHECK(code_of(taken_out_of_savings.get()) == name_of(errc::conflict));
  // The member written and taken out again left no trace in what the batch reports.
  CHECK(changed_so_far() == std::vector<group_id>{f.task.id});

  SECTION("every kind of change to a group's books is reported") {
    REQUIRE(run<account_info>(*f.db, [g = f.coop.id](write_context& w) {
              return add_account(
                  w, new_account{g, "1040", account_type::asset, "Wallet", "", std::nullopt, false});
            }).has_value());
    CHECK(changed_so_far() == std::vector<group_id>{f.coop.id});
    make_member(*f.db, f.savings.id, "Dara");
    CHECK(changed_so_far() == std::vector<group_id>{f.savings.id});
    REQUIRE(close_through(*f.db, f.savings.id, "2026-01-31").has_value());
    CHECK(changed_so_far() == std::vector<group_id>{f.savings.id});
    auto made = make_group(*f.db, "New", group_kind::savings_group, "KHR");
    CHECK(changed_so_far() == std::vector<group_id>{made.id});
  }

  SECTION("on_committing hears of the groups before the commit shows, on_batch after it") {
    auto entries_of_task = [&] {
      return query_int(f.reader()->db(), "SELECT count(*) FROM entries WHERE group_id = ?",
                       {f.task.id.value});
    };
    const auto before = entries_of_task();
    std::int64_t seen_while_committing = -1, seen_after = -1;
    f.db->on_committing([&](const std::vector<group_id>& groups) {
      if (groups == std::vector<group_id>{f.task.id}) seen_while_committing = entries_of_task();
    });
    f.db->on_batch([&](const batch_report& r) {
      if (r.committed && r.changed_groups == std::vector<group_id>{f.task.id}) seen_after = entries_of_task();
    });
    REQUIRE(
        f.post(make_posting(f.task.id, "2026-02-03", {debit("1010", "2.00"), credit("4010", "2.00")}, "k4"))
            .has_value());
    CHECK(seen_while_committing == before);
    CHECK(seen_after == before + 1);
  }

  SECTION("the observer has heard of a commit before its work is answered") {
    std::atomic<bool> heard{false};
    f.db->on_batch([&](const batch_report& r) {
      if (!r.changed_groups.empty()) heard = true;
    });
    std::promise<bool> heard_when_answered;
    f.db->submit<posted>(
        [p = make_posting(f.task.id, "2026-02-02", {debit("1010", "1.00"), credit("4010", "1.00")}, "k3")](
            write_context& w) { return post_entry(w, p); },
        [&](result<posted> r) { heard_when_answered.set_value(r.has_value() && heard.load()); });
    CHECK(heard_when_answered.get_future().get());
  }
}
