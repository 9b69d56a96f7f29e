package main

import (
	"context"
	"encoding/binary"
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

// opMsg builds an OP_MSG with optional kind-1 document sequences before the kind-0 body.
func buildOpMsg(t *testing.T, body bson.D, flags uint32, seqs ...string) []byte {
	t.Helper()
	b, err := bson.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	msg := make([]byte, 16, 64+len(b))
	binary.LittleEndian.PutUint32(msg[12:], opMsg)
	msg = binary.LittleEndian.AppendUint32(msg, flags)
	for _, id := range seqs {
		doc, _ := bson.Marshal(bson.D{{Key: "_id", Value: 1}})
		sec := append([]byte(id), 0)
		sec = append(sec, doc...)
		msg = append(msg, 1)
		msg = binary.LittleEndian.AppendUint32(msg, uint32(4+len(sec)))
		msg = append(msg, sec...)
	}
	msg = append(msg, 0)
	msg = append(msg, b...)
	binary.LittleEndian.PutUint32(msg[0:], uint32(len(msg)))
	return msg
}

func TestInspectClassifiesCommands(t *testing.T) {
	cases := []struct {
		body  bson.D
		seqs  []string
		want  command
		flags uint32
	}{
		{body: bson.D{{Key: "find", Value: "orders"}, {Key: "filter", Value: bson.D{}}, {Key: "$db", Value: "shop"}},
			want: command{name: "find", db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "aggregate", Value: "orders"}, {Key: "pipeline", Value: bson.A{}}, {Key: "$db", Value: "shop"}},
			want: command{name: "aggregate", db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "getMore", Value: int64(42)}, {Key: "collection", Value: "orders"}, {Key: "$db", Value: "shop"}},
			want: command{name: "getMore", db: "shop"}},
		{body: bson.D{{Key: "update", Value: "orders"}, {Key: "ordered", Value: true}, {Key: "$db", Value: "shop"}},
			seqs: []string{"updates"},
			want: command{name: "update", write: true, db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "insert", Value: "orders"}, {Key: "$db", Value: "shop"}},
			seqs: []string{"documents"}, flags: flagMoreToCome,
			want: command{name: "insert", write: true, moreToCome: true, db: "shop", collection: "orders"}},
		{body: bson.D{{Key: "findAndModify", Value: "stock"}, {Key: "$db", Value: "shop"}},
			want: command{name: "findAndModify", write: true, db: "shop", collection: "stock"}},
		{body: bson.D{{Key: "dropDatabase", Value: 1}, {Key: "$db", Value: "shop"}},
			want: command{name: "dropDatabase", write: true, db: "shop"}},
		{body: bson.D{{Key: "ping", Value: 1}, {Key: "$db", Value: "admin"}},
			want: command{name: "ping", db: "admin"}},
	}
	for _, c := range cases {
		got := inspect(buildOpMsg(t, c.body, c.flags, c.seqs...))
		if got != c.want {
			t.Errorf("inspect(%v) = %+v, want %+v", c.body, got, c.want)
		}
	}
	if got := inspect([]byte("short")); got != (command{}) {
		t.Errorf("inspect(garbage) = %+v", got)
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
