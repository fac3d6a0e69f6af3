// Package lit makes literals of a struct whose map field becomes a
// pointer, where the literal's last element is a comment.
package lit

import "sync"

// cache holds the map.
type cache struct {
	name    string
	entries sync.Map
}

func copies() []cache {
	a := cache{ // only a comment
	}
	b := cache{
		// nothing yet
	}
	c := cache{name: "c" /* trailing */}
	d := cache{
		name: "d", // the name
	}
	e := cache{
		name: "e",
		// a comment after the last element
	}
	f := cache{name: "f"} // after the literal
	g := cache{
		name: "g"}
	return []cache{a, b, c, d, e, f, g}
}
