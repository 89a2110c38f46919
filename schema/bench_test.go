package schema_test

import (
	"testing"

	"github.com/spfkit/spfkit/schema"
)

// BenchmarkValidateMembership is the per-record cost behind `spfkit
// validate --ndjson` (bench/run.sh measures the whole command against ajv).
func BenchmarkValidateMembership(b *testing.B) {
	rec := []byte(`{"id":"m-0000001","organization_id":"spf-national","person_id":"p-0000001","on_behalf_of_id":"nhs-employers","side":"staff","start_date":"2021-04-01"}`)
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(rec)))
		for range b.N {
			if _, err := schema.Decode(rec); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode+validate", func(b *testing.B) {
		b.SetBytes(int64(len(rec)))
		for range b.N {
			if err := (schema.Validator{}).ValidateJSON(schema.Membership, rec); err != nil {
				b.Fatal(err)
			}
		}
	})
}
