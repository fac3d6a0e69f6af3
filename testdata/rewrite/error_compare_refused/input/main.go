// Command errcmp has a struct with a sync.Map that implements error, and
// compares interfaces holding another: after R1 such comparisons would
// compare pointers and could succeed.
package main

import (
	"errors"
	"fmt"
	"sync"
)

// failure is an error value that holds a map.
type failure struct {
	msg  string
	seen sync.Map
}

func (f failure) Error() string { return f.msg }

// key is compared as an interface.
type key struct {
	name string
	m    sync.Map
}

func main() {
	f := failure{msg: "boom"}
	var err error = f // a copy
	fmt.Println(errors.Is(err, err))
	k := key{name: "k"}
	l := k // a copy
	same := func(a, b any) (eq bool) {
		defer func() { _ = recover() }()
		return a == b
	}
	fmt.Println(same(k, l)) // copies
}
