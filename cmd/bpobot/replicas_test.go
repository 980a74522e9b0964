package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// postgresEnv names the variable with the URL of a PostgreSQL server the
// tests may create databases on; .ci/run starts one.
const postgresEnv = "BPOBOT_TEST_POSTGRES"

// freshDatabase creates a database for one test on the server named by
// BPOBOT_TEST_POSTGRES (dropped at the end) and returns its URL, or skips
// the test without the variable.
func freshDatabase(t *testing.T) string {
	t.Helper()
	admin := os.Getenv(postgresEnv)
	if admin == "" {
		t.Skipf("%s is not set: the PostgreSQL replica test is skipped (.ci/postgres start DIR starts a throwaway server and prints the variable)", postgresEnv)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "bpobot_e2e_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin) // the driver the question log registers
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer db.Close()
		db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// A replica is one `bpobot serve` child process.
type replica struct {
	cmd  *exec.Cmd
	base string // http://addr
	logs *syncBuffer
	done chan error
}

func startReplica(t *testing.T, env map[string]string) *replica {
	t.Helper()
	r := &replica{logs: &syncBuffer{}, done: make(chan error, 1)}
	r.cmd = exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0")
	r.cmd.Dir = t.TempDir()
	r.cmd.Env = append(os.Environ(), childEnv+"=1")
	for k, v := range env {
		r.cmd.Env = append(r.cmd.Env, k+"="+v)
	}
	r.cmd.Stdout, r.cmd.Stderr = r.logs, r.logs
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	t.Cleanup(func() { r.cmd.Process.Kill() })
	addrRe := regexp.MustCompile(`serving Discord interactions" addr=(\S+)`)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if m := addrRe.FindStringSubmatch(r.logs.String()); m != nil {
			r.base = "http://" + m[1]
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s", r.logs.String())
		}
	}
}

// post sends a signed interaction and returns the response body.
func (r *replica) post(t testing.TB, priv ed25519.PrivateKey, i map[string]any) ([]byte, error) {
	body, err := json.Marshal(i)
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, r.base+"/interactions", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, append([]byte(ts), body...))))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	out, err := io.ReadAll(res.Body)
	if err == nil && res.StatusCode != 200 {
		err = fmt.Errorf("HTTP %d: %s", res.StatusCode, out)
	}
	return out, err
}

// stop sends SIGTERM and waits for a clean exit.
func (r *replica) stop(t *testing.T) {
	t.Helper()
	r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("replica exited with %v:\n%s", err, r.logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Errorf("replica did not stop after SIGTERM:\n%s", r.logs.String())
	}
}

func askFrom(id, user, q string) map[string]any {
	i := interaction(id, 2, askData(q, false))
	i["member"] = map[string]any{"user": map[string]any{"id": user, "username": "u" + user}}
	return i
}

