package usage

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// QueueOptions configure a [Queue]. The zero value gives the defaults.
type QueueOptions struct {
	// Size is how many questions may wait to be written; default 8192.
	// When the queue is full a question is dropped and counted, and the
	// caller is not held up.
	Size int
	// Batch is the most questions written in one transaction; default 1024.
	Batch int
	// Window is how long the first question of a batch waits for others
	// before the batch is written; default 50ms.
	Window time.Duration
	// WriteTimeout bounds one batch's write, retries included; default 10s.
	WriteTimeout time.Duration
	// OnError is called (from the writing goroutine) with a batch that
	// could not be written and the error; nil ignores it. The rows are
	// counted as failed.
	OnError func(err error, rows int)
}

// QueueStats are a Queue's counters since it started.
type QueueStats struct {
	Written int64 // questions written
	Batches int64 // transactions that wrote them
	Dropped int64 // questions dropped because the queue was full or closed
	Failed  int64 // questions whose batch could not be written
	Depth   int   // questions waiting now
}

// A Queue records questions asynchronously: [Queue.Add] never waits for the
// database. A single goroutine takes the questions off a bounded queue and
// writes them in batches, one transaction each, when a batch is full or its
// window has passed. [Queue.Close] writes everything accepted before it
// returns. A Queue is safe for concurrent use.
type Queue struct {
	store Store
	opts  QueueOptions
	ch    chan Question

	mu     sync.RWMutex // held for reading by Add, for writing by Close
	closed bool
	done   chan struct{}

	written, batches, dropped, failed atomic.Int64
}

// retryDelays are the pauses before a failed batch is tried again.
var retryDelays = []time.Duration{50 * time.Millisecond, 250 * time.Millisecond, time.Second}

// NewQueue starts a queue that writes to s.
func NewQueue(s Store, opts QueueOptions) *Queue {
	if opts.Size <= 0 {
		opts.Size = 8192
	}
	if opts.Batch <= 0 {
		opts.Batch = 1024
	}
	if opts.Window <= 0 {
		opts.Window = 50 * time.Millisecond
	}
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = 10 * time.Second
	}
	q := &Queue{store: s, opts: opts, ch: make(chan Question, opts.Size), done: make(chan struct{})}
	go q.run()
	return q
}

// Add queues a question to be written and reports whether it was accepted:
// false when the queue is full or closed (the question is dropped and
// counted). It never blocks.
func (q *Queue) Add(x Question) bool {
	q.mu.RLock()
	defer q.mu.RUnlock()
	if q.closed {
		q.dropped.Add(1)
		return false
	}
	select {
	case q.ch <- x:
		return true
	default:
		q.dropped.Add(1)
		return false
	}
}

// Stats returns the queue's counters.
func (q *Queue) Stats() QueueStats {
	return QueueStats{
		Written: q.written.Load(), Batches: q.batches.Load(),
		Dropped: q.dropped.Load(), Failed: q.failed.Load(), Depth: len(q.ch),
	}
}

// Close stops accepting questions and writes those accepted, returning when
// they are written or ctx is done (then the rest are lost, and the error
// says how many). It does not close the store.
func (q *Queue) Close(ctx context.Context) error {
	q.mu.Lock()
	if !q.closed {
		q.closed = true
		close(q.ch)
	}
	q.mu.Unlock()
	select {
	case <-q.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("question log: %d questions not written: %w", len(q.ch), ctx.Err())
	}
}

func (q *Queue) run() {
	defer close(q.done)
	batch := make([]Question, 0, q.opts.Batch)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		// Wait for the first question of a batch.
		x, ok := <-q.ch
		if !ok {
			return
		}
		batch = append(batch[:0], x)
		timer.Reset(q.opts.Window)
	fill:
		for len(batch) < q.opts.Batch {
			select {
			case x, ok := <-q.ch:
				if !ok {
					break fill // closed: write what there is, then return above
				}
				batch = append(batch, x)
			case <-timer.C:
				break fill
			}
		}
		timer.Stop()
		q.write(batch)
	}
}

// write writes one batch, retrying a few times.
func (q *Queue) write(batch []Question) {
	ctx, cancel := context.WithTimeout(context.Background(), q.opts.WriteTimeout)
	defer cancel()
	var err error
	for attempt := 0; ; attempt++ {
		if err = q.store.RecordQuestions(ctx, batch); err == nil {
			q.written.Add(int64(len(batch)))
			q.batches.Add(1)
			return
		}
		if attempt == len(retryDelays) || ctx.Err() != nil {
			break
		}
		select {
		case <-time.After(retryDelays[attempt]):
		case <-ctx.Done():
		}
	}
	q.failed.Add(int64(len(batch)))
	if q.opts.OnError != nil {
		q.opts.OnError(err, len(batch))
	}
}
