// Command tenants keeps one sync.Map of settings per tenant, stored by
// value in another sync.Map (maps inside maps), and drops a tenant's
// settings only if they are unchanged. CompareAndDelete compares the
// stored sync.Map with the old one as interfaces: that panics today, and
// would succeed once the interfaces hold *sync.Map, so the box is refused.
package main

import (
	"fmt"
	"sync"
)

var tenants sync.Map

func main() {
	var settings sync.Map
	settings.Store("theme", "dark")
	tenants.Store("acme", settings) // a copy in an interface
	old, _ := tenants.Load("acme")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println("deleted:", tenants.CompareAndDelete("acme", old))
	}()
	v, _ := tenants.Load("acme")
	if s, ok := v.(sync.Map); ok {
		theme, _ := s.Load("theme")
		fmt.Println("theme:", theme)
	}
}
