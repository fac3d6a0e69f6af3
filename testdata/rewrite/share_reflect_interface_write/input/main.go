// Command reflectany hands the address of a struct to code that writes
// it by reflection through an interface. A copy of its map, shared by
// address under --copies share, would see the write, so it is cloned.
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// Conf holds a map.
type Conf struct {
	cache sync.Map
	Name  string
}

// wipe zeroes whatever v points to.
func wipe(v any) { reflect.ValueOf(v).Elem().SetZero() }

// decode fills v from JSON.
func decode(v any) error { return json.Unmarshal([]byte(`{"Name":"b"}`), v) }

func main() {
	var c Conf
	c.cache.Store("k", 1)
	saved := c.cache
	wipe(&c)
	_, ok := saved.Load("k")
	fmt.Println("saved after wipe:", ok)

	var d Conf
	d.cache.Store("k", 2)
	kept := d.cache
	if err := decode(&d); err != nil {
		fmt.Println(err)
	}
	_, ok = kept.Load("k")
	fmt.Println("kept after decode:", ok, d.Name)
}
