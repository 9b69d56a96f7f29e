package main

// Tests of patches/sqlite-filter-pushdown.patch: FerretDB's SQLite backend pushes a top-level _id
// condition down to SQL even when the filter has other conditions, and string equalities on
// top-level fields as "equal string, or any array". The results must be exactly
// what FerretDB gives without the pushdown; the oracle is the same filter wrapped in
// {$and: [filter]}, which has no top-level _id key and so is always filtered in Go.
//
// These tests need the patched module: run them with the generated modfile, as
// `pnpm --filter @pasar/infra test:go` (infra/stack/src/go-test.ts) does. Plain `go test` builds
// against the unpatched module, and TestPushdownIsInEffect fails saying so.

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

var (
	oid = primitive.ObjectID{0x65, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70, 0x81, 0x92, 0xa3, 0xb4}
	// A string with the ObjectId's hex has the same JSON text in SQLite, so SQL selects the ObjectId
	// document for it and the Go filter must drop it. (FerretDB's unique _id index is on that JSON
	// text, so the two cannot both be stored: an upstream limit, not ours.)
	oidHex  = oid.Hex()
	oddIDs  = []string{`quo"te`, `back\slash`, "<tag>&amp;", "ünïcödé-日本", "line\nbreak", "tab\there", "\u2028sep", "emoji-🙂", "", " "}
	testIDs = append([]any{"o1", "o2", "o3", "o4", "o5", "o6", oid, oidHex, int32(7), 7.5}, anySlice(oddIDs)...)
)

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// seed inserts documents covering scalar, array, null and missing values of the guarded fields.
func seed(t *testing.T, coll *mongo.Collection) {
	t.Helper()
	docs := []any{
		bson.D{{Key: "_id", Value: "o1"}, {Key: "status", Value: "PLACED"}, {Key: "rev", Value: 1}, {Key: "holds", Value: bson.D{{Key: "x", Value: 2}}}},
		bson.D{{Key: "_id", Value: "o2"}, {Key: "status", Value: bson.A{"PLACED", "PAID"}}, {Key: "rev", Value: 2}},
		bson.D{{Key: "_id", Value: "o3"}, {Key: "rev", Value: 3}}, // no status
		bson.D{{Key: "_id", Value: "o4"}, {Key: "status", Value: nil}, {Key: "holds", Value: bson.A{bson.D{{Key: "x", Value: 2}}, bson.D{{Key: "x", Value: 3}}}}},
		bson.D{{Key: "_id", Value: "o5"}, {Key: "status", Value: bson.D{{Key: "code", Value: "PLACED"}}}},
		bson.D{{Key: "_id", Value: "o6"}, {Key: "status", Value: "PAID"}, {Key: "tags", Value: bson.A{}}},
		bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: "PLACED"}, {Key: "kind", Value: "oid"}},
		bson.D{{Key: "_id", Value: int32(7)}, {Key: "status", Value: "PLACED"}},
		bson.D{{Key: "_id", Value: 7.5}, {Key: "status", Value: "PLACED"}},
	}
	for _, id := range oddIDs {
		docs = append(docs, bson.D{{Key: "_id", Value: id}, {Key: "status", Value: "PLACED"}, {Key: "kind", Value: id}})
	}
	docs = append(docs,
		bson.D{{Key: "_id", Value: "b1"}, {Key: "buyer", Value: "m1"}},
		bson.D{{Key: "_id", Value: "b2"}, {Key: "buyer", Value: bson.A{"m2", int32(3), bson.D{{Key: "m1", Value: true}}}}},
		bson.D{{Key: "_id", Value: "b3"}, {Key: "buyer", Value: bson.A{bson.D{{Key: "m", Value: bson.A{"m1"}}}}}}, // no match for "m1"
		bson.D{{Key: "_id", Value: "b4"}, {Key: "buyer", Value: int32(1)}},
		bson.D{{Key: "_id", Value: "b5"}, {Key: "buyer", Value: true}, {Key: "status", Value: "a\x00b"}},
		bson.D{{Key: "_id", Value: "b6"}, {Key: "buyer", Value: "m1\u0000"}, {Key: "status", Value: bson.A{}}},
	)
	// outbox values for {"outbox.0": {$exists: true}}: non-empty arrays, empty ones, documents with (FerretDB stores no nested arrays)
	// and without a field "0", scalars, null, arrays of documents with a field "0".
	for i, v := range []any{
		bson.A{bson.D{{Key: "id", Value: "e1"}}}, bson.A{}, bson.A{int32(0)}, bson.A{nil},
		bson.A{bson.D{{Key: "0", Value: "x"}}}, bson.D{{Key: "0", Value: "x"}}, bson.D{{Key: "a", Value: 1}}, bson.D{},
		"outbox", "", int32(0), nil, true,
	} {
		docs = append(docs, bson.D{{Key: "_id", Value: fmt.Sprintf("x%02d", i)}, {Key: "outbox", Value: v}, {Key: "status", Value: "PLACED"}})
	}
	for i := range 200 { // filler, so a scan and a lookup differ
		docs = append(docs, bson.D{{Key: "_id", Value: fmt.Sprintf("filler-%03d", i)}, {Key: "status", Value: "PLACED"}})
	}
	if _, err := coll.InsertMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

