// Command box asserts *sync.Map before sync.Map: once interfaces held
// pointers, the first branch would take the maps the second one took.
package main

import (
	"fmt"
	"sync"
)

func kind(v any) string {
	if _, ok := v.(*sync.Map); ok {
		return "pointer"
	}
	if m, ok := v.(sync.Map); ok {
		_, found := m.Load(1)
		return fmt.Sprint("value ", found)
	}
	return "other"
}

func main() {
	var a sync.Map
	a.Store(1, 1)
	fmt.Println(kind(a), kind(1))
}
