package main

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// Without the gate, 50 concurrent $inc on one document ended at 8 (decision 0003).
func TestWriteGateConcurrentIncIsExact(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	ctx := context.Background()
	coll := l.client.Database("gate").Collection("counters")
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "c"}, {Key: "n", Value: 0}}); err != nil {
		t.Fatal(err)
	}
	const writers = 100
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "c"}}, bson.D{{Key: "$inc", Value: bson.D{{Key: "n", Value: 1}}}})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var got struct{ N int }
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "c"}}).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.N != writers {
		t.Fatalf("n = %d after %d concurrent $inc, want %d", got.N, writers, writers)
	}
}

// The stock guard: 50 concurrent conditional decrements of a stock of 10 must sell exactly 10.
func TestWriteGateGuardedDecrementDoesNotOversell(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	ctx := context.Background()
	coll := l.client.Database("gate").Collection("stock")
	if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "sku"}, {Key: "stock", Value: 10}}); err != nil {
		t.Fatal(err)
	}
	var modified atomic.Int64
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := coll.UpdateOne(ctx,
				bson.D{{Key: "_id", Value: "sku"}, {Key: "stock", Value: bson.D{{Key: "$gte", Value: 1}}}},
				bson.D{{Key: "$inc", Value: bson.D{{Key: "stock", Value: -1}}}})
			if err != nil {
				t.Error(err)
				return
			}
			modified.Add(res.ModifiedCount)
		}()
	}
	wg.Wait()
	var got struct{ Stock int }
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: "sku"}}).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if modified.Load() != 10 || got.Stock != 0 {
		t.Fatalf("modified %d, stock %d; want 10 modified, stock 0", modified.Load(), got.Stock)
	}
}

