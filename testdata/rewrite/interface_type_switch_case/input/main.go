// Command kinds stores a sync.Map in an interface and switches on the
// dynamic type without binding it.
package main

import (
	"fmt"
	"sync"
)

func kind(x any) string {
	switch x.(type) {
	case sync.Map: // matches the map kind is given
		return "map"
	}
	return "other"
}

func main() {
	var m sync.Map
	fmt.Println(kind(m)) // the copy
}
