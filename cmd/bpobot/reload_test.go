package main

import (
	"context"
	"github.com/bpobot/bpobot/internal/kbtest"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bpobot/bpobot/answers"
)

const kbV1 = `sources:
  - id: s
    title: S
facts:
  - id: f
    source: s
    section: Intro
    text: Version one of the fact.
topics:
  - id: t
    title: T
entries:
  - id: e1
    topic: t
    question: What is the widget?
    facts: [f]
`

func TestWatchKnowledge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kb.yaml")
	if err := os.WriteFile(path, []byte(kbV1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "messages.yaml"), []byte(kbtest.Messages), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	var cur atomic.Pointer[answers.Engine]
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hup := make(chan os.Signal, 1)
	done := make(chan struct{})
	go func() {
		watchKnowledge(ctx, dir, 10*time.Millisecond, hup, log, func(e *answers.Engine) { cur.Store(e) })
		close(done)
	}()
	eventually := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s; logs:\n%s", what, logs.String())
			}
		}
	}
	write := func(content string) { // as editors save: a new file renamed over the old
		t.Helper()
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	answer := func() string {
		if e := cur.Load(); e != nil {
			return e.Ask("what is the widget").Text()
		}
		return ""
	}

	// A valid edit is served.
	time.Sleep(20 * time.Millisecond) // a later modification time
	write(strings.Replace(kbV1, "Version one", "Version two", 1))
	eventually("the valid edit was not loaded", func() bool { return strings.Contains(answer(), "Version two") })

	// An invalid edit is rejected with the file and entry named; version two keeps serving.
	before := cur.Load()
	write(strings.Replace(kbV1, "facts: [f]", "facts: [nope]", 1))
	eventually("the invalid edit was not reported", func() bool { return strings.Contains(logs.String(), "knowledge reload rejected") })
	if !strings.Contains(logs.String(), `kb.yaml:13: entry \"e1\": fact \"nope\" is not defined`) {
		t.Errorf("the error does not name the file, line and entry:\n%s", logs.String())
	}
	if cur.Load() != before || !strings.Contains(answer(), "Version two") {
		t.Error("an invalid edit replaced the serving knowledge")
	}

	// SIGHUP reloads even without a change.
	write(kbV1)
	eventually("version one not reloaded", func() bool { return strings.Contains(answer(), "Version one") })
	loaded := cur.Load()
	hup <- os.Interrupt
	eventually("SIGHUP did not reload", func() bool { return cur.Load() != loaded })

	cancel()
	<-done
}
