// Command visitors adds visitors, which hold a sync.Map, to a set of any
// values that a package outside the load made. Set's methods use their
// values as map keys: that panics today on an uncomparable visitor, and
// would work once its field is a pointer, so visitor keeps its type.
package main

import (
	"fmt"
	"sync"

	"example.com/visitors/set"
)

// visitor is added by value to a set of any.
type visitor struct {
	name  string
	pages sync.Map
}

func main() {
	seen := set.Any()
	v := visitor{name: "ann"}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		seen.Add(v)
	}()
	fmt.Println("visitors:", len(seen))
}
