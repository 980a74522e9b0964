package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/bot"
	"github.com/bpobot/bpobot/discord"
)

// runBot runs the Discord bot over the gateway with configuration from the
// environment (and .env).
func runBot(ctx context.Context, args []string, std stdio, env func(string) string, newEngine func() (*answers.Engine, error), kbDir string) error {
	if len(args) > 0 {
		return usagef("run takes no arguments; it is configured by environment variables")
	}
	if env("DISCORD_TOKEN") == "" {
		return explainGateway(discord.ErrNoToken)
	}
	gcfg, err := gatewayConfig(env)
	if err != nil {
		return err
	}
	b, cfg, closeBot, err := newBot(ctx, std, env, newEngine, kbDir)
	if err != nil {
		return err
	}
	defer closeBot()
	gcfg.Logger = cfg.Logger
	g := discord.NewGateway(gcfg, b)
	if name, addr := healthAddr(env); addr != "" {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("%s=%s: %v", name, addr, err)
		}
		hctx, stop := context.WithCancel(ctx)
		defer stop()
		go serveHTTP(hctx, ln, g.HealthHandler(), cfg.Logger, nil)
		cfg.Logger.Info("serving /healthz and /metrics", "addr", ln.Addr().String())
	}
	return explainGateway(g.Run(ctx))
}

// healthAddr is where run serves /healthz and /metrics (and serve too, in
// addition to its own address): HEALTH_ADDR, or the older METRICS_ADDR.
func healthAddr(env func(string) string) (name, addr string) {
	for _, name := range []string{"HEALTH_ADDR", "METRICS_ADDR"} {
		if addr := strings.TrimSpace(env(name)); addr != "" {
			return name, addr
		}
	}
	return "", ""
}

// explainGateway adds to the gateway's errors what to change and where:
// the discord package names no environment variables.
func explainGateway(err error) error {
	var fe *discord.FatalCloseError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, discord.ErrNoToken):
		return errors.New("DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal (Bot > Reset Token) and put the token in .env or the environment")
	case errors.Is(err, discord.ErrTokenRejected):
		return errors.New("Discord rejected the bot token (HTTP 401): reset it in the Developer Portal (Bot > Reset Token) and update DISCORD_TOKEN")
	case errors.Is(err, discord.ErrNoAppID):
		return fmt.Errorf("%v: set DISCORD_APP_ID (Developer Portal > General Information > Application ID)", err)
	case errors.As(err, &fe) && fe.Code == 4004:
		return fmt.Errorf("%v; reset it in the Developer Portal (Bot > Reset Token) and update DISCORD_TOKEN", err)
	}
	return err
}

// gatewayConfig reads the gateway's configuration from the environment.
func gatewayConfig(env func(string) string) (discord.Config, error) {
	cfg := discord.Config{
		Token:   env("DISCORD_TOKEN"),
		AppID:   env("DISCORD_APP_ID"),
		GuildID: env("DISCORD_GUILD_ID"),
		APIURL:  env("DISCORD_API_URL"),
	}
	if err := discord.SetAPIURL(cfg.APIURL); err != nil {
		return cfg, fmt.Errorf("DISCORD_API_URL: %v", err)
	}
	var err error
	if v := env("SHARD_COUNT"); v != "" {
		if cfg.ShardCount, err = strconv.Atoi(v); err != nil || cfg.ShardCount < 1 {
			return cfg, fmt.Errorf("SHARD_COUNT=%q: want a whole number of at least 1", v)
		}
		if cfg.ShardID, err = strconv.Atoi(env("SHARD_ID")); err != nil || cfg.ShardID < 0 || cfg.ShardID >= cfg.ShardCount {
			return cfg, fmt.Errorf("SHARD_ID=%q: with SHARD_COUNT set, want this process's shard, 0 to %d", env("SHARD_ID"), cfg.ShardCount-1)
		}
	} else if env("SHARD_ID") != "" {
		return cfg, errors.New("SHARD_ID is set without SHARD_COUNT: set both, or neither for automatic sharding")
	}
	return cfg, nil
}

// newBot builds the bot that run and serve share: configuration from the
// environment, the engine, the question log and, with --kb, live reload of
// the knowledge folder. The returned function releases what it opened.
func newBot(ctx context.Context, std stdio, env func(string) string, newEngine func() (*answers.Engine, error), kbDir string) (*bot.Bot, bot.Config, func(), error) {
	cfg, err := botConfig(std, env)
	if err != nil {
		return nil, cfg, nil, err
	}
	eng, err := newEngine()
	if err != nil {
		return nil, cfg, nil, err
	}
	closeStore, err := withRecording(ctx, env, &cfg)
	if err != nil {
		return nil, cfg, nil, err
	}
	b := bot.New(cfg, eng)
	if kbDir != "" {
		go watchKnowledge(ctx, kbDir, reloadInterval, hangups(ctx), cfg.Logger, b.SetEngine)
	}
	return b, cfg, closeStore, nil
}

// hangups delivers SIGHUP until ctx is done.
func hangups(ctx context.Context) <-chan os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	go func() {
		<-ctx.Done()
		signal.Stop(c)
	}()
	return c
}

// botConfig reads the bot's configuration from the environment.
func botConfig(std stdio, env func(string) string) (bot.Config, error) {
	logger, err := newLogger(std, env("LOG_LEVEL"))
	if err != nil {
		return bot.Config{}, err
	}
	cfg := bot.Config{Logger: logger}
	if cfg.RatePerMinute, err = envFloat(env, "RATE_LIMIT", 6); err != nil {
		return cfg, err
	}
	burst, err := envFloat(env, "RATE_BURST", 3)
	if err != nil {
		return cfg, err
	}
	cfg.RateBurst = int(burst)
	return cfg, nil
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
