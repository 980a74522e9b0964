package usage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeStore is a Store that keeps the batches it is given in memory. Its
// writes can be held (until release is closed) or made to fail.
type fakeStore struct {
	Store // the other methods: unused, panic if called

	mu      sync.Mutex
	batches [][]Question
	fail    int           // fail this many writes, then succeed; -1 fails them all
	hold    chan struct{} // when not nil, writes wait until it is closed
	calls   int
}

func (f *fakeStore) RecordQuestions(ctx context.Context, qs []Question) error {
	f.mu.Lock()
	hold := f.hold
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.fail != 0 {
		if f.fail > 0 {
			f.fail--
		}
		return errors.New("database unavailable")
	}
	f.batches = append(f.batches, slices.Clone(qs))
	return nil
}

func (f *fakeStore) sizes() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var n []int
	for _, b := range f.batches {
		n = append(n, len(b))
	}
	return n
}

func (f *fakeStore) ids() []int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	var ids []int64
	for _, b := range f.batches {
		for _, q := range b {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

func TestQueueBatchesBySize(t *testing.T) {
	f := &fakeStore{}
	q := NewQueue(f, QueueOptions{Batch: 10, Window: time.Hour})
	f.mu.Lock() // hold the writer until all 25 are queued, so batches fill
	for i := range 25 {
		if !q.Add(Question{ID: int64(i + 1)}) {
			t.Fatalf("Add %d refused", i)
		}
	}
	f.mu.Unlock()
	if err := q.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	got := f.sizes()
	if len(got) != 3 || got[0] != 10 || got[1] != 10 || got[2] != 5 {
		t.Errorf("batch sizes %v; want [10 10 5]: full batches, then what Close flushed", got)
	}
	if st := q.Stats(); st.Written != 25 || st.Batches != 3 || st.Dropped != 0 || st.Depth != 0 {
		t.Errorf("stats %+v; want 25 written in 3 batches", st)
	}
}

func TestQueueWritesAfterWindow(t *testing.T) {
	f := &fakeStore{}
	q := NewQueue(f, QueueOptions{Batch: 1000, Window: 5 * time.Millisecond})
	defer q.Close(context.Background())
	for i := range 3 {
		q.Add(Question{ID: int64(i + 1)})
	}
	// Not closed: the window alone must get the batch written.
	for deadline := time.Now().Add(10 * time.Second); q.Stats().Written < 3; {
		if time.Now().After(deadline) {
			t.Fatalf("after 10s, stats %+v; want 3 written once the 5ms window passed", q.Stats())
		}
		time.Sleep(time.Millisecond)
	}
}

func TestQueueDropsWhenFullNeverBlocks(t *testing.T) {
	f := &fakeStore{hold: make(chan struct{})}
	q := NewQueue(f, QueueOptions{Size: 4, Batch: 1})
	accepted := 0
	for i := range 20 {
		if q.Add(Question{ID: int64(i + 1)}) {
			accepted++
		}
	}
	// The writer holds one batch of 1; the queue holds 4.
	if accepted > 5 || accepted < 4 {
		t.Errorf("%d of 20 accepted with a queue of 4 and the writer stalled; want 4 or 5", accepted)
	}
	if st := q.Stats(); st.Dropped != int64(20-accepted) {
		t.Errorf("dropped %d; want %d", st.Dropped, 20-accepted)
	}
	close(f.hold)
	if err := q.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := len(f.ids()); got != accepted {
		t.Errorf("%d written; want every accepted one (%d)", got, accepted)
	}
	if q.Add(Question{ID: 99}) {
		t.Error("Add after Close accepted a question")
	}
}

func TestQueueRetriesThenCountsFailures(t *testing.T) {
	f := &fakeStore{fail: 2}
	q := NewQueue(f, QueueOptions{Batch: 5})
	for i := range 5 {
		q.Add(Question{ID: int64(i + 1)})
	}
	if err := q.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if st := q.Stats(); st.Written != 5 || st.Failed != 0 {
		t.Errorf("after two failed attempts: %+v; want all 5 written on the third", st)
	}

	var reported []string
	f = &fakeStore{fail: -1}
	q = NewQueue(f, QueueOptions{Batch: 5, OnError: func(err error, rows int) {
		reported = append(reported, fmt.Sprintf("%d: %v", rows, err))
	}})
	for i := range 3 {
		q.Add(Question{ID: int64(i + 1)})
	}
	if err := q.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if st := q.Stats(); st.Written != 0 || st.Failed != 3 {
		t.Errorf("with the database down: %+v; want 3 failed", st)
	}
	if f.calls != 1+len(retryDelays) {
		t.Errorf("%d attempts; want %d", f.calls, 1+len(retryDelays))
	}
	if len(reported) != 1 || !strings.Contains(reported[0], "3: database unavailable") {
		t.Errorf("OnError got %q; want one call for the 3 rows", reported)
	}
}

func TestQueueCloseGivesUpAtDeadline(t *testing.T) {
	f := &fakeStore{hold: make(chan struct{})}
	defer close(f.hold)
	q := NewQueue(f, QueueOptions{Batch: 1})
	for i := range 3 {
		q.Add(Question{ID: int64(i + 1)})
	}
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	err := q.Close(ctx)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "not written") {
		t.Errorf("Close with the writer stalled = %v; want a deadline error saying what was not written", err)
	}
}

// TestQueueLosesNothing sends questions from many goroutines through a queue
// into a real store, closes it, and finds every accepted one.
func TestQueueLosesNothing(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		s := b.open(t, Options{})
		q := NewQueue(s, QueueOptions{Batch: 64, Window: time.Millisecond})
		const workers, each = 8, 500
		var wg sync.WaitGroup
		var mu sync.Mutex
		accepted := 0
		for w := range workers {
			wg.Go(func() {
				n := 0
				for i := range each {
					if q.Add(Question{ID: nextID(), Surface: SurfaceSlash, Normalized: fmt.Sprintf("q %d %d", w, i)}) {
						n++
					}
				}
				mu.Lock()
				accepted += n
				mu.Unlock()
			})
		}
		wg.Wait()
		if err := q.Close(t.Context()); err != nil {
			t.Fatal(err)
		}
		st := q.Stats()
		if n := count(t, s, "SELECT COUNT(*) FROM questions"); n != accepted || int64(n) != st.Written {
			t.Errorf("%d rows in the database, %d accepted, stats %+v; want every accepted row written", n, accepted, st)
		}
		if accepted+int(st.Dropped) != workers*each {
			t.Errorf("accepted %d + dropped %d != %d sent", accepted, st.Dropped, workers*each)
		}
		if st.Batches >= int64(accepted) {
			t.Errorf("%d batches for %d rows: not batched", st.Batches, accepted)
		}
	})
}

func BenchmarkQueueAdd(b *testing.B) {
	f := &fakeStore{}
	q := NewQueue(f, QueueOptions{Size: 1 << 16})
	defer q.Close(context.Background())
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			q.Add(Question{ID: 1, Surface: SurfaceSlash})
		}
	})
}
