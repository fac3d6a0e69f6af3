package detect

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// report records a finding at node. src is the copied expression, if any.
func (f *finder) report(form Form, node ast.Node, src ast.Expr, dst Dest, path Path) {
	t := path[0].Type
	fd := Finding{
		Form:   form,
		Pos:    node.Pos(),
		End:    node.End(),
		Src:    src,
		Dst:    dst,
		Type:   t,
		Path:   path,
		Fields: mapFields(t),
	}
	fd.Message = f.message(&fd)
	f.findings = append(f.findings, fd)
}

// message words each form the way vet does: lower case, no period, the
// copied value and its destination named, then the containment path.
func (f *finder) message(fd *Finding) string {
	qual := Qualifier(f.Types)
	what := types.TypeString(fd.Type, qual) + " value"
	if fd.Src != nil {
		what += " " + short(fd.Src)
	}
	var b strings.Builder
	switch fd.Form {
	case Assign, VarDecl:
		fmt.Fprintf(&b, "%s copies %s%s", fd.Form, what, f.to(fd.Dst))
	case CallArg:
		fmt.Fprintf(&b, "call of %s copies %s", short(fd.Dst.Call.Fun), what)
	case Return, CompositeElt, ChanSend:
		fmt.Fprintf(&b, "%s copies %s%s", fd.Form, what, f.to(fd.Dst))
	case BareReturn:
		fmt.Fprintf(&b, "bare return copies %s value of named result %s", types.TypeString(fd.Type, qual), fd.Dst.Obj.Name())
	case RangeVar:
		fmt.Fprintf(&b, "range copies %s elements of %s%s", types.TypeString(fd.Type, qual), short(fd.Src), f.to(fd.Dst))
	case ForVar:
		fmt.Fprintf(&b, "for loop copies %s value %s on each iteration", types.TypeString(fd.Type, qual), fd.Dst.Obj.Name())
	case Conversion:
		fmt.Fprintf(&b, "conversion to %s copies %s", types.TypeString(fd.Dst.Type, qual), what)
	case TypeAssert:
		fmt.Fprintf(&b, "type assertion copies %s value out of %s%s", types.TypeString(fd.Type, qual), short(fd.Src), f.to(fd.Dst))
	case Receiver, Param:
		name := "_"
		if fd.Dst.Obj != nil {
			name = fd.Dst.Obj.Name()
		}
		fmt.Fprintf(&b, "%s %s of %s passes %s by value", fd.Form, name, funcName(fd.Dst.Func), types.TypeString(fd.Type, qual))
	case MethodValue:
		fmt.Fprintf(&b, "method value %s copies %s", short(fd.Dst.Expr), what)
	case MethodCall:
		fmt.Fprintf(&b, "call of value method %s copies receiver %s", short(fd.Dst.Call.Fun), what)
	case Reset:
		// The zero value is no copy: what matters is the write over a
		// map that may be in use.
		fmt.Fprintf(&b, "reset writes %s over %s %s in place: a data race with any goroutine using the map, which go vet does not report",
			short(fd.Src), types.TypeString(fd.Type, qual), short(fd.Dst.Expr))
	case ElemCopy:
		fmt.Fprintf(&b, "%s copies %s elements of %s", short(fd.Dst.Call.Fun), types.TypeString(fd.Type, qual), short(fd.Src))
	}
	if len(fd.Path) > 1 {
		fmt.Fprintf(&b, ": %s", fd.Path.Format(f.Types))
	}
	return b.String()
}

// to names a destination, " to x", when it has a name worth printing.
func (f *finder) to(d Dest) string {
	switch d.Kind {
	case DstInterface:
		if d.Obj != nil && d.Obj.Name() != "" && d.Obj.Name() != "_" {
			return " to interface " + d.Obj.Name()
		}
		return " to an interface"
	case DstVar, DstField, DstResult:
		if d.Expr != nil {
			if _, ok := d.Expr.(*ast.CompositeLit); !ok {
				return " to " + short(d.Expr)
			}
		}
		if d.Obj != nil && d.Obj.Name() != "" {
			if d.Kind == DstField {
				return " to field " + d.Obj.Name()
			}
			return " to " + d.Obj.Name()
		}
	case DstElem:
		if d.Expr != nil {
			if _, ok := d.Expr.(*ast.CompositeLit); !ok {
				return " to " + short(d.Expr)
			}
		}
	case DstChan:
		return " to " + short(d.Expr)
	}
	return ""
}

// funcName names a function declaration or literal.
func funcName(fn ast.Node) string {
	if decl, ok := fn.(*ast.FuncDecl); ok {
		return decl.Name.Name
	}
	return "func literal"
}

// short renders an expression for a message, abbreviating long ones.
func short(x ast.Expr) string {
	s := types.ExprString(x)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}
