// Command submit measures sustained durable submissions per second, with
// p50 and p99 latency, through the survey service on SQLite and on
// PostgreSQL, side by side in one run with the floor: a minimal handler
// that appends each body to a file and fsyncs before answering.
//
//	go run ./bench/submit [-seconds 10] [-clients 64] [-pg URL]
//
// -pg (or SPFKIT_TEST_POSTGRES) names a server to make a fresh database on;
// bench/run-service.sh starts a throwaway one. Every target gets the same
// closed-loop load over loopback: each client sends the next submission
// when the last is answered.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
	"github.com/spfkit/spfkit/survey"
)

func main() {
	seconds := flag.Float64("seconds", 10, "how long to load each target")
	clients := flag.Int("clients", 64, "concurrent clients")
	pg := flag.String("pg", os.Getenv("SPFKIT_TEST_POSTGRES"), "a PostgreSQL server URL to make a fresh database on (empty: skip PostgreSQL)")
	flag.Parse()
	dir, err := os.MkdirTemp("", "spfkit-bench-")
	check(err)
	defer os.RemoveAll(dir)

	fmt.Printf("%d clients, %.0f s each, over loopback\n\n", *clients, *seconds)
	fmt.Println("| target | submissions/s | p50 ms | p99 ms | failed |")
	fmt.Println("|---|---:|---:|---:|---:|")
	run := func(name string, h http.Handler, path string) {
		r := load(h, path, *clients, time.Duration(*seconds*float64(time.Second)))
		fmt.Printf("| %s | %.0f | %.1f | %.1f | %d |\n", name, r.rate, ms(r.p50), ms(r.p99), r.failed)
	}
	run("floor: append + fsync per request", floor(filepath.Join(dir, "floor.log")), "/")
	run("service, SQLite (WAL, synchronous=FULL)", svc("sqlite:"+filepath.Join(dir, "bench.db")), "/api/surveys/bench/responses")
	if *pg != "" {
		run("service, PostgreSQL", svc(database(*pg)), "/api/surveys/bench/responses")
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/submit:", err)
		os.Exit(1)
	}
}

// floor appends each body to a file and fsyncs it before answering.
func floor(name string) http.Handler {
	f, err := os.Create(name)
	check(err)
	var mu sync.Mutex
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err == nil {
			mu.Lock()
			_, err = f.Write(append(b, '\n'))
			if err == nil {
				err = f.Sync()
			}
			mu.Unlock()
		}
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"status":"stored"}`)
	})
}

// svc is the service on a database, with the heat check open.
func svc(dbURL string) http.Handler {
	ctx := context.Background()
	st, err := store.Open(ctx, dbURL)
	check(err)
	s, err := service.New(ctx, service.Config{Store: st, AdminToken: "bench-admin-token-0123456789", Rate: -1, Logger: slog.New(slog.DiscardHandler)})
	check(err)
	now := time.Now().UTC()
	def, _ := survey.MustBuiltin(survey.HeatCheck2022Members).MarshalJSON()
	sv := fmt.Sprintf(`{"id":"bench","definition":%s,"opens":%q,"closes":%q}`, def, now.Add(-time.Hour).Format(time.RFC3339), now.Add(24*time.Hour).Format(time.RFC3339))
	check(st.CreateSurvey(ctx, "bench", []byte(sv)))
	return s
}

// database makes a fresh database on a PostgreSQL server.
func database(server string) string {
	db, err := sql.Open("pgx", server)
	check(err)
	defer db.Close()
	var b [4]byte
	rand.Read(b[:])
	name := "spfkit_bench_" + hex.EncodeToString(b[:])
	_, err = db.Exec("CREATE DATABASE " + name)
	check(err)
	u, err := url.Parse(server)
	check(err)
	u.Path = "/" + name
	return u.String()
}

type result struct {
	rate     float64
	p50, p99 time.Duration
	failed   int
}

// load runs clients in a closed loop against h on a loopback server.
func load(h http.Handler, path string, clients int, d time.Duration) result {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	defer srv.Close()
	target := "http://" + ln.Addr().String() + path
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	client := &http.Client{Transport: tr}
	defer tr.CloseIdleConnections()

	var mu sync.Mutex
	var lat []time.Duration
	failed := 0
	stop := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for i := 0; time.Now().Before(stop); i++ {
				body := fmt.Sprintf(`{"survey":"heatcheck-2022-members","answers":{"org_type":"hee","q1":%d,"q2":%d}}`, 1+i%5, 1+c%5)
				req, _ := http.NewRequest("POST", target, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Idempotency-Key", fmt.Sprintf("bench-%d-%d", c, i))
				t := time.Now()
				res, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				if err != nil || res.StatusCode != http.StatusCreated {
					bad++
					continue
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			failed += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	q := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	return result{rate: float64(len(lat)) / elapsed.Seconds(), p50: q(0.50), p99: q(0.99), failed: failed}
}
