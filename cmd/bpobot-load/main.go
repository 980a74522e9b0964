// Command bpobot-load measures the HTTP interactions endpoint under load: it
// serves `bpobot serve`'s handler on loopback (or targets -url), sends
// concurrent, correctly signed /ask interactions built from the knowledge
// base's questions, bounded in count and time, and reports requests per
// second and latency percentiles. Every interaction is distinct and comes
// from a distinct user (no replayed ids, and no user's rate limit turns
// answers into notices). Every request must get a 200 with an answer; any
// error is counted and makes the command exit non-zero.
//
//	go run ./cmd/bpobot-load -n 50000 -c 32
//	go run ./cmd/bpobot-load -record /tmp/load.db            # with the question log on
//	go run ./cmd/bpobot-load -compare -record postgres://...  # off and on, same run
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/discord"
	"github.com/bpobot/bpobot/internal/recording"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/bpobot/bpobot/usage"
)

// seed makes the signing key deterministic, so an external server can be
// started with the matching public key (see -print-key).
var seed = bytes.Repeat([]byte{42}, ed25519.SeedSize)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bpobot-load:", err)
		os.Exit(1)
	}
}

// A signed request, ready to send.
type signed struct {
	body    []byte
	sig, ts string
}

// A result is one load run's figures.
type result struct {
	ok, errs int
	elapsed  time.Duration
	lat      []time.Duration // sorted
	firstErr string
}

func (r result) rps() float64 { return float64(r.ok) / r.elapsed.Seconds() }

func (r result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))]
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bpobot-load", flag.ContinueOnError)
	n := fs.Int("n", 50000, "requests to send in all (each run)")
	c := fs.Int("c", 32, "concurrent connections")
	d := fs.Duration("d", 60*time.Second, "stop a run after this long even if -n is not reached")
	url := fs.String("url", "", "target an external `bpobot serve` (started with the key from -print-key) instead of an in-process server")
	printKey := fs.Bool("print-key", false, "print the DISCORD_PUBLIC_KEY to start an external server with, and exit")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	record := fs.String("record", "", "record questions in this question log (an SQLite file or a postgres:// URL), as `bpobot serve` does by default (in-process server only)")
	compare := fs.Bool("compare", false, "run with the question log off and on (-record), alternately, rounds times each, and print the ratio of throughputs")
	rounds := fs.Int("rounds", 3, "with -compare, how many runs of each")
	if err := fs.Parse(args); err != nil {
		return err
	}
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	if *printKey {
		fmt.Fprintln(out, hex.EncodeToString(pub))
		return nil
	}
	if *n < 1 || *c < 1 || *rounds < 1 {
		return errors.New("-n, -c and -rounds must be at least 1")
	}
	if *compare && (*record == "" || *url != "") {
		return errors.New("-compare needs -record (the log to compare against none) and an in-process server")
	}
	kb, err := knowledge.Default()
	if err != nil {
		return err
	}
	eng := answers.New(kb)

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	batch := 0 // each run's requests are new interactions from new users
	once := func(target, record string) (result, error) {
		batch++
		reqs, err := requests(kb, priv, *n, batch)
		if err != nil {
			return result{}, err
		}
		if target == "" {
			u, stop, err := serve(eng, pub, record)
			if err != nil {
				return result{}, err
			}
			defer stop()
			target = u
		}
		return load(target, reqs, *c, *d), nil
	}
	report := func(label string, r result) {
		fmt.Fprintf(out, "%srequests: %d ok, %d errors in %s (concurrency %d)\n", label, r.ok, r.errs, r.elapsed.Round(time.Millisecond), *c)
		fmt.Fprintf(out, "%sthroughput: %.0f requests/s\n", label, r.rps())
		fmt.Fprintf(out, "%slatency: p50 %s, p99 %s, max %s\n", label, r.pct(0.50).Round(time.Microsecond), r.pct(0.99).Round(time.Microsecond), r.pct(1).Round(time.Microsecond))
	}
	check := func(r result) error {
		if r.errs > 0 {
			return fmt.Errorf("%d requests failed; first: %v", r.errs, r.firstErr)
		}
		return nil
	}

	if !*compare {
		r, err := once(*url, *record)
		if err != nil {
			return err
		}
		report("", r)
		return check(r)
	}
	var off, on []float64
	for i := range *rounds {
		for _, rec := range []string{"", *record} {
			r, err := once("", rec)
			if err != nil {
				return err
			}
			label := fmt.Sprintf("round %d, log off: ", i+1)
			if rec != "" {
				label = fmt.Sprintf("round %d, log on:  ", i+1)
				on = append(on, r.rps())
			} else {
				off = append(off, r.rps())
			}
			report(label, r)
			if err := check(r); err != nil {
				return err
			}
		}
	}
	med := func(x []float64) float64 { slices.Sort(x); return x[len(x)/2] }
	fmt.Fprintf(out, "median throughput: %.0f requests/s with the log off, %.0f with it on (%s): ratio %.2f\n",
		med(off), med(on), usage.Describe(*record), med(on)/med(off))
	return nil
}

