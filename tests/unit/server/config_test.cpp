// Settings: defaults, then the file, then SAMAKI_* variables, then flags.
#include "server/config.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

using namespace samaki::server;
namespace fs = std::filesystem;

namespace {

environment fake_environment(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    const auto it = variables.find(std::string(name));
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

command_line flags(std::vector<std::string> args) {
  return command_line::parse(args);
}

struct config_file {
  explicit config_file(std::string_view text)
      : path(fs::temp_directory_path() /
             ("samaki_config_test_" + std::to_string(std::random_device{}()) + ".json")) {
    std::ofstream(path) << text;
  }
  ~config_file() { fs::remove(path); }
  fs::path path;
};

// The repository's config/samaki.json, found from this file's place in the tree.
fs::path repository_config() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path() / "config";
}

}  // namespace

TEST_CASE("flags beat the environment, which beats the file", "[server][config]") {
  const config_file file(R"({"port": 1111, "db": "file.db", "threads": 3, "synchronous": "NORMAL"})");
  const auto env = fake_environment({{"SAMAKI_PORT", "2222"}, {"SAMAKI_DB", "env.db"}});
  const settings s = load_settings(flags({"--config", file.path.string(), "--port", "3333"}), env);
  CHECK(s.port == 3333);
  CHECK(s.db_path == "env.db");
  CHECK(s.threads == 3);
  CHECK(s.synchronous == sync_mode::normal);
  CHECK(s.bind_address == "127.0.0.1");
}

TEST_CASE("the config file can come from SAMAKI_CONFIG, and --config beats it", "[server][config]") {
  const config_file from_env(R"({"port": 1111})");
  const config_file from_flag(R"({"port": 4444})");
  const auto env = fake_environment({{"SAMAKI_CONFIG", from_env.path.string()}});
  CHECK(load_settings(flags({}), env).port == 1111);
  CHECK(load_settings(flags({"--config", from_flag.path.string()}), env).port == 4444);
  CHECK_THROWS_AS(load_settings(flags({"--config", "/nonexistent/samaki.json"}), env), config_error);
}

TEST_CASE("every key has a variable and a flag", "[server][config]") {
  const auto env = fake_environment({{"SAMAKI_DB_THREADS", "5"}, {"SAMAKI_LOGIN_LOCKOUT_SECONDS", "60"}});
  settings s;
  apply_environment(s, env);
  CHECK(s.db_threads == 5);
  CHECK(s.login.lockout == std::chrono::seconds(60));
  apply_flags(s, flags({"--db-threads", "6", "--body_limit_bytes=2048", "--read-timeout-seconds", "5",
                        "--timezone-offset-minutes", "-60"}));
  CHECK(s.db_threads == 6);
  CHECK(s.body_limit == 2048);
  CHECK(s.read_timeout == std::chrono::seconds(5));
  CHECK(s.timezone_offset_minutes == -60);
  CHECK_FALSE(s.secure_cookie);
  apply_environment(s, fake_environment({{"SAMAKI_SECURE_COOKIE", "true"}}));
  CHECK(s.secure_cookie);
  apply_flags(s, flags({"--secure-cookie", "false"}));
  CHECK_FALSE(s.secure_cookie);
  apply_config_json(s, R"({"secure_cookie": true})", "f.json");
  CHECK(s.secure_cookie);
  CHECK(settings_flag_names().size() == settings_keys().size() + 1);
}

TEST_CASE("trusted proxies: a JSON array in the file, commas in a variable or flag, each an address",
          "[server][config]") {
  settings s;
  CHECK(s.trusted_proxies.empty());
  CHECK(s.client_address_header == "X-Forwarded-For");
  apply_config_json(
      s, R"({"trusted_proxies": ["127.0.0.1", "10.0.0.0/8"], "client_address_header": "X-Real-IP"})",
      "f.json");
  CHECK(s.trusted_proxies == std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"});
  CHECK(s.client_address_header == "X-Real-IP");
  apply_environment(s, fake_environment({{"SAMAKI_TRUSTED_PROXIES", "::1, 192.168.0.0/16"}}));
  CHECK(s.trusted_proxies == std::vector<std::string>{"::1", "192.168.0.0/16"});
  apply_flags(s, flags({"--trusted-proxies", ""}));
  CHECK(s.trusted_proxies.empty());
  apply_flags(s, flags({"--trusted-proxies", "127.0.0.1"}));
  CHECK(s.trusted_proxies == std::vector<std::string>{"127.0.0.1"});

  CHECK_THROWS_WITH(apply_config_json(s, R"({"trusted_proxies": "127.0.0.1"})", "f.json"),
                    Catch::Contains("expected an array of strings"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"trusted_proxies": ["127.0.0.1,10.0.0.1"]})", "f.json"),
                    Catch::Contains("without commas"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"trusted_proxies": ["proxy.local"]})", "f.json"),
                    Catch::Contains("an IP address or network") && Catch::Contains("proxy.local"));
  CHECK_THROWS_WITH(apply_environment(s, fake_environment({{"SAMAKI_TRUSTED_PROXIES", "10.0.0.0/40"}})),
                    Catch::Contains("SAMAKI_TRUSTED_PROXIES"));
  CHECK_THROWS_WITH(apply_flags(s, flags({"--client-address-header", "X Forwarded"})),
                    Catch::Contains("a header name"));
}

