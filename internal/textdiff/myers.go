package textdiff

import "math"

// An edit replaces the lines a[x:x+del] of the old text by the lines
// b[y:y+ins] of the new one. Edits are ordered and never touch: between
// two edits lies at least one unchanged line.
type edit struct {
	x, y     int
	del, ins int
}

func (e edit) xend() int { return e.x + e.del }
func (e edit) yend() int { return e.y + e.ins }

// minTooExpensive is the least cost bound of one search (see
// differ.tooExpensive). A search finds its optimal split once it has made
// about half of the edits of the subproblem, so any subproblem with up to
// twice this many changed lines (after the lines that occur on one side
// only are set aside) is diffed minimally.
const minTooExpensive = 1024

// diffLines returns the edits that turn a into b. A tooExpensive of 0
// means the default cost bound; tests pass small ones to exercise the
// fallback.
func diffLines(a, b [][]byte, tooExpensive int) []edit {
	// Compare small integers instead of byte slices.
	ids := make(map[string]int)
	intern := func(lines [][]byte) []int {
		v := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[string(l)]
			if !ok {
				id = len(ids)
				ids[string(l)] = id
			}
			v[i] = id
		}
		return v
	}
	xa, yb := intern(a), intern(b)

	// A line that occurs on one side only is changed in every edit
	// script. Marking those now and searching only the others gives the
	// same longest common subsequence, and on very different inputs it
	// leaves the search little to do.
	inX := make([]bool, len(ids))
	inY := make([]bool, len(ids))
	for _, id := range xa {
		inX[id] = true
	}
	for _, id := range yb {
		inY[id] = true
	}
	xchg := make([]bool, len(xa))
	ychg := make([]bool, len(yb))
	var xs, ys, xi, yi []int // kept lines and their indexes in a, b
	for i, id := range xa {
		if inY[id] {
			xs, xi = append(xs, id), append(xi, i)
		} else {
			xchg[i] = true
		}
	}
	for i, id := range yb {
		if inX[id] {
			ys, yi = append(ys, id), append(yi, i)
		} else {
			ychg[i] = true
		}
	}

	if tooExpensive == 0 {
		// As GNU diff does: about the square root of the input size,
		// but never less than the minimum.
		tooExpensive = max(minTooExpensive, int(math.Sqrt(float64(len(xs)+len(ys)))))
	}
	n := len(xs) + len(ys) + 3
	d := &differ{
		x:            xs,
		y:            ys,
		xchg:         make([]bool, len(xs)),
		ychg:         make([]bool, len(ys)),
		fd:           make([]int, n),
		bd:           make([]int, n),
		off:          len(ys) + 1,
		tooExpensive: tooExpensive,
	}
	d.compare(0, len(xs), 0, len(ys))
	for k, c := range d.xchg {
		xchg[xi[k]] = c
	}
	for k, c := range d.ychg {
		ychg[yi[k]] = c
	}

	// Unchanged lines pair up in order, so a lockstep walk finds the
	// edits between them.
	var edits []edit
	for x, y := 0, 0; x < len(xa) || y < len(yb); {
		if (x < len(xa) && xchg[x]) || (y < len(yb) && ychg[y]) {
			e := edit{x: x, y: y}
			for x < len(xa) && xchg[x] {
				x++
			}
			for y < len(yb) && ychg[y] {
				y++
			}
			e.del, e.ins = x-e.x, y-e.y
			edits = append(edits, e)
			continue
		}
		x++
		y++
	}
	return edits
}

// A differ finds which lines of x and y are changed in an edit script
// that turns x into y, by Myers' linear-space divide and conquer search.
type differ struct {
	x, y       []int
	xchg, ychg []bool // results: whether each line is deleted or inserted

	// fd and bd hold, for each diagonal k = x-y, the furthest x reached
	// by the forward and the backward search; diagonal k is at index
	// off+k. They are shared by all searches, each of which
	// initializes the diagonals it reads.
	fd, bd []int
	off    int

	// tooExpensive bounds the edit cost one search may spend before it
	// settles for a heuristic split point.
	tooExpensive int
}

// compare marks the changed lines of x[xoff:xlim] against y[yoff:ylim].
func (d *differ) compare(xoff, xlim, yoff, ylim int) {
	for {
		for xoff < xlim && yoff < ylim && d.x[xoff] == d.y[yoff] {
			xoff++
			yoff++
		}
		for xoff < xlim && yoff < ylim && d.x[xlim-1] == d.y[ylim-1] {
			xlim--
			ylim--
		}
		if xoff == xlim || yoff == ylim {
			d.markAll(xoff, xlim, yoff, ylim)
			return
		}
		xmid, ymid := d.split(xoff, xlim, yoff, ylim)
		if xmid < xoff || xmid > xlim || ymid < yoff || ymid > ylim ||
			(xmid == xoff && ymid == yoff) || (xmid == xlim && ymid == ylim) {
			// A split that does not shrink the problem would recurse
			// forever. The search should never return one, but
			// replacing the whole range is still a correct answer.
			d.markAll(xoff, xlim, yoff, ylim)
			return
		}
		// Recurse into the smaller half and loop on the larger one, so
		// that the stack depth stays logarithmic even when heuristic
		// splits are lopsided.
		if (xmid-xoff)+(ymid-yoff) < (xlim-xmid)+(ylim-ymid) {
			d.compare(xoff, xmid, yoff, ymid)
			xoff, yoff = xmid, ymid
		} else {
			d.compare(xmid, xlim, ymid, ylim)
			xlim, ylim = xmid, ymid
		}
	}
}

