package service_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/spfkit/spfkit/service"
)

// TestConcurrentSubmissions sends 2,000 submissions from 64 concurrent
// clients over loopback, a tenth of them sent twice, and checks the
// stored count and the released count are exact.
func TestConcurrentSubmissions(t *testing.T) {
	databases(t, func(t *testing.T, url string) {
		const total, clients = 2000, 64
		e := newEnv(t, url, service.Config{})
		e.open("pulse", "")
		e.clock.Add(2 * time.Hour)
		tr := &http.Transport{MaxIdleConnsPerHost: clients}
		defer tr.CloseIdleConnections()
		client := &http.Client{Transport: tr}
		jobs := make(chan int)
		var stored, dup, bad atomic.Int64
		var wg sync.WaitGroup
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range jobs {
					sends := 1
					if i%10 == 0 {
						sends = 2 // a retry after a lost answer
					}
					for range sends {
						req, _ := http.NewRequest("POST", e.srv.URL+"/api/surveys/pulse/responses",
							strings.NewReader(answer([]string{"staff", "employer"}[i%2], 1+i%5, fmt.Sprintf("n%d", i))))
						req.Header.Set("Idempotency-Key", fmt.Sprintf("load-%06d", i))
						res, err := client.Do(req)
						if err != nil {
							bad.Add(1)
							continue
						}
						res.Body.Close()
						switch res.StatusCode {
						case 201:
							stored.Add(1)
						case 200:
							dup.Add(1)
						default:
							bad.Add(1)
						}
					}
				}
			}()
		}
		for i := range total {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		if stored.Load() != total || dup.Load() != total/10 || bad.Load() != 0 {
			t.Errorf("%d stored, %d duplicates, %d failed; want %d, %d, 0", stored.Load(), dup.Load(), bad.Load(), total, total/10)
		}
		if n := e.status("pulse").Responses; n != total {
			t.Errorf("%d responses in the database, want %d", n, total)
		}
		r := e.admin("POST", "/admin/surveys/pulse/releases", `{}`)
		require.Equal(t, 201, r.code, r.body)
		if !strings.Contains(r.body, fmt.Sprintf(`"respondents": %d`, total)) {
			t.Errorf("release: %s", r.body)
		}
	})
}
