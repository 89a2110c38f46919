package transfer_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/check"
	"github.com/spfkit/spfkit/date"
	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/transfer"
)

// parseCase reads a case as spfkit validate reads it.
func parseCase(data []byte) (*transfer.Case, error) { return check.ParseCase(data) }

// baseCase is the outsourcing case of testdata, to vary.
func baseCase(t *testing.T) *transfer.Case {
	t.Helper()
	b, err := os.ReadFile("testdata/outsourcing.json")
	require.NoError(t, err)
	c, err := parseCase(b)
	require.NoError(t, err)
	return c
}

// cited lists an assessment's lines as "kind rule" with any deadline.
func cited(a *transfer.Assessment) []string {
	var out []string
	for _, l := range a.Lines {
		s := string(l.Kind) + " " + l.Rule
		if !l.Deadline.IsZero() {
			s += " " + l.Deadline.String()
		}
		if l.Status != "" {
			s += " " + string(l.Status)
		}
		out = append(out, s)
	}
	return out
}

// assessed assesses c and checks that the assessment does not contradict
// itself: every test case runs the consistency check.
func assessed(t *testing.T, c *transfer.Case) *transfer.Assessment {
	t.Helper()
	a := transfer.Assess(c)
	consistent(t, a)
	return a
}

// consistent fails the test when the assessment contradicts itself: has
// and lacks call it, so every assessment a test inspects is checked.
func consistent(t *testing.T, a *transfer.Assessment) {
	t.Helper()
	if bad := a.Contradictions(); len(bad) > 0 {
		t.Errorf("the assessment contradicts itself:\n%s", strings.Join(bad, "\n"))
	}
}

func has(t *testing.T, a *transfer.Assessment, want ...string) {
	t.Helper()
	consistent(t, a)
	got := strings.Join(cited(a), "\n") + "\n"
	for _, w := range want {
		if !strings.Contains(got, w+"\n") && !strings.Contains(got, w+" ") {
			t.Errorf("assessment lacks %q; it has:\n%s", w, got)
		}
	}
}

func lacks(t *testing.T, a *transfer.Assessment, rule string) {
	t.Helper()
	consistent(t, a)
	for _, l := range a.Lines {
		if l.Rule == rule {
			t.Errorf("assessment should not cite %s: %s", rule, l.Text)
		}
	}
}

func TestScenarios(t *testing.T) {
	t.Run("1: a community service outsourced to a private provider", func(t *testing.T) {
		c := baseCase(t)
		a := assessed(t, c)
		if a.Regime != transfer.RegimeTUPE || a.Route != transfer.Blue {
			t.Errorf("regime %s route %s", a.Regime, a.Route)
		}
		has(t, a, "regime T1", "protection T3", "protection A8", "protection P2", "duty T11 2025-09-03 late", "warning T11", "duty T16 2025-12-31", "open_question Q2")
	})
	t.Run("3: transfer.CCG staff move to the transfer.ICB on 1 July 2022", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.From = transfer.Employer{Name: "NHS Example transfer.CCG", Kind: transfer.CCG}
		c.Transfer.To = transfer.Employer{Name: "NHS Example transfer.ICB", Kind: transfer.ICB}
		c.Transfer.Date = date.MustParse("2022-07-01")
		c.Transfer.Mechanism = transfer.StatutoryScheme
		c.Transfer.SPCKind = ""
		c.Transfer.LiabilityInformationSent = date.Date(0)
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		if a.Regime != transfer.RegimeStatutoryScheme || a.Route != transfer.Red {
			t.Errorf("regime %s route %s", a.Regime, a.Route)
		}
		has(t, a, "regime C4", "open_question Q1", "protection P1", "protection E1", "protection E2", "protection E3", "protection A7")
		c.Employee.Terms = transfer.BoardLevel // the chief finance officer
		a = assessed(t, c)
		for _, l := range a.Lines {
			if l.Rule == "E1" && !strings.Contains(l.Text, "outside the employment commitment") {
				t.Errorf("a board-level transferee is outside the commitment: %s", l.Text)
			}
		}
		lacks(t, a, "E2")
	})
	t.Run("4: a service moves between two NHS trusts", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.To = transfer.Employer{Name: "Another NHS Trust", Kind: transfer.NHSTrust, RecognisedUnion: true}
		c.Transfer.Mechanism = transfer.BusinessTransfer
		a := assessed(t, c)
		if a.Route != transfer.Red {
			t.Errorf("route %s", a.Route)
		}
		has(t, a, "protection T3", "protection P1", "protection A7", "protection A2", "regime C1")
		lacks(t, a, "A8")
		lacks(t, a, "P2")
	})
	t.Run("5: an employee objects to transferring to a private provider", func(t *testing.T) {
		c := baseCase(t)
		c.Employee.Objects = true
		a := assessed(t, c)
		n := 0
		for _, l := range a.Lines {
			if l.Rule == "T5" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("an objection without detriment: %d T5 lines", n)
		}
		c.Employee.MaterialDetriment = true
		a = assessed(t, c)
		n = 0
		for _, l := range a.Lines {
			if l.Rule == "T5" {
				n++
				if !strings.Contains(l.Text, "reg 4(9)") || strings.Contains(l.Text, "not a dismissal") {
					t.Errorf("with material detriment the one T5 line is reg 4(9), and never says it is not a dismissal: %s", l.Text)
				}
			}
		}
		if n != 1 {
			t.Errorf("with material detriment: %d T5 lines", n)
		}
	})
	t.Run("8: the union was never informed", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.RepresentativesInformed = date.MustParse("2025-10-02")
		a := assessed(t, c)
		has(t, a, "duty T12 2025-09-30 late", "warning T12", "duty T16 2025-12-31")
	})
	t.Run("9: a re-tender of staff outsourced under the old Fair Deal", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.From = transfer.Employer{Name: "Old Provider Ltd", Kind: transfer.PrivateProvider}
		c.Transfer.SPCKind = transfer.SPCRetender
		c.Employee.Pension = transfer.BroadlyComparable
		a := assessed(t, c)
		has(t, a, "protection P3")
		if a.Route != "" {
			t.Errorf("a move between independent providers has no SPF route, got %s", a.Route)
		}
	})
	t.Run("a protected transferee on a re-tender keeps New Fair Deal", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.From = transfer.Employer{Name: "First Provider Ltd", Kind: transfer.PrivateProvider}
		c.Transfer.SPCKind = transfer.SPCRetender
		c.Employee.Pension = transfer.ProtectedTransferee
		a := assessed(t, c)
		has(t, a, "protection P2", "open_question Q2")
		lacks(t, a, "T10")
	})
	t.Run("a voluntary move keeps nothing by law", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.Mechanism = transfer.VoluntaryMove
		c.Transfer.Compulsory = false
		a := assessed(t, c)
		if a.Regime != transfer.RegimeNone {
			t.Errorf("regime %s", a.Regime)
		}
		lacks(t, a, "T11")
		lacks(t, a, "T3")
		has(t, a, "protection P2")
	})
	t.Run("NHS England staff move to transfer.DHSC", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.From = transfer.Employer{Name: "NHS England", Kind: transfer.NHSEngland}
		c.Transfer.To = transfer.Employer{Name: "Department of Health and Social Care", Kind: transfer.DHSC}
		c.Transfer.Mechanism = transfer.StatutoryScheme
		a := assessed(t, c)
		has(t, a, "protection P7")
		if a.Route != "" {
			t.Errorf("a move into the civil service is on none of the guide's routes, got %s", a.Route)
		}
	})
	t.Run("an insourcing into an NHS trust", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.From, c.Transfer.To = transfer.Employer{Name: "Old Provider Ltd", Kind: transfer.PrivateProvider}, transfer.Employer{Name: "Example NHS Trust", Kind: transfer.NHSTrust}
		c.Transfer.SPCKind = transfer.SPCInsourcing
		c.Employee.Pension = transfer.OtherScheme
		a := assessed(t, c)
		has(t, a, "protection T9", "protection A2", "open_question Q3")
		lacks(t, a, "T10")
	})
	t.Run("a voluntary move between NHS employers keeps NHS service", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.To = transfer.Employer{Name: "Another NHS Trust", Kind: transfer.NHSTrust}
		c.Transfer.Mechanism = transfer.VoluntaryMove
		a := assessed(t, c)
		has(t, a, "protection A2", "protection P1")
		lacks(t, a, "T3")
		lacks(t, a, "A7")
	})
	t.Run("an administrative reorganisation between public bodies", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.To = transfer.Employer{Name: "Example Council", Kind: transfer.LocalAuthority}
		c.Transfer.Mechanism = transfer.AdministrativeReorg
		a := assessed(t, c)
		if a.Regime != transfer.RegimeCOSOP || a.Route != transfer.Green {
			t.Errorf("regime %s route %s", a.Regime, a.Route)
		}
		has(t, a, "regime T2", "regime C1", "open_question C2", "protection P6")
		c.Transfer.EconomicActivity = true
		if a := assessed(t, c); a.Regime != transfer.RegimeTUPE {
			t.Errorf("an economic activity is a TUPE transfer (Nicholls), got %s", a.Regime)
		}
	})
}

