package main

import (
	"testing"

	"github.com/spfkit/spfkit/schema"
)

// BenchmarkCheckMembership is the per-record cost of `validate --ndjson`
// on the membership records of bench/run.sh.
func BenchmarkCheckMembership(b *testing.B) {
	rec := []byte(`{"id":"m-0000001","organization_id":"spf-national","person_id":"p-0000001","on_behalf_of_id":"nhs-employers","side":"staff","start_date":"2021-04-01"}`)
	c := &checker{kind: schema.Membership}
	for range b.N {
		if _, p := c.check(rec, 1); p != nil {
			b.Fatal(p)
		}
	}
}
