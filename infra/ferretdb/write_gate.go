package main

// FerretDB 1.24 runs an update as "query the documents, change them in Go, write them back",
// with the query outside the write transaction. Two concurrent updates of one document can both
// read the old state: $inc loses increments and `{stock: {$gte: q}}` guards stop guarding (we
// measured 50 concurrent $inc ending at 8). MongoDB makes every single-document write atomic, and
// our stock reservation and state machines depend on that.
//
// The write gate is a small MongoDB wire-protocol proxy in front of FerretDB: it lets reads through
// in parallel and runs write commands one at a time, which restores single-document atomicity.
// SQLite allows one writer at a time anyway, so little throughput is lost.
// See docs/decisions/0003-ferretdb-write-gate-and-id-index.md.

import (
	"encoding/binary"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
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
	mu      sync.Mutex
	backend func() (net.Conn, error)
	logger  *slog.Logger
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
		write, moreToCome := inspect(msg)
		if write {
			g.mu.Lock()
		}
		err = roundTrip(backend, client, msg, moreToCome)
		if write {
			g.mu.Unlock()
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
		if _, more := inspect(reply); !more {
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

// inspect reports whether an OP_MSG carries a write command and whether its moreToCome flag is set.
// Header: length, requestID, responseTo, opCode (4 × int32); then flagBits; then section kind 0
// with a BSON document whose first element's name is the command.
func inspect(msg []byte) (write, moreToCome bool) {
	if len(msg) < 21 || binary.LittleEndian.Uint32(msg[12:16]) != opMsg {
		return false, false
	}
	flags := binary.LittleEndian.Uint32(msg[16:20])
	moreToCome = flags&flagMoreToCome != 0
	// Find the kind-0 section (kind-1 document sequences may come first).
	i := 20
	for i < len(msg) {
		kind := msg[i]
		if kind == 0 {
			doc := i + 1
			if doc+5 > len(msg) {
				return false, moreToCome
			}
			name := doc + 5 // skip int32 doc size and the element type byte
			end := name
			for end < len(msg) && msg[end] != 0 {
				end++
			}
			return writeCommands[string(msg[name:end])], moreToCome
		}
		if i+5 > len(msg) {
			break
		}
		i += 1 + int(binary.LittleEndian.Uint32(msg[i+1:i+5]))
	}
	return false, moreToCome
}
