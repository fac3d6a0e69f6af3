// Package callargs covers copies made by passing arguments: plain and
// method calls, go and defer, append, variadic ...any, fmt.Println and
// the other implicit conversions to an interface.
package callargs

import (
	"fmt"
	"sync"
)

type Cache struct {
	m sync.Map
}

type Store struct{}

func (s *Store) Put(c *Cache) {}

func (s *Store) Keep(x any) {}

func take(m sync.Map)        {} // want `parameter m`
func takeAny(x any)          {}
func takeMany(xs ...any)     {}
func takeCaches(cs ...Cache) {} // ok: cs is a slice
func takePtr(m *sync.Map)    {}

type Stringer interface{ String() string }

type Named struct {
	m sync.Map
}

func (n Named) String() string { return "named" } // want `receiver n`

func calls(m sync.Map, c Cache, s *Store, n Named) { // want `parameter m` `parameter c` `parameter n`
	take(m)                      // want `^call of take copies sync\.Map value m$`
	takeAny(m)                   // want `^call of takeAny copies sync\.Map value m$`
	takeAny(c)                   // want `^call of takeAny copies Cache value c: Cache contains sync\.Map$`
	takeMany(1, m, c)            // want `^call of takeMany copies sync\.Map value m$` `^call of takeMany copies Cache value c: Cache contains sync\.Map$`
	takeCaches(c, c)             // want `call of takeCaches copies Cache value c` `call of takeCaches copies Cache value c`
	fmt.Println(m)               // want `^call of fmt\.Println copies sync\.Map value m$`
	fmt.Printf("%v %v\n", c, &c) // want `^call of fmt\.Printf copies Cache value c: Cache contains sync\.Map$`
	s.Keep(c.m)                  // want `^call of s\.Keep copies sync\.Map value c\.m$`
	s.Put(&c)                    // ok: pointer
	takePtr(&m)                  // ok: pointer
	take(sync.Map{})             // ok: fresh zero value
	takeAny(&m)                  // ok: interface holding a pointer
	go take(m)                   // want `^call of take copies sync\.Map value m$`
	defer take(m)                // want `^call of take copies sync\.Map value m$`
	go func(x sync.Map) {}(m)    // want `parameter x` `^call of \(func\(x sync\.Map\) literal\) copies sync\.Map value m$`
	var st Stringer = n          // want `^variable declaration copies Named value n to interface st: Named contains sync\.Map$`
	st = n                       // want `^assignment copies Named value n to interface st: Named contains sync\.Map$`
	var x any
	x = m // want `^assignment copies sync\.Map value m to interface x$`
	_, _ = st, x
}

func appends(m sync.Map, ms []sync.Map, xs []any, cs []Cache, c Cache) { // want `parameter m` `parameter c`
	ms = append(ms, m)          // want `^call of append copies sync\.Map value m$`
	xs = append(xs, m, 1)       // want `^call of append copies sync\.Map value m$`
	cs = append(cs, c, c)       // want `call of append copies Cache value c` `call of append copies Cache value c`
	ms = append(ms, sync.Map{}) // ok: fresh zero value
	takeCaches(cs...)           // ok: the slice is passed, no element is copied
	takeMany(xs...)             // ok: the slice is passed, no element is copied
	var fn func(sync.Map)
	fn(m)              // want `^call of fn copies sync\.Map value m$`
	f := Named.String  // ok: a method expression binds nothing
	_ = f(Named{})     // ok: fresh zero value
	_ = f(*(&Named{})) // want `^call of f copies Named value \*\(&Named\{\}\): Named contains sync\.Map$`
	_, _, _ = ms, xs, cs
}

func takeIface(xs ...fmt.Stringer) {}

func newExpr(m *sync.Map, c Cache) { // want `parameter c`
	_ = new(*m)         // want `^call of new copies sync\.Map value \*m$`
	_ = new(c)          // want `^call of new copies Cache value c: Cache contains sync\.Map$`
	_ = new(sync.Map)   // ok: a type, not a value
	_ = new(sync.Map{}) // ok: fresh zero value
	_ = new(m)          // ok: pointer
}

func interfaces(n Named, mp map[any]int, xs []any) { // want `parameter n`
	if n.String() == "" {
		panic(n) // want `^call of panic copies Named value n: Named contains sync\.Map$`
	}
	xs = append(xs, n) // want `^call of append copies Named value n: Named contains sync\.Map$`
	_ = xs
	takeIface(n)           // want `^call of takeIface copies Named value n: Named contains sync\.Map$`
	takeIface(&n)          // ok: pointer in the interface
	delete(mp, n)          // want `^call of delete copies Named value n: Named contains sync\.Map$`
	fmt.Sprint(n.String()) // ok: a string; the call of a value method is covered by the receiver finding
}
