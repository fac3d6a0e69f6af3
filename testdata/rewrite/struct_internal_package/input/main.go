// Command app uses the internal cache.
package main

import (
	"fmt"

	"example.com/app/internal/cache"
)

func main() {
	c := cache.New("a")
	c.Entries.Store("k", 1)
	d := c.WithName("d") // copies through the value receiver
	fmt.Println(d.Name)
}