// TestInsourcing: staff coming into the NHS keep NHS Pension Scheme
// membership where the old employer gave it (a GMS or PMS practice, say),
// and the A2 line depends on whether they worked in the NHS before.
func TestInsourcing(t *testing.T) {
	c := baseCase(t)
	c.Transfer.From = transfer.Employer{Name: "Riverside Surgery", Kind: transfer.GPPractice, Headcount: 30}
	c.Transfer.To = transfer.Employer{Name: "Example Community NHS Trust", Kind: transfer.NHSTrust, RecognisedUnion: true, Headcount: 5000}
	c.Transfer.SPCKind = "insourcing"
	c.Transfer.LiabilityInformationSent = date.Date(0)
	require.NoError(t, c.Validate())

	a := assessed(t, c) // the employee is an active NHS Pension Scheme member
	has(t, a, "protection P1", "protection A2", "open_question Q3")
	lacks(t, a, "T9")
	a2 := func(a *transfer.Assessment) string {
		for _, l := range a.Lines {
			if l.Rule == "A2" {
				return l.Text
			}
		}
		return ""
	}
	if got := a2(a); !strings.HasPrefix(got, "If you worked in the NHS before") {
		t.Errorf("with no NHS service date, A2 must give both answers: %s", got)
	}

	c.Employee.NHSServiceStart = date.MustParse("2010-09-01")
	if got := a2(assessed(t, c)); !strings.HasPrefix(got, "On returning to the NHS") {
		t.Errorf("a returner's A2: %s", got)
	}

	c.Employee.Pension = transfer.OtherScheme // the provider's own scheme
	a = assessed(t, c)
	has(t, a, "protection T9")
	lacks(t, a, "P1")
}

// line returns the text of the first line citing rule, or "".
func line(a *transfer.Assessment, rule string) string {
	for _, l := range a.Lines {
		if l.Rule == rule {
			return l.Text
		}
	}
	return ""
}

// TestEntitlements: annual leave (A4) and sick pay (A5) by reckonable
// service on the transfer date, each band on both sides of its edge, and
// the contractual redundancy terms (A6) when redundancies are envisaged.
func TestEntitlements(t *testing.T) {
	at := func(start string) *transfer.Assessment {
		c := baseCase(t) // transfer on 2025-10-01
		c.Employee.ContinuousServiceStart = date.MustParse(start)
		return assessed(t, c)
	}
	for _, tt := range []struct{ start, leave, sick string }{
		{"2025-01-01", "27 days", "1 month on full pay and 2 months on half pay"},
		{"2024-10-02", "27 days", "1 month on full pay and 2 months on half pay"},
		{"2024-10-01", "27 days", "2 months on full pay and 2 months on half pay"},
		{"2023-10-01", "27 days", "4 months on full pay and 4 months on half pay"},
		{"2022-10-01", "27 days", "5 months on full pay and 5 months on half pay"},
		{"2020-10-02", "27 days", "5 months on full pay and 5 months on half pay"},
		{"2020-10-01", "29 days", "6 months on full pay and 6 months on half pay"},
		{"2015-10-02", "29 days", "6 months"},
		{"2015-10-01", "33 days", "6 months"},
	} {
		a := at(tt.start)
		if got := line(a, "A4"); !strings.Contains(got, "annual leave is "+tt.leave+" plus 8 bank holidays") {
			t.Errorf("start %s: A4 %q, want %s", tt.start, got, tt.leave)
		}
		if got := line(a, "A5"); !strings.Contains(got, tt.sick) {
			t.Errorf("start %s: A5 %q, want %s", tt.start, got, tt.sick)
		}
		if (line(a, "Q4") != "") != (tt.start > "2024-10-01") {
			t.Errorf("start %s: the first-year open question Q4 is there: %v", tt.start, line(a, "Q4") != "")
		}
	}
	// An earlier NHS start counts for reckonable service.
	c := baseCase(t)
	c.Employee.NHSServiceStart = date.MustParse("2012-05-01")
	if got := line(assessed(t, c), "A4"); !strings.Contains(got, "13 full years") || !strings.Contains(got, "33 days") {
		t.Errorf("with an NHS start of 2012: %s", got)
	}
	// Only for Agenda for Change staff leaving an NHS employer's contract.
	c = baseCase(t)
	c.Employee.Terms = transfer.MedicalDental
	lacks(t, assessed(t, c), "A4")

	// Redundancy terms: 2 years of NHS service, from 1 April 2015.
	red := func(on, start string) string {
		c := baseCase(t)
		c.Transfer.Date = date.MustParse(on)
		c.Transfer.LiabilityInformationSent = date.Date(0)
		c.Employee.ContinuousServiceStart = date.MustParse(start)
		c.Transfer.RedundanciesEnvisaged = 3
		return line(assessed(t, c), "A6")
	}
	if got := red("2025-10-01", "2023-10-01"); !strings.Contains(got, "you have 2 full years on the transfer date, so you qualify") {
		t.Errorf("two years exactly: %s", got)
	}
	if got := red("2025-10-01", "2023-10-02"); !strings.Contains(got, "so you do not yet qualify") {
		t.Errorf("a day short of two years: %s", got)
	}
	if red("2015-03-31", "2010-01-01") != "" || red("2015-04-01", "2010-01-01") == "" {
		t.Error("A6 applies to transfers from 1 April 2015")
	}
}

// TestRoutesAndPublicBodies covers the lines that depend on who the new
// employer is: S2 for providers of NHS-funded services, S3 only for
// contractors, C3 on re-tenders and insourcing, C1 and Q7 on statutory
// schemes between public bodies.
func TestRoutesAndPublicBodies(t *testing.T) {
	c := baseCase(t) // to a private provider
	a := assessed(t, c)
	has(t, a, "protection S2", "protection S3")
	lacks(t, a, "C3")

	c.Transfer.To = transfer.Employer{Name: "Example Council", Kind: transfer.LocalAuthority, RecognisedUnion: true}
	c.Transfer.Mechanism = transfer.BusinessTransfer
	c.Transfer.SPCKind = ""
	a = assessed(t, c)
	if a.Route != transfer.Green {
		t.Errorf("route %s", a.Route)
	}
	has(t, a, "protection S2", "protection P6")
	lacks(t, a, "S3")

	c = baseCase(t)
	c.Transfer.From = transfer.Employer{Name: "Old Provider Ltd", Kind: transfer.PrivateProvider, Headcount: 200}
	c.Transfer.SPCKind = "retender"
	c.Employee.Pension = transfer.BroadlyComparable
	a = assessed(t, c)
	has(t, a, "regime C3", "protection P3")
	lacks(t, a, "S2")

	c = baseCase(t)
	c.Transfer.From = transfer.Employer{Name: "NHS England", Kind: transfer.NHSEngland, RecognisedUnion: true}
	c.Transfer.To = transfer.Employer{Name: "Department of Health and Social Care", Kind: transfer.DHSC, RecognisedUnion: true}
	c.Transfer.Date = date.MustParse("2027-04-01")
	c.Transfer.Mechanism = transfer.StatutoryScheme
	c.Transfer.SPCKind = ""
	c.Transfer.LiabilityInformationSent = date.Date(0)
	require.NoError(t, c.Validate())
	a = assessed(t, c)
	has(t, a, "regime C5", "regime C1", "open_question Q7", "protection P7")
	lacks(t, a, "S3")
	lacks(t, a, "S2")
}

