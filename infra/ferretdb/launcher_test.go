package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type launcher struct {
	uri    string
	client *mongo.Client
	stop   func() // stops the launcher and waits for it to return
}

// startLauncher runs the whole launcher (FerretDB + legacy index cleanup + write gate hook) in-process on a free
// port with its data in dir, and returns a connected client.
func startLauncher(t testing.TB, dir string) *launcher {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	readyCh := make(chan string, 1)
	errCh := make(chan error, 1)
	go func() {
		errCh <- run(ctx, launchOptions{
			addr:        "127.0.0.1:0",
			dir:         dir,
			syncMode:    "normal",
			sweptArrays: "outbox",
			ready:       func(addr string) { readyCh <- addr },
		})
	}()
	var addr string
	select {
	case addr = <-readyCh:
	case err := <-errCh:
		cancel()
		t.Fatalf("launcher did not start: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("launcher did not start within 30 s")
	}
	l := &launcher{uri: "mongodb://" + addr + "/"}
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
			t.Fatalf("no ping: %v", err)
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

// A checkout path of ~75 characters once made FerretDB's Unix socket path (in the data dir) exceed
// sun_path: `bind: invalid argument`. FerretDB now listens on TCP only; a deep data dir must work.
func TestLauncherWithLongDataDir(t *testing.T) {
	dir := t.TempDir()
	for len(dir) < 220 {
		dir = filepath.Join(dir, "a-rather-long-directory-name-like-a-deep-checkout")
	}
	l := startLauncher(t, dir)
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
}
