// Package elemcopy covers append(s, t...) and copy(dst, src), which copy
// every element of src.
package elemcopy

import "sync"

type Cache struct {
	m sync.Map
}

func elements(dst, src []sync.Map, cs, ds []Cache, arr *[2]sync.Map, ps []*sync.Map) {
	dst = append(dst, src...)                     // want `^append copies sync\.Map elements of src$`
	cs = append(cs, ds...)                        // want `^append copies Cache elements of ds: Cache contains sync\.Map$`
	copy(dst, src)                                // want `^copy copies sync\.Map elements of src$`
	n := copy(cs, ds)                             // want `^copy copies Cache elements of ds: Cache contains sync\.Map$`
	copy(dst, arr[:])                             // want `^copy copies sync\.Map elements of arr\[:\]$`
	ps = append(ps, ps...)                        // ok: pointers
	dst = append(dst)                             // ok: nothing appended
	dst = append(dst[:0], make([]sync.Map, 2)...) // ok: fresh zero elements
	dst = append(dst, []sync.Map{{}, {}}...)      // ok: fresh zero elements
	dst = append(dst, []sync.Map{src[0]}...)      // want `^composite literal element copies sync\.Map value src\[0\]$`
	copy(dst, make([]sync.Map, 1))                // ok: fresh zero elements
	_, _, _ = dst, cs, n
}
