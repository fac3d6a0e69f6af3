// Command jobs keeps job records, each with a sync.Map of labels, in a
// sync.Map, and replaces or drops one only if it is unchanged. Comparing
// two interfaces that hold a job panics today, because a job is
// uncomparable; once labels is a *sync.Map they would compare equal and
// the entry would be swapped, so job keeps its type. A CompareAndDelete
// of nil compares nothing that can panic.
package main

import (
	"fmt"
	"sync"
)

// job is stored by value in jobs.
type job struct {
	name   string
	labels sync.Map
}

var jobs sync.Map

// try prints what f reports, or its panic.
func try(what string, f func() bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(what, "panicked:", r)
		}
	}()
	fmt.Println(what, f())
}

func main() {
	j := job{name: "build"}
	j.labels.Store("os", "linux")
	jobs.Store("build", j) // a copy in an interface
	cur, _ := jobs.Load("build")
	try("swap", func() bool { return jobs.CompareAndSwap("build", cur, "done") })
	try("delete nil", func() bool { return jobs.CompareAndDelete("build", nil) })
	try("delete", func() bool { return jobs.CompareAndDelete("build", cur) })
	v, _ := jobs.Load("build")
	fmt.Printf("build holds a %T\n", v)
}