// filters exercised against both the pushed-down and the Go-only path.
func pushdownFilters() []bson.D {
	var fs []bson.D
	for _, id := range testIDs {
		fs = append(fs,
			bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: "PLACED"}},
			bson.D{{Key: "status", Value: "PLACED"}, {Key: "_id", Value: id}},
			bson.D{{Key: "_id", Value: bson.D{{Key: "$eq", Value: id}}}, {Key: "status", Value: "PLACED"}},
		)
	}
	for _, id := range []string{"o1", "o2", "o3", "o4", "o5", "o6", "missing"} {
		fs = append(fs,
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: "PAID"}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: nil}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.D{{Key: "$exists", Value: false}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.D{{Key: "$ne", Value: "PLACED"}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.A{"PLACED", "PAID"}}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.D{{Key: "code", Value: "PLACED"}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.D{{Key: "$in", Value: bson.A{"PAID", nil}}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "holds.x", Value: 2}},
			bson.D{{Key: "_id", Value: id}, {Key: "holds.x", Value: bson.D{{Key: "$gte", Value: 3}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "rev", Value: bson.D{{Key: "$lt", Value: 3}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "tags", Value: bson.D{{Key: "$size", Value: 0}}}},
			bson.D{{Key: "_id", Value: id}, {Key: "$or", Value: bson.A{bson.D{{Key: "status", Value: "PAID"}}, bson.D{{Key: "rev", Value: 1}}}}},
			bson.D{{Key: "_id", Value: bson.D{{Key: "$eq", Value: id}, {Key: "$ne", Value: "o1"}}}},
			bson.D{{Key: "_id", Value: bson.D{{Key: "$ne", Value: id}}}, {Key: "rev", Value: 1}}, // not pushed down
		)
	}
	// string equality on other top-level fields: pushed down as "equal string, or any array"
	for _, v := range append([]string{"PLACED", "PAID", "oid", "nope", "a\x00b", "bad-utf8-\xff"}, oddIDs...) {
		fs = append(fs,
			bson.D{{Key: "status", Value: v}},
			bson.D{{Key: "kind", Value: v}},
			bson.D{{Key: "status", Value: bson.D{{Key: "$eq", Value: v}}}},
			bson.D{{Key: "status", Value: v}, {Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", "o2", "o6", oid}}}}},
			bson.D{{Key: "status", Value: v}, {Key: "kind", Value: "oid"}},
		)
	}
	fs = append(fs,
		bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: true}}}},
		bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: true}}}, {Key: "status", Value: "PLACED"}},
		bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: false}}}},                          // not pushed down
		bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: int32(1)}}}},                       // not pushed down
		bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: true}, {Key: "$ne", Value: nil}}}}, // not pushed down
		bson.D{{Key: "outbox.0.id", Value: bson.D{{Key: "$exists", Value: true}}}},                        // not pushed down
		bson.D{{Key: "holds.0", Value: bson.D{{Key: "$exists", Value: true}}}},                            // holds is a document or an array
		bson.D{{Key: "status", Value: bson.D{{Key: "$ne", Value: "PLACED"}}}},
		bson.D{{Key: "status", Value: bson.A{"PLACED", "PAID"}}},
		bson.D{{Key: "status", Value: bson.D{{Key: "code", Value: "PLACED"}}}},
		bson.D{{Key: "status.code", Value: "PLACED"}},
		bson.D{{Key: "status", Value: "PLACED"}, {Key: "rev", Value: 2}},
		bson.D{{Key: "status", Value: "PLACED"}, {Key: "status", Value: "PAID"}}, // duplicate keys: not pushed down
		bson.D{{Key: "buyer", Value: "m1"}},
		bson.D{{Key: "buyer", Value: "m2"}},
		bson.D{{Key: "buyer", Value: "M1"}},
		bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", "o2", "o3", "nope"}}}}, {Key: "status", Value: "PLACED"}},
		bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{oid, oidHex}}}}, {Key: "kind", Value: "oid"}},
		bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", int32(7)}}}}},                        // mixed: not pushed down
		bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{}}}}},                                      // matches nothing
		bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{primitive.Regex{Pattern: "^o"}}}}}},        // regex: not pushed down
		bson.D{{Key: "_id", Value: primitive.Regex{Pattern: "^o[12]$"}}, {Key: "status", Value: "PLACED"}},      // not pushed down
		bson.D{{Key: "_id", Value: bson.D{{Key: "$gt", Value: "o4"}, {Key: "$lt", Value: "o6"}}}},               // not pushed down
		bson.D{{Key: "_id", Value: bson.D{{Key: "$eq", Value: "o1"}, {Key: "$in", Value: bson.A{"o1", "o2"}}}}}, // $eq wins, ANDed
	)
	return fs
}

