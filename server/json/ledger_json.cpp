#include "server/json/ledger_json.hpp"

#include "ledger/money.hpp"
#include "ledger/seal.hpp"
#include "ledger/store/rows.hpp"

#include <boost/json/array.hpp>

#include <stdexcept>

namespace samaki::server {
namespace {

boost::json::value optional_id(const auto& id) {
  if (id) return id->value;
  return nullptr;
}

boost::json::value optional_text(const std::optional<std::string>& text) {
  if (text) return boost::json::string(*text);
  return nullptr;
}

boost::json::object metadata_json(const std::vector<std::pair<std::string, std::string>>& metadata) {
  boost::json::object out;
  for (const auto& [key, value] : metadata) out[key] = value;
  return out;
}

boost::json::object line_json(const ledger::entry_line& l) {
  boost::json::object out;
  out["line"] = l.line_no;
  out["account"] = l.account;
  out["member_id"] = optional_id(l.member);
  out[l.side == ledger::side::debit ? "debit" : "credit"] = l.amount.amount_text();
  out["currency"] = l.amount.currency_code();
  out["memo"] = l.memo;
  return out;
}

}  // namespace

boost::json::value date_json(const std::optional<ledger::calendar_date>& date) {
  if (date) return boost::json::string(date->to_string());
  return nullptr;
}

boost::json::object group_json(const ledger::group_info& g) {
  return {{"id", g.id.value},
          {"name", g.name},
          {"name_km", g.name_km},
          {"kind", ledger::kind_name(g.kind)},
          {"currency", g.currency.code()},
          {"cash_unit", ledger::money(g.cash_unit, g.currency).amount_text()},
          {"province", g.province},
          {"district", g.district},
          {"commune", g.commune},
          {"village", g.village},
          {"created_at", g.created_at}};
}

boost::json::object member_json(const ledger::member_info& m) {
  return {{"id", m.id.value},
          {"group_id", m.group.value},
          {"name", m.name},
          {"name_km", m.name_km},
          {"phone", m.phone},
          {"gender", m.gender},
          {"joined_on", date_json(m.joined_on)},
          {"left_on", date_json(m.left_on)},
          {"created_at", m.created_at},
          {"family_name", m.parts.family},
          {"given_name", m.parts.given},
          {"family_name_km", m.parts.family_km},
          {"given_name_km", m.parts.given_km}};
}

boost::json::object account_json(const ledger::account_info& a, const ledger::money& balance) {
  return {{"code", a.code},
          {"name", a.name},
          {"name_km", a.name_km},
          {"type", ledger::type_name(a.type)},
          {"currency", a.currency.code()},
          {"balance", balance.amount_text()},
          {"member_ledger", a.member_ledger},
          {"closed_on", date_json(a.closed_on)}};
}

boost::json::object entry_json(const ledger::entry& e) {
  boost::json::array lines;
  lines.reserve(e.lines.size());
  for (const auto& l : e.lines) lines.push_back(line_json(l));
  return {{"id", e.id.value},
          {"group_id", e.group.value},
          {"seq", e.seq},
          {"date", e.date.to_string()},
          {"memo", e.memo},
          {"lines", std::move(lines)},
          {"hash", e.hash},
          {"prev_hash", e.prev_hash},
          {"created_at", e.created_at},
          {"created_by", e.created_by},
          {"reverses", optional_id(e.reverses)},
          {"reversed_by", optional_id(e.reversed_by)},
          {"operation_id", optional_id(e.operation)},
          {"metadata", metadata_json(e.metadata)}};
}

boost::json::object period_json(const ledger::period_info& p) {
  boost::json::array words, words_km;
  if (const auto w = ledger::seal_words(p.head)) {
    for (auto word : *w) words.emplace_back(word);
  }
  if (const auto w = ledger::seal_words_km(p.head)) {
    for (auto word : *w) words_km.emplace_back(word);
  }
  return {{"id", p.id.value},
          {"through", p.through.to_string()},
          {"kind", ledger::period_kind_name(p.kind)},
          {"closed_at", p.closed_at},
          {"closed_by", p.closed_by},
          {"head_seq", p.head_seq},
          {"closing_entry_id", optional_id(p.closing_entry)},
          {"reopened_at", optional_text(p.reopened_at)},
          {"reopened_by", p.reopened_by},
          {"reopen_reason", p.reopen_reason},
          {"seal",
           {{"head", p.head},
            {"code", p.seal_code},
            {"words", std::move(words)},
            {"words_km", std::move(words_km)}}}};
}

}  // namespace samaki::server
