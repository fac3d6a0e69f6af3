// Command unnamed has a sync.Map parameter without a name.
package main

import "sync"

// ignore does not use its map.
func ignore(*sync.Map, int) {}

func main() {
	var m sync.Map
	ignore(&m, 1) // the copy
}
