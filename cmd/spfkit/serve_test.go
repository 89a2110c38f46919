package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds spfkit once for the tests that run it as a process.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "spfkit-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "spfkit")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// server is spfkit serve running as a child process.
type server struct {
	cmd  *exec.Cmd
	addr string
	logs *bytes.Buffer
}

const crashToken = "crash-test-admin-token-0123456789"

// startServer starts spfkit serve on a free port and waits for its
// "serving" log line, which it writes once it listens.
func startServer(t *testing.T, db string, extra ...string) *server {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--rate", "0"}, extra...)...)
	cmd.Env = append(os.Environ(), "SPFKIT_ADMIN_TOKEN="+crashToken)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	s := &server{cmd: cmd, logs: &bytes.Buffer{}}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		line := sc.Text()
		s.logs.WriteString(line + "\n")
		var l struct{ Msg, Addr string }
		if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "serving" {
			s.addr = l.Addr
			break
		}
	}
	if s.addr == "" {
		t.Fatalf("spfkit serve did not start:\n%s", s.logs)
	}
	go func() { // keep reading, so the child never blocks on its log
		for sc.Scan() {
		}
	}()
	return s
}

func (s *server) post(path, body string, headers ...string) (int, string, error) {
	req, _ := http.NewRequest("POST", "http://"+s.addr+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), nil
}

// TestCrash submits from many clients at once, kills the server with
// SIGKILL after a set number of acknowledgements, restarts it on the same
// database, and checks that every acknowledged answer is stored exactly
// once; answers in flight at the kill are stored at most once, and once
// exactly when retried with the same submission id.
func TestCrash(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { crash(t, "sqlite:"+filepath.Join(t.TempDir(), "crash.db")) })
	t.Run("postgres", func(t *testing.T) { crash(t, pgtest.Database(t)) })
}

func crash(t *testing.T, db string) {
	s := startServer(t, db)
	def, err := os.ReadFile("../../service/testdata/pulse.json")
	require.NoError(t, err)
	now := time.Now().UTC()
	code, body, err := s.post("/admin/surveys", fmt.Sprintf(`{"id":"crash","definition":%s,"opens":%q,"closes":%q,"min_group":5}`,
		def, now.Add(-time.Hour).Format(time.RFC3339), now.Add(24*time.Hour).Format(time.RFC3339)), "Authorization", "Bearer "+crashToken)
	require.NoError(t, err)
	require.Equal(t, 201, code, body)

	const clients, killAfter = 16, 300
	var mu sync.Mutex
	acked := map[string]bool{}    // 201 or 200
	inFlight := map[string]bool{} // sent, no answer
	next := 0
	killed := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				note := fmt.Sprintf("crash-%05d", i)
				select {
				case <-killed:
					return
				default:
				}
				code, _, err := s.post("/api/surveys/crash/responses", fmt.Sprintf(`{"survey":"service-pulse","answers":{"side":"staff","heard":3,"note":%q}}`, note), "Idempotency-Key", note)
				mu.Lock()
				switch {
				case err == nil && (code == 201 || code == 200):
					acked[note] = true
				case err != nil:
					inFlight[note] = true
				default:
					t.Errorf("%s: status %d", note, code)
				}
				n := len(acked)
				mu.Unlock()
				if n >= killAfter {
					once.Do(func() {
						s.cmd.Process.Signal(syscall.SIGKILL)
						close(killed)
					})
				}
				if err != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	s.cmd.Wait()

	s = startServer(t, db)
	stored := export(t, s)
	for note := range acked {
		if stored[note] != 1 {
			t.Errorf("acknowledged %s is stored %d times", note, stored[note])
		}
	}
	for note, n := range stored {
		if !acked[note] && !inFlight[note] {
			t.Errorf("%s is stored but was never sent", note)
		}
		if n != 1 {
			t.Errorf("%s is stored %d times", note, n)
		}
	}
	// Retrying what was in flight stores each exactly once.
	for note := range inFlight {
		code, body, err := s.post("/api/surveys/crash/responses", fmt.Sprintf(`{"survey":"service-pulse","answers":{"side":"staff","heard":3,"note":%q}}`, note), "Idempotency-Key", note)
		require.NoError(t, err)
		if code != 201 && code != 200 {
			t.Errorf("retry of %s: %d %s", note, code, body)
		}
	}
	stored = export(t, s)
	if len(stored) != len(acked)+len(inFlight) {
		t.Errorf("%d stored after the retries, want %d acknowledged + %d in flight", len(stored), len(acked), len(inFlight))
	}
	t.Logf("%d acknowledged before the kill, %d in flight", len(acked), len(inFlight))
}

// export counts each note in the server's export of the survey.
func export(t *testing.T, s *server) map[string]int {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://"+s.addr+"/admin/surveys/crash/responses", nil)
	req.Header.Set("Authorization", "Bearer "+crashToken)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
	out := map[string]int{}
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		var r struct{ Answers struct{ Note string } }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		out[r.Answers.Note]++
	}
	return out
}

