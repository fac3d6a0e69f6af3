// Package b embeds a.T.
package b

import "example.com/unimp/a"

// Outer embeds a.T.
type Outer struct{ a.T }
