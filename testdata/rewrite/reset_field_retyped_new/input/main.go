// Command option resets a field whose struct is copied, so R1 makes the
// field *sync.Map: the reset becomes c.opts = new(sync.Map), and the copy
// taken before the reset keeps the entries it saw.
package main

import (
	"fmt"
	"sync"
)

// Config is copied by value: R1 retypes its map.
type Config struct {
	name string
	opts sync.Map
}

// Reset starts the options over.
func (c *Config) Reset() {
	c.opts = sync.Map{}
}

func main() {
	c := &Config{name: "a"}
	c.opts.Store("k", 1)
	saved := *c
	c.Reset()
	_, inSaved := saved.opts.Load("k")
	_, inC := c.opts.Load("k")
	fmt.Println(saved.name, inSaved, inC)
}
