#include "tests/api/http_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <cctype>

namespace samaki::api_test {
namespace {

bool names_equal(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}

std::filesystem::path fresh_folder() {
  static std::atomic<int> counter{0};
  auto folder = std::filesystem::temp_directory_path() /
                ("samaki_api_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

}  // namespace

std::string json_reply::error_code() const {
  if (!json.is_object()) return {};
  const auto* error = json.as_object().if_contains("error");
  if (error == nullptr || !error->is_object()) return {};
  const auto* code = error->as_object().if_contains("code");
  return code != nullptr && code->is_string() ? std::string(code->as_string()) : std::string();
}

api_client::api_client(std::uint16_t port) : connection_(port) {}

json_reply api_client::get(std::string_view target, std::vector<http_header> headers) {
  return send("GET", target, {}, std::move(headers));
}

json_reply api_client::post(std::string_view target, const boost::json::value& body,
                            std::vector<http_header> headers) {
  return send("POST", target, boost::json::serialize(body), std::move(headers));
}

json_reply api_client::send(std::string_view method, std::string_view target, std::string_view body,
                            std::vector<http_header> headers) {
  const bool has_type =
      std::ranges::any_of(headers, [](const http_header& h) { return names_equal(h.name, "Content-Type"); });
  if (!body.empty() && !has_type) headers.push_back({"Content-Type", "application/json"});
  if (!token_.empty()) headers.push_back({"Authorization", "Bearer " + token_});
  json_reply reply;
  reply.raw = connection_.request(method, target, body, headers);
  reply.status = reply.raw.status;
  boost::system::error_code ec;
  reply.json = boost::json::parse(reply.raw.body, ec);
  if (ec) reply.json = nullptr;
  return reply;
}

test_server::test_server(std::vector<std::string> extra_args,
                         std::vector<std::pair<std::string, std::string>> environment)
    : folder_(fresh_folder()) {
  client::server_process::options options;
  options.binary = SAMAKI_BINARY;
  options.db_path = (folder_ / "samaki.db").string();
  options.extra_args = std::move(extra_args);
  options.environment = std::move(environment);
  options.working_directory = folder_.string();
  process_ = std::make_unique<client::server_process>(std::move(options));
}

test_server::~test_server() {
  process_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

}  // namespace samaki::api_test
