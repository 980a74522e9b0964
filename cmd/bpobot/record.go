package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/bpobot/bpobot/internal/recording"

	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/usage"
)

// defaultDB is where questions are recorded unless BPOBOT_DB says otherwise.
const defaultDB = "bpobot.db"

// pruneEvery is how often records past the retention period are deleted.
const pruneEvery = 6 * time.Hour

// dbPath returns where to record, or "" when BPOBOT_DB turns recording off.
func dbPath(env func(string) string) string {
	switch p := strings.TrimSpace(env("BPOBOT_DB")); strings.ToLower(p) {
	case "":
		return defaultDB
	case "off", "none", "false", "0":
		return ""
	default:
		return p
	}
}

// openStore opens the usage database for the bot, as configured by
// BPOBOT_DB, BPOBOT_RETENTION and BPOBOT_HASH_KEY. It returns nil, nil when
// recording is off.
func openStore(ctx context.Context, env func(string) string) (*usage.Store, error) {
	path := dbPath(env)
	if path == "" {
		return nil, nil
	}
	opts := usage.Options{HashKey: []byte(env("BPOBOT_HASH_KEY"))}
	if v := env("BPOBOT_RETENTION"); v != "" {
		d, err := usage.ParseSince(v)
		if err != nil {
			return nil, fmt.Errorf("BPOBOT_RETENTION=%q: %v", v, err)
		}
		opts.Retention = d
	}
	s, err := usage.Open(ctx, path, opts)
	if err != nil {
		return nil, fmt.Errorf("opening the question log %s (set BPOBOT_DB=off to run without it): %v", path, err)
	}
	return s, nil
}

// pruneLoop deletes records older than the retention period now and then.
func pruneLoop(ctx context.Context, s *usage.Store, log *slog.Logger) {
	for {
		pctx, cancel := context.WithTimeout(ctx, time.Minute)
		n, err := s.Prune(pctx)
		cancel()
		if err != nil && ctx.Err() == nil {
			log.Warn("pruning old records", "err", err)
		} else if n > 0 {
			log.Info("pruned records past the retention period", "questions", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(pruneEvery):
		}
	}
}

// withRecording opens the store for a bot command and fills cfg.Recorder.
// The returned function closes it.
func withRecording(ctx context.Context, env func(string) string, cfg *bot.Config) (func(), error) {
	s, err := openStore(ctx, env)
	if err != nil || s == nil {
		if s == nil && err == nil {
			cfg.Logger.Info("question log off (BPOBOT_DB=off)")
		}
		return func() {}, err
	}
	cfg.Recorder = recording.Adapter{Store: s}
	pctx, stop := context.WithCancel(ctx)
	go pruneLoop(pctx, s, cfg.Logger)
	cfg.Logger.Info("recording questions", "db", dbPath(env))
	return func() { stop(); s.Close() }, nil
}

// reportCmd prints the curator's report.
func reportCmd(ctx context.Context, args []string, std stdio, env func(string) string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(std.err)
	since := fs.String("since", "7d", "how far back: 30m, 24h, 7d, 2w")
	format := fs.String("format", "text", "text, json or html")
	fs.Usage = func() {
		fmt.Fprintln(std.err, "usage: bpobot report [--since 7d] [--format text|json|html]\n\nReports on the questions the Discord bot recorded in BPOBOT_DB (default bpobot.db).")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usagef("report: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("report takes no arguments")
	}
	d, err := usage.ParseSince(*since)
	if err != nil {
		return usagef("report: --since %s: %v", *since, err)
	}
	render := map[string]func(*usage.Report) error{
		"text": func(r *usage.Report) error { return r.Text(std.out) },
		"json": func(r *usage.Report) error { return r.JSON(std.out) },
		"html": func(r *usage.Report) error { return r.HTML(std.out) },
	}[*format]
	if render == nil {
		return usagef("report: --format must be text, json or html")
	}
	path := dbPath(env)
	if path == "" {
		return errors.New("BPOBOT_DB is off: there is no question log to report on")
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no question log at %s: run the bot (bpobot run or serve) first, or point BPOBOT_DB at its database", path)
	}
	s, err := usage.Open(ctx, path, usage.Options{HashKey: []byte(env("BPOBOT_HASH_KEY"))})
	if err != nil {
		return fmt.Errorf("opening the question log %s: %v", path, err)
	}
	defer s.Close()
	rep, err := s.Report(ctx, time.Now().Add(-d))
	if err != nil {
		return fmt.Errorf("building the report: %v", err)
	}
	return render(rep)
}