func TestBoundaryDates(t *testing.T) {
	tests := []struct {
		name string
		set  func(c *transfer.Case)
		want []string
		not  string
	}{
		{"ELI 14 days before 1 May 2014", func(c *transfer.Case) { c.Transfer.Date = date.MustParse("2014-04-30") }, []string{"duty T11 2014-04-16"}, ""},
		{"ELI 28 days from 1 May 2014", func(c *transfer.Case) { c.Transfer.Date = date.MustParse("2014-05-01") }, []string{"duty T11 2014-04-03"}, ""},
		{"no direct consultation for a small employer before 31 July 2014", func(c *transfer.Case) {
			c.Transfer.Date = date.MustParse("2014-07-30")
			c.Transfer.To.Headcount = 8
		}, []string{"duty T14"}, "T15"},
		{"direct consultation under 10 employees from 31 July 2014", func(c *transfer.Case) {
			c.Transfer.Date = date.MustParse("2014-07-31")
			c.Transfer.To.Headcount = 8
		}, []string{"duty T15"}, ""},
		{"not under 50 employees on 30 June 2024", func(c *transfer.Case) {
			c.Transfer.Date = date.MustParse("2024-06-30")
			c.Transfer.To.Headcount = 30
		}, []string{"duty T14"}, "T15"},
		{"under 50 employees from 1 July 2024", func(c *transfer.Case) {
			c.Transfer.Date = date.MustParse("2024-07-01")
			c.Transfer.To.Headcount = 30
		}, []string{"duty T15"}, ""},
		{"fewer than 10 transferring from 1 July 2024", func(c *transfer.Case) {
			c.Transfer.Date = date.MustParse("2024-07-01")
			c.Transfer.Transferring = 9
		}, []string{"duty T15"}, ""},
		{"collective consultation 30 days before the first dismissal", func(c *transfer.Case) {
			c.Transfer.RedundanciesEnvisaged = 20
			c.Transfer.FirstDismissal = date.MustParse("2025-12-01")
		}, []string{"duty T17 2025-11-01"}, ""},
		{"45 days for 100 or more", func(c *transfer.Case) {
			c.Transfer.RedundanciesEnvisaged = 100
			c.Transfer.FirstDismissal = date.MustParse("2025-12-01")
		}, []string{"duty T17 2025-10-17"}, ""},
		{"no collective consultation under 20", func(c *transfer.Case) { c.Transfer.RedundanciesEnvisaged = 19 }, nil, "T17"},
		{"complaint window from 31 January ends on 30 April", func(c *transfer.Case) { c.Transfer.Date = date.MustParse("2025-01-31") }, []string{"duty T16 2025-04-30"}, ""},
		{"complaint window from 30 January ends on 29 April", func(c *transfer.Case) { c.Transfer.Date = date.MustParse("2025-01-30") }, []string{"duty T16 2025-04-29"}, ""},
		{"consultation that began after the transfer", func(c *transfer.Case) { c.Transfer.ConsultationStarted = date.MustParse("2025-10-01") }, []string{"duty T13 2025-09-30 late", "warning T13"}, ""},
		{"consultation that began in time", func(c *transfer.Case) { c.Transfer.ConsultationStarted = date.MustParse("2025-09-01") }, []string{"duty T13 2025-09-30 met"}, ""},
		{"New Fair Deal from 7 October 2013", func(c *transfer.Case) { c.Transfer.Date = date.MustParse("2013-10-07") }, []string{"protection P2"}, ""},
		{"before New Fair Deal", func(c *transfer.Case) { c.Transfer.Date = date.MustParse("2013-10-06") }, []string{"protection T10"}, "P2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := baseCase(t)
			c.Employee.ContinuousServiceStart = date.MustParse("2010-01-01")
			c.Transfer.LiabilityInformationSent = date.Date(0)
			tt.set(c)
			require.NoError(t, c.Validate())
			a := assessed(t, c)
			has(t, a, tt.want...)
			if tt.not != "" {
				lacks(t, a, tt.not)
			}
		})
	}
}

func TestServiceProvisionChangeWording(t *testing.T) {
	for on, want := range map[string]bool{"2014-01-30": false, "2014-01-31": true} {
		c := baseCase(t)
		c.Employee.ContinuousServiceStart = date.MustParse("2010-01-01")
		c.Transfer.Date = date.MustParse(on)
		got := strings.Contains(assessed(t, c).Lines[0].Text, "fundamentally the same")
		if got != want {
			t.Errorf("%s: fundamentally-the-same test %v, want %v", on, got, want)
		}
	}
}

func TestLifetimes(t *testing.T) {
	for _, tt := range []struct {
		kind  transfer.EmployerKind
		last  string // the last day it could receive staff
		first string // the first day it could not
	}{{transfer.HEE, "2023-03-31", "2023-04-01"}, {transfer.NHSDigital, "2023-01-31", "2023-02-01"}, {transfer.NHSImprovement, "2022-06-30", "2022-07-01"}, {transfer.CCG, "2022-06-30", "2022-07-01"}} {
		c := baseCase(t)
		c.Employee.ContinuousServiceStart = date.MustParse("2010-01-01")
		c.Transfer.To = transfer.Employer{Name: "Receiver", Kind: tt.kind}
		c.Transfer.Date = date.MustParse(tt.last)
		if err := c.Validate(); err != nil {
			t.Errorf("%s on %s: %v", tt.kind, tt.last, err)
		}
		c.Transfer.Date = date.MustParse(tt.first)
		if c.Validate() == nil {
			t.Errorf("%s on %s should be refused", tt.kind, tt.first)
		}
	}
}

func TestQualifyingPeriod(t *testing.T) {
	for _, tt := range []struct{ date, start, want string }{
		{"2026-12-31", "2025-06-01", "needs 2 years of service; on the transfer date you do not yet have it (18 months). The period falls to 6 months for a dismissal that takes effect on or after 1 January 2027."},
		{"2027-01-01", "2026-06-01", "needs 6 months of service; on the transfer date you have it (7 months)."},
		{"2027-01-01", "2026-07-02", "needs 6 months of service; on the transfer date you do not yet have it"},
		// Short of 2 years on the transfer date, but with them long before
		// 2027: the later change is not news to this person.
		{"2013-04-01", "2011-05-01", "needs 2 years of service; on the transfer date you do not yet have it (23 months).\x00"},
	} {
		c := baseCase(t)
		c.Transfer.Date = date.MustParse(tt.date)
		c.Employee.ContinuousServiceStart = date.MustParse(tt.start)
		found := false
		for _, l := range assessed(t, c).Lines {
			if l.Rule == "T7" {
				found = strings.Contains(l.Text+"\x00", tt.want) // \x00 in a want marks the end of the text
			}
		}
		if !found {
			t.Errorf("transfer %s, start %s: want %q", tt.date, tt.start, tt.want)
		}
	}
}

