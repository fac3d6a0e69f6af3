// Package containment covers every way a type can hold a sync.Map by
// value, and the containment paths the messages print.
package containment

import "sync"

type Direct = sync.Map // an alias names sync.Map itself

type Field struct {
	m sync.Map
}

type Embedded struct {
	sync.Map
}

type Array [2]sync.Map

type Nested struct {
	f Field
}

type Defined Field

type DefinedNested Nested

type Registry sync.Map

type RegistryField struct {
	r Registry
}

type AliasField = Field

type Generic[T any] struct {
	v T
}

type Deep struct {
	arr [1]struct {
		n Nested
	}
}

type Cycle struct {
	next *Cycle
	self []Cycle
	m    sync.Map
}

func copies(
	d *Direct, f *Field, e *Embedded, a *Array, n *Nested,
	df *DefinedNested, def *Defined, r *Registry, rf *RegistryField, af *AliasField,
	g *Generic[sync.Map], gg *Generic[Field], dp *Deep, cy *Cycle,
) {
	_ = *d    // want `^assignment copies Direct value \*d$`
	_ = *f    // want `^assignment copies Field value \*f: Field contains sync\.Map$`
	_ = *e    // want `^assignment copies Embedded value \*e: Embedded contains sync\.Map$`
	_ = *a    // want `^assignment copies Array value \*a: Array contains sync\.Map$`
	_ = *n    // want `^assignment copies Nested value \*n: Nested contains Field contains sync\.Map$`
	_ = *df   // want `^assignment copies DefinedNested value \*df: DefinedNested contains Field contains sync\.Map$`
	_ = *def  // want `^assignment copies Defined value \*def: Defined contains sync\.Map$`
	_ = *r    // want `^assignment copies Registry value \*r$`
	_ = *rf   // want `^assignment copies RegistryField value \*rf: RegistryField contains Registry$`
	_ = *af   // want `^assignment copies AliasField value \*af: AliasField contains sync\.Map$`
	_ = *g    // want `^assignment copies Generic\[sync\.Map\] value \*g: Generic\[sync\.Map\] contains sync\.Map$`
	_ = *gg   // want `^assignment copies Generic\[Field\] value \*gg: Generic\[Field\] contains Field contains sync\.Map$`
	_ = *dp   // want `^assignment copies Deep value \*dp: Deep contains \[1\]struct\{n Nested\} contains struct\{n Nested\} contains Nested contains Field contains sync\.Map$`
	_ = *cy   // want `^assignment copies Cycle value \*cy: Cycle contains sync\.Map$`
	_ = f.m   // want `^assignment copies sync\.Map value f\.m$`
	_ = e.Map // want `^assignment copies sync\.Map value e\.Map$`
	_ = a[0]  // want `^assignment copies sync\.Map value a\[0\]$`
	_ = n.f   // want `^assignment copies Field value n\.f: Field contains sync\.Map$`
}

// Types that hold a sync.Map only by reference.
type References struct {
	p  *sync.Map
	s  []sync.Map
	mp map[string]sync.Map
	ch chan Field
	fn func(sync.Map)
	i  any
	gp Generic[*sync.Map]
}

func references(r *References, m *sync.Map) {
	_ = *r // ok: references only
	var mu sync.Mutex
	_ = mu // ok: other sync types are go vet's business, not syncfix's
	var once sync.Once
	_ = &once
	_ = m
}