// Commands other than writes go through the gate unchanged, including cursors (getMore).
func TestWriteGatePassesReadsThrough(t *testing.T) {
	l := startLauncher(t, t.TempDir())
	ctx := context.Background()
	db := l.client.Database("gate")
	var docs []any
	for i := range 250 {
		docs = append(docs, bson.D{{Key: "_id", Value: i}, {Key: "even", Value: i%2 == 0}})
	}
	if _, err := db.Collection("many").InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	var hello bson.M
	if err := db.RunCommand(ctx, bson.D{{Key: "hello", Value: 1}}).Decode(&hello); err != nil {
		t.Fatal(err)
	}
	if hello["isWritablePrimary"] != true {
		t.Fatalf("hello: %v", hello)
	}
	names, err := db.ListCollectionNames(ctx, bson.D{})
	if err != nil || len(names) != 1 || names[0] != "many" {
		t.Fatalf("listCollections: %v %v", names, err)
	}
	// batch size 10 forces getMore round trips through the gate
	cur, err := db.Collection("many").Find(ctx, bson.D{}, options.Find().SetBatchSize(10))
	if err != nil {
		t.Fatal(err)
	}
	var all []bson.M
	if err := cur.All(ctx, &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != 250 {
		t.Fatalf("find returned %d documents, want 250", len(all))
	}
	n, err := db.Collection("many").CountDocuments(ctx, bson.D{{Key: "even", Value: true}})
	if err != nil || n != 125 {
		t.Fatalf("count: %d %v", n, err)
	}
	agg, err := db.Collection("many").Aggregate(ctx, bson.A{
		bson.D{{Key: "$match", Value: bson.D{{Key: "even", Value: false}}}},
		bson.D{{Key: "$count", Value: "n"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var counted []struct{ N int }
	if err := agg.All(ctx, &counted); err != nil || len(counted) != 1 || counted[0].N != 125 {
		t.Fatalf("aggregate: %v %v", counted, err)
	}
}

func TestClassifyReadsCollectionAndDatabase(t *testing.T) {
	cases := []struct {
		body bson.D
		want command
	}{
		{body: bson.D{{Key: "find", Value: "orders"}, {Key: "filter", Value: bson.D{}}, {Key: "$db", Value: "shop"}},
			want: command{name: "find", db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "aggregate", Value: "orders"}, {Key: "pipeline", Value: bson.A{}}, {Key: "$db", Value: "shop"}},
			want: command{name: "aggregate", db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "getMore", Value: int64(42)}, {Key: "collection", Value: "orders"}, {Key: "$db", Value: "shop"}},
			want: command{name: "getMore", db: "shop"}},
		{body: bson.D{{Key: "update", Value: "orders"}, {Key: "ordered", Value: true}, {Key: "$db", Value: "shop"}},
			want: command{name: "update", write: true, db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "insert", Value: "orders"}, {Key: "$db", Value: "shop"}},
			want: command{name: "insert", write: true, db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "findAndModify", Value: "stock"}, {Key: "$db", Value: "shop"}},
			want: command{name: "findAndModify", write: true, db: "shop", collection: "stock"}},
		{body: bson.D{{Key: "dropDatabase", Value: 1}, {Key: "$db", Value: "shop"}},
			want: command{name: "dropDatabase", write: true, db: "shop"}},
		{body: bson.D{{Key: "ping", Value: 1}, {Key: "$db", Value: "admin"}},
			want: command{name: "ping", db: "admin"}},
	}
	for _, c := range cases {
		b, err := bson.Marshal(c.body)
		if err != nil {
			t.Fatal(err)
		}
		if got := classify(c.body[0].Key, b); got != c.want {
			t.Errorf("classify(%v) = %+v, want %+v", c.body, got, c.want)
		}
	}
	if got := classify("update", []byte("short")); got != (command{name: "update", write: true}) {
		t.Errorf("classify(garbage) = %+v", got)
	}
}

// A write holds its collection's lock until its handler returns; a read on the same collection
// does not wait for it.
func TestGateHookLocksWritesOnly(t *testing.T) {
	var g writeGate
	body := func(cmd string) []byte {
		b, _ := bson.Marshal(bson.D{{Key: cmd, Value: "stock"}, {Key: "$db", Value: "shop"}})
		return b
	}
	done := g.command("update", body("update"))
	read := make(chan struct{})
	go func() { g.command("find", body("find"))(); close(read) }()
	select {
	case <-read:
	case <-time.After(time.Second):
		t.Fatal("a read waited for a write")
	}
	second := make(chan struct{})
	go func() { g.command("update", body("update"))(); close(second) }()
	select {
	case <-second:
		t.Fatal("two writes to shop.stock ran at once")
	case <-time.After(200 * time.Millisecond):
	}
	done()
	select {
	case <-second:
	case <-time.After(time.Second):
		t.Fatal("the second write did not run after the first finished")
	}
}

func TestGateLocks(t *testing.T) {
	var g writeGate
	acquired := func(f func() func()) (func(), bool) {
		ch := make(chan func(), 1)
		go func() { ch <- f() }()
		select {
		case u := <-ch:
			return u, true
		case <-time.After(200 * time.Millisecond):
			return func() { (<-ch)() }, false
		}
	}
	unlockA := g.lock("shop", "a")
	// another collection of the same database: in parallel
	unlockB, ok := acquired(func() func() { return g.lock("shop", "b") })
	if !ok {
		t.Fatal("a write to shop.b waited for a write to shop.a")
	}
	unlockB()
	// the same collection: waits
	unlockA2, ok := acquired(func() func() { return g.lock("shop", "a") })
	if ok {
		t.Fatal("two writes to shop.a ran at once")
	}
	unlockA()
	unlockA2() // waits for the pending lock, then releases it
	// a database-wide command waits for the database's collection writes
	unlockC := g.lock("shop", "c")
	unlockDB, ok := acquired(func() func() { return g.lock("shop", "") })
	if ok {
		t.Fatal("dropDatabase ran during a collection write")
	}
	unlockC()
	unlockDB()
}
