package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/internal/compiled"
	"github.com/bpobot/bpobot/internal/edits"
	"github.com/bpobot/bpobot/knowledge"
	"github.com/bpobot/bpobot/usage"
	"github.com/joho/godotenv"
	"golang.org/x/term"
)

// stdio is the process's standard streams, passed in so tests can swap them.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// usageError is a mistake in how bpobot was called. main exits with status 2
// for it, as flag does.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg + " (run 'bpobot help' for usage)" }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

const usageText = `bpobot answers questions about Pakistan's BPO and call-center sector, with
every fact cited to its source.

Usage:
  bpobot                        run the Discord bot if DISCORD_TOKEN is set;
                                otherwise the REPL (in a terminal) or this help
  bpobot ask [--json] [Q...]    answer a question (or each of two quoted ones); with no Q, each line of stdin
  bpobot repl                   ask questions interactively
  bpobot eval [FLAGS] [FILE]    score the answers on the tune and held-out sets, or FILE
                                (--self, --loo, --sweep, --misses; bpobot eval --help)
  bpobot kb check [DIR]         validate and lint the knowledge base (default: the embedded one)
  bpobot run                    run the Discord bot over the gateway
  bpobot serve [--addr :8080] [--register]
                                serve Discord's HTTP interactions endpoint (slash commands only);
                                --register registers the commands first
  bpobot register [--guild ID]  register the commands with Discord (no gateway), print them, exit
  bpobot report [--since 7d] [--format text|json|html]
                                the curator's report on recorded questions
  bpobot health [URL]           exit 0 if a running bot's /healthz says ready (default: on HEALTH_ADDR)
  bpobot version                the version, commit and Go version it was built with
  bpobot help                   show this help

Global flags (before or after the command):
  --env-file FILE   read environment variables from FILE (default .env; a missing file is fine)
  --kb DIR          answer from the knowledge files in DIR instead of the embedded ones;
                    with run and serve, DIR is watched: a valid edit (or SIGHUP) is
                    loaded live, an invalid one is logged and the previous knowledge kept
  --record          record the questions asked with ask and repl in BPOBOT_DB (they
                    record nothing otherwise; run and serve record unless BPOBOT_DB=off)
  --version         print the version and exit

Environment (also read from .env):
  DISCORD_TOKEN     the bot token (Developer Portal > Bot > Reset Token)
  DISCORD_APP_ID    the application id (optional: taken from READY)
  DISCORD_GUILD_ID  register commands in this one guild instead of globally (for development)
  DISCORD_API_URL   REST base URL, for a REST proxy (default https://discord.com/api/v9/)
  LOG_LEVEL         debug, info, warn or error (default info)
  RATE_LIMIT        questions per user per minute (default 6)
  RATE_BURST        questions a user may ask at once before the limit applies (default 3)
  DISCORD_PUBLIC_KEY  the application's public key, for serve (Developer Portal > General Information)
  BPOBOT_DB         where run and serve record questions (default bpobot.db; off: record nothing)
  BPOBOT_RETENTION  how long records are kept (default 90d)
  BPOBOT_HASH_KEY   key for hashing user ids (default: a random key kept in the database)
  HEALTH_ADDR       serve /healthz and /metrics on this address (e.g. :8081); run: ready once
                    every shard is connected, 503 while connecting or shutting down
  METRICS_ADDR      the older name of HEALTH_ADDR
  SHARD_ID, SHARD_COUNT  with run: this process's shard; unset: shards from GET /gateway/bot
`

