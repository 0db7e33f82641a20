#include "server/auth.h"

#include <sodium.h>

#include <array>

namespace plateau::server {
namespace {

constexpr std::size_t kTokenBytes = 32;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

bool start_crypto() { return sodium_init() >= 0; }

Result<std::string> hash_password(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return fail("the password has " + std::to_string(password.size()) + " characters; expected " +
                std::to_string(kMinPasswordLength) + " or more");
  }
  std::array<char, crypto_pwhash_STRBYTES> out{};
  // The "interactive" cost: about 64 MiB and a tenth of a second per login on this kind of machine.
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail("not enough memory to hash the password");
  }
  return std::string(out.data());
}

bool verify_password(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return to_hex(bytes.data(), bytes.size());
}

std::string token_hash(std::string_view token) {
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return to_hex(hash.data(), hash.size());
}

bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace plateau::server
