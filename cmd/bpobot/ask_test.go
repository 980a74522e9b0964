package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestAnswerLinesKeepsOrder answers lines on several workers whose answers
// finish out of order, and checks they are written in the order asked.
func TestAnswerLinesKeepsOrder(t *testing.T) {
	var in strings.Builder
	for i := range 500 {
		fmt.Fprintf(&in, "%d\n", i)
		if i%50 == 0 {
			in.WriteString("   \n") // blank lines are skipped
		}
	}
	var out strings.Builder
	err := answerLines(strings.NewReader(in.String()), &out, 4, func(l string) ([]byte, error) {
		n, _ := strconv.Atoi(l)
		if n%7 == 0 {
			time.Sleep(time.Millisecond) // finish late
		}
		return []byte("a" + l + "\n"), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 500 {
		t.Fatalf("got %d answers, want 500", len(lines))
	}
	for i, l := range lines {
		if want := "a" + strconv.Itoa(i); l != want {
			t.Fatalf("answer %d is %q, want %q", i, l, want)
		}
	}
}

// TestAnswerLinesAnswersAtOnce plays a program that writes one question and
// waits for its answer before writing the next: each answer must reach it
// without more input (flushed when no other answer is waiting).
func TestAnswerLinesAnswersAtOnce(t *testing.T) {
	qr, qw := io.Pipe()
	ar, aw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- answerLines(qr, aw, 2, func(l string) ([]byte, error) { return []byte("answer to " + l + "\n"), nil })
		aw.Close()
	}()
	answers := bufio.NewReader(ar)
	for i := range 3 {
		q := fmt.Sprintf("q%d", i)
		if _, err := io.WriteString(qw, q+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() { l, _ := answers.ReadString('\n'); got <- l }()
		select {
		case l := <-got:
			if l != "answer to "+q+"\n" {
				t.Fatalf("got %q, want the answer to %s", l, q)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to %s while the writer waits: the output was not flushed", q)
		}
	}
	qw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestAnswerLinesStopsOnError stops reading at the first failed answer and
// returns its error, with the answers before it written.
func TestAnswerLinesStopsOnError(t *testing.T) {
	boom := errors.New("boom")
	var asked atomic.Int64
	var out strings.Builder
	in := strings.Repeat("ok\n", 100) + "fail\n" + strings.Repeat("ok\n", 100000)
	err := answerLines(strings.NewReader(in), &out, 2, func(l string) ([]byte, error) {
		asked.Add(1)
		if l == "fail" {
			return nil, boom
		}
		return []byte(l + "\n"), nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got := strings.Count(out.String(), "ok\n"); got != 100 {
		t.Errorf("%d answers written before the failure, want 100", got)
	}
	if n := asked.Load(); n > 1000 {
		t.Errorf("%d lines answered after a failure: reading should stop", n)
	}
}
