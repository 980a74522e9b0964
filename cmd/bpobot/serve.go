package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/bpobot/bpobot/answers"
	"github.com/bpobot/bpobot/discord"
)

// Server timeouts: a slow or stalled client cannot pin a connection.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 10 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 10 * time.Second
)

// serveCmd runs the HTTP interactions endpoint.
func serveCmd(ctx context.Context, args []string, std stdio, env func(string) string, newEngine func() (*answers.Engine, error), kbDir string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(std.err)
	addr := fs.String("addr", ":8080", "address to listen on")
	reg := fs.Bool("register", false, "register the commands with Discord first (needs DISCORD_TOKEN; see bpobot register)")
	fs.Usage = func() {
		fmt.Fprintln(std.out, "usage: bpobot serve [--addr :8080] [--register]\n\nServes Discord's Interactions Endpoint URL (POST /interactions), GET /healthz and GET /metrics.\nNeeds DISCORD_PUBLIC_KEY.")
	}
	if done, err := parseArgs(fs, args, std); done {
		return err
	}
	pub, err := discord.ParsePublicKey(env("DISCORD_PUBLIC_KEY"))
	switch {
	case errors.Is(err, discord.ErrNoPublicKey):
		return errors.New("DISCORD_PUBLIC_KEY is not set: copy the Public Key from the Developer Portal (General Information)")
	case err != nil:
		return fmt.Errorf("DISCORD_PUBLIC_KEY is %v", err)
	}
	if *reg {
		cmds, err := register(ctx, env, env("DISCORD_GUILD_ID"))
		if err != nil {
			return fmt.Errorf("--register: %w", err)
		}
		printCommands(std.err, cmds, env("DISCORD_GUILD_ID"))
	}
	b, cfg, closeBot, err := newBot(ctx, std, env, newEngine, kbDir)
	if err != nil {
		return err
	}
	defer closeBot()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %v", *addr, err)
	}
	h := discord.InteractionsHandler(b, pub)
	if name, haddr := healthAddr(env); haddr != "" {
		hln, err := net.Listen("tcp", haddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("%s=%s: %v", name, haddr, err)
		}
		hctx, stop := context.WithCancel(ctx)
		defer stop()
		go serveHTTP(hctx, hln, h, cfg.Logger, nil) // /healthz and /metrics (and the endpoint) there too
		cfg.Logger.Info("serving /healthz and /metrics", "addr", hln.Addr().String())
	}
	cfg.Logger.Info("serving Discord interactions", "addr", ln.Addr().String(), "endpoint", "/interactions")
	return serveHTTP(ctx, ln, h, cfg.Logger, func() { b.Drain() })
}

// serveHTTP serves h on ln until ctx is done, then shuts down gracefully:
// drain (if not nil) stops new work and waits for work in flight.
func serveHTTP(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, drain func()) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving HTTP: %v", err)
	case <-ctx.Done():
	}
	if drain != nil {
		drain()
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down the HTTP server: %v", err)
	}
	log.Info("HTTP server stopped")
	return nil
}
