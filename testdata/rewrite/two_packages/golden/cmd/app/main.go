// Command app copies a store.
package main

import (
	"fmt"
	"sync"

	"example.com/app/internal/store"
)

func main() {
	s := store.New("a")
	s.Data.Store("k", 1)
	t := *s // the copy
	var z = store.Store{Data: new(sync.Map)}
	z.Data.Store("z", 0)
	fmt.Println(t.Name, z.Name)
}
