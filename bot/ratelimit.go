package bot

import (
	"sync"
	"time"
)

// limiter is a per-user token bucket: each user may ask burst questions at
// once and then perMinute a minute. Users whose bucket has refilled are
// forgotten, so memory is bounded by the users active in the last few
// minutes, not by everyone who ever asked.
type limiter struct {
	mu        sync.Mutex
	perSecond float64
	burst     float64
	users     map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens   float64
	at       time.Time
	notified bool // the user was told about the limit since their last allowed question
}

func newLimiter(perMinute float64, burst int) *limiter {
	if perMinute <= 0 {
		perMinute = 6
	}
	if burst <= 0 {
		burst = 1
	}
	return &limiter{perSecond: perMinute / 60, burst: float64(burst), users: make(map[string]*bucket)}
}

// allow takes a token from user's bucket. When there is none it returns
// false and how long until there will be one.
func (l *limiter) allow(user string, now time.Time) (bool, time.Duration) {
	ok, wait, _ := l.take(user, now)
	return ok, wait
}

// take is allow that also reports whether this is the first refusal since
// the user's last allowed question: where a notice is a public message, it
// is sent once, not once per message of a flood.
func (l *limiter) take(user string, now time.Time) (ok bool, wait time.Duration, first bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.lastSweep) > time.Minute {
		l.sweep(now)
	}
	b := l.users[user]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.users[user] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.at).Seconds()*l.perSecond)
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		b.notified = false
		return true, 0, false
	}
	wait = time.Duration((1 - b.tokens) / l.perSecond * float64(time.Second))
	first = !b.notified
	b.notified = true
	return false, wait.Round(time.Second), first
}

// sweep forgets users whose buckets are full again.
func (l *limiter) sweep(now time.Time) {
	l.lastSweep = now
	full := time.Duration(l.burst / l.perSecond * float64(time.Second))
	for u, b := range l.users {
		if now.Sub(b.at) >= full {
			delete(l.users, u)
		}
	}
}

// size is how many users the limiter remembers.
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.users)
}
