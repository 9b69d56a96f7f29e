package main

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type launcher struct {
	uri    string
	socket string
	client *mongo.Client
	stop   func() // stops the launcher and waits for it to return
}

// startLauncher runs the whole launcher (FerretDB + legacy index cleanup + write gate) in-process on a free
// port with its data in dir, and returns a connected client.
func startLauncher(t testing.TB, dir string) *launcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	type ready struct {
		addr   net.Addr
		socket string
	}
	readyCh := make(chan ready, 1)
	errCh := make(chan error, 1)
	go func() {
		errCh <- run(ctx, launchOptions{
			addr:        "127.0.0.1:0",
			dir:         dir,
			syncMode:    "normal",
			sweptArrays: "outbox",
			ready:       func(a net.Addr, s string) { readyCh <- ready{a, s} },
		})
	}()
	var r ready
	select {
	case r = <-readyCh:
	case err := <-errCh:
		cancel()
		t.Fatalf("launcher did not start: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("launcher did not start within 30 s")
	}
	l := &launcher{uri: "mongodb://" + r.addr.String() + "/", socket: r.socket}
	client, err := mongo.Connect(context.Background(), options.Client().ApplyURI(l.uri).SetMaxPoolSize(200))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		err = client.Database("admin").RunCommand(context.Background(), bson.D{{Key: "ping", Value: 1}}).Err()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no ping through the write gate: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	l.client = client
	stopped := false
	l.stop = func() {
		if stopped {
			return
		}
		stopped = true
		_ = client.Disconnect(context.Background())
		cancel()
		select {
		case err := <-errCh:
			if err != nil {
				t.Errorf("launcher returned an error: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("launcher did not stop within 30 s")
		}
	}
	t.Cleanup(l.stop)
	return l
}

// A checkout path of ~75 characters used to make FerretDB's socket path (in the data dir) exceed
// sun_path: `bind: invalid argument`. The socket now lives in a short private directory.
func TestLauncherWithLongDataDir(t *testing.T) {
	dir := t.TempDir()
	for len(dir) < 220 {
		dir = filepath.Join(dir, "a-rather-long-directory-name-like-a-deep-checkout")
	}
	l := startLauncher(t, dir)
	if len(l.socket) > socketPathMax {
		t.Fatalf("socket path is %d bytes long: %s", len(l.socket), l.socket)
	}
	if strings.HasPrefix(l.socket, dir) {
		t.Fatalf("socket %s is inside the data dir", l.socket)
	}
	st, err := os.Stat(filepath.Dir(l.socket))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Fatalf("socket dir mode is %v, want 0700", st.Mode().Perm())
	}
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(l.socket), "owner.pid")); err != nil || string(b) != strconv.Itoa(os.Getpid()) {
		t.Fatalf("owner.pid: %q %v", b, err)
	}

	ctx := context.Background()
	coll := l.client.Database("longpath").Collection("docs")
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "a"}, {Key: "n", Value: 1}}); err != nil {
		t.Fatal(err)
	}
	var got bson.M
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "a"}}).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got["n"] != int32(1) {
		t.Fatalf("got %v", got)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if len(files) == 0 {
		t.Fatalf("no SQLite file in the data dir %s", dir)
	}

	l.stop()
	if _, err := os.Stat(filepath.Dir(l.socket)); !os.IsNotExist(err) {
		t.Fatalf("socket dir %s was not removed on exit (err %v)", filepath.Dir(l.socket), err)
	}
}

func TestStaleSocketDirsAreRemoved(t *testing.T) {
	base := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	mk := func(name string, pid int) string {
		d := filepath.Join(base, name)
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
		if pid != 0 {
			if err := os.WriteFile(filepath.Join(d, "owner.pid"), []byte(strconv.Itoa(pid)), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	stale := mk("pasar-ferretdb-111", dead.Process.Pid)
	live := mk("pasar-ferretdb-222", os.Getpid())
	starting := mk("pasar-ferretdb-333", 0) // no pid file yet: being created
	other := mk("something-else", dead.Process.Pid)
	removeStaleSocketDirs(base)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the socket dir of a dead launcher was kept")
	}
	for _, d := range []string{live, starting, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed: %v", d, err)
		}
	}
}
