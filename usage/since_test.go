package usage

import (
	"strings"
	"testing"
	"time"
)

func TestParseSince(t *testing.T) {
	day := 24 * time.Hour
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"7d", 7 * day},
		{"24h", 24 * time.Hour},
		{"30m", 30 * time.Minute},
		{"2w", 14 * day},
		{" 1d ", day},
		{"90d", 90 * day},
		{"007d", 7 * day},
	} {
		got, err := ParseSince(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}

	for _, tc := range []struct{ in, want string }{
		{"", "empty duration"},
		{"   ", "empty duration"},
		{"7", `duration "7" has no unit`},
		{"d", `invalid duration "d"`},
		{"7x", `unknown unit "x"`},
		{"7days", `unknown unit "days"`},
		{"7D", `unknown unit "D"`},
		{"1h30m", `unknown unit "h30m"`},
		{"-7d", `invalid duration "-7d"`},
		{"+7d", `invalid duration "+7d"`},
		{"1.5d", `unknown unit ".5d"`},
		{"0d", "is zero"},
		{"99999999999999w", "too long"},
		{"99999999999999999999999m", "too long"},
	} {
		got, err := ParseSince(tc.in)
		if err == nil {
			t.Errorf("ParseSince(%q) = %v; want an error", tc.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseSince(%q): %v; want an error containing %q", tc.in, err, tc.want)
		}
		if !strings.Contains(err.Error(), "such as 7d") && !strings.Contains(err.Error(), "too long") {
			t.Errorf("ParseSince(%q): %v; want an example of a valid duration", tc.in, err)
		}
	}
}
