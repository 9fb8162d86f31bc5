#include "server/http/gzip.hpp"

#include <boost/beast/zlib/deflate_stream.hpp>
#include <boost/crc.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

namespace samaki::server {
namespace {

namespace zlib = boost::beast::zlib;

void append_le32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// Whether one coding's parameters ("q=0.5") leave it wanted: its q-value is above zero, or absent.
bool wanted(std::string_view params) {
  while (!params.empty()) {
    const auto semicolon = params.find(';');
    const auto param = trim(params.substr(0, semicolon));
    params = semicolon == std::string_view::npos ? std::string_view{} : params.substr(semicolon + 1);
    if (param.size() < 2 || std::tolower(static_cast<unsigned char>(param[0])) != 'q' || param[1] != '=')
      continue;
    const auto value = trim(param.substr(2));
    // RFC 9110 qvalue: "0" ["." 0*3DIGIT] or "1" ["." 0*3("0")]; anything but zero is a yes.
    if (value.empty() || !std::isdigit(static_cast<unsigned char>(value[0]))) return false;
    return std::ranges::any_of(value, [](char c) { return c >= '1' && c <= '9'; });
  }
  return true;
}

}  // namespace

std::uint32_t crc32(std::string_view data) {
  boost::crc_32_type crc;
  crc.process_bytes(data.data(), data.size());
  return crc.checksum();
}

std::string gzip_compress(std::string_view data, int level) {
  // ID1 ID2, CM = 8 (deflate), FLG = 0, MTIME = 0 (none), XFL = 2 (best compression) or 0, OS = 255.
  std::string out = {
      '\x1f', '\x8b', '\x08', '\x00', '\x00', '\x00', '\x00', '\x00', level == 9 ? '\x02' : '\x00', '\xff'};
  zlib::deflate_stream deflater;
  deflater.reset(level, 15, 8, zlib::Strategy::normal);
  zlib::z_params stream;
  stream.next_in = data.data();
  stream.avail_in = data.size();
  std::array<char, 16 * 1024> chunk{};
  for (;;) {
    stream.next_out = chunk.data();
    stream.avail_out = chunk.size();
    boost::system::error_code ec;
    deflater.write(stream, zlib::Flush::finish, ec);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
    if (ec == zlib::error::end_of_stream) break;
    if (ec) throw std::runtime_error("gzip: " + ec.message());
  }
  append_le32(out, crc32(data));
  append_le32(out, static_cast<std::uint32_t>(data.size()));  // ISIZE is the length modulo 2^32
  return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
  // Each is unnamed, refused or wanted; "gzip" named outright overrides "*".
  enum class said { nothing, no, yes };
  said gzip = said::nothing, any = said::nothing;
  while (!accept_encoding.empty()) {
    const auto comma = accept_encoding.find(',');
    const auto item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    const auto semicolon = item.find(';');
    const auto coding = trim(item.substr(0, semicolon));
    const said q =
        wanted(semicolon == std::string_view::npos ? std::string_view{} : item.substr(semicolon + 1))
            ? said::yes
            : said::no;
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip"))
      gzip = std::max(gzip, q);
    else if (coding == "*")
      any = q;
  }
  return (gzip != said::nothing ? gzip : any) == said::yes;
}

}  // namespace samaki::server
