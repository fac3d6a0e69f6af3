// Command visitor passes a map to a function that only ranges over its
// copy, with a visitor that deletes from the caller's map. The visitor
// is code the function runs while it reads its copy, so the argument is
// cloned, not passed by address: the function keeps a snapshot, as a
// copy of a map is meant to be. (Since Go 1.24 the copy of a map that
// had entries shared them, so the visitor's delete showed in it; that is
// the aliasing the fix removes, and the output changes from 1 to 2.)
package main

import (
	"fmt"
	"sync"
)

// each calls visit for the entries of its copy.
func each(p sync.Map, visit func(k, v any) bool) {
	p.Range(visit)
}

func main() {
	var w sync.Map
	w.Store(1, 1)
	w.Store(2, 2)
	seen := 0
	each(w, func(k, _ any) bool {
		seen++
		w.Delete(1)
		w.Delete(2)
		return true
	})
	_, left := w.Load(2)
	fmt.Println("visited:", seen, "left:", left)
}
