// Package sha256 computes SHA-256 (FIPS 180-4) in plain Go. It exists for
// the WebAssembly widgets: crypto/sha256 brings the FIPS module's
// self-tests along, about 100 KB of brotli in the browser bundle, while a
// definition's content hash needs only the digest. Tests compare it with
// crypto/sha256.
package sha256