// markAll marks x[xoff:xlim] deleted and y[yoff:ylim] inserted.
func (d *differ) markAll(xoff, xlim, yoff, ylim int) {
	for i := xoff; i < xlim; i++ {
		d.xchg[i] = true
	}
	for i := yoff; i < ylim; i++ {
		d.ychg[i] = true
	}
}

// split returns a point (xmid, ymid) through which an edit script of
// x[xoff:xlim] and y[yoff:ylim] passes: the middle of a shortest one, found
// by searching forward from the start and backward from the end at once
// until the two meet; or, once the cost exceeds d.tooExpensive, the point
// furthest from its search's origin. The ranges must be non-empty and
// differ in their first and in their last lines.
//
// This is diag from GNU diffutils' diffseq.h (Myers 1986, section 4b),
// without its minimal-mode options.
func (d *differ) split(xoff, xlim, yoff, ylim int) (xmid, ymid int) {
	fd, bd, o := d.fd, d.bd, d.off
	dmin, dmax := xoff-ylim, xlim-yoff // the diagonals of the box
	fmid, bmid := xoff-yoff, xlim-ylim // where each search starts
	fmin, fmax := fmid, fmid           // diagonals the forward search reached
	bmin, bmax := bmid, bmid           // and the backward one
	// The searches can only meet on a forward step if the start
	// diagonals differ in parity, and on a backward step otherwise.
	odd := (fmid-bmid)&1 != 0
	fd[o+fmid] = xoff
	bd[o+bmid] = xlim

	for c := 1; ; c++ {
		// One more edit forward. The diagonals just outside the
		// reached range get sentinels that lose every comparison.
		if fmin > dmin {
			fmin--
			fd[o+fmin-1] = -1
		} else {
			fmin++
		}
		if fmax < dmax {
			fmax++
			fd[o+fmax+1] = -1
		} else {
			fmax--
		}
		for k := fmax; k >= fmin; k -= 2 {
			tlo, thi := fd[o+k-1], fd[o+k+1]
			x := tlo + 1 // a deletion from diagonal k-1
			if tlo < thi {
				x = thi // an insertion from diagonal k+1
			}
			y := x - k
			for x < xlim && y < ylim && d.x[x] == d.y[y] {
				x++
				y++
			}
			fd[o+k] = x
			if odd && bmin <= k && k <= bmax && bd[o+k] <= x {
				return x, y
			}
		}

		// One more edit backward.
		if bmin > dmin {
			bmin--
			bd[o+bmin-1] = math.MaxInt
		} else {
			bmin++
		}
		if bmax < dmax {
			bmax++
			bd[o+bmax+1] = math.MaxInt
		} else {
			bmax--
		}
		for k := bmax; k >= bmin; k -= 2 {
			tlo, thi := bd[o+k-1], bd[o+k+1]
			x := thi - 1
			if tlo < thi {
				x = tlo
			}
			y := x - k
			for xoff < x && yoff < y && d.x[x-1] == d.y[y-1] {
				x--
				y--
			}
			bd[o+k] = x
			if !odd && fmin <= k && k <= fmax && x <= fd[o+k] {
				return x, y
			}
		}

		if c < d.tooExpensive {
			continue
		}
		// Too expensive: give up on a shortest script. Take the point,
		// clipped to the box, that has come furthest (largest x+y
		// forward, smallest backward), from whichever search has
		// progressed more. Every split gives a correct script.
		fxybest, fxbest := -1, 0
		for k := fmax; k >= fmin; k -= 2 {
			x := min(fd[o+k], xlim)
			y := x - k
			if ylim < y {
				x, y = ylim+k, ylim
			}
			if fxybest < x+y {
				fxybest, fxbest = x+y, x
			}
		}
		bxybest, bxbest := math.MaxInt, 0
		for k := bmax; k >= bmin; k -= 2 {
			x := max(xoff, bd[o+k])
			y := x - k
			if y < yoff {
				x, y = yoff+k, yoff
			}
			if x+y < bxybest {
				bxybest, bxbest = x+y, x
			}
		}
		if (xlim+ylim)-bxybest < fxybest-(xoff+yoff) {
			return fxbest, fxybest - fxbest
		}
		return bxbest, bxybest - bxbest
	}
}
