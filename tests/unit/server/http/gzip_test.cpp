// The gzip encoder: what it writes is a gzip file that the system's gzip decodes to the exact input
// (header, deflate, CRC-32 and length all right), for text, binary, empty and large inputs and for
// every file of the web UI; and the reading of Accept-Encoding.
#include "server/http/gzip.hpp"
#include "tests/helpers/system_gunzip.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace samaki::server;
using samaki::test_helpers::system_gunzip;

namespace {

std::uint32_t le32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  return value;
}

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 random(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = static_cast<char>(random() & 0xFF);
  return out;
}

}  // namespace

TEST_CASE("CRC-32 is the gzip one", "[server][gzip]") {
  CHECK(crc32("") == 0);
  CHECK(crc32("123456789") == 0xCBF43926u);  // the standard check value
  CHECK(crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
}

TEST_CASE("gzip writes a header and deflate and then the CRC-32 and the length", "[server][gzip]") {
  const std::string text = "សាមគ្គី savings group, meeting of 5 November: " + std::string(300, 'x');
  const std::string packed = gzip_compress(text);
  REQUIRE(packed.size() > 18);
  CHECK(static_cast<unsigned char>(packed[0]) == 0x1f);
  CHECK(static_cast<unsigned char>(packed[1]) == 0x8b);
  CHECK(packed[2] == 8);  // deflate
  CHECK(packed[3] == 0);  // no name, comment or extra field
  CHECK(le32(packed, packed.size() - 8) == crc32(text));
  CHECK(le32(packed, packed.size() - 4) == text.size());
  CHECK(packed.size() < text.size());
  CHECK(system_gunzip(packed) == text);
  // A damaged trailer is noticed by the decoder: the test above can fail.
  std::string damaged = packed;
  damaged[damaged.size() - 5] = static_cast<char>(damaged[damaged.size() - 5] ^ 1);
  CHECK_FALSE(system_gunzip(damaged));
}

TEST_CASE("gzip decodes to the exact input whatever the input", "[server][gzip]") {
  std::string repeated;
  for (int i = 0; i < 20000; ++i)
    repeated += "{\"member_id\": " + std::to_string(i % 25) + ", \"shares\": 3},";
  const std::string inputs[] = {"",
                                "a",
                                std::string(1, '\0'),
                                random_bytes(100, 1),
                                random_bytes(70000, 2),
                                std::string(1 << 20, 'z'),
                                repeated};
  for (const auto& input : inputs) {
    INFO("input of " << input.size() << " bytes");
    for (int level : {1, 6, 9}) {
      INFO("level " << level);
      const std::string packed = gzip_compress(input, level);
      CHECK(le32(packed, packed.size() - 4) == input.size());
      CHECK(system_gunzip(packed) == input);
    }
  }
  // Random bytes do not shrink; they still round-trip, a few bytes longer.
  CHECK(gzip_compress(random_bytes(70000, 2)).size() < 70000 + 100);
  CHECK(gzip_compress(repeated).size() * 20 < repeated.size());
}

TEST_CASE("every file of the web UI decodes back to itself", "[server][gzip]") {
  namespace fs = std::filesystem;
  std::size_t plain = 0, packed = 0, files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(SAMAKI_WEB_ROOT)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string text = std::move(content).str();
    const std::string compressed = gzip_compress(text);
    INFO(entry.path().string());
    CHECK(system_gunzip(compressed) == text);
    plain += text.size();
    packed += compressed.size();
    ++files;
  }
  CHECK(files > 20);
  CHECK(packed * 2 < plain);  // the UI (many small files) goes to about a third, as gzip -9 makes it
}

TEST_CASE("Accept-Encoding takes gzip when it names gzip or any coding and never at q=0", "[server][gzip]") {
  CHECK(accepts_gzip("gzip"));
  CHECK(accepts_gzip("gzip, deflate, br"));
  CHECK(accepts_gzip("deflate, GZIP;q=0.5"));
  CHECK(accepts_gzip("br;q=1.0, gzip;q=0.001"));
  CHECK(accepts_gzip("x-gzip"));
  CHECK(accepts_gzip("*"));
  CHECK(accepts_gzip("br, *;q=0.1"));
  CHECK(accepts_gzip(" gzip ; q=1 "));
  CHECK_FALSE(accepts_gzip(""));
  CHECK_FALSE(accepts_gzip("identity"));
  CHECK_FALSE(accepts_gzip("deflate, br"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("gzip;q=0.000"));
  CHECK_FALSE(accepts_gzip("gzip;q=0, *"));  // named outright, gzip's own q wins
  CHECK_FALSE(accepts_gzip("*;q=0"));
  CHECK_FALSE(accepts_gzip("gzipped"));
  CHECK_FALSE(accepts_gzip("gzip;q=x"));
}
