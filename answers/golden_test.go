package answers

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGoldenReplies pins the plain-text rendering of representative
// replies: answers with citations, a two-part answer and each kind of
// decline. Run "go test ./answers -run Golden -update" after an intended
// change and review the diff.
func TestGoldenReplies(t *testing.T) {
	for _, tt := range []struct{ name, q string }{
		{"earnings-fy25", "how much did call centers earn in FY25?"},
		{"growth-rate", "yoy growth of call center exports?"},
		{"why-pakistan", "why outsource to pakistan?"},
		{"dabba-roman-urdu", "dabba scam kya hai"},
		{"two-part", "how many call centers are registered with PSEB and who is Adeel Azhar?"},
		{"fiscal-year", "what does FY25 mean"},
		{"decline-year", "call center earnings in FY23"},
		{"decline-salary", "average salary at a call center in pakistan?"},
		{"decline-offtopic", "who won the cricket match yesterday"},
		{"decline-empty", "🙂"},
		{"urdu-script", "پاکستان کے کال سینٹرز نے کتنا کمایا؟"},
		{"greeting", "assalam o alaikum"},
		{"introduction", "who are you?"},
		{"decline-unknown-name", "How much did Afiniti earn in FY25?"},
		{"challenges-both-articles", "what challenges does the sector face?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := translatedEngine(t).Ask(tt.q).Text() + "\n"
			path := filepath.Join("testdata", "golden", tt.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("reply to %q changed.\n--- got\n%s\n--- want\n%s", tt.q, got, want)
			}
			if mentions(got) {
				t.Errorf("reply can mention someone: %q", got)
			}
		})
	}
}