// TestServeStartErrors: a taken port or a database that cannot be opened
// is a clear error at once.
func TestServeStartErrors(t *testing.T) {
	s := startServer(t, "sqlite:"+filepath.Join(t.TempDir(), "a.db"))
	out, err := exec.Command(binary(t), "serve", "--addr", s.addr, "--db", "sqlite:"+filepath.Join(t.TempDir(), "b.db")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cannot listen on "+s.addr) {
		t.Errorf("a taken port: %v\n%s", err, out)
	}
	out, err = exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0", "--db", "sqlite:"+filepath.Join(t.TempDir(), "no", "dir", "c.db")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "store: opening") {
		t.Errorf("a database that cannot be opened: %v\n%s", err, out)
	}
	out, err = exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0", "--db", "mysql://x").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "sqlite:FILE or postgres://") {
		t.Errorf("an unknown database: %v\n%s", err, out)
	}
	// The environment configures what the flags do.
	cmd := exec.Command(binary(t), "serve")
	cmd.Env = append(os.Environ(), "SPFKIT_ADDR="+s.addr, "SPFKIT_DB=sqlite:"+filepath.Join(t.TempDir(), "e.db"))
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "cannot listen on "+s.addr) {
		t.Errorf("SPFKIT_ADDR: %v\n%s", err, out)
	}
	cmd = exec.Command(binary(t), "serve")
	cmd.Env = append(os.Environ(), "SPFKIT_ADDR=127.0.0.1:0", "SPFKIT_DB=postgres://nobody:hunter2@127.0.0.1:1/x?connect_timeout=2")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "store: opening postgres://nobody:xxxxx@") || strings.Contains(string(out), "hunter2") {
		t.Errorf("SPFKIT_DB, with its password hidden: %v\n%s", err, out)
	}
	cmd = exec.Command(binary(t), "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "SPFKIT_ADMIN_TOKEN=short")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "too short") {
		t.Errorf("a short administrator token: %v\n%s", err, out)
	}
}

// TestServeDrains: SIGTERM lets the server finish and close the database.
func TestServeDrains(t *testing.T) {
	s := startServer(t, "sqlite:"+filepath.Join(t.TempDir(), "d.db"))
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, s.cmd.Wait(), "spfkit serve exits cleanly on SIGTERM")
}

// TestNoToolchainNeeded runs the built command in an empty folder with no
// Go toolchain on its PATH, as on a server it was copied to: widget build
// writes the embedded bundle, and the demo serves its page, the bundle
// and takes an answer into an SQLite file in that folder.
func TestNoToolchainNeeded(t *testing.T) {
	dir := t.TempDir()
	run := func(args ...string) *exec.Cmd {
		cmd := exec.Command(binary(t), args...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=" + dir, "HOME=" + dir} // no go, no brotli
		return cmd
	}
	out, err := run("widget", "build", "--out", "bundle").CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, name := range []string{"spfkit.wasm", "spfkit.wasm.br", "spfkit.wasm.gz", "wasm_exec.js", "spfkit.js", "spfkit.css", "example.html"} {
		st, err := os.Stat(filepath.Join(dir, "bundle", name))
		if err != nil || st.Size() == 0 {
			t.Errorf("widget build wrote no %s: %v", name, err)
		}
	}
	demo := run("demo", "--addr", "127.0.0.1:0")
	stdout, err := demo.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, demo.Start())
	t.Cleanup(func() { demo.Process.Kill(); demo.Wait() })
	sc := bufio.NewScanner(stdout)
	addr := ""
	for sc.Scan() {
		if _, rest, ok := strings.Cut(sc.Text(), "sample intranet page at http://"); ok {
			addr, _, _ = strings.Cut(rest, "/")
			break
		}
	}
	require.NotEmpty(t, addr, "the demo did not start")
	go func() {
		for sc.Scan() {
		}
	}()
	res, err := http.Get("http://" + addr + "/spfkit/spfkit.js")
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, 200, res.StatusCode)
	req, _ := http.NewRequest("POST", "http://"+addr+"/api/surveys/heatcheck-demo/responses", strings.NewReader(`{"survey":"heatcheck-2022-members","answers":{"q1":3}}`))
	req.Header.Set("Idempotency-Key", "no-toolchain-1")
	res, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, 201, res.StatusCode)
	for _, name := range []string{"spfkit-demo.db", "spfkit-demo.token"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the demo made no %s in its folder: %v", name, err)
		}
	}
	st, _ := os.Stat(filepath.Join(dir, "spfkit-demo.token"))
	if st != nil && st.Mode().Perm() != 0o600 {
		t.Errorf("the token file is %v, want readable by its owner only", st.Mode().Perm())
	}
}
