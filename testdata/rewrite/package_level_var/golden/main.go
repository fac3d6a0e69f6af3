// Command pkgvar copies a package-level sync.Map.
package main

import "sync"

var global sync.Map

// backup is taken at init.
var backup = cloneSyncMap(&global) // the copy

func main() {
	global.Store("a", 1)
	backup.Range(func(k, v any) bool {
		return true
	})
}
