package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// childEnv makes the test binary run bpobot's main instead of the tests,
// for the end-to-end tests' child processes.
const childEnv = "BPOBOT_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		main()
		os.Exit(0)
	}
	testscript.Main(m, map[string]func(){"bpobot": main})
}

// TestScripts runs the command-line scenarios in testdata/script: each
// .txtar file runs bpobot as a real process and checks its output and exit
// status.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// No token from the developer's environment may leak in.
			env.Setenv("DISCORD_TOKEN", "")
			return nil
		},
	})
}
