// libFuzzer target: a request body as POST .../entries and POST .../operations read it, without a server.
// The text is parsed strictly; as a posting, a group, a member and a period close it goes through the JSON
// readers; as an operation it is read by every group kind's field specs and, when it reads, recorded
// against real books (the demo groups, the savings group with an open cycle) inside a writer transaction
// that is then rolled back, so check, plan and apply all run. A refusal is fine; an exception inside the
// ledger (the store answers `internal`, a 500) is a crash.
#include "ledger/demo.hpp"
#include "ledger/journal/posting.hpp"
#include "ledger/operations/operation.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/read_session.hpp"
#include "ledger/store/store.hpp"
#include "server/json/ledger_json.hpp"
#include "server/json/operation_json.hpp"
#include "server/json/strict_json.hpp"

#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>

using namespace samaki;
using namespace samaki::ledger;

namespace {

struct books {
  std::unique_ptr<store> db;
  std::vector<group_info> groups;
};

// Runs `work` in the writer and rolls it back: the books stay as they were for the next input.
template <class Work>
void run_and_roll_back(store& db, Work work) {
  auto answer = db.submit<int>([&work](write_context& ctx) -> result<int> {
                    if (auto done = work(ctx); !done && done.error().code == errc::internal)
                      return done.error();
                    return error(errc::conflict, "fuzzing: rolled back");
                  }).get();
  if (!answer && answer.error().code == errc::internal) std::abort();
}

books& the_books() {
  static books b = [] {
    spdlog::set_level(spdlog::level::off);
    books made;
    const auto folder =
        std::filesystem::temp_directory_path() / ("samaki_fuzz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    store_options options;
    options.path = (folder / "fuzz.db").string();
    options.synchronous_full = false;
    made.db = std::make_unique<store>(options);
    load_demo(*made.db);
    read_session reads(options.path);
    made.groups = list_groups(reads.db(), std::nullopt);
    // Every savings group gets an open cycle, so meetings reach their rules (the demo's open ones keep
    // theirs: a second is refused as a conflict).
    for (const auto& g : made.groups) {
      if (g.kind != group_kind::savings_group) continue;
      const auto* start = find_operation_type("cycle_start", g.kind);
      boost::json::object settings{
          {"share_value", "5000"},
          {"social_fund_per_meeting", "1000"},
          {"fines", boost::json::array{{{"code", "late"}, {"name", "Late"}, {"amount", "500"}}}}};
      operation_request request;
      request.group = g.id;
      request.type = "cycle_start";
      request.date = calendar_date::today(options.timezone_offset_minutes);
      request.fields = server::parse_fields(settings, start->fields).value();
      request.recorded = boost::json::serialize(settings);
      request.author = "fuzz";
      auto opened = made.db
                        ->submit<operation_result>(
                            [request](write_context& ctx) { return record_operation(ctx, request); })
                        .get();
      if (!opened && opened.error().code != errc::conflict) std::abort();
    }
    return made;
  }();
  return b;
}

}  // namespace

// The demo books are loaded before the first input, so their seconds (more under the sanitizers on a busy
// machine) do not count against libFuzzer's per-input -timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  the_books();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& b = the_books();
  auto parsed = server::parse_strict_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed || !parsed->is_object()) return 0;
  const auto& body = parsed->as_object();
  server::json_fields fields(body);
  for (const auto& g : b.groups) {
    (void)server::parse_new_group(fields);
    (void)server::parse_new_member(fields, g.id);
    (void)server::parse_period_close(fields, g.id);
    if (auto posting = server::parse_posting(fields, g.id)) {
      posting->author = "fuzz";
      run_and_roll_back(*b.db, [&](write_context& ctx) { return post_entry(ctx, *posting); });
    }
    if (auto request = server::parse_operation_request(body, g.id, g.kind)) {
      request->author = "fuzz";
      request->recorded = "{}";
      run_and_roll_back(*b.db, [&](write_context& ctx) { return record_operation(ctx, *request); });
    }
  }
  return 0;
}
