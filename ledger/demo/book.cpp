#include "ledger/demo/book.hpp"

#include "ledger/groups/registry.hpp"
#include "ledger/store/write_context.hpp"

#include <cstdio>
#include <string_view>
#include <type_traits>
#include <variant>

namespace samaki::ledger::demo {

field_value text(std::string value) {
  return field_value{std::move(value)};
}
field_value number(std::int64_t value) {
  return field_value{value};
}
field_value yes(bool value) {
  return field_value{value};
}
field_value object(field_map fields) {
  return field_value{std::move(fields)};
}
field_value list(std::vector<field_value> items) {
  return field_value{field_list(std::move(items))};
}
field_value id_of(member_id member) {
  return field_value{member.value};
}
field_value riel(std::int64_t amount) {
  return field_value{std::to_string(amount)};
}

std::string decimal(std::int64_t minor) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(minor / 100),
                static_cast<long long>(minor % 100));
  return text;
}

namespace {

void write_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;  // UTF-8 passes through as it is
    }
  }
  out += '"';
}

void write_json(std::string& out, const field_value& value);

void write_json(std::string& out, const field_map& fields) {
  out += '{';
  bool first = true;
  for (const auto& [name, value] : fields) {
    if (!first) out += ',';
    first = false;
    write_json_string(out, name);
    out += ':';
    write_json(out, value);
  }
  out += '}';
}

void write_json(std::string& out, const field_value& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          out += "null";
        } else if constexpr (std::is_same_v<T, std::string>) {
          write_json_string(out, v);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out += std::to_string(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, field_map>) {
          write_json(out, v);
        } else {
          out += '[';
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out += ',';
            write_json(out, v[i]);
          }
          out += ']';
        }
      },
      value.value);
}

// The request as the HTTP edge keeps it beside the operation (GET .../operations/{id} answers it, and the
// web UI reads it: who came to a meeting, whom an operation names): the body as a client would send it.
std::string request_body(const std::string& type, calendar_date date, const std::string& memo,
                         const field_map& fields) {
  field_map body = fields;
  body["type"] = field_value{type};
  body["date"] = field_value{date.to_string()};
  if (!memo.empty()) body["memo"] = field_value{memo};
  std::string out;
  write_json(out, body);
  return out;
}

template <class T>
T must(result<T> r, const std::string& what) {
  if (!r) {
    auto e = r.error();
    e.message = what + ": " + e.message;
    throw error_exception(std::move(e));
  }
  return std::move(*r);
}

}  // namespace

book::book(write_context& ctx, const new_group& group, calendar_date formed, std::string author)
    : ctx_(ctx), author_(std::move(author)) {
  pin(formed);
  group_ = must(create_group(ctx_, group), "group " + group.name).id;
}

book::~book() {
  ctx_.pin_now(std::nullopt);
}

void book::pin(calendar_date day) {
  if (day != pinned_day_) {
    pinned_day_ = day;
    seconds_into_day_ = 0;
  }
  const int s = seconds_into_day_++;
  char stamp[40];
  // 03:00 UTC is 10:00 in Cambodia, when a morning meeting is written up.
  std::snprintf(stamp, sizeof stamp, "%sT%02d:%02d:%02d.000Z", day.to_string().c_str(), 3 + s / 3600,
                s / 60 % 60, s % 60);
  ctx_.pin_now(std::string(stamp));
}

member_id book::join(const person& p, calendar_date joined_on) {
  pin(joined_on);
  return must(add_member(ctx_, new_member{group_, p.name, p.name_km, "", p.gender, joined_on}),
              "member " + p.name)
      .id;
}

operation_result book::record(std::string type, calendar_date date, field_map fields, std::string memo) {
  pin(date);
  auto recorded = request_body(type, date, memo, fields);
  operation_request request{group_,
                            type,
                            date,
                            std::move(memo),
                            std::move(fields),
                            std::move(recorded),
                            "demo-" + std::to_string(group_.value) + "-" + std::to_string(++operations_),
                            author_};
  return must(record_operation(ctx_, request), type + " on " + date.to_string());
}

std::int64_t book::balance(std::string_view code, std::optional<member_id> member) {
  const auto* account = ctx_.group(group_)->account(code);
  if (!account) throw error_exception(error(errc::unknown_account, "no account " + std::string(code)));
  return ctx_.balance(account->id, member);
}

}  // namespace samaki::ledger::demo
