#include "ledger/savings/cycle.hpp"

#include "ledger/groups/registry.hpp"

#include <algorithm>

namespace samaki::ledger {
namespace {

constexpr int max_shares_per_meeting = 100;
constexpr int max_loan_multiple = 20;

bool valid_fine_code(std::string_view code) {
  if (code.empty() || code.size() > 32) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

result<int> small_count(const field_reader& f, std::string_view name, int current, int low, int high) {
  auto value = f.optional_integer(name);
  if (!value) return current;
  if (*value < low || *value > high)
    return f.invalid(
        name, errc::bad_request,
        f.path_of(name) + " must be from " + std::to_string(low) + " to " + std::to_string(high));
  return static_cast<int>(*value);
}

result<money> positive_amount(const field_reader& f, std::string_view name, const money& current,
                              bool allow_zero) {
  auto value = f.optional_amount(name, current.currency());
  if (!value) return value.error();
  if (!*value) return current;
  if ((*value)->is_negative() || (!allow_zero && (*value)->is_zero()))
    return f.invalid(name, errc::invalid_amount,
                     f.path_of(name) + (allow_zero ? " cannot be negative" : " must be positive"));
  return **value;
}

}  // namespace

std::string_view meeting_interval_name(meeting_interval interval) {
  switch (interval) {
    case meeting_interval::week: return "week";
    case meeting_interval::two_weeks: return "2weeks";
    case meeting_interval::month: return "month";
  }
  return "week";
}

std::optional<meeting_interval> parse_meeting_interval(std::string_view text) {
  for (auto i : {meeting_interval::week, meeting_interval::two_weeks, meeting_interval::month})
    if (meeting_interval_name(i) == text) return i;
  return std::nullopt;
}

std::int32_t meeting_interval_days(meeting_interval interval) {
  switch (interval) {
    case meeting_interval::week: return 7;
    case meeting_interval::two_weeks: return 14;
    case meeting_interval::month: return 31;
  }
  return 7;
}

const fine_type* cycle_settings::fine(std::string_view code) const {
  for (const auto& f : fines)
    if (f.code == code) return &f;
  return nullptr;
}

const cycle_settings& cycle_info::settings_on(calendar_date day) const {
  const cycle_settings* found = &settings.front();
  for (const auto& s : settings)
    if (s.effective_from <= day) found = &s;
  return *found;
}

std::vector<field_spec> cycle_settings_fields(bool for_new_cycle) {
  std::vector<field_spec> specs;
  specs.insert(specs.end(), {
                                {"share_value", field_type::amount, for_new_cycle},
                                {"min_shares", field_type::integer, false},
                                {"max_shares", field_type::integer, false},
                                {"loan_multiple", field_type::integer, false},
                                {"interest",
                                 field_type::object,
                                 false,
                                 {},
                                 {{"percent_per_month", field_type::text, false},
                                  {"method", field_type::choice, false, {"flat", "declining"}}}},
                                {"social_fund_per_meeting", field_type::amount, false},
                                {"cash_unit", field_type::amount, false},
                                {"meeting_every", field_type::choice, false, {"week", "2weeks", "month"}},
                                {"fines",
                                 field_type::list,
                                 false,
                                 {},
                                 {{"fine",
                                   field_type::object,
                                   true,
                                   {},
                                   {{"code", field_type::text, true},
                                    {"name", field_type::text, true},
                                    {"name_km", field_type::text, false},
                                    {"amount", field_type::amount, true}}}},
                                 "fine"},
                            });
  return specs;
}

cycle_settings default_cycle_settings(const group_info& group, calendar_date start) {
  cycle_settings s;
  s.effective_from = start;
  s.share_value = money::zero(group.currency);
  s.social_fund_per_meeting = money::zero(group.currency);
  // product.md: 100 riel by default; a dollar for dollar groups; else the currency's own cash step.
  std::string_view code = group.currency.code();
  std::int64_t unit = code == "KHR" ? 10000 : code == "USD" ? 100 : group.currency.cash_unit();
  s.cash_unit = money(unit, group.currency);
  return s;
}

result<cycle_settings> read_cycle_settings(const field_reader& f, cycle_settings s) {
  auto share_value = positive_amount(f, "share_value", s.share_value, false);
  if (!share_value) return share_value.error();
  s.share_value = *share_value;
  if (!s.share_value.is_positive())
    return f.invalid("share_value", errc::invalid_amount, "share_value must be positive");
  auto min_shares = small_count(f, "min_shares", s.min_shares, 0, max_shares_per_meeting);
  if (!min_shares) return min_shares.error();
  auto max_shares = small_count(f, "max_shares", s.max_shares, 1, max_shares_per_meeting);
  if (!max_shares) return max_shares.error();
  if (*min_shares > *max_shares)
    return f.invalid("min_shares", errc::bad_request, "min_shares cannot be more than max_shares");
  s.min_shares = *min_shares;
  s.max_shares = *max_shares;
  auto multiple = small_count(f, "loan_multiple", s.loan_multiple, 0, max_loan_multiple);
  if (!multiple) return multiple.error();
  s.loan_multiple = *multiple;
  if (auto interest = f.object("interest")) {
    if (auto percent = interest->optional_text("percent_per_month")) {
      auto rate = monthly_rate::parse(*percent);
      if (!rate)
        return interest->invalid(
            "percent_per_month", errc::bad_request,
            "interest.percent_per_month must be a percentage from 0 to 100, e.g. \"2\" or \"2.5\"");
      s.interest = *rate;
    }
    if (auto method = interest->optional_text("method")) s.method = *parse_interest_method(*method);
  }
  auto social = positive_amount(f, "social_fund_per_meeting", s.social_fund_per_meeting, true);
  if (!social) return social.error();
  s.social_fund_per_meeting = *social;
  auto unit = positive_amount(f, "cash_unit", s.cash_unit, false);
  if (!unit) return unit.error();
  s.cash_unit = *unit;
  if (auto every = f.optional_text("meeting_every")) s.meeting_every = *parse_meeting_interval(*every);
  if (f.has("fines")) {
    s.fines.clear();
    for (const auto& fine : f.objects("fines")) {
      auto code = fine.text("code");
      if (!valid_fine_code(code))
        return fine.invalid("code", errc::bad_request,
                            "a fine code is 1-32 characters of a-z, 0-9, '_' or '-'");
      if (s.fine(code))
        return fine.invalid("code", errc::bad_request, "fine code '" + code + "' is given twice");
      auto name = fine.text("name");
      if (auto ok = check_name(name, fine.path_of("name")); !ok) return ok.error();
      auto amount = fine.amount("amount", s.share_value.currency());
      if (!amount) return amount.error();
      if (!amount->is_positive())
        return fine.invalid("amount", errc::invalid_amount, "a fine must be positive");
      s.fines.push_back(fine_type{code, name, fine.optional_text("name_km").value_or(""), *amount});
    }
  }
  return s;
}

}  // namespace samaki::ledger
