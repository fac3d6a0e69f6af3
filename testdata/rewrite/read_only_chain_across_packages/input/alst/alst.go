// Package alst uses the helpers of util; its name sorts before
// internal/util, so its findings are planned first.
package alst

import (
	"sync"

	"example.com/chain/internal/util"
)

// DB holds a map.
type DB struct{ m sync.Map }

// Put stores a value.
func (d *DB) Put(k, v any) { d.m.Store(k, v) }

// N counts through the forwarder.
func (d *DB) N() int { return util.Keys(d.m) }

// Deep counts through the recursive forwarder.
func (d *DB) Deep() int { return util.Depth(d.m, 2) }

// Reset deletes through a copy: left alone under --copies auto.
func (d *DB) Reset() { util.Clear(d.m) }

// ResetAll deletes through a forwarder of Clear.
func (d *DB) ResetAll() { util.ClearAll(d.m) }

// size is a method that forwards its parameter to util.Len.
func (d *DB) size(m sync.Map) int { return util.Len(m) }

// S counts through the method.
func (d *DB) S() int { return d.size(d.m) }
