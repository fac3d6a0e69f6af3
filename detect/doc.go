// Package detect defines an Analyzer that reports every copy of a value
// containing a sync.Map, and the copy finder behind it.
//
// # Analyzer syncfix
//
// syncfix: report copies of values that contain a sync.Map
//
// A sync.Map must not be copied after first use. Before Go 1.24 a copy
// shared the original's internal map but not its mutex, and concurrent use
// crashed with "concurrent map iteration and map write", unseen by the race
// detector. Since Go 1.24 a copy of a used map silently aliases it, while
// a copy of an empty map is independent. Either way the code does not mean
// what it says.
//
// A value contains a sync.Map if it is one, or holds one by value through
// struct fields (named or embedded), array elements, nested structs,
// defined types (type Registry sync.Map) or the core type of a type
// parameter. The analyzer reports every form that copies such a value:
// assignments and var declarations, call arguments (also go, defer,
// append and implicit conversions to interfaces), return statements and
// bare returns of named results, composite literal elements, channel sends
// (also in select cases), range and Go 1.22 for loop variables,
// conversions and type assertions, receivers and parameters, and method
// values bound to a value receiver. Several of these go vet's copylocks
// check does not report: channel sends, bare returns and method values.
//
// It never reports &v, pointers, len and cap, unsafe.Sizeof and its kin,
// or expressions that make a fresh value: composite literals (such as
// sync.Map{}), new and calls. Calls of a value-receiver method are covered
// by the finding at the method's receiver.
//
// It also reports resets, which go vet does not: a zero value (sync.Map{},
// *new(sync.Map), Registry{}) assigned over an existing sync.Map, be it a
// variable, a field (c.m, also through a pointer), an element (s[i].m,
// arr[i]) or *p. The assignment writes every word of a map that other
// goroutines may be using, a data race; (*sync.Map).Clear, since Go 1.23,
// empties it safely. Declarations (var m = sync.Map{}, m := sync.Map{})
// initialise a new variable and are not resets, nor is a store into a map
// element, which no one can be using in place.
//
// The finder, Find, returns the findings as plain values with the facts
// the rewrite needs (form, source, destination, containment path and the
// sync.Map fields on it); the Analyzer only reports them.
package detect