// run is bpobot's whole command line; main only adds the process around it.
func run(ctx context.Context, args []string, std stdio, getenv func(string) string) error {
	fs := flag.NewFlagSet("bpobot", flag.ContinueOnError)
	fs.SetOutput(std.err)
	fs.Usage = func() { fmt.Fprint(std.out, usageText) }
	help := quietFlags(fs, std.out)
	envFile := fs.String("env-file", ".env", "")
	kbDir := fs.String("kb", "", "")
	record := fs.Bool("record", false, "")
	version := fs.Bool("version", false, "")
	if err := fs.Parse(hoistGlobals(args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			help()
			return nil
		}
		return usagef("%s", flagError(err, args))
	}
	if *version {
		return printVersion(std.out)
	}
	env, err := loadEnv(*envFile, isSet(fs, "env-file"), getenv)
	if err != nil {
		return err
	}
	args = fs.Args()
	// ask and repl record nothing unless --record asks them to.
	logQuestion := func(string, *answers.Reply) {}
	if *record {
		s, err := openStore(ctx, env)
		if err != nil {
			return err
		}
		if s == nil {
			return usagef("--record needs a question log, but BPOBOT_DB is off")
		}
		defer s.Close()
		logQuestion = func(q string, r *answers.Reply) {
			rctx, cancel := context.WithTimeout(ctx, time.Second)
			defer cancel()
			if err := s.RecordQuestions(rctx, []usage.Question{cliRecord(q, r)}); err != nil {
				fmt.Fprintln(std.err, "bpobot: could not record the question:", err)
			}
		}
	}

	newEngine := func() (*answers.Engine, error) {
		if *kbDir == "" {
			return compiled.Engine() // the shipped knowledge, compiled at build time
		}
		kb, err := loadKnowledge(*kbDir)
		if err != nil {
			return nil, err
		}
		return answers.New(kb), nil
	}

	if len(args) == 0 {
		switch {
		case env("DISCORD_TOKEN") != "":
			return runBot(ctx, nil, std, env, newEngine, *kbDir)
		case isTerminal(std.in):
			eng, err := newEngine()
			if err != nil {
				return err
			}
			return repl(ctx, eng, std, logQuestion)
		default:
			fmt.Fprint(std.out, usageText)
			return nil
		}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help":
		fmt.Fprint(std.out, usageText)
		return nil
	case "version":
		if len(rest) > 0 {
			return usagef("version takes no arguments")
		}
		return printVersion(std.out)
	case "ask":
		return askCmd(rest, std, newEngine, logQuestion)
	case "repl":
		if len(rest) == 1 && (rest[0] == "-h" || rest[0] == "--help" || rest[0] == "-help") {
			fmt.Fprintln(std.out, "usage: bpobot repl\n\n"+replHelp)
			return nil
		}
		if len(rest) > 0 {
			return usagef("repl takes no arguments")
		}
		eng, err := newEngine()
		if err != nil {
			return err
		}
		return repl(ctx, eng, std, logQuestion)
	case "eval":
		return evalCmd(rest, std, newEngine, func() (*knowledge.Base, error) { return loadKnowledge(*kbDir) })
	case "kb":
		return kbCmd(rest, std, *kbDir)
	case "run":
		return runBot(ctx, rest, std, env, newEngine, *kbDir)
	case "report":
		return reportCmd(ctx, rest, std, env)
	case "health":
		return healthCmd(ctx, rest, std, env)
	case "register":
		return registerCmd(ctx, rest, std, env)
	case "serve":
		return serveCmd(ctx, rest, std, env, newEngine, *kbDir)
	default:
		if near := nearestCommand(cmd); near != "" {
			return usagef("unknown command %q: did you mean %q?", cmd, near)
		}
		return usagef("unknown command %q", cmd)
	}
}

// flagError is flag's error message with the flag as it was typed: flag
// says "-bogus" for "--bogus".
func flagError(err error, args []string) string {
	msg := err.Error()
	name, ok := strings.CutPrefix(msg, "flag provided but not defined: -")
	if !ok {
		return msg
	}
	for _, a := range args {
		if strings.TrimLeft(a, "-") == name || strings.HasPrefix(strings.TrimLeft(a, "-"), name+"=") {
			return "flag provided but not defined: " + strings.SplitN(a, "=", 2)[0]
		}
	}
	return msg
}

