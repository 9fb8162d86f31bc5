#pragma once
// For unit tests that record operations of cooperatives and committees on a real store (the ledger_fixture).
#include "ledger/operations/operation.hpp"
#include "tests/unit/ledger/store/store_test_support.hpp"

#include <string>

namespace samaki::test {

inline ledger::field_value text(std::string s) {
  return ledger::field_value{std::move(s)};
}

// Records the operation under a fresh Idempotency-Key, as "tester".
ledger::result<ledger::operation_result> record(ledger_fixture& f, ledger::group_id group, std::string type,
                                                std::string date, ledger::field_map fields);
// The same, which must succeed (a failed REQUIRE names the type and the error).
ledger::operation_result must_record(ledger_fixture& f, ledger::group_id group, std::string type,
                                     std::string date, ledger::field_map fields);

}  // namespace samaki::test
