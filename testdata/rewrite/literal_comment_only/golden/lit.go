// Package lit makes literals of a struct whose map field becomes a
// pointer, where the literal's last element is a comment.
package lit

import "sync"

// cache holds the map.
type cache struct {
	name    string
	entries *sync.Map
}

func copies() []cache {
	a := cache{ // only a comment
		entries: new(sync.Map),
	}
	b := cache{
		// nothing yet
		entries: new(sync.Map),
	}
	c := cache{name: "c" /* trailing */, entries: new(sync.Map)}
	d := cache{
		name:    "d", // the name
		entries: new(sync.Map),
	}
	e := cache{
		name: "e",
		// a comment after the last element
		entries: new(sync.Map),
	}
	f := cache{name: "f", entries: new(sync.Map)} // after the literal
	g := cache{
		name:    "g",
		entries: new(sync.Map),
	}
	return []cache{a, b, c, d, e, f, g}
}