// commands are bpobot's command names, for "did you mean".
var commands = []string{"ask", "repl", "eval", "kb", "run", "serve", "register", "report", "health", "version", "help"}

// nearestCommand returns the command name cmd was probably meant to be:
// the same but for case, or one or two letters off; "" if none.
func nearestCommand(cmd string) string {
	best, bestD := "", 3
	for _, c := range commands {
		if strings.EqualFold(c, cmd) {
			return c
		}
		if d := edits.Distance(strings.ToLower(cmd), c); d < bestD && d < len(c) {
			best, bestD = c, d
		}
	}
	return best
}

// quietFlags makes fs print nothing of its own: on a bad flag, flag would
// print the error and the usage, and main would print the error again. It
// returns the usage, printed to w, for -h.
func quietFlags(fs *flag.FlagSet, w io.Writer) func() {
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	return func() {
		fs.SetOutput(w)
		usage()
		fs.SetOutput(io.Discard)
	}
}

// parseArgs parses the flags of a subcommand that takes no arguments, with
// flag's own printing off. done is true when the caller should return err:
// after -h (the usage printed, err nil), or on a usage error.
func parseArgs(fs *flag.FlagSet, args []string, std stdio) (done bool, err error) {
	help := quietFlags(fs, std.out)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			help()
			return true, nil
		}
		return true, usagef("%s: %s", fs.Name(), flagError(err, args))
	}
	if fs.NArg() > 0 {
		return true, usagef("%s takes no arguments", fs.Name())
	}
	return false, nil
}

// globalFlags are the flags of bpobot itself, and whether each takes a
// value.
var globalFlags = map[string]bool{"kb": true, "env-file": true, "record": false, "version": false}

// hoistGlobals moves the global flags to the front wherever they are
// before a "--", so that "bpobot ask --kb DIR q" means "bpobot --kb DIR ask q".
func hoistGlobals(args []string) []string {
	var globals, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		takesValue, global := globalFlags[name]
		if !strings.HasPrefix(a, "-") || !global {
			rest = append(rest, a)
			continue
		}
		globals = append(globals, a)
		if takesValue && !hasValue && i+1 < len(args) {
			globals = append(globals, args[i+1])
			i++
		}
	}
	return append(globals, rest...)
}

// printVersion prints what the binary was built from.
func printVersion(w io.Writer) error {
	_, err := fmt.Fprintln(w, versionString())
	return err
}

// versionString describes the build: the module version, the VCS revision
// and time (and whether the tree was modified), and the Go version.
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "bpobot (no build information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	out := "bpobot " + v
	if rev := settings["vcs.revision"]; rev != "" {
		out += ", commit " + rev
		if settings["vcs.modified"] == "true" {
			out += " (modified)"
		}
		if t := settings["vcs.time"]; t != "" {
			out += ", " + t
		}
	}
	return out + ", " + bi.GoVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

// loadEnv returns a lookup that prefers the real environment and falls back
// to the .env file. The file is optional unless it was named explicitly.
func loadEnv(path string, explicit bool, getenv func(string) string) (func(string) string, error) {
	vals, err := godotenv.Read(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return getenv, nil
		}
		return nil, fmt.Errorf("reading environment file %s: %v", path, err)
	}
	return func(k string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return vals[k]
	}, nil
}

// loadKnowledge loads the embedded knowledge base, or the one in dir.
func loadKnowledge(dir string) (*knowledge.Base, error) {
	if dir == "" {
		kb, err := knowledge.Default()
		if err != nil {
			return nil, fmt.Errorf("the embedded knowledge base is invalid (a build problem):\n%v", err)
		}
		return kb, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("knowledge folder %s: not a readable directory", dir)
	}
	kb, err := knowledge.Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("knowledge base in %s is invalid:\n%v", dir, indent(err.Error()))
	}
	return kb, nil
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
