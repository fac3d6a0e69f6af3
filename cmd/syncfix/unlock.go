package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/syncfix/syncfix/rewrite"
)

// unlocks returns the groups of unfixed findings that a flag would fix
// (rewrite.Plan.Unlocks), computed once: it plans again per flag.
func (s *session) unlocks() []rewrite.Unlock {
	if !s.unlocksDone {
		s.unlocksDone = true
		s.unlockList = s.plan.Unlocks()
		s.progress("planned again for %d flags that would fix more", len(s.unlockList))
	}
	return s.unlockList
}

// printUnlocks prints one line per flag that would fix more findings, at
// the end of a text report (on stderr: stdout holds the findings or the
// diff, which tools parse).
func (s *session) printUnlocks(w io.Writer) {
	for _, u := range s.unlocks() {
		fmt.Fprintf(w, "syncfix: %s\n", unlockText(u))
	}
}

// maxAPINames is how many changed names an unlock line shows.
const maxAPINames = 5

// unlockText words an unlock as its summary line.
func unlockText(u rewrite.Unlock) string {
	n := len(u.Findings)
	noun, verb := "copies", "are"
	if n == 1 {
		noun, verb = "copy", "is"
	}
	if u.Estimated {
		verb = "may be"
	}
	s := fmt.Sprintf("%d more %s %s fixable with %s", n, noun, verb, u.Flag)
	switch {
	case len(u.API) > 0:
		names := u.API
		more := ""
		if len(names) > maxAPINames {
			names, more = names[:maxAPINames], ", ..."
		}
		s += " (changes exported API: " + strings.Join(names, ", ") + more + ")"
	case strings.HasPrefix(u.Flag, "--copies"):
		s += " (the callees write to their copy of the map: the flag decides whether they share it or get a clone)"
	case u.Estimated:
		s += " (files that the build configuration excludes use what the fix changes)"
	}
	return s
}
