// Child process of the crash test: posts entries from several threads until it is killed, writing
// each idempotency key to stdout only after the store said the entry was committed.
// Usage: crash_poster DB GROUP_ID MEMBER_ID KEY_PREFIX
#include "ledger/journal/posting.hpp"
#include "ledger/store/store.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace samaki::ledger;

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: crash_poster DB GROUP_ID MEMBER_ID KEY_PREFIX\n");
    return 2;
  }
  store db(store_options{argv[1]});
  group_id group{std::stoll(argv[2])};
  member_id member{std::stoll(argv[3])};
  std::string prefix = argv[4];
  std::atomic<long> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (;;) {
        long n = next++;
        posting p;
        p.group = group;
        p.date = calendar_date::from_ymd(2026, 1, 1);
        p.memo = "crash test " + std::to_string(n);
        std::string amount = std::to_string(100 + n % 900);
        p.lines = {posting_line{"1010", std::nullopt, side::debit, amount, ""},
                   posting_line{"3010", member, side::credit, amount, ""}};
        p.idempotency_key = prefix + std::to_string(n);
        p.author = "crash";
        auto r = db.submit<posted>([p](write_context& ctx) { return post_entry(ctx, p); }).get();
        if (!r) {
          std::fprintf(stderr, "posting failed: %s\n", r.error().message.c_str());
          std::_Exit(3);
        }
        // One write(2) per line so lines from several threads never interleave.
        std::string line = p.idempotency_key + "\n";
        if (::write(1, line.data(), line.size()) < 0) std::_Exit(4);
      }
    });
  }
  for (auto& t : threads) t.join();
}
