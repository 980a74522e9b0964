package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// healthCmd checks a running bot's /healthz, for a container's HEALTHCHECK
// (the image has no curl): exit 0 when it answers 200, 1 otherwise.
func healthCmd(ctx context.Context, args []string, std stdio, env func(string) string) error {
	if len(args) > 1 {
		return usagef("usage: bpobot health [URL] (default: http://127.0.0.1$HEALTH_ADDR/healthz)")
	}
	u := ""
	if len(args) == 1 {
		u = args[0]
	} else {
		name, addr := healthAddr(env)
		if addr == "" {
			return usagef("health: no URL given and HEALTH_ADDR is not set")
		}
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return fmt.Errorf("%s=%s: %v", name, addr, err)
		}
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "127.0.0.1"
		}
		u = "http://" + net.JoinHostPort(host, port) + "/healthz"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return usagef("health: %v", err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("health: %v", err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 1<<10))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("health: %s answered %d: %s", u, res.StatusCode, strings.TrimSpace(string(body)))
	}
	fmt.Fprintln(std.out, strings.TrimSpace(string(body)))
	return nil
}
