#include "tests/reliability/savings_load.hpp"

#include "ledger/date.hpp"

#include <boost/json/serialize.hpp>

namespace samaki::reliability_test {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

std::string date(std::int32_t day) {
  return ledger::calendar_date::from_days(day).to_string();
}

std::string group_path(std::int64_t group, std::string_view rest) {
  return "/api/v1/groups/" + std::to_string(group) + std::string(rest);
}

// Every member present buying `shares` and paying the social fund.
array attendance(const std::vector<std::int64_t>& members, int shares) {
  array out;
  for (auto m : members)
    out.push_back(
        object{{"member_id", m}, {"attendance", "present"}, {"shares", shares}, {"social_fund", true}});
  return out;
}

}  // namespace

void acknowledgement_log::add(acknowledgement a) {
  std::lock_guard lock(mutex_);
  acknowledged_.push_back(std::move(a));
}

void acknowledgement_log::fail(std::string why) {
  std::lock_guard lock(mutex_);
  failures_.push_back(std::move(why));
}

std::vector<acknowledgement> acknowledgement_log::acknowledged() const {
  std::lock_guard lock(mutex_);
  return acknowledged_;
}

std::vector<std::int64_t> acknowledgement_log::groups() const {
  std::lock_guard lock(mutex_);
  return groups_;
}

std::vector<std::string> acknowledgement_log::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

std::size_t acknowledgement_log::size() const {
  std::lock_guard lock(mutex_);
  return acknowledged_.size();
}

void acknowledgement_log::add_timing(timing t) {
  std::lock_guard lock(mutex_);
  timings_.push_back(t);
}

std::vector<acknowledgement_log::timing> acknowledgement_log::timings() const {
  std::lock_guard lock(mutex_);
  return timings_;
}

void acknowledgement_log::add_group(std::int64_t group) {
  std::lock_guard lock(mutex_);
  groups_.push_back(group);
}

savings_client::savings_client(int index, std::string token, server_gate& gate, acknowledgement_log& log,
                               int cycles_per_group)
    : index_(index), token_(std::move(token)), gate_(gate), log_(log), cycles_per_group_(cycles_per_group) {}

std::optional<api_test::json_reply> savings_client::acknowledged(std::string_view target, const value& body,
                                                                 const std::string& key) {
  // Serialised once: a retry sends the very same bytes.
  const std::string bytes = boost::json::serialize(body);
  std::vector<client::http_header> headers;
  if (!key.empty()) headers.push_back({"Idempotency-Key", key});
  for (;;) {
    if (!connection_) {
      auto server = gate_.wait_for_server(generation_);
      if (!server) return std::nullopt;
      generation_ = server->generation;
      connection_.emplace(server->port);
      connection_->use_token(token_);
    }
    try {
      const auto sent = std::chrono::steady_clock::now();
      auto reply = connection_->send("POST", target, bytes, headers);
      const auto answered = std::chrono::steady_clock::now();
      log_.add_timing({answered, std::chrono::duration<double, std::milli>(answered - sent).count()});
      if (reply.status == 200 || reply.status == 201) return reply;
      log_.fail("client " + std::to_string(index_) + ": POST " + std::string(target) + " key " + key +
                " -> " + std::to_string(reply.status) + " " + reply.raw.body);
      return std::nullopt;
    } catch (const client::http_error&) {
      // The server died under this request: it may or may not have been recorded. Same key again.
      connection_.reset();
      ++retries_;
    }
  }
}

bool savings_client::record(acknowledgement::kind what, std::string_view path, const value& body,
                            const std::string& key, std::optional<api_test::json_reply>* out) {
  auto reply = acknowledged(group_path(group_, path), body, key);
  if (!reply) return false;
  acknowledgement a{what, group_, key, reply->json.at("id").as_int64(), {}, reply->status == 200};
  if (what == acknowledgement::kind::operation)
    for (const auto& e : reply->json.at("entries").as_array()) a.entries.push_back(e.at("id").as_int64());
  log_.add(std::move(a));
  if (out != nullptr) *out = std::move(reply);
  return true;
}

