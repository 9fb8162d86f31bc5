#include "ledger/coop/appropriation_fields.hpp"

namespace samaki::ledger {
namespace {

field_value text(std::string s) {
  return field_value{std::move(s)};
}

}  // namespace

field_map bylaws_fields_of(const bylaws& b) {
  return {{"effective_from", text(b.effective_from.to_string())},
          {"reserve_percent", text(b.reserve.text())},
          {"education_percent", text(b.education.text())},
          {"dividend_cap_percent", text(b.dividend_cap.text())},
          {"patronage_percent", text(b.patronage.text())},
          {"patronage_cash_percent", text(b.patronage_cash.text())},
          {"cash_unit", text(b.cash_unit.amount_text())},
          {"operation_id", b.operation ? field_value{b.operation->value} : field_value{}}};
}

field_map appropriation_fields(const appropriation_sheet& s) {
  field_list members;
  for (const auto& m : s.members)
    members.push_back(field_value{field_map{{"member_id", field_value{m.member.value}},
                                            {"share_capital", text(m.share_capital.amount_text())},
                                            {"dividend", text(m.dividend.amount_text())},
                                            {"business", text(m.business.amount_text())},
                                            {"refund", text(m.refund.amount_text())},
                                            {"refund_cash", text(m.refund_cash.amount_text())},
                                            {"refund_retained", text(m.refund_retained.amount_text())}}});
  return {{"year", field_value{std::int64_t{s.year}}},
          {"currency", text(std::string(s.surplus.currency_code()))},
          {"surplus", text(s.surplus.amount_text())},
          {"dividend_percent", text(s.dividend_percent.text())},
          {"bylaws", field_value{bylaws_fields_of(s.rules)}},
          {"reserve", text(s.reserve.amount_text())},
          {"education", text(s.education.amount_text())},
          {"dividends", text(s.dividends.amount_text())},
          {"patronage_pool", text(s.patronage_pool.amount_text())},
          {"refunds", text(s.refunds.amount_text())},
          {"total", text(s.total.amount_text())},
          {"left_over", text(s.left_over.amount_text())},
          {"total_business", text(s.total_business.amount_text())},
          {"members", field_value{std::move(members)}}};
}

}  // namespace samaki::ledger
