package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/bpobot/bpobot/internal/recording"

	"github.com/bpobot/bpobot/answers"
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

// openStore opens the question log for the bot, as configured by BPOBOT_DB
// (an SQLite file, or a postgres:// URL), BPOBOT_RETENTION and
// BPOBOT_HASH_KEY. It returns nil, nil when recording is off.
func openStore(ctx context.Context, env func(string) string) (usage.Store, error) {
	dsn := dbPath(env)
	if dsn == "" {
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
	s, err := usage.Open(ctx, dsn, opts)
	if err != nil {
		return nil, fmt.Errorf("%v\n(check BPOBOT_DB, or set BPOBOT_DB=off to run without the question log)", err)
	}
	return s, nil
}

// pruneLoop deletes records older than the retention period now and then.
func pruneLoop(ctx context.Context, s usage.Store, log *slog.Logger) {
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

// flushTimeout bounds how long shutting down waits for the question log's
// queue to be written.
const flushTimeout = 15 * time.Second

// withRecording opens the store for a bot command and fills cfg.Recorder:
// questions go through a queue, written in batches off the reply's path.
// The returned function, called once the bot has drained, writes what is
// queued and closes the store.
func withRecording(ctx context.Context, env func(string) string, cfg *bot.Config) (func(), error) {
	s, err := openStore(ctx, env)
	if err != nil || s == nil {
		if s == nil && err == nil {
			cfg.Logger.Info("question log off (BPOBOT_DB=off)")
		}
		return func() {}, err
	}
	log := cfg.Logger
	q := usage.NewQueue(s, usage.QueueOptions{OnError: func(err error, rows int) {
		log.Warn("could not write to the question log", "questions", rows, "err", err)
	}})
	cfg.Recorder = recording.Adapter{Store: s, Queue: q}
	pctx, stop := context.WithCancel(ctx)
	go pruneLoop(pctx, s, log)
	log.Info("recording questions", "db", usage.Describe(dbPath(env)))
	return func() {
		stop()
		fctx, cancel := context.WithTimeout(context.Background(), flushTimeout)
		defer cancel()
		if err := q.Close(fctx); err != nil {
			log.Error("question log not fully written", "err", err)
		}
		st := q.Stats()
		log.Info("question log flushed", "written", st.Written, "batches", st.Batches, "dropped", st.Dropped, "failed", st.Failed)
		if err := s.Close(); err != nil {
			log.Warn("closing the question log", "err", err)
		}
	}, nil
}

// cliRecord is how ask and repl --record record a question: as the bot
// does, with a random id and what the engine made of it.
func cliRecord(q string, r *answers.Reply) usage.Question {
	rec := usage.Question{
		ID: rand.Int64N(math.MaxInt64-1) + 1, Time: time.Now(), Surface: "cli",
		Normalized: strings.ToLower(strings.Join(strings.Fields(q), " ")),
		EntryID:    r.EntryID(), Answered: r.Handled(), Score: r.Score, Unknown: r.Unknown,
	}
	if !r.Answered {
		rec.Reason, rec.Blocker = r.Reason.String(), r.Unsupported
		if r.Nearest != nil {
			rec.Nearest = r.Nearest.ID
		}
	}
	return rec
}

// reportCmd prints the curator's report.
func reportCmd(ctx context.Context, args []string, std stdio, env func(string) string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(std.err)
	since := fs.String("since", "7d", "how far back: 30m, 24h, 7d, 2w")
	format := fs.String("format", "text", "text, json or html")
	fs.Usage = func() {
		fmt.Fprintln(std.out, "usage: bpobot report [--since 7d] [--format text|json|html]\n\nReports on the questions the Discord bot recorded in BPOBOT_DB (default bpobot.db; or a postgres:// URL).")
	}
	if done, err := parseArgs(fs, args, std); done {
		return err
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
	if !usage.IsPostgres(path) {
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("no question log at %s: run the bot (bpobot run or serve) first, or ask with bpobot --record ask ..., or point BPOBOT_DB at its database", path)
		}
	}
	s, err := usage.Open(ctx, path, usage.Options{HashKey: []byte(env("BPOBOT_HASH_KEY"))})
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.Report(ctx, time.Now().Add(-d))
	if err != nil {
		return fmt.Errorf("building the report: %v", err)
	}
	return render(rep)
}
