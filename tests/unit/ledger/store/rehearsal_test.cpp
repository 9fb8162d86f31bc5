// The rehearsal (store_options::rehearse_batches, on in every unit-test store) must really run each batch,
// roll it back and run it again before the one commit: otherwise work that is not safe to run twice (batch
// replay depends on it) would pass every unit test unnoticed.
#include "ledger/groups/registry.hpp"
#include "ledger/store/write_context.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace samaki::ledger;
using namespace samaki::test;

namespace {

std::int64_t members_named(sqlite::connection& db, const std::string& name) {
  return query_int(db, "SELECT count(*) FROM members WHERE name = ?", {name});
}

// Writer work that counts its runs, notes how many members of its name it can already see, and adds one.
struct counted_member {
  counted_member(group_id g, std::string n) : group(g), name(std::move(n)) {}

  group_id group;
  std::string name;
  std::atomic<int> runs{0};
  std::vector<std::int64_t> seen;  // written on the writer thread, read once the work has been answered

  std::function<result<member_info>(write_context&)> work() {
    return [this](write_context& w) -> result<member_info> {
      ++runs;
      seen.push_back(members_named(w.db(), name));
      return add_member(w, new_member{group, name, "", "", "", std::nullopt});
    };
  }
};

struct rehearsal_store {
  explicit rehearsal_store(bool rehearse) {
    auto options = test_store_options(dir.file("rehearsal.db"));
    options.rehearse_batches = rehearse;
    db = std::make_unique<store>(options);
    group = make_group(*db, "Rehearsal", group_kind::savings_group, "KHR").id;
    // Counted from here on, so the group's own batch is left out.
    db->on_batch([this](const batch_report& r) {
      if (r.committed) ++commits;
    });
  }

  std::int64_t rows(const std::string& name) {
    read_session reader(dir.file("rehearsal.db"));
    return members_named(reader.db(), name);
  }

  temp_dir dir;
  std::atomic<int> commits{0};
  std::unique_ptr<store> db;
  group_id group;
};

}  // namespace

TEST_CASE("a batch runs its work twice when rehearsed, once when not, and commits one row",
          "[store][batch]") {
  const bool rehearse = GENERATE(true, false);
  CAPTURE(rehearse);
  const int runs = rehearse ? 2 : 1;
  rehearsal_store s(rehearse);
  counted_member counted{s.group, "Counted"};
  auto added = s.db->submit<member_info>(counted.work()).get();

  REQUIRE(added.has_value());
  CHECK(counted.runs == runs);
  // A second run does not see the first run's row: it was rolled back.
  CHECK(counted.seen == std::vector<std::int64_t>(runs, 0));
  CHECK(s.rows("Counted") == 1);
  CHECK(s.commits == 1);
}

TEST_CASE("a rehearsed batch of several pieces runs each twice, answers each once, commits once",
          "[store][batch]") {
  rehearsal_store s(true);
  // The size of each committed batch from here on (written on the writer thread before it answers).
  std::vector<std::size_t> committed;
  s.db->on_batch([&](const batch_report& r) {
    if (r.committed) committed.push_back(r.size);
  });
  // Holds the writer for a moment so that the three pieces below land in its next batch together.
  auto gate = s.db->submit<bool>([](write_context&) -> result<bool> {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  counted_member first{s.group, "Rehearsed first"}, second{s.group, "Rehearsed second"};
  // Refused before it writes: an empty name.
  counted_member refused{s.group, ""};
  std::atomic<int> answers{0};
  std::vector<std::future<result<member_info>>> pending;
  for (auto* c : {&first, &refused, &second}) {
    auto promise = std::make_shared<std::promise<result<member_info>>>();
    pending.push_back(promise->get_future());
    s.db->submit<member_info>(c->work(), [&answers, promise](result<member_info> r) {
      ++answers;
      promise->set_value(std::move(r));
    });
  }
  CHECK(gate.get().has_value());
  CHECK(pending[0].get().has_value());
  CHECK(code_of(pending[1].get()) == name_of(errc::bad_request));
  CHECK(pending[2].get().has_value());

  // The gate's batch, then one batch of the three, each committed once.
  CHECK(committed == std::vector<std::size_t>{1, 3});
  CHECK(answers == 3);
  for (auto* c : {&first, &refused, &second}) {
    INFO(c->name);
    CHECK(c->runs == 2);
  }
  CHECK(first.seen == std::vector<std::int64_t>{0, 0});
  CHECK(second.seen == std::vector<std::int64_t>{0, 0});
  CHECK(s.rows("Rehearsed first") == 1);
  CHECK(s.rows("Rehearsed second") == 1);
}
