#pragma once
// What the scale generator's output must satisfy: the ledger's verify passes over every group (hash
// chains, sequences, balanced entries, running balances) and every group's trial balance is zero in each
// currency.
#include "ledger/store/sqlite.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace samaki::bench {

struct books_checked {
  std::int64_t groups = 0;
  std::vector<std::string> problems;  // for people, one a line; empty when everything holds
};

// `checked` is told after each group's chain (for a progress bar): how many of how many.
books_checked check_books(ledger::sqlite::connection& db,
                          const std::function<void(std::int64_t, std::int64_t)>& checked = {});

}  // namespace samaki::bench
