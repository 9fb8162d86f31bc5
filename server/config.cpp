#include "server/config.hpp"

#include "server/http/client_address.hpp"
#include "server/json/strict_json.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace samaki::server {
namespace {

// A value that does not fit its setting; the caller adds where the value came from.
struct bad_value : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class value_kind { integer, text, boolean, list };

// One setting: its file key (also the SAMAKI_ variable and the flag), and how to store a value.
struct setting_field {
  std::string_view key;
  value_kind kind;
  std::function<void(settings&, std::string_view)> assign;
};

std::int64_t parse_integer(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw bad_value("expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                    ", got \"" + std::string(text) + "\"");
  }
  return value;
}

template <class Access>
setting_field integer_field(std::string_view key, Access access, std::int64_t min, std::int64_t max) {
  return {key, value_kind::integer, [=](settings& s, std::string_view text) {
            auto& target = access(s);
            target = static_cast<std::remove_reference_t<decltype(target)>>(parse_integer(text, min, max));
          }};
}

template <class Access>
setting_field seconds_field(std::string_view key, Access access, std::int64_t min, std::int64_t max) {
  return {key, value_kind::integer, [=](settings& s, std::string_view text) {
            access(s) = std::chrono::seconds(parse_integer(text, min, max));
          }};
}