// load sends reqs to target over c connections and measures.
func load(target string, reqs []signed, c int, d time.Duration) result {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: c, MaxIdleConnsPerHost: c, MaxConnsPerHost: c}, Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var next, errs atomic.Int64
	lat := make([][]time.Duration, c)
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for w := range c {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(len(reqs)) {
					return
				}
				r := reqs[i]
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(r.body))
				req.Header.Set("X-Signature-Ed25519", r.sig)
				req.Header.Set("X-Signature-Timestamp", r.ts)
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				res, err := client.Do(req)
				if err == nil {
					var body []byte
					body, err = io.ReadAll(res.Body)
					res.Body.Close()
					if err == nil && (res.StatusCode != 200 || !bytes.Contains(body, []byte(`"type":4`)) || bytes.Contains(body, []byte("asking faster"))) {
						err = fmt.Errorf("status %d: %.200s", res.StatusCode, body)
					}
				}
				if err != nil {
					if ctx.Err() != nil {
						return
					}
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	res := result{elapsed: time.Since(start), errs: int(errs.Load())}
	for _, l := range lat {
		res.lat = append(res.lat, l...)
	}
	slices.Sort(res.lat)
	res.ok = len(res.lat)
	if e, ok := firstErr.Load().(string); ok {
		res.firstErr = e
	}
	return res
}

// serve starts the interactions endpoint on a loopback port, configured as
// `bpobot serve` is (recording through a queue when record is set), and
// returns its URL. stop drains the bot, flushes the queue and closes the
// log.
func serve(eng *answers.Engine, pub ed25519.PublicKey, record string) (string, func(), error) {
	cfg := bot.Config{Logger: slog.New(slog.DiscardHandler)} // the default rate limit: users are distinct
	var store usage.Store
	var queue *usage.Queue
	if record != "" {
		var err error
		if store, err = usage.Open(context.Background(), record, usage.Options{}); err != nil {
			return "", nil, err
		}
		queue = usage.NewQueue(store, usage.QueueOptions{})
		cfg.Recorder = recording.Adapter{Store: store, Queue: queue}
	}
	b := bot.New(cfg, eng)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: discord.InteractionsHandler(b, pub), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/interactions", func() {
		b.Drain()
		srv.Close()
		if queue != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := queue.Close(ctx); err != nil {
				fmt.Fprintln(os.Stderr, "bpobot-load: flushing the question log:", err)
			}
			st := queue.Stats()
			if st.Dropped > 0 || st.Failed > 0 {
				fmt.Fprintf(os.Stderr, "bpobot-load: question log: %d written, %d dropped, %d failed\n", st.Written, st.Dropped, st.Failed)
			}
			store.Close()
		}
	}, nil
}

// requests builds n signed /ask interactions from the knowledge base's own
// questions and phrasings, as autocomplete and typing people send them:
// each a new interaction from a new user (batch keeps runs apart).
func requests(kb *knowledge.Base, priv ed25519.PrivateKey, n, batch int) ([]signed, error) {
	var qs []string
	for _, e := range kb.Entries {
		qs = append(qs, e.Question)
		qs = append(qs, e.Phrasings...)
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	out := make([]signed, n)
	for i := range out {
		id := strconv.Itoa(batch*10_000_000 + i)
		b, err := json.Marshal(map[string]any{
			"id": id, "token": "load-" + id, "type": 2, "application_id": "1", "version": 1, "guild_id": "1",
			"member": map[string]any{"user": map[string]any{"id": "7" + id}},
			"data":   map[string]any{"id": "1", "name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": qs[i%len(qs)]}}},
		})
		if err != nil {
			return nil, err
		}
		// Signed ahead of time: the load generator's own cost should not count.
		out[i] = signed{b, hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), b...))), ts}
	}
	return out, nil
}
