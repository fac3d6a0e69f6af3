// Package assign covers copies made by assignments: =, :=, var with a
// value, multi-value assignments, comma-ok reads and *p reads.
package assign

import "sync"

type Cache struct {
	name string
	m    sync.Map
}

type Holder struct {
	c Cache
}

var global sync.Map

var pkgCopy = global // want `^variable declaration copies sync\.Map value global to pkgCopy$`

func plain(m sync.Map, p *sync.Map, c Cache, h *Holder) { // want `parameter m` `parameter c`
	var n sync.Map
	n = m      // want `^assignment copies sync\.Map value m to n$`
	k := m     // want `^assignment copies sync\.Map value m to k$`
	var v = m  // want `^variable declaration copies sync\.Map value m to v$`
	_ = m      // want `^assignment copies sync\.Map value m$`
	l := *p    // want `^assignment copies sync\.Map value \*p to l$`
	d := c     // want `^assignment copies Cache value c to d: Cache contains sync\.Map$`
	e := h.c   // want `^assignment copies Cache value h\.c to e: Cache contains sync\.Map$`
	h.c = c    // want `^assignment copies Cache value c to h\.c: Cache contains sync\.Map$`
	global = m // want `^assignment copies sync\.Map value m to global$`
	cm := c.m  // want `^assignment copies sync\.Map value c\.m to cm$`
	*p = m     // want `^assignment copies sync\.Map value m to \*p$`
	(n) = (m)  // want `^assignment copies sync\.Map value \(m\) to n$`
	_, _, _, _ = &n, &k, &v, &l
	_, _, _ = &d, &e, &cm
}

func multi(a, b sync.Map, c Cache, i int) { // want `parameter a` `parameter b` `parameter c`
	x, y := a, b    // want `^assignment copies sync\.Map value a to x$` `^assignment copies sync\.Map value b to y$`
	var s, t = c, i // want `^variable declaration copies Cache value c to s: Cache contains sync\.Map$`
	x, i = b, 2     // want `^assignment copies sync\.Map value b to x$`
	arr := [2]sync.Map{}
	arr[0], arr[1] = a, b // want `^assignment copies sync\.Map value a to arr\[0\]$` `^assignment copies sync\.Map value b to arr\[1\]$`
	_, _, _, _ = &x, &y, &s, t
}

func commaOK(mm map[string]sync.Map, ch chan sync.Map, x any, cm map[int]Cache) {
	v, ok := mm["k"]   // want `^assignment copies sync\.Map value mm\["k"\] to v$`
	r, ok := <-ch      // want `^assignment copies sync\.Map value <-ch to r$`
	var c, ok2 = cm[1] // want `^variable declaration copies Cache value cm\[1\] to c: Cache contains sync\.Map$`
	var w sync.Map
	w, ok = mm["w"]       // want `^assignment copies sync\.Map value mm\["w"\] to w$`
	_, ok = mm["blank"]   // want `^assignment copies sync\.Map value mm\["blank"\]$`
	a, ok := x.(sync.Map) // want `^type assertion copies sync\.Map value out of x$`
	single := mm["s"]     // want `^assignment copies sync\.Map value mm\["s"\] to single$`
	recv := <-ch          // want `^assignment copies sync\.Map value <-ch to recv$`
	_, _, _, _, _, _, _, _ = &v, &r, &c, ok2, &a, &single, &recv, &w
	_ = ok
}

func fresh() sync.Map { return sync.Map{} }

func ptr() *sync.Map { return new(sync.Map) }

// Fresh values are not copies of anything.
func freshValues() {
	a := sync.Map{}       // ok: composite literal
	var b = sync.Map{}    // ok: composite literal
	c := fresh()          // ok: call result
	d := *new(sync.Map)   // ok: *new(T) is a fresh zero value
	e := *ptr()           // want `^assignment copies sync\.Map value \*ptr\(\) to e$`
	f := Cache{name: "f"} // ok: composite literal
	var g sync.Map        // ok: zero value
	p := &g               // ok: pointer
	q := p                // ok: pointer
	_, _, _, _, _, _, _ = &a, &b, &c, &d, &e, &f, q
}
