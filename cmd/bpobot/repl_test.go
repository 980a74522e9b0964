package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/internal/compiled"
	"github.com/peterh/liner"
)

// TestTopicsPage: in a short terminal /topics shows a screenful at a time,
// and stops when the user says so.
func TestTopicsPage(t *testing.T) {
	eng, err := compiled.Engine()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	asked := 0
	s := &session{eng: eng, out: &out, log: func(string, *answers.Reply) {}, rows: 10, more: func() bool { asked++; return asked < 2 }}
	s.topics()
	if n := strings.Count(out.String(), "\n"); n != 20 || asked != 2 {
		t.Errorf("printed %d lines after %d prompts; want 2 pages of 10 (stopped at the second prompt)", n, asked)
	}
	if len(s.next) < 50 {
		t.Errorf("numbered %d questions; want every one, shown or not", len(s.next))
	}
	out.Reset()
	s.rows, s.more = 0, nil // not a terminal: no paging
	s.topics()
	if n := strings.Count(out.String(), "\n"); n < 60 {
		t.Errorf("unpaged /topics printed %d lines", n)
	}
}

// TestSaveHistory: the history file is written whole, with the lines so far.
func TestSaveHistory(t *testing.T) {
	ln := liner.NewLiner()
	defer ln.Close()
	path := filepath.Join(t.TempDir(), "sub", "repl_history")
	for _, l := range []string{"why pakistan", "fy25 earnings"} {
		ln.AppendHistory(l)
		saveHistory(ln, path)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "why pakistan\nfy25 earnings\n" {
		t.Errorf("history file %q (%v)", b, err)
	}
	if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
		t.Error("a temporary history file was left behind")
	}
}
