package transfer

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// TestMisspeltValuesAreRefused: a value outside one of the closed sets is
// an error naming the set, not a case assessed as something else (a
// misspelt pension status used to drop the New Fair Deal line, and a
// misspelt mechanism became a business transfer).
func TestMisspeltValuesAreRefused(t *testing.T) {
	data, err := os.ReadFile("testdata/outsourcing.json")
	require.NoError(t, err)
	for _, tt := range []struct{ from, to, enum string }{
		{`"nhsps_active"`, `"nhsps_actve"`, "pension status"},
		{`"tupe_service_provision_change"`, `"tupe_service_provision"`, "mechanism"},
		{`"outsourcing"`, `"outsource"`, "service provision change kind"},
		{`"agenda_for_change"`, `"afc"`, "terms"},
		{`"permanent"`, `"perm"`, "contract status"},
		{`"nhs_trust"`, `"trust"`, "employer kind"},
	} {
		doc := strings.Replace(string(data), tt.from, tt.to, 1)
		require.NotEqual(t, string(data), doc, "%s is not in the test case", tt.from)
		_, err := ParseCase([]byte(doc))
		var ee *EnumError
		if !errors.As(err, &ee) || ee.Name != tt.enum {
			t.Errorf("%s: got %v, want an unknown %s", tt.to, err, tt.enum)
		}
	}
}

func TestEnumsListTheirValues(t *testing.T) {
	for _, tt := range []struct {
		name  string
		enum  []string
		valid func(string) bool
	}{
		{"Terms", Terms("").Enum(), func(s string) bool { return Terms(s).Valid() }},
		{"ContractStatus", ContractStatus("").Enum(), func(s string) bool { return ContractStatus(s).Valid() }},
		{"PensionStatus", PensionStatus("").Enum(), func(s string) bool { return PensionStatus(s).Valid() }},
		{"Mechanism", Mechanism("").Enum(), func(s string) bool { return Mechanism(s).Valid() }},
		{"SPCKind", SPCKind("").Enum(), func(s string) bool { return SPCKind(s).Valid() }},
		{"TermsChange", TermsChange("").Enum(), func(s string) bool { return TermsChange(s).Valid() }},
		{"EmployerKind", EmployerKind("").Enum(), func(s string) bool { return EmployerKind(s).Valid() }},
		{"PensionAccess", PensionAccess("").Enum(), func(s string) bool { return PensionAccess(s).Valid() }},
		{"Regime", Regime("").Enum(), func(s string) bool { return Regime(s).Valid() }},
		{"Route", Route("").Enum(), func(s string) bool { return Route(s).Valid() }},
		{"LineKind", LineKind("").Enum(), func(s string) bool { return LineKind(s).Valid() }},
		{"Topic", Topic("").Enum(), func(s string) bool { return Topic(s).Valid() }},
		{"DutyStatus", DutyStatus("").Enum(), func(s string) bool { return DutyStatus(s).Valid() }},
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
	all := Rules()
	seen := map[string]bool{}
	for _, r := range all {
		if seen[r.ID] || r.Source == "" {
			t.Errorf("rule %+v is repeated or has no source", r)
		}
		seen[r.ID] = true
		got, ok := RuleByID(r.ID)
		if !ok || got != r {
			t.Errorf("RuleByID(%s) = %+v, %v", r.ID, got, ok)
		}
		if r.Verified == strings.HasPrefix(r.ID, "Q") {
			t.Errorf("rule %s: only the open questions are unverified", r.ID)
		}
	}
	all[0].Source = "changed"
	if diff := cmp.Diff(Rules()[0].Source, "changed"); diff == "" {
		t.Error("Rules returns the table itself, not a copy")
	}
	if _, ok := RuleByID("T99"); ok {
		t.Error("RuleByID found a rule that does not exist")
	}
}
