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
