package rewrite

import "fmt"

// A BlockKind says what kind of obstacle keeps a finding from being
// fixed: the reason of an Outcome as a value, which tools can filter on
// (--format json and sarif print its String), where the reason's text
// gives the details. Every blocker the planner makes has a kind; one
// inherited from a target the fix needs ("field m cannot change: ...")
// keeps the kind of the target's own blocker, since that is where the
// obstacle is.
//
// The names that String returns are stable: a kind may be added, but a
// name keeps its meaning.
type BlockKind int

const (
	// BlockNone is the zero value, which no blocker carries: a blocker
	// made without a kind shows up as BlockNone (TestGolden checks that
	// none does). Its String is "none".
	BlockNone BlockKind = iota

	// BlockIgnoreDirective (ignore-directive): a //syncfix:ignore
	// directive keeps the code the fix would change as it is.
	BlockIgnoreDirective
	// BlockGeneratedFile (generated-file): the code is in a generated
	// file ("Code generated ... DO NOT EDIT."), which syncfix never
	// edits.
	BlockGeneratedFile
	// BlockCgo (cgo): the code is in the output of cgo for a file that
	// cannot be edited through it, or an edit would fall on a line that
	// cgo rewrote.
	BlockCgo
	// BlockOutsideModule (outside-module): the file belongs to a
	// dependency (vendor/, the module cache) or to GOROOT, or is a
	// symlink to a file outside the module root: syncfix edits only the
	// main modules.
	BlockOutsideModule
	// BlockAmbiguousFile (ambiguous-file): syncfix cannot tell which
	// one file an edit would write: the file's path cannot be resolved,
	// it is loaded under several names (through symlinks), or another
	// variant of its package edits it.
	BlockAmbiguousFile
	// BlockExcludedFile (excluded-file): a file that the build
	// configuration leaves out (other build tags or GOOS, tests not
	// loaded) uses what the fix changes; the reason names the flag
	// that loads it.
	BlockExcludedFile
	// BlockNotLoaded (not-loaded): what the fix would change or rely on
	// is declared outside the loaded packages, or is a function without
	// a Go body (assembly), so syncfix can neither read nor edit it.
	BlockNotLoaded
	// BlockOpenWorld (open-world): importers outside the loaded
	// packages may use what the fix changes (exported API); the fix is
	// made with --closed-world if all of them are loaded.
	BlockOpenWorld
	// BlockWritingCallee (writing-callee): under --copies auto, a
	// function writes to the copy of the map it is passed (or passes it
	// on, or lets a function literal capture it); --copies share or
	// --copies clone decides.
	BlockWritingCallee
	// BlockGoVersion (go-version): the fix needs a newer Go version
	// than the file's (a reset becomes Clear from go1.23 on).
	BlockGoVersion
	// BlockUsedAsValue (used-as-value): an expression that the fix must
	// turn into a pointer cannot become one: a use that needs the
	// sync.Map value itself, a value stored or passed where no pointer
	// can be kept, or a copied value that is not addressable.
	BlockUsedAsValue
	// BlockManualRetype (manual-retype): the sync.Map is held where
	// syncfix does not change the type: a value receiver, the elements
	// of a slice, array, map or channel, a variadic parameter, a type
	// argument; the reason says what to change by hand where it can.
	BlockManualRetype
	// BlockFixedSignature (fixed-signature): the fix would change a
	// signature that must stay: a function literal's, a function used
	// as a value or called through one, or a method that may satisfy
	// an interface.
	BlockFixedSignature
	// BlockDeclaration (declaration): the declaration or statement the
	// fix must rewrite cannot take the change alone: several names or a
	// multi-value assignment at once, a field of an unnamed struct type,
	// or a destination that is not a declaration syncfix retypes.
	BlockDeclaration
	// BlockGeneric (generic): generic code stands in the way: a type
	// parameter would have to become a pointer for one instantiation
	// alone, or generic code instantiated with a type holding the map
	// may make zero values of it or stop satisfying its constraint.
	BlockGeneric
	// BlockZeroValue (zero-value): code makes zero values of a type
	// holding the map (make, a map read, a receive, a failed comma-ok
	// assertion, ...) whose *sync.Map would be nil after the fix, and
	// syncfix cannot initialize them there.
	BlockZeroValue
	// BlockInitOrder (init-order): a package-level variable would get
	// an initializer, and an initializer declared before it may reach
	// it, through a call that the initialization order does not follow,
	// before it is set.
	BlockInitOrder
	// BlockReflection (reflection): reflection (json.Unmarshal,
	// reflect.New, reflect.Value.Interface, ...) can make values that
	// the fix cannot see: zero values with nil maps, or sync.Map values
	// in interfaces.
	BlockReflection
	// BlockInterfaceAssertion (interface-assertion): once interfaces
	// hold pointers, a type assertion or type switch would match
	// differently: it asserts the value type, a case or a store already
	// uses the pointer type, or the pointer (or an embedded *sync.Map)
	// satisfies interfaces the value does not.
	BlockInterfaceAssertion
	// BlockInterfaceComparison (interface-comparison): values holding
	// the map are compared as interfaces (==, errors.Is, a switch,
	// CompareAndSwap, comparable type parameters): that panicked on the
	// value and would compare pointers after the fix.
	BlockInterfaceComparison
	// BlockConversion (conversion): a conversion between types that
	// hold the map would no longer compile or keep its type, or is not
	// in a place the fix rewrites.
	BlockConversion
	// BlockKeptAddress (kept-address): the address of the map is kept
	// and the variable assigned again, so the kept pointer would stop
	// following it.
	BlockKeptAddress
	// BlockEvalOrder (eval-order): a call later in the same statement
	// may write the map, which the copy reads after that call (the
	// compiler evaluates calls before plain operands), while the clone,
	// a call itself, would read it before.
	BlockEvalOrder
	// BlockInternal (internal-error): a check of syncfix itself failed:
	// an invariant of the planner (Plan.invariant, which Err reports),
	// or, in the Analyzer, the plan's own verification. The code there
	// is kept as it is.
	BlockInternal

	numBlockKinds // the number of kinds, for the tests; not a kind
)

