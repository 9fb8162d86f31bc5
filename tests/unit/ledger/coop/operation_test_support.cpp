#include "tests/unit/ledger/coop/operation_test_support.hpp"

#include "ledger/store/write_context.hpp"

namespace samaki::test {

using namespace samaki::ledger;

result<operation_result> record(ledger_fixture& f, group_id group, std::string type, std::string date,
                                field_map fields) {
  static int key = 0;
  operation_request request{
      group, type, day(date), "", std::move(fields), "{}", "op-" + std::to_string(++key), "tester"};
  return run<operation_result>(*f.db, [request](write_context& w) { return record_operation(w, request); });
}

operation_result must_record(ledger_fixture& f, group_id group, std::string type, std::string date,
                             field_map fields) {
  auto r = record(f, group, type, date, std::move(fields));
  INFO(type << ": " << (r ? std::string("ok") : r.error().message));
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace samaki::test
