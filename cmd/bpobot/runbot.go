package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/bot"
)

// runBot runs the Discord bot over the gateway with configuration from the
// environment (and .env).
func runBot(ctx context.Context, args []string, std stdio, env func(string) string, newEngine func() (*answers.Engine, error)) error {
	if len(args) > 0 {
		return usagef("run takes no arguments; it is configured by environment variables")
	}
	logger, err := newLogger(std, env("LOG_LEVEL"))
	if err != nil {
		return err
	}
	cfg := bot.Config{
		Token:   env("DISCORD_TOKEN"),
		AppID:   env("DISCORD_APP_ID"),
		GuildID: env("DISCORD_GUILD_ID"),
		APIURL:  env("DISCORD_API_URL"),
		Logger:  logger,
	}
	if cfg.RatePerMinute, err = envFloat(env, "RATE_LIMIT", 6); err != nil {
		return err
	}
	burst, err := envFloat(env, "RATE_BURST", 3)
	if err != nil {
		return err
	}
	cfg.RateBurst = int(burst)
	if cfg.Token == "" {
		return bot.ErrNoToken
	}
	eng, err := newEngine()
	if err != nil {
		return err
	}
	return bot.New(cfg, eng).Run(ctx)
}

func envFloat(env func(string) string, name string, def float64) (float64, error) {
	v := strings.TrimSpace(env(name))
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("%s=%q: want a positive number", name, v)
	}
	return f, nil
}

// newLogger returns a text logger on stderr at the given level.
func newLogger(std stdio, level string) (*slog.Logger, error) {
	var l slog.Level
	if level == "" {
		level = "info"
	}
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", level)
	}
	return slog.New(slog.NewTextHandler(std.err, &slog.HandlerOptions{Level: l})), nil
}
