package main

// FerretDB 1.24's SQLite backend pushes a filter of exactly {_id: <string|ObjectId>} down to SQL as
// `_ferretdb_sjson->'$._id' = ?`, but the unique _id index it creates is on the expression
// `_ferretdb_sqlite_json->"_id"`. SQLite cannot use an index on a different expression, so every
// lookup by _id is a full table scan. This sidecar adds an index on the exact expression the
// queries use, for every collection table, so _id lookups become O(log n).
// See docs/decisions/0003-ferretdb-write-gate-and-id-index.md.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	_ "modernc.org/sqlite"
)

func runIDIndexer(ctx context.Context, dir string, logger *slog.Logger) {
	done := map[string]bool{}
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, f := range files {
			if err := indexFile(ctx, f, done); err != nil {
				logger.Debug("id indexer", "file", f, "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func indexFile(ctx context.Context, file string, done map[string]bool) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err == nil {
			tables = append(tables, t)
		}
	}
	rows.Close()
	// A dropped and recreated database is a new file: key the cache by inode too.
	var ino uint64
	if st, err := os.Stat(file); err == nil {
		if sys, ok := st.Sys().(*syscall.Stat_t); ok {
			ino = sys.Ino
		}
	}
	for _, t := range tables {
		key := fmt.Sprintf("%s/%d/%s", file, ino, t)
		if done[key] {
			continue
		}
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+"_pasar_id_path", t)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
		done[key] = true
	}
	return nil
}
