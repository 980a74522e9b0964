package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bpobot/bpobot/discord"
)

// registerCmd registers the bot's commands over REST, prints them and exits.
func registerCmd(ctx context.Context, args []string, std stdio, env func(string) string) error {
	fs := flag.NewFlagSet("register", flag.ContinueOnError)
	guild := fs.String("guild", env("DISCORD_GUILD_ID"), "register in this server only (instant; for development) instead of globally")
	fs.Usage = func() {
		fmt.Fprintln(std.out, "usage: bpobot register [--guild ID]\n\n"+
			"Registers (overwrites) bpobot's commands with Discord, using DISCORD_TOKEN and\n"+
			"DISCORD_APP_ID (taken from the token when unset), prints them and exits. Needed once\n"+
			"for HTTP-only deployments (bpobot serve); bpobot run registers by itself.")
		fs.PrintDefaults()
	}
	if done, err := parseArgs(fs, args, std); done {
		return err
	}
	cmds, err := register(ctx, env, *guild)
	if err != nil {
		return err
	}
	printCommands(std.out, cmds, *guild)
	return nil
}

// register registers the commands as configured by the environment.
func register(ctx context.Context, env func(string) string, guild string) ([]discord.Command, error) {
	if env("DISCORD_TOKEN") == "" {
		return nil, explainGateway(discord.ErrNoToken)
	}
	cfg, err := gatewayConfig(env)
	if err != nil {
		return nil, err
	}
	cfg.GuildID = guild
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmds, err := discord.Register(ctx, cfg)
	if errors.Is(err, discord.ErrWrongAppID) {
		return nil, fmt.Errorf("%v: check DISCORD_APP_ID (Developer Portal > General Information > Application ID), or leave it unset to take it from the token", err)
	}
	return cmds, explainGateway(err)
}

// printCommands lists registered commands.
func printCommands(w io.Writer, cmds []discord.Command, guild string) {
	scope := "globally (new commands can take up to an hour to appear everywhere)"
	if guild != "" {
		scope = "in server " + guild
	}
	app := ""
	if len(cmds) > 0 {
		app = " for application " + cmds[0].AppID
	}
	fmt.Fprintf(w, "registered %d commands%s %s:\n", len(cmds), app, scope)
	for _, c := range cmds {
		name, what := "/"+c.Name, c.Description
		if c.Message {
			name, what = c.Name, "(message command: a message's menu > Apps)"
		}
		if len(c.Options) > 0 {
			name += " " + strings.Join(c.Options, " ")
		}
		fmt.Fprintf(w, "  %-22s %s\n", name, what)
	}
}
