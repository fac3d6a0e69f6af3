// Package generics covers type parameters whose core type holds a
// sync.Map, generic types instantiated with sync.Map, and value-method
// calls on such instantiations.
package generics

import "sync"

type Box[T any] struct {
	v T
}

func (b Box[T]) Get() T { return b.v } // ok: Box[T] holds no sync.Map for every T

func (b *Box[T]) Ptr() *T { return &b.v }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func instantiated(b Box[sync.Map], p *Box[sync.Map]) { // want `^parameter b of instantiated passes Box\[sync\.Map\] by value: Box\[sync\.Map\] contains sync\.Map$`
	c := b                                          // want `^assignment copies Box\[sync\.Map\] value b to c: Box\[sync\.Map\] contains sync\.Map$`
	_ = Box[sync.Map]{}.Get()                       // want `^call of value method Box\[sync\.Map\]\{\}\.Get copies receiver Box\[sync\.Map\] value Box\[sync\.Map\]\{\}: Box\[sync\.Map\] contains sync\.Map$`
	_ = p.Get()                                     // want `^call of value method p\.Get copies receiver Box\[sync\.Map\] value p: Box\[sync\.Map\] contains sync\.Map$`
	_ = p.Ptr()                                     // ok: pointer receiver
	_ = Pair[string, sync.Map]{k: "k", v: *p.Ptr()} // want `^composite literal element copies sync\.Map value \*p\.Ptr\(\) to field v$`
	_ = &c
}

type MapLike interface {
	~struct {
		m sync.Map
	}
}

func typeParam[T MapLike](t T) { // want `^parameter t of typeParam passes T by value: T contains ~struct\{m sync\.Map\} contains sync\.Map$`
	u := t // want `^assignment copies T value t to u: T contains ~struct\{m sync\.Map\} contains sync\.Map$`
	_ = &u
}

type Cache struct {
	m sync.Map
}

func union[T Cache | sync.Map](t *T) {
	u := *t // want `^assignment copies T value \*t to u: T contains Cache contains sync\.Map$`
	_ = &u
}

func plainParam[T sync.Map](t T) {} // want `^parameter t of plainParam passes T by value: T contains sync\.Map$`

func anyParam[T any](t T) T { // ok: any's type set has no term that holds a sync.Map
	u := t // ok: T could be anything
	return u
}

func ptrParam[T ~*sync.Map](t T) T { // ok: pointer terms
	return t
}

func assertTo[T MapLike](x any) {
	_ = x.(T)  // want `^type assertion copies T value out of x: T contains ~struct\{m sync\.Map\} contains sync\.Map$`
	_ = x.(*T) // ok: pointer
}

func convertTo[T ~struct{ m sync.Map }](p *struct{ m sync.Map }) {
	_ = T(*p) // want `^conversion to T copies struct\{m sync\.Map\} value \*p: struct\{m sync\.Map\} contains sync\.Map$`
}

type MapLikeM interface {
	~struct{ m sync.Map }
	M()
}

type WithM struct{ m sync.Map }

func (w WithM) M() {} // want `^receiver w of M passes WithM by value: WithM contains sync\.Map$`

func typeParamForms[T MapLikeM](t *T, xs []T, ch chan T) {
	f := (*t).M            // want `^method value \(\*t\)\.M copies T value \(\*t\): T contains ~struct\{m sync\.Map\} contains sync\.Map$`
	for _, x := range xs { // want `^range copies T elements of xs to x: T contains ~struct\{m sync\.Map\} contains sync\.Map$`
		_ = &x
	}
	ch <- *t // want `^channel send copies T value \*t to ch: T contains ~struct\{m sync\.Map\} contains sync\.Map$`
	var m sync.Map
	_ = T{m: m}          // want `^composite literal element copies sync\.Map value m to field m$`
	_ = T{m: sync.Map{}} // ok: fresh zero value
	(*t).M()             // ok: a call; the receiver finding of each M covers it
	_ = f
}

var _ = typeParamForms[WithM]

type Embeds struct {
	Box[sync.Map]
}

func promoted(e *Embeds) {
	_ = e.Get() // want `^call of value method e\.Get copies receiver Box\[sync\.Map\] value e: Box\[sync\.Map\] contains sync\.Map$`
}

func genericCall() {
	var m sync.Map
	_ = anyParam(m)  // want `^call of anyParam copies sync\.Map value m$`
	_ = anyParam(&m) // ok: pointer
}
