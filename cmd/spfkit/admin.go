package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spfkit/spfkit/problem"
	"github.com/spfkit/spfkit/survey"
)

const adminUsage = `Usage: spfkit admin [--service URL] [--token-file FILE] COMMAND

The administrator's side of spfkit serve. The bearer token comes from
SPFKIT_ADMIN_TOKEN or --token-file (spfkit demo writes spfkit-demo.token);
the service from --service or SPFKIT_SERVICE (default http://127.0.0.1:8080).

  open --id ID --survey ID|FILE --closes TIME [--opens TIME] [--min-group N]
       [--by QUESTION]... [--invited N] [--invitations] [--allow-blank]
  status [ID]                    a survey's settings, counts and releases (all surveys without ID)
  close ID                       close now, and release what is safe
  invite ID --count N            one-time invitation tokens, one a line (shown only this once)
  release ID [--by QUESTION] [--label TEXT]
  export ID                      the stored responses as NDJSON, which spfkit score reads
  ledger                         the release ledger (confidential)

TIME is RFC 3339 (2027-01-08T17:00:00Z) or a day (2027-01-08): a day opens
at its start and closes at its end, UTC.
`

// adminClient talks to a service's administrator endpoints.
type adminClient struct {
	e       env
	service string
	token   string
}

func cmdAdmin(e env, args []string) int {
	fs := newFlagSet(e, "admin", strings.TrimPrefix(strings.SplitN(adminUsage, "\n", 2)[0], "Usage: "))
	fs.Usage = func() { fmt.Fprint(e.stderr, adminUsage) }
	service := fs.String("service", envOr("SPFKIT_SERVICE", "http://127.0.0.1:8080"), "the service's address (SPFKIT_SERVICE)")
	tokenFile := fs.String("token-file", "", "read the administrator's token from this file instead of SPFKIT_ADMIN_TOKEN")
	// The client's own options come before the command; flag stops at
	// the first argument that is not one.
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprint(e.stderr, adminUsage)
		return exitUsage
	}
	c := &adminClient{e: e, service: strings.TrimRight(*service, "/"), token: getenv("SPFKIT_ADMIN_TOKEN")}
	if *tokenFile != "" {
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			fmt.Fprintf(e.stderr, "spfkit admin: %v\n", err)
			return exitUsage
		}
		c.token = strings.TrimSpace(string(b))
	}
	if c.token == "" {
		fmt.Fprintln(e.stderr, "spfkit admin: set SPFKIT_ADMIN_TOKEN to the service's administrator token, or name a file holding it with --token-file")
		return exitUsage
	}
	cmd, rest := rest[0], rest[1:]
	oneID := func() (string, bool) {
		if len(rest) != 1 || strings.HasPrefix(rest[0], "-") {
			fmt.Fprintf(e.stderr, "spfkit admin %s: name the survey: spfkit admin %s ID\n", cmd, cmd)
			return "", false
		}
		return rest[0], true
	}
	switch cmd {
	case "open":
		return c.open(rest)
	case "status":
		if len(rest) == 0 {
			return c.do("GET", "/admin/surveys", nil, e.stdout)
		}
		id, ok := oneID()
		if !ok {
			return exitUsage
		}
		return c.do("GET", "/admin/surveys/"+id, nil, e.stdout)
	case "close":
		id, ok := oneID()
		if !ok {
			return exitUsage
		}
		return c.do("POST", "/admin/surveys/"+id+"/close", nil, e.stdout)
	case "invite":
		return c.invite(rest)
	case "release":
		return c.release(rest)
	case "export":
		id, ok := oneID()
		if !ok {
			return exitUsage
		}
		return c.do("GET", "/admin/surveys/"+id+"/responses", nil, e.stdout)
	case "ledger":
		return c.do("GET", "/admin/ledger", nil, e.stdout)
	}
	fmt.Fprintf(e.stderr, "spfkit admin: unknown command %q\n\n%s", cmd, adminUsage)
	return exitUsage
}

// do sends a request and copies a successful answer to out; a refusal's
// problems go to stderr, one a line, and give exit status 1.
func (c *adminClient) do(method, path string, body any, out io.Writer) int {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			fmt.Fprintf(c.e.stderr, "spfkit admin: %v\n", err)
			return exitUsage
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.service+path, rd)
	if err != nil {
		fmt.Fprintf(c.e.stderr, "spfkit admin: %v\n", err)
		return exitUsage
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(c.e.stderr, "spfkit admin: cannot reach the service at %s: %v (is spfkit serve running there? set --service)\n", c.service, err)
		return exitUsage
	}
	defer res.Body.Close()
	if res.StatusCode < 300 {
		if _, err := io.Copy(out, res.Body); err != nil {
			fmt.Fprintf(c.e.stderr, "spfkit admin: the answer was cut short: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	b, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	var refusal struct {
		Problems []*problem.Error `json:"problems"`
	}
	if json.Unmarshal(b, &refusal) != nil || len(refusal.Problems) == 0 {
		fmt.Fprintf(c.e.stderr, "spfkit admin: the service answered %s\n", res.Status)
		return exitInvalid
	}
	for _, p := range refusal.Problems {
		line := "spfkit admin: "
		if p.Pointer != "" {
			line += p.Pointer + ": "
		}
		line += p.Message
		if p.Hint != "" {
			line += "; " + p.Hint
		}
		fmt.Fprintln(c.e.stderr, line)
	}
	return exitInvalid
}

// parseTime reads an RFC 3339 time or a day: a day opens at its start,
// and closes at its end (the next day's start), in UTC.
func parseTime(s string, end bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 time (2027-01-08T17:00:00Z) nor a day (2027-01-08)", s)
	}
	if end {
		d = d.AddDate(0, 0, 1)
	}
	return d, nil
}