// TestReplicasSharePostgres runs two `bpobot serve` processes on one
// PostgreSQL question log, as a busy deployment does behind a load
// balancer: replica A answers, its thumbs-down is clicked on replica B after
// B has answered a question of its own, then both take concurrent questions
// and are stopped with SIGTERM. The report must count every question and
// put the vote on A's entry.
func TestReplicasSharePostgres(t *testing.T) {
	dsn := freshDatabase(t)
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	env := map[string]string{
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(priv.Public().(ed25519.PublicKey)),
		"BPOBOT_DB":          dsn,
		"LOG_LEVEL":          "info",
	}
	a, b := startReplica(t, env), startReplica(t, env)

	answer, err := a.post(t, priv, askFrom("5001", "601", "How much did call centers earn in FY25?"))
	if err != nil {
		t.Fatal(err)
	}
	down := customID(t, answer, `fb:\d+:down:[a-z0-9-]+`)
	if _, err := b.post(t, priv, askFrom("5002", "602", "why outsource to pakistan")); err != nil {
		t.Fatal(err)
	}
	vote := interaction("5003", 3, map[string]any{"custom_id": down, "component_type": 2})
	reply, err := b.post(t, priv, vote)
	if err != nil || !strings.Contains(string(reply), "Thanks for the feedback") {
		t.Fatalf("thumbs-down on replica B: %v %s", err, reply)
	}

	const concurrent = 120
	var wg sync.WaitGroup
	errs := make(chan error, concurrent)
	for i := range concurrent {
		wg.Go(func() {
			r := []*replica{a, b}[i%2]
			id := strconv.Itoa(6000 + i)
			if _, err := r.post(t, priv, askFrom(id, "7"+id, []string{"what is the dabba scam", "who is adeel azhar", "average salary at a call center"}[i%3])); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	a.stop(t)
	b.stop(t)

	var out bytes.Buffer
	err = run(context.Background(), []string{"report", "--since", "1d", "--format", "json"}, stdio{strings.NewReader(""), &out, &out},
		func(k string) string { return map[string]string{"BPOBOT_DB": dsn}[k] })
	if err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	var rep struct {
		Total        int `json:"total_questions"`
		MostDisliked []struct {
			EntryID   string   `json:"entry_id"`
			Down      int      `json:"down"`
			Questions []string `json:"questions"`
		} `json:"most_disliked"`
		TopDeclined []struct {
			Reason string `json:"reason"`
			Term   string `json:"term"`
			Count  int    `json:"count"`
		} `json:"top_declined"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rep.Total != 2+concurrent {
		t.Errorf("report counts %d questions; want %d (every one, from both replicas)", rep.Total, 2+concurrent)
	}
	if len(rep.MostDisliked) != 1 || rep.MostDisliked[0].EntryID != "fy25-earnings" || rep.MostDisliked[0].Down != 1 ||
		len(rep.MostDisliked[0].Questions) != 1 || !strings.Contains(rep.MostDisliked[0].Questions[0], "fy25") {
		t.Errorf("thumbs-down %+v; want one, on A's entry fy25-earnings, with A's question", rep.MostDisliked)
	}
	if len(rep.TopDeclined) == 0 || rep.TopDeclined[0].Count != concurrent/3 || rep.TopDeclined[0].Term == "" {
		t.Errorf("declined %+v; want the %d salary questions grouped under the term that blocked them", rep.TopDeclined, concurrent/3)
	}
	for _, r := range []*replica{a, b} {
		if !strings.Contains(r.logs.String(), "question log flushed") {
			t.Errorf("replica did not flush its queue on SIGTERM:\n%s", r.logs.String())
		}
	}
}

// TestSIGTERMMidLoadLosesNothing stops a replica with SIGTERM while
// questions keep arriving, and finds in its SQLite question log every
// question whose answer it sent (each answer's buttons carry its id).
func TestSIGTERMMidLoadLosesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "questions.db")
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	r := startReplica(t, map[string]string{
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(priv.Public().(ed25519.PublicKey)),
		"BPOBOT_DB":          db,
		"LOG_LEVEL":          "info",
	})
	idRe := regexp.MustCompile(`"custom_id":"(?:fb|pick|none):(\d+)`)
	var mu sync.Mutex
	seen := map[string]bool{}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for {
				n := next.Add(1)
				id := strconv.FormatInt(8000+n, 10)
				q := []string{"how much did call centers earn in FY25?", "average salary at a call center", "what is the dabba scam"}[n%3]
				body, err := r.post(t, priv, askFrom(id, "9"+id, q))
				if err != nil {
					return // refused or closed: the replica is stopping
				}
				m := idRe.FindSubmatch(body)
				if m == nil {
					t.Errorf("an answer without a recorded id: %s", body)
					return
				}
				mu.Lock()
				seen[string(m[1])] = true
				mu.Unlock()
			}
		})
	}
	for {
		mu.Lock()
		n := len(seen)
		mu.Unlock()
		if n >= 300 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	r.stop(t) // while the load goes on
	wg.Wait()

	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	missing := 0
	for id := range seen {
		var n int
		if err := conn.QueryRow("SELECT COUNT(*) FROM questions WHERE id = ?", id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			missing++
		}
	}
	if missing > 0 {
		t.Errorf("%d of the %d answered questions are not in the log after SIGTERM", missing, len(seen))
	}
	t.Logf("%d answered questions, all in the log after SIGTERM mid-load", len(seen))
}
