package compiled

import (
	"bytes"
	"testing"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/internal/eval"
	"github.com/bpobot/bpobot/knowledge"
)

// TestSnapshotCurrent regenerates the snapshot and fails on any difference:
// run `go generate ./internal/compiled` after editing the knowledge files.
func TestSnapshotCurrent(t *testing.T) {
	got, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, snapshot) {
		t.Fatalf("internal/compiled/engine.snapshot is stale (%d bytes, regenerated %d): run go generate ./internal/compiled", len(snapshot), len(got))
	}
	again, _ := Generate()
	if !bytes.Equal(got, again) {
		t.Fatal("the snapshot is not byte-stable: two generations differ")
	}
}

// TestSnapshotAnswersAsCompiled: the engine loaded from the snapshot answers
// every question exactly as the engine compiled from the files.
func TestSnapshotAnswersAsCompiled(t *testing.T) {
	fromSnap, hash, err := answers.LoadSnapshot(snapshot)
	if err != nil {
		t.Fatal(err)
	}
	if hash != knowledge.EmbeddedHash() {
		t.Fatal("snapshot hash differs from the embedded files")
	}
	fresh, err := Compile()
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, set := range []string{eval.TuneSet, eval.HeldOutSet} {
		cases, err := eval.Load(set)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			qs = append(qs, c.Q)
		}
	}
	for _, p := range eval.Phrasings(fresh.Knowledge()) {
		qs = append(qs, p.Text)
	}
	qs = append(qs, "", "pakistn outsorcing", "hw mch dd bpo earn", "How much did Afiniti earn?")
	for _, q := range qs {
		a, b := fresh.Ask(q), fromSnap.Ask(q)
		if a.Text() != b.Text() || a.Reason != b.Reason || a.Score != b.Score {
			t.Errorf("Ask(%q) differs:\ncompiled: %s %v\nsnapshot: %s %v", q, a.Reason, a.Score, b.Reason, b.Score)
		}
		if x, y := fresh.Explain(q), fromSnap.Explain(q); x != y {
			t.Errorf("Explain(%q) differs:\n%s\n%s", q, x, y)
		}
	}
	if len(fresh.Lint()) != len(fromSnap.Lint()) {
		t.Error("lint differs")
	}
	if got, want := len(fromSnap.Complete("earn fy2", 25)), len(fresh.Complete("earn fy2", 25)); got != want {
		t.Errorf("Complete: %d vs %d", got, want)
	}
}

func TestLoadSnapshotRejects(t *testing.T) {
	for _, bad := range [][]byte{nil, []byte("not a snapshot"), snapshot[:len(snapshot)/2]} {
		if _, _, err := answers.LoadSnapshot(bad); err == nil {
			t.Errorf("LoadSnapshot(%d bytes) = nil error", len(bad))
		}
	}
}

func TestEngine(t *testing.T) {
	e, err := Engine()
	if err != nil {
		t.Fatal(err)
	}
	if r := e.Ask("how much did call centers earn in FY25?"); !r.Answered {
		t.Errorf("declined: %s", r.Decline)
	}
}

func BenchmarkLoadSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := answers.LoadSnapshot(snapshot); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(); err != nil {
			b.Fatal(err)
		}
	}
}
