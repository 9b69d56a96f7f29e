package main

// Tests of patches/sqlite-unique-indexes-only.patch and legacy_indexes.go: _id lookups go through
// the collection's own unique _id index, non-unique indexes exist only in the metadata, unique ones
// still enforce uniqueness, and indexes left in an older data directory are dropped at start.
// Like pushdown_test.go these need the patched module (`pnpm --filter @pasar/infra test:go`).

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// sqlitePlan is the SQLite query plan FerretDB's explain reports for a find with this filter.
func sqlitePlan(t *testing.T, coll *mongo.Collection, filter bson.D) string {
	t.Helper()
	return fmt.Sprint(explain(t, coll, filter)["queryPlanner"])
}

// sqliteIndexes lists the SQLite indexes (name → CREATE statement) of a collection's table, but
// the partial indexes of swept arrays (sweptIndexes).
func sqliteIndexes(t *testing.T, dir, dbName, collName string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, ddl := range allSQLiteIndexes(t, dir, dbName, collName) {
		if !strings.Contains(name, strings.TrimPrefix(sweptArrayIndexMark, "_")) {
			out[name] = ddl
		}
	}
	return out
}

// sweptIndexes lists the partial indexes of swept arrays of a collection's table.
func sweptIndexes(t *testing.T, dir, dbName, collName string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, ddl := range allSQLiteIndexes(t, dir, dbName, collName) {
		if strings.Contains(name, strings.TrimPrefix(sweptArrayIndexMark, "_")) {
			out[name] = ddl
		}
	}
	return out
}

func allSQLiteIndexes(t *testing.T, dir, dbName, collName string) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, dbName+".sqlite")+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var table string
	if err := db.QueryRow(`SELECT table_name FROM _ferretdb_collections WHERE name = ?`, collName).Scan(&table); err != nil {
		t.Fatalf("table of %s: %v", collName, err)
	}
	rows, err := db.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			t.Fatal(err)
		}
		out[strings.TrimPrefix(name, table+"_")] = ddl
	}
	return out
}

func indexNames(t *testing.T, coll *mongo.Collection) []string {
	t.Helper()
	cur, err := coll.Indexes().List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var specs []bson.M
	if err := cur.All(context.Background(), &specs); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range specs {
		names = append(names, s["name"].(string))
	}
	sort.Strings(names)
	return names
}

func TestIDLookupsUseTheUniqueIDIndex(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	coll := l.client.Database("indexes").Collection("orders")
	ctx := context.Background()
	for i := 0; i < 50; i++ {
		if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: fmt.Sprintf("o%d", i)}, {Key: "status", Value: "PLACED"}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []bson.D{
		{{Key: "_id", Value: "o7"}},
		{{Key: "_id", Value: "o7"}, {Key: "status", Value: "PLACED"}},
		{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", "o2"}}}}},
	} {
		plan := sqlitePlan(t, coll, f)
		if !strings.Contains(plan, "USING INDEX") || !strings.Contains(plan, "__id_") {
			t.Errorf("%v: the plan does not use the unique _id index: %s", f, plan)
		}
	}
	// The lookups still find exactly their documents.
	n, err := coll.CountDocuments(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", "o2", "nope"}}}}})
	if err != nil || n != 2 {
		t.Fatalf("$in count = %d, %v; want 2", n, err)
	}
	res, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o9"}, {Key: "status", Value: "PLACED"}}, bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: "PAID"}}}})
	if err != nil || res.ModifiedCount != 1 {
		t.Fatalf("guarded update: %+v, %v", res, err)
	}
	del, err := coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: "o9"}})
	if err != nil || del.DeletedCount != 1 {
		t.Fatalf("delete by _id: %+v, %v", del, err)
	}
}

