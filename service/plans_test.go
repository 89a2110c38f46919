package service_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/hrod"
	"github.com/spfkit/spfkit/service"
)

func plan(org string, completed ...string) string {
	var entries []string
	for _, item := range []string{"02.1", "02.2", "03.1", "03.2"} {
		status := "not_yet_started"
		for _, c := range completed {
			if c == item {
				status = "completed"
			}
		}
		entries = append(entries, fmt.Sprintf(`{"item":%q,"status":%q}`, item, status))
	}
	return fmt.Sprintf(`{"organization":%q,"level":"local","entries":[%s]}`, org, strings.Join(entries, ","))
}

// TestPlans: two people editing one plan never overwrite each other.
func TestPlans(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		e := newEnv(t, url, service.Config{})
		const at = "/api/plans/nw-ics/trust-a"
		put := func(body string, h ...string) reply {
			return e.do("PUT", at, body, append([]string{"Content-Type", "application/json"}, h...)...)
		}
		var codes []int
		var tags []string
		step := func(r reply) {
			codes = append(codes, r.code)
			tags = append(tags, r.header.Get("ETag"))
		}
		step(e.do("GET", at, ""))                             // none yet
		step(put(plan("Trust A")))                            // no precondition
		step(put(plan("Trust A"), "If-None-Match", "*"))      // created
		step(put(plan("Trust A"), "If-None-Match", "*"))      // already there
		step(e.do("GET", at, ""))                             // read at "1"
		step(put(plan("Trust A", "02.1"), "If-Match", `"1"`)) // Ann saves
		step(put(plan("Trust A", "03.1"), "If-Match", `"1"`)) // Ben, from the old copy: refused
		step(e.do("GET", at, "", "If-None-Match", `"1"`))     // Ben reads again
		step(put(plan("Trust A", "02.1", "03.1"), "If-Match", `"2"`))
		step(put(`{"organization":"Trust A","level":"local","entries":[{"item":"99.9","status":"completed"}]}`, "If-Match", `"3"`))
		step(put(plan("Trust A"), "If-Match", `garbage`))
		wantCodes := []int{404, 428, 201, 412, 200, 200, 412, 200, 200, 400, 412}
		wantTags := []string{"", "", `"1"`, `"1"`, `"1"`, `"2"`, `"2"`, `"2"`, `"3"`, "", ""}
		if diff := cmp.Diff(wantCodes, codes); diff != "" {
			t.Errorf("codes (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(wantTags, tags); diff != "" {
			t.Errorf("ETags (-want +got):\n%s", diff)
		}
		r := e.do("GET", at, "")
		var p hrod.Plan
		require.NoError(t, json.Unmarshal([]byte(r.body), &p))
		done := 0
		for _, en := range p.Entries {
			if en.Status == hrod.Completed {
				done++
			}
		}
		if done != 2 {
			t.Errorf("the plan has %d completed entries, want both edits (2)", done)
		}
		for _, bad := range []string{"/api/plans/NW/x", "/api/plans/a/b/c", "/api/plans/a/../b"} {
			if r := e.do("GET", bad, ""); r.code == http.StatusOK {
				t.Errorf("%s: %d", bad, r.code)
			}
		}
	})
}

// TestSystemView is the ICS view: every organisation's progress under a
// system, as spfkit plan status computes it.
func TestSystemView(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		e := newEnv(t, url, service.Config{})
		for key, body := range map[string]string{
			"nw-ics/trust-a":    plan("Trust A", "02.1", "02.2", "03.1"),
			"nw-ics/trust-b":    plan("Trust B"),
			"other-ics/trust-c": plan("Trust C", "02.1"),
		} {
			r := e.do("PUT", "/api/plans/"+key, body, "If-None-Match", "*")
			require.Equal(t, 201, r.code, r.body)
		}
		r := e.do("GET", "/systems/nw-ics?format=json&on=2026-12-02", "")
		require.Equal(t, 200, r.code, r.body)
		var st hrod.StatusReport
		require.NoError(t, json.Unmarshal([]byte(r.body), &st))
		var got []string
		for _, p := range st.Plans {
			got = append(got, fmt.Sprintf("%s %d/%d", p.Organization, p.Overall.ByStatus[hrod.Completed], p.Overall.Total))
		}
		if diff := cmp.Diff([]string{"Trust A 3/4", "Trust B 0/4"}, got); diff != "" {
			t.Errorf("plans (-want +got):\n%s", diff)
		}
		if len(st.Readiness) != 2 {
			t.Errorf("readiness: %+v", st.Readiness)
		}
		page := e.do("GET", "/systems/nw-ics", "")
		if !strings.Contains(page.body, "<td>Trust A</td>") || strings.Contains(page.body, "Trust C") {
			t.Errorf("HTML view:\n%s", page.body)
		}
		// Stored text is never markup.
		r = e.do("PUT", "/api/plans/nw-ics/trust-x", plan("<script>alert(1)</script>"), "If-None-Match", "*")
		require.Equal(t, 201, r.code, r.body)
		page = e.do("GET", "/systems/nw-ics", "")
		if strings.Contains(page.body, "<script>alert") || !strings.Contains(page.body, "&lt;script&gt;") {
			t.Errorf("the organisation's name was not escaped")
		}
	})
}
