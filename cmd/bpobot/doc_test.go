package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestDocExamples runs the examples in README.md and docs/*.md, so that
// none goes stale. An example is a ```console block: each "$ " line is a
// command, and the lines after it, up to the next command, are output it
// must print, in that order (other lines may come between; "..." stands for
// lines left out, and a line ending in "..." for any line that starts so). A command may set variables first (K=V bpobot ...),
// feed standard input (printf '...' | bpobot ...), and end with a comment
// "# exit N" when it must fail with status N. Commands that need Discord,
// a network or other programs (run, serve, the bare bot, health, docker,
// systemctl, go) are not run: only bpobot's subcommands that run without
// Discord are. A ```sh block's bpobot commands (shown without output) are
// run too, and must not be usage errors: their flags must still exist.
// Each block runs in a new directory (so bpobot.db starts
// empty), in which knowledge/ is the repository's.
func TestDocExamples(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	ran := 0
	for _, f := range files {
		blocks, err := consoleBlocks(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range blocks {
			name := fmt.Sprintf("%s:%d", filepath.Base(f), b.line)
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				if err := os.Symlink(filepath.Join(root, "knowledge"), filepath.Join(dir, "knowledge")); err != nil {
					t.Fatal(err)
				}
				t.Chdir(dir)
				for _, c := range b.cmds {
					if !runnable(c) {
						t.Logf("%s:%d: not run here (needs Discord or other programs): %s", filepath.Base(f), c.line, c.text)
						continue
					}
					ran++
					checkExample(t, filepath.Base(f), c)
				}
			})
		}
	}
	if ran < 10 {
		t.Errorf("only %d examples ran; the README's are not being found", ran)
	}
}

// A docCmd is one "$ " line of a console block and the output it shows.
type docCmd struct {
	line   int
	text   string
	want   []string
	status int
	env    map[string]string
	stdin  string
	args   []string // after "bpobot"; nil when the command is not bpobot
}

type consoleBlock struct {
	line      int
	cmds      []docCmd
	usageOnly bool // a ```sh block: commands without their output
}

func consoleBlocks(path string) ([]consoleBlock, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var blocks []consoleBlock
	var cur *consoleBlock
	indent := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if cur != nil {
			l = strings.TrimPrefix(l, indent) // a block inside a list item
		}
		switch {
		case cur == nil && strings.TrimSpace(l) == "```console":
			cur = &consoleBlock{line: n}
			indent = l[:len(l)-len(strings.TrimLeft(l, " "))]
		case cur == nil && strings.TrimSpace(l) == "```sh":
			cur = &consoleBlock{line: n, usageOnly: true}
			indent = l[:len(l)-len(strings.TrimLeft(l, " "))]
		case cur != nil && cur.usageOnly && strings.TrimSpace(l) != "```":
			// A command to copy, with no output shown: it must still be
			// a valid use of bpobot (no usage error). Comments and
			// redirections are not part of it.
			cmdText, _, _ := strings.Cut(l, " #")
			cmdText, _, _ = strings.Cut(cmdText, " > ")
			cmdText = strings.TrimPrefix(strings.TrimSpace(cmdText), "go run ./cmd/")
			if strings.HasSuffix(cmdText, "\\") || cmdText == "" {
				continue
			}
			c, err := parseDocCmd(cmdText)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			c.line, c.status = n, -2
			cur.cmds = append(cur.cmds, c)
		case cur != nil && strings.TrimSpace(l) == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil && strings.HasPrefix(l, "$ "):
			c, err := parseDocCmd(strings.TrimPrefix(l, "$ "))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, n, err)
			}
			c.line = n
			cur.cmds = append(cur.cmds, c)
		case cur != nil && len(cur.cmds) > 0:
			last := &cur.cmds[len(cur.cmds)-1]
			last.want = append(last.want, l)
		}
	}
	return blocks, sc.Err()
}

var exitComment = regexp.MustCompile(`\s+#\s*exit (\d+)\s*$`)

func parseDocCmd(text string) (docCmd, error) {
	c := docCmd{text: text, env: map[string]string{}}
	if m := exitComment.FindStringSubmatch(text); m != nil {
		c.status, _ = strconv.Atoi(m[1])
		text = text[:len(text)-len(m[0])]
	}
	if i := strings.Index(text, " | "); i >= 0 {
		feed, err := shellWords(text[:i])
		if err != nil {
			return c, err
		}
		if len(feed) == 2 && feed[0] == "printf" {
			c.stdin = strings.ReplaceAll(feed[1], `\n`, "\n")
		} else if len(feed) == 2 && feed[0] == "echo" {
			c.stdin = feed[1] + "\n"
		} else {
			return c, nil // some other pipeline: not run
		}
		text = text[i+3:]
	}
	words, err := shellWords(text)
	if err != nil {
		return c, err
	}
	for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
		k, v, _ := strings.Cut(words[0], "=")
		c.env[k] = v
		words = words[1:]
	}
	if len(words) > 0 && words[0] == "bpobot" {
		c.args = append([]string{}, words[1:]...)
	}
	return c, nil
}

// shellWords splits a command line as sh would: on spaces, with '...' and
// "..." quoting.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, errors.New("unterminated quote")
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}

// runnable reports whether c runs without Discord or other programs.
func runnable(c docCmd) bool {
	if c.args == nil {
		return false
	}
	for i := 0; i < len(c.args); i++ {
		a := c.args[i]
		if strings.HasPrefix(a, "-") {
			if name := strings.TrimLeft(a, "-"); globalFlags[name] && !strings.Contains(a, "=") {
				i++ // its value
			}
			continue
		}
		switch a {
		case "ask", "repl", "eval", "kb", "report", "version", "help":
			return true
		case "register":
			return c.env["DISCORD_TOKEN"] == "" // its usage errors only
		}
		return false
	}
	return len(c.args) > 0 && (c.args[0] == "--version" || c.args[0] == "--help")
}

// checkExample runs one command as main would and checks its output and
// status.
func checkExample(t *testing.T, file string, c docCmd) {
	t.Helper()
	var out bytes.Buffer
	err := run(context.Background(), c.args, stdio{strings.NewReader(c.stdin), &out, &out}, func(k string) string { return c.env[k] })
	status := 0
	if err != nil {
		fmt.Fprintln(&out, "bpobot:", err)
		status = 1
		var ue *usageError
		if errors.As(err, &ue) {
			status = 2
		}
	}
	if c.status == -2 { // from a ```sh block: any outcome but a usage error
		if status == 2 {
			t.Errorf("%s:%d: %s\nis not a valid use of bpobot any more:\n%s", file, c.line, c.text, out.String())
		}
		return
	}
	if status != c.status {
		t.Errorf("%s:%d: $ %s\nexited %d, the docs say %d; it printed:\n%s", file, c.line, c.text, status, c.status, out.String())
		return
	}
	// The right-to-left marks that start an Urdu reply's lines are
	// invisible, and not written in the docs.
	got := strings.Split(strings.ReplaceAll(out.String(), "\u200f", ""), "\n")
	i := 0
	for _, w := range c.want {
		w = strings.TrimRight(w, " ")
		if w == "" || w == "..." {
			continue
		}
		match := func(g string) bool { return strings.TrimRight(g, " ") == w }
		if p, ok := strings.CutSuffix(w, "..."); ok { // "bpobot ...": a line that starts so
			match = func(g string) bool { return strings.HasPrefix(g, p) }
		}
		for i < len(got) && !match(got[i]) {
			i++
		}
		if i == len(got) {
			t.Errorf("%s:%d: $ %s\nthe docs show the line\n  %s\nwhich it does not print (in that order); it printed:\n%s", file, c.line, c.text, w, out.String())
			return
		}
		i++
	}
}
