#include "server/json/ledger_json.hpp"

#include "ledger/money.hpp"
#include "ledger/seal_words.hpp"
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

boost::json::object line_json(const ledger::entry_line& l) {
  boost::json::object out;
  out["line"] = l.line_no;
  out["account"] = l.account;
  out["member_id"] = optional_id(l.member);
  out[l.side == ledger::side::debit ? "debit" : "credit"] = amount_text(l.amount, l.currency);
  out["currency"] = l.currency;
  out["memo"] = l.memo;
  return out;
}

}  // namespace

std::string amount_text(std::int64_t minor, std::string_view currency) {
  const auto info = ledger::find_currency(currency);
  // Every stored currency was checked on the way in; an unknown one is a broken invariant.
  if (!info) throw std::logic_error("no such currency: " + std::string(currency));
  return ledger::format_amount(minor, *info);
}

boost::json::object group_json(const ledger::group_info& g) {
  return {{"id", g.id.value},          {"name", g.name},
          {"name_km", g.name_km},      {"kind", ledger::kind_name(g.kind)},
          {"currency", g.currency},    {"cash_unit", amount_text(g.cash_unit, g.currency)},
          {"province", g.province},    {"district", g.district},
          {"commune", g.commune},      {"village", g.village},
          {"created_at", g.created_at}};
}

boost::json::object member_json(const ledger::member_info& m) {
  return {{"id", m.id.value},
          {"group_id", m.group.value},
          {"name", m.name},
          {"name_km", m.name_km},
          {"phone", m.phone},
          {"gender", m.gender},
          {"joined_on", optional_text(m.joined_on)},
          {"created_at", m.created_at}};
}

boost::json::object account_json(const ledger::account_info& a, std::int64_t balance) {
  return {{"code", a.code},
          {"name", a.name},
          {"name_km", a.name_km},
          {"type", ledger::type_name(a.type)},
          {"currency", a.currency},
          {"balance", amount_text(balance, a.currency)},
          {"member_ledger", a.member_ledger}};
}

boost::json::object entry_json(const ledger::entry& e) {
  boost::json::array lines;
  lines.reserve(e.lines.size());
  for (const auto& l : e.lines) lines.push_back(line_json(l));
  return {{"id", e.id.value},
          {"group_id", e.group.value},
          {"seq", e.seq},
          {"date", e.date},
          {"memo", e.memo},
          {"lines", std::move(lines)},
          {"hash", e.hash},
          {"prev_hash", e.prev_hash},
          {"created_at", e.created_at},
          {"created_by", e.created_by},
          {"reverses", optional_id(e.reverses)},
          {"reversed_by", optional_id(e.reversed_by)}};
}

boost::json::object period_json(const ledger::period_info& p) {
  boost::json::array words;
  if (const auto w = ledger::seal_words(p.head)) {
    for (auto word : *w) words.emplace_back(word);
  }
  return {{"through", p.through},
          {"kind", ledger::period_kind_name(p.kind)},
          {"closed_at", p.closed_at},
          {"closed_by", p.closed_by},
          {"head_seq", p.head_seq},
          {"seal", {{"head", p.head}, {"code", p.seal_code}, {"words", std::move(words)}}}};
}

}  // namespace samaki::server
