// Package facts holds representative findings whose structured facts
// (form, source, destination, path, fields) find_test.go checks, since
// the rewrite planner consumes them.
package facts

import (
	"fmt"
	"sync"
)

type Cache struct {
	m sync.Map
}

// Pair holds two sync.Map fields: both are R1 candidates.
type Pair struct {
	a sync.Map
	n int
	b sync.Map
}

type Outer struct {
	p Pair
	c [2]Cache
}

type Registry sync.Map

func f(c Cache) {} // want `^parameter c of f passes Cache by value: Cache contains sync\.Map$`

func (p Pair) M() {} // want `^receiver p of M passes Pair by value: Pair contains sync\.Map$`

func facts(m *sync.Map, c *Cache, p *Pair, o *Outer, ch chan sync.Map, x any, r *Registry) {
	n := *m            // want `^assignment copies sync\.Map value \*m to n$`
	f(*c)              // want `^call of f copies Cache value \*c: Cache contains sync\.Map$`
	fmt.Println(1, *m) // want `^call of fmt\.Println copies sync\.Map value \*m$`
	q := *p            // want `^assignment copies Pair value \*p to q: Pair contains sync\.Map$`
	ch <- *m           // want `^channel send copies sync\.Map value \*m to ch$`
	o.p = *p           // want `^assignment copies Pair value \*p to o\.p: Pair contains sync\.Map$`
	_ = Outer{p: *p}   // want `^composite literal element copies Pair value \*p to field p: Pair contains sync\.Map$`
	s := *o            // want `^assignment copies Outer value \*o to s: Outer contains Pair contains sync\.Map$`
	_ = x.(Pair)       // want `^type assertion copies Pair value out of x: Pair contains sync\.Map$`
	g := p.M           // want `^method value p\.M copies Pair value p: Pair contains sync\.Map$`
	_ = Registry(*m)   // want `^conversion to Registry copies sync\.Map value \*m$`
	_ = *r             // want `^assignment copies Registry value \*r$`
	_, _, _, _ = &n, &q, &s, g
}

func interfaces(m *sync.Map, xs []any, ps []Pair) {
	xs = append(xs, *m) // want `^call of append copies sync\.Map value \*m$`
	_ = new(*m)         // want `^call of new copies sync\.Map value \*m$`
	var x any
	for _, x = range ps { // want `^range copies Pair elements of ps to interface x: Pair contains sync\.Map$`
	}
	_, _ = xs, x
}

func ret(p *Pair) Pair {
	return *p // want `^return copies Pair value \*p: Pair contains sync\.Map$`
}

func bare() (n int, p Pair) {
	return // want `^bare return copies Pair value of named result p: Pair contains sync\.Map$`
}
