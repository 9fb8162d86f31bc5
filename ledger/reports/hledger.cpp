#include "ledger/reports/hledger.hpp"

#include "ledger/money.hpp"
#include "ledger/store/queries.hpp"
#include "ledger/store/rows.hpp"

#include <map>
#include <set>
#include <stdexcept>

namespace samaki::ledger {
namespace {

// hledger reads two spaces as the end of an account name, ':' as a level and ';' as a comment.
std::string journal_text(std::string_view text, bool account_name) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      if (!space && !out.empty()) out += ' ';
      space = true;
      continue;
    }
    space = false;
    if (c == ';') c = ',';
    if (account_name && c == ':') c = '-';
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string hledger_journal(sqlite::connection& db, group_id group) {
  auto info = load_group(db, group);
  if (!info) throw std::runtime_error("no group " + std::to_string(group.value));
  sqlite::read_snapshot snapshot(db);
  std::map<std::string, std::string> account_names;
  std::set<std::string> member_ledgers;
  for (const auto& a : load_accounts(db, group)) {
    account_names[a.code] = std::string(type_name(a.type)) + ":" + a.code + " " + journal_text(a.name, true);
    if (a.member_ledger) member_ledgers.insert(a.code);
  }

  std::string out = "; Samaki journal of group " + std::to_string(group.value) + ": " +
                    journal_text(info->name, false) + " (" + std::string(info->currency.code()) + ")\n\n";
  entry_filter filter;
  filter.group = group;
  filter.limit = 1000;
  for (;;) {
    auto entries = list_entries(db, filter);
    for (const auto& e : entries) {
      out += e.date.to_string() + " " + journal_text(e.memo.empty() ? "(no memo)" : e.memo, false) +
             "  ; seq:" + std::to_string(e.seq) + ", hash:" + e.hash + "\n";
      for (const auto& l : e.lines) {
        auto amount = l.side == side::debit ? l.amount.amount_text() : negate(l.amount).value().amount_text();
        std::string account = account_names[l.account];
        // Only member ledgers hold a balance per member; a member on another line is attribution.
        if (l.member && member_ledgers.contains(l.account))
          account += ":member " + std::to_string(l.member->value);
        out += "    " + account + "  " + amount + " " + std::string(l.amount.currency_code()) + "\n";
      }
      out += "\n";
    }
    if (entries.size() < filter.limit) break;
    filter.after_seq = entries.back().seq;
  }
  return out;
}

}  // namespace samaki::ledger
