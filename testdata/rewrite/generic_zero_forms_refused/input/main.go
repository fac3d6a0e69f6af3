// Command genzero instantiates generic code that makes zero values of
// its type argument in six ways.
package main

import (
	"fmt"
	"sync"
)

type t1 struct{ m sync.Map }
type t2 struct{ m sync.Map }
type t3 struct{ m sync.Map }
type t4 struct{ m sync.Map }
type t5 struct{ m sync.Map }
type t6 struct{ m sync.Map }

func first[E any]() E { return [1]E{}[0] }

func field[E any]() E { return struct{ e E }{}.e }

func assert[E any](x any) E {
	e, _ := x.(E)
	return e
}

// Opt is an optional value.
type Opt[E any] struct {
	v  E
	ok bool
}

func none[E any]() Opt[E] { return Opt[E]{} }

// Box holds a value.
type Box[E any] struct{ v E }

func newBox[E any]() *Box[E] { return &Box[E]{} }

func lit[E any]() E {
	f := func() (e E) { return }
	return f()
}

func main() {
	a, b, c, d, e, f := first[t1](), field[t2](), assert[t3](nil), none[t4](), newBox[t5](), lit[t6]()
	a2, b2, c2, d2, e2, f2 := a, b, c, d.v, e.v, f // the copies
	fmt.Println(&a2 != nil, &b2 != nil, &c2 != nil, &d2 != nil, &e2 != nil, &f2 != nil)
}
