package bot

import (
	"sync"
	"time"
)

// flight counts the events being handled, so that shutdown can wait for
// them. Checking for shutdown and counting an event happen under one lock:
// a WaitGroup's Add must not race with its Wait.
type flight struct {
	mu      sync.Mutex
	closing bool
	wg      sync.WaitGroup
}

// enter counts an event in, or reports false when shutting down.
func (f *flight) enter() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closing {
		return false
	}
	f.wg.Add(1)
	return true
}

// leave counts an event out.
func (f *flight) leave() { f.wg.Done() }

// draining reports whether shutdown has begun.
func (f *flight) draining() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.closing
}

// drain refuses new events and waits up to timeout for those in flight. It
// reports whether they all finished.
func (f *flight) drain(timeout time.Duration) bool {
	f.mu.Lock()
	f.closing = true
	f.mu.Unlock()
	done := make(chan struct{})
	go func() { f.wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}