template <class Access>
setting_field text_field(std::string_view key, Access access, std::vector<std::string_view> choices = {}) {
  return {key, value_kind::text, [=](settings& s, std::string_view text) {
            if (text.empty()) throw bad_value("must not be empty");
            if (!choices.empty() && std::ranges::find(choices, text) == choices.end()) {
              std::string list;
              for (auto c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
              throw bad_value("expected one of " + list + ", got \"" + std::string(text) + "\"");
            }
            access(s) = std::string(text);
          }};
}

// true or false in the file; "true"/"false" (or 1/0) as a variable or flag.
template <class Access>
setting_field boolean_field(std::string_view key, Access access) {
  return {key, value_kind::boolean, [=](settings& s, std::string_view text) {
            if (text == "true" || text == "1") {
              access(s) = true;
            } else if (text == "false" || text == "0") {
              access(s) = false;
            } else {
              throw bad_value("expected true or false, got \"" + std::string(text) + "\"");
            }
          }};
}

// A JSON array of strings in the file; the same items separated by commas as a variable or flag, where
// an empty value is the empty list. `valid` checks each item.
template <class Access>
setting_field list_field(std::string_view key, Access access, bool (*valid)(std::string_view),
                         std::string_view expected) {
  return {key, value_kind::list, [=](settings& s, std::string_view text) {
            std::vector<std::string> items;
            while (!text.empty()) {
              const auto comma = text.find(',');
              std::string_view item = text.substr(0, comma);
              while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
              while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
              if (!valid(item))
                throw bad_value("expected " + std::string(expected) + ", got \"" + std::string(item) + "\"");
              items.emplace_back(item);
              text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
            }
            access(s) = std::move(items);
          }};
}

bool is_ip_network(std::string_view text) {
  return ip_network::parse(text).has_value();
}

// A header name: RFC 9110's token characters.
bool is_header_name(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](unsigned char c) {
    return std::isalnum(c) != 0 ||
           std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

setting_field header_name_field(std::string_view key) {
  return {key, value_kind::text, [](settings& s, std::string_view text) {
            if (!is_header_name(text))
              throw bad_value("expected a header name, got \"" + std::string(text) + "\"");
            s.client_address_header = std::string(text);
          }};
}

setting_field sync_field(std::string_view key) {
  return {key, value_kind::text, [](settings& s, std::string_view text) {
            std::string upper(text);
            std::ranges::transform(upper, upper.begin(), [](unsigned char c) { return std::toupper(c); });
            if (upper == "FULL") {
              s.synchronous = sync_mode::full;
            } else if (upper == "NORMAL") {
              s.synchronous = sync_mode::normal;
            } else {
              throw bad_value("expected FULL or NORMAL, got \"" + std::string(text) + "\"");
            }
          }};
}

constexpr std::int64_t one_day = 24 * 3600;

// The one list of settings; config/README.md documents each key in this order.
const std::vector<setting_field>& fields() {
  static const std::vector<setting_field> table = {
      text_field(
          "db", [](settings & s) -> auto& { return s.db_path; }),
      text_field(
          "bind", [](settings & s) -> auto& { return s.bind_address; }),
      integer_field(
          "port", [](settings & s) -> auto& { return s.port; }, 0, 65535),
      integer_field(
          "threads", [](settings & s) -> auto& { return s.threads; }, 1, 256),
      integer_field(
          "db_threads", [](settings & s) -> auto& { return s.db_threads; }, 1, 256),
      integer_field(
          "body_limit_bytes", [](settings & s) -> auto& { return s.body_limit; }, 1024, 1 << 30),
      integer_field(
          "header_limit_bytes", [](settings & s) -> auto& { return s.header_limit; }, 1024, 1 << 20),
      seconds_field(
          "read_timeout_seconds", [](settings & s) -> auto& { return s.read_timeout; }, 1, 3600),
      seconds_field(
          "first_byte_timeout_seconds", [](settings & s) -> auto& { return s.first_byte_timeout; }, 1, 3600),
      seconds_field(
          "idle_timeout_seconds", [](settings & s) -> auto& { return s.idle_timeout; }, 1, one_day),
      integer_field(
          "max_connections", [](settings & s) -> auto& { return s.max_connections; }, 1, 1000000),
      integer_field(
          "max_connections_per_client", [](settings & s) -> auto& { return s.max_connections_per_client; }, 1,
          1000000),
      list_field(
          "trusted_proxies", [](settings & s) -> auto& { return s.trusted_proxies; }, is_ip_network,
          "an IP address or network such as 127.0.0.1 or 10.0.0.0/8"),
      header_name_field("client_address_header"),
      seconds_field(
          "token_ttl_seconds", [](settings & s) -> auto& { return s.token_ttl; }, 60, 365 * one_day),
      integer_field(
          "login_max_failures", [](settings & s) -> auto& { return s.login.max_failures; }, 1, 1000),
      seconds_field(
          "login_window_seconds", [](settings & s) -> auto& { return s.login.window; }, 1, one_day),
      seconds_field(
          "login_lockout_seconds", [](settings & s) -> auto& { return s.login.lockout; }, 1, one_day),
      integer_field(
          "hash_threads", [](settings & s) -> auto& { return s.hash_threads; }, 1, 64),
      integer_field(
          "hash_queue_limit", [](settings & s) -> auto& { return s.hash_queue_limit; }, 0, 100000),
      sync_field("synchronous"),
      integer_field(
          "writer_batch_max", [](settings & s) -> auto& { return s.writer_batch_max; }, 1, 100000),
      integer_field(
          "db_max_pages", [](settings & s) -> auto& { return s.db_max_pages; }, 0, 4294967294),
      text_field(
          "web_root", [](settings & s) -> auto& { return s.web_root; }),
      text_field("log_level", [](settings & s) -> auto& { return s.log_level; },
                 {"trace", "debug", "info", "warn", "error", "critical", "off"}),
      integer_field(
          "timezone_offset_minutes", [](settings & s) -> auto& { return s.timezone_offset_minutes; },
          -12 * 60, 14 * 60),
      boolean_field(
          "secure_cookie", [](settings & s) -> auto& { return s.secure_cookie; }),
  };
  return table;
}

std::string environment_name(std::string_view key) {
  std::string name = "SAMAKI_";
  for (char c : key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

void assign_from(settings& s, const setting_field& field, std::string_view text, std::string_view origin) {
  try {
    field.assign(s, text);
  } catch (const bad_value& e) {
    throw config_error(std::string(origin) + ": " + e.what());
  }
}

std::string known_keys() {
  std::string list;
  for (const auto& f : fields()) list += (list.empty() ? "" : ", ") + std::string(f.key);
  return list;
}

}  // namespace

environment process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

void apply_config_json(settings& s, std::string_view json_text, std::string_view origin) {
  auto parsed = parse_strict_json(json_text);
  if (!parsed) throw config_error(std::string(origin) + ": " + parsed.error().message);
  if (!parsed->is_object()) throw config_error(std::string(origin) + ": expected a JSON object");
  for (const auto& [key, value] : parsed->as_object()) {
    const auto field = std::ranges::find(fields(), std::string_view(key), &setting_field::key);
    const std::string where = std::string(origin) + ": \"" + std::string(key) + "\"";
    if (field == fields().end())
      throw config_error(where + " is not a setting (known: " + known_keys() + ")");
    if (field->kind == value_kind::integer) {
      if (!value.is_int64() && !value.is_uint64()) throw config_error(where + ": expected an integer");
      assign_from(s, *field, boost::json::serialize(value), where);
    } else if (field->kind == value_kind::boolean) {
      if (!value.is_bool()) throw config_error(where + ": expected true or false");
      assign_from(s, *field, value.as_bool() ? "true" : "false", where);
    } else if (field->kind == value_kind::list) {
      std::string items;
      const auto* array = value.if_array();
      if (array == nullptr) throw config_error(where + ": expected an array of strings");
      for (const auto& item : *array) {
        // One item must stay one item once the array is joined with commas.
        if (!item.is_string() || item.as_string().empty() ||
            std::string_view(item.as_string()).find(',') != std::string_view::npos)
          throw config_error(where + ": expected an array of strings, each without commas");
        items += (items.empty() ? "" : ",") + std::string(item.as_string());
      }
      assign_from(s, *field, items, where);
    } else {
      if (!value.is_string()) throw config_error(where + ": expected a string");
      assign_from(s, *field, value.as_string(), where);
    }
  }
}

void apply_environment(settings& s, const environment& env) {
  for (const auto& field : fields()) {
    const std::string name = environment_name(field.key);
    if (auto value = env(name)) assign_from(s, field, *value, name);
  }
}

void apply_flags(settings& s, const command_line& flags) {
  for (const auto& field : fields()) {
    if (auto value = flags.value(field.key))
      assign_from(s, field, *value, "--" + normalize_flag_name(field.key));
  }
}

settings load_settings(const command_line& flags, const environment& env) {
  settings s;
  std::optional<std::string> path = flags.value("config");
  if (!path) path = env("SAMAKI_CONFIG");
  const bool named = path.has_value();
  const std::string file = path.value_or(std::string(default_config_path));
  std::ifstream in(file, std::ios::binary);
  if (in) {
    std::ostringstream text;
    text << in.rdbuf();
    apply_config_json(s, text.str(), file);
  } else if (named) {
    throw config_error(file + ": cannot be read");
  }
  apply_environment(s, env);
  apply_flags(s, flags);
  return s;
}

std::vector<std::string_view> settings_flag_names() {
  static const std::vector<std::string> dashed = [] {
    std::vector<std::string> names;
    for (const auto& f : fields()) names.push_back(normalize_flag_name(f.key));
    names.emplace_back("config");
    return names;
  }();
  return {dashed.begin(), dashed.end()};
}

std::vector<std::string_view> settings_keys() {
  std::vector<std::string_view> keys;
  for (const auto& f : fields()) keys.push_back(f.key);
  return keys;
}

}  // namespace samaki::server
