// Package methodvalues covers method values v.M bound to a value
// receiver, which copy v when they are evaluated: go vet only reports the
// method's declaration.
package methodvalues

import "sync"

type Cache struct {
	m sync.Map
}

func (c Cache) Get(k any) any { // want `receiver c of Get`
	v, _ := c.m.Load(k)
	return v
}

func (c *Cache) Put(k, v any) { c.m.Store(k, v) } // ok: pointer receiver

type Registry sync.Map

func (r Registry) Len() int { return 0 } // want `receiver r of Len`

type Outer struct {
	Cache
}

type Box[T any] struct {
	v T
}

func (b Box[T]) Get() T { return b.v }

type PtrOuter struct {
	*Cache
}

func more(b *Box[sync.Map], po PtrOuter) {
	f := b.Get  // want `^method value b\.Get copies Box\[sync\.Map\] value b: Box\[sync\.Map\] contains sync\.Map$`
	g := po.Get // want `^method value po\.Get copies Cache value po: Cache contains sync\.Map$`
	h := po.Put // ok: pointer receiver
	_, _, _ = f, g, h
}

func values(c Cache, p *Cache, r Registry, o *Outer) { // want `parameter c` `parameter r`
	f := c.Get        // want `^method value c\.Get copies Cache value c: Cache contains sync\.Map$`
	g := p.Get        // want `^method value p\.Get copies Cache value p: Cache contains sync\.Map$`
	h := r.Len        // want `^method value r\.Len copies Registry value r$`
	i := o.Get        // want `^method value o\.Get copies Cache value o: Cache contains sync\.Map$`
	defer c.Get(1)    // ok: a call, covered by the receiver finding of Get
	go p.Get(1)       // ok: a call, covered by the receiver finding of Get
	_ = (c.Get)(1)    // ok: a call, covered by the receiver finding of Get
	j := p.Put        // ok: pointer receiver
	k := Cache.Get    // ok: a method expression binds nothing
	l := (*Cache).Put // ok: a method expression binds nothing
	_, _, _, _, _, _, _ = f, g, h, i, j, k, l
}
