package main

// Guarded-write latency through the launcher (write gate → FerretDB SQLite), for decision 0009.
//
//	after (patched):  pnpm --filter @pasar/infra test:go -run '^$' -bench Guarded -benchtime 200x
//	before (upstream): cd infra/ferretdb && go test -run '^$' -bench Guarded -benchtime 200x .
//
// (`go test` without the generated -modfile builds against the unpatched FerretDB module.)

import (
	"context"
	"fmt"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
)

func BenchmarkGuarded(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			l := startLauncher(b, b.TempDir())
			ctx := context.Background()
			coll := l.client.Database("bench").Collection("orders")
			docs := make([]any, n)
			for i := range docs {
				docs[i] = bson.D{
					{Key: "_id", Value: fmt.Sprintf("order-%06d", i)},
					{Key: "status", Value: "PLACED"},
					{Key: "buyer", Value: fmt.Sprintf("member-%04d", i%500)},
					{Key: "lines", Value: bson.A{bson.D{{Key: "sku", Value: "beras-5kg"}, {Key: "qty", Value: 2}, {Key: "price", Value: 68_000}}}},
					{Key: "rev", Value: 0},
				}
			}
			if _, err := coll.InsertMany(ctx, docs); err != nil {
				b.Fatal(err)
			}
			id := func(i int) string { return fmt.Sprintf("order-%06d", (i*7919)%n) }
			b.Run("updateOne({_id,status})", func(b *testing.B) {
				for i := range b.N {
					res, err := coll.UpdateOne(ctx,
						bson.D{{Key: "_id", Value: id(i)}, {Key: "status", Value: "PLACED"}},
						bson.D{{Key: "$inc", Value: bson.D{{Key: "rev", Value: 1}}}})
					if err != nil || res.ModifiedCount != 1 {
						b.Fatalf("%+v %v", res, err)
					}
				}
			})
			b.Run("updateOne({_id,status})-guard-fails", func(b *testing.B) {
				for i := range b.N {
					res, err := coll.UpdateOne(ctx,
						bson.D{{Key: "_id", Value: id(i)}, {Key: "status", Value: "PAID"}},
						bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: "SHIPPED"}}}})
					if err != nil || res.MatchedCount != 0 {
						b.Fatalf("%+v %v", res, err)
					}
				}
			})
			b.Run("findOneAndUpdate({_id,status})", func(b *testing.B) {
				for i := range b.N {
					err := coll.FindOneAndUpdate(ctx,
						bson.D{{Key: "_id", Value: id(i)}, {Key: "status", Value: "PLACED"}},
						bson.D{{Key: "$inc", Value: bson.D{{Key: "rev", Value: 1}}}}).Err()
					if err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("countDocuments({buyer})", func(b *testing.B) { // no _id: string equality pushdown, still a scan
				for i := range b.N {
					c, err := coll.CountDocuments(ctx, bson.D{{Key: "buyer", Value: fmt.Sprintf("member-%04d", i%500)}})
					if err != nil || c != int64(n/500) {
						b.Fatalf("%d %v", c, err)
					}
				}
			})
			b.Run("updateOne({_id})", func(b *testing.B) {
				for i := range b.N {
					if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id(i)}},
						bson.D{{Key: "$inc", Value: bson.D{{Key: "rev", Value: 1}}}}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// The outbox relay's sweep over a collection of 20,000 documents, 5 of them with a pending event,
// and an insert, which now also updates the partial indexes (decision 0020). Without them (the
// launcher's -swept-arrays "") the same sweep reads and parses every row: 146 ms against 1.1–1.6 ms, with inserts alike (0.3–0.4 ms).
//
//	pnpm --filter @pasar/infra test:go -run '^$' -bench Sweep -benchtime 20x
func BenchmarkSweep(b *testing.B) {
	{
		b.Run("docs=20000", func(b *testing.B) {
			l := startLauncher(b, b.TempDir())
			ctx := context.Background()
			coll := l.client.Database("bench").Collection("orders")
			const n = 20_000
			docs := make([]any, n)
			for i := range docs {
				outbox := bson.A{}
				if i%4_000 == 17 {
					outbox = bson.A{bson.D{{Key: "id", Value: fmt.Sprintf("evt-%d", i)}, {Key: "topic", Value: "orders"}}}
				}
				docs[i] = bson.D{
					{Key: "_id", Value: fmt.Sprintf("order-%06d", i)},
					{Key: "status", Value: "CONFIRMED"},
					{Key: "lines", Value: bson.A{bson.D{{Key: "sku", Value: "beras-5kg"}, {Key: "qty", Value: 2}, {Key: "price", Value: 68_000}}}},
					{Key: "outbox", Value: outbox},
				}
			}
			if _, err := coll.InsertMany(ctx, docs); err != nil {
				b.Fatal(err)
			}
			sweep := bson.D{{Key: "outbox.0", Value: bson.D{{Key: "$exists", Value: true}}}}
			b.Run("find(outbox.0 exists)", func(b *testing.B) {
				for range b.N {
					cur, err := coll.Find(ctx, sweep)
					if err != nil {
						b.Fatal(err)
					}
					var got []bson.M
					if err := cur.All(ctx, &got); err != nil || len(got) != 5 {
						b.Fatalf("%d %v", len(got), err)
					}
				}
			})
			b.Run("insertOne", func(b *testing.B) {
				for i := range b.N {
					if _, err := coll.InsertOne(ctx, bson.D{{Key: "_id", Value: fmt.Sprintf("new-%d-%d", b.N, i)}, {Key: "status", Value: "PLACED"}, {Key: "outbox", Value: bson.A{bson.D{{Key: "id", Value: "e"}}}}}); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// One command's round trip through the launcher: what the write gate's hop costs (decision 0021).
//
//	pnpm --filter @pasar/infra test:go -run '^$' -bench RoundTrip -benchtime 3000x -count 3
func BenchmarkRoundTrip(b *testing.B) {
	l := startLauncher(b, b.TempDir())
	ctx := context.Background()
	coll := l.client.Database("bench").Collection("rt")
	docs := make([]any, 1_000)
	for i := range docs {
		docs[i] = bson.D{{Key: "_id", Value: fmt.Sprintf("d-%04d", i)}, {Key: "n", Value: 0}}
	}
	if _, err := coll.InsertMany(ctx, docs); err != nil {
		b.Fatal(err)
	}
	b.Run("ping", func(b *testing.B) {
		for range b.N {
			if err := l.client.Database("admin").RunCommand(ctx, bson.D{{Key: "ping", Value: 1}}).Err(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("findOne({_id})", func(b *testing.B) {
		for i := range b.N {
			if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: fmt.Sprintf("d-%04d", i%1_000)}}).Err(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("updateOne({_id})", func(b *testing.B) {
		for i := range b.N {
			if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: fmt.Sprintf("d-%04d", i%1_000)}},
				bson.D{{Key: "$inc", Value: bson.D{{Key: "n", Value: 1}}}}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
