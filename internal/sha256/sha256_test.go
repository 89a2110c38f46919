package sha256

import (
	std "crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestAgainstCrypto(t *testing.T) {
	for _, s := range []string{"", "abc", strings.Repeat("a", 55), strings.Repeat("b", 56), strings.Repeat("c", 64), strings.Repeat("é", 1000)} {
		want := std.Sum256([]byte(s))
		if got := Sum256([]byte(s)); got != want {
			t.Errorf("Sum256(%d bytes) = %x, want %x", len(s), got, want)
		}
		if Hex([]byte(s)) != hex.EncodeToString(want[:]) {
			t.Errorf("Hex(%d bytes) differs", len(s))
		}
	}
}

func FuzzAgainstCrypto(f *testing.F) {
	f.Add([]byte("abc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if Sum256(data) != std.Sum256(data) {
			t.Fatalf("digest of %q differs", data)
		}
	})
}
