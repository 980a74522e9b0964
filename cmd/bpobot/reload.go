package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bpobot/bpobot/answers"
)

// reloadInterval is how often a knowledge folder served with --kb is
// checked for changes.
const reloadInterval = 2 * time.Second

// watchKnowledge serves a knowledge folder live: when its YAML files change
// (checked every interval; a change is loaded once the files have held still
// for one interval, so a half-written file is not read) or a signal arrives
// on hup, it loads and
// validates the folder and passes the new engine to swap. An invalid edit is
// logged, naming the file and entry, and the previous knowledge keeps
// serving. It returns when ctx is done.
func watchKnowledge(ctx context.Context, dir string, interval time.Duration, hup <-chan os.Signal, log *slog.Logger, swap func(*answers.Engine)) {
	last, _ := fingerprint(dir)
	pending := last // a change is loaded once it has held for one interval
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		forced := false
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-hup:
			forced = true
		}
		fp, err := fingerprint(dir)
		if err != nil {
			log.Error("knowledge reload: cannot read the folder; still serving the previous knowledge", "dir", dir, "err", err)
			continue
		}
		if !forced && (fp == last || fp != pending) {
			// Unchanged, or changed since the last look: an editor may still
			// be writing, so wait until the files hold still.
			pending = fp
			continue
		}
		last, pending = fp, fp
		kb, err := loadKnowledge(dir)
		if err != nil {
			log.Error("knowledge reload rejected; still serving the previous knowledge", "dir", dir, "err", err)
			continue
		}
		swap(answers.New(kb))
		st := kb.Stats()
		log.Info("knowledge reloaded", "dir", dir, "entries", st.Entries, "facts", st.Facts, "sources", st.Sources)
	}
}

// fingerprint summarises the names, sizes and modification times of the
// YAML files under dir.
func fingerprint(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", p, info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}