func (c *adminClient) open(args []string) int {
	e := c.e
	fs := newFlagSet(e, "admin open", "spfkit admin open --id ID --survey ID|FILE --closes TIME [--opens TIME] [--min-group N] [--by QUESTION]... [--invited N] [--invitations] [--allow-blank]")
	id := fs.String("id", "", "the survey's id in the service's addresses, e.g. heatcheck-2026 (required)")
	surveyArg := fs.String("survey", "", "a built-in survey id or a definition file (required)")
	opens := fs.String("opens", "", "when answers open (default: now)")
	closes := fs.String("closes", "", "when answers close, and the results are released (required)")
	minGroup := fs.Int("min-group", 0, "the minimum group size k (default 10, at least 5)")
	var by listFlag
	fs.Var(&by, "by", "a choice question that may break the results down; repeat for more")
	invited := fs.Int("invited", 0, "the number invited, for the response rate, without invitations")
	invitations := fs.Bool("invitations", false, "take answers only with one-time invitation tokens (spfkit admin invite)")
	allowBlank := fs.Bool("allow-blank", false, "count a submission that answers nothing")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *id == "" || *surveyArg == "" || *closes == "" || len(rest) > 0 {
		fmt.Fprintln(e.stderr, "spfkit admin open: give --id, --survey and --closes")
		return exitUsage
	}
	def, code := loadDefinition(e, "admin open", *surveyArg)
	if def == nil {
		return code
	}
	body := map[string]any{"id": *id, "min_group": *minGroup, "invited": *invited, "invitations": *invitations, "allow_blank": *allowBlank}
	if _, ok := survey.Builtin(*surveyArg); ok {
		body["builtin"] = *surveyArg
	} else {
		body["definition"] = def
	}
	start := time.Now().UTC().Truncate(time.Second)
	if *opens != "" {
		if start, err = parseTime(*opens, false); err != nil {
			fmt.Fprintf(e.stderr, "spfkit admin open: --opens: %v\n", err)
			return exitUsage
		}
	}
	end, err := parseTime(*closes, true)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit admin open: --closes: %v\n", err)
		return exitUsage
	}
	body["opens"], body["closes"] = start, end
	if len(by) > 0 {
		body["by"] = by
	}
	return c.do("POST", "/admin/surveys", body, e.stdout)
}

func (c *adminClient) invite(args []string) int {
	e := c.e
	fs := newFlagSet(e, "admin invite", "spfkit admin invite ID --count N")
	count := fs.Int("count", 0, "how many one-time tokens to make (required)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 1 || *count < 1 {
		fmt.Fprintln(e.stderr, "spfkit admin invite: name the survey and how many: spfkit admin invite ID --count N")
		return exitUsage
	}
	var buf bytes.Buffer
	if code := c.do("POST", "/admin/surveys/"+rest[0]+"/invitations", map[string]int{"count": *count}, &buf); code != exitOK {
		return code
	}
	var answer struct{ Tokens []string }
	if err := json.Unmarshal(buf.Bytes(), &answer); err != nil {
		fmt.Fprintf(e.stderr, "spfkit admin invite: the service's answer: %v\n", err)
		return exitUsage
	}
	for _, t := range answer.Tokens {
		fmt.Fprintln(e.stdout, t)
	}
	fmt.Fprintf(e.stderr, "spfkit admin invite: %d tokens; send each person one, as ?invitation=TOKEN on the survey page's address. The service keeps only their hashes: they cannot be shown again.\n", len(answer.Tokens))
	return exitOK
}

func (c *adminClient) release(args []string) int {
	e := c.e
	fs := newFlagSet(e, "admin release", "spfkit admin release ID [--by QUESTION] [--label TEXT]")
	by := fs.String("by", "", "break the results down by this question (one the survey was opened with)")
	label := fs.String("label", "", "what this release is, e.g. \"forum papers, March\"")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) != 1 {
		fmt.Fprintln(e.stderr, "spfkit admin release: name the survey: spfkit admin release ID")
		return exitUsage
	}
	return c.do("POST", "/admin/surveys/"+rest[0]+"/releases", map[string]string{"by": *by, "label": *label}, e.stdout)
}