func TestOnlyUniqueIndexesAreMaterialized(t *testing.T) {
	dir := t.TempDir()
	l := startLauncher(t, dir)
	ctx := context.Background()
	coll := l.client.Database("indexes").Collection("products")
	if _, err := coll.Indexes().CreateMany(ctx, []mongo.IndexModel{
		{Keys: bson.D{{Key: "cooperativeId", Value: 1}, {Key: "status", Value: 1}}},
		{Keys: bson.D{{Key: "cooperativeId", Value: 1}, {Key: "sku", Value: 1}}, Options: options.Index().SetUnique(true)},
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{"_id_", "cooperativeId_1_sku_1", "cooperativeId_1_status_1"}
	if got := indexNames(t, coll); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("listIndexes = %v, want %v", got, want)
	}
	sqlIdx := sqliteIndexes(t, dir, "indexes", "products")
	if _, ok := sqlIdx["cooperativeId_1_status_1"]; ok {
		t.Errorf("the non-unique index was created in SQLite: %v", sqlIdx)
	}
	for _, name := range []string{"_id_", "cooperativeId_1_sku_1"} {
		if !strings.HasPrefix(sqlIdx[name], "CREATE UNIQUE INDEX") {
			t.Errorf("unique index %s missing in SQLite: %v", name, sqlIdx)
		}
	}
	if len(sqlIdx) != 2 {
		t.Errorf("SQLite indexes = %v, want only the two unique ones", sqlIdx)
	}
	// Uniqueness is still enforced; queries on the non-unique key still answer right.
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "cooperativeId", Value: "k"}, {Key: "sku", Value: "A"}, {Key: "status", Value: "published"}}); err != nil {
		t.Fatal(err)
	}
	_, err := coll.InsertOne(ctx, bson.D{{Key: "cooperativeId", Value: "k"}, {Key: "sku", Value: "A"}})
	if !mongo.IsDuplicateKeyError(err) {
		t.Fatalf("second (k, A) insert: %v, want a duplicate key error", err)
	}
	n, err := coll.CountDocuments(ctx, bson.D{{Key: "cooperativeId", Value: "k"}, {Key: "status", Value: "published"}})
	if err != nil || n != 1 {
		t.Fatalf("count by the non-unique key = %d, %v", n, err)
	}
	// Dropping the metadata-only index works and it leaves listIndexes.
	if _, err := coll.Indexes().DropOne(ctx, "cooperativeId_1_status_1"); err != nil {
		t.Fatalf("drop the non-unique index: %v", err)
	}
	want = []string{"_id_", "cooperativeId_1_sku_1"}
	if got := indexNames(t, coll); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after drop: listIndexes = %v, want %v", got, want)
	}
	if _, err := coll.Indexes().DropOne(ctx, "cooperativeId_1_sku_1"); err != nil {
		t.Fatalf("drop the unique index: %v", err)
	}
	if _, ok := sqliteIndexes(t, dir, "indexes", "products")["cooperativeId_1_sku_1"]; ok {
		t.Error("the dropped unique index is still in SQLite")
	}
}

func TestLegacyIndexesAreDroppedAtStart(t *testing.T) {
	dir := t.TempDir()
	l := startLauncher(t, dir)
	ctx := context.Background()
	coll := l.client.Database("legacy").Collection("orders")
	if _, err := coll.Indexes().CreateOne(ctx, mongo.IndexModel{Keys: bson.D{{Key: "key", Value: 1}}, Options: options.Index().SetUnique(true)}); err != nil {
		t.Fatal(err)
	}
	if _, err := coll.InsertMany(ctx, []any{bson.D{{Key: "_id", Value: "a"}, {Key: "key", Value: "1"}}, bson.D{{Key: "_id", Value: "b"}, {Key: "key", Value: "2"}}}); err != nil {
		t.Fatal(err)
	}
	l.stop()

	// What a data directory from before the patch holds: the id indexer's index and a non-unique one.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "legacy.sqlite")+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	var table string
	if err := db.QueryRow(`SELECT table_name FROM _ferretdb_collections WHERE name = 'orders'`).Scan(&table); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		fmt.Sprintf(`CREATE INDEX %q ON %q (_ferretdb_sjson->'$._id')`, table+"_pasar_id_path", table),
		fmt.Sprintf(`CREATE INDEX %q ON %q (_ferretdb_sjson->"status")`, table+"_status_1", table),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if got := len(sqliteIndexes(t, dir, "legacy", "orders")); got != 4 {
		t.Fatalf("set-up: %d SQLite indexes, want 4", got)
	}

	l = startLauncher(t, dir)
	idx := sqliteIndexes(t, dir, "legacy", "orders")
	if len(idx) != 2 || idx["_id_"] == "" || idx["key_1"] == "" {
		t.Fatalf("after restart the SQLite indexes are %v, want only _id_ and key_1", idx)
	}
	coll = l.client.Database("legacy").Collection("orders")
	n, err := coll.CountDocuments(ctx, bson.D{{Key: "_id", Value: "b"}, {Key: "key", Value: "2"}})
	if err != nil || n != 1 {
		t.Fatalf("lookup after the cleanup = %d, %v", n, err)
	}
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "key", Value: "1"}}); !mongo.IsDuplicateKeyError(err) {
		t.Fatalf("the unique index no longer enforces: %v", err)
	}
}
