// Command alias asserts to store.Store through an alias, and has a
// function named like the store's constructor: the fix must call the
// store's, through the file's import.
package main

import (
	"fmt"

	st "example.com/alias/store"
)

// S is store.Store under another name.
type S = st.Store

// Empty is this package's own, which labels the store.
func Empty() S {
	fmt.Println("main.Empty called")
	return st.Empty()
}

func use(v any) {
	s, _ := v.(S) // a zero S where v holds something else
	s.Put("k", "v")
	fmt.Printf("label=%q\n", s.Label())
}

func main() {
	a := st.Empty()
	b := a // the copy
	use(b)
	use(1)
}
