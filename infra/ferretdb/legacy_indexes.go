package main

// Our patch sqlite-unique-indexes-only.patch makes FerretDB's SQLite backend look up _id through
// the collection's own unique _id index and stop materialising non-unique indexes, which the
// backend never reads through (docs/decisions/0019-ferretdb-indexes-and-the-hot-product.md). Data directories made
// before that patch still hold those SQLite indexes, and every write keeps paying for them:
// our former "id indexer"'s `<table>_pasar_id_path` index and FerretDB's non-unique indexes. At
// start, before FerretDB opens the files, this drops them once. The collections' metadata still
// lists the Mongo indexes, so listIndexes is unchanged and dropIndexes works (DROP INDEX IF EXISTS).

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite"
)

// dropLegacyIndexes drops the non-unique SQLite indexes of every collection table in dir and
// returns how many it dropped. A file it cannot open or read is left as it is.
func dropLegacyIndexes(ctx context.Context, dir string) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if err != nil {
		return 0, err
	}
	dropped := 0
	for _, f := range files {
		n, err := dropLegacyIndexesIn(ctx, f)
		dropped += n
		if err != nil {
			return dropped, fmt.Errorf("%s: %w", f, err)
		}
	}
	return dropped, nil
}

// sweptArrayIndexMark is in the name of every partial index of a swept array (metadata.SweptArrayIndexPrefix).
const sweptArrayIndexMark = "_pasar_swept_"

func dropLegacyIndexesIn(ctx context.Context, file string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	// Only tables FerretDB made for collections; the sql of an index SQLite made itself is NULL.
	rows, err := db.QueryContext(ctx, `
		SELECT m.name, m.sql FROM sqlite_master m
		WHERE m.type = 'index' AND m.sql IS NOT NULL
		  AND m.tbl_name IN (SELECT table_name FROM _ferretdb_collections)`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return 0, nil // not a FerretDB database (yet)
		}
		return 0, err
	}
	var names []string
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			rows.Close()
			return 0, err
		}
		// The partial indexes of swept arrays are ours and stay (patches/sqlite-swept-arrays.patch).
		if !strings.HasPrefix(strings.ToUpper(ddl), "CREATE UNIQUE ") && !strings.Contains(name, sweptArrayIndexMark) {
			names = append(names, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for i, name := range names {
		if _, err := db.ExecContext(ctx, fmt.Sprintf(`DROP INDEX IF EXISTS %q`, name)); err != nil {
			return i, err
		}
	}
	return len(names), nil
}
