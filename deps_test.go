// Package bpobot_test holds repository-wide tests.
package bpobot_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const mod = "github.com/bpobot/bpobot"

// A rule says what one package may import directly: which of the module's
// own packages, which outside modules (by path prefix), and whether it may
// use the standard library's I/O (files, network, processes, environment,
// logging). Everything not allowed is an error, and a package without a
// rule is an error: a new package needs a statement of what it may depend
// on. (In the spirit of go/build's deps_test and oscar's importtest.)
type rule struct {
	internal []string // module packages, relative to the module root
	external []string // import path prefixes outside the standard library
	io       bool     // may import os, net, os/exec, log/slog, database/sql, ...
}

// rules is the architecture: knowledge <- answers <- bot <- discord <- cmd/bpobot,
// with the pure packages (knowledge, answers, internal/fold, internal/edits) free of I/O,
// and the question log (usage) a leaf that only the commands wire to the bot.
var rules = map[string]rule{
	"":                      {},
	"internal/fold":         {external: []string{"golang.org/x/text"}},
	"internal/edits":        {},
	"internal/kbtest":       {},
	"knowledge":             {internal: []string{"internal/fold"}, external: []string{"go.yaml.in/yaml/v3"}},
	"answers":               {internal: []string{"knowledge", "internal/fold", "internal/edits"}, external: []string{"github.com/sahilm/fuzzy"}},
	"internal/compiled":     {internal: []string{"answers", "knowledge"}},
	"internal/compiled/gen": {internal: []string{"internal/compiled"}, io: true},
	"internal/eval":         {internal: []string{"answers", "knowledge"}, external: []string{"go.yaml.in/yaml/v3"}, io: true},
	"internal/eval/bm25":    {io: true},
	"bot": {internal: []string{"answers", "knowledge"}, io: true, external: []string{
		"github.com/bwmarrin/discordgo", "github.com/prometheus/client_golang"}},
	"discord":              {internal: []string{"bot"}, io: true, external: []string{"github.com/bwmarrin/discordgo", "github.com/gorilla/websocket"}},
	"usage":                {external: []string{"modernc.org/sqlite", "github.com/jackc/pgx/v5"}, io: true},
	"internal/recording":   {internal: []string{"bot", "usage"}},
	"internal/fakediscord": {external: []string{"github.com/gorilla/websocket"}, io: true},
	"cmd/bpobot": {internal: []string{"answers", "bot", "discord", "internal/compiled", "internal/edits", "internal/eval", "internal/recording", "knowledge", "usage"}, io: true,
		external: []string{"github.com/joho/godotenv", "github.com/peterh/liner", "golang.org/x/term"}},
	"cmd/bpobot-load": {internal: []string{"answers", "bot", "discord", "internal/recording", "knowledge", "usage"}, io: true},
}

// ioPackages are the standard library packages that reach outside the
// process: a pure package imports none of them.
var ioPackages = []string{"os", "net", "os/exec", "os/signal", "syscall", "log", "log/slog", "database/sql", "io/ioutil", "runtime/pprof", "testing"}

func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports,Standard", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := map[string]bool{}
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, mod), "/")
		seen[rel] = true
		r, ok := rules[rel]
		if !ok {
			t.Errorf("no rule for package %s: add one to deps_test.go saying what it may import", p.ImportPath)
			continue
		}
		for _, imp := range p.Imports {
			switch {
			case imp == mod || strings.HasPrefix(imp, mod+"/"):
				if !contains(r.internal, strings.TrimPrefix(imp, mod+"/")) {
					t.Errorf("%s may not import %s", p.ImportPath, imp)
				}
			case strings.Contains(strings.Split(imp, "/")[0], "."):
				if !hasPrefix(r.external, imp) {
					t.Errorf("%s may not import %s", p.ImportPath, imp)
				}
			default: // the standard library
				if !r.io && (contains(ioPackages, imp) || strings.HasPrefix(imp, "net/")) {
					t.Errorf("%s is pure and may not import %s", p.ImportPath, imp)
				}
			}
		}
	}
	for rel := range rules {
		if !seen[rel] {
			t.Errorf("rule for %q, which is not a package: remove it", rel)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func hasPrefix(prefixes []string, s string) bool {
	for _, p := range prefixes {
		if s == p || strings.HasPrefix(s, p+"/") {
			return true
		}
	}
	return false
}
