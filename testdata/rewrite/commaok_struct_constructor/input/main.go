// Command ctor asserts a Notifier back to the Listeners value it holds.
package main

import (
	"fmt"

	"example.com/ctor/listen"
)

func add(n listen.Notifier, name string) listen.Notifier {
	l, _ := n.(listen.Listeners) // a zero Listeners where n holds another type
	l.Add(name)
	fmt.Println(name, l.Has(name), l.Notify())
	return l
}

type other struct{}

func (other) Notify() int { return -1 }

func main() {
	var n listen.Notifier = listen.NewListeners()
	n = add(n, "a")
	n = add(n, "b")
	add(other{}, "c")
	fmt.Println(n.Notify())
}
