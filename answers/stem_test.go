package answers

import "testing"

func TestStem(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"earnings", "earned"},
		{"earning", "earn"},
		{"centres", "centers"},
		{"centre", "center"},
		{"labour", "labor"},
		{"organisations", "organizations"},
		{"shipping", "ship"},
	} {
		if x, y := stem(tt.a), stem(tt.b); x != y {
			t.Errorf("stem(%q) = %q, stem(%q) = %q; want the same", tt.a, x, tt.b, y)
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"hour", "hor"},
		{"four", "for"},
		{"centre", "cent"},
	} {
		if x, y := stem(tt.a), stem(tt.b); x == y {
			t.Errorf("stem(%q) = stem(%q) = %q; want them apart", tt.a, tt.b, x)
		}
	}
}

func TestAmericanSpelling(t *testing.T) {
	for w, want := range map[string]string{
		"organisationally": "organizationally", "characterise": "characterize", "labour": "labor",
		"centres": "centers", "travelled": "traveled", "analyse": "analyze", "catalogue": "catalog",
	} {
		if got := americanSpelling(w); got != want {
			t.Errorf("americanSpelling(%q) = %q, want %q", w, got, want)
		}
	}
}
