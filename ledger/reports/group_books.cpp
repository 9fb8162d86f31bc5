#include "ledger/reports/group_books.hpp"

#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"

#include <algorithm>
#include <limits>

namespace samaki::ledger {

const account_info* group_books::account(std::int64_t id) const {
  auto it = std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) { return a.id.value == id; });
  return it == accounts.end() ? nullptr : &*it;
}

const account_info* group_books::account(std::string_view code) const {
  auto it = std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) { return a.code == code; });
  return it == accounts.end() ? nullptr : &*it;
}

const member_info* group_books::member(member_id id) const {
  auto it = std::lower_bound(members.begin(), members.end(), id,
                             [](const member_info& m, member_id wanted) { return m.id < wanted; });
  return it != members.end() && it->id == id ? &*it : nullptr;
}

std::vector<iso_currency> group_books::currencies() const {
  std::vector<iso_currency> out{group.currency};
  for (const auto& a : accounts)
    if (std::find(out.begin(), out.end(), a.currency) == out.end()) out.push_back(a.currency);
  std::sort(out.begin(), out.end(), [](iso_currency a, iso_currency b) { return a.code() < b.code(); });
  return out;
}

result<group_books> read_group_books(sqlite::connection& db, group_id group) {
  auto info = load_group(db, group);
  if (!info) return error(errc::not_found, "no such group");
  constexpr auto every = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  return group_books{std::move(*info), load_accounts(db, group), list_members(db, group, 0, every)};
}

money natural_money(const account_info& account, int128 debit_minus_credit) {
  return money(narrow(debit_normal(account.type) ? debit_minus_credit : -debit_minus_credit),
               account.currency);
}

std::map<std::int64_t, int128> per_account(const account_nets& nets) {
  std::map<std::int64_t, int128> out;
  for (const auto& [key, net] : nets) out[key.first] += net;
  return out;
}

}  // namespace samaki::ledger
