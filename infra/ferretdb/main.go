// Command pasar-ferretdb runs FerretDB (MongoDB wire protocol) with its SQLite handler.
// A plain `go install` of FerretDB's own cmd panics on a missing build-version file, so
// we embed the library instead: see docs/decisions/0002-local-stack.md.
//
// The FerretDB module is built with our patches applied (patches/*.patch, applied by
// infra/stack/src/ferretdb-build.ts): see docs/decisions/0009-ferretdb-pushdown-patch.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // served only with -pprof, for profiling (docs/decisions/0011)
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

type launchOptions struct {
	addr     string // TCP address of the write gate
	dir      string // SQLite files
	syncMode string
	slow     time.Duration
	pgURL    string
	// sweptArrays: comma-separated array fields whose sweep {"<f>.0": {$exists: true}} reads partial
	// indexes (patches/sqlite-swept-arrays.patch); empty leaves the process environment as it is.
	sweptArrays string
	// ready, when set, receives the write gate's address and FerretDB's socket path once the gate listens.
	ready func(addr net.Addr, socket string)
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
	flag.Parse()
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

// socketPathMax is the longest Unix socket path we accept: sun_path holds 108 bytes on Linux
// (104 on macOS) including the terminating NUL.
const socketPathMax = 100

// socketDir makes a private (0700) directory for FerretDB's Unix socket. The socket used to live
// in the data directory, and `bind` fails with EINVAL once that path exceeds sun_path (a checkout
// path of ~75 characters was enough). The directory goes under $XDG_RUNTIME_DIR or the temp dir,
// whichever gives a path short enough, else /tmp; the caller removes it on exit.
func socketDir() (string, error) {
	const suffix = "/pasar-ferretdb-1234567890/ferretdb.sock" // MkdirTemp adds up to 10 digits
	for _, base := range []string{os.Getenv("XDG_RUNTIME_DIR"), os.TempDir(), "/tmp"} {
		if base == "" || len(base)+len(suffix) > socketPathMax {
			continue
		}
		if st, err := os.Stat(base); err != nil || !st.IsDir() {
			continue
		}
		removeStaleSocketDirs(base)
		dir, err := os.MkdirTemp(base, "pasar-ferretdb-")
		if err != nil {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
		return dir, nil
	}
	return "", errors.New("no directory for a Unix socket: $XDG_RUNTIME_DIR, $TMPDIR and /tmp are missing, too long or not writable")
}

// removeStaleSocketDirs removes the socket directories of launchers that died without cleaning up
// (SIGKILL): those whose owner.pid names a process that no longer exists. Directories of other
// users are unreadable (0700) and left alone, as are ones without a pid file yet.
func removeStaleSocketDirs(base string) {
	dirs, _ := filepath.Glob(filepath.Join(base, "pasar-ferretdb-*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, "owner.pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 0 {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			os.RemoveAll(d)
		}
	}
}

// run starts FerretDB behind the write gate and serves until ctx is done.
func run(ctx context.Context, o launchOptions) error {
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("cannot create data directory %s: %w", o.dir, err)
	}
	// FerretDB itself listens on a Unix socket; clients reach it through the write gate on -listen.
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
	sockDir, err := socketDir()
	if err != nil {
		return err
	}
	defer os.RemoveAll(sockDir)
	socket := filepath.Join(sockDir, "ferretdb.sock")
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	config := &ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: socket},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + o.dir + "/?_pragma=synchronous(" + o.syncMode + ")",
	}
	if o.pgURL != "" {
		config.Handler, config.SQLiteURL, config.PostgreSQLURL = "postgresql", "", o.pgURL
	}
	f, err := ferretdb.New(config)
	if err != nil {
		return fmt.Errorf("cannot configure FerretDB: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", o.addr, err)
	}
	gate := &writeGate{
		logger:  slog.New(slog.NewTextHandler(os.Stderr, nil)),
		slow:    o.slow,
		backend: func() (net.Conn, error) { return dialRetry(ctx, socket) },
	}
	go gate.serve(l)
	go func() {
		<-ctx.Done()
		l.Close()
	}()
	slog.Info("FerretDB listening", "addr", l.Addr().String(), "backend", socket)
	if o.ready != nil {
		o.ready(l.Addr(), socket)
	}
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		return fmt.Errorf("FerretDB stopped: %w", err)
	}
	return nil
}

// dialRetry connects to FerretDB's socket, waiting up to 5 s for it to appear: the gate accepts
// clients as soon as it listens, possibly a moment before FerretDB has bound its socket.
func dialRetry(ctx context.Context, socket string) (net.Conn, error) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("unix", socket)
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
			return c, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
