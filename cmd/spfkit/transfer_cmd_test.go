package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/schema"
	"github.com/spfkit/spfkit/transfer"
)

const outsourcing = "../../transfer/testdata/outsourcing.json"

func TestTransferCommand(t *testing.T) {
	code, out, errOut := runCLI(t, "", "transfer", "--format", "json", outsourcing)
	require.Equal(t, exitOK, code, errOut)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.TransferAssess, []byte(out)))
	var a transfer.Assessment
	require.NoError(t, json.Unmarshal([]byte(out), &a))
	if a.Regime != transfer.RegimeTUPE || a.Route != transfer.Blue {
		t.Errorf("regime %s route %s", a.Regime, a.Route)
	}
	code, out, _ = runCLI(t, "", "transfer", outsourcing)
	require.Equal(t, exitOK, code)
	for _, h := range []string{"## In short", "- **Do I move?** Yes", "## What happens to my pay", "## What happens to my pension", "## What happens to my terms", "## What happens to my service", "## My rights if the employers fail to inform or consult", "## Sources", " [T3]\n", "- **T3**: TUPE 2006"} {
		if !strings.Contains(out, h) {
			t.Errorf("Markdown lacks %q", h)
		}
	}
	if strings.Contains(out, "What the employers must do") {
		t.Error("the staff member's view shows the employers' duties")
	}
	code, out, _ = runCLI(t, "", "transfer", "--for", "employers", outsourcing)
	require.Equal(t, exitOK, code)
	for _, h := range []string{"# Transfer assessment for the employers", "## What the employers must do and by when", "**By 3 September 2025:**"} {
		if !strings.Contains(out, h) {
			t.Errorf("the employers' Markdown lacks %q", h)
		}
	}
	if code, _, errOut := runCLI(t, "", "transfer", "--for", "union", outsourcing); code != exitUsage || !strings.Contains(errOut, "staff or employers") {
		t.Errorf("a bad --for: %d %s", code, errOut)
	}
}

func TestTransferRefusesImpossibleCases(t *testing.T) {
	data, err := os.ReadFile(outsourcing)
	require.NoError(t, err)
	bad := strings.Replace(string(data), `"kind": "private_provider"`, `"kind": "ccg"`, 1)
	path := writeFile(t, "bad.json", []byte(bad))
	code, _, errOut := runCLI(t, "", "transfer", path)
	if code != exitInvalid || !strings.Contains(errOut, path+":13: /transfer/to/kind: a ccg cannot receive staff on 2025-10-01") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "validate", path)
	if code != exitInvalid || !strings.Contains(errOut, "employer_not_existing") && !strings.Contains(errOut, "cannot receive staff") {
		t.Errorf("validate: exit %d, stderr:\n%s", code, errOut)
	}
}

func TestTransferStream(t *testing.T) {
	data, err := os.ReadFile(outsourcing)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	line, _ := json.Marshal(v)
	in := string(line) + "\n\n" + `{"employee":{}}` + "\n" + string(line) + "\n" + "{not json\n"
	code, out, errOut := runCLI(t, in, "transfer", "--ndjson", "-")
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 assessments, got %d:\n%s", len(lines), out)
	}
	for _, l := range lines {
		require.NoError(t, schema.Validator{}.ValidateJSON(schema.TransferAssess, []byte(l)))
	}
	for _, want := range []string{"-:3: ", "-:5: (root): ", "assessed 2 cases; 2 could not be assessed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// ticking is a clock that moves on a second each time it is read, so a
// progress line is due at every record after the first, whatever the
// machine's speed.
func ticking() func() time.Time {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		now = now.Add(time.Second)
		return now
	}
}

func TestTransferStreamProgress(t *testing.T) {
	data, err := os.ReadFile(outsourcing)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	line, _ := json.Marshal(v)
	block := strings.Repeat(string(line)+"\n", 256)
	in := strings.NewReader(block + block + "{}\n")
	var out, errb bytes.Buffer
	code := run(env{stdin: in, stdout: &out, stderr: &errb, progress: true, now: ticking()}, []string{"transfer", "--ndjson", "-"})
	if code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	if n := strings.Count(out.String(), "\n"); n != 512 {
		t.Errorf("%d assessments, want 512", n)
	}
	stderr := errb.String()
	for _, want := range []string{"\r\033[K-: 256 cases, 0 could not be assessed", "\r\033[K-: 512 cases, 0 could not be assessed", "\r\033[K-:513: ", "add the missing property\nspfkit transfer: assessed 512 cases; 1 could not be assessed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%q", want, stderr)
		}
	}
	// Without a terminal there is no progress line at all.
	code, _, plain := runCLI(t, block+"{}\n", "transfer", "--ndjson", "-")
	if code != exitInvalid || strings.Contains(plain, "\r") {
		t.Errorf("exit %d, stderr %q", code, plain)
	}
}

// TestTransferAsAt: --as-at judges what is overdue, and a bad day is a
// usage error that says so.
func TestTransferAsAt(t *testing.T) {
	code, out, errOut := runCLI(t, "", "transfer", "--format", "json", "--as-at", "2026-02-01", outsourcing)
	require.Equal(t, exitOK, code, errOut)
	require.NoError(t, schema.Validator{}.ValidateJSON(schema.TransferAssess, []byte(out)))
	if !strings.Contains(out, "ended on 31 December 2025") {
		t.Errorf("the time to complain is not said to have ended:\n%s", out)
	}
	code, _, errOut = runCLI(t, "", "transfer", "--as-at", "next week", outsourcing)
	if code != exitUsage || !strings.Contains(errOut, "--as-at") {
		t.Errorf("a bad --as-at: %d %s", code, errOut)
	}
}
