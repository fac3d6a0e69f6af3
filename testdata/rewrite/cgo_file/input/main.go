// Command cg uses cgo next to a copied Cache: its file is edited through
// the source cgo read, not cgo's output.
package main

/*
static int twice(int x) { return 2 * x; }
*/
import "C"

import "fmt"

func main() {
	c := Cache{n: 2} // needs its map, and this file an import of sync
	c.m.Store("k", int(C.twice(21)))
	d := c // the copy: both share the map after the fix
	d.m.Store("j", 1)
	v, _ := c.m.Load("j")
	fmt.Println(v, C.twice(C.int(d.n)))
}