func ids(t *testing.T, coll *mongo.Collection, filter any) []string {
	t.Helper()
	cur, err := coll.Find(context.Background(), filter)
	if err != nil {
		t.Fatalf("find %v: %v", filter, err)
	}
	var docs []bson.M
	if err := cur.All(context.Background(), &docs); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = fmt.Sprintf("%T:%v", d["_id"], d["_id"])
	}
	sort.Strings(out)
	return out
}

func oracle(filter bson.D) bson.D { return bson.D{{Key: "$and", Value: bson.A{filter}}} }

func TestPushdownFindMatchesGoFilter(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	coll := l.client.Database("pushdown").Collection("docs")
	seed(t, coll)
	nonEmpty := 0
	for _, f := range pushdownFilters() {
		want := ids(t, coll, oracle(f))
		got := ids(t, coll, f)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("find(%v) = %v, want (Go-side filter) %v", f, got, want)
		}
		if len(want) > 0 {
			nonEmpty++
		}
		// count goes through the same backend Query
		n, err := coll.CountDocuments(context.Background(), f)
		if err != nil || int(n) != len(want) {
			t.Errorf("count(%v) = %d %v, want %d", f, n, err, len(want))
		}
	}
	// duplicate top-level _id keys (both conditions apply): not pushed down, and no panic
	dup := bson.D{{Key: "_id", Value: "o1"}, {Key: "_id", Value: "o2"}}
	_, errGot := coll.Find(context.Background(), dup)
	_, errWant := coll.Find(context.Background(), oracle(dup))
	if (errGot == nil) != (errWant == nil) {
		t.Errorf("find(%v): error %v, Go-side filter: error %v", dup, errGot, errWant)
	} else if errGot == nil && !reflect.DeepEqual(ids(t, coll, dup), ids(t, coll, oracle(dup))) {
		t.Errorf("find(%v) = %v, want %v", dup, ids(t, coll, dup), ids(t, coll, oracle(dup)))
	}
	if nonEmpty < 40 {
		t.Fatalf("only %d filters matched anything: the fixture is wrong", nonEmpty)
	}
	// spot checks of Mongo semantics, independent of the oracle
	for _, c := range []struct {
		filter bson.D
		want   []string
	}{
		{bson.D{{Key: "_id", Value: "o2"}, {Key: "status", Value: "PLACED"}}, []string{"string:o2"}}, // array element
		{bson.D{{Key: "_id", Value: "o3"}, {Key: "status", Value: "PLACED"}}, []string{}},            // missing field
		{bson.D{{Key: "_id", Value: "o3"}, {Key: "status", Value: nil}}, []string{"string:o3"}},      // null matches missing
		{bson.D{{Key: "_id", Value: "o4"}, {Key: "holds.x", Value: 3}}, []string{"string:o4"}},       // array of documents
		{bson.D{{Key: "_id", Value: oid}, {Key: "status", Value: "PLACED"}}, []string{"primitive.ObjectID:ObjectID(\"" + oidHex + "\")"}},
		{bson.D{{Key: "_id", Value: oidHex}}, []string{}}, // the ObjectId document is not a string _id
	} {
		if got := ids(t, coll, c.filter); !reflect.DeepEqual(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("find(%v) = %v, want %v", c.filter, got, c.want)
		}
	}
}

