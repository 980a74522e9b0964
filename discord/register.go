package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/bpobot/bpobot/bot"
	"github.com/bwmarrin/discordgo"
)

// ErrWrongAppID is returned by Register when Discord refuses the commands
// for the application id given: it is not this bot's application.
var ErrWrongAppID = errors.New("Discord refused to register commands for that application id (HTTP 403 or 404): it is not the bot token's application")

// Register overwrites the application's commands with bot.Commands, in
// cfg.GuildID only when it is set (instant, for development) or globally,
// over REST alone: no gateway connection. It checks the token first
// (ErrTokenRejected), takes the application id from Discord when
// cfg.AppID is empty, and returns the commands as Discord registered them.
// A bulk overwrite is idempotent: registering again changes nothing.
func Register(ctx context.Context, cfg Config) ([]Command, error) {
	token := strings.TrimPrefix(strings.TrimSpace(cfg.Token), "Bot ")
	if token == "" {
		return nil, ErrNoToken
	}
	if err := SetAPIURL(cfg.APIURL); err != nil {
		return nil, err
	}
	s, err := newSession(token)
	if err != nil {
		return nil, err
	}
	if _, err := s.User("@me", discordgo.WithContext(ctx)); err != nil {
		if status(err) == http.StatusUnauthorized {
			return nil, ErrTokenRejected
		}
		return nil, fmt.Errorf("reaching Discord's API at %s: %v", apiURL(), redact(err))
	}
	app := cfg.AppID
	if app == "" {
		a, err := s.Application("@me")
		if err != nil || a.ID == "" {
			return nil, fmt.Errorf("%w (GET /oauth2/applications/@me: %v)", ErrNoAppID, redact(err))
		}
		app = a.ID
	}
	got, err := s.ApplicationCommandBulkOverwrite(app, cfg.GuildID, bot.Commands(cfg.GuildID == ""), discordgo.WithContext(ctx))
	if err != nil {
		switch status(err) {
		case http.StatusForbidden, http.StatusNotFound:
			return nil, fmt.Errorf("%w (application %s)", ErrWrongAppID, app)
		}
		return nil, fmt.Errorf("registering the commands: %v", redact(err))
	}
	out := make([]Command, 0, len(got))
	for _, c := range got {
		rc := Command{Name: c.Name, Description: c.Description, AppID: c.ApplicationID, Message: c.Type == discordgo.MessageApplicationCommand}
		for _, o := range c.Options {
			rc.Options = append(rc.Options, o.Name)
		}
		out = append(out, rc)
	}
	return out, nil
}

// A Command is one command as Discord registered it.
type Command struct {
	Name        string
	Description string
	Options     []string // the names of its options
	Message     bool     // a message command (a message's menu > Apps), not a slash command
	AppID       string   // the application it belongs to
}

// status is the HTTP status of a discordgo REST error, or 0.
func status(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}