TEST_CASE("the deployment trusts the local proxy, which names each client in X-Forwarded-For",
          "[server][config]") {
  const auto read = [](const fs::path& file) {
    std::ifstream in(file);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string unit = read(repository_config() / "samaki.service");
  CHECK_THAT(unit, Catch::Contains("Environment=SAMAKI_TRUSTED_PROXIES=127.0.0.1"));
  const std::string proxy = read(repository_config() / "nginx-samaki.conf");
  CHECK_THAT(proxy, Catch::Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"));
  CHECK_THAT(proxy, Catch::Contains("proxy_pass http://127.0.0.1:8080;"));
}

TEST_CASE("connection limits and hash threads come from flags too, within their ranges", "[server][config]") {
  settings s;
  apply_flags(s, flags({"--max-connections-per-client", "1000", "--first-byte-timeout-seconds", "3"}));
  CHECK(s.max_connections_per_client == 1000);
  CHECK(s.first_byte_timeout == std::chrono::seconds(3));
  CHECK_THROWS_WITH(apply_flags(s, flags({"--max-connections-per-client", "0"})),
                    Catch::Contains("--max-connections-per-client"));
  apply_environment(s, fake_environment({{"SAMAKI_HASH_THREADS", "2"}, {"SAMAKI_HASH_QUEUE_LIMIT", "0"}}));
  CHECK(s.hash_threads == 2);
  CHECK(s.hash_queue_limit == 0);
  CHECK_THROWS_WITH(apply_flags(s, flags({"--hash-threads", "0"})), Catch::Contains("--hash-threads"));
}

TEST_CASE("unknown keys, wrong types and out-of-range values are errors naming their origin",
          "[server][config]") {
  settings s;
  CHECK_THROWS_WITH(apply_config_json(s, R"({"prot": 80})", "f.json"),
                    Catch::Contains("\"prot\" is not a setting"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"port": "80"})", "f.json"),
                    Catch::Contains("expected an integer"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"port": 70000})", "f.json"), Catch::Contains("0 to 65535"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"db": 5})", "f.json"), Catch::Contains("expected a string"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"port": 1, "port": 2})", "f.json"),
                    Catch::Contains("duplicate"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"log_level": "loud"})", "f.json"),
                    Catch::Contains("expected one of"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"synchronous": "OFF"})", "f.json"),
                    Catch::Contains("FULL or NORMAL"));
  CHECK_THROWS_WITH(apply_config_json(s, R"({"secure_cookie": "yes"})", "f.json"),
                    Catch::Contains("expected true or false"));
  CHECK_THROWS_WITH(apply_environment(s, fake_environment({{"SAMAKI_SECURE_COOKIE", "yes"}})),
                    Catch::Contains("expected true or false"));
  CHECK_THROWS_AS(apply_config_json(s, "[1]", "f.json"), config_error);
  CHECK_THROWS_WITH(apply_environment(s, fake_environment({{"SAMAKI_PORT", "80x"}})),
                    Catch::Contains("SAMAKI_PORT"));
  CHECK_THROWS_WITH(apply_flags(s, flags({"--threads", "0"})), Catch::Contains("--threads"));
}

TEST_CASE("config/samaki.json holds exactly the defaults, and its README lists every key",
          "[server][config]") {
  std::ifstream in(repository_config() / "samaki.json");
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  settings from_file;
  apply_config_json(from_file, text, "config/samaki.json");
  CHECK(from_file == settings{});
  std::ifstream readme_in(repository_config() / "README.md");
  const std::string readme((std::istreambuf_iterator<char>(readme_in)), std::istreambuf_iterator<char>());
  for (auto key : settings_keys()) {
    INFO(key);
    CHECK(readme.find("| `" + std::string(key) + "` |") != std::string::npos);
    CHECK(text.find("\"" + std::string(key) + "\"") != std::string::npos);
  }
}

TEST_CASE("command lines: values, switches, repeats and unknown flags", "[server][config]") {
  const std::vector<std::string> args = {"add",       "--username", "sok", "--group", "1",
                                         "--group=2", "--demo",     "--",  "--x"};
  static constexpr std::string_view switches[] = {"demo"};
  const auto cl = command_line::parse(args, switches);
  CHECK(cl.positionals() == std::vector<std::string>{"add", "--x"});
  CHECK(cl.value("username") == "sok");
  CHECK(cl.values("group") == std::vector<std::string>{"1", "2"});
  CHECK(cl.has("demo"));
  static constexpr std::string_view known[] = {"username", "group", "demo"};
  CHECK_NOTHROW(cl.require_known(known));
  static constexpr std::string_view fewer[] = {"username", "demo"};
  CHECK_THROWS_AS(cl.require_known(fewer), usage_error);
  CHECK_THROWS_AS(command_line::parse(std::vector<std::string>{"--port"}), usage_error);
}
