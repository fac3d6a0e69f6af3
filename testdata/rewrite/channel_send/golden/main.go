// Command chans sends sync.Map values on channels.
package main

import "sync"

func main() {
	var m sync.Map
	m.Store("a", 1)
	typed := make(chan sync.Map, 1)
	anys := make(chan any, 2)
	typed <- m               // a typed send
	anys <- cloneSyncMap(&m) // an interface send
	select {
	case anys <- &m: // a send in select
	default:
	}
	_, _ = len(typed), len(anys)
}
