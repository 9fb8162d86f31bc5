// Request bodies into ledger commands (declared in ledger_json.hpp).
#include "ledger/journal/posting.hpp"
#include "ledger/money.hpp"
#include "ledger/store/rows.hpp"
#include "server/json/ledger_json.hpp"

namespace samaki::server {
namespace {

using ledger::errc;

ledger::error bad_field(const json_fields& body, std::string_view name, const std::string& message) {
  const std::string field = body.field_path(name);
  return ledger::error(errc::bad_request, "\"" + field + "\" " + message, {{"field", field}});
}

// An optional string field, "" when absent.
ledger::result<std::string> text_or_empty(const json_fields& body, std::string_view name) {
  auto value = body.optional_string(name);
  if (!value) return value.error();
  return value->value_or(std::string());
}

ledger::result<ledger::calendar_date> required_date(const json_fields& body, std::string_view name) {
  auto text = body.required_string(name);
  if (!text) return text.error();
  return ledger::calendar_date::parse_field(*text, body.field_path(name));
}

ledger::result<std::optional<ledger::calendar_date>> optional_date(const json_fields& body,
                                                                   std::string_view name) {
  auto text = body.optional_string(name);
  if (!text) return text.error();
  if (!*text) return std::optional<ledger::calendar_date>();
  auto date = ledger::calendar_date::parse_field(**text, body.field_path(name));
  if (!date) return date.error();
  return std::optional<ledger::calendar_date>(*date);
}

template <class Id>
ledger::result<std::optional<Id>> optional_strong_id(const json_fields& body, std::string_view name) {
  auto id = body.optional_id(name);
  if (!id) return id.error();
  if (!*id) return std::optional<Id>();
  return std::optional<Id>(Id{**id});
}

ledger::result<ledger::posting_line> parse_line(const json_fields& line) {
  if (auto known = line.only({"account", "debit", "credit", "member_id", "memo"}); !known)
    return known.error();
  ledger::posting_line out;
  auto account = line.required_string("account");
  if (!account) return account.error();
  out.account = std::move(*account);
  auto debit = line.optional_string("debit");
  if (!debit) return debit.error();
  auto credit = line.optional_string("credit");
  if (!credit) return credit.error();
  // A line moves money one way; both or neither is a malformed request, not a ledger rule.
  if (debit->has_value() == credit->has_value())
    return bad_field(line, "debit", "or \"" + line.field_path("credit") + "\": exactly one is needed");
  out.side = debit->has_value() ? ledger::side::debit : ledger::side::credit;
  out.amount = debit->has_value() ? std::move(**debit) : std::move(**credit);
  auto member = optional_strong_id<ledger::member_id>(line, "member_id");
  if (!member) return member.error();
  out.member = *member;
  auto memo = text_or_empty(line, "memo");
  if (!memo) return memo.error();
  out.memo = std::move(*memo);
  return out;
}

ledger::result<ledger::balance_expectation> parse_expectation(const json_fields& x) {
  if (auto known = x.only({"account", "member_id", "balance"}); !known) return known.error();
  ledger::balance_expectation out;
  auto account = x.required_string("account");
  if (!account) return account.error();
  out.account = std::move(*account);
  auto member = optional_strong_id<ledger::member_id>(x, "member_id");
  if (!member) return member.error();
  out.member = *member;
  auto balance = x.required_string("balance");
  if (!balance) return balance.error();
  out.balance = std::move(*balance);
  return out;
}

}  // namespace

ledger::result<ledger::new_group> parse_new_group(const json_fields& body) {
  if (auto known = body.only(
          {"name", "name_km", "kind", "currency", "cash_unit", "province", "district", "commune", "village"});
      !known)
    return known.error();
  ledger::new_group g;
  auto name = body.required_string("name");
  if (!name) return name.error();
  g.name = std::move(*name);
  auto kind = body.required_string("kind");
  if (!kind) return kind.error();
  const auto parsed_kind = ledger::parse_kind(*kind);
  if (!parsed_kind) return bad_field(body, "kind", "must be savings_group, agri_cooperative or joint_task");
  g.kind = *parsed_kind;
  auto currency = body.required_string("currency");
  if (!currency) return currency.error();
  g.currency = std::move(*currency);
  auto cash_unit = body.optional_string("cash_unit");
  if (!cash_unit) return cash_unit.error();
  if (*cash_unit) {
    const auto info = ledger::find_currency(g.currency);
    if (!info) return bad_field(body, "currency", "is not a supported currency");
    auto minor = ledger::parse_amount(**cash_unit, *info);
    if (!minor) return ledger::error(errc::invalid_amount, minor.error().message, {{"field", "cash_unit"}});
    g.cash_unit = *minor;
  }
  for (auto [field, target] : {std::pair{"name_km", &g.name_km}, std::pair{"province", &g.province},
                               std::pair{"district", &g.district}, std::pair{"commune", &g.commune},
                               std::pair{"village", &g.village}}) {
    auto value = text_or_empty(body, field);
    if (!value) return value.error();
    *target = std::move(*value);
  }
  return g;
}

ledger::result<ledger::new_member> parse_new_member(const json_fields& body, ledger::group_id group) {
  if (auto known = body.only({"name", "name_km", "phone", "gender", "joined_on", "family_name", "given_name",
                              "family_name_km", "given_name_km"});
      !known)
    return known.error();
  ledger::new_member m;
  m.group = group;
  // `name` may be left out when the parts are given (add_member makes it from them, or says it is required).
  for (auto [field, target] :
       {std::pair{"name", &m.name}, std::pair{"name_km", &m.name_km}, std::pair{"phone", &m.phone},
        std::pair{"gender", &m.gender}, std::pair{"family_name", &m.parts.family},
        std::pair{"given_name", &m.parts.given}, std::pair{"family_name_km", &m.parts.family_km},
        std::pair{"given_name_km", &m.parts.given_km}}) {
    auto value = text_or_empty(body, field);
    if (!value) return value.error();
    *target = std::move(*value);
  }
  auto joined_on = optional_date(body, "joined_on");
  if (!joined_on) return joined_on.error();
  m.joined_on = *joined_on;
  return m;
}

ledger::result<ledger::new_account> parse_new_account(const json_fields& body, ledger::group_id group) {
  if (auto known = body.only({"code", "name", "name_km", "type", "currency", "member_ledger"}); !known)
    return known.error();
  ledger::new_account a;
  a.group = group;
  auto code = body.required_string("code");
  if (!code) return code.error();
  a.code = std::move(*code);
  auto name = body.required_string("name");
  if (!name) return name.error();
  a.name = std::move(*name);
  auto name_km = text_or_empty(body, "name_km");
  if (!name_km) return name_km.error();
  a.name_km = std::move(*name_km);
  auto type = body.required_string("type");
  if (!type) return type.error();
  const auto parsed_type = ledger::parse_type(*type);
  if (!parsed_type) return bad_field(body, "type", "must be asset, liability, equity, income or expense");
  a.type = *parsed_type;
  auto currency = body.optional_string("currency");
  if (!currency) return currency.error();
  a.currency = std::move(*currency);
  auto member_ledger = body.optional_bool("member_ledger");
  if (!member_ledger) return member_ledger.error();
  a.member_ledger = member_ledger->value_or(false);
  return a;
}

ledger::result<ledger::posting> parse_posting(const json_fields& body, ledger::group_id group) {
  if (auto known = body.only({"date", "memo", "lines", "expect"}); !known) return known.error();
  ledger::posting p;
  p.group = group;
  auto date = required_date(body, "date");
  if (!date) return date.error();
  p.date = *date;
  auto memo = text_or_empty(body, "memo");
  if (!memo) return memo.error();
  p.memo = std::move(*memo);
  auto lines = body.required_object_array("lines");
  if (!lines) return lines.error();
  // Bounded before reading, so a huge array is refused without building every line.
  if (lines->size() > ledger::max_lines_per_entry)
    return bad_field(body, "lines",
                     "holds more than " + std::to_string(ledger::max_lines_per_entry) + " lines");
  for (const auto& line : *lines) {
    auto parsed = parse_line(line);
    if (!parsed) return parsed.error();
    p.lines.push_back(std::move(*parsed));
  }
  auto expect = body.optional_object_array("expect");
  if (!expect) return expect.error();
  for (const auto& x : *expect) {
    auto parsed = parse_expectation(x);
    if (!parsed) return parsed.error();
    p.expect.push_back(std::move(*parsed));
  }
  return p;
}

ledger::result<ledger::reversal> parse_reversal(const json_fields& body, ledger::group_id group,
                                                ledger::entry_id original) {
  if (auto known = body.only({"date", "memo"}); !known) return known.error();
  ledger::reversal r;
  r.group = group;
  r.original = original;
  auto date = optional_date(body, "date");
  if (!date) return date.error();
  r.date = *date;
  auto memo = body.optional_string("memo");
  if (!memo) return memo.error();
  if (*memo && (*memo)->size() > ledger::max_memo_bytes) return bad_field(body, "memo", "is too long");
  r.memo = std::move(*memo);
  return r;
}

ledger::result<ledger::period_close> parse_period_close(const json_fields& body, ledger::group_id group) {
  if (auto known = body.only({"through", "kind"}); !known) return known.error();
  ledger::period_close p;
  p.group = group;
  auto through = required_date(body, "through");
  if (!through) return through.error();
  p.through = *through;
  auto kind = body.required_string("kind");
  if (!kind) return kind.error();
  const auto parsed_kind = ledger::parse_period_kind(*kind);
  if (!parsed_kind) return bad_field(body, "kind", "must be month, year or cycle");
  p.kind = *parsed_kind;
  return p;
}

ledger::result<ledger::period_reopening> parse_period_reopening(const json_fields& body,
                                                                ledger::group_id group,
                                                                ledger::period_id period) {
  if (auto known = body.only({"reason"}); !known) return known.error();
  auto reason = body.required_string("reason");
  if (!reason) return reason.error();
  return ledger::period_reopening{group, period, std::move(*reason), ""};
}

ledger::result<ledger::account_closing> parse_account_closing(const json_fields& body, ledger::group_id group,
                                                              std::string code) {
  if (auto known = body.only({"closed_on"}); !known) return known.error();
  auto closed_on = optional_date(body, "closed_on");
  if (!closed_on) return closed_on.error();
  return ledger::account_closing{group, std::move(code), *closed_on, ""};
}

}  // namespace samaki::server