// Guarded writes: update, findAndModify, delete and upsert run the same backend Query.
func TestPushdownGuardedWrites(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	ctx := context.Background()
	coll := l.client.Database("pushdown").Collection("writes")
	seed(t, coll)
	set := func(k string, v any) bson.D { return bson.D{{Key: "$set", Value: bson.D{{Key: k, Value: v}}}} }

	check := func(what string, got, want int64) {
		t.Helper()
		if got != want {
			t.Errorf("%s: %d, want %d", what, got, want)
		}
	}
	res, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o1"}, {Key: "status", Value: "PAID"}}, set("status", "SHIPPED"))
	if err != nil {
		t.Fatal(err)
	}
	check("guard mismatch matched", res.MatchedCount, 0)
	res, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o1"}, {Key: "status", Value: "PLACED"}}, set("status", "PAID"))
	if err != nil {
		t.Fatal(err)
	}
	check("guard match modified", res.ModifiedCount, 1)
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o2"}, {Key: "status", Value: "PAID"}}, set("seen", true))
	check("array element guard modified", res.ModifiedCount, 1)
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o3"}, {Key: "status", Value: "PLACED"}}, set("seen", true))
	check("missing field guard matched", res.MatchedCount, 0)
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o3"}, {Key: "status", Value: bson.D{{Key: "$exists", Value: false}}}}, set("status", "PLACED"))
	check("$exists:false guard modified", res.ModifiedCount, 1)
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "o4"}, {Key: "holds.x", Value: 3}}, set("seen", true))
	check("dotted guard modified", res.ModifiedCount, 1)
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$eq", Value: "o6"}}}, {Key: "rev", Value: bson.D{{Key: "$exists", Value: false}}}}, set("rev", 6))
	check("$eq guard modified", res.ModifiedCount, 1)
	res, _ = coll.UpdateMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", "o2", "o3"}}}}, {Key: "seen", Value: true}}, set("batch", 1))
	check("$in updateMany modified", res.ModifiedCount, 1) // only o2 is seen among them (o4 is seen but not listed)

	var after bson.M
	err = coll.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: "o1"}, {Key: "status", Value: "PAID"}}, set("status", "DONE"),
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&after)
	if err != nil || after["status"] != "DONE" {
		t.Errorf("findOneAndUpdate: %v %v", after, err)
	}
	err = coll.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: "o1"}, {Key: "status", Value: "PAID"}}, set("status", "AGAIN")).Err()
	if err != mongo.ErrNoDocuments {
		t.Errorf("findOneAndUpdate on a stale guard: %v, want no documents", err)
	}

	// upsert: the guard does not match an existing document, so a new one is inserted
	res, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "new"}, {Key: "status", Value: "PLACED"}}, set("rev", 1), options.Update().SetUpsert(true))
	if err != nil || res.UpsertedID != "new" {
		t.Errorf("upsert: %+v %v", res, err)
	}
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "new"}, {Key: "status", Value: "PLACED"}}, set("rev", 2), options.Update().SetUpsert(true))
	check("upsert of an existing document matched", res.MatchedCount, 1)

	// a string with the ObjectId's hex must not match the ObjectId document
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: oidHex}, {Key: "kind", Value: "oid"}}, set("hit", true))
	check("string _id guard on the ObjectId document matched", res.MatchedCount, 0)
	res, _ = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: oid}, {Key: "kind", Value: "oid"}}, set("hit", true))
	check("ObjectId guard modified", res.ModifiedCount, 1)

	for _, id := range oddIDs {
		res, err = coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "status", Value: "PLACED"}}, set("odd", true))
		if err != nil || res.ModifiedCount != 1 {
			t.Errorf("guarded update of _id %q: %+v %v", id, res, err)
		}
	}

	del, err := coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: "o6"}, {Key: "status", Value: "PLACED"}})
	if err != nil {
		t.Fatal(err)
	}
	check("guard mismatch deleted", del.DeletedCount, 0)
	del, _ = coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: "o6"}, {Key: "status", Value: "PAID"}})
	check("guarded delete", del.DeletedCount, 1)
	del, _ = coll.DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o2", "o3", "o5"}}}}, {Key: "status", Value: "PLACED"}})
	check("$in deleteMany", del.DeletedCount, 2) // o2 (array) and o3 (set above); o5's status is a document

	n, _ := coll.CountDocuments(ctx, bson.D{})
	check("documents left", n, int64(9+len(oddIDs)+6+13+200+1-3))
	n, _ = coll.CountDocuments(ctx, bson.D{{Key: "odd", Value: true}})
	check("odd ids updated", n, int64(len(oddIDs)))
}

