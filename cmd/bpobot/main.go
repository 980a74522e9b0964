// Command bpobot answers questions about Pakistan's BPO and call-center
// sector from a curated, cited knowledge base: on Discord, and locally
// through a REPL and a one-shot CLI for testing without Discord.
//
// Usage:
//
//	bpobot                      the Discord bot if DISCORD_TOKEN is set, else the REPL
//	bpobot ask [--json] [Q...]  answer questions (from the arguments or stdin, one per line)
//	bpobot repl                 ask interactively
//	bpobot eval [FILE]          score the engine on a labelled question set
//	bpobot kb check [DIR]       validate the knowledge base
//	bpobot run                  run the Discord bot (gateway)
//	bpobot serve [--addr :8080] serve Discord's HTTP interactions endpoint
//	bpobot report [--since 7d]  the curator's report on recorded questions
//
// Run "bpobot help" for the flags and environment variables.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}, os.Getenv)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bpobot:", err)
		var ue *usageError
		if errors.As(err, &ue) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}
