// One batch, one transaction: work that fails must fail alone, whether it fails before writing, after
// writing, or by throwing; everything else in the batch commits.
#include "ledger/groups/registry.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/write_context.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

std::int64_t count_rows(ledger_fixture& f, const char* sql) {
  auto r = f.reader();
  return r->db().query_int(sql);
}

}  // namespace

TEST_CASE("work that fails after writing, or throws, fails alone in its batch", "[store][batch]") {
  ledger_fixture f(false);
  auto g = f.savings.id;
  std::atomic<std::size_t> largest_batch{0};
  f.db->on_batch([&](const batch_report& r) {
    if (r.committed && r.size > largest_batch) largest_batch = r.size;
  });
  auto members_before = count_rows(f, "SELECT count(*) FROM members");

  // Holds the writer for a moment so that everything below lands in its next batch.
  auto gate = f.db->submit<bool>([](write_context&) -> result<bool> {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    return true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto first =
      f.db->submit<posted>([p = make_posting(g, "2026-02-01", {debit("1010", "700"), credit("4020", "700")},
                                             "good-1")](write_context& w) { return post_entry(w, p); });
  auto throws = f.db->submit<member_info>([g](write_context& w) -> result<member_info> {
    add_member(w, new_member{g, "Written then thrown", "", "", "", std::nullopt}).value();
    throw std::runtime_error("disk on fire");
  });
  auto error_after_write = f.db->submit<member_info>([g](write_context& w) -> result<member_info> {
    add_member(w, new_member{g, "Written then refused", "", "", "", std::nullopt}).value();
    return error(errc::conflict, "changed my mind");
  });
  auto refused = f.post(make_posting(g, "2026-02-01", {debit("1010", "700"), credit("4020", "600")}, "bad"));
  auto second =
      f.db->submit<posted>([p = make_posting(g, "2026-02-01", {debit("1010", "300"), credit("4020", "300")},
                                             "good-2")](write_context& w) { return post_entry(w, p); });

  CHECK(gate.get().has_value());
  auto one = first.get();
  auto two = second.get();
  REQUIRE(one.has_value());
  REQUIRE(two.has_value());
  CHECK(two->entry.seq == one->entry.seq + 1);
  CHECK(code_of(throws.get()) == name_of(errc::internal));
  CHECK(code_of(error_after_write.get()) == name_of(errc::conflict));
  CHECK(code_of(refused) == name_of(errc::unbalanced_entry));
  CHECK(largest_batch >= 4);

  // Neither failed work left a member behind; both good postings are there, once, and the books verify.
  CHECK(count_rows(f, "SELECT count(*) FROM members") == members_before);
  CHECK(count_rows(f, "SELECT count(*) FROM idempotency_keys WHERE key IN ('good-1', 'good-2')") == 2);
  auto r = f.reader();
  CHECK(verify_all(r->db()).ok());
}
