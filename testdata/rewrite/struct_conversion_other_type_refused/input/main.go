// Command c converts a pointer to another struct type with the same
// fields: retyping the fields of one and not the other would break the
// conversion, so neither changes.
package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	name string
	m    sync.Map
}

type Raw struct {
	name string
	m    sync.Map
}

func snap(c Cache) string { return c.name }

func main() {
	p := (*Cache)(&Raw{name: "raw"})
	fmt.Println(snap(*p))
}
