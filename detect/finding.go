package detect

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A Form is the syntactic form through which a value is copied. Each form
// matches one bullet of the Detection section of DESIGN.md.
type Form int

const (
	Assign       Form = iota // x = v, x := v, multi-value assignment, _ = v
	VarDecl                  // var x = v
	CallArg                  // f(v), also go/defer, append and implicit interface conversions
	Return                   // return v
	BareReturn               // return, with a named result of a copied type
	CompositeElt             // T{v}, T{f: v}, map[K]V{k: v}
	ChanSend                 // ch <- v, also as a select case
	RangeVar                 // for k, v := range x
	ForVar                   // for v := init; ...; ... (per-iteration copy since Go 1.22)
	Conversion               // T(v)
	TypeAssert               // x.(T), and a type switch case binding T
	Receiver                 // func (r T) M()
	Param                    // func f(p T), also function literals
	MethodValue              // v.M where M has a value receiver
	MethodCall               // v.M() on an instantiated generic receiver type
	ElemCopy                 // append(s, t...) and copy(dst, src) of elements
	Reset                    // m = sync.Map{}: a zero value written over an existing map
)

var formNames = [...]string{
	Assign:       "assignment",
	VarDecl:      "variable declaration",
	CallArg:      "call argument",
	Return:       "return",
	BareReturn:   "bare return",
	CompositeElt: "composite literal element",
	ChanSend:     "channel send",
	RangeVar:     "range variable",
	ForVar:       "for loop variable",
	Conversion:   "conversion",
	TypeAssert:   "type assertion",
	Receiver:     "receiver",
	Param:        "parameter",
	MethodValue:  "method value",
	MethodCall:   "method call",
	ElemCopy:     "element copy",
	Reset:        "reset",
}

// String returns the form's name as used in messages.
func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return "unknown form"
}

// A Finding is one place where a value containing a sync.Map is copied.
// It carries everything the rewrite planner needs, so that the planner
// never walks the syntax again to rediscover what was copied and where to.
type Finding struct {
	Form Form
	// Pos and End delimit the reported syntax: the copied expression, or
	// the declaration, statement or selector that makes the copy.
	Pos, End token.Pos
	// Src is the expression whose value is copied. It is nil for
	// receivers, parameters, bare returns and for loop variables, whose
	// copies are made by the language rather than by an expression. For
	// a Reset it is the zero value written (sync.Map{}), and Dst.Expr the
	// map it overwrites.
	Src ast.Expr
	// Dst says where the copy goes.
	Dst Dest
	// Type is the type of the copied value.
	Type types.Type
	// Path is the containment chain from Type down to sync.Map.
	Path Path
	// Fields lists every struct field of type sync.Map (or of a defined
	// type over it) that is reachable by value from Type: the candidates
	// of rule R1. It is empty when Type is itself a sync.Map.
	Fields []*types.Var
	// Message is the diagnostic text, without the fix decision.
	Message string
}

// A DestKind classifies the destination of a copy.
type DestKind int

const (
	DstUnknown   DestKind = iota
	DstVar                // a variable: local, package level, parameter or result
	DstField              // a struct field, written through a selector
	DstElem               // an element of an array, slice or map, or a literal element
	DstParam              // a parameter of the called function
	DstResult             // the result of the enclosing function
	DstChan               // a channel
	DstInterface          // an interface value (implicit conversion)
	DstBlank              // the blank identifier
	DstValue              // a new value, as made by a conversion or method value
)

// A Dest is where a copy goes.
type Dest struct {
	Kind DestKind
	// Obj is the variable or field written to, when known: for DstVar and
	// DstField the written object, for DstParam the callee's parameter,
	// for DstResult the result variable.
	Obj types.Object
	// Expr is the destination expression of an assignment, if any.
	Expr ast.Expr
	// Type is the static type of the destination; for DstInterface the
	// interface type that receives the value.
	Type types.Type
	// Call is the call for DstParam (and for CallArg findings in general).
	Call *ast.CallExpr
	// Callee is the statically called function or method, if known.
	Callee *types.Func
	// Index is the argument index for DstParam, and the result index for
	// DstResult.
	Index int
	// Func is the enclosing function's declaration or literal for
	// Return, BareReturn, Receiver and Param findings.
	Func ast.Node
}
