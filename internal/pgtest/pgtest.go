// Package pgtest gives tests a real, empty PostgreSQL database.
//
// With SPFKIT_TEST_POSTGRES set (a URL of a server the tests may create
// databases on; .ci/run starts a throwaway cluster and sets it), each
// call to Database makes a fresh database there and drops it afterwards.
// Without it, the first call starts a throwaway cluster of its own with
// Debian's initdb and pg_ctl in a temporary folder, listening only on a
// Unix socket, and Main stops it when the tests end. When PostgreSQL is not
// installed, the test is skipped with the reason, unless CI is set, where
// it fails: CI must run the PostgreSQL tests.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var (
	once    sync.Once
	server  string // the server URL
	stop    func()
	started error
)

// Main runs the tests and stops the cluster Database started, if any.
func Main(m *testing.M) {
	code := m.Run()
	if stop != nil {
		stop()
	}
	os.Exit(code)
}

// Database returns the URL of a new, empty database, dropped when the
// test ends.
func Database(t testing.TB) string {
	t.Helper()
	once.Do(func() { server, started = serverURL() })
	if started != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pgtest: %v", started)
		}
		t.Skipf("pgtest: skipping the PostgreSQL run: %v", started)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var b [6]byte
	rand.Read(b[:])
	name := "spfkit_test_" + hex.EncodeToString(b[:])
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("pgtest: creating a database on %s: %v", server, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", server)
		if err != nil {
			return
		}
		defer a.Close()
		a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u, _ := url.Parse(server)
	u.Path = "/" + name
	return u.String()
}

// serverURL finds a server: the environment's, or a throwaway one.
func serverURL() (string, error) {
	if s := os.Getenv("SPFKIT_TEST_POSTGRES"); s != "" {
		return s, nil
	}
	bin, err := binDir()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp("", "spfkit-pg-")
	if err != nil {
		return "", err
	}
	run := func(name string, args ...string) *exec.Cmd {
		return exec.Command(filepath.Join(bin, name), args...)
	}
	if os.Geteuid() == 0 {
		// initdb refuses to run as root; run the cluster as postgres.
		pg, err := user.Lookup("postgres")
		if err != nil {
			return "", fmt.Errorf("running as root, the cluster needs the postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return "", err
		}
		run = func(name string, args ...string) *exec.Cmd {
			return exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(bin, name)}, args...)...)
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := run("initdb", "-D", data, "-U", "spfkit", "-A", "trust", "-E", "UTF8", "--no-sync").CombinedOutput(); err != nil {
		return "", fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return "", err
	}
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses='' -c fsync=on", dir, port)
	if out, err := run("pg_ctl", "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "120", "start").CombinedOutput(); err != nil {
		return "", fmt.Errorf("pg_ctl start: %v\n%s", err, out)
	}
	stop = func() {
		run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop").Run()
		os.RemoveAll(dir)
	}
	return fmt.Sprintf("postgres://spfkit@/postgres?host=%s&port=%d&sslmode=disable", dir, port), nil
}

// binDir finds PostgreSQL's server programs.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("PostgreSQL is not installed (apt-get install postgresql), and SPFKIT_TEST_POSTGRES names no server")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
