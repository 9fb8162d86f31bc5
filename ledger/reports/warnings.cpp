#include "ledger/reports/warnings.hpp"

#include "ledger/int128.hpp"
#include "ledger/operations/cash_rules.hpp"
#include "ledger/reports/verify.hpp"
#include "ledger/store/rows.hpp"
#include "ledger/store/savings_records.hpp"

#include <map>

namespace samaki::ledger {
namespace {

warning_figure text(std::string name, std::string value) {
  return {std::move(name), std::move(value), false};
}

warning_figure count(std::string name, std::int64_t value) {
  return {std::move(name), std::to_string(value), true};
}

void cash_negative(const warning_inputs& in, std::vector<group_warning>& out) {
  for (const auto& a : in.accounts)
    if (holds_cash(a.account) && a.balance.is_negative())
      out.push_back({warning_code::cash_negative,
                     {text("account", a.account.code), text("balance", a.balance.amount_text()),
                      text("currency", std::string(a.balance.currency_code()))}});
}

// Principal owed per member against loan_multiple × their shares, under the settings in force today.
void loan_above_limit(sqlite::connection& db, const warning_inputs& in, std::vector<group_warning>& out) {
  if (in.group.kind != group_kind::savings_group || !in.portfolio) return;
  auto cycle = open_cycle(db, in.group.id);
  if (!cycle) return;
  const auto& settings = cycle->settings_on(std::max(in.today, cycle->start));
  std::map<std::int64_t, money> owed;
  for (const auto& [loan, position] : in.portfolio->loans) {
    auto [it, fresh] = owed.try_emplace(loan.member.value, position.outstanding);
    if (!fresh) it->second = plus(it->second, position.outstanding);
  }
  if (owed.empty()) return;
  std::map<std::int64_t, money> shares;
  for (const auto& a : in.accounts)
    if (a.account.code == "3010" && a.account.member_ledger)
      for (const auto& m : member_balances(db, a.account)) shares.emplace(m.member.value, m.balance);
  for (const auto& [member, outstanding] : owed) {
    auto saved = shares.count(member) ? shares.at(member).minor() : 0;
    int128 limit = int128(saved) * settings.loan_multiple;
    if (int128(outstanding.minor()) <= limit) continue;
    out.push_back(
        {warning_code::loan_above_limit,
         {count("member_id", member), text("outstanding", outstanding.amount_text()),
          text("shares", money(saved, outstanding.currency()).amount_text()),
          count("loan_multiple", settings.loan_multiple),
          text("limit", money(static_cast<std::int64_t>(limit), outstanding.currency()).amount_text()),
          text("currency", std::string(outstanding.currency_code()))}});
  }
}

void loans_in_arrears(const warning_inputs& in, std::vector<group_warning>& out) {
  const auto* p = in.portfolio;
  if (!p || p->par30 == "0.0000") return;
  std::int64_t late = 0;
  for (const auto& [loan, position] : p->loans)
    if (position.days_in_arrears > 30) ++late;
  auto late_balance = plus(plus(p->days_31_60, p->days_61_90), p->over_90);
  out.push_back(
      {warning_code::loans_in_arrears,
       {text("par30", p->par30), count("loans", late), text("late_balance", late_balance.amount_text()),
        text("outstanding", p->outstanding.amount_text()),
        text("currency", std::string(p->currency.code()))}});
}

void journal_habits(const warning_inputs& in, const warning_rules& rules, std::vector<group_warning>& out) {
  const auto& a = in.activity;
  if (a.recent_reversals > 0)
    out.push_back({warning_code::reversals,
                   {count("recent", a.recent_reversals), count("days", rules.recent_days),
                    count("total", a.reversals)}});
  if (a.recent_back_dated > 0)
    out.push_back({warning_code::back_dated_entries,
                   {count("recent", a.recent_back_dated), count("days", rules.recent_days),
                    count("total", a.back_dated), count("tolerance_days", rules.back_dated_days),
                    count("last_seq", a.last_back_dated_seq.value_or(0))}});
}

void meeting_overdue(sqlite::connection& db, const warning_inputs& in, const warning_rules& rules,
                     std::vector<group_warning>& out) {
  if (in.group.kind != group_kind::savings_group) return;
  auto cycle = open_cycle(db, in.group.id);
  if (!cycle || cycle->start > in.today) return;
  const auto allowed =
      meeting_interval_days(cycle->settings_on(in.today).meeting_every) + rules.meeting_grace_days;
  const auto window_start = std::max(cycle->start, in.today.plus_days(-allowed));
  // Only a group that has not met lately reads back to the cycle's start for its last meeting.
  if (!load_meetings(db, in.group.id, window_start, in.today).empty()) return;
  if (days_between(cycle->start, in.today) <= allowed) return;
  auto meetings = load_meetings(db, in.group.id, cycle->start, in.today);
  auto last = meetings.empty() ? cycle->start : meetings.back().date;
  out.push_back({warning_code::meeting_overdue,
                 {text("last_meeting", meetings.empty() ? std::string() : last.to_string()),
                  text("since", last.to_string()), count("days", days_between(last, in.today)),
                  count("allowed_days", allowed),
                  text("meeting_every",
                       std::string(meeting_interval_name(cycle->settings_on(in.today).meeting_every)))}});
}

void seals(sqlite::connection& db, const warning_inputs& in, std::vector<group_warning>& out) {
  auto periods = load_periods(db, in.group.id);
  if (periods.empty()) return;
  std::vector<std::string> codes;
  for (const auto& p : periods) codes.push_back(p.seal_code);
  auto checked = verify_chain_seals(db, in.group.id, codes);
  for (std::size_t i = 0; i < periods.size(); ++i) {
    if (checked.seals_ok[i]) continue;
    const auto& p = periods[i];
    std::vector<warning_figure> figures{count("period_id", p.id.value),
                                        text("through", p.through.to_string()),
                                        text("kind", std::string(period_kind_name(p.kind))),
                                        text("seal", p.seal_code), count("head_seq", p.head_seq)};
    if (checked.chain.first_bad_seq) figures.push_back(count("first_bad_seq", *checked.chain.first_bad_seq));
    out.push_back({warning_code::seal_broken, std::move(figures)});
  }
}

}  // namespace

bool lends(group_kind kind) {
  return kind == group_kind::savings_group || kind == group_kind::agri_cooperative;
}

std::vector<group_warning> warnings_from(sqlite::connection& db, const warning_inputs& in,
                                         const warning_rules& rules) {
  std::vector<group_warning> out;
  cash_negative(in, out);
  loan_above_limit(db, in, out);
  loans_in_arrears(in, out);
  journal_habits(in, rules, out);
  meeting_overdue(db, in, rules, out);
  seals(db, in, out);
  return out;
}

std::vector<group_warning> group_warnings(sqlite::connection& db, const group_info& group,
                                          calendar_date today, const warning_rules& rules) {
  sqlite::read_snapshot snapshot(db);
  auto accounts = list_accounts(db, group.id);
  std::optional<loan_portfolio> portfolio;
  if (lends(group.kind)) portfolio = portfolio_at(db, group, today);
  auto activity =
      journal_activity_of(db, group.id, today.plus_days(-rules.recent_days), rules.back_dated_days);
  return warnings_from(db, {group, today, accounts, portfolio ? &*portfolio : nullptr, activity}, rules);
}

}  // namespace samaki::ledger
