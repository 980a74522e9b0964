// Command bpobot-load measures the HTTP interactions endpoint under load: it
// serves `bpobot serve`'s handler on loopback (or targets -url), sends
// concurrent, correctly signed /ask interactions built from the dev set,
// bounded in count and time, and reports requests per second and latency
// percentiles. Every request must get a 200 with an answer; any error is
// counted and makes the command exit non-zero.
//
//	go run ./cmd/bpobot-load -n 50000 -c 32
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

	"github.com/bpobot/bpobot/internal/recording"
	"github.com/bpobot/bpobot/usage"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/knowledge"
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

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bpobot-load", flag.ContinueOnError)
	n := fs.Int("n", 50000, "requests to send in all")
	c := fs.Int("c", 32, "concurrent connections")
	d := fs.Duration("d", 60*time.Second, "stop after this long even if -n is not reached")
	url := fs.String("url", "", "target an external `bpobot serve` (started with the key from -print-key) instead of an in-process server")
	printKey := fs.Bool("print-key", false, "print the DISCORD_PUBLIC_KEY to start an external server with, and exit")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	record := fs.String("record", "", "record questions in this SQLite file, as `bpobot serve` does by default (in-process server only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	if *printKey {
		fmt.Fprintln(out, hex.EncodeToString(pub))
		return nil
	}
	if *n < 1 || *c < 1 {
		return errors.New("-n and -c must be at least 1")
	}
	target := *url
	if target == "" {
		u, stop, err := serve(pub, *record)
		if err != nil {
			return err
		}
		defer stop()
		target = u
	}
	bodies, err := requests(min(*n, 5000))
	if err != nil {
		return err
	}
	// Sign ahead of time: the load generator's own cost should not count.
	type signed struct {
		body    []byte
		sig, ts string
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	reqs := make([]signed, len(bodies))
	for i, b := range bodies {
		reqs[i] = signed{b, hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), b...))), ts}
	}

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
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: *c, MaxIdleConnsPerHost: *c, MaxConnsPerHost: *c}, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(context.Background(), *d)
	defer cancel()
	var next, errs atomic.Int64
	lat := make([][]time.Duration, *c)
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < *c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(*n) {
					return
				}
				r := reqs[i%int64(len(reqs))]
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
					if err == nil && (res.StatusCode != 200 || !bytes.Contains(body, []byte(`"type":4`))) {
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
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	for _, l := range lat {
		all = append(all, l...)
	}
	slices.Sort(all)
	pct := func(p float64) time.Duration {
		if len(all) == 0 {
			return 0
		}
		return all[min(len(all)-1, int(p*float64(len(all))))]
	}
	fmt.Fprintf(out, "requests: %d ok, %d errors in %s (concurrency %d)\n", len(all), errs.Load(), elapsed.Round(time.Millisecond), *c)
	fmt.Fprintf(out, "throughput: %.0f requests/s\n", float64(len(all))/elapsed.Seconds())
	fmt.Fprintf(out, "latency: p50 %s, p99 %s, max %s\n", pct(0.50).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	if e := errs.Load(); e > 0 {
		return fmt.Errorf("%d requests failed; first: %v", e, firstErr.Load())
	}
	return nil
}

// serve starts the interactions endpoint on a loopback port, configured as
// `bpobot serve` is, and returns its URL.
func serve(pub ed25519.PublicKey, record string) (string, func(), error) {
	kb, err := knowledge.Default()
	if err != nil {
		return "", nil, err
	}
	cfg := bot.Config{
		Logger:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		RatePerMinute: 1e9, RateBurst: 1e9, // the load comes from one "user"
	}
	var store *usage.Store
	if record != "" {
		if store, err = usage.Open(context.Background(), record, usage.Options{}); err != nil {
			return "", nil, err
		}
		cfg.Recorder = recording.Adapter{Store: store}
	}
	b := bot.New(cfg, answers.New(kb))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: b.InteractionsHandler(pub), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second, IdleTimeout: 60 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/interactions", func() {
		srv.Close()
		if store != nil {
			store.Close()
		}
	}, nil
}

// requests builds /ask interactions from the knowledge base's own questions
// and phrasings, as autocomplete and typing people send them.
func requests(n int) ([][]byte, error) {
	kb, err := knowledge.Default()
	if err != nil {
		return nil, err
	}
	var cases []struct{ Q string }
	for _, e := range kb.Entries {
		cases = append(cases, struct{ Q string }{e.Question})
		for _, p := range e.Phrasings {
			cases = append(cases, struct{ Q string }{p})
		}
	}
	out := make([][]byte, n)
	for i := range out {
		b, err := json.Marshal(map[string]any{
			"id": strconv.Itoa(1e6 + i), "token": "load-" + strconv.Itoa(i), "type": 2, "application_id": "1", "version": 1,
			"member": map[string]any{"user": map[string]any{"id": "7"}},
			"data":   map[string]any{"id": "1", "name": "ask", "type": 1, "options": []any{map[string]any{"name": "question", "type": 3, "value": cases[i%len(cases)].Q}}},
		})
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}
