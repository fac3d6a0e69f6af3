// Command blank returns a sync.Map through a result named _.
package main

import (
	"fmt"
	"sync"
)

func blank() (_ sync.Map) { return }

func main() {
	x := blank()
	fmt.Println(&x)
}
