package rewrite

import (
	"regexp"
	"strings"
	"testing"
)

// TestBlockKindNames checks that every kind has a name of its own, in
// kebab case, as --format json and sarif print it, and that values
// which are no kind do not pass for one.
func TestBlockKindNames(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := make(map[string]BlockKind)
	for k := BlockNone + 1; k < numBlockKinds; k++ {
		name := k.String()
		if !kebab.MatchString(name) {
			t.Errorf("BlockKind(%d).String() = %q, want a kebab-case name", int(k), name)
		}
		if name == BlockNone.String() {
			t.Errorf("BlockKind(%d) has the name of BlockNone, %q", int(k), name)
		}
		if prev, ok := seen[name]; ok {
			t.Errorf("BlockKind(%d) and BlockKind(%d) are both %q", int(prev), int(k), name)
		}
		seen[name] = k
	}
	for _, k := range []BlockKind{-1, numBlockKinds, numBlockKinds + 1} {
		if got := k.String(); !strings.HasPrefix(got, "BlockKind(") {
			t.Errorf("BlockKind(%d).String() = %q, want a BlockKind(N) placeholder", int(k), got)
		}
	}
}
