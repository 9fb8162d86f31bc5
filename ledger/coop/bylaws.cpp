#include "ledger/coop/bylaws.hpp"

namespace samaki::ledger {
namespace {

result<percent> percent_field(const field_reader& f, std::string_view name, percent current) {
  auto text = f.optional_text(name);
  if (!text) return current;
  auto value = percent::parse(*text);
  if (!value)
    return f.invalid(name, errc::bad_request,
                     std::string(name) + " must be a percentage from 0 to 100, e.g. \"10\" or \"2.5\"");
  return *value;
}

}  // namespace

bylaws default_bylaws(const group_info& group) {
  bylaws b;
  b.effective_from = calendar_date::from_ymd(1900, 1, 1);
  b.cash_unit = money(group.cash_unit, group.currency);
  return b;
}

std::vector<field_spec> bylaws_fields() {
  return {{"reserve_percent", field_type::text},        {"education_percent", field_type::text},
          {"dividend_cap_percent", field_type::text},   {"patronage_percent", field_type::text},
          {"patronage_cash_percent", field_type::text}, {"cash_unit", field_type::amount}};
}

result<bylaws> read_bylaws(const field_reader& f, bylaws b) {
  for (auto [name, target] :
       {std::pair{"reserve_percent", &b.reserve}, std::pair{"education_percent", &b.education},
        std::pair{"dividend_cap_percent", &b.dividend_cap}, std::pair{"patronage_percent", &b.patronage},
        std::pair{"patronage_cash_percent", &b.patronage_cash}}) {
    auto value = percent_field(f, name, *target);
    if (!value) return value.error();
    *target = *value;
  }
  if (b.reserve.e4 + b.education.e4 + b.patronage.e4 > 100 * 10000)
    return f.invalid("patronage_percent", errc::bad_request,
                     "the reserve, education and patronage shares add up to more than 100 %");
  auto unit = f.optional_amount("cash_unit", b.cash_unit.currency());
  if (!unit) return unit.error();
  if (*unit) {
    if (!(*unit)->is_positive())
      return f.invalid("cash_unit", errc::invalid_amount, "cash_unit must be positive");
    b.cash_unit = **unit;
  }
  return b;
}

bylaws bylaws_on(const std::vector<bylaws>& history, const group_info& group, calendar_date day) {
  const bylaws* found = nullptr;
  for (const auto& b : history)
    if (b.effective_from <= day) found = &b;
  return found ? *found : default_bylaws(group);
}

}  // namespace samaki::ledger
