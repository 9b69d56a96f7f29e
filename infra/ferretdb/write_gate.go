package main

// FerretDB 1.24 runs an update as "query the documents, change them in Go, write them back",
// with the query outside the write transaction. Two concurrent updates of one document can both
// read the old state: $inc loses increments and `{stock: {$gte: q}}` guards stop guarding (we
// measured 50 concurrent $inc ending at 8). MongoDB makes every single-document write atomic, and
// our stock reservation and state machines depend on that.
//
// The write gate runs write commands on the same collection one at a time, which restores
// single-document atomicity, and lets reads through in parallel. Writes to different collections
// (and databases) still run side by side, so one collection's slow guarded update does not hold up
// every other service. It used to be a wire-protocol proxy in front of FerretDB; it is now a hook
// FerretDB calls around each command's handler (patches/clientconn-command-hook.patch), which
// saves every message a hop through a Unix socket. See docs/decisions/0003 and 0021.

import (
	"encoding/binary"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findAndModify": true, "findandmodify": true,
	"createIndexes": true, "dropIndexes": true, "drop": true, "dropDatabase": true, "create": true,
	"renameCollection": true,
}

type writeGate struct {
	logger *slog.Logger
	slow   atomic.Int64 // log commands slower than this many nanoseconds (0: never)

	mu  sync.Mutex
	dbs map[string]*sync.RWMutex // a database-wide command (dropDatabase) excludes its collections' writes
	ns  map[string]*sync.Mutex   // "<db>.<collection>": one write at a time
}

// gate is the process's one write gate: FerretDB's hook (pasar.Command) is process-wide too.
var gate = &writeGate{logger: slog.Default()}

// lock takes the locks a write command needs and returns the function that releases them.
func (g *writeGate) lock(db, coll string) func() {
	g.mu.Lock()
	if g.dbs == nil {
		g.dbs, g.ns = map[string]*sync.RWMutex{}, map[string]*sync.Mutex{}
	}
	dbLock := g.dbs[db]
	if dbLock == nil {
		dbLock = &sync.RWMutex{}
		g.dbs[db] = dbLock
	}
	var nsLock *sync.Mutex
	if coll != "" {
		nsLock = g.ns[db+"."+coll]
		if nsLock == nil {
			nsLock = &sync.Mutex{}
			g.ns[db+"."+coll] = nsLock
		}
	}
	g.mu.Unlock()
	if nsLock == nil {
		dbLock.Lock()
		return dbLock.Unlock
	}
	dbLock.RLock()
	nsLock.Lock()
	return func() { nsLock.Unlock(); dbLock.RUnlock() }
}

// command runs around one command's handler (it is FerretDB's pasar.Command): a write command
// takes its collection's lock; the returned function releases it and logs the command when slow.
func (g *writeGate) command(name string, body []byte) func() {
	started := time.Now()
	cmd := classify(name, body)
	unlock := func() {}
	if cmd.write {
		unlock = g.lock(cmd.db, cmd.collection)
	}
	return func() {
		unlock()
		if slow := time.Duration(g.slow.Load()); slow > 0 && time.Since(started) > slow {
			g.logger.Warn("slow command", "name", cmd.name, "db", cmd.db, "collection", cmd.collection, "ms", time.Since(started).Milliseconds())
		}
	}
}

type command struct {
	name       string
	write      bool
	db         string
	collection string // "" for database-wide commands
}

// classify reads what the gate needs from a command's body (a BSON document): its collection (the
// first element's string value) and the "$db" field.
func classify(name string, body []byte) command {
	cmd := command{name: name, write: writeCommands[name]}
	if len(body) < 5 {
		return cmd
	}
	size := int(binary.LittleEndian.Uint32(body[:4]))
	if size > len(body) || size < 5 {
		return cmd
	}
	first := true
	walkElements(body[4:size-1], func(typ byte, el string, value []byte) {
		if first {
			first = false
			if typ == 0x02 {
				cmd.collection = bsonString(value)
			}
		}
		if el == "$db" && typ == 0x02 {
			cmd.db = bsonString(value)
		}
	})
	return cmd
}

// walkElements calls fn for each top-level element of a BSON document body (without size and
// terminator). It stops at anything it cannot size.
func walkElements(b []byte, fn func(typ byte, name string, value []byte)) {
	for len(b) > 0 {
		typ := b[0]
		end := 1
		for end < len(b) && b[end] != 0 {
			end++
		}
		if end >= len(b) {
			return
		}
		name := string(b[1:end])
		rest := b[end+1:]
		n := valueSize(typ, rest)
		if n < 0 || n > len(rest) {
			return
		}
		fn(typ, name, rest[:n])
		b = rest[n:]
	}
}

func valueSize(typ byte, b []byte) int {
	i32 := func() int {
		if len(b) < 4 {
			return -1
		}
		return int(binary.LittleEndian.Uint32(b))
	}
	switch typ {
	case 0x01, 0x09, 0x11, 0x12: // double, datetime, timestamp, int64
		return 8
	case 0x02, 0x0D, 0x0E: // string, js code, symbol
		if n := i32(); n >= 0 {
			return 4 + n
		}
	case 0x03, 0x04, 0x0F: // document, array, code with scope
		return i32()
	case 0x05: // binary
		if n := i32(); n >= 0 {
			return 5 + n
		}
	case 0x06, 0x0A, 0x7F, 0xFF: // undefined, null, maxkey, minkey
		return 0
	case 0x07:
		return 12
	case 0x08:
		return 1
	case 0x10:
		return 4
	case 0x13:
		return 16
	}
	return -1
}

func bsonString(v []byte) string {
	if len(v) < 5 {
		return ""
	}
	return string(v[4 : len(v)-1])
}
