package transfer_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/transfer"
)

// TestMisspeltValuesAreRefused: a value outside one of the closed sets is
// an error naming the set, not a case assessed as something else (a
// misspelt pension status used to drop the New Fair Deal line, and a
// misspelt mechanism became a business transfer).
func TestMisspeltValuesAreRefused(t *testing.T) {
	data, err := os.ReadFile("testdata/outsourcing.json")
	require.NoError(t, err)
	for _, tt := range []struct{ from, to, at string }{
		{`"nhsps_active"`, `"nhsps_actve"`, "/employee/pension"},
		{`"tupe_service_provision_change"`, `"tupe_service_provision"`, "/transfer/mechanism"},
		{`"outsourcing"`, `"outsource"`, "/transfer/spc_kind"},
		{`"agenda_for_change"`, `"afc"`, "/employee/terms"},
		{`"permanent"`, `"perm"`, "/employee/contract"},
		{`"nhs_trust"`, `"trust"`, "/transfer/from/kind"},
	} {
		doc := strings.Replace(string(data), tt.from, tt.to, 1)
		require.NotEqual(t, string(data), doc, "%s is not in the test case", tt.from)
		_, err := check.ParseCase([]byte(doc))
		errs := problem.All(err)
		if len(errs) != 1 || errs[0].Pointer != tt.at || errs[0].Code != "enum" || !strings.Contains(errs[0].Message, tt.from) {
			t.Errorf("%s: got %v, want one enum problem at %s listing %s", tt.to, err, tt.at, tt.from)
		}
	}
}

// TestUnmarshalTextRefusesOutsiders: a Go program that reads a value
// itself gets an EnumError naming the set.
func TestUnmarshalTextRefusesOutsiders(t *testing.T) {
	var p transfer.PensionStatus
	err := p.UnmarshalText([]byte("nhsps_actve"))
	var ee *transfer.EnumError
	if !errors.As(err, &ee) || ee.Name != "pension status" {
		t.Errorf("got %v, want an unknown pension status", err)
	}
}

func TestEnumsListTheirValues(t *testing.T) {
	for _, tt := range []struct {
		name  string
		enum  []string
		valid func(string) bool
	}{
		{"transfer.Terms", transfer.Terms("").Enum(), func(s string) bool { return transfer.Terms(s).Valid() }},
		{"transfer.ContractStatus", transfer.ContractStatus("").Enum(), func(s string) bool { return transfer.ContractStatus(s).Valid() }},
		{"transfer.PensionStatus", transfer.PensionStatus("").Enum(), func(s string) bool { return transfer.PensionStatus(s).Valid() }},
		{"transfer.Mechanism", transfer.Mechanism("").Enum(), func(s string) bool { return transfer.Mechanism(s).Valid() }},
		{"transfer.SPCKind", transfer.SPCKind("").Enum(), func(s string) bool { return transfer.SPCKind(s).Valid() }},
		{"transfer.ChangeReason", transfer.ChangeReason("").Enum(), func(s string) bool { return transfer.ChangeReason(s).Valid() }},
		{"transfer.EmployerKind", transfer.EmployerKind("").Enum(), func(s string) bool { return transfer.EmployerKind(s).Valid() }},
		{"transfer.PensionAccess", transfer.PensionAccess("").Enum(), func(s string) bool { return transfer.PensionAccess(s).Valid() }},
		{"transfer.Regime", transfer.Regime("").Enum(), func(s string) bool { return transfer.Regime(s).Valid() }},
		{"transfer.Route", transfer.Route("").Enum(), func(s string) bool { return transfer.Route(s).Valid() }},
		{"transfer.LineKind", transfer.LineKind("").Enum(), func(s string) bool { return transfer.LineKind(s).Valid() }},
		{"transfer.Topic", transfer.Topic("").Enum(), func(s string) bool { return transfer.Topic(s).Valid() }},
		{"transfer.DutyStatus", transfer.DutyStatus("").Enum(), func(s string) bool { return transfer.DutyStatus(s).Valid() }},
	} {
		if len(tt.enum) < 2 {
			t.Errorf("%s lists %v", tt.name, tt.enum)
		}
		for _, v := range tt.enum {
			if !tt.valid(v) {
				t.Errorf("%s: listed value %q is not Valid", tt.name, v)
			}
		}
		if tt.valid("") || tt.valid("not_a_value") {
			t.Errorf("%s: an empty or unknown value is Valid", tt.name)
		}
	}
}

func TestRulesTable(t *testing.T) {
	all := transfer.Rules()
	seen := map[string]bool{}
	for _, r := range all {
		if seen[r.ID] || r.Source == "" {
			t.Errorf("rule %+v is repeated or has no source", r)
		}
		seen[r.ID] = true
		got, ok := transfer.RuleByID(r.ID)
		if !ok || got != r {
			t.Errorf("transfer.RuleByID(%s) = %+v, %v", r.ID, got, ok)
		}
		if r.Verified == strings.HasPrefix(r.ID, "Q") {
			t.Errorf("rule %s: only the open questions are unverified", r.ID)
		}
	}
	all[0].Source = "changed"
	if diff := cmp.Diff(transfer.Rules()[0].Source, "changed"); diff == "" {
		t.Error("transfer.Rules returns the table itself, not a copy")
	}
	if _, ok := transfer.RuleByID("T99"); ok {
		t.Error("transfer.RuleByID found a rule that does not exist")
	}
}
