package perfile

import (
	"fmt"
	_ "sync" // imported for nothing
)

// global needs new(sync.Map): the blank import becomes the one it uses.
var global cache

func show() { fmt.Println(sync()) }
