package main

// FerretDB 1.24 runs an update as "query the documents, change them in Go, write them back",
// with the query outside the write transaction. Two concurrent updates of one document can both
// read the old state: $inc loses increments and `{stock: {$gte: q}}` guards stop guarding (we
// measured 50 concurrent $inc ending at 8). MongoDB makes every single-document write atomic, and
// our stock reservation and state machines depend on that.
//
// The write gate is a small MongoDB wire-protocol proxy in front of FerretDB: it lets reads through
// in parallel and runs write commands on the same collection one at a time, which restores
// single-document atomicity. Writes to different collections (and databases) still run side by
// side, so one collection's slow guarded update does not hold up every other service.
// See docs/decisions/0003-ferretdb-write-gate-and-id-index.md.

import (
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

const (
	opMsg          = 2013
	flagMoreToCome = 1 << 1
	maxMessageSize = 48 * 1024 * 1024
)

var writeCommands = map[string]bool{
	"insert": true, "update": true, "delete": true, "findAndModify": true, "findandmodify": true,
	"createIndexes": true, "dropIndexes": true, "drop": true, "dropDatabase": true, "create": true,
	"renameCollection": true,
}

type writeGate struct {
	backend func() (net.Conn, error)
	logger  *slog.Logger
	slow    time.Duration // log commands slower than this (0: never)

	mu  sync.Mutex
	dbs map[string]*sync.RWMutex // a database-wide command (dropDatabase) excludes its collections' writes
	ns  map[string]*sync.Mutex   // "<db>.<collection>": one write at a time
}

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

func (g *writeGate) serve(l net.Listener) {
	for {
		client, err := l.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				g.logger.Error("accept failed", "err", err)
			}
			return
		}
		go g.handle(client)
	}
}

func (g *writeGate) handle(client net.Conn) {
	defer client.Close()
	backend, err := g.backend()
	if err != nil {
		g.logger.Error("cannot reach FerretDB", "err", err)
		return
	}
	defer backend.Close()
	for {
		msg, err := readMessage(client)
		if err != nil {
			return
		}
		cmd := inspect(msg)
		started := time.Now()
		unlock := func() {}
		if cmd.write {
			unlock = g.lock(cmd.db, cmd.collection)
		}
		err = roundTrip(backend, client, msg, cmd.moreToCome)
		unlock()
		if g.slow > 0 && time.Since(started) > g.slow {
			g.logger.Warn("slow command", "name", cmd.name, "db", cmd.db, "collection", cmd.collection, "ms", time.Since(started).Milliseconds())
		}
		if err != nil {
			return
		}
	}
}

// roundTrip forwards one request and copies back its reply (or replies, for exhaust cursors).
func roundTrip(backend, client net.Conn, msg []byte, moreToCome bool) error {
	if _, err := backend.Write(msg); err != nil {
		return err
	}
	if moreToCome {
		return nil
	}
	for {
		reply, err := readMessage(backend)
		if err != nil {
			return err
		}
		if _, err := client.Write(reply); err != nil {
			return err
		}
		if !inspect(reply).moreToCome {
			return nil
		}
	}
}

func readMessage(r io.Reader) ([]byte, error) {
	var size [4]byte
	if _, err := io.ReadFull(r, size[:]); err != nil {
		return nil, err
	}
	n := int(binary.LittleEndian.Uint32(size[:]))
	if n < 16 || n > maxMessageSize {
		return nil, errors.New("bad message length")
	}
	msg := make([]byte, n)
	copy(msg, size[:])
	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}
	return msg, nil
}

type command struct {
	name       string
	write      bool
	moreToCome bool
	db         string
	collection string // "" for database-wide commands
}

// inspect reads what the gate needs from an OP_MSG: the command (the first element's name), its
// collection (that element's string value), the "$db" field and the moreToCome flag.
// Header: length, requestID, responseTo, opCode (4 × int32); then flagBits; then sections, one of
// kind 0 holding the command document (kind-1 document sequences may come before it).
func inspect(msg []byte) command {
	var cmd command
	if len(msg) < 21 || binary.LittleEndian.Uint32(msg[12:16]) != opMsg {
		return cmd
	}
	cmd.moreToCome = binary.LittleEndian.Uint32(msg[16:20])&flagMoreToCome != 0
	for i := 20; i+5 <= len(msg); {
		size := int(binary.LittleEndian.Uint32(msg[i+1 : i+5]))
		if msg[i] != 0 {
			i += 1 + size
			continue
		}
		doc := msg[i+1:]
		if size > len(doc) || size < 5 {
			return cmd
		}
		first := true
		walkElements(doc[4:size-1], func(typ byte, name string, value []byte) {
			if first {
				first = false
				cmd.name = name
				cmd.write = writeCommands[name]
				if typ == 0x02 {
					cmd.collection = bsonString(value)
				}
			}
			if name == "$db" && typ == 0x02 {
				cmd.db = bsonString(value)
			}
		})
		return cmd
	}
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
