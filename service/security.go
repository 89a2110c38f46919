package service

import (
	"crypto/sha256"
	"crypto/subtle"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// allowedOrigin reports whether a browser request may go on: no Origin
// header (not a browser's cross-site request), the service's own origin,
// or a configured intranet origin. For an allowed cross-origin request it
// sets the CORS headers.
func (s *Service) allowedOrigin(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || sameOrigin(r, origin) {
		return true
	}
	for _, o := range s.cfg.Origins {
		if o == origin {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Add("Vary", "Origin")
			h.Set("Access-Control-Expose-Headers", "ETag, Retry-After")
			return true
		}
	}
	return false
}

func sameOrigin(r *http.Request, origin string) bool {
	o := strings.TrimPrefix(strings.TrimPrefix(origin, "https://"), "http://")
	return o == r.Host
}

// fromPage wraps an endpoint a web page may call: a request from a page on
// an origin the service does not serve is refused before h runs.
func (s *Service) fromPage(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.allowedOrigin(w, r) {
			refuseOrigin(w)
			return
		}
		h(w, r)
	}
}

// refuseOrigin answers a request from a page the service does not serve;
// the refusal is never stored by a cache.
func refuseOrigin(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	failMsg(w, http.StatusForbidden, "origin", "this service does not take requests from that web page's origin", "the service's administrator can add the intranet's origin (--origin)")
}

// preflight answers a browser's CORS preflight for the submission and
// plan endpoints.
func (s *Service) preflight(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") == "" || !s.allowedOrigin(w, r) {
		refuseOrigin(w)
		return
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Methods", "GET, POST, PUT")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Spfkit-Invitation, If-Match, If-None-Match")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// admin wraps an administrator endpoint: it needs the bearer token,
// compared in constant time. A single sign-on proxy in front can add its
// own checks; the token is still needed.
func (s *Service) admin(h http.HandlerFunc) http.HandlerFunc {
	want := sha256.Sum256([]byte(s.cfg.AdminToken))
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if s.cfg.AdminToken == "" {
			failMsg(w, http.StatusForbidden, "admin_off", "the administrator endpoints are off", "start the service with an administrator token (SPFKIT_ADMIN_TOKEN)")
			return
		}
		if r.Header.Get("Origin") != "" && !sameOrigin(r, r.Header.Get("Origin")) {
			refuseOrigin(w) // administrators use the API directly, never from another site's page
			return
		}
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="spfkit"`)
			failMsg(w, http.StatusUnauthorized, "unauthorized", "this needs the administrator's token", "send it as Authorization: Bearer TOKEN")
			return
		}
		h(w, r)
	}
}

// client is the address submissions are counted against.
func (s *Service) client(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limiter is a token bucket per client: rate tokens a second, up to burst.
// Buckets that have refilled are forgotten, so memory follows the clients
// of the last minutes only.
type limiter struct {
	rate  float64
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for key, or says how long until one is free.
func (l *limiter) allow(key string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// limited answers 429 when the client has submitted too often.
func (s *Service) limited(w http.ResponseWriter, r *http.Request) bool {
	if s.limiter == nil {
		return false
	}
	ok, wait := s.limiter.allow(s.client(r))
	if ok {
		return false
	}
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
	failMsg(w, http.StatusTooManyRequests, "rate_limited", "too many submissions from this address just now", "wait a minute and send the answers again; they will not be counted twice")
	return true
}
