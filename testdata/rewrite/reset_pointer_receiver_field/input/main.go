// Command setter resets a field through a pointer receiver, as a SIP
// library's setters start over: the reset becomes c.parameter.Clear().
package main

import (
	"fmt"
	"sync"
)

// Contact holds the parameters of a header.
type Contact struct {
	name      string
	parameter sync.Map
}

// SetParameter replaces every parameter with one.
func (c *Contact) SetParameter(k, v string) {
	c.parameter = sync.Map{}
	c.parameter.Store(k, v)
}

func main() {
	c := &Contact{name: "alice"}
	c.SetParameter("tag", "1")
	c.SetParameter("expires", "60")
	_, old := c.parameter.Load("tag")
	v, _ := c.parameter.Load("expires")
	fmt.Println(c.name, old, v)
}
