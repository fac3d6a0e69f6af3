// Command genassert asserts through a type parameter instantiated with
// sync.Map: once interfaces hold a *sync.Map the assertion would fail.
package main

import (
	"fmt"
	"sync"
)

func as[E any](x any) (E, bool) {
	e, ok := x.(E)
	return e, ok
}

func kind[E any](x any) string {
	switch x.(type) {
	case E:
		return "E"
	}
	return "other"
}

func main() {
	var m sync.Map
	var x any = m // the copy into an interface
	_, ok := as[sync.Map](x)
	fmt.Println(ok, kind[sync.Map](x))
}
