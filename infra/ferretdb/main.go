// Command pasar-ferretdb runs FerretDB (MongoDB wire protocol) with its SQLite handler.
// A plain `go install` of FerretDB's own cmd panics on a missing build-version file, so
// we embed the library instead: see docs/decisions/0002-local-stack.md.
//
// The FerretDB module is built with our patches applied (patches/*.patch, applied by
// infra/stack/src/ferretdb-build.ts): see docs/decisions/0009-ferretdb-pushdown-patch.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // served only with -pprof, for profiling (docs/decisions/0011)
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/FerretDB/FerretDB/pasar"
)

type launchOptions struct {
	addr     string // TCP address FerretDB listens on
	dir      string // SQLite files
	syncMode string
	slow     time.Duration
	pgURL    string
	// sweptArrays: comma-separated array fields whose sweep {"<f>.0": {$exists: true}} reads partial
	// indexes (patches/sqlite-swept-arrays.patch); empty leaves the process environment as it is.
	sweptArrays string
	// ready, when set, receives the address FerretDB listens on (a port 0 made concrete).
	ready func(addr string)
}

func main() {
	var o launchOptions
	flag.StringVar(&o.addr, "listen", "127.0.0.1:27017", "TCP address to listen on")
	flag.StringVar(&o.dir, "data", "data/ferretdb", "directory for the SQLite files")
	// WAL with synchronous=NORMAL skips an fsync per commit: the database stays consistent, and a
	// power cut may lose the last moments of writes. Right for a development engine; say FULL to keep them.
	flag.StringVar(&o.syncMode, "sync", "normal", "SQLite synchronous mode: normal or full")
	slowMs := flag.Int("slow-ms", 0, "log commands slower than this many milliseconds (0: off)")
	// With a PostgreSQL URL FerretDB uses its postgresql handler instead of SQLite: it pushes most
	// filters down to SQL, so guarded updates use the _id index instead of scanning.
	flag.StringVar(&o.pgURL, "postgresql-url", "", "use FerretDB's PostgreSQL handler with this database URL")
	// The outbox relay of every Pasar service sweeps for {"outbox.0": {$exists: true}} (docs/decisions/0020).
	flag.StringVar(&o.sweptArrays, "swept-arrays", "outbox", "array fields whose non-empty sweep reads partial indexes (comma-separated)")
	pprofAddr := flag.String("pprof", "", "serve Go's pprof on this address, e.g. 127.0.0.1:6060 (empty: off)")
	// FerretDB allocates a fresh Go value tree for every document it decodes; with Go's default of
	// 100 the collector took 9-15 % of the engine's CPU under checkout
	// load. The live heap is tens of MB, so 400 costs a few hundred MB at most (docs/decisions/0022).
	gogc := flag.Int("gogc", 400, "Go's GC target percentage (GOGC); the GOGC variable, when set, wins")
	// Upstream tracks every iterator and cursor for leaks (a pprof stack and a finalizer each); the
	// Go tests keep it on, a running engine does not need it (pasar/resources.go).
	trackResources := flag.Bool("track-resources", false, "FerretDB's leak tracking of iterators and cursors")
	flag.Parse()
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(*gogc)
	}
	pasar.TrackResources = *trackResources
	if *pprofAddr != "" {
		go func() {
			if err := http.ListenAndServe(*pprofAddr, nil); err != nil {
				slog.Error("pprof", "err", err)
			}
		}()
	}
	o.slow = time.Duration(*slowMs) * time.Millisecond

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		slog.Error("pasar-ferretdb", "err", err)
		os.Exit(1)
	}
}

// sweptArraysEnv is the variable the patched backend reads its swept array fields from.
const sweptArraysEnv = "FERRETDB_PASAR_SWEPT_ARRAYS"

// run starts FerretDB, with the write gate as its command hook, and serves until ctx is done.
func run(ctx context.Context, o launchOptions) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("cannot create data directory %s: %w", o.dir, err)
	}
	if o.pgURL == "" && o.sweptArrays != "" {
		// Read once by the patched SQLite backend (internal/backends/sqlite/metadata/pasar_swept.go).
		if err := os.Setenv(sweptArraysEnv, o.sweptArrays); err != nil {
			return err
		}
	}
	if o.pgURL == "" {
		// Before FerretDB opens the files: indexes of data directories made before our index patch.
		n, err := dropLegacyIndexes(ctx, o.dir)
		if err != nil {
			return fmt.Errorf("cannot drop the legacy indexes in %s: %w", o.dir, err)
		}
		if n > 0 {
			slog.Info("dropped SQLite indexes no query used (docs/decisions/0019)", "count", n)
		}
	}
	gate.slow.Store(int64(o.slow))
	hookOnce.Do(func() { pasar.Command = gate.command })
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: o.addr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + o.dir + "/?_pragma=synchronous(" + o.syncMode + ")",
	}
	if o.pgURL != "" {
		config.Handler, config.SQLiteURL, config.PostgreSQLURL = "postgresql", "", o.pgURL
	}
	// New binds the listener: a taken port fails here, before Run.
	f, err := ferretdb.New(config)
	if err != nil {
		return fmt.Errorf("cannot start FerretDB on %s: %w", o.addr, err)
	}
	addr := strings.TrimSuffix(strings.TrimPrefix(f.MongoDBURI(), "mongodb://"), "/")
	slog.Info("FerretDB listening", "addr", addr)
	if o.ready != nil {
		o.ready(addr)
	}
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		return fmt.Errorf("FerretDB stopped: %w", err)
	}
	return nil
}

// hookOnce sets FerretDB's process-wide command hook once (tests run several launchers).
var hookOnce sync.Once
