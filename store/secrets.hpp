#pragma once
#include <string>
#include <string_view>

namespace ido::store {

/// A new token secret: "idov_" and 43 characters of base64url over 32 bytes from the operating
/// system's CSPRNG (OpenSSL RAND_bytes). 256 bits, so a fast hash suffices to store it.
std::string new_token_secret();
/// SHA-256 of the text, as 32 raw bytes.
std::string sha256(std::string_view text);
/// Compares without an early exit (OpenSSL CRYPTO_memcmp), so timing reveals nothing of the contents.
bool equal_in_constant_time(std::string_view a, std::string_view b);

}  // namespace ido::store

namespace ido::store {
/// `bytes` random bytes from the CSPRNG as lower-case hex (for ids that must not be guessable or collide).
std::string random_hex(std::size_t bytes);
}  // namespace ido::store
