// Package bpobot_test holds repository-wide tests.
package bpobot_test

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// TestImportRules enforces the architecture: dependencies point one way,
// knowledge <- answers <- bot <- cmd/bpobot, the pure packages never reach
// Discord, the environment or the network, and the usage log (SQLite) is a
// leaf that only cmd/bpobot wires to the bot.
func TestImportRules(t *testing.T) {
	const mod = "github.com/bpobot/bpobot/"
	rules := []struct {
		pkg       string
		forbidden []string // import path prefixes not allowed, directly or indirectly
	}{
		{"knowledge", []string{mod + "answers", mod + "bot", mod + "cmd", "github.com/bwmarrin/discordgo", "net/http", "os/exec"}},
		{"answers", []string{mod + "bot", mod + "cmd", "github.com/bwmarrin/discordgo", "net/http", "os/exec", "log/slog"}},
		{"bot", []string{mod + "cmd", mod + "usage"}},
		{"usage", []string{mod + "answers", mod + "bot", mod + "cmd", mod + "knowledge", "github.com/bwmarrin/discordgo"}},
	}
	for _, r := range rules {
		out, err := exec.Command("go", "list", "-deps", "-json=ImportPath", "./"+r.pkg).Output()
		if err != nil {
			t.Fatalf("go list ./%s: %v", r.pkg, err)
		}
		dec := json.NewDecoder(strings.NewReader(string(out)))
		for dec.More() {
			var p struct{ ImportPath string }
			if err := dec.Decode(&p); err != nil {
				t.Fatal(err)
			}
			for _, f := range r.forbidden {
				if p.ImportPath == f || strings.HasPrefix(p.ImportPath, f+"/") {
					t.Errorf("%s depends on %s", r.pkg, p.ImportPath)
				}
			}
		}
	}
}
