package main

// Tests of patches/sqlite-swept-arrays.patch: every collection table gets the two partial indexes
// of the swept "outbox" array, tables made before them get them at start, the launcher's start-up
// cleaning keeps them, and the relay's sweep reads only them. That the sweep still returns exactly
// the documents Mongo's semantics select is TestPushdownFindMatchesGoFilter's outbox cases.

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
)

var sweepFilter = bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: true}}}}

func TestSweptArrayIndexes(t *testing.T) {
	dir := t.TempDir()
	l := startLauncher(t, dir)
	ctx := context.Background()
	coll := l.client.Database("swept").Collection("orders")
	var docs []any
	for i := range 500 {
		d := bson.D{{Key: "_id", Value: fmt.Sprintf("o%03d", i)}, {Key: "status", Value: "PLACED"}, {Key: "outbox", Value: bson.A{}}}
		if i%100 == 7 {
			d[2] = bson.E{Key: "outbox", Value: bson.A{bson.D{{Key: "id", Value: fmt.Sprintf("e%d", i)}}}}
		}
		docs = append(docs, d)
	}
	if _, err := coll.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}

	want := []string{"pasar_swept_outbox_array", "pasar_swept_outbox_document"}
	checkIndexes := func(when string) {
		t.Helper()
		idx := sweptIndexes(t, dir, "swept", "orders")
		if len(idx) != len(want) {
			t.Fatalf("%s: swept indexes = %v, want %v", when, idx, want)
		}
		for _, w := range want {
			ddl, ok := idx[w]
			if !ok || !strings.Contains(ddl, " WHERE ") {
				t.Fatalf("%s: partial index %s missing: %v", when, w, idx)
			}
		}
	}
	checkIndexes("new collection")

	plan := sqlitePlan(t, coll, sweepFilter)
	for _, w := range want {
		if !strings.Contains(plan, w) {
			t.Fatalf("the sweep does not read the partial index %s: %s", w, plan)
		}
	}
	if strings.Contains(plan, "SCAN orders_") {
		t.Fatalf("the sweep scans the table: %s", plan)
	}
	got := ids(t, coll, sweepFilter)
	if fmt.Sprint(got) != "[string:o007 string:o107 string:o207 string:o307 string:o407]" {
		t.Fatalf("sweep found %v", got)
	}
	// A write that empties an outbox leaves the index; one that fills it enters it.
	if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o007"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "outbox", Value: bson.A{}}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o001"}}, bson.D{{Key: "$push", Value: bson.D{{Key: "outbox", Value: "e"}}}}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, coll, sweepFilter); fmt.Sprint(got) != "[string:o001 string:o107 string:o207 string:o307 string:o407]" {
		t.Fatalf("after the writes the sweep found %v", got)
	}
	l.stop()

	// A table made before the patch has no partial indexes: the next start creates them (and the
	// start-up cleaning of non-unique indexes keeps them).
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "swept.sqlite")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	var table string
	if err := db.QueryRow(`SELECT table_name FROM _ferretdb_collections WHERE name = 'orders'`).Scan(&table); err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if _, err := db.Exec(fmt.Sprintf(`DROP INDEX %q`, table+"_"+w)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if idx := sweptIndexes(t, dir, "swept", "orders"); len(idx) != 0 {
		t.Fatalf("set-up: swept indexes left: %v", idx)
	}
	l = startLauncher(t, dir)
	checkIndexes("after a restart")
	coll = l.client.Database("swept").Collection("orders")
	if got := ids(t, coll, sweepFilter); fmt.Sprint(got) != "[string:o001 string:o107 string:o207 string:o307 string:o407]" {
		t.Fatalf("after the restart the sweep found %v", got)
	}
}
