package discord

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// DefaultAPIURL is Discord's REST base.
const DefaultAPIURL = "https://discord.com/api/v9/"

var endpointsMu sync.Mutex

// SetAPIURL points discordgo at another REST base (a REST proxy, or a fake
// Discord in tests), for example "http://127.0.0.1:8080/api/v9/". discordgo
// computes its endpoint variables once at init, so every derived one is
// reassigned here; the gateway URL then comes from that API's /gateway as
// usual. The endpoints are process-wide: all sessions share them.
func SetAPIURL(base string) error {
	if base == "" {
		base = DefaultAPIURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("the API URL %q is not an http(s) URL like %s", base, DefaultAPIURL)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	endpointsMu.Lock()
	defer endpointsMu.Unlock()
	d := discordgo.EndpointDiscord
	if i := strings.Index(base, "api/"); i > 0 {
		d = base[:i]
	}
	discordgo.EndpointDiscord = d
	discordgo.EndpointAPI = base
	discordgo.EndpointGuilds = base + "guilds/"
	discordgo.EndpointChannels = base + "channels/"
	discordgo.EndpointUsers = base + "users/"
	discordgo.EndpointGateway = base + "gateway"
	discordgo.EndpointGatewayBot = discordgo.EndpointGateway + "/bot"
	discordgo.EndpointWebhooks = base + "webhooks/"
	discordgo.EndpointStickers = base + "stickers/"
	discordgo.EndpointNitroStickersPacks = base + "/sticker-packs"
	discordgo.EndpointGuildCreate = base + "guilds"
	discordgo.EndpointStageInstances = base + "stage-instances"
	discordgo.EndpointSKUs = base + "skus"
	discordgo.EndpointVoice = base + "/voice/"
	discordgo.EndpointVoiceRegions = discordgo.EndpointVoice + "regions"
	discordgo.EndpointApplications = base + "applications"
	discordgo.EndpointOAuth2 = base + "oauth2/"
	discordgo.EndpointOAuth2Applications = discordgo.EndpointOAuth2 + "applications"
	discordgo.EndpointOauth2 = discordgo.EndpointOAuth2
	discordgo.EndpointOauth2Applications = discordgo.EndpointOAuth2Applications
	return nil
}

// apiURL returns the current REST base.
func apiURL() string {
	endpointsMu.Lock()
	defer endpointsMu.Unlock()
	return discordgo.EndpointAPI
}
