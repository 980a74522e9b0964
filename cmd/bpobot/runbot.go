package main

import (
	"context"
	"errors"

	"github.com/bpobot/bpobot/answers"
)

func runBot(ctx context.Context, args []string, std stdio, env func(string) string, newEngine func() (*answers.Engine, error)) error {
	return errors.New("the Discord bot is not built yet")
}