bool savings_client::new_group() {
  // Groups and members take no Idempotency-Key: a retry may leave an empty group or a member who never
  // comes to a meeting behind, which harms nothing.
  const auto name = "Load group " + std::to_string(index_) + "-" + std::to_string(++groups_made_);
  auto group = acknowledged("/api/v1/groups",
                            object{{"name", name}, {"kind", "savings_group"}, {"currency", "KHR"}}, "");
  if (!group) return false;
  group_ = group->json.at("id").as_int64();
  log_.add_group(group_);
  members_.clear();
  for (int m = 0; m < 5; ++m) {
    auto member = acknowledged(
        group_path(group_, "/members"),
        object{{"name", name + " member " + std::to_string(m)}, {"joined_on", "1999-01-01"}}, "");
    if (!member) return false;
    members_.push_back(member->json.at("id").as_int64());
  }
  day_ = ledger::calendar_date::from_ymd(2000, 1, 3).days_since_epoch();
  cycles_in_group_ = 0;
  return true;
}

bool savings_client::record_cycle(const std::atomic<bool>& stop) {
  using kind = acknowledgement::kind;
  // Keys name the client, group and cycle, so no two requests ever share one.
  const std::string prefix =
      "c" + std::to_string(index_) + "-g" + std::to_string(group_) + "-u" + std::to_string(++cycles_) + "-";
  const auto d = day_;
  day_ += 5;
  if (!record(kind::cycle, "/cycles",
              object{{"start", date(d)},
                     {"share_value", "5000"},
                     {"min_shares", 1},
                     {"max_shares", 5},
                     {"loan_multiple", 3},
                     // No interest: the loan is repaid in full by its principal before the share-out.
                     {"interest", {{"percent_per_month", "0"}, {"method", "flat"}}},
                     {"social_fund_per_meeting", "1000"},
                     {"cash_unit", "100"},
                     {"meeting_every", "week"},
                     {"fines", array{object{{"code", "late"}, {"name", "Late"}, {"amount", "500"}}}}},
              prefix + "cycle"))
    return false;

  auto first = attendance(members_, 2);
  first[0].as_object()["loan"] = object{{"amount", "5000"}, {"months", 1}, {"purpose", "seed"}};
  first[1].as_object()["fines"] = array{"late"};
  std::optional<api_test::json_reply> meeting;
  if (stop || !record(kind::operation, "/operations",
                      object{{"type", "meeting"}, {"date", date(d)}, {"members", first}},
                      prefix + "meeting-1", &meeting))
    return false;
  const auto loan = meeting->json.at("loans").at(0).at("loan_id").as_int64();

  const value posting = {
      {"date", date(d + 1)},
      {"memo", "fine paid late"},
      {"lines", {{{"account", "1010"}, {"debit", "250"}}, {{"account", "4020"}, {"credit", "250"}}}}};
  if (stop || !record(kind::entry, "/entries", posting, prefix + "posting")) return false;
  if (stop ||
      !record(kind::operation, "/operations",
              object{{"type", "fine"}, {"date", date(d + 1)}, {"member_id", members_[2]}, {"fine", "late"}},
              prefix + "fine"))
    return false;

  auto second = attendance(members_, 1);
  second[0].as_object()["repay"] = array{object{{"loan_id", loan}, {"amount", "5000"}}};
  if (stop ||
      !record(kind::operation, "/operations",
              object{{"type", "meeting"}, {"date", date(d + 2)}, {"members", second}}, prefix + "meeting-2"))
    return false;
  for (auto [from, to, key] :
       {std::tuple{"1010", "1030", "to-bank"}, std::tuple{"1030", "1010", "from-bank"}})
    if (stop ||
        !record(
            kind::operation, "/operations",
            object{
                {"type", "transfer"}, {"date", date(d + 3)}, {"from", from}, {"to", to}, {"amount", "1000"}},
            prefix + key))
      return false;
  return !stop && record(kind::operation, "/operations", object{{"type", "share_out"}, {"date", date(d + 4)}},
                         prefix + "share-out");
}

void load_threads::stop_and_join() {
  stop_ = true;
  gate_.finish();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

void savings_client::run(const std::atomic<bool>& stop) {
  try {
    record_until(stop);
  } catch (const std::exception& e) {
    // An answer that is not what the API promises (a missing field, say) fails the test, not the process.
    log_.fail("client " + std::to_string(index_) + ": " + e.what());
  }
  gate_.leave();
}

void savings_client::record_until(const std::atomic<bool>& stop) {
  // A new group when the next cycle would come too near today (no date may be in the future).
  const auto last_start = ledger::calendar_date::from_ymd(2026, 1, 1).days_since_epoch();
  bool going = new_group();
  while (going && !stop) {
    if (day_ > last_start || (cycles_per_group_ > 0 && cycles_in_group_ == cycles_per_group_))
      going = new_group();
    ++cycles_in_group_;
    if (going) going = record_cycle(stop);
  }
}

}  // namespace samaki::reliability_test
