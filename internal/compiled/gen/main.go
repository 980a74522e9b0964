// Command gen writes the compiled snapshot of the embedded knowledge base
// (run by `go generate ./internal/compiled`).
package main

import (
	"fmt"
	"os"

	"github.com/bpobot/bpobot/internal/compiled"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen FILE")
		os.Exit(2)
	}
	data, err := compiled.Generate()
	if err == nil {
		err = os.WriteFile(os.Args[1], data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
