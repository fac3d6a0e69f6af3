// Package rewrite plans and applies the fix for copies of sync.Map values
// found by package detect.
//
// The engine runs in three steps, in this order, on a Program that the
// loader filled (internal/load: this package reads no file and runs no
// go command):
//
//  1. Make reads every loaded package (a package and its test variant
//     count once: the variant holds all its files) and decides, for the
//     whole program at once, which findings are fixed and how.
//  2. Apply turns the plan into text edits of the bytes the loader read,
//     for only the files that need edits, and returns their new content;
//     it writes nothing.
//  3. Verify type-checks the changed program in process and runs the
//     copy finder on it: an edit that does not type-check, or that
//     leaves or introduces a copy, is an internal error, never output.
//
// The caller prints or writes the result.
//
// # Targets
//
// A fix changes declarations from a sync.Map type S to *S. Each such
// declaration is a target: a struct field (R1, R2), a local or
// package-level variable (R2), or a function, whose sync.Map parameters
// and results change together (R3). A target is accepted or blocked as a
// whole: it is accepted only if every use of it in the loaded packages
// can be adjusted (&x.f becomes x.f, a stored sync.Map{} becomes
// new(sync.Map), a copy becomes a call of the clone helper) and every
// place that makes a zero value of a type holding it can be initialized.
// A finding is fixed when it has no blocker of its own and every target
// it needs is accepted. Blockers propagate to a fixed point (decide), so
// a type or function changes entirely or not at all, and a type defined
// in one package and copied in another is one decision. Every blocker
// has a kind (BlockKind), which one that spreads keeps and which an
// Outcome reports with its reason.
//
// # Rules
//
// R1 Fields. A copy of a struct that holds sync.Map fields by value is
// fixed by making those fields *sync.Map: all of them, including those
// of structs it holds by value, as one decision, and all the sync.Map
// fields of a struct type together. The copy then shares the map
// with its original: on Go 1.24 and later that is what the program did
// once the map had been used, and it is never a crash. Soundness needs
// every value of the struct to have a non-nil map, so every composite
// literal (keyed, unkeyed, empty, nested), new(T) and var x T gets
// new(sync.Map), and where a zero value can appear that syncfix cannot
// initialize the field is not retyped, naming the position.
//
// # The safety model of R1
//
// The model is type-directed. For each candidate field f, the types that
// hold f by value (its struct, structs that hold or embed it, arrays of
// them, instantiations with them as type arguments) are the zero-making
// set; an operation blocks f when it makes zero values of a type of the
// set, or through a container of one (zeroOps in zeros.go):
//
//	operation                              blocks when its type holds f  example
//	var x T, new(T), T{...}                never: R1 fills in the maps    var c = Cache{m: new(sync.Map)}
//	array types, array literals            always (elements start zero)   [2]T{}, new([2]T)
//	make of a slice, length not 0          []T                            make([]T, n)
//	reslice past the length                []T                            s[:cap(s)], s[i:j:k], s[:n]
//	slice literal with indices, clear      []T                            []T{3: t}, clear(s)
//	map read, also comma-ok                map[K]T                        m[k], v, ok := m[k]
//	receive (not for range)                chan T                         <-ch, v, ok := <-ch, select
//	*new(T)                                T                              *new(T)
//	comma-ok type assertion, v used when   T (a struct: initialised on    v, ok := x.(T)
//	it fails                               the failure path, failinit.go)
//	named results, also of literals        T                              func() (t T)
//	unsafe conversions                     T                              (*T)(unsafe.Pointer(p))
//	generic code instantiated with T       T for a type parameter         var e E; [1]E{}[0]; Opt[E]{}
//	decoders, through the argument's type  any type reachable from it     json.Unmarshal(b, &cfg)
//	reflect constructors and setters       anything reaching an interface reflect.Zero, Value.Set
//	exported API of an open-world package  any type reachable from it     type Outer struct{ a.T }
//	interface comparisons, errors          T reaching such an interface   any(x) == any(y), errors.Is
//	comparers of interface values          T reaching any interface       m.CompareAndSwap(k, old, v)
//	comparable type parameters bound to    T reaching such an interface   slices.Contains(xs []any, x),
//	an interface type (or a struct of one)                                Set[fmt.Stringer]
//	a zero T the file cannot write out     T                              var o b.Outer without import a
//	package-level var x T after an         T                              var n = reg(plugin{}); var x T
//	initializer that calls through an
//	interface or into another package
//	with a value that can call back
//	(initorder.go)
//
// Generic code cannot write E{m: new(sync.Map)}, so in generic bodies var,
// new and literals that leave fields out count as zero-making too. A
// decoder is a function of encoding/json, xml, gob, asn1 or database/sql
// that fills its argument, or one named Unmarshal, Decode, Scan or Merge
// in a package whose path names yaml, toml, mapstructure, protobuf or
// msgpack; reading by reflection (fmt, log, json.Marshal, Encoder.Encode)
// makes no zero values, and neither does storing in an interface
// (sync.Map.Store, LoadOrStore, channels of any, context.WithValue,
// atomic.Value): a &T{} stored there is a construction site that R1
// initializes. Values reach interfaces by any implicit or explicit
// conversion in the loaded code. A sync.Map makes its struct
// incomparable: comparing interfaces that held one panicked and
// errors.Is skipped it, while after R1 they compare pointers and may be
// equal, so a struct that is converted to an interface and is an error,
// or is compared through an interface type it implements, keeps its
// type. Comparisons are ==, switch, interface map keys, errors.Is, the
// library comparers sync.Map.CompareAndSwap and CompareAndDelete,
// atomic.Value.CompareAndSwap and reflect.Value.Equal (called or taken
// as method values), and every instantiation that binds a comparable
// type parameter to an interface type, or a struct or array holding one
// (slices.Index, Contains, Equal, Compact, maps.Equal, unique.Make, a
// user's Set[T comparable], and the methods of such an instantiated
// type, also one that a library made): only a comparable type parameter
// can be compared or be a map key, so the generic body may compare the
// interfaces. The first comparison is named. A comparison with nil, or
// with a value of a comparable concrete type (x == "a", m["k"] on a
// map[any]V, a CompareAndSwap of an old string), does not count: it
// compares dynamic types first, never T's, so it neither panicked nor
// starts to succeed. Open world: a package that is not main, not a test
// and not an internal package whose whole tree is loaded can be
// imported from outside; whatever its exported
// types, functions, variables and their exported methods reach (by
// fields, embedding, pointers, elements and signatures) is blocked unless
// --closed-world. Not seen: libraries outside the load that make values
// by reflection without being named decoders, library code that
// compares interface values outside the comparers and type parameters
// above (CompareAndSwap called through an interface type, a context key
// compared by Context.Value), the keys of a sync.Map (a T key made
// every method panic, and would work after the fix), and files the
// build excludes (see
// excluded.go).
//
// Patterns:
//
//	entries sync.Map        =>  entries *sync.Map
//	Cache{name: n}          =>  Cache{name: n, entries: new(sync.Map)}
//	new(Cache)              =>  &Cache{entries: new(sync.Map)}
//	var c Cache             =>  var c = Cache{entries: new(sync.Map)}
//	&c.entries              =>  c.entries
//
// R2 Copies. A copy of a sync.Map itself becomes a call of the package's
// clone helper on the source's address, and its destination (a variable,
// field, result or parameter) becomes *sync.Map. Under --copies=share it
// becomes &m instead. The source must be addressable (or *p, which
// becomes p); a destination that cannot be retyped (a channel, a slice
// element) blocks the fix. A copy into an interface changes the dynamic
// type to *sync.Map; a local or parameter stored as its last use (not in
// a loop it outlives, its address never kept, no closure capturing it)
// is moved: the interface holds &m, and no clone is made.
//
//	n := m                  =>  n := cloneSyncMap(&m)
//	fmt.Println(m)          =>  fmt.Println(cloneSyncMap(&m))
//	_ = m                   =>  _ = &m
//
// A copy whose source is not used again is a move: shared, not cloned,
// since no one can tell a snapshot from the map once only the
// destination holds it (a builder's return t becomes return &t; a
// parameter stored as its last use shares what the caller passed, so a
// call clones at one end only). The analysis is syntactic and errs
// towards cloning; moves.go lists its conditions. *f() is fixed as *p
// is: the pointer is already there, cloneSyncMap(f()).
//
// Maps inside maps (boxed.go). Where loaded code asserts an interface to
// a sync.Map type S (x.(S), comma-ok, a type switch case), the stores of
// S into interfaces and the assertions are one decision for the whole
// program: every store stores a *S (a clone, a moved source, new(S) for
// S{}, a retyped call's result), every assertion asserts *S, and the
// variable an assertion sets becomes *S. This is sound because an S can
// reach an interface only by a conversion in the loaded code, which the
// planner sees, or from outside it: the decision is refused where a
// store or an assertion is out of reach (generated files, type
// parameters bound to S, reflect.Value.Interface, exported API of
// open-world packages that carries interfaces in), and where the change
// of dynamic type is observable (an assertion to an interface that *S
// satisfies and S does not; a type switch with a case *S; a comparison
// of interfaces that an S can be in, as R1 counts them, which panicked
// on two S values and would compare the pointers: then every store of S
// into an interface is refused, also where nothing asserts S). A failed
// comma-ok assertion now yields nil, where it gave an empty map: unless
// every use of the variable is guarded by ok, the statement is followed
// by if !ok { m = new(S) }, so no nil map is used.
//
//	outer.LoadOrStore(k, sync.Map{})   =>  outer.LoadOrStore(k, new(sync.Map))
//	inner := v.(sync.Map)              =>  inner := v.(*sync.Map)
//	case sync.Map:                     =>  case *sync.Map:
//	inner, ok := v.(sync.Map)          =>  inner, ok := v.(*sync.Map)
//	                                       if !ok { inner = new(sync.Map) }
//
// R3 Signatures. Parameters and results of sync.Map type become
// pointers. A parameter the function only reads (Load, Range, and passing
// it to read-only parameters: a fixed point over the calls of all loaded
// packages, recursion and methods included, each body read once through
// the objects of the package variant that declares it, so that neither
// the order of the packages nor a test variant hides a write) is passed
// as &m at every call site: the same behaviour at no cost, unless the
// caller's map may change while the function runs, which the copy did
// not see: the function calls other code than read methods, builtins
// and such read-only functions, and the argument is within that code's
// reach (argPrivate in alias.go: a package-level variable, reached
// through a pointer or a slice, address taken, used by a function
// literal); then, under auto and clone, it is cloned. A literal
// passed to the map's own Range runs before Range returns, so it is
// judged by what it does, not as a capture. A parameter the
// function writes to, or that a function literal not called on the spot
// captures or a go statement uses, reached the caller's map at run time or is read later; under
// --copies=auto the function is left alone and the finding names the two
// policies, clone and share, that decide it. The arguments of go and
// defer calls are evaluated at the statement, a snapshot: they are
// cloned even for read-only callees. A named result
// is set to new(sync.Map) first, so no path returns nil. A call whose
// result is stored where a pointer is wanted (a retyped variable, field,
// parameter or result) makes both one decision; an interface takes the
// pointer; any other value context (an array element, a field that keeps
// its type) would need *f(), itself a copy, so the function keeps its
// signature and the finding names that call. Function literals, functions used
// as values, methods that may satisfy an interface, functions without a
// body and exported functions of open-world packages keep their
// signature.
//
//	func count(m sync.Map) int  =>  func count(m *sync.Map) int
//	count(m)                    =>  count(&m)
//	func snap() sync.Map        =>  func snap() *sync.Map
//
// A function with several results (results.go) cannot have its calls
// dereferenced, so each place that receives a retyped result takes the
// pointer: m, ok := f() and m, ok = f() retype m, return f() retypes the
// enclosing function's results with f's, g(f()) retypes g's parameters
// (or passes the pointers to its interface parameters), _ and dropped
// results need nothing; other uses keep the signature.
//
//	func get(k string) (sync.Map, bool)  =>  func get(k string) (*sync.Map, bool)
//
// R4 Clone helper. One per package that needs it, in syncfix_clone.go,
// or syncfix_clone_test.go when only test files call it; an external test
// package gets its own. Its name collides with nothing in the package
// (cloneSyncMap, cloneSyncMap2, ..., also avoiding local names that would
// shadow it), and a helper an earlier run wrote is reused where the
// caller can see it: non-test code cannot call a helper in a _test.go
// file, so it gets one of its own. A file name already taken gets a
// variant (syncfix_clone_internal_test.go, syncfix_clone2.go). The helper
// uses any, or interface{} before Go 1.18.
//
// R5 Output. Only files with edits change. The applier writes text
// edits, not syntax trees: each op inserts or replaces the few bytes it
// changes (a *, a wrapping call, the braces of a literal) and keeps the
// text between them, so every comment stays next to the code it
// described, and no edit can lose one (DESIGN.md speaks of dave/dst for
// this; dst decorates and prints a whole file for each edit, about 14
// times the cost of parsing it, and it drops the comments of nodes it
// replaces unless they are moved by hand: text edits give the same
// guarantee for a fraction of the cost, and they are the edits that
// analysis drivers and gopls apply). Then the lines the edits wrote are
// gofmt-formatted, with their paragraph (fidelity.go); the rest of the
// file keeps its bytes. A field added to a literal written on several
// lines goes on a line of its own. A file imports sync at most once:
// the edits reuse its import, and import "sync" is added where there is
// none, under a fresh name where sync is taken at file scope. Where a
// local name shadows the import at an edit, the import and its uses in
// the file are renamed (imports.go). Generated files are never edited,
// and neither are files outside the main modules (vendor/, the module
// cache, GOROOT), whatever the patterns load. A cgo file is edited
// through the file the user wrote, on the lines cgo did not rewrite
// (cgo.go). A second run finds
// nothing to fix.
//
// R6 Resets. A zero value written over an existing sync.Map (the reset
// form of package detect) races with every goroutine that uses the map:
// the assignment writes all its words, while Load, Store and Range read
// them. (*sync.Map).Clear empties the same map and is safe for concurrent
// use, so the reset becomes a call of Clear on the same target, where the
// file's Go version (its //go:build go1.N, else the module's go line) is
// go1.23 or later; below that it is reported as not fixed, naming the
// version. Where R1, R2 or R3 retypes the target to *sync.Map, that rule
// stores new(sync.Map) instead, and the reset adds no edit of its own:
// copies made before the reset keep the entries they saw, as before the
// fix, where Clear would empty them too. A target whose address is kept
// (p := &m) keeps Clear, on the pointer, so that p follows it as before.
// The rule is in reset.go.
//
//	RunList = sync.Map{}        =>  RunList.Clear()
//	*p = sync.Map{}             =>  p.Clear()
//	c.m = sync.Map{}            =>  c.m = new(sync.Map)   (c's type is copied: R1)
//
// # Files
//
// The pass order is stated once, in Make (plan.go). By rule and by job:
//
//	program.go       Program: what the loader read (package rewrite does no I/O)
//	plan.go          Make, Plan, Outcome, Options: the passes, in order
//	nodes.go         findings, targets and blockers, and how blockers spread
//	blockkind.go     BlockKind: the kinds of blockers, one list of them
//	classify.go      which rule fixes each finding (R1, R2, R3, boxes, resets)
//	targets.go       declarations of targets: fields (R1), variables (R2), open world, invariants
//	funcs.go         R3: signatures, read-only parameters as a fixed point, policies
//	results.go       R3 for several results: m, ok := f(), return f(), g(f())
//	uses.go          every use of a target adjusted (&x.f => x.f, f() in value contexts)
//	sites.go         R1 construction sites: literals, new(T), var x T
//	zeros.go         R1's zero-value model: operations that make zero values of a held type
//	ifaces.go        R1 blockers through interfaces: reflection, decoders, comparisons (also of boxes)
//	openworld.go     R1 blockers from importers outside the load (exported API)
//	failinit.go      R1 at comma-ok assertions: the failure path's zero value initialised
//	initorder.go     package-level vars that get an initializer: the initialisation order
//	boxed.go         maps inside maps: stores into interfaces and assertions, one decision
//	moves.go         moves: a copy whose source is not used again is shared
//	evalorder.go     clones refused where a later call in the statement may write the source
//	reset.go         R6: resets become Clear() or new(sync.Map)
//	alias.go         --copies share: writes that may reach a source under another name
//	clone.go         R4: the clone helper's name and file
//	excluded.go      files the build excludes: what they use blocks (by name)
//	excludedtypes.go ... resolved by type: the file type-checked with its package
//	notouch.go       R5: files never edited (generated, outside the main module)
//	cgo.go           R5: cgo files edited through the user's file, on verbatim lines
//	index.go         indexes built on first use: parents and identifiers by position, local uses, reached fields
//	scopes.go        the innermost scope at a position, by binary search over the top-level scopes
//	ops.go           ops and their edits: one small type per kind of edit, each with its apply
//	apply.go         Apply: ops to text edits, per file, in parallel; Verify's check while formatting
//	textedit.go      text edits: ordering, nesting, applying
//	exprs.go         the text of new expressions: clones, types, literals, new
//	imports.go       one import of sync per file, renamed where shadowed
//	names.go         the one fresh-name chooser: base, base2, ...
//	fidelity.go      gofmt where the edits reach, printing only what they reach; BOM and CRLF kept
//	verify.go        Verify: the changed program type-checked in process, copies found again
//	unlock.go        the findings a flag would fix, for the unlock summary
//	analyzer.go      Analyzer: the fix one package can make alone, as a suggested fix
//	fileerror.go     FileError, for files Apply refuses
//
// # Limitations
//
// Not rewritten yet, and reported as not fixed: conversions between
// sync.Map types (Registry(m)) other than one that initializes a
// variable, value receivers of a defined type over sync.Map, range, for
// and element copies of sync.Map values themselves (their element type
// must become *sync.Map, which is the user's change to make), and resets
// in a multi-value assignment or in a file older than Go 1.23. A copy of
// a defined type over sync.Map keeps
// its type: (*Registry)(cloneSyncMap((*sync.Map)(&r))).
package rewrite
