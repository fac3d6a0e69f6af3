// Command comments has comments around every edited node.
package main

import (
	"fmt"
	"sync"
)

// Cache holds entries.
type Cache struct {
	// entries doc
	/* before the field */ entries/* between */ sync.Map // after the field
	name                                                 string // the name
}

// describe has a value receiver.
func (c /* receiver */ Cache) describe() string { // signature line
	return c.name
}

// count only reads m.
func count( /* the map */ m sync.Map /* after type */) int { // count line
	n := 0
	m.Range(func(k, v any) bool {
		n++
		return true
	})
	return n
}

func main() {
	c := Cache{ // literal
		name: "a", // field a
	} // literal end
	p := & /* amp */ c.entries // address of the field
	p.Store("k", 1)
	var m sync.Map // the source
	// copy below
	snap := /* source */ m // trailing
	fmt.Println(count( /* arg */ m /* after arg */), c.describe())
	snap.Load("k") // use
}
