package main

import (
	"context"
	"runtime/pprof"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"

	"github.com/FerretDB/FerretDB/pasar"
)

// trackedNow counts the objects FerretDB's leak tracking holds open: one pprof profile per tracked
// type, named "FerretDB/<type>" (internal/util/resource).
func trackedNow() int {
	n := 0
	for _, p := range pprof.Profiles() {
		if strings.HasPrefix(p.Name(), "FerretDB/") {
			n += p.Count()
		}
	}
	return n
}

// openCursors starts a launcher with leak tracking set to track, leaves a server cursor open and
// returns how many more objects are tracked while it is open, and once everything is closed.
func openCursors(t *testing.T, track bool) (whileOpen, afterStop int) {
	t.Helper()
	saved := pasar.TrackResources
	pasar.TrackResources = track // set before the launcher starts, as main does
	defer func() { pasar.TrackResources = saved }()

	before := trackedNow()
	l := startLauncher(t, t.TempDir())
	ctx := context.Background()
	coll := l.client.Database("tracking").Collection("docs")
	for i := 0; i < 5; i++ {
		if _, err := coll.InsertOne(ctx, bson.D{{Key: "n", Value: i}}); err != nil {
			t.Fatal(err)
		}
	}
	cur, err := coll.Find(ctx, bson.D{}, options.Find().SetBatchSize(1))
	if err != nil {
		t.Fatal(err)
	}
	if !cur.Next(ctx) {
		t.Fatalf("no document: %v", cur.Err())
	}
	whileOpen = trackedNow() - before
	_ = cur.Close(ctx)
	l.stop()
	return whileOpen, trackedNow() - before
}

// Upstream tracks every iterator and cursor (a pprof stack and a panicking finalizer each); the
// launcher turns that off for a running engine (main's -track-resources=false), the Go tests keep
// it on. Off must track nothing; on must still track the open cursor and release it on close.
func TestResourceTrackingSwitch(t *testing.T) {
	on, onAfter := openCursors(t, true)
	if on < 1 {
		t.Fatalf("tracking on: %d objects tracked while a cursor is open, want at least 1", on)
	}
	if onAfter != 0 {
		t.Fatalf("tracking on: %d objects still tracked after close and stop", onAfter)
	}
	off, offAfter := openCursors(t, false)
	if off != 0 || offAfter != 0 {
		t.Fatalf("tracking off: %d objects tracked while a cursor is open, %d after, want 0", off, offAfter)
	}
}
