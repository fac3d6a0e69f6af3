// Package b is public: importers outside the module can declare var o
// b.Outer, which holds a zero a.T.
package b

import "example.com/ow/internal/a"

// Outer embeds a.T.
type Outer struct{ a.T }

// Holder has a field of type a.U.
type Holder struct{ Inner a.U }
