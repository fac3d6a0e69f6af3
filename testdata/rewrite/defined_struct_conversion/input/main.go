// Command convu converts between a struct type and a type defined over
// it: both share the field declarations, so both change together.
package main

import (
	"fmt"
	"sync"
)

type T struct {
	name string
	m    sync.Map
}

// U has T's fields.
type U T

func main() {
	var u U
	u.name = "u"
	t := (*T)(&u)
	t.m.Store("k", 1)
	c := *t // a copy
	v, _ := c.m.Load("k")
	fmt.Println(c.name, v)
}
