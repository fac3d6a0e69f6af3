// Command ignored silences two resets: the silenced lines stay as they
// are, so the field that R1 would retype for the copy keeps its type.
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	opts sync.Map
}

var global sync.Map

func main() {
	c := &Config{}
	c.opts.Store("k", 1)
	saved := *c
	c.opts = sync.Map{} //syncfix:ignore the copy above must keep its own map
	//syncfix:ignore reset before any goroutine starts
	global = sync.Map{}
	_, inSaved := saved.opts.Load("k")
	fmt.Println(inSaved)
}