// explain runs FerretDB's explain of a find with this filter.
func explain(t *testing.T, coll *mongo.Collection, filter bson.D) bson.M {
	t.Helper()
	var res bson.M
	cmd := bson.D{{Key: "explain", Value: bson.D{{Key: "find", Value: coll.Name()}, {Key: "filter", Value: filter}}}}
	if err := coll.Database().RunCommand(context.Background(), cmd).Decode(&res); err != nil {
		t.Fatal(err)
	}
	return res
}

// filterPushdown reports whether the backend pushed the filter down (FerretDB's extension field).
func filterPushdown(t *testing.T, coll *mongo.Collection, filter bson.D) bool {
	t.Helper()
	res := explain(t, coll, filter)
	v, ok := res["filterPushdown"].(bool)
	if !ok {
		t.Fatalf("explain has no filterPushdown: %v", res)
	}
	return v
}

func TestPushdownIsInEffect(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	coll := l.client.Database("pushdown").Collection("explain")
	seed(t, coll)
	if !filterPushdown(t, coll, bson.D{{Key: "_id", Value: "o1"}}) {
		t.Fatal("a bare {_id} filter is not pushed down: this FerretDB does not push down at all?")
	}
	if !filterPushdown(t, coll, bson.D{{Key: "_id", Value: "o1"}, {Key: "status", Value: "PLACED"}}) {
		t.Fatal("{_id, status} is not pushed down: built without patches/sqlite-filter-pushdown.patch? " +
			"Run the Go tests with `pnpm --filter @pasar/infra test:go` (it applies the patch and uses -modfile).")
	}
	for _, f := range []bson.D{
		{{Key: "_id", Value: bson.D{{Key: "$eq", Value: oid}}}, {Key: "kind", Value: "oid"}},
		{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", "o2"}}}}, {Key: "rev", Value: 1}},
		{{Key: "status", Value: "PLACED"}},
		{{Key: "status", Value: bson.D{{Key: "$eq", Value: "PLACED"}}}, {Key: "rev", Value: 1}},
		{{Key: "_id", Value: int32(7)}, {Key: "status", Value: "PLACED"}}, // the status part
		{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: true}}}}, // the relay's sweep
	} {
		if !filterPushdown(t, coll, f) {
			t.Errorf("%v is not pushed down", f)
		}
	}
	for _, f := range []bson.D{
		{{Key: "_id", Value: int32(7)}},
		{{Key: "rev", Value: 1}},
		{{Key: "status", Value: bson.D{{Key: "$ne", Value: "PLACED"}}}},
		{{Key: "status", Value: bson.A{"PLACED", "PAID"}}},
		{{Key: "holds.x", Value: "a"}},
		{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: false}}}},
		{{Key: "outbox.1", Value: bson.D{{Key: "$exists", Value: true}}}},
		{{Key: "status", Value: "a\x00b"}},
		{{Key: "status", Value: "PLACED"}, {Key: "status", Value: "PAID"}},
		{{Key: "_id", Value: bson.D{{Key: "$ne", Value: "o1"}}}},
		{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"o1", int32(7)}}}}},
		{{Key: "_id", Value: primitive.Regex{Pattern: "^o"}}},
	} {
		if filterPushdown(t, coll, f) {
			t.Errorf("%v is pushed down, but it must not be", f)
		}
	}
}
