// Command trie keeps the children of its nodes in a sync.Map and makes
// them with LoadOrStore(r, &node{}): a construction site to initialise,
// not a blocker.
package main

import (
	"fmt"
	"sync"
)

type node struct {
	children *sync.Map // rune -> *node
	end      bool
}

func (n *node) insert(word string) {
	for _, r := range word {
		child, _ := n.children.LoadOrStore(r, &node{children: new(sync.Map)})
		n = child.(*node)
	}
	n.end = true
}

func (n *node) count() int {
	c := 0
	if n.end {
		c++
	}
	n.children.Range(func(_, v any) bool {
		c += v.(*node).count()
		return true
	})
	return c
}

func main() {
	var root = node{children: new(sync.Map)}
	for _, w := range []string{"go", "gopher", "map"} {
		root.insert(w)
	}
	snapshot := root // a copy
	fmt.Println(root.count(), snapshot.count())
}
