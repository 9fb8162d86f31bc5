#include "ledger/hledger.hpp"

#include "ledger/money.hpp"
#include "ledger/queries.hpp"
#include "ledger/store/rows.hpp"

#include <map>
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
  std::map<std::string, std::string> account_names;
  for (const auto& a : load_accounts(db, group))
    account_names[a.code] = std::string(type_name(a.type)) + ":" + a.code + " " + journal_text(a.name, true);

  std::string out = "; Samaki journal of group " + std::to_string(group.value) + ": " +
                    journal_text(info->name, false) + " (" + info->currency + ")\n\n";
  entry_filter filter;
  filter.group = group;
  filter.limit = 1000;
  for (;;) {
    auto entries = list_entries(db, filter);
    for (const auto& e : entries) {
      out += e.date + " " + journal_text(e.memo.empty() ? "(no memo)" : e.memo, false) +
             "  ; seq:" + std::to_string(e.seq) + ", hash:" + e.hash + "\n";
      for (const auto& l : e.lines) {
        auto currency = find_currency(l.currency);
        auto amount = format_amount(l.side == side::debit ? l.amount : -l.amount,
                                    currency ? *currency : currency_info{l.currency, 2, 1});
        std::string account = account_names[l.account];
        if (l.member) account += ":member " + std::to_string(l.member->value);
        out += "    " + account + "  " + amount + " " + l.currency + "\n";
      }
      out += "\n";
    }
    if (entries.size() < filter.limit) break;
    filter.after_seq = entries.back().seq;
  }
  return out;
}

}  // namespace samaki::ledger
