package rewrite

import "github.com/dave/dst"

// wrapDecs moves the decorations around old onto wrapper, which now
// stands where old stood and contains it: comments stay where they were.
func wrapDecs(old, wrapper dst.Node) {
	o, w := old.Decorations(), wrapper.Decorations()
	w.Before, w.After = o.Before, o.After
	w.Start = append(o.Start, w.Start...)
	w.End = append(w.End, o.End...)
	o.Before, o.After = dst.None, dst.None
	o.Start, o.End = nil, nil
}

// unwrapDecs moves the decorations of a dropped node, and the comments
// inside it before its operand (extra), onto the operand that replaces
// it: dst would otherwise drop them silently.
func unwrapDecs(dropped, kept dst.Node, extra dst.Decorations) {
	d, k := dropped.Decorations(), kept.Decorations()
	k.Before, k.After = d.Before, d.After
	start := append(append(dst.Decorations{}, d.Start...), extra...)
	k.Start = append(start, k.Start...)
	k.End = append(k.End, d.End...)
}