func TestImpossibleCases(t *testing.T) {
	tests := []struct {
		name string
		set  func(c *transfer.Case)
		want []string
	}{
		{"the same employer on both sides", func(c *transfer.Case) { c.Transfer.To = c.Transfer.From }, []string{"/transfer/to same_employer"}},
		{"a transfer.CCG receiving staff after it was abolished", func(c *transfer.Case) {
			c.Transfer.To = transfer.Employer{Name: "NHS Example transfer.CCG", Kind: transfer.CCG}
			c.Transfer.Date = date.MustParse("2022-07-01")
		}, []string{"/transfer/to/kind employer_not_existing"}},
		{"a transfer.CCG sending staff after its abolition day", func(c *transfer.Case) {
			c.Transfer.From = transfer.Employer{Name: "NHS Example transfer.CCG", Kind: transfer.CCG}
			c.Transfer.Date = date.MustParse("2022-07-02")
		}, []string{"/transfer/from/kind employer_not_existing"}},
		{"an transfer.ICB before it was established", func(c *transfer.Case) {
			c.Transfer.To = transfer.Employer{Name: "NHS Example transfer.ICB", Kind: transfer.ICB}
			c.Transfer.Date = date.MustParse("2022-06-30")
		}, []string{"/transfer/to/kind employer_not_existing"}},
		{"a transfer before the employee started", func(c *transfer.Case) { c.Employee.ContinuousServiceStart = date.MustParse("2025-10-02") }, []string{"/transfer/date before_employment"}},
		{"a service provision change without its kind", func(c *transfer.Case) { c.Transfer.SPCKind = "" }, []string{"/transfer/spc_kind missing_value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := baseCase(t)
			tt.set(c)
			var got []string
			for _, e := range problem.All(c.Validate()) {
				got = append(got, e.Pointer+" "+e.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	c := baseCase(t)
	c.Transfer.To = transfer.Employer{Name: "NHS Example transfer.CCG", Kind: transfer.CCG}
	c.Transfer.Date = date.MustParse("2022-06-30")
	c.Employee.ContinuousServiceStart = date.MustParse("2010-01-01")
	require.NoError(t, c.Validate(), "a transfer.CCG could still receive staff on 30 June 2022")
}

func TestEveryLineCitesAKnownRule(t *testing.T) {
	c := baseCase(t)
	for _, mech := range []transfer.Mechanism{transfer.BusinessTransfer, transfer.ServiceProvisionChange, transfer.StatutoryScheme, transfer.COSOPOffer, transfer.VoluntaryMove, transfer.AdministrativeReorg} {
		c.Transfer.Mechanism = mech
		for _, l := range assessed(t, c).Lines {
			r, ok := transfer.RuleByID(l.Rule)
			if !ok || l.Source != r.Source || l.Text == "" || len(l.Facts) == 0 {
				t.Errorf("%s: line %+v", mech, l)
			}
		}
	}
}

// FuzzParseCase checks that any document either fails, located, or is a
// case the rules can assess and whose assessment encodes.
func FuzzCase(f *testing.F) {
	b, _ := os.ReadFile("testdata/outsourcing.json")
	f.Add(b)
	f.Add([]byte(`{"employee":{"terms":"board_level","contract":"secondee","pension":"broadly_comparable","continuous_service_start":"2020-02-29","assigned":false},"transfer":{"from":{"name":"a","kind":"ccg"},"to":{"name":"b","kind":"icb"},"date":"2022-07-01","mechanism":"statutory_transfer_scheme","compulsory":true,"transferring":1}}`))
	f.Add([]byte(`{"employee":{"terms":"agenda_for_change","contract":"bank","pension":"nhsps_active","continuous_service_start":"2009-02-01","assigned":true,"termination_date":"2014-03-01"},"transfer":{"from":{"name":"a","kind":"commissioning_support_unit"},"to":{"name":"b","kind":"wholly_owned_subsidiary"},"date":"2013-12-01","mechanism":"tupe_business_transfer","compulsory":true,"transferring":4,"terms_change_reason":"transfer","terms_change_contract_permits":true,"terms_change_from_collective_agreement":true,"terms_change_date":"2014-12-02","terms_change_no_less_favourable":true,"complaint_presented":"2014-03-01"},"as_at":"2014-06-01"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseCase(data)
		if err != nil {
			return
		}
		a := assessed(t, c)
		if bad := a.Contradictions(); len(bad) > 0 {
			t.Fatalf("the assessment contradicts itself:\n%s", strings.Join(bad, "\n"))
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
		var md strings.Builder
		if err := a.WriteMarkdown(&md); err != nil {
			t.Fatal(err)
		}
	})
}

// TestDatesAreLocated: a date that is not a day, or is too early to be
// one of employment, is reported where it is written.
func TestDatesAreLocated(t *testing.T) {
	data, err := os.ReadFile("testdata/outsourcing.json")
	require.NoError(t, err)
	for _, tt := range []struct{ from, to, want string }{
		{`"date": "2025-10-01"`, `"date": "1999-02-29"`, `line 14, column 13: /transfer/date: "1999-02-29" is not a date: the day is not 01 to 28`},
		{`"continuous_service_start": "2019-04-01"`, `"continuous_service_start": "0001-01-01"`, `line 8, column 33: /employee/continuous_service_start: "0001-01-01" is too early for a date of employment`},
		{`"date": "2025-10-01"`, `"date": "2025-10"`, `line 14, column 13: /transfer/date: "2025-10" is not a date: write a whole day, as YYYY-MM-DD`},
	} {
		_, err := parseCase([]byte(strings.Replace(string(data), tt.from, tt.to, 1)))
		if errs := problem.All(err); len(errs) != 1 || errs[0].Error() != tt.want || errs[0].Code != "date" {
			t.Errorf("got %v, want %s", err, tt.want)
		}
	}
}

// TestNoContradictions assesses the base case in every combination of
// mechanism, assignment, objection, detriment, contract status and
// direction, and finds no line that presumes the person moves beside one
// saying they do not, no TUPE-only line on a COSOP move, and no
// protection of old terms on a voluntary move.
func TestNoContradictions(t *testing.T) {
	kinds := [][2]transfer.EmployerKind{
		{transfer.NHSTrust, transfer.PrivateProvider}, {transfer.NHSTrust, transfer.FoundationTrust},
		{transfer.NHSEngland, transfer.DHSC}, {transfer.PrivateProvider, transfer.NHSTrust}, {transfer.NHSTrust, transfer.LocalAuthority},
		{transfer.NHSTrust, transfer.WhollyOwnedSubsidiary}, {transfer.CSU, transfer.ICB},
	}
	n, tried := 0, 0
	for _, mech := range transfer.Mechanisms {
		for _, k := range kinds {
			for _, assigned := range []bool{true, false} {
				for _, objects := range []bool{true, false} {
					for _, detriment := range []bool{true, false} {
						for _, contract := range transfer.ContractStatuses {
							c := baseCase(t)
							c.Transfer.Mechanism, c.Transfer.From.Kind, c.Transfer.To.Kind = mech, k[0], k[1]
							c.Transfer.Compulsory = mech != transfer.VoluntaryMove
							if mech == transfer.ServiceProvisionChange && c.Transfer.SPCKind == "" {
								c.Transfer.SPCKind = transfer.SPCOutsourcing
							}
							c.Employee.Assigned, c.Employee.Objects, c.Employee.MaterialDetriment, c.Employee.Contract = assigned, objects, detriment, contract
							// A change to terms, for each reason in turn.
							tried++
							c.Transfer.TermsChangeReason = transfer.ChangeReasons[tried%len(transfer.ChangeReasons)]
							c.Transfer.TermsChangeAgreed = tried%3 == 0 && c.Transfer.TermsChangeReason != transfer.ReasonNone
							c.Employee.EmploymentStatus = []transfer.EmploymentStatus{"", transfer.StatusEmployee, transfer.StatusWorker}[tried%3]
							if c.Validate() != nil {
								continue
							}
							n++
							a := assessed(t, c)
							if bad := a.Contradictions(); len(bad) > 0 {
								t.Errorf("%s %s→%s assigned=%v objects=%v detriment=%v %s:\n%s", mech, k[0], k[1], assigned, objects, detriment, contract, strings.Join(bad, "\n"))
							}
						}
					}
				}
			}
		}
	}
	if n < 500 {
		t.Fatalf("only %d cases were valid", n)
	}
}

// TestContradictionsAreFound: the check itself finds what it looks for.
func TestContradictionsAreFound(t *testing.T) {
	a := &transfer.Assessment{Regime: transfer.RegimeCOSOP, Lines: []transfer.Line{
		{Rule: "T5", Facts: []string{"objects: true"}, Text: "you do not move"},
		{Rule: "A8", Facts: []string{"date: 2025-10-01"}, Text: "your pay is frozen with the new employer"},
		{Rule: "T16", Facts: []string{"date: 2025-10-01"}, Text: "a complaint must reach an employment tribunal"},
	}}
	if got := len(a.Contradictions()); got != 2 {
		t.Errorf("%d contradictions found, want 2: %v", got, a.Contradictions())
	}
	later := &transfer.Assessment{Regime: transfer.RegimeStatutoryScheme, Date: date.MustParse("2023-04-01"), Lines: []transfer.Line{
		{Rule: "E3", Kind: transfer.KindProtection, Text: "the 2022 scheme covers you"},
		{Rule: "T6", Kind: transfer.KindProtection, Text: "the change stands"},
		{Rule: "T6", Kind: transfer.KindWarning, Text: "the change is void"},
	}}
	got := later.Contradictions()
	want := []string{
		"E3 is not in force on the transfer date 2023-04-01: the 2022 scheme covers you",
		"T6 both allows and forbids the change to terms: the change is void",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWhoMoves: each person gets only the lines that apply to them (the
// wrong answers reported in the issue on transfer assessments).
func TestWhoMoves(t *testing.T) {
	t.Run("an objector is not told she moves", func(t *testing.T) {
		c := baseCase(t)
		c.Employee.Objects = true
		a := assessed(t, c)
		has(t, a, "protection T5")
		for _, r := range []string{"T3", "A8", "P2", "T7", "T8"} {
			lacks(t, a, r)
		}
	})
	t.Run("staff not assigned stay, with nothing about the new employer", func(t *testing.T) {
		c := baseCase(t)
		c.Employee.Assigned = false
		a := assessed(t, c)
		has(t, a, "protection T4")
		for _, r := range []string{"T3", "A8", "P2", "T7"} {
			lacks(t, a, r)
		}
	})
	t.Run("a COSOP offer gets no TUPE-only line", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.Mechanism = transfer.COSOPOffer
		c.Transfer.From = transfer.Employer{Name: "NHS England", Kind: transfer.NHSEngland}
		c.Transfer.To = transfer.Employer{Name: "DHSC", Kind: transfer.DHSC}
		c.Transfer.SPCKind = ""
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		has(t, a, "protection C1", "open_question C2")
		for _, r := range []string{"T3", "T7", "T8", "T16"} {
			lacks(t, a, r)
		}
	})
	t.Run("a material detriment without an objection", func(t *testing.T) {
		c := baseCase(t)
		c.Employee.MaterialDetriment = true
		a := assessed(t, c)
		found := false
		for _, l := range a.Lines {
			found = found || l.Rule == "T5" && strings.Contains(l.Text, "reg 4(9)")
		}
		if !found {
			t.Error("no reg 4(9) line")
		}
	})
	t.Run("a bank worker is told about worker status", func(t *testing.T) {
		c := baseCase(t)
		c.Employee.Contract = transfer.Bank
		a := assessed(t, c)
		found := false
		for _, l := range a.Lines {
			found = found || l.Kind == transfer.KindOpenQuestion && strings.Contains(l.Text, "worker rather than an employee")
		}
		if !found {
			t.Error("no word on worker versus employee")
		}
	})
	for _, tt := range []struct {
		name string
		set  func(c *transfer.Case)
		want string
	}{
		{"a transfer in 1998 is not given later law", func(c *transfer.Case) {
			c.Transfer.Date = date.MustParse("1998-04-01")
			c.Employee.ContinuousServiceStart = date.MustParse("1990-01-01")
		}, "/transfer/date before_covered"},
		{"TUPE is not voluntary", func(c *transfer.Case) { c.Transfer.Compulsory = false }, "/transfer/compulsory invalid_value"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := baseCase(t)
			tt.set(c)
			var got []string
			for _, e := range problem.All(c.Validate()) {
				got = append(got, e.Pointer+" "+e.Code)
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("problems %v, want %s", got, tt.want)
			}
		})
	}
}

// TestAsAt: assessed as at a day, a duty whose deadline has passed with
// nothing recorded is overdue, said in the past tense; one met, or not
// yet due, is not; the time to complain, once run out, is said to have.
func TestAsAt(t *testing.T) {
	c := baseCase(t) // transfer 1 October 2025: ELI due 3 September 2025
	c.Transfer.LiabilityInformationSent = date.Date(0)
	c.AsAt = date.MustParse("2025-09-10")
	a := assessed(t, c)
	has(t, a, "duty T11 2025-09-03 overdue")
	found := false
	for _, l := range a.Lines {
		if l.Kind == transfer.KindWarning && l.Rule == "T11" && strings.Contains(l.Text, "was due by 3 September 2025; as at 10 September 2025") {
			found = true
		}
		if l.Kind == transfer.KindDuty && l.Rule == "T12" && l.Status != "" {
			t.Errorf("T12 is not due yet on 10 September: %s", l.Status)
		}
	}
	if !found {
		t.Errorf("no past-tense warning for the late ELI:\n%s", strings.Join(cited(a), "\n"))
	}
	c.AsAt = date.MustParse("2026-02-01")
	a = assessed(t, c)
	found = false
	for _, l := range a.Lines {
		found = found || l.Rule == "T16" && l.Kind == transfer.KindWarning && strings.Contains(l.Text, "ended on 31 December 2025")
	}
	if !found {
		t.Error("no word that the time to complain ended")
	}
	c.AsAt = date.Date(0)
	for _, l := range assessed(t, c).Lines {
		if l.Status == transfer.Overdue {
			t.Errorf("without as_at nothing is judged overdue: %s", l.Rule)
		}
	}
}

// TestLateInformationAmount: a late ELI warning works out the minimum
// compensation for everyone transferring.
func TestLateInformationAmount(t *testing.T) {
	c := baseCase(t)
	c.Transfer.Transferring = 25
	c.Transfer.LiabilityInformationSent = date.MustParse("2025-09-20")
	for _, l := range assessed(t, c).Lines {
		if l.Kind == transfer.KindWarning && l.Rule == "T11" {
			if !strings.Contains(l.Text, "£12,500 for the 25 transferring") {
				t.Errorf("the warning does not work out the total: %s", l.Text)
			}
			return
		}
	}
	t.Error("no warning for late information")
}

// TestFactsInConclusionsOut: the conclusions follow from dates and facts
// the case states.
func TestFactsInConclusionsOut(t *testing.T) {
	t7 := func(a *transfer.Assessment) string {
		for _, l := range a.Lines {
			if l.Rule == "T7" {
				return l.Text
			}
		}
		return ""
	}
	c := baseCase(t) // continuous service from 1 April 2019
	c.Employee.ContinuousServiceStart = date.MustParse("2026-05-01")
	c.Transfer.Date = date.MustParse("2026-09-01")
	c.Employee.TerminationDate = date.MustParse("2027-01-15")
	if got := t7(assessed(t, c)); !strings.Contains(got, "6 months of service; when your employment ends on 15 January 2027 you have it (8 months)") {
		t.Errorf("a dismissal in 2027 after 8 months: %s", got)
	}
	c.Employee.TerminationDate = date.MustParse("2026-12-31")
	if got := t7(assessed(t, c)); !strings.Contains(got, "2 years of service; when your employment ends on 31 December 2026 you do not yet have it (7 months)") {
		t.Errorf("a dismissal in 2026: %s", got)
	}
	c = baseCase(t)
	c.Transfer.RepresentativesInformed = date.Date(0)
	c.Transfer.RepresentativesNeverInformed = true
	c.Transfer.Transferring = 10
	found := false
	for _, l := range assessed(t, c).Lines {
		found = found || l.Kind == transfer.KindWarning && l.Rule == "T12" && strings.Contains(l.Text, "never informed") && strings.Contains(l.Text, "130 weeks' pay in all for the 10 transferring")
	}
	if !found {
		t.Error("no warning that the representatives were never informed")
	}
	has(t, assessed(t, c), "duty T12 2025-09-30 missed")
	// The award is for each affected employee, transferring or not.
	c.Transfer.Transferring, c.Transfer.AffectedNotTransferring = 100, 20
	found = false
	for _, l := range assessed(t, c).Lines {
		found = found || l.Kind == transfer.KindWarning && l.Rule == "T12" && strings.Contains(l.Text, "up to 1,560 weeks' pay in all for the 120 affected employees (100 transferring and 20 who do not)")
	}
	if !found {
		t.Error("the award does not count the affected staff who do not transfer")
	}
	c.Transfer.RepresentativesInformed = date.MustParse("2025-09-01")
	if c.Validate() == nil {
		t.Error("informed on a day and never: accepted")
	}
	c = baseCase(t)
	c.Transfer.SpecialCircumstances = true
	for _, l := range assessed(t, c).Lines {
		if l.Kind == transfer.KindWarning && l.Rule == "T11" && !strings.Contains(l.Text, "special circumstances made it not reasonably practicable") {
			t.Errorf("the late ELI warning ignores the special circumstances: %s", l.Text)
		}
	}
}

// TestLawInForce: no assessment cites a rule on a transfer dated before
// the rule applied, across every mechanism and direction from 2006 on.
func TestLawInForce(t *testing.T) {
	kinds := [][2]transfer.EmployerKind{
		{transfer.NHSTrust, transfer.PrivateProvider}, {transfer.NHSTrust, transfer.FoundationTrust}, {transfer.CCG, transfer.ICB},
		{transfer.NHSDigital, transfer.NHSEngland}, {transfer.PrivateProvider, transfer.PrivateProvider}, {transfer.NHSTrust, transfer.LocalAuthority},
		{transfer.NHSTrust, transfer.WhollyOwnedSubsidiary}, {transfer.CSU, transfer.ICB},
	}
	days := []string{"2006-04-06", "2010-01-01", "2010-12-12", "2010-12-13", "2013-10-06", "2014-01-30", "2014-01-31", "2013-10-07", "2014-07-30", "2015-03-31", "2015-04-01", "2022-06-30", "2022-07-01", "2022-07-02", "2023-02-01", "2027-01-01"}
	checked := 0
	for _, mech := range transfer.Mechanisms {
		for _, k := range kinds {
			for _, d := range days {
				c := baseCase(t)
				c.Transfer.Mechanism, c.Transfer.From.Kind, c.Transfer.To.Kind = mech, k[0], k[1]
				c.Transfer.Compulsory = mech != transfer.VoluntaryMove
				c.Transfer.SPCKind = transfer.SPCOutsourcing
				c.Transfer.Date = date.MustParse(d)
				c.Transfer.RedundanciesEnvisaged = 25
				c.Transfer.FirstDismissal = c.Transfer.Date.AddDays(90)
				c.Transfer.LiabilityInformationSent, c.Transfer.RepresentativesInformed, c.Transfer.ConsultationStarted = date.Date(0), date.Date(0), date.Date(0)
				c.Employee.ContinuousServiceStart = date.MustParse("2000-01-01")
				c.Employee.Pension = []transfer.PensionStatus{transfer.ProtectedTransferee, transfer.BroadlyComparable, transfer.NHSPSActive}[checked%3]
				if c.Validate() != nil {
					continue
				}
				checked++
				for _, l := range assessed(t, c).Lines {
					r, _ := transfer.RuleByID(l.Rule)
					if !r.InForce(c.Transfer.Date) {
						t.Errorf("%s %s→%s on %s cites %s, which applies from %s until %s: %s", mech, k[0], k[1], d, l.Rule, r.From, r.Until, l.Text)
					}
				}
			}
		}
	}
	if checked < 100 {
		t.Fatalf("only %d cases were valid", checked)
	}
}

// TestTwoTierCode: new joiners alongside transferred staff are spoken of
// under the code in force on the transfer date.
func TestTwoTierCode(t *testing.T) {
	for _, tt := range []struct {
		day, want, not string
	}{
		{"2010-12-12", "S4", "S3"},
		{"2010-12-13", "S3", "S4"},
	} {
		c := baseCase(t)
		c.Employee.ContinuousServiceStart = date.MustParse("2005-01-01")
		c.Transfer.Date = date.MustParse(tt.day)
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		var rules []string
		for _, l := range a.Lines {
			rules = append(rules, l.Rule)
		}
		if !slices.Contains(rules, tt.want) || slices.Contains(rules, tt.not) {
			t.Errorf("%s: cites %v; want %s and not %s", tt.day, rules, tt.want, tt.not)
		}
	}
}

// TestRuleInForce: a rule's period is half open, from From to the day
// before Until.
func TestRuleInForce(t *testing.T) {
	e3, _ := transfer.RuleByID("E3")
	got := []bool{e3.InForce(date.MustParse("2022-06-30")), e3.InForce(date.MustParse("2022-07-01")), e3.InForce(date.MustParse("2022-07-02"))}
	if diff := cmp.Diff([]bool{false, true, false}, got); diff != "" {
		t.Errorf("E3 (-want +got):\n%s", diff)
	}
	for _, r := range transfer.Rules() {
		if !r.Until.IsZero() && !r.From.IsZero() && !r.From.Before(r.Until) {
			t.Errorf("%s applies from %s until %s: an empty period", r.ID, r.From, r.Until)
		}
	}
}

// TestAgencyAndAffectedStaff: the duty to inform says what it must cover.
func TestAgencyAndAffectedStaff(t *testing.T) {
	c := baseCase(t)
	c.Transfer.AgencyWorkers, c.Transfer.AffectedNotTransferring = 4, 6
	for _, l := range assessed(t, c).Lines {
		if l.Kind == transfer.KindDuty && l.Rule == "T12" {
			if !strings.Contains(l.Text, "agency workers it uses in the group (4)") || !strings.Contains(l.Text, "the 6 affected employees who do not transfer") {
				t.Errorf("T12: %s", l.Text)
			}
			return
		}
	}
	t.Error("no T12 duty")
}

// TestTermsChangeFacts: whether a change to terms stands is worked out
// from its facts (reason, agreement, the contract, a collective agreement,
// its date, the package after it), under regulation 4 as it stood on the
// transfer date.
func TestTermsChangeFacts(t *testing.T) {
	type result struct {
		Kind transfer.LineKind
		Has  string
	}
	t6 := func(day string, set func(tr *transfer.Transfer)) []transfer.Line {
		c := baseCase(t)
		c.Transfer.Date = date.MustParse(day)
		c.Employee.ContinuousServiceStart = date.MustParse("2009-04-01")
		set(&c.Transfer)
		if err := c.Validate(); err != nil {
			t.Fatalf("invalid case: %v", err)
		}
		var out []transfer.Line
		for _, l := range assessed(t, c).Lines {
			if l.Rule == "T6" {
				out = append(out, l)
			}
		}
		return out
	}
	const day = "2025-10-01"
	tests := []struct {
		name string
		day  string
		set  func(tr *transfer.Transfer)
		want result
	}{
		{"the transfer itself", day, func(tr *transfer.Transfer) { tr.TermsChangeReason = transfer.ReasonTransfer }, result{transfer.KindWarning, "is void"}},
		{"the transfer itself, agreed", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeAgreed = transfer.ReasonTransfer, true
		}, result{transfer.KindWarning, "void even though you agreed"}},
		{"the contract permits it", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeContractPermits = transfer.ReasonTransfer, true
		}, result{transfer.KindProtection, "reg 4(5)(b)"}},
		{"ETO, agreed", day, func(tr *transfer.Transfer) { tr.TermsChangeReason, tr.TermsChangeAgreed = transfer.ReasonETO, true }, result{transfer.KindProtection, "it stands (reg 4(5)(a))"}},
		{"ETO, not agreed", day, func(tr *transfer.Transfer) { tr.TermsChangeReason = transfer.ReasonETO }, result{transfer.KindWarning, "you have not, so it does not bind you"}},
		{"unconnected, agreed", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeAgreed = transfer.ReasonUnconnected, true
		}, result{transfer.KindProtection, "you agreed it, so it stands"}},
		{"unconnected, not agreed", day, func(tr *transfer.Transfer) { tr.TermsChangeReason = transfer.ReasonUnconnected }, result{transfer.KindWarning, "you have not agreed it"}},
		{"collective, no date", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeFromCollectiveAgreement = transfer.ReasonTransfer, true
		}, result{transfer.KindWarning, "with effect from 2 October 2026"}},
		{"collective, on the anniversary", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeFromCollectiveAgreement, tr.TermsChangeNoLessFavourable = transfer.ReasonTransfer, true, true
			tr.TermsChangeDate = date.MustParse("2026-10-01")
		}, result{transfer.KindWarning, "the earliest is 2 October 2026"}},
		{"collective, after a year, less favourable", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeFromCollectiveAgreement = transfer.ReasonTransfer, true
			tr.TermsChangeDate = date.MustParse("2026-10-02")
		}, result{transfer.KindWarning, "the case does not say they are, so the change is void"}},
		{"collective, after a year, no less favourable", day, func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeFromCollectiveAgreement, tr.TermsChangeNoLessFavourable = transfer.ReasonTransfer, true, true
			tr.TermsChangeDate = date.MustParse("2026-10-02")
		}, result{transfer.KindProtection, "reg 4(5B)"}},
		// Before 31 January 2014, regulation 4 as made: no exception for
		// collective terms or for what the contract permits.
		{"2013: collective, after a year", "2013-06-03", func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeFromCollectiveAgreement, tr.TermsChangeNoLessFavourable = transfer.ReasonTransfer, true, true
			tr.TermsChangeDate = date.MustParse("2014-09-01")
		}, result{transfer.KindWarning, "no exception for terms from a collective agreement"}},
		{"2013: the contract permits it", "2013-06-03", func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeContractPermits = transfer.ReasonTransfer, true
		}, result{transfer.KindWarning, "nor for a change the contract permits"}},
		{"2013: ETO, agreed", "2013-06-03", func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeAgreed = transfer.ReasonETO, true
		}, result{transfer.KindProtection, "so it stands"}},
		{"2014-01-31: the contract permits it", "2014-01-31", func(tr *transfer.Transfer) {
			tr.TermsChangeReason, tr.TermsChangeContractPermits = transfer.ReasonTransfer, true
		}, result{transfer.KindProtection, "reg 4(5)(b)"}},
	}
	for _, tt := range tests {
		lines := t6(tt.day, tt.set)
		if len(lines) != 1 {
			t.Errorf("%s: %d T6 lines, want 1: %v", tt.name, len(lines), lines)
			continue
		}
		got := result{lines[0].Kind, tt.want.Has}
		if !strings.Contains(lines[0].Text, tt.want.Has) {
			got.Has = lines[0].Text
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if lines := t6(day, func(*transfer.Transfer) {}); len(lines) != 0 {
		t.Errorf("no change to terms, yet %v", lines)
	}
}

// TestTermsChangeNeedsItsReason: facts about a change to terms without its
// reason are refused, located, rather than dropped.
func TestTermsChangeNeedsItsReason(t *testing.T) {
	c := baseCase(t)
	c.Transfer.TermsChangeAgreed = true
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "/transfer/terms_change_reason") {
		t.Fatalf("got %v, want a problem at /transfer/terms_change_reason", err)
	}
	c.Transfer.TermsChangeReason = transfer.ReasonNone
	if c.Validate() == nil {
		t.Fatal("reason none with a fact about the change was accepted")
	}
	c.Transfer.TermsChangeReason = transfer.ReasonETO
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}

// TestExistingRepresentatives: with no recognised union, existing
// employee representatives are the ones to inform, before any direct
// consultation or election.
func TestExistingRepresentatives(t *testing.T) {
	c := baseCase(t)
	c.Transfer.To.RecognisedUnion, c.Transfer.To.ExistingRepresentatives, c.Transfer.To.Headcount = false, true, 20
	found := false
	for _, l := range assessed(t, c).Lines {
		if l.Rule == "T15" && strings.Contains(l.Text, "new employer") {
			t.Errorf("direct consultation offered although the new employer has representatives: %s", l.Text)
		}
		found = found || l.Rule == "T14" && strings.Contains(l.Text, "new employer's appropriate representatives are its existing employee representatives")
	}
	if !found {
		t.Error("the existing representatives are not named")
	}
}

// TestAbolishedBodies: a primary care trust can send staff up to its
// abolition on 1 April 2013, and CCGs exist only from that day.
func TestAbolishedBodies(t *testing.T) {
	c := baseCase(t)
	c.Employee.ContinuousServiceStart = date.MustParse("2005-01-01")
	c.Transfer.From = transfer.Employer{Name: "Example PCT", Kind: transfer.PrimaryCareTrust}
	c.Transfer.To = transfer.Employer{Name: "Example CCG", Kind: transfer.CCG}
	c.Transfer.Mechanism, c.Transfer.SPCKind = transfer.StatutoryScheme, ""
	c.Transfer.Date = date.MustParse("2013-04-01")
	require.NoError(t, c.Validate(), "PCT staff moved on the day it was abolished")
	a := assessed(t, c)
	has(t, a, "protection P1")
	c.Transfer.Date = date.MustParse("2013-04-02")
	require.Error(t, c.Validate(), "a PCT after its abolition")
	c.Transfer.From = transfer.Employer{Name: "Example trust", Kind: transfer.NHSTrust}
	c.Transfer.Date = date.MustParse("2012-06-01")
	require.Error(t, c.Validate(), "a CCG before 1 April 2013")
}

// TestLaterMove: a move the person makes later decides whether pension
// protection carries on.
func TestLaterMove(t *testing.T) {
	c := baseCase(t) // outsourcing under New Fair Deal
	c.Employee.LaterMove = transfer.LaterVoluntary
	found := false
	for _, l := range assessed(t, c).Lines {
		found = found || l.Rule == "P2" && l.Kind == transfer.KindWarning && strings.Contains(l.Text, "does not follow a voluntary move")
	}
	if !found {
		t.Error("no word that New Fair Deal ends with a voluntary move")
	}
	c.Transfer.To = transfer.Employer{Name: "Example Council", Kind: transfer.LocalAuthority}
	for _, move := range []transfer.LaterMove{transfer.LaterCompulsory, transfer.LaterVoluntary} {
		c.Employee.LaterMove = move
		var p6 []string
		for _, l := range assessed(t, c).Lines {
			if l.Rule == "P6" {
				p6 = append(p6, string(l.Kind)+": "+l.Text)
			}
		}
		want := map[transfer.LaterMove]string{transfer.LaterCompulsory: "carries on", transfer.LaterVoluntary: "ends with it"}[move]
		if len(p6) != 2 || !strings.Contains(p6[1], want) {
			t.Errorf("%s: %v", move, p6)
		}
	}
}

// TestAssessmentFixturesAreAssessed: the schema's transfer-assessment
// fixtures are what Assess says of the transfer-case fixtures of the same
// name, so the examples an integrator reads are the engine's own answers.
func TestAssessmentFixturesAreAssessed(t *testing.T) {
	files, err := filepath.Glob("../schema/testdata/transfer-assessment/valid/*.json")
	require.NoError(t, err)
	if len(files) == 0 {
		t.Fatal("no transfer-assessment fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		b, err := os.ReadFile(filepath.Join("../schema/testdata/transfer-case/valid", name))
		require.NoError(t, err, "%s has no case of the same name", name)
		c, err := parseCase(b)
		require.NoError(t, err)
		var got bytes.Buffer
		require.NoError(t, assessed(t, c).WriteJSON(&got))
		want, err := os.ReadFile(f)
		require.NoError(t, err)
		if diff := cmp.Diff(string(want), got.String()); diff != "" {
			t.Errorf("%s differs from the assessment of its case; run go run ./cmd/spfkit transfer --format json schema/testdata/transfer-case/valid/%s > schema/testdata/transfer-assessment/valid/%s (-fixture +assessed):\n%s", name, name, name, diff)
		}
	}
}

// TestHostedAndOwnedEmployers: a commissioning support unit counts as
// NHS England, its host; an NHS trust's wholly owned subsidiary as an
// independent provider; both say that the sources did not confirm it.
func TestHostedAndOwnedEmployers(t *testing.T) {
	t.Run("outsourced to a wholly owned subsidiary", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.To = transfer.Employer{Name: "Example Estates Ltd", Kind: transfer.WhollyOwnedSubsidiary}
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		if a.Route != transfer.Blue {
			t.Errorf("route %q, want blue", a.Route)
		}
		has(t, a, "open_question Q8", "protection A8", "protection P2")
	})
	t.Run("a unit's staff move to an ICB", func(t *testing.T) {
		c := baseCase(t)
		c.Transfer.From = transfer.Employer{Name: "Example CSU", Kind: transfer.CSU}
		c.Transfer.To = transfer.Employer{Name: "Example ICB", Kind: transfer.ICB}
		c.Transfer.Mechanism = transfer.BusinessTransfer
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		if a.Route != transfer.Red {
			t.Errorf("route %q, want red", a.Route)
		}
		has(t, a, "open_question Q8", "protection P1")
		lacks(t, a, "A8")
	})
	t.Run("no unit before 1 April 2013", func(t *testing.T) {
		c := baseCase(t)
		c.Employee.ContinuousServiceStart = date.MustParse("2009-01-01")
		c.Transfer.From = transfer.Employer{Name: "Example CSU", Kind: transfer.CSU}
		c.Transfer.Date = date.MustParse("2013-03-31")
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), "/transfer/from/kind") {
			t.Errorf("got %v, want a problem at /transfer/from/kind", err)
		}
	})
}

// TestComplaintInTime: whether a complaint about informing and consulting
// was in time is worked out from the day it was presented.
func TestComplaintInTime(t *testing.T) {
	for _, tt := range []struct {
		presented string
		want      []string
	}{
		// The transfer is on 1 October 2025: the 3 months run to 31 December.
		{"2025-12-31", []string{"duty T16 2025-12-31 met", "protection T16"}},
		{"2026-01-01", []string{"duty T16 2025-12-31 late", "warning T16"}},
	} {
		c := baseCase(t)
		c.Transfer.ComplaintPresented = date.MustParse(tt.presented)
		c.AsAt = date.MustParse("2026-03-01")
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		has(t, a, tt.want...)
		for _, l := range a.Lines {
			if l.Rule == "T16" && strings.Contains(l.Text, "ended on 31 December 2025.") {
				t.Errorf("%s: the window is said to have closed, though a complaint was presented: %s", tt.presented, l.Text)
			}
		}
	}
}

// TestCOSOPOfferOutOfTheNHS: an offer to move to DHSC on civil service
// terms is a new contract, so nothing says the NHS terms are frozen or go
// with it, or that the contract moves by law.
func TestCOSOPOfferOutOfTheNHS(t *testing.T) {
	for _, contract := range transfer.ContractStatuses {
		c := baseCase(t)
		c.Employee.Contract = contract
		c.Transfer.From = transfer.Employer{Name: "NHS England", Kind: transfer.NHSEngland, RecognisedUnion: true}
		c.Transfer.To = transfer.Employer{Name: "DHSC", Kind: transfer.DHSC, RecognisedUnion: true}
		c.Transfer.Date = date.MustParse("2026-04-01")
		c.Transfer.Mechanism, c.Transfer.Compulsory, c.Transfer.SPCKind = transfer.COSOPOffer, false, ""
		c.Transfer.TermsChangeReason = transfer.ReasonTransfer
		require.NoError(t, c.Validate())
		a := assessed(t, c)
		for _, r := range []string{"A8", "A4", "A5", "T3", "T6", "T7", "T16"} {
			lacks(t, a, r)
		}
		has(t, a, "protection C1")
		for _, l := range a.Lines {
			if strings.Contains(l.Text, "contract moves") || strings.Contains(l.Text, "frozen") {
				t.Errorf("%s: %s %s says what only TUPE does: %s", contract, l.Kind, l.Rule, l.Text)
			}
		}
		if bad := a.Contradictions(); len(bad) > 0 {
			t.Errorf("%s: %v", contract, bad)
		}
	}
}

// TestSummarySaysWhetherThePersonMoves: the staff view's first answer
// follows who moves, and hedges for bank staff.
func TestSummarySaysWhetherThePersonMoves(t *testing.T) {
	answer := func(set func(c *transfer.Case)) string {
		c := baseCase(t)
		set(c)
		require.NoError(t, c.Validate())
		var md strings.Builder
		require.NoError(t, assessed(t, c).WriteMarkdown(&md))
		for _, line := range strings.Split(md.String(), "\n") {
			if rest, ok := strings.CutPrefix(line, "- **Do I move?** "); ok {
				before, _, _ := strings.Cut(rest, ":")
				return before
			}
		}
		return ""
	}
	got := map[string]string{
		"permanent": answer(func(c *transfer.Case) {}),
		"bank":      answer(func(c *transfer.Case) { c.Employee.Contract = transfer.Bank }),
		"bank employee": answer(func(c *transfer.Case) {
			c.Employee.Contract, c.Employee.EmploymentStatus = transfer.Bank, transfer.StatusEmployee
		}),
		"worker":       answer(func(c *transfer.Case) { c.Employee.EmploymentStatus = transfer.StatusWorker }),
		"objector":     answer(func(c *transfer.Case) { c.Employee.Objects = true }),
		"not assigned": answer(func(c *transfer.Case) { c.Employee.Assigned = false }),
		"COSOP offer": answer(func(c *transfer.Case) {
			c.Transfer.From.Kind, c.Transfer.To.Kind = transfer.NHSEngland, transfer.DHSC
			c.Transfer.Mechanism, c.Transfer.Compulsory, c.Transfer.SPCKind = transfer.COSOPOffer, false, ""
		}),
	}
	want := map[string]string{
		"permanent":     "Yes",
		"bank":          "Yes, if you are an employee",
		"bank employee": "Yes",
		"worker":        "Not settled",
		"objector":      "No",
		"not assigned":  "No",
		"COSOP offer":   "If you accept",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestFactsThatDoNotApply: facts a case gives are answered even where
// they do not apply, never passed over: on a voluntary move, a transfer's
// facts; under COSOP, a tribunal complaint under TUPE.
func TestFactsThatDoNotApply(t *testing.T) {
	c := baseCase(t)
	c.Transfer.Mechanism, c.Transfer.Compulsory, c.Transfer.SPCKind = transfer.VoluntaryMove, false, ""
	c.Transfer.TermsChangeReason = transfer.ReasonTransfer
	c.Transfer.ComplaintPresented = date.MustParse("2025-11-01")
	require.NoError(t, c.Validate())
	var facts []string
	for _, l := range assessed(t, c).Lines {
		if l.Rule == "T1" && strings.Contains(l.Text, "facts that belong to a transfer") {
			facts = l.Facts
		}
	}
	want := []string{"terms_change_reason: given", "measures_envisaged: given", "liability_information_sent: given", "complaint_presented: given"}
	if diff := cmp.Diff(want, facts); diff != "" {
		t.Errorf("voluntary move (-want +got):\n%s", diff)
	}

	c = baseCase(t)
	c.Transfer.From.Kind, c.Transfer.To.Kind = transfer.NHSEngland, transfer.DHSC
	c.Transfer.Mechanism, c.Transfer.Compulsory, c.Transfer.SPCKind = transfer.COSOPOffer, false, ""
	c.Transfer.ComplaintPresented = date.MustParse("2025-11-01")
	require.NoError(t, c.Validate())
	a := assessed(t, c)
	has(t, a, "warning C2")
	lacks(t, a, "T16")
}

// TestWorkers: a worker is told the move is not settled for them and is
// not given an employee's rights; bank staff who say they are employees
// are not hedged.
func TestWorkers(t *testing.T) {
	c := baseCase(t)
	c.Employee.Contract, c.Employee.EmploymentStatus = transfer.Bank, transfer.StatusWorker
	c.Transfer.RedundanciesEnvisaged, c.Transfer.FirstDismissal = 20, date.MustParse("2025-12-01")
	require.NoError(t, c.Validate())
	a := assessed(t, c)
	has(t, a, "open_question T3", "warning T7", "protection A4")
	lacks(t, a, "A5")
	lacks(t, a, "A6")
	for _, l := range a.Lines {
		if l.Rule == "T3" && l.Kind == transfer.KindProtection {
			t.Errorf("a worker is told the contract moves: %s", l.Text)
		}
	}

	c.Employee.EmploymentStatus = transfer.StatusEmployee
	a = assessed(t, c)
	has(t, a, "protection T3", "protection T7", "protection A5", "protection A6")
	for _, l := range a.Lines {
		if l.Kind == transfer.KindOpenQuestion && strings.Contains(l.Text, "worker") {
			t.Errorf("a bank employee is hedged: %s", l.Text)
		}
	}

	// The check finds a worker given an employee's right.
	bad := &transfer.Assessment{Regime: transfer.RegimeTUPE, Lines: []transfer.Line{
		{Rule: "T3", Kind: transfer.KindOpenQuestion, Facts: []string{"employment_status: worker"}},
		{Rule: "T7", Kind: transfer.KindProtection, Text: "a dismissal would be automatically unfair"},
	}}
	if got := bad.Contradictions(); len(got) != 1 {
		t.Errorf("got %v, want one contradiction", got)
	}
}

// TestLaterMoveIsAlwaysAnswered: a later move the case gives gets a line
// wherever the person moves, never silence.
func TestLaterMoveIsAlwaysAnswered(t *testing.T) {
	for _, to := range []transfer.EmployerKind{transfer.PrivateProvider, transfer.FoundationTrust, transfer.LocalAuthority, transfer.GPPractice, transfer.DHSC} {
		for _, m := range transfer.LaterMoves {
			c := baseCase(t)
			c.Transfer.To.Kind = to
			c.Employee.LaterMove = m
			require.NoError(t, c.Validate())
			found := false
			for _, l := range assessed(t, c).Lines {
				found = found || slices.Contains(l.Facts, "later_move: "+string(m))
			}
			if !found {
				t.Errorf("to %s, later move %s: no line says what it means", to, m)
			}
		}
	}
}

// TestAssessIntoReuses: assessing case after case into one assessment
// gives each case exactly what Assess gives it, whatever the case before
// left behind (longer lists of lines, more facts).
func TestAssessIntoReuses(t *testing.T) {
	files, err := filepath.Glob("../schema/testdata/transfer-case/valid/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var cases []*transfer.Case
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		c, err := parseCase(b)
		require.NoError(t, err)
		cases = append(cases, c)
	}
	var reused transfer.Assessment
	for round := 0; round < 2; round++ { // forwards, then backwards
		for i := range cases {
			c := cases[i]
			if round == 1 {
				c = cases[len(cases)-1-i]
			}
			want := transfer.Assess(c)
			got := transfer.AssessInto(&reused, c)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s, assessed after another case (-fresh +reused):\n%s", c.ID, diff)
			}
		}
	}
}