var blockKindNames = [numBlockKinds]string{
	BlockNone:                "none",
	BlockIgnoreDirective:     "ignore-directive",
	BlockGeneratedFile:       "generated-file",
	BlockCgo:                 "cgo",
	BlockOutsideModule:       "outside-module",
	BlockAmbiguousFile:       "ambiguous-file",
	BlockExcludedFile:        "excluded-file",
	BlockNotLoaded:           "not-loaded",
	BlockOpenWorld:           "open-world",
	BlockWritingCallee:       "writing-callee",
	BlockGoVersion:           "go-version",
	BlockUsedAsValue:         "used-as-value",
	BlockManualRetype:        "manual-retype",
	BlockFixedSignature:      "fixed-signature",
	BlockDeclaration:         "declaration",
	BlockGeneric:             "generic",
	BlockZeroValue:           "zero-value",
	BlockInitOrder:           "init-order",
	BlockReflection:          "reflection",
	BlockInterfaceAssertion:  "interface-assertion",
	BlockInterfaceComparison: "interface-comparison",
	BlockConversion:          "conversion",
	BlockKeptAddress:         "kept-address",
	BlockEvalOrder:           "eval-order",
	BlockInternal:            "internal-error",
}

// String returns the kind's stable kebab-case name, as --format json
// and sarif print it; "BlockKind(N)" for a value that is no kind.
func (k BlockKind) String() string {
	if k >= 0 && k < numBlockKinds && blockKindNames[k] != "" {
		return blockKindNames[k]
	}
	return fmt.Sprintf("BlockKind(%d)", int(k))
}
