// Passwords and session tokens (libsodium).
//
// Passwords are stored as libsodium's argon2id strings (crypto_pwhash_str: salt and cost inside
// the string, so a later cost can be read back). A session token is 32 random bytes, given to the
// browser in hex; the store keeps only its BLAKE2b hash, so a copy of the database opens no session.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace plateau::server {

// REQUIRES: called once before any other function here (sodium_init); false if libsodium cannot start.
bool start_crypto();

// The shortest password an account may have.
constexpr std::size_t kMinPasswordLength = 10;

Result<std::string> hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

// 32 random bytes as 64 hex digits.
std::string random_token();
// The token's BLAKE2b-256 hash as hex, what the store keeps.
std::string token_hash(std::string_view token);
// Compares two texts in time that does not depend on where they differ.
bool same_text(std::string_view a, std::string_view b);

}  // namespace plateau::server
