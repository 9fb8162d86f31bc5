#include "ledger/reports/savings/savings_reports.hpp"

#include "ledger/reports/savings/ratio.hpp"
#include "ledger/store/book_reads.hpp"
#include "ledger/store/rows.hpp"

#include <algorithm>
#include <map>

namespace samaki::ledger {
namespace {

// The net of an account's lines: credits less debits (what an income, equity or liability account gains).
std::int64_t credit_change(side direction, std::int64_t amount) {
  return direction == side::credit ? amount : -amount;
}

std::int64_t raw_total(const std::vector<account_info>& accounts, const raw_balances& balances,
                       std::string_view code) {
  for (const auto& a : accounts) {
    if (a.code != code) continue;
    std::int64_t sum = 0;
    for (auto it = balances.lower_bound({a.id.value, INT64_MIN});
         it != balances.end() && it->first.first == a.id.value; ++it)
      sum += it->second;
    return sum;
  }
  return 0;
}

std::int64_t raw_of_member(const std::vector<account_info>& accounts, const raw_balances& balances,
                           std::string_view code, member_id member) {
  for (const auto& a : accounts)
    if (a.code == code)
      if (auto it = balances.find({a.id.value, member.value}); it != balances.end()) return it->second;
  return 0;
}

bool active_on(const member_info& m, calendar_date day) {
  if (m.joined_on && *m.joined_on > day) return false;
  return !m.left_on || *m.left_on > day;
}

bool is_woman(const member_info& m) {
  std::string g;
  for (char c : m.gender) g += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return g == "female" || g == "f" || g == "woman" || g == "w";
}

}  // namespace

result<cycle_info> report_cycle(sqlite::connection& db, group_id group, std::optional<cycle_id> asked) {
  if (asked) {
    auto cycle = load_cycle(db, *asked);
    if (!cycle || cycle->group != group) return error(errc::not_found, "no such cycle", {{"field", "cycle"}});
    return std::move(*cycle);
  }
  if (auto open = open_cycle(db, group)) return std::move(*open);
  auto all = load_cycles(db, group);
  if (all.empty()) return error(errc::not_found, "the group has no cycle yet", {{"rule", "no_open_cycle"}});
  return std::move(all.back());
}

result<passbook> member_passbook(sqlite::connection& db, group_id group, member_id member,
                                 std::optional<cycle_id> asked) {
  sqlite::read_snapshot snapshot(db);
  auto info = load_member(db, member);
  if (!info || info->group != group) return error(errc::not_found, "no such member");
  auto cycle = report_cycle(db, group, asked);
  if (!cycle) return cycle.error();
  const auto currency = cycle->settings.front().share_value.currency();
  const auto zero = money::zero(currency);
  const auto start = cycle->start;
  const auto end = cycle->closed_on;

  // Where the member stood the day before the cycle began (shares reinvested from the last cycle, loans).
  auto accounts = load_accounts(db, group);
  auto opening = balances_as_of(db, group, start.plus_days(-1));
  auto savings = money(-raw_of_member(accounts, opening, "3010", member), currency);
  auto outstanding = money(raw_of_member(accounts, opening, "1100", member), currency);
  int shares_total = 0;

  auto empty_row = [&](calendar_date date) {
    passbook_row row{date, std::nullopt, "",   std::nullopt, 0,    0,    zero, zero,
                     zero, zero,         zero, zero,         zero, zero, zero};
    return row;
  };
  std::map<std::pair<std::string, std::int64_t>, passbook_row> rows;  // by (date, operation or entry)
  auto row_for = [&](calendar_date date, std::optional<operation_id> op, entry_id entry) -> passbook_row& {
    auto key = std::make_pair(date.to_string(), op ? op->value : -entry.value);
    auto it = rows.find(key);
    if (it == rows.end()) {
      it = rows.emplace(key, empty_row(date)).first;
      it->second.operation = op;
    }
    return it->second;
  };
  for (const auto& meeting : load_meetings(db, group, start, end)) {
    auto status = meeting.members.find(member.value);
    if (status == meeting.members.end()) continue;
    auto& row = row_for(meeting.date, meeting.meeting, entry_id{});
    row.operation_type = "meeting";
    row.attendance = status->second;
  }
  std::map<std::int64_t, int> shares_of_operation;
  for (const auto& p : load_share_purchases(db, cycle->id, member)) {
    if (p.date < start)
      shares_total += p.shares;  // bought for this cycle at the last share-out
    else
      shares_of_operation[p.operation.value] += p.shares;
  }
  for (const auto& l : member_lines(db, group, member, start, end)) {
    if (l.undone) continue;
    auto& row = row_for(l.date, l.operation, l.entry);
    if (row.operation_type.empty()) row.operation_type = l.operation_type;
    money amount(l.amount, currency);
    const bool credit = l.direction == side::credit;
    if (l.account == "3010") {
      row.savings = credit ? plus(row.savings, amount) : minus(row.savings, amount);
    } else if (l.account == "3030") {
      if (credit)
        row.social_fund = plus(row.social_fund, amount);
      else
        row.grant = plus(row.grant, amount);
    } else if (l.account == "4020") {
      row.fines = credit ? plus(row.fines, amount) : minus(row.fines, amount);
    } else if (l.account == "4010") {
      row.repaid_interest = credit ? plus(row.repaid_interest, amount) : minus(row.repaid_interest, amount);
    } else if (l.account == "1100") {
      if (!credit)
        row.loan_taken = plus(row.loan_taken, amount);
      else if (l.operation_type == "loan_write_off")
        row.written_off = plus(row.written_off, amount);
      else
        row.repaid_principal = plus(row.repaid_principal, amount);
    }
  }

  passbook out{std::move(*info), std::move(*cycle), {}, empty_row(start)};
  auto& totals = out.totals;
  for (auto& [key, row] : rows) {
    if (row.operation) row.shares_bought = shares_of_operation[row.operation->value];
    shares_total += row.shares_bought;
    row.shares_total = shares_total;
    // `savings` held the row's movement on 3010; it becomes the member's savings after the row.
    auto moved = row.savings;
    savings = plus(savings, moved);
    row.savings = savings;
    outstanding = minus(plus(outstanding, row.loan_taken), plus(row.repaid_principal, row.written_off));
    row.loan_outstanding = outstanding;
    totals.shares_bought += row.shares_bought;
    for (auto [total, value] :
         {std::pair{&totals.social_fund, &row.social_fund}, std::pair{&totals.fines, &row.fines},
          std::pair{&totals.loan_taken, &row.loan_taken},
          std::pair{&totals.repaid_principal, &row.repaid_principal},
          std::pair{&totals.repaid_interest, &row.repaid_interest}, std::pair{&totals.grant, &row.grant},
          std::pair{&totals.written_off, &row.written_off}})
      *total = plus(*total, *value);
    out.rows.push_back(row);
  }
  totals.date = out.rows.empty() ? start : out.rows.back().date;
  totals.shares_total = shares_total;
  totals.savings = savings;
  totals.loan_outstanding = outstanding;
  return out;
}

loan_portfolio portfolio_at(sqlite::connection& db, const group_info& group, calendar_date as_of) {
  sqlite::read_snapshot snapshot(db);
  loan_filter filter{group.id, std::nullopt, std::nullopt};
  if (group.kind == group_kind::savings_group)
    if (auto cycle = cycle_on(db, group.id, as_of)) filter.cycle = cycle->id;
  return portfolio_of(load_loans(db, filter), group.currency, as_of, filter.cycle);
}

loan_portfolio portfolio_of(const std::vector<loan_record>& loans, iso_currency currency, calendar_date as_of,
                            std::optional<cycle_id> cycle) {
  const auto zero = money::zero(currency);
  loan_portfolio p{as_of, currency, {}, zero, zero, zero, zero, zero, zero, "0.0000", "0.0000", zero, cycle};
  money late30 = zero, late_any = zero;
  for (const auto& loan : loans) {
    if (loan.terms.disbursed_on > as_of) continue;
    auto position = position_at(loan, as_of);
    p.written_off = plus(p.written_off, position.written_off);
    if (position.status != loan_status::open) continue;
    p.outstanding = plus(p.outstanding, position.outstanding);
    auto days = position.days_in_arrears;
    auto& bucket = days == 0    ? p.current
                   : days <= 30 ? p.days_1_30
                   : days <= 60 ? p.days_31_60
                   : days <= 90 ? p.days_61_90
                                : p.over_90;
    bucket = plus(bucket, position.outstanding);
    if (days > 30) late30 = plus(late30, position.outstanding);
    if (days > 0) late_any = plus(late_any, position.outstanding);
    p.loans.emplace_back(loan, position);
  }
  p.par30 = ratio_text(late30.minor(), p.outstanding.minor());
  p.par_any = ratio_text(late_any.minor(), p.outstanding.minor());
  return p;
}

share_out_sheet share_out_preview(sqlite::connection& db, const group_info& group, calendar_date as_of) {
  sqlite::read_snapshot snapshot(db);
  auto unit = money(group.cash_unit, group.currency);
  if (auto cycle = cycle_on(db, group.id, as_of)) unit = cycle->settings_on(as_of).cash_unit;
  return compute_share_out(load_accounts(db, group.id), balances_as_of(db, group.id, as_of), unit, as_of);
}

result<cycle_summary> summary_of_cycle(sqlite::connection& db, const group_info& group,
                                       std::optional<cycle_id> asked, calendar_date today) {
  sqlite::read_snapshot snapshot(db);
  auto cycle = report_cycle(db, group.id, asked);
  if (!cycle) return cycle.error();
  const auto currency = group.currency;
  const auto zero = money::zero(currency);
  const auto as_of = cycle->closed_on ? *cycle->closed_on : std::max(today, cycle->start);
  cycle_summary s;
  s.cycle = std::move(*cycle);
  s.as_of = as_of;
  s.currency = currency;
  const auto start = s.cycle.start;

  for (const auto& m : load_group_members(db, group.id)) {
    if (active_on(m, as_of)) {
      ++s.members_registered;
      if (is_woman(m)) ++s.women;
    }
    if (m.joined_on && *m.joined_on >= start && *m.joined_on <= as_of) ++s.joined;
    if (m.left_on && *m.left_on >= start && *m.left_on <= as_of) ++s.left;
  }
  std::int64_t attended = 0, expected = 0;
  for (const auto& meeting : load_meetings(db, group.id, start, as_of)) {
    ++s.meetings_held;
    for (const auto& [member, status] : meeting.members) {
      ++expected;
      if (status != attendance::absent) ++attended;
    }
  }
  s.attendance_rate = ratio_text(attended, expected);

  // Where the books stood at the end of the cycle (or today).
  auto accounts = load_accounts(db, group.id);
  auto balances = balances_as_of(db, group.id, as_of);
  auto balance = [&](std::string_view code) { return raw_total(accounts, balances, code); };
  s.savings = money(-balance("3010"), currency);
  s.loan_fund_cash = money(balance("1010"), currency);
  s.social_fund_cash = money(balance("1020"), currency);
  s.bank = money(balance("1030"), currency);
  s.social_fund_held = money(-balance("3030"), currency);
  std::int64_t assets = 0;
  for (const auto& a : accounts)
    if (a.type == account_type::asset && a.currency == currency)
      assets += raw_total(accounts, balances, a.code);

  auto portfolio = portfolio_at(db, group, as_of);
  s.loans_outstanding_number = static_cast<int>(portfolio.loans.size());
  s.loans_outstanding_value = portfolio.outstanding;
  s.late_loan_balance = minus(portfolio.outstanding, portfolio.current);
  s.par30 = portfolio.par30;
  s.write_offs = portfolio.written_off;
  s.loan_fund_use = ratio_text(portfolio.outstanding.minor(),
                               int128(portfolio.outstanding.minor()) + s.loan_fund_cash.minor());

  // What moved during the cycle, closing entries left out.
  std::int64_t fines = 0, interest = 0, other_income = 0, expenses = 0, social_in = 0, social_out = 0;
  std::map<std::string, account_type> type_of;
  for (const auto& a : accounts) type_of[a.code] = a.type;
  for (const auto& l : lines_between(db, group.id, start, as_of)) {
    if (l.closing) continue;
    auto change = credit_change(l.direction, l.amount);
    auto type = type_of[l.account];
    if (l.account == "4020")
      fines += change;
    else if (l.account == "4010")
      interest += change;
    else if (type == account_type::income)
      other_income += change;
    else if (type == account_type::expense)
      expenses -= change;
    else if (l.account == "3030" && l.operation_type != "opening_balances") {
      if (l.direction == side::credit)
        social_in += l.amount;
      else
        social_out += l.amount;
    }
  }
  s.fines = money(fines, currency);
  s.interest_earned = money(interest, currency);
  s.other_income = money(other_income, currency);
  s.expenses = money(expenses, currency);
  s.net_income = money(fines + interest + other_income - expenses, currency);
  s.social_fund_in = money(social_in, currency);
  s.social_fund_out = money(social_out, currency);
  s.return_on_savings = ratio_text(s.net_income.minor(), s.savings.minor());
  const std::int64_t days = days_between(start, as_of) + 1;
  // Net income per year over the cycle's assets: × 365 / days.
  s.annualised_return_on_assets = ratio_text(int128(s.net_income.minor()) * 365, int128(assets) * days);
  s.projected_share_out = s.cycle.closed_on ? zero : share_out_preview(db, group, as_of).fund;
  return s;
}

}  // namespace samaki::ledger
