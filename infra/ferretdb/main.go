// Command pasar-ferretdb runs FerretDB (MongoDB wire protocol) with its SQLite handler.
// A plain `go install` of FerretDB's own cmd panics on a missing build-version file, so
// we embed the library instead: see docs/decisions/0002-local-stack.md.
package main

import (
	"context"
	"flag"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	addr := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dir := flag.String("data", "data/ferretdb", "directory for the SQLite files")
	// WAL with synchronous=NORMAL skips an fsync per commit: the database stays consistent, and a
	// power cut may lose the last moments of writes. Right for a development engine; say FULL to keep them.
	syncMode := flag.String("sync", "normal", "SQLite synchronous mode: normal or full")
	slowMs := flag.Int("slow-ms", 0, "log commands slower than this many milliseconds (0: off)")
	// With a PostgreSQL URL FerretDB uses its postgresql handler instead of SQLite: it pushes most
	// filters down to SQL, so guarded updates use the _id index instead of scanning.
	pgURL := flag.String("postgresql-url", "", "use FerretDB's PostgreSQL handler with this database URL")
	flag.Parse()

	if err := os.MkdirAll(*dir, 0o755); err != nil {
		slog.Error("cannot create data directory", "dir", *dir, "err", err)
		os.Exit(1)
	}
	// FerretDB itself listens on a Unix socket; clients reach it through the write gate on -listen.
	socket := filepath.Join(*dir, "ferretdb.sock")
	_ = os.Remove(socket)
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/?_pragma=synchronous(" + *syncMode + ")",
	}
	if *pgURL != "" {
		config.Handler, config.SQLiteURL, config.PostgreSQLURL = "postgresql", "", *pgURL
	}
	f, err := ferretdb.New(config)
	if err != nil {
		slog.Error("cannot configure FerretDB", "err", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go runIDIndexer(ctx, *dir, logger)
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		slog.Error("cannot listen", "addr", *addr, "err", err)
		os.Exit(1)
	}
	gate := &writeGate{
		logger:  slog.New(slog.NewTextHandler(os.Stderr, nil)),
		slow:    time.Duration(*slowMs) * time.Millisecond,
		backend: func() (net.Conn, error) { return net.Dial("unix", socket) },
	}
	go gate.serve(l)
	go func() {
		<-ctx.Done()
		l.Close()
	}()
	slog.Info("FerretDB listening", "addr", *addr, "backend", socket)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		slog.Error("FerretDB stopped", "err", err)
		os.Exit(1)
	}
}
