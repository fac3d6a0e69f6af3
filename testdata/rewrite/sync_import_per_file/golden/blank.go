package perfile

import (
	"fmt"
	syncpkg "sync" // imported for nothing
)

// global needs new(sync.Map): the blank import becomes the one it uses.
var global = cache{m: new(syncpkg.Map)}

func show() { fmt.Println(sync()) }
