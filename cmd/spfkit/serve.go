package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spfkit/spfkit/service"
	"github.com/spfkit/spfkit/service/store"
)

// getenv reads the environment (tests replace it).
var getenv = os.Getenv

func cmdServe(e env, args []string) int {
	fs := newFlagSet(e, "serve", "spfkit serve [--addr ADDR] [--db sqlite:FILE|postgres://...] [--origin URL]... [--trust-proxy] [--rate N]\n\nThe administrator's bearer token comes from SPFKIT_ADMIN_TOKEN; each flag can also be set by the environment variable named beside it.")
	addr := fs.String("addr", envOr("SPFKIT_ADDR", "127.0.0.1:8080"), "the address to listen on, e.g. :8080 (SPFKIT_ADDR)")
	db := fs.String("db", envOr("SPFKIT_DB", "sqlite:spfkit.db"), "the database: sqlite:FILE or postgres://USER@HOST/DB (SPFKIT_DB)")
	var origins listFlag
	if o := getenv("SPFKIT_ORIGINS"); o != "" {
		origins = strings.Split(o, ",")
	}
	fs.Var(&origins, "origin", "an intranet origin whose pages embed the widgets, e.g. https://intranet.example.nhs.uk; repeat for more (SPFKIT_ORIGINS, comma-separated)")
	trustProxy := fs.Bool("trust-proxy", getenv("SPFKIT_TRUST_PROXY") == "1", "take clients' addresses from X-Forwarded-For, set by a reverse proxy in front (SPFKIT_TRUST_PROXY=1)")
	rate := fs.Float64("rate", envFloat("SPFKIT_RATE", 30), "submissions one client address may make a minute; 0 for no limit (SPFKIT_RATE)")
	logFormat := fs.String("log", envOr("SPFKIT_LOG", "json"), "log lines as json or text (SPFKIT_LOG)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "spfkit serve: unexpected argument %q\n", rest[0])
		return exitUsage
	}
	token := getenv("SPFKIT_ADMIN_TOKEN")
	if token != "" && len(token) < 16 {
		fmt.Fprintln(e.stderr, "spfkit serve: SPFKIT_ADMIN_TOKEN is too short to be a secret; use at least 16 random characters (openssl rand -hex 32)")
		return exitUsage
	}
	if token == "" {
		fmt.Fprintln(e.stderr, "spfkit serve: SPFKIT_ADMIN_TOKEN is not set, so the administrator endpoints are off")
	}
	cfg := service.Config{AdminToken: token, Origins: origins, TrustProxy: *trustProxy, Rate: *rate}
	if *rate == 0 {
		cfg.Rate = -1
	}
	return serve(e, "serve", *addr, *db, *logFormat, cfg, nil)
}

// serve runs the service until SIGINT or SIGTERM: the port is taken and
// the database opened first, so either failing is reported at once; on a
// signal, requests in flight finish (up to 30 seconds) before the
// database is closed. ready, when given, runs once the service is up.
func serve(e env, cmd, addr, dbURL, logFormat string, cfg service.Config, ready func(s *service.Service, addr string) error) int {
	var h slog.Handler = slog.NewJSONHandler(e.stderr, nil)
	if logFormat == "text" {
		h = slog.NewTextHandler(e.stderr, nil)
	} else if logFormat != "json" {
		fmt.Fprintf(e.stderr, "spfkit %s: unknown log format %q; use json or text\n", cmd, logFormat)
		return exitUsage
	}
	log := slog.New(h)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit %s: cannot listen on %s: %v (is another server using the port? choose another with --addr)\n", cmd, addr, err)
		return exitUsage
	}
	defer ln.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	openCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	st, err := store.Open(openCtx, dbURL)
	cancel()
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
		return exitUsage
	}
	defer st.Close()
	cfg.Store, cfg.Logger = st, log
	svc, err := service.New(ctx, cfg)
	if err != nil {
		fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
		return exitUsage
	}
	srv := &http.Server{
		Handler:           svc,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(h, slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	// Results are released when a survey closes: look once a minute.
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			if err := svc.Tick(ctx); err != nil {
				log.Error("release at close", "error", err.Error())
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
	where := ln.Addr().String()
	log.Info("serving", "addr", where, "db", store.Redact(dbURL))
	if ready != nil {
		if err := ready(svc, where); err != nil {
			fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
			return exitInvalid
		}
	}
	select {
	case err := <-done:
		fmt.Fprintf(e.stderr, "spfkit %s: %v\n", cmd, err)
		return exitInvalid
	case <-ctx.Done():
	}
	log.Info("stopping: finishing the requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("shutdown", "error", err.Error())
	}
	if err := st.Close(); err != nil {
		log.Error("closing the database", "error", err.Error())
	}
	log.Info("stopped")
	return exitOK
}

func envOr(name, def string) string {
	if v := getenv(name); v != "" {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(getenv(name), 64); err == nil {
		return v
	}
	return def
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}
