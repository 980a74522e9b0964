package usage

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseSince parses how far back a report goes: a whole number followed by a
// unit, m (minutes), h (hours), d (days of 24 hours) or w (weeks), such as
// "30m", "24h", "7d" or "2w". The result is positive.
func ParseSince(s string) (time.Duration, error) {
	const want = "want a whole number followed by m (minutes), h (hours), d (days) or w (weeks), such as 7d or 24h"
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("empty duration: %s", want)
	}
	digits := t[:len(t)-len(strings.TrimLeft(t, "0123456789"))]
	var unit time.Duration
	switch u := t[len(digits):]; {
	case digits == "":
		return 0, fmt.Errorf("invalid duration %q: %s", s, want)
	case u == "":
		return 0, fmt.Errorf("duration %q has no unit: %s", s, want)
	case u == "m":
		unit = time.Minute
	case u == "h":
		unit = time.Hour
	case u == "d":
		unit = 24 * time.Hour
	case u == "w":
		unit = 7 * 24 * time.Hour
	default:
		return 0, fmt.Errorf("duration %q has an unknown unit %q: %s", s, u, want)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > math.MaxInt64/int64(unit) {
		return 0, fmt.Errorf("duration %q is too long: at most about 290 years", s)
	}
	if n == 0 {
		return 0, fmt.Errorf("duration %q is zero: it must be positive, such as 7d", s)
	}
	return time.Duration(n) * unit, nil
}
